import { removeSequenceItem } from '../codeActions/sequences';
import type { ValidationResult } from '../validate';
import { cardRegion } from './cardText';
import { cardAt, editContext, refuseIfAliased, runEdit } from './context';
import { CardAt, EditResult, Refusal } from './types';

/**
 * Deletes a card with the comment lines above it; the block's last card leaves `block: []`.
 * Refused when an alias elsewhere repeats a part of it (the alias would dangle).
 */
export function deleteCard(text: string, result: ValidationResult, request: CardAt): EditResult {
  return runEdit(() => {
    const context = editContext(text, result);
    const found = cardAt(context, request);
    const at = { block: found.info.key, index: found.card.index };
    refuseIfAliased(context, cardRegion(context, found), at);
    const edits = removeSequenceItem(text, found.pair, found.seq, found.card.index, true);
    if (!edits) throw new Refusal('notEditable', [String(at.index), at.block]);
    return edits;
  });
}
