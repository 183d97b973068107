import { LineIndex } from '../lineIndex';
import type { Card, CanvasModel } from '../model';
import type { ParsedCanvas } from '../parse';
import { BLOCKS, BlockInfo, canvasSchema, JsonSchema, resolveRef } from '../schema';
import type { CanvasDiagnostic, Severity } from '../types';
import { assignSegmentColors, isSafeColor } from './colors';
import type { BlockView, CanvasView, CardView, ProblemView, SegmentLegend } from './viewTypes';

const SEGMENTS = 'customer-segments';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 4, warning: 3, information: 2, hint: 1 };

export interface BuildViewInput {
  model?: CanvasModel;
  diagnostics: readonly CanvasDiagnostic[];
  /** Gives the text for line/column numbers when no `lineOf` is passed. */
  parsed?: ParsedCanvas;
}

export interface BuildViewOptions {
  /** The document version, copied to the view. */
  version?: number;
  /** Offset → zero-based line and character (e.g. `LineIndex.positionAt` or a VS Code document's `positionAt`). */
  lineOf?: (offset: number) => { line: number; character: number };
}

/** Value → label of an enumeration, read from the schema (the only place the vocabulary lives). */
function enumLabels(schema: JsonSchema | undefined): ReadonlyMap<string, string> {
  const resolved = schema && resolveRef(schema, canvasSchema);
  const labels = new Map<string, string>();
  resolved?.enum?.forEach((value, i) => labels.set(String(value), resolved.enumItemLabels?.[i] ?? String(value)));
  return labels;
}

interface BlockLabels {
  info: BlockInfo;
  types: ReadonlyMap<string, string>;
  statuses: ReadonlyMap<string, string>;
}

const BLOCK_LABELS: readonly BlockLabels[] = BLOCKS.map((info) => ({
  info,
  types: enumLabels(info.card.properties?.type),
  statuses: enumLabels(info.card.properties?.status ?? canvasSchema.definitions?.status),
}));

/** The key of a card for DOM patching: its id, else `block#index`; unique even with duplicate ids. */
function cardKey(card: Card, taken: Set<string>): string {
  let key = card.id?.value && !taken.has(card.id.value) ? card.id.value : `${card.block}#${card.index}`;
  for (let n = 2; taken.has(key); n++) key = `${card.block}#${card.index}~${n}`;
  taken.add(key);
  return key;
}

/** First index in `sorted` (by start) whose start is at or after `offset`. */
function lowerBound(sorted: readonly CanvasDiagnostic[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function severityInside(sorted: readonly CanvasDiagnostic[], start: number, end: number): Severity | undefined {
  let worst: Severity | undefined;
  for (let i = lowerBound(sorted, start); i < sorted.length && sorted[i].start <= end; i++) {
    const d = sorted[i];
    if (d.end <= end && (!worst || SEVERITY_RANK[d.severity] > SEVERITY_RANK[worst])) worst = d.severity;
  }
  return worst;
}

interface SegmentInfo {
  /** The id other cards use; an id-less segment is known by its card key only. */
  id: string;
  name: string;
  color: string;
}

/** The segments in file order with their colours; the first of two cards sharing an id owns it. */
function readSegments(model: CanvasModel | undefined, keys: Map<Card, string>) {
  const byCard = new Map<Card, SegmentInfo>();
  const byId = new Map<string, SegmentInfo>();
  const cards = model?.blocks.get(SEGMENTS)?.cards ?? [];
  const colors = assignSegmentColors(
    cards.map((card) => ({ key: card.id?.value ?? card.name ?? keys.get(card)!, color: isSafeColor(card.color) ? card.color : undefined })),
  );
  cards.forEach((card, i) => {
    const id = card.id?.value && !byId.has(card.id.value) ? card.id.value : keys.get(card)!;
    const segment = { id, name: card.name ?? id, color: colors[i] };
    byCard.set(card, segment);
    byId.set(id, segment);
  });
  return { byCard, byId };
}

/**
 * Lays the validated canvas out for the preview and the exports. Works on the partial model of a
 * file with errors, and on no model at all (nine empty blocks).
 */
export function buildCanvasView(result: BuildViewInput, options: BuildViewOptions = {}): CanvasView {
  const model = result.model;
  const sorted = result.diagnostics.slice().sort((a, b) => a.start - b.start || a.end - b.end);

  const keys = new Map<Card, string>();
  const taken = new Set<string>();
  // In file order: of two cards sharing an id, the first written keeps it as its key.
  for (const card of model?.cards ?? []) keys.set(card, cardKey(card, taken));

  const segments = readSegments(model, keys);

  const blocks: BlockView[] = BLOCK_LABELS.map(({ info, types, statuses }) => {
    const entry = model?.blocks.get(info.key);
    const cards = (entry?.cards ?? []).map((card): CardView => {
      const tied: SegmentInfo[] = [];
      const own = segments.byCard.get(card);
      if (own) tied.push(own);
      for (const ref of card.references) {
        const segment = ref.targetBlock === SEGMENTS ? segments.byId.get(ref.id) : undefined;
        if (segment && !tied.includes(segment)) tied.push(segment);
      }
      const view: CardView = {
        key: keys.get(card)!,
        name: card.name ?? '',
        tags: card.tags.slice(),
        colors: tied.map((s) => s.color),
        segmentIds: tied.map((s) => s.id),
        span: { start: card.span.start, end: card.span.end },
      };
      if (card.id) view.id = card.id.value;
      if (card.type) view.type = { value: card.type.value, label: types.get(card.type.value) ?? card.type.value };
      if (card.status !== undefined) {
        view.status = card.status;
        view.statusLabel = statuses.get(card.status) ?? card.status;
      }
      if (card.description !== undefined) view.description = card.description;
      const severity = severityInside(sorted, card.span.start, card.span.end);
      if (severity) view.severity = severity;
      return view;
    });
    const block: BlockView = {
      key: info.key,
      title: info.title,
      guide: info.guide,
      question: info.question,
      area: info.key,
      cards,
      present: entry !== undefined,
    };
    if (entry) block.keySpan = { start: entry.keySpan.start, end: entry.keySpan.end };
    return block;
  });

  const index = options.lineOf ? undefined : result.parsed ? new LineIndex(result.parsed.text) : undefined;
  const lineOf = options.lineOf ?? (index ? (offset: number) => index.positionAt(offset) : undefined);
  const problems: ProblemView[] = sorted.map((d) => {
    const position = lineOf ? lineOf(d.start) : { line: 0, character: d.start };
    return {
      code: d.code,
      severity: d.severity,
      message: d.message,
      span: { start: d.start, end: d.end },
      line: position.line + 1,
      column: position.character + 1,
    };
  });

  const legend: SegmentLegend[] = [...segments.byCard.values()].map(({ id, name, color }) => ({ id, name, color }));
  const view: CanvasView = { title: model?.title ?? '', blocks, segments: legend, problems };
  if (model?.description !== undefined) view.description = model.description;
  if (options.version !== undefined) view.version = options.version;
  return view;
}
