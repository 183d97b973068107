/** Ids for reference fields: the cards of the block the field points to. */
import type { Card, CanvasModel } from '../model';
import type { CursorContext } from './cursor';
import { cardMarkdown } from './markdown';
import type { Draft } from './types';

/** The card of a block that holds an offset (cards are in text order: binary search). */
export function cardAt(cards: readonly Card[], offset: number): Card | undefined {
  let low = 0;
  let high = cards.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cards[mid].span.start <= offset) low = mid + 1;
    else high = mid - 1;
  }
  const card = cards[high];
  return card && offset <= card.span.end ? card : undefined;
}

export function referenceItems(target: string, context: CursorContext, model: CanvasModel): Draft[] {
  const skip = new Set(context.present);
  // A card does not refer to itself (a segment's linked sides are other segments).
  const cards = model.blocks.get(target)?.cards ?? [];
  const own = target === context.path[0] ? cardAt(cards, context.range.start)?.id?.value : undefined;
  if (own !== undefined) skip.add(own);
  const items: Draft[] = [];
  for (const card of cards) {
    const id = card.id?.value;
    if (id === undefined || skip.has(id)) continue;
    skip.add(id);
    items.push({ label: id, kind: 'reference', detail: card.name, documentation: cardMarkdown(card, model.kind), insertText: id });
  }
  return items;
}
