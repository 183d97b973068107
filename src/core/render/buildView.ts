import { isMap, isScalar, type Pair } from 'yaml';
import { LineIndex } from '../lineIndex';
import type { Card, CanvasLinks, CanvasModel } from '../model';
import type { ParsedCanvas } from '../parse';
import { BlockInfo, CanvasKind, JsonSchema, kindInfo, KindInfo, resolveRef } from '../schema';
import type { CanvasDiagnostic, Severity } from '../types';
import { keyText } from '../yamlPath';
import { cardValues } from './cardValues';
import { cardKeys } from './cardKeys';
import { healthView } from './healthView';
import { assignSegmentColors, isSafeColor } from './colors';
import { copyFieldSpec, fieldSpecsOf } from './fieldSpecs';
import { GROUP_SHAPES, GROUP_TITLES } from './groups';
import { lookup } from '../l10n';
import { coveringCell } from './layout';
import type { BlockView, CanvasView, CardView, FieldSpec, FitView, GroupView, LinkView, ProblemView, RatingView, RefView, SegmentLegend } from './viewTypes';

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

/** Value → label of an enumeration, read from the kind's schema (the only place the vocabulary lives). */
function enumLabels(schema: JsonSchema | undefined, root: JsonSchema): ReadonlyMap<string, string> {
  const resolved = schema && resolveRef(schema, root);
  const labels = new Map<string, string>();
  resolved?.enum?.forEach((value, i) => labels.set(String(value), resolved.enumItemLabels?.[i] ?? String(value)));
  return labels;
}

/** Enumerations drawn otherwise (type and status have badges of their own, a colour tints the card): the rest are ratings. */
const NOT_RATINGS = new Set(['type', 'status', 'color']);

interface BlockLabels {
  info: BlockInfo;
  types: ReadonlyMap<string, string>;
  statuses: ReadonlyMap<string, string>;
  ratings: readonly { field: string; title: string; labels: ReadonlyMap<string, string> }[];
  /** Reference field → its title ("Relieves"). */
  refTitles: ReadonlyMap<string, string>;
  fields: readonly FieldSpec[];
}

interface KindLabels {
  info: KindInfo;
  /** The kind's name as shown: the label of its `canvas` value ("Lean Canvas"). */
  title: string;
  blocks: readonly BlockLabels[];
  groups: readonly GroupView[];
  links: readonly { field: string; key: keyof CanvasLinks; title: string }[];
}

// The root fields that link a canvas to another file, and where the model keeps them.
const LINK_KEYS: readonly (readonly [string, keyof CanvasLinks])[] = [
  ['business-model', 'businessModel'],
  ['segment', 'segment'],
  ['value-proposition', 'valueProposition'],
];

function readKindLabels(kind: CanvasKind): KindLabels {
  const info = kindInfo(kind);
  const root = info.schema;
  const canvas = resolveRef(root.properties?.canvas ?? {}, root);
  const title = canvas.enumItemLabels?.[canvas.enum?.indexOf(kind) ?? -1] ?? info.title;
  const blocks = info.blocks.map((block): BlockLabels => {
    const properties = block.card.properties ?? {};
    const ratings = Object.entries(properties)
      .filter(([field, schema]) => !NOT_RATINGS.has(field) && resolveRef(schema, root).enum)
      .map(([field, schema]) => ({ field, title: resolveRef(schema, root).title ?? field, labels: enumLabels(schema, root) }));
    const refTitles = new Map([...block.references.keys()].map((field) => [field, resolveRef(properties[field] ?? {}, root).title ?? field]));
    return {
      info: block,
      types: enumLabels(properties.type, root),
      statuses: enumLabels(properties.status ?? root.definitions?.status, root),
      ratings,
      refTitles,
      fields: fieldSpecsOf(block, root),
    };
  });
  // Groups in the order their areas start on the grid (the value map left, the profile right).
  const groupKeys = [...new Set(info.blocks.flatMap((b) => (b.group ? [b.group] : [])))];
  const groups = groupKeys
    .map((key): GroupView => ({
      key,
      title: GROUP_TITLES[key] ? lookup(GROUP_TITLES[key]) : key,
      shape: GROUP_SHAPES[key] ?? 'square',
      cell: coveringCell(info.blocks.filter((b) => b.group === key).map((b) => b.cell)),
    }))
    .sort((a, b) => a.cell.column - b.cell.column || a.cell.row - b.cell.row);
  const links = LINK_KEYS.filter(([field]) => root.properties?.[field] && !info.blockByKey.has(field)).map(([field, key]) => ({
    field,
    key,
    title: resolveRef(root.properties![field], root).title ?? field,
  }));
  return { info, title, blocks, groups, links };
}

/** Per KindInfo: a host that installs a catalogue gets new KindInfos, with their texts translated. */
const KIND_LABELS = new WeakMap<KindInfo, KindLabels>();

function kindLabels(kind: CanvasKind): KindLabels {
  const info = kindInfo(kind);
  let labels = KIND_LABELS.get(info);
  if (!labels) KIND_LABELS.set(info, (labels = readKindLabels(kind)));
  return labels;
}

/** A card's scalar field as written (for the enumerations the model does not keep, like a pain's severity). */
function scalarField(card: Card, field: string): string | undefined {
  if (!isMap(card.node)) return undefined;
  for (const pair of card.node.items as Pair[]) {
    if (keyText(pair.key) !== field) continue;
    return isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
  }
  return undefined;
}

/** What a card's view says of the card alone: its own fields, labelled. */
type OwnFields = Pick<CardView, 'name' | 'tags' | 'id' | 'type' | 'status' | 'statusLabel' | 'description' | 'values' | 'ratings'>;

const OWN_FIELDS = new WeakMap<Card, { labels: BlockLabels; own: OwnFields }>();

/**
 * A card's own fields, read once per card object: the incremental revalidation keeps the objects
 * of the cards an edit did not touch (moving only their offsets), so typing in a 1,000-card canvas
 * reads one card's YAML, not all of them. Successive views share these values: views are read-only.
 */
function ownFields(card: Card, labels: BlockLabels): OwnFields {
  const cached = OWN_FIELDS.get(card);
  if (cached?.labels === labels) return cached.own;
  const { types, statuses, ratings } = labels;
  const own: OwnFields = { name: card.name ?? '', tags: card.tags.slice() };
  if (card.id) own.id = card.id.value;
  if (card.type) own.type = { value: card.type.value, label: types.get(card.type.value) ?? card.type.value };
  if (card.status !== undefined) {
    own.status = card.status;
    own.statusLabel = statuses.get(card.status) ?? card.status;
  }
  if (card.description !== undefined) own.description = card.description;
  const values = cardValues(card);
  if (values) own.values = values;
  const rated: RatingView[] = [];
  for (const { field, title, labels: valueLabels } of ratings) {
    const value = scalarField(card, field);
    if (value !== undefined) rated.push({ field, title, value, label: valueLabels.get(value) ?? value });
  }
  if (rated.length) own.ratings = rated;
  OWN_FIELDS.set(card, { labels, own });
  return own;
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
 * Lays the validated canvas out for the preview and the exports, on its kind's grid. Works on the
 * partial model of a file with errors, and on no model at all (the default kind's empty blocks).
 */
export function buildCanvasView(result: BuildViewInput, options: BuildViewOptions = {}): CanvasView {
  const model = result.model;
  const kind = kindLabels(model?.kind ?? 'business-model');
  const sorted = result.diagnostics.slice().sort((a, b) => a.start - b.start || a.end - b.end);

  // In file order: of two cards sharing an id, the first written keeps it as its key.
  const keys = cardKeys(model?.cards ?? []);

  const segments = readSegments(model, keys);

  // Cards by block and id (the first of a duplicate id), to resolve references into fits and refs.
  const byId = new Map<string, Map<string, Card>>();
  for (const card of model?.cards ?? []) {
    if (!card.id) continue;
    let ids = byId.get(card.block);
    if (!ids) byId.set(card.block, (ids = new Map()));
    if (!ids.has(card.id.value)) ids.set(card.id.value, card);
  }
  const groupOf = new Map(kind.info.blocks.map((b) => [b.key, b.group]));
  const fits: FitView[] = [];

  const blocks: BlockView[] = kind.blocks.map((blockLabels) => {
    const { info, refTitles, fields } = blockLabels;
    const entry = model?.blocks.get(info.key);
    const cards = (entry?.cards ?? []).map((card, position): CardView => {
      const tied: SegmentInfo[] = [];
      const ownSegment = segments.byCard.get(card);
      if (ownSegment) tied.push(ownSegment);
      for (const ref of card.references) {
        const segment = ref.targetBlock === SEGMENTS ? segments.byId.get(ref.id) : undefined;
        if (segment && !tied.includes(segment)) tied.push(segment);
      }
      const own = ownFields(card, blockLabels);
      const view: CardView = {
        key: keys.get(card)!,
        name: own.name,
        tags: own.tags,
        colors: tied.map((s) => s.color),
        segmentIds: tied.map((s) => s.id),
        span: { start: card.span.start, end: card.span.end },
      };
      if (own.id !== undefined) view.id = own.id;
      if (own.type) view.type = own.type;
      if (own.status !== undefined) {
        view.status = own.status;
        view.statusLabel = own.statusLabel;
      }
      if (own.description !== undefined) view.description = own.description;
      if (own.values) view.values = own.values;
      if (card.index !== position) view.item = card.index;
      if (own.ratings) view.ratings = own.ratings;
      const refs: RefView[] = [];
      for (const ref of card.references) {
        if (ref.targetBlock === SEGMENTS) continue;
        const target = byId.get(ref.targetBlock)?.get(ref.id);
        // An unresolved reference shows nothing: its diagnostic says why.
        if (!target) continue;
        let entry = refs.find((r) => r.field === ref.field);
        if (!entry) refs.push((entry = { field: ref.field, title: refTitles.get(ref.field) ?? ref.field, cards: [] }));
        const targetKey = keys.get(target)!;
        if (entry.cards.some((c) => c.key === targetKey)) continue;
        entry.cards.push({ block: target.block, key: targetKey, name: target.name ?? '' });
        const from = groupOf.get(card.block);
        const to = groupOf.get(target.block);
        if (from && to && from !== to) fits.push({ field: ref.field, fromBlock: card.block, from: view.key, toBlock: target.block, to: targetKey });
      }
      if (refs.length) view.refs = refs;
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
      cell: { column: info.cell.column, row: info.cell.row, columns: info.cell.columns, rows: info.cell.rows },
      cards,
      present: entry !== undefined,
      // Copies: a view is plain data its receivers may keep.
      fields: fields.map(copyFieldSpec),
    };
    if (info.group) block.group = info.group;
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
  const links: LinkView[] = [];
  for (const { field, key, title } of kind.links) {
    const value = model?.links[key]?.value;
    if (value !== undefined) links.push({ field, title, value });
  }
  const view: CanvasView = {
    kind: kind.info.kind,
    kindTitle: kind.title,
    grid: { columns: kind.info.grid.columns, rows: kind.info.grid.rows },
    title: model?.title ?? '',
    blocks,
    groups: kind.groups.map((g) => ({ ...g, cell: { ...g.cell } })),
    segments: legend,
    fits,
    links,
    problems,
    health: healthView(result, keys),
  };
  if (model?.description !== undefined) view.description = model.description;
  if (options.version !== undefined) view.version = options.version;
  return view;
}
