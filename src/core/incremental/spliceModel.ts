import type { Document, Node } from 'yaml';
import { BlockEntry, CanvasModel, Card, readBlockItem } from '../model';
import { carryIdIndex } from '../rules/context';
import { kindInfo } from '../schema';
import type { Span } from '../types';
import type { CardRegion } from './cardRegion';

function move(span: Span, delta: number): void {
  span.start += delta;
  span.end += delta;
}

/**
 * Moves a card after the edit to its new offsets (and, in the edited block, its new index), in
 * place: copying 8,000 cards per keystroke costs more than the rules. A sticky note's label is
 * its span (one object), moved once.
 */
function moveCard(card: Card, delta: number, indexShift: number): void {
  card.index += indexShift;
  move(card.span, delta);
  if (card.labelSpan !== card.span) move(card.labelSpan, delta);
  for (const ref of card.references) move(ref, delta);
  for (const check of card.failedChecks) move(check, delta);
  if (card.id) move(card.id, delta);
  if (card.type) move(card.type, delta);
}

/** The first index whose card starts at or after `offset` (cards are in file order). */
function firstAtOrAfter(cards: readonly Card[], offset: number): number {
  let low = 0;
  let high = cards.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cards[middle].span.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The model of the new text, made from the old one in place (the old model is consumed with the
 * old result): the region's cards are read from the new items, later cards are moved. A new model
 * object is returned, so per-model caches such as hover's id index are rebuilt, not read stale.
 */
export function spliceModel(model: CanvasModel, doc: Document, region: CardRegion, newItems: unknown[], delta: number): CanvasModel {
  const { start, end, blockKey, first, last } = region;
  const keyStart = (region.pair.key as Node | null)?.range?.[0];
  const entry = model.blocks.get(blockKey);
  const isCardBlock = kindInfo(model.kind).blockByKey.has(blockKey) && entry !== undefined && entry.keySpan.start === keyStart;
  const indexShift = newItems.length - (last - first + 1);

  const fresh: Card[] = [];
  if (isCardBlock) {
    newItems.forEach((item, t) => {
      const card = readBlockItem(blockKey, first + t, item, doc, model.kind);
      if (card) fresh.push(card);
    });
  }
  // Where the region's cards sit, found by their old offsets before any card moves.
  const cards = model.cards;
  const from = firstAtOrAfter(cards, start);
  const to = firstAtOrAfter(cards, end);
  const blockCards = isCardBlock ? entry.cards : undefined;
  const blockFrom = blockCards ? firstAtOrAfter(blockCards, start) : 0;
  const blockTo = blockCards ? firstAtOrAfter(blockCards, end) : 0;
  for (let i = to; i < cards.length; i++) {
    const card = cards[i];
    moveCard(card, delta, isCardBlock && card.block === blockKey ? indexShift : 0);
  }
  const removed = cards.splice(from, to - from, ...fresh);
  blockCards?.splice(blockFrom, blockTo - blockFrom, ...fresh);

  const blocks = new Map<string, BlockEntry>();
  for (const [key, old] of model.blocks) {
    const keySpan = old.keySpan.start >= end ? { start: old.keySpan.start + delta, end: old.keySpan.end + delta } : old.keySpan;
    const itemCount = key === blockKey && isCardBlock ? old.itemCount + indexShift : old.itemCount;
    blocks.set(key, { ...old, keySpan, itemCount });
  }

  const result: CanvasModel = { ...model, blocks, cards };
  if (model.canvasKeySpan && model.canvasKeySpan.start >= end) {
    result.canvasKeySpan = { start: model.canvasKeySpan.start + delta, end: model.canvasKeySpan.end + delta };
  }
  carryIdIndex(model, result, removed, fresh);
  return result;
}
