import type { DiagnosticSink } from '../diagnosticSink';
import { LineIndex } from '../lineIndex';
import type { Card, CanvasModel, Located } from '../model';

/** The ids of a canvas, read once for all rules (they run on every keystroke, on 8,000 cards too). */
export interface IdIndex {
  /** The first card written with each id. */
  firstById: Map<string, Card>;
  /** Each later card reusing an id, in file order. */
  repeats: Located<string>[];
  /** True when some card of the block has the id. */
  hasId(block: string, id: string): boolean;
  /** The ids of a block's cards, in file order (for suggestions). */
  idsOf(block: string): string[];
}

interface IdData {
  firstById: Map<string, Card>;
  repeats: Located<string>[];
  /** Ids written more than once, with the blocks holding them (rare: a Set per id is affordable). */
  repeatedIn: Map<string, Set<string>>;
}

function readIds(model: CanvasModel): IdData {
  const data: IdData = { firstById: new Map(), repeats: [], repeatedIn: new Map() };
  for (const card of model.cards) {
    if (!card.id) continue;
    const first = data.firstById.get(card.id.value);
    if (!first) {
      data.firstById.set(card.id.value, card);
      continue;
    }
    data.repeats.push(card.id);
    let blocks = data.repeatedIn.get(card.id.value);
    if (!blocks) data.repeatedIn.set(card.id.value, (blocks = new Set([first.block])));
    blocks.add(card.block);
  }
  return data;
}

export interface RuleContext {
  model: CanvasModel;
  sink: DiagnosticSink;
  text: string;
  /** 1-based line of an offset, for messages that point elsewhere in the file. */
  lineOf(offset: number): number;
  ids(): IdIndex;
  /** The cards of one block, in file order. */
  cardsOf(block: string): readonly Card[];
}

const idData = new WeakMap<CanvasModel, IdData>();

function idIndexOf(model: CanvasModel): IdIndex {
  let data = idData.get(model);
  if (!data) idData.set(model, (data = readIds(model)));
  const { firstById, repeats, repeatedIn } = data;
  return {
    firstById,
    repeats,
    hasId: (block, id) => firstById.get(id)?.block === block || (repeatedIn.get(id)?.has(block) ?? false),
    idsOf: (block) => (model.blocks.get(block)?.cards ?? []).flatMap((c) => (c.id ? [c.id.value] : [])),
  };
}

/**
 * Incremental validation: the new model's ids are the old ones without the removed cards' and with
 * the added cards'. Carried over only when none of those ids is written twice (then which card
 * comes first is unchanged); otherwise the new model's index is read again when a rule asks.
 */
export function carryIdIndex(oldModel: CanvasModel, newModel: CanvasModel, removed: readonly Card[], added: readonly Card[]): void {
  const data = idData.get(oldModel);
  idData.delete(oldModel);
  if (!data) return;
  const { firstById, repeatedIn } = data;
  for (const card of removed) {
    if (card.id && (firstById.get(card.id.value) !== card || repeatedIn.has(card.id.value))) return;
  }
  const addedIds = new Set<string>();
  for (const card of added) {
    if (!card.id) continue;
    const id = card.id.value;
    if (addedIds.has(id) || repeatedIn.has(id)) return;
    const holder = firstById.get(id);
    if (holder && !removed.includes(holder)) return;
    addedIds.add(id);
  }
  for (const card of removed) if (card.id) firstById.delete(card.id.value);
  for (const card of added) if (card.id) firstById.set(card.id.value, card);
  idData.set(newModel, data);
}

const NO_CARDS: readonly Card[] = [];

export function createRuleContext(model: CanvasModel, sink: DiagnosticSink, text: string): RuleContext {
  let lines: LineIndex | undefined;
  let ids: IdIndex | undefined;
  return {
    model,
    sink,
    text,
    lineOf(offset) {
      lines ??= new LineIndex(text);
      return lines.positionAt(offset).line + 1;
    },
    ids: () => (ids ??= idIndexOf(model)),
    cardsOf: (block) => model.blocks.get(block)?.cards ?? NO_CARDS,
  };
}

export type Rule = (context: RuleContext) => void;

/** A card's name for messages: its name, else its id, else its position. */
export function cardLabel(card: { name?: string; id?: { value: string }; index: number }): string {
  return card.name ?? card.id?.value ?? `#${card.index + 1}`;
}
