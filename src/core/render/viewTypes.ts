import type { Severity, Span } from '../types';

/**
 * The canvas as the preview and every export draw it: plain data (JSON-serialisable, so it can be
 * posted to the webview), laid out in the nine blocks of the Business Model Canvas. All text is
 * raw (unescaped): every renderer escapes for its own output.
 */
export interface CanvasView {
  title: string;
  /** Markdown source, rendered safely by each renderer. */
  description?: string;
  /** Blocks in canvas layout order (key-partnerships … revenue-streams), all nine, present or not. */
  blocks: BlockView[];
  /** Customer segments with the colour the preview uses for them. */
  segments: SegmentLegend[];
  /** Problems to list (file order). */
  problems: ProblemView[];
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
  cards: CardView[];
  /** Whether the block is written in the file at all. */
  present: boolean;
  /** Where the block's key is in the text (for reveal). */
  keySpan?: Span;
}

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
  /** The card's span in the text (click → reveal; cursor → highlight). */
  span: Span;
  /** The most severe diagnostic inside the card, if any. */
  severity?: Severity;
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
