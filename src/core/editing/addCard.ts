import { isScalar } from 'yaml';
import { cardItem } from '../codeActions/blocks';
import { yamlString } from '../codeActions/text';
import type { ValidationResult } from '../validate';
import { newCardText } from './cardText';
import { blockAt, editContext, runEdit } from './context';
import { insertCard } from './insert';
import { AddCardRequest, EditResult, Refusal } from './types';

/**
 * Adds a card named `name` to a block, at `index` (appended when left out). Written as
 * `name: …` (a mapping), or as a sticky note when every card of the block is one; a block the
 * file lacks is created at its place in the kind's canvas order.
 */
export function addCard(text: string, result: ValidationResult, request: AddCardRequest): EditResult {
  return runEdit(() => {
    const context = editContext(text, result);
    const found = blockAt(context, request.block);
    if (typeof request.name !== 'string' || !request.name.trim()) throw new Refusal('emptyName');
    const name = yamlString(request.name);
    const notes = found.seq?.items.every((item) => isScalar(item) && typeof item.value === 'string');
    const item = notes ? { lines: [name], flow: name } : cardItem([['name', name]]);
    return insertCard(context, request.block, request.index, newCardText(context, item));
  });
}
