import { removeSequenceItem } from '../codeActions/sequences';
import type { ValidationResult } from '../validate';
import { cardRegion, movingCardText } from './cardText';
import { blockAt, cardAt, editContext, runEdit } from './context';
import { insertCard } from './insert';
import { EditResult, MoveCardRequest, Refusal } from './types';

/**
 * Moves a card (with the comment lines above it) to `toIndex` of `toBlock`, its own block or
 * another: its lines go as they are written, shifted to the target list's indentation. A block
 * left without cards becomes `block: []`; a target block the file lacks is created.
 */
export function moveCard(text: string, result: ValidationResult, request: MoveCardRequest): EditResult {
  return runEdit(() => {
    const context = editContext(text, result);
    const found = cardAt(context, request);
    const index = found.card.index;
    const sameBlock = request.toBlock === found.info.key;
    const target = blockAt(context, request.toBlock);
    const room = sameBlock ? target.count - 1 : target.count;
    if (!Number.isInteger(request.toIndex) || request.toIndex < 0 || request.toIndex > room) {
      throw new Refusal('insertOutOfRange', [String(request.toIndex), request.toBlock, String(room)]);
    }
    if (sameBlock && request.toIndex === index) return [];
    const card = movingCardText(context, found, cardRegion(context, found));
    const insertion = insertCard(context, request.toBlock, request.toIndex, card, sameBlock ? index : undefined);
    // Within one block the list does not become empty: only the card's own lines (or entry) go.
    const removal = removeSequenceItem(text, found.pair, found.seq, index, true);
    if (!removal) throw new Refusal('notEditable', [String(index), found.info.key]);
    return [...removal, ...insertion];
  });
}
