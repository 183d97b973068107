/**
 * Outline and id navigation, read from the model (no parsing): document symbols, go to
 * definition, find references and highlights. An id stands for a card of one block: a reference
 * in `channels` only ever names a channel, even when a card of another block has the same id.
 * With duplicate ids, a reference resolves to the first card of its block with that id.
 */
import type { CanvasModel, Card } from './model';
import { cardLabel } from './rules/context';
import { kindInfo } from './schema';
import type { Span } from './types';
import { declarationOf, modelIndex, occurrenceAt, targetKey, targetOf } from './codeActions/modelIndex';
import { writtenEnd } from './codeActions/yamlNodes';

export interface CanvasSymbol {
  kind: 'block' | 'card';
  /** A block's key, a card's name (else its id, else its position). */
  name: string;
  /** A block's title; a card's type and id. */
  detail: string;
  /** The whole block (key to last card) or card. */
  span: Span;
  /** What to reveal: the block's key, the card's label. */
  selectionSpan: Span;
  children: CanvasSymbol[];
}

/** A card from its first to its last written character (its node's range runs on to the next line). */
function cardSpan(card: Card): Span {
  const end = writtenEnd(card.node);
  return { start: card.span.start, end: end !== undefined && end > card.span.start && end <= card.span.end ? end : card.span.end };
}

function cardSymbol(card: Card): CanvasSymbol {
  const detail = [card.type?.value, card.id?.value].filter((part) => part !== undefined && part !== '').join(' · ');
  return { kind: 'card', name: cardLabel(card), detail, span: cardSpan(card), selectionSpan: card.labelSpan, children: [] };
}

/** Blocks in file order, each with its cards. */
export function documentSymbols(model: CanvasModel): CanvasSymbol[] {
  const symbols: CanvasSymbol[] = [];
  const { blockByKey } = kindInfo(model.kind);
  for (const block of model.blocks.values()) {
    const children = block.cards.map(cardSymbol);
    let end = block.keySpan.end;
    // A card read through an alias may sit elsewhere in the file: the block spans only its own.
    for (const symbol of children) if (symbol.span.start >= block.keySpan.start) end = Math.max(end, symbol.span.end);
    symbols.push({
      kind: 'block',
      name: block.key,
      detail: blockByKey.get(block.key)?.title ?? '',
      span: { start: block.keySpan.start, end },
      selectionSpan: block.keySpan,
      children,
    });
  }
  return symbols;
}

export interface DefinitionTarget {
  card: Card;
  /** The card's id as written. */
  idSpan: Span;
  /** The whole card. */
  cardSpan: Span;
}

/** The card a reference (or an id itself) under the offset stands for; undefined when none. */
export function definition(model: CanvasModel, offset: number): DefinitionTarget | undefined {
  const hit = occurrenceAt(model, offset);
  if (!hit) return undefined;
  const { block, id } = targetOf(hit);
  const card = hit.kind === 'id' ? hit.card : declarationOf(model, block, id);
  if (!card?.id) return undefined;
  return { card, idSpan: { start: card.id.start, end: card.id.end }, cardSpan: cardSpan(card) };
}

export interface Highlight extends Span {
  /** The id itself is 'write'; references to it are 'read'. */
  kind: 'read' | 'write';
}

/** Every place naming the id under the offset, in file order (a dangling reference: its siblings). */
export function highlights(model: CanvasModel, offset: number): Highlight[] {
  const hit = occurrenceAt(model, offset);
  if (!hit) return [];
  const { block, id } = targetOf(hit);
  const declaration = hit.kind === 'id' ? hit.card : declarationOf(model, block, id);
  const found: Highlight[] = [];
  if (declaration?.id) found.push({ start: declaration.id.start, end: declaration.id.end, kind: 'write' });
  for (const site of modelIndex(model).referencesTo.get(targetKey(block, id)) ?? []) {
    found.push({ start: site.reference.start, end: site.reference.end, kind: 'read' });
  }
  // A reference read through an alias is written once, at its anchor: list each place once.
  const seen = new Set<number>();
  return found.sort((a, b) => a.start - b.start).filter((h) => !seen.has(h.start) && seen.add(h.start));
}

/** The references to the id under the offset (a reference counts as naming its id), and the id itself if asked. */
export function references(model: CanvasModel, offset: number, includeDeclaration: boolean): Span[] {
  return highlights(model, offset)
    .filter((h) => includeDeclaration || h.kind === 'read')
    .map(({ start, end }) => ({ start, end }));
}
