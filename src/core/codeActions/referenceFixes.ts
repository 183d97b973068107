import { isAlias, isScalar, isSeq, Node } from 'yaml';
import type { TextEdit } from '../edits';
import type { Card, Reference } from '../model';
import { isValidId } from '../rename';
import { action } from './actions';
import { addCardToBlock, cardItem, cardNoun, freeId } from './blocks';
import { modelIndex, Occurrence, occurrenceAt } from './modelIndex';
import { removeSequenceItem } from './sequences';
import { nameFromId, replaceScalar, yamlString } from './text';
import type { CodeAction, FixContext } from './types';
import { pairOf } from './yamlNodes';

/** The id or reference the diagnostic is on, with its card. */
export function occurrenceOf(context: FixContext, kind: 'id' | 'reference'): Occurrence | undefined {
  const { start, end } = context.diagnostic;
  const hit = occurrenceAt(context.model, start);
  return hit && hit.kind === kind && hit.start === start && hit.end === end ? hit : undefined;
}

/** Takes a reference out of its list (or empties a field that holds it alone). */
function removeReference(text: string, card: Card, reference: Reference): TextEdit[] | undefined {
  const pair = pairOf(card.node, reference.field);
  const value = pair?.value as Node | null | undefined;
  if (!pair || !value || isAlias(value)) return undefined;
  if (isScalar(value)) return value.range?.[0] === reference.start ? [{ start: reference.start, end: reference.end, newText: '[]' }] : undefined;
  if (!isSeq(value)) return undefined;
  const index = value.items.findIndex((item) => (item as Node | null)?.range?.[0] === reference.start);
  return index === -1 ? undefined : removeSequenceItem(text, pair, value, index);
}

/**
 * `unknown-reference`: change it to the closest id of the right block; create the card it names
 * (when no card anywhere has that id); or remove it.
 */
export function unknownReferenceFixes(context: FixContext): CodeAction[] {
  const hit = occurrenceOf(context, 'reference');
  if (!hit?.reference) return [];
  const { reference, card } = hit;
  const { text, diagnostic, model } = context;
  const fixes: CodeAction[] = [];
  if (diagnostic.suggestion) {
    fixes.push(
      ...action(context, 'replaceReference', [reference.id, diagnostic.suggestion], replaceScalar(text, reference, reference.id, diagnostic.suggestion), true),
    );
  }
  if (isValidId(reference.id) && !modelIndex(model).cardsById.has(reference.id)) {
    const item = cardItem([
      ['id', yamlString(reference.id)],
      ['name', yamlString(nameFromId(reference.id))],
    ]);
    const args = [cardNoun(reference.targetBlock), reference.id, reference.targetBlock];
    fixes.push(...action(context, 'createCard', args, addCardToBlock(context, reference.targetBlock, item), !diagnostic.suggestion));
  }
  fixes.push(...action(context, 'removeReference', [reference.id, reference.field], removeReference(text, card, reference)));
  return fixes;
}

/** `duplicate-id`: give the repeated card the first free numbered id (references keep naming the first). */
export function duplicateIdFixes(context: FixContext): CodeAction[] {
  const hit = occurrenceOf(context, 'id');
  if (!hit?.card.id) return [];
  const id = hit.card.id.value;
  const newId = freeId(context.model, id, true);
  return action(context, 'uniqueId', [newId], replaceScalar(context.text, hit, id, newId), true);
}
