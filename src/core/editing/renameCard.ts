import { isMap, isScalar, Node, YAMLMap } from 'yaml';
import type { TextEdit } from '../edits';
import { prependPair } from '../codeActions/cards';
import { columnOf, eolOf, lineEndOf, replaceScalar, spaces, yamlString } from '../codeActions/text';
import { contentEnd, isFlow, pairOf } from '../codeActions/yamlNodes';
import type { ValidationResult } from '../validate';
import { CardFound, cardAt, EditContext, editContext, refuseIfAliased, runEdit } from './context';
import { setPairValue } from './pairs';
import { EditResult, Refusal, RenameCardRequest } from './types';

/** Gives a card a new name: the sticky note's text, or its `name` (added after its id when missing). */
export function renameCard(text: string, result: ValidationResult, request: RenameCardRequest): EditResult {
  return runEdit(() => {
    const context = editContext(text, result);
    const found = cardAt(context, request);
    if (typeof request.name !== 'string' || !request.name.trim()) throw new Refusal('emptyName');
    return nameEdits(context, found, request.name);
  });
}

/** The edits that set a card's name (shared with setCardField for `name`). */
export function nameEdits(context: EditContext, found: CardFound, name: string): TextEdit[] {
  const { text } = context;
  const node = found.item;
  const at = { block: found.info.key, index: found.card.index };
  const refusal = new Refusal('notEditable', [String(at.index), at.block]);
  let edits: TextEdit[];
  if (isScalar(node)) edits = [replaceScalar(text, found.card.span, String(node.value), name)];
  else if (!isMap(node)) throw refusal;
  else {
    const pair = pairOf(node, 'name');
    if (pair) edits = setPairValue(text, pair, name, yamlString(name), refusal);
    else {
      const edit = afterId(text, node, `name: ${yamlString(name)}`) ?? prependPair(text, node, `name: ${yamlString(name)}`);
      if (!edit) throw refusal;
      edits = [edit];
    }
  }
  for (const edit of edits) refuseIfAliased(context, edit, at);
  return edits;
}

/** `name` reads best right after the id: inserted there when the card has one. */
function afterId(text: string, card: YAMLMap, pairText: string): TextEdit | undefined {
  const id = pairOf(card, 'id');
  const end = id && contentEnd(text, id.value ?? id.key);
  if (!id || end === undefined) return undefined;
  if (isFlow(card)) return { start: end, end, newText: `, ${pairText}` };
  const at = lineEndOf(text, end);
  return { start: at, end: at, newText: eolOf(text) + spaces(columnOf(text, (id.key as Node).range![0])) + pairText };
}
