/**
 * Semantic diff of two canvases: per block, the cards added, removed, changed and moved, with
 * field-level changes. Works on models (`buildModel`), so a side with errors diffs what could be
 * read of it. Every step is a pass over the cards with maps: linear in the number of cards.
 *
 * Matching, in order (each card is matched at most once):
 *  1. by id, across the whole file (the same id in another block is a move);
 *  2. by name within the block (covers an id that was renamed, added or dropped), a card left in
 *     place with its name first (so repeated names pair up where they stand);
 *  3. by name across blocks, for cards that have no id on either side (a move);
 *  4. by position within the block, unless both cards carry (different) ids.
 * Unmatched old cards are removed, unmatched new cards added.
 *
 * Renamed ids: a card matched by step 2 or 4 whose id changed reports a change of `id`. References
 * to the old id in the old canvas are read as references to the new id before comparing, so
 * cards that follow the rename (`segments: [old]` → `segments: [new]`) report no change.
 *
 * Reordering cards within a block is not a change; the block reports `reordered: true`.
 */
import { isMap, isScalar, isSeq, Node, Pair } from 'yaml';
import { LINK_FIELDS } from '../model';
import type { CanvasModel, Card } from '../model';
import { CanvasKind, DEFAULT_KIND, kindInfo } from '../schema';
import { keyText } from '../yamlPath';

export interface ValueChange {
  field: string;
  kind: 'value';
  /** Absent: the field was not set. Structured values are given as JSON text. */
  from?: string;
  to?: string;
}

export interface ListChange {
  field: string;
  kind: 'list';
  gained: string[];
  lost: string[];
}

export type FieldChange = ValueChange | ListChange;

export interface CardRef {
  id?: string;
  name?: string;
  /** Position in its block (0-based): in the new canvas for added, changed and moved cards, in the old one for removed cards. */
  index: number;
}

export interface ChangedCard extends CardRef {
  /** The position in the old canvas. */
  oldIndex: number;
  changes: FieldChange[];
}

export interface MovedCard extends ChangedCard {
  /** The block it left (it arrived in the block that lists it). */
  from: string;
}

export interface BlockDiff {
  block: string;
  title: string;
  added: CardRef[];
  removed: CardRef[];
  changed: ChangedCard[];
  /** Cards that arrived here from another block, with their field changes (possibly none). */
  moved: MovedCard[];
  /** The cards both versions keep in this block are in a different order (not counted as a change). */
  reordered: boolean;
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  moved: number;
}

export interface CanvasDiff {
  equal: boolean;
  title?: { from?: string; to?: string };
  description?: { from?: string; to?: string };
  /**
   * The canvas's own fields that are neither title nor description, as written: its kind
   * (`canvas`) and its links (`business-model`, `segment`, `value-proposition`), in that order.
   */
  fields: { field: string; from?: string; to?: string }[];
  summary: DiffSummary;
  /** Only blocks with a change (reordering alone included), in canvas order. */
  blocks: BlockDiff[];
}

export interface DiffOptions {
  oldTitle?: string;
  newTitle?: string;
  oldDescription?: string;
  newDescription?: string;
}

/** Fields the model reads itself; every other key of a card is compared as an "other" field. */
const MODEL_FIELDS = new Set(['id', 'name', 'type', 'status', 'description', 'tags']);

interface Pairing {
  old: Card;
  new: Card;
}

/** The kind whose block order and titles a diff uses: the new version's (else the old one's). */
function diffKind(oldModel: CanvasModel | undefined, newModel: CanvasModel | undefined): CanvasKind {
  return newModel?.kind ?? oldModel?.kind ?? DEFAULT_KIND;
}

function blockOrder(oldModel: CanvasModel | undefined, newModel: CanvasModel | undefined): string[] {
  const keys = kindInfo(diffKind(oldModel, newModel)).blocks.map((b) => b.key);
  const known = new Set(keys);
  for (const model of [oldModel, newModel]) for (const key of model?.blocks.keys() ?? []) if (!known.has(key)) (known.add(key), keys.push(key));
  return keys;
}

function ref(card: Card): CardRef {
  const out: CardRef = { index: card.index };
  if (card.id) out.id = card.id.value;
  if (card.name !== undefined) out.name = card.name;
  return out;
}

function refsByField(card: Card, rename?: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of card.references) {
    let set = out.get(r.field);
    if (!set) out.set(r.field, (set = new Set()));
    set.add(rename?.get(r.id) ?? r.id);
  }
  return out;
}

function listChange(field: string, from: Iterable<string>, to: Iterable<string>): ListChange | undefined {
  const a = new Set(from);
  const b = new Set(to);
  const gained = [...b].filter((x) => !a.has(x));
  const lost = [...a].filter((x) => !b.has(x));
  return gained.length || lost.length ? { field, kind: 'list', gained, lost } : undefined;
}

function valueChange(field: string, from: string | undefined, to: string | undefined): ValueChange | undefined {
  if (from === to) return undefined;
  const change: ValueChange = { field, kind: 'value' };
  if (from !== undefined) change.from = from;
  if (to !== undefined) change.to = to;
  return change;
}

/** The card's other fields (not read by the model, not references), as their YAML nodes. */
function otherFields(card: Card, kind: CanvasKind): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isMap(card.node)) return out;
  const refs = kindInfo(kind).blockByKey.get(card.block)?.references;
  for (const pair of card.node.items as Pair[]) {
    const key = keyText(pair.key);
    if (key === undefined || MODEL_FIELDS.has(key) || refs?.has(key) || out.has(key)) continue;
    out.set(key, pair.value);
  }
  return out;
}

/** Structural equality of two YAML values, without building JSON (the common case is equal). */
function sameValue(a: unknown, b: unknown): boolean {
  if (isScalar(a) && isScalar(b)) return a.value === b.value || textOf(a) === textOf(b);
  if (isMap(a) && isMap(b)) {
    if (a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) {
      const x = a.items[i] as Pair;
      const y = b.items[i] as Pair;
      if (keyText(x.key) !== keyText(y.key) || !sameValue(x.value, y.value)) return false;
    }
    return true;
  }
  if (isSeq(a) && isSeq(b)) {
    if (a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) if (!sameValue(a.items[i], b.items[i])) return false;
    return true;
  }
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return textOf(a) === textOf(b);
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isScalar(value)) return value.value === null || value.value === undefined ? '' : typeof value.value === 'object' ? JSON.stringify(value.value) : String(value.value);
  try {
    return JSON.stringify((value as Node).toJSON());
  } catch {
    return String(value);
  }
}

/** Compares a card of the old version (a canvas of `kinds.old`) with one of the new. */
function compareCards(a: Card, b: Card, rename: ReadonlyMap<string, string>, kinds: { old: CanvasKind; new: CanvasKind }): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (change: FieldChange | undefined) => change && changes.push(change);
  add(valueChange('id', a.id?.value, b.id?.value));
  add(valueChange('name', a.name, b.name));
  add(valueChange('type', a.type?.value, b.type?.value));
  add(valueChange('status', a.status, b.status));
  add(valueChange('description', a.description, b.description));
  add(listChange('tags', a.tags, b.tags));
  if (a.references.length || b.references.length) {
    const from = refsByField(a, rename);
    const to = refsByField(b);
    const fields = [...new Set([...from.keys(), ...to.keys()])];
    for (const field of fields) add(listChange(field, from.get(field) ?? [], to.get(field) ?? []));
  }
  if (isMap(a.node) || isMap(b.node)) {
    const from = otherFields(a, kinds.old);
    const to = otherFields(b, kinds.new);
    for (const field of new Set([...from.keys(), ...to.keys()])) {
      const x = from.get(field);
      const y = to.get(field);
      if (from.has(field) && to.has(field) && sameValue(x, y)) continue;
      add(valueChange(field, from.has(field) ? textOf(x) : undefined, to.has(field) ? textOf(y) : undefined));
    }
  }
  return changes;
}

/** Diffs two canvas models (either may be missing: everything is then added or removed). */
export function diffCanvases(oldModel: CanvasModel | undefined, newModel: CanvasModel | undefined, options: DiffOptions = {}): CanvasDiff {
  const oldCards = oldModel?.cards ?? [];
  const newCards = newModel?.cards ?? [];
  // Matching by position in `cards`: partner[i] is the new card's position for old card i (-1: none).
  const partner = new Int32Array(oldCards.length).fill(-1);
  const taken = new Uint8Array(newCards.length);
  const pair = (i: number, j: number) => {
    partner[i] = j;
    taken[j] = 1;
  };

  // 1. By id, across the file (the first card wins when an id is duplicated).
  const newById = new Map<string, number>();
  newCards.forEach((card, j) => card.id && !newById.has(card.id.value) && newById.set(card.id.value, j));
  const seenOldIds = new Set<string>();
  oldCards.forEach((card, i) => {
    if (!card.id || seenOldIds.has(card.id.value)) return;
    seenOldIds.add(card.id.value);
    const j = newById.get(card.id.value);
    if (j !== undefined) pair(i, j);
  });

  // Cards at the same place in the same block: first those with the same name (so that repeated
  // names pair up in place), and after matching by name, any (4.).
  const newByPosition = new Map<string, number[]>();
  newCards.forEach((card, j) => {
    if (taken[j]) return;
    let slots = newByPosition.get(card.block);
    if (!slots) newByPosition.set(card.block, (slots = []));
    slots[card.index] = j;
  });
  const byPosition = (sameName: boolean) =>
    oldCards.forEach((card, i) => {
      if (partner[i] >= 0) return;
      const j = newByPosition.get(card.block)?.[card.index];
      // Two different ids are two different cards; the same id (written twice, so step 1 could pair
      // only one of them) at the same place is the same card.
      if (j === undefined || taken[j] || (card.id && newCards[j].id && card.id.value !== newCards[j].id!.value)) return;
      if (!sameName || card.name === newCards[j].name) pair(i, j);
    });
  byPosition(true);

  // 2. By name within the block; 3. by name across blocks for cards without ids.
  const byName = (sameBlock: boolean) => {
    const candidates = new Map<string, Map<string, number[]>>();
    newCards.forEach((card, j) => {
      if (taken[j] || card.name === undefined || (!sameBlock && card.id)) return;
      const group = sameBlock ? card.block : '';
      let names = candidates.get(group);
      if (!names) candidates.set(group, (names = new Map()));
      const list = names.get(card.name);
      if (list) list.push(j);
      else names.set(card.name, [1, j]);
    });
    oldCards.forEach((card, i) => {
      if (partner[i] >= 0 || card.name === undefined || (!sameBlock && card.id)) return;
      const list = candidates.get(sameBlock ? card.block : '')?.get(card.name);
      if (!list) return;
      // The list's first slot is a cursor past the names already taken: no quadratic shifting.
      let at = list[0];
      while (at < list.length && taken[list[at]]) at++;
      if (at < list.length) pair(i, list[at++]);
      list[0] = at;
    });
  };
  byName(true);
  byName(false);

  // 4. By position within the block, unless the two cards carry different ids.
  byPosition(false);

  const pairs: Pairing[] = [];
  const pairOfNew: (Pairing | undefined)[] = new Array(newCards.length);
  partner.forEach((j, i) => {
    if (j < 0) return;
    const p = { old: oldCards[i], new: newCards[j] };
    pairs.push(p);
    pairOfNew[j] = p;
  });

  // Ids renamed on matched cards: references to the old id count as references to the new one.
  const rename = new Map<string, string>();
  for (const p of pairs) if (p.old.id && p.new.id && p.old.id.value !== p.new.id.value) rename.set(p.old.id.value, p.new.id.value);

  const kinds = { old: oldModel?.kind ?? diffKind(oldModel, newModel), new: diffKind(oldModel, newModel) };
  const { blockByKey } = kindInfo(kinds.new);
  const oldBlocks = kindInfo(kinds.old).blockByKey;
  const blocks = new Map<string, BlockDiff>();
  const blockOf = (key: string): BlockDiff => {
    let entry = blocks.get(key);
    if (!entry) {
      entry = { block: key, title: blockByKey.get(key)?.title ?? oldBlocks.get(key)?.title ?? key, added: [], removed: [], changed: [], moved: [], reordered: false };
      blocks.set(key, entry);
    }
    return entry;
  };
  const summary: DiffSummary = { added: 0, removed: 0, changed: 0, moved: 0 };

  // Pairs in new-file order, so each block lists its cards as the new canvas shows them.
  const lastOldIndex = new Map<string, number>();
  for (let j = 0; j < newCards.length; j++) {
    const card = newCards[j];
    const p = pairOfNew[j];
    if (!p) {
      blockOf(card.block).added.push(ref(card));
      summary.added++;
      continue;
    }
    const changes = compareCards(p.old, p.new, rename, kinds);
    if (p.old.block !== p.new.block) {
      blockOf(card.block).moved.push({ ...ref(card), oldIndex: p.old.index, changes, from: p.old.block });
      summary.moved++;
      continue;
    }
    if (changes.length) {
      blockOf(card.block).changed.push({ ...ref(card), oldIndex: p.old.index, changes });
      summary.changed++;
    }
    const last = lastOldIndex.get(card.block) ?? -1;
    if (p.old.index < last) blockOf(card.block).reordered = true;
    lastOldIndex.set(card.block, Math.max(last, p.old.index));
  }
  for (let i = 0; i < oldCards.length; i++) {
    const card = oldCards[i];
    if (partner[i] >= 0) continue;
    blockOf(card.block).removed.push(ref(card));
    summary.removed++;
  }

  const diff: CanvasDiff = { equal: true, fields: [], summary, blocks: blockOrder(oldModel, newModel).flatMap((key) => (blocks.has(key) ? [blocks.get(key)!] : [])) };
  const oldTitle = options.oldTitle ?? oldModel?.title;
  const newTitle = options.newTitle ?? newModel?.title;
  if (oldTitle !== newTitle) diff.title = withValues(oldTitle, newTitle);
  const oldDescription = options.oldDescription ?? oldModel?.description;
  const newDescription = options.newDescription ?? newModel?.description;
  if (oldDescription !== newDescription) diff.description = withValues(oldDescription, newDescription);
  diff.fields = headerChanges(oldModel, newModel);
  diff.equal = !diff.title && !diff.description && diff.fields.length === 0 && summary.added + summary.removed + summary.changed + summary.moved === 0;
  return diff;
}

/** A changed kind or link: a value-proposition canvas that now zooms into another segment changed. */
function headerChanges(oldModel: CanvasModel | undefined, newModel: CanvasModel | undefined): CanvasDiff['fields'] {
  const changes: CanvasDiff['fields'] = [];
  // No model at all (a file added or deleted) has no kind to compare: its cards say it all.
  if (oldModel && newModel && oldModel.kind !== newModel.kind) changes.push({ field: 'canvas', from: oldModel.kind, to: newModel.kind });
  for (const [field, key] of Object.entries(LINK_FIELDS)) {
    const from = oldModel?.links[key]?.value;
    const to = newModel?.links[key]?.value;
    if (from !== to) changes.push({ field, ...withValues(from, to) });
  }
  return changes;
}

function withValues(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  return out;
}
