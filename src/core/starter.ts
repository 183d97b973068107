/**
 * Starter canvases: what `canvas-as-code init`, "Canvas: New Canvas…" and the new-canvas snippet
 * write. One source for all three. A starter has no errors and no warnings (nor any other finding):
 * every block has a card, and the cards on the right side name the segment they serve.
 *
 * The kinds are the vocabulary's (src/core/kinds.ts); the blocks, their order and the question over
 * each one come from the kind's schema. Only the example cards are written here, one table entry per kind.
 */
import { parse } from 'yaml';
import { CANVAS_KINDS, CanvasKind, isCanvasKind, kindInfo, resolveRef } from './schema';
import type { BlockInfo } from './schema';

export { CANVAS_KINDS };

/** A value the snippet turns into a placeholder; the same `slot` twice is one (mirrored) placeholder. */
export interface StarterSlot {
  slot: string;
  value: string;
}

/** One line of a starter: literal text and slots. Literal text is already valid YAML. */
export type StarterLine = readonly (string | StarterSlot)[];

interface StarterCard {
  /** Kebab-case; other cards name it in their references. */
  id?: string;
  name: string;
  /** Reference fields (ids, as written in a flow list) and plain fields, written in schema order. */
  fields?: Readonly<Record<string, string | readonly string[]>>;
}

interface StarterKind {
  /** The title when none is given. */
  title: string;
  description: string;
  /** Comment lines at the top, without `# `. */
  intro: readonly string[];
  /** Example cards of each block, by block key; every block of the kind has at least one. */
  cards: Readonly<Record<string, readonly StarterCard[]>>;
}

/** A new kind of canvas is one entry here (and its file in vocabulary/). */
const STARTERS: Readonly<Record<CanvasKind, StarterKind>> = {
  'business-model': {
    title: 'My business model',
    description: 'One paragraph about the business or the idea this canvas explores.',
    intro: [
      'Replace the example cards with your own. A card is a plain string or a mapping with at least',
      '`name`; give a card an `id` to refer to it. Cards on the right side name the customer',
      'segments they serve in `segments`, so every segment is served and looked after.',
    ],
    cards: {
      'key-partnerships': [{ name: 'A partner or supplier we rely on' }],
      'key-activities': [{ name: 'The most important thing we do', fields: { 'value-propositions': ['main-offer'] } }],
      'key-resources': [{ name: 'The asset we cannot do without', fields: { 'value-propositions': ['main-offer'] } }],
      'value-propositions': [{ id: 'main-offer', name: 'The problem we solve for them', fields: { segments: ['first-customers'] } }],
      'customer-relationships': [{ name: 'How we win and keep them', fields: { segments: ['first-customers'] } }],
      channels: [{ name: 'How we reach them', fields: { segments: ['first-customers'] } }],
      'customer-segments': [{ id: 'first-customers', name: 'The customers we serve first' }],
      'cost-structure': [{ name: 'Our largest cost' }],
      'revenue-streams': [{ name: 'What they pay us for', fields: { segments: ['first-customers'], 'value-propositions': ['main-offer'] } }],
    },
  },
  lean: {
    title: 'My Lean Canvas',
    description: 'One paragraph about the startup idea this canvas explores.',
    intro: [
      'Replace the example cards with your own, starting with the problem and the customer segments.',
      'Name the problems each solution and alternative answers in `problems`, and the segments a',
      'card is for in `segments`. Every card is a hypothesis: test the riskiest first.',
    ],
    cards: {
      problem: [{ id: 'top-problem', name: 'The most painful problem our customers have', fields: { segments: ['first-customers'] } }],
      'existing-alternatives': [{ name: 'How they solve it today', fields: { problems: ['top-problem'] } }],
      solution: [{ name: 'The simplest thing that solves it', fields: { problems: ['top-problem'] } }],
      'key-metrics': [{ name: 'The number that shows we are making progress' }],
      'unique-value-proposition': [{ name: 'Why we are different and worth paying for', fields: { segments: ['first-customers'] } }],
      'high-level-concept': [{ name: 'Our idea as an analogy: X for Y' }],
      'unfair-advantage': [{ name: 'What cannot easily be copied or bought' }],
      channels: [{ name: 'How we reach our customers', fields: { segments: ['first-customers'] } }],
      'customer-segments': [{ id: 'first-customers', name: 'The customers we serve first' }],
      'early-adopters': [{ name: 'Who feels the problem most today', fields: { segments: ['first-customers'] } }],
      'cost-structure': [{ name: 'Our largest cost' }],
      'revenue-streams': [{ name: 'What they pay us for', fields: { segments: ['first-customers'] } }],
    },
  },
  'value-proposition': {
    title: 'My value proposition',
    description: 'The customer we design for, and the value we offer them.',
    intro: [
      'Replace the example cards with your own: the customer profile (jobs, pains, gains) and the',
      'value map that answers it. Name the pains each reliever eases in `relieves` and the gains each',
      'creator produces in `creates`. To zoom into a business model, add `business-model: ./file`.',
    ],
    cards: {
      'customer-jobs': [{ id: 'main-job', name: 'What the customer is trying to get done', fields: { type: 'functional' } }],
      pains: [{ id: 'main-pain', name: 'What annoys them about it today', fields: { severity: 'high' } }],
      gains: [{ id: 'main-gain', name: 'The outcome they hope for', fields: { relevance: 'expected' } }],
      'products-and-services': [{ name: 'What we offer them', fields: { jobs: ['main-job'] } }],
      'pain-relievers': [{ name: 'How it eases that pain', fields: { relieves: ['main-pain'] } }],
      'gain-creators': [{ name: 'How it creates that gain', fields: { creates: ['main-gain'] } }],
    },
  },
};


/** The kinds a starter can be written for: today, all of CANVAS_KINDS (a test holds to that). */
export const STARTER_KINDS: readonly string[] = CANVAS_KINDS.filter((k) => Object.hasOwn(STARTERS, k));

/** The schema's label for a kind, e.g. "Business Model Canvas". */
export function kindLabel(kind: string): string {
  const index = CANVAS_KINDS.indexOf(kind as CanvasKind);
  // The `canvas` enumeration, the same in every kind's schema: its labels name the kinds (translated).
  const { schema } = kindInfo('business-model');
  const kindSchema = resolveRef(schema.properties?.canvas ?? {}, schema);
  return (index >= 0 ? kindSchema.enumItemLabels?.[index] : undefined) ?? kind;
}

/** The blocks of a kind that its starter fills, in canvas order. */
function blocksOf(kind: CanvasKind, starter: StarterKind): BlockInfo[] {
  return kindInfo(kind).blocks.filter((b) => Object.hasOwn(starter.cards, b.key));
}

/**
 * A scalar in YAML's block context: plain when it reads back as the same string, else double
 * quoted (JSON's escapes are YAML's).
 */
export function yamlScalar(text: string): string {
  if (/^[^\s\-?:,[\]{}#&*!|>'"%@`]/u.test(text) && !/[\n\r\t]|: |:$| #|\s$/u.test(text)) {
    try {
      if (parse(text) === text) return text;
    } catch {
      // not plain
    }
  }
  return JSON.stringify(text);
}

function comment(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, ' ')}`;
}

/**
 * The lines of a starter canvas, with the values the snippet makes placeholders of. Throws a
 * RangeError for a kind with no starter (see STARTER_KINDS).
 */
export function starterLines(kind: string, options: { title?: string } = {}): StarterLine[] {
  const starter = isCanvasKind(kind) && Object.hasOwn(STARTERS, kind) ? STARTERS[kind] : undefined;
  if (!starter || !isCanvasKind(kind)) throw new RangeError(`no starter for canvas kind "${kind}" (known: ${STARTER_KINDS.join(', ')})`);
  const title = options.title?.trim() ? options.title : starter.title;
  const lines: StarterLine[] = [[comment(`${kindLabel(kind)} (${kind})`)], ...starter.intro.map((l) => [comment(l)])];
  lines.push([`canvas: ${kind}`], ['title: ', { slot: 'title', value: yamlScalar(title) }]);
  lines.push(['description: ', { slot: 'description', value: yamlScalar(starter.description) }]);
  const { schema } = kindInfo(kind);
  const version = resolveRef(schema.properties?.version ?? {}, schema).enum;
  if (version?.length === 1) lines.push([`version: ${String(version[0])}`]);
  for (const block of blocksOf(kind, starter)) {
    lines.push([], [comment(block.guide)], [`${block.key}:`]);
    starter.cards[block.key].forEach((card, i) => {
      const item: StarterLine[] = [];
      if (card.id) item.push(['id: ', { slot: `id:${card.id}`, value: card.id }]);
      item.push(['name: ', { slot: `${block.key}/${i}/name`, value: yamlScalar(card.name) }]);
      const fields = card.fields ?? {};
      for (const field of Object.keys(block.card.properties ?? {})) {
        if (!Object.hasOwn(fields, field)) continue;
        const value = fields[field];
        if (typeof value === 'string') item.push([`${field}: ${yamlScalar(value)}`]);
        else if (block.references.has(field)) {
          const refs: (string | StarterSlot)[] = [`${field}: [`];
          value.forEach((id, j) => refs.push(...(j ? [', '] : []), { slot: `id:${id}`, value: id }));
          item.push([...refs, ']']);
        } else item.push([`${field}: [${value.map(yamlScalar).join(', ')}]`]);
      }
      item.forEach((line, j) => lines.push([j === 0 ? '  - ' : '    ', ...line]));
    });
  }
  return lines;
}

/** Joins starter lines, writing each slot with `slot` (its value, for a plain starter). */
export function joinStarter(lines: readonly StarterLine[], slot: (s: StarterSlot) => string, literal: (text: string) => string = (t) => t): string {
  return lines.map((line) => line.map((part) => (typeof part === 'string' ? literal(part) : slot(part))).join('')).join('\n') + '\n';
}

/**
 * A starter canvas of `kind` (one of STARTER_KINDS): the question of every block as a comment over
 * it and a few example cards, linked so that no rule finds anything. `title` replaces the default
 * title (quoted when YAML needs it). Throws a RangeError for an unknown kind.
 */
export function starterCanvas(kind: string, options?: { title?: string }): string {
  return joinStarter(starterLines(kind, options), (s) => s.value);
}
