import type { CanvasModel, Card, Reference } from '../model';
import type { Span } from '../types';

/** An id or a reference as written, with the card that holds it. */
export interface Occurrence extends Span {
  kind: 'id' | 'reference';
  /** The card whose id this is, or the card that holds the reference. */
  card: Card;
  reference?: Reference;
}

export interface ReferenceSite {
  card: Card;
  reference: Reference;
}

export interface ModelIndex {
  /** Every id and reference, sorted by start offset. */
  occurrences: Occurrence[];
  /** Cards by id, in file order (more than one when an id is duplicated). */
  cardsById: Map<string, Card[]>;
  /** References by the card they point to (`targetKey`). */
  referencesTo: Map<string, ReferenceSite[]>;
}

/** What a reference points to: an id within one block (the same text in another block is another card). */
export function targetKey(block: string, id: string): string {
  return `${block}\u0000${id}`;
}

const cache = new WeakMap<CanvasModel, ModelIndex>();

/** Built once per model: editor features run on every request and must not rescan the canvas each time. */
export function modelIndex(model: CanvasModel): ModelIndex {
  let index = cache.get(model);
  if (index) return index;
  const occurrences: Occurrence[] = [];
  const cardsById = new Map<string, Card[]>();
  const referencesTo = new Map<string, ReferenceSite[]>();
  for (const card of model.cards) {
    if (card.id) {
      occurrences.push({ kind: 'id', card, start: card.id.start, end: card.id.end });
      const same = cardsById.get(card.id.value);
      if (same) same.push(card);
      else cardsById.set(card.id.value, [card]);
    }
    for (const reference of card.references) {
      occurrences.push({ kind: 'reference', card, reference, start: reference.start, end: reference.end });
      const key = targetKey(reference.targetBlock, reference.id);
      const sites = referencesTo.get(key);
      if (sites) sites.push({ card, reference });
      else referencesTo.set(key, [{ card, reference }]);
    }
  }
  occurrences.sort((a, b) => a.start - b.start);
  index = { occurrences, cardsById, referencesTo };
  cache.set(model, index);
  return index;
}

/** The id or reference under an offset; a cursor just after the word still counts (as in the editor). */
export function occurrenceAt(model: CanvasModel, offset: number): Occurrence | undefined {
  const { occurrences } = modelIndex(model);
  let low = 0;
  let high = occurrences.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (occurrences[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found === -1) return undefined;
  const hit = occurrences[found];
  return offset <= hit.end ? hit : undefined;
}

/** The card a reference resolves to: the first card of the target block with that id. */
export function declarationOf(model: CanvasModel, block: string, id: string): Card | undefined {
  return modelIndex(model).cardsById.get(id)?.find((card) => card.block === block);
}

/** The (block, id) an occurrence stands for: what navigation and rename follow. */
export function targetOf(occurrence: Occurrence): { block: string; id: string } {
  if (occurrence.reference) return { block: occurrence.reference.targetBlock, id: occurrence.reference.id };
  return { block: occurrence.card.block, id: occurrence.card.id!.value };
}
