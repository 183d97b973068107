/**
 * Starter canvases: what `canvas-as-code init`, "Canvas: New Canvas…" and the new-canvas snippet
 * write. One source for all three. A starter has no errors and no warnings (nor any other finding):
 * every block has a card, and the cards on the right side name the segment they serve.
 *
 * The kinds are the schema's `canvas` enum; the blocks, their order and the question over each one
 * come from the schema. Only the example cards are written here, one table entry per kind.
 */
import { parse } from 'yaml';
import { BLOCKS, canvasSchema, resolveRef } from './schema';
import type { BlockInfo } from './schema';

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

/** A new kind of canvas is one entry here (and its blocks in the schema). */
const STARTERS: Readonly<Record<string, StarterKind>> = {
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
};

const KIND_SCHEMA = resolveRef(canvasSchema.properties?.canvas ?? {});

/** Every kind of canvas the format knows, in schema order. */
export const CANVAS_KINDS: readonly string[] = (KIND_SCHEMA.enum ?? []).filter((k): k is string => typeof k === 'string');

/** The kinds a starter can be written for: today, all of CANVAS_KINDS (a test holds to that). */
export const STARTER_KINDS: readonly string[] = CANVAS_KINDS.filter((k) => Object.hasOwn(STARTERS, k));

/** The schema's label for a kind, e.g. "Business Model Canvas". */
export function kindLabel(kind: string): string {
  const index = CANVAS_KINDS.indexOf(kind);
  return (index >= 0 ? KIND_SCHEMA.enumItemLabels?.[index] : undefined) ?? kind;
}

/** The blocks of a kind, in canvas order. The schema describes one kind today; a kind's blocks are those its table lists. */
function blocksOf(kind: StarterKind): BlockInfo[] {
  return BLOCKS.filter((b) => Object.hasOwn(kind.cards, b.key));
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
  const starter = Object.hasOwn(STARTERS, kind) ? STARTERS[kind] : undefined;
  if (!starter || !CANVAS_KINDS.includes(kind)) throw new RangeError(`no starter for canvas kind "${kind}" (known: ${STARTER_KINDS.join(', ')})`);
  const title = options.title?.trim() ? options.title : starter.title;
  const lines: StarterLine[] = [[comment(`${kindLabel(kind)} (${kind})`)], ...starter.intro.map((l) => [comment(l)])];
  lines.push([`canvas: ${kind}`], ['title: ', { slot: 'title', value: yamlScalar(title) }]);
  lines.push(['description: ', { slot: 'description', value: yamlScalar(starter.description) }]);
  const version = resolveRef(canvasSchema.properties?.version ?? {}).enum;
  if (version?.length === 1) lines.push([`version: ${String(version[0])}`]);
  for (const block of blocksOf(starter)) {
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
