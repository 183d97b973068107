/**
 * The one message protocol between the extension host and the preview webview. Both sides import
 * it type-only: messages are unions discriminated by `type`, sent through typed helpers, so a
 * renamed field breaks the build on both sides at once.
 */
import type { CanvasView, CardView } from '../core/render/viewTypes';
import type { ViewPatch } from '../core/render/viewPatch';
import type { DiffSummary } from '../core/diff/diff';
import type { Span } from '../core/types';
import type { FieldValue } from '../core/editing/types';
import type { EditingLabels } from './labels/editing';
import type { HealthLabels } from './labels/health';
import type { ZoomLabels } from './labels/zoom';

/** Strings the webview shows, localized by the host (the webview has no l10n of its own). */
export interface PreviewLabels {
  canvas: string;
  allSegments: string;
  segmentFilter: string;
  segments: string;
  problems: string;
  noProblems: string;
  lock: string;
  unlock: string;
  export: string;
  outdated: string;
  status: string;
  tags: string;
  /** How to reach a card's source, read by screen readers with each card (see `reveal`). */
  cardHint: string;
  severity: { error: string; warning: string; information: string; hint: string };
  /** Each feature's strings, in its own file (src/shared/labels/, src/extension/preview/*Labels.ts). */
  editing: EditingLabels;
  zoom: ZoomLabels;
  health: HealthLabels;
}

/** What the host embeds in the page (an escaped `data-` attribute) and what `setState` keeps. */
export interface PreviewInit {
  uri: string;
  fileName: string;
  locked: boolean;
  labels: PreviewLabels;
  /** The view at the time the page was built: drawn before any message arrives. */
  view?: CanvasView;
  /** `view` is the last good canvas of a text with syntax errors. */
  outdated?: boolean;
}

/** Persisted by the webview (`setState`) and handed back to the serializer after a reload. */
export interface PreviewState {
  uri: string;
  locked: boolean;
  segment?: string;
  scrollX?: number;
  scrollY?: number;
  /** The canvas's zoom level (1 = 100 %; src/webview/zoom.ts), kept across reloads. */
  zoom?: number;
}

/** Strings of the compare mode, localized by the host. */
export interface CompareLabels {
  /** "Compared with HEAD": the heading of the summary bar. */
  heading: string;
  added: string;
  removed: string;
  changed: string;
  moved: string;
  /** The toggle's text while the changes are shown (back to the plain view) and while hidden. */
  showPlain: string;
  showChanges: string;
  /** "No changes". */
  equal: string;
}

/** A card of the current view marked by the comparison: `position` is its index in its block's `cards`. */
export interface CompareMark {
  position: number;
  kind: 'added' | 'changed' | 'moved';
  /** Its field changes, one line each ("status: hypothesis → validated"), written on the card. */
  details: string[];
}

/** The comparison of the shown canvas with an older version, ready to draw. */
export interface ComparePayload {
  labels: CompareLabels;
  equal: boolean;
  summary: DiffSummary;
  /** Title and description changes, one line each. */
  details: string[];
  blocks: { block: string; marks: CompareMark[]; removed: CardView[] }[];
}

/** The value-proposition canvases that zoom into one customer segment of the shown business model. */
export interface SegmentCanvases {
  /** The segment's id (its card's key in the view). */
  segment: string;
  /** Each canvas: its uri (what `openCanvas` sends back) and its name to show (untrusted text). */
  canvases: { uri: string; label: string }[];
}

/**
 * A gesture in the preview, as the minimal-edit engine takes it (src/core/editing): the same
 * arguments as the editing commands `canvasAsCode.<command>` (docs/format.md, "Editing commands"),
 * without `uri` (the preview's file) and `version` (on the message).
 */
export type EditIntent =
  | { command: 'addCard'; block: string; name: string; index?: number }
  | { command: 'renameCard'; block: string; index: number; name: string }
  | { command: 'moveCard'; block: string; index: number; toBlock: string; toIndex: number }
  | { command: 'deleteCard'; block: string; index: number }
  | { command: 'setCardField'; block: string; index: number; field: string; value: FieldValue };

/**
 * Timestamps for the speed benchmark (bench/workbench.mjs), in epoch milliseconds with fractions
 * (`performance.timeOrigin + performance.now()`, comparable across the extension host and the page
 * on one machine). Cheap to carry; never shown.
 */
export interface UpdateTiming {
  /** The change event reached the extension host. */
  changeAt: number;
  /** The message was handed to `postMessage`. */
  postedAt: number;
}

export type HostMessage =
  /**
   * A new view of `uri`. `outdated`: the text has syntax errors, so `view` is the last good canvas
   * with the current problems.
   */
  | { type: 'view'; uri: string; fileName: string; view: CanvasView; outdated: boolean; timing?: UpdateTiming }
  /**
   * What changed since the view of version `base` of `uri` (src/core/render/viewPatch.ts). The page
   * applies it only on top of exactly that view; anything else, it answers `resync`.
   */
  | { type: 'patch'; uri: string; fileName: string; base: number | undefined; patch: ViewPatch; outdated: boolean; timing?: UpdateTiming }
  /**
   * The answer to an `edit`: applied (`ok`, the document changed) or refused with the localized
   * reason (a stale version, a value the schema refuses, a read-only file …; the host also posts the
   * current view again, so whatever the page drew ahead of the edit is put right).
   */
  | { type: 'edited'; id: number; ok: boolean; message?: string; appliedAt?: number }
  /** The editor's cursor moved to `offset` of the shown file: highlight the card there, if any. */
  | { type: 'cursor'; offset: number | undefined }
  | { type: 'locked'; locked: boolean }
  /** Rasterise an SVG (PNG export): answered by `rasterized` with the same `id`. */
  | { type: 'rasterize'; id: number; svg: string; scale: number }
  /** Compare mode: the diff of the view just posted against an older version (undefined: plain view). */
  | { type: 'compare'; uri: string; version: number | undefined; compare: ComparePayload | undefined }
  /**
   * The value-proposition canvases pointing at the segments of the business model `uri` (empty for
   * other kinds). `hint` is the localized tooltip and accessible name's lead ("Open the value
   * proposition canvas").
   */
  | { type: 'links'; uri: string; hint: string; segments: SegmentCanvases[] };

export type WebviewMessage =
  /** The page's script runs and listens; it shows `version` of `uri` (the view embedded in the page). */
  | { type: 'ready'; uri: string; version: number | undefined }
  /** A view was drawn (tests and the host's bookkeeping; it also lets the host post the next update). */
  | { type: 'rendered'; version: number | undefined; cards: number }
  /** A patch did not fit the view shown (another base): post the whole current view. */
  | { type: 'resync' }
  /**
   * Show a card (its `key` and `span`) or a problem (`span` alone) in the source. The host puts the
   * editor's cursor, an empty selection, at the card's name or at the problem's start: never a
   * selected range, which the next key typed would replace. `focus`: the editor takes the keyboard
   * focus (double-click, Enter); false: the preview keeps it (a click, Space), so no key typed
   * next reaches the file.
   */
  | { type: 'reveal'; key?: string; span: Span; focus: boolean }
  /** An http(s) link in a description; the host checks the scheme again and opens it. */
  | { type: 'openLink'; href: string }
  /** Open a value-proposition canvas the last `links` message named (the host checks it did). */
  | { type: 'openCanvas'; uri: string }
  | { type: 'toggleLock' }
  | { type: 'export' }
  | { type: 'rasterized'; id: number; dataUrl?: string; error?: string }
  /**
   * A gesture (add, rename, move, delete, set a field) on `version` of the shown file: the host
   * computes the smallest YAML edit, applies it as one undo step and answers `edited` with `id`.
   * A version that is no longer the document's is refused, never applied to other text; so is a
   * `uri` (the file the page drew) that is no longer the preview's file (an unlocked preview moved on,
   * and two files can be at the same version).
   */
  | { type: 'edit'; id: number; uri: string; version: number; intent: EditIntent; sentAt: number }
  /** Undo or redo in the shown file's editor (Ctrl+Z / Ctrl+Shift+Z in the preview). */
  | { type: 'undo' }
  | { type: 'redo' };

export type HostMessageType = HostMessage['type'];
export type WebviewMessageType = WebviewMessage['type'];
