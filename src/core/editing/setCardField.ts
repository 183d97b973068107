import { isMap, isScalar, YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from '../edits';
import { stickyNoteToMap } from '../codeActions/cards';
import { dashBefore } from '../codeActions/sequences';
import { columnOf } from '../codeActions/text';
import { pairOf } from '../codeActions/yamlNodes';
import type { JsonSchema } from '../schema';
import type { ValidationResult } from '../validate';
import { CardFound, cardAt, EditContext, editContext, refuseIfAliased, runEdit } from './context';
import { containerAt, pathSteps, Slot, slotNode, wrapValue } from './fieldPath';
import { badValue, blockLayout, fieldSchema, fieldValueText } from './fieldValues';
import { removePair } from './pairs';
import { nameEdits } from './renameCard';
import { pairText, removeAt, writeAt } from './slotEdits';
import { EditResult, FieldValue, isFieldValue, Refusal, SetCardFieldRequest } from './types';

/**
 * Sets one field of a card to a value its schema takes (`null` removes the field). A sticky note
 * becomes a mapping (`name:` its text) only when a field other than its name is set.
 *
 * `field` may be a dotted path into an object field (`persona.name`, `checks.distinct`,
 * `segmentation.0.criteria`): only that key's value changes, its siblings and their comments stay
 * as written; an object or list missing on the way is created around the value. Removing the last
 * key of an object (or the last entry of a list) removes the object with its key, up to the card's
 * field, which then follows the rules of a field (a required one or the card's only one stays).
 * An index one past a list's last entry appends one.
 */
export function setCardField(text: string, result: ValidationResult, request: SetCardFieldRequest): EditResult {
  return runEdit(() => {
    const context = editContext(text, result);
    const found = cardAt(context, request);
    const at = { block: found.info.key, index: found.card.index };
    if (typeof request.field !== 'string') throw new Refusal('unknownField', [String(request.field), at.block]);
    const [field, ...rest] = request.field.split('.');
    const schema = fieldSchema(context, found, field);
    if (!isFieldValue(request.value)) {
      const steps = pathSteps(context, field, schema, rest);
      throw badValue(context, request.field, steps.length ? steps[steps.length - 1].schema : schema);
    }
    const edits = rest.length ? pathEdits(context, found, field, schema, rest, request.value) : fieldEdits(context, found, field, schema, request.value);
    for (const edit of edits) refuseIfAliased(context, edit, at);
    return edits;
  });
}

const notEditable = (found: CardFound) => new Refusal('notEditable', [String(found.card.index), found.info.key]);

/** Sets or removes a field of the card as a whole. */
function fieldEdits(context: EditContext, found: CardFound, field: string, schema: JsonSchema, value: FieldValue): TextEdit[] {
  const { text } = context;
  const node = found.item;
  if (value === null) return removeField(context, found, field);
  const layout = blockLayout(context);
  const written = fieldValueText(context, field, schema, value, layout);
  if (field === 'name' && typeof value === 'string') return nameEdits(context, found, value);
  if (isScalar(node)) {
    if (node.anchor) throw notEditable(found);
    const start = found.card.span.start;
    const column = dashBefore(text, start) === undefined ? undefined : columnOf(text, start);
    const edit = stickyNoteToMap(text, found.card, [], [pairText(context, field, value, written, layout, column)]);
    if (!edit) throw notEditable(found);
    return [edit];
  }
  if (!isMap(node)) throw notEditable(found);
  return writeAt(context, { kind: 'key', map: node, key: field, pair: pairOf(node, field) }, value, written, layout, notEditable(found));
}

/** Removes a field of the card: never a required one, nor the card's only field. */
function removeField(context: EditContext, found: CardFound, field: string): TextEdit[] {
  const node = found.item;
  if (found.info.card.required?.includes(field)) throw new Refusal('requiredField', [field, found.info.key]);
  const pairs = isMap(node) ? node.items : [];
  const index = pairs.findIndex((p) => p === pairOf(node, field));
  if (field === 'name' && isScalar(node)) throw new Refusal('onlyField', [field]);
  if (index === -1) return [];
  if (pairs.length === 1) throw new Refusal('onlyField', [field]);
  return removePair(context.text, node as YAMLMap, index);
}

/** Sets or removes the value at a dotted path below the card's field `field`. */
function pathEdits(context: EditContext, found: CardFound, field: string, schema: JsonSchema, segments: string[], value: FieldValue): TextEdit[] {
  const steps = pathSteps(context, field, schema, segments);
  const node = found.item;
  const layout = blockLayout(context);
  if (!isMap(node)) {
    // A sticky note has no fields yet: the field is written whole, around the value.
    if (value === null) return [];
    return fieldEdits(context, found, field, schema, wrapValue(steps, value, field));
  }
  const slots: Slot[] = [{ kind: 'key', map: node, key: field, pair: pairOf(node, field) }];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const slot = slots[i];
    const at = i === 0 ? field : steps[i - 1].path;
    const container = containerAt(slot, step, at);
    if (!container) {
      // Nothing written from here on: what is missing is written around the value.
      if (value === null) return [];
      const whole = wrapValue(steps.slice(i), value, at);
      if (i === 0) return fieldEdits(context, found, field, schema, whole);
      return writeAt(context, slot, whole, fieldValueText(context, at, steps[i - 1].schema, whole, layout), layout, notEditable(found));
    }
    if (step.kind === 'key') {
      slots.push({ kind: 'key', map: container as YAMLMap, key: step.segment, pair: pairOf(container, step.segment) });
      continue;
    }
    const seq = container as YAMLSeq;
    const index = Number(step.segment);
    if (index > seq.items.length) throw new Refusal('noEntry', [at, step.segment, String(seq.items.length)]);
    if (slot.kind !== 'key' || !slot.pair) throw notEditable(found);
    slots.push({ kind: 'item', seq, holder: slot.pair, index });
  }
  const leaf = steps[steps.length - 1];
  const target = slots[slots.length - 1];
  if (value !== null) return writeAt(context, target, value, fieldValueText(context, leaf.path, leaf.schema, value, layout), layout, notEditable(found));
  if (!slotNode(target)) return [];
  // The last key of an object, or the last entry of a list, takes its container with it.
  for (let i = slots.length - 1; i >= 1; i--) {
    const slot = slots[i];
    const step = steps[i - 1];
    if (step.kind === 'key' && step.required) throw new Refusal('requiredKey', [i === 1 ? field : steps[i - 2].path, step.segment]);
    const size = slot.kind === 'key' ? slot.map.items.length : slot.seq.items.length;
    if (size > 1) return removeAt(context, slot, notEditable(found));
  }
  return removeField(context, found, field);
}
