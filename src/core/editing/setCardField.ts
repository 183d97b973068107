import { isMap, isScalar } from 'yaml';
import type { TextEdit } from '../edits';
import { addPair, stickyNoteToMap } from '../codeActions/cards';
import { pairOf } from '../codeActions/yamlNodes';
import type { ValidationResult } from '../validate';
import { cardAt, editContext, refuseIfAliased, runEdit } from './context';
import { fieldSchema, fieldValueText } from './fieldValues';
import { removePair, setPairValue } from './pairs';
import { nameEdits } from './renameCard';
import { EditResult, Refusal, SetCardFieldRequest } from './types';

/**
 * Sets one field of a card to a value its schema takes (`null` removes the field). A sticky note
 * becomes a mapping (`name:` its text) only when a field other than its name is set.
 */
export function setCardField(text: string, result: ValidationResult, request: SetCardFieldRequest): EditResult {
  return runEdit(() => {
    const context = editContext(text, result);
    const found = cardAt(context, request);
    const { field, value } = request;
    const schema = fieldSchema(context, found, field);
    const at = { block: found.info.key, index: found.card.index };
    const notEditable = new Refusal('notEditable', [String(at.index), at.block]);
    const node = found.item;
    if (value === null) {
      if (found.info.card.required?.includes(field)) throw new Refusal('requiredField', [field, at.block]);
      const pairs = isMap(node) ? node.items : [];
      const index = pairs.findIndex((p) => p === pairOf(node, field));
      if (field === 'name' && isScalar(node)) throw new Refusal('onlyField', [field]);
      if (index === -1) return [];
      if (pairs.length === 1) throw new Refusal('onlyField', [field]);
      return checked(removePair(text, node as Parameters<typeof removePair>[1], index));
    }
    const valueText = fieldValueText(context, field, schema, value);
    if (field === 'name' && typeof value === 'string') return nameEdits(context, found, value);
    if (isScalar(node)) {
      if (node.anchor) throw notEditable;
      const edit = stickyNoteToMap(text, found.card, [], [`${field}: ${valueText}`]);
      if (!edit) throw notEditable;
      return checked([edit]);
    }
    if (!isMap(node)) throw notEditable;
    const pair = pairOf(node, field);
    if (pair) return checked(setPairValue(text, pair, value, valueText, notEditable));
    const edit = addPair(text, node, `${field}: ${valueText}`);
    if (!edit) throw notEditable;
    return checked([edit]);

    function checked(edits: TextEdit[]): TextEdit[] {
      for (const edit of edits) refuseIfAliased(context, edit, at);
      return edits;
    }
  });
}
