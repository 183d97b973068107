import type { CanvasKind } from '../schema';
import type { Severity, Span } from '../types';

/**
 * The canvas as the preview and every export draw it: plain data (JSON-serialisable, so it can be
 * posted to the webview), laid out on its kind's grid (every position read from the vocabulary by
 * buildView, so no renderer keeps a table of its own). All text is raw (unescaped): every renderer
 * escapes for its own output.
 */
export interface CanvasView {
  /** The canvas kind (`canvas:`): business-model, lean or value-proposition. */
  kind: CanvasKind;
  /** The kind's name as shown ("Lean Canvas"). */
  kindTitle: string;
  /** The kind's grid: every block's `cell` sits on it. */
  grid: { columns: number; rows: number };
  title: string;
  /** Markdown source, rendered safely by each renderer. */
  description?: string;
  /** Blocks in the kind's layout order, all of them, present or not. */
  blocks: BlockView[];
  /** Groups of blocks drawn as one shape (value proposition: the value map square, the customer profile circle). */
  groups: GroupView[];
  /** Customer segments with the colour the preview uses for them (business model). */
  segments: SegmentLegend[];
  /**
   * Fit lines: a card and a card of a facing block that it names (a pain reliever and the pains it
   * relieves), both resolved; an unresolved reference draws nothing (its diagnostic says why).
   */
  fits: FitView[];
  /** What this canvas is linked to in other files (a value proposition's business model, segment …). */
  links: LinkView[];
  /** Problems to list (file order). */
  problems: ProblemView[];
  /** The health summary of the header (buildView always sets it; a view made by hand may leave it out). */
  health?: HealthView;
  /** The document version the view was built from (stale views are dropped). */
  version?: number;
}

export interface BlockView {
  key: string;
  title: string;
  /** The guiding question, shown when the block is empty. */
  guide: string;
  /** 'how' | 'what' | 'who' | 'how much' */
  question: string;
  /** Grid area name, e.g. 'key-partnerships' (the block key). */
  area: string;
  /** Where the block sits on the kind's grid: 1-based column and row (CSS grid lines), and how many it spans. */
  cell: CellView;
  /** The group the block is drawn in, if the kind has groups. */
  group?: string;
  cards: CardView[];
  /** Whether the block is written in the file at all. */
  present: boolean;
  /** Where the block's key is in the text (for reveal). */
  keySpan?: Span;
  /** The fields a card of this block can have, in schema order (the preview's detail panel). */
  fields?: FieldSpec[];
}

/**
 * What a card field holds, read from the kind's schema: `markdown` (a description), `color` (a
 * segment's colour), `enum`/`enumList` (one or several of `options`), `reference` (ids of the
 * cards of `target`; `multiple` for a list), `list` (free strings), `textOrNumber` (an amount),
 * `object` (persona, checks: its keys in `fields`), `objectList` (segmentation: a list of entries
 * whose keys are in `fields`).
 */
export type FieldKind = 'text' | 'markdown' | 'number' | 'textOrNumber' | 'boolean' | 'enum' | 'enumList' | 'reference' | 'list' | 'color' | 'object' | 'objectList';

export interface FieldSpec {
  field: string;
  title: string;
  kind: FieldKind;
  /** enum, enumList: the schema's values with their labels, in schema order. */
  options?: { value: string; label: string }[];
  /** reference: the block whose card ids the field holds. */
  target?: string;
  /** reference: a list of ids rather than one. */
  multiple?: boolean;
  /** number: whole numbers only. */
  integer?: boolean;
  /** The schema requires it (`name`, a segmentation entry's `basis`): it cannot be removed. */
  required?: boolean;
  /** object: its keys; objectList: the keys of each entry (each edited at `field.key`, `field.index.key`). */
  fields?: FieldSpec[];
}

/** A field value as written (plain data; aliases left out). */
export type FieldData = string | number | boolean | null | FieldData[] | { [key: string]: FieldData };

export interface CardView {
  /** Stable key for DOM patching: the id, else `block#index`. */
  key: string;
  id?: string;
  name: string;
  /** The type's value and its label from the schema. */
  type?: { value: string; label: string };
  status?: string;
  /** The status's label from the schema (the value itself when it is not one the schema knows). */
  statusLabel?: string;
  tags: string[];
  /** Markdown source. */
  description?: string;
  /** Colours of the segments this card is tied to (its own colour for a segment card). */
  colors: string[];
  /** Segment ids this card is tied to (for the segment filter). */
  segmentIds: string[];
  /** Enumerated fields of the kind beyond type and status (a pain's severity, a gain's relevance). */
  ratings?: RatingView[];
  /** Cards of this canvas it names through reference fields other than segments (resolved only). */
  refs?: RefView[];
  /**
   * The fields written on the card beyond those above (name, id, type, status, tags, description),
   * as plain data: what the detail panel shows and edits. Absent when there are none.
   */
  values?: Record<string, FieldData>;
  /**
   * The card's position in its block's list when it differs from its position in `cards` (an item
   * before it is no card): the `index` the editing commands take.
   */
  item?: number;
  /** The card's span in the text (click → reveal; cursor → highlight). */
  span: Span;
  /** The most severe diagnostic inside the card, if any. */
  severity?: Severity;
}

/** The canvas's health (core/health.ts) as the preview's header shows it: counts, and keys to jump to. */
export interface HealthView {
  /** Blocks of the kind with at least one card. */
  blocksFilled: number;
  blocksTotal: number;
  /** Problems by severity. */
  problems: Record<Severity, number>;
  /** The keys of the cards with `status: hypothesis` (untested), in file order. */
  hypotheses: string[];
  /** The keys of the kind's blocks without a card, in the kind's order. */
  emptyBlocks: string[];
}

export interface SegmentLegend {
  id: string;
  name: string;
  color: string;
}

export interface ProblemView {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  /** 1-based, for display. */
  line: number;
  column: number;
}

export interface CellView {
  column: number;
  row: number;
  columns: number;
  rows: number;
}

export interface GroupView {
  key: string;
  title: string;
  /** 'square' (value map) or 'circle' (customer profile). */
  shape: 'square' | 'circle';
  /** The grid area the group's blocks cover. */
  cell: CellView;
}

export interface RatingView {
  field: string;
  /** The field's title ("Severity"). */
  title: string;
  value: string;
  label: string;
}

export interface RefView {
  field: string;
  /** The field's title ("Relieves"). */
  title: string;
  cards: { block: string; key: string; name: string }[];
}

export interface FitView {
  field: string;
  fromBlock: string;
  /** Card keys (unique in the view). */
  from: string;
  toBlock: string;
  to: string;
}

export interface LinkView {
  field: string;
  title: string;
  value: string;
}
