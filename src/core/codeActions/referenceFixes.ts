import { isAlias, isScalar, isSeq, Node } from 'yaml';
import type { TextEdit } from '../edits';
import type { Card, Reference } from '../model';
import { isValidId, renameEdits } from '../rename';
import { action } from './actions';
import { addCardToBlock, cardItem, cardNoun, freeId } from './blocks';
import { declarationOf, modelIndex, Occurrence, occurrenceAt, targetKey } from './modelIndex';
import { removeSequenceItem } from './sequences';
import { nameFromId, replaceScalar, yamlString } from './text';
import type { CodeAction, FixContext } from './types';
import { pairOf } from './yamlNodes';

/**
 * The id or reference the diagnostic is on, with its card. A value written once under an anchor is
 * read once per alias: a reference read in fields that point to different blocks (`segments: &a [x]`,
 * `channels: *a`) is one place with several meanings, and an id read twice is a duplicate by
 * construction. No fix for those: what fixes one reading breaks or hides another.
 */
export function occurrenceOf(context: FixContext, kind: 'id' | 'reference'): Occurrence | undefined {
  const { start, end } = context.diagnostic;
  const hit = occurrenceAt(context.model, start);
  if (!hit || hit.kind !== kind || hit.start !== start || hit.end !== end) return undefined;
  const same = modelIndex(context.model).occurrences.filter((o) => o.start === start && o.end === end && o.kind === kind);
  if (same.length === 1) return same[0];
  if (kind === 'id') return undefined;
  return same.every((o) => o.reference!.targetBlock === hit.reference!.targetBlock) ? hit : undefined;
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
  // A suggestion that is no valid id (a card whose own id is not kebab-case) would trade this
  // problem for a schema error on the reference.
  if (diagnostic.suggestion && isValidId(diagnostic.suggestion)) {
    fixes.push(
      ...action(context, 'replaceReference', [reference.id, diagnostic.suggestion], replaceScalar(text, reference, reference.id, diagnostic.suggestion), true),
    );
  }
  if (isValidId(reference.id) && !modelIndex(model).cardsById.has(reference.id)) {
    const item = cardItem([
      ['id', yamlString(reference.id)],
      ['name', yamlString(nameFromId(reference.id))],
    ]);
    const args = [cardNoun(reference.targetBlock, context.model.kind), reference.id, reference.targetBlock];
    fixes.push(...action(context, 'createCard', args, addCardToBlock(context, reference.targetBlock, item), !fixes.length));
  }
  fixes.push(...action(context, 'removeReference', [reference.id, reference.field], removeReference(text, card, reference)));
  return fixes;
}

/**
 * `duplicate-id`: give the repeated card the first free numbered id. References keep naming the
 * card they name now: the first card of their block with that id. When the repeated card is that
 * card for its own block (the first card with the id is in another block), its references follow it.
 */
export function duplicateIdFixes(context: FixContext): CodeAction[] {
  const hit = occurrenceOf(context, 'id');
  if (!hit?.card.id) return [];
  const { text, model } = context;
  const id = hit.card.id.value;
  const newId = freeId(model, id, true);
  const named = declarationOf(model, hit.card.block, id) === hit.card && modelIndex(model).referencesTo.has(targetKey(hit.card.block, id));
  return action(context, 'uniqueId', [newId], named ? renameEdits(text, model, hit, newId) : replaceScalar(text, hit, id, newId), true);
}
