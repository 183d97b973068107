/**
 * The BMML v2 <-> canvas mapping, table by table: the one place import, export and docs/bmml.md
 * read it from. BMML's nine sections become the nine business-model blocks; its `for:`/`from:`
 * links become our reference fields; the value-proposition detail nested in segments and
 * propositions becomes value-proposition canvases.
 */

/** One link of a BMML entry (`for: {customer_segments: [...]}`) and the reference field it becomes. */
export interface LinkMapping {
  /** `for` or `from`. */
  preposition: 'for' | 'from';
  /** The sub-key: the BMML section whose ids it holds. */
  section: string;
  /** Our reference field on the card. */
  field: string;
}

export interface SectionMapping {
  /** BMML's section key. */
  section: string;
  /** Our block key. */
  block: string;
  /** BMML's id prefix for its entries. */
  prefix: string;
  /** What an entry is called in messages. */
  noun: string;
  /** BMML carries a `description` on these entries (else only `name`). */
  description: boolean;
  links: readonly LinkMapping[];
}

const link = (preposition: 'for' | 'from', section: string, field: string): LinkMapping => ({ preposition, section, field });

/** The business-model sections, in BMML's order (the order export writes them). */
export const SECTIONS: readonly SectionMapping[] = [
  { section: 'customer_segments', block: 'customer-segments', prefix: 'cs-', noun: 'customer segment', description: true, links: [] },
  { section: 'value_propositions', block: 'value-propositions', prefix: 'vp-', noun: 'value proposition', description: true, links: [] },
  {
    section: 'channels',
    block: 'channels',
    prefix: 'ch-',
    noun: 'channel',
    description: false,
    links: [link('for', 'value_propositions', 'value-propositions'), link('for', 'customer_segments', 'segments')],
  },
  { section: 'customer_relationships', block: 'customer-relationships', prefix: 'cr-', noun: 'customer relationship', description: false, links: [link('for', 'customer_segments', 'segments')] },
  {
    section: 'revenue_streams',
    block: 'revenue-streams',
    prefix: 'rs-',
    noun: 'revenue stream',
    description: false,
    links: [link('from', 'customer_segments', 'segments'), link('for', 'value_propositions', 'value-propositions')],
  },
  { section: 'key_resources', block: 'key-resources', prefix: 'kr-', noun: 'key resource', description: false, links: [link('for', 'value_propositions', 'value-propositions')] },
  { section: 'key_activities', block: 'key-activities', prefix: 'ka-', noun: 'key activity', description: false, links: [link('for', 'value_propositions', 'value-propositions')] },
  {
    section: 'key_partnerships',
    block: 'key-partnerships',
    prefix: 'kp-',
    noun: 'key partnership',
    description: false,
    links: [link('for', 'key_resources', 'resources'), link('for', 'key_activities', 'activities')],
  },
  { section: 'costs', block: 'cost-structure', prefix: 'cost-', noun: 'cost', description: false, links: [link('for', 'key_resources', 'resources'), link('for', 'key_activities', 'activities')] },
];

export const SECTION_BY_NAME: ReadonlyMap<string, SectionMapping> = new Map(SECTIONS.map((s) => [s.section, s]));
export const SECTION_BY_BLOCK: ReadonlyMap<string, SectionMapping> = new Map(SECTIONS.map((s) => [s.block, s]));

/** One part of the value-proposition detail: nested in a BMML entry, a block of a value-proposition canvas. */
export interface DetailMapping {
  /** The BMML entry it is nested in. */
  owner: 'customer_segments' | 'value_propositions';
  /** BMML's key inside the entry. */
  key: string;
  /** Our block of the value-proposition canvas. */
  block: string;
  prefix: string;
  noun: string;
  /** The BMML field that holds the card's text: jobs, pains and gains have only a description. */
  text: 'name' | 'description';
}

export const DETAILS: readonly DetailMapping[] = [
  { owner: 'customer_segments', key: 'jobs', block: 'customer-jobs', prefix: 'job-', noun: 'job', text: 'description' },
  { owner: 'customer_segments', key: 'pains', block: 'pains', prefix: 'pain-', noun: 'pain', text: 'description' },
  { owner: 'customer_segments', key: 'gains', block: 'gains', prefix: 'gain-', noun: 'gain', text: 'description' },
  { owner: 'value_propositions', key: 'products_services', block: 'products-and-services', prefix: 'ps-', noun: 'product or service', text: 'name' },
  { owner: 'value_propositions', key: 'pain_relievers', block: 'pain-relievers', prefix: 'pr-', noun: 'pain reliever', text: 'name' },
  { owner: 'value_propositions', key: 'gain_creators', block: 'gain-creators', prefix: 'gc-', noun: 'gain creator', text: 'name' },
];

/** A fit mapping [reliever, pain] or [creator, gain] becomes this reference field on the first's card. */
export const FIT_LINKS = [
  { from: 'pain_relievers', to: 'pains', field: 'relieves' },
  { from: 'gain_creators', to: 'gains', field: 'creates' },
] as const;

/** The key that keeps, on a canvas and on a card, what has no field of ours. */
export const XBMML = 'x-bmml';

/** Top-level keys of a BMML v2 file. */
export const TOP_LEVEL = new Set(['version', 'meta', 'fits', ...SECTIONS.map((s) => s.section)]);

/** Keys BMML's migration guide names as v1-only (docs/MIGRATION.md, "Version Detection"). */
export const V1_ENTRY_KEYS = ['segments', 'segment', 'for_value', 'from_segments', 'provides', 'linked_to'];
export const V1_TOP_KEYS = ['cost_structure'];
