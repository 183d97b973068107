import { isAlias, isMap, isScalar, isSeq, Node, Pair } from 'yaml';
import type { TextEdit } from '../edits';
import { addPair } from '../codeActions/cards';
import { appendToFlow, appendToSequence, linesUnderKey, removeSequenceItem } from '../codeActions/sequences';
import { colonAfter, columnOf, eolOf, lineEndOf, skipBlanks, spaces, yamlString } from '../codeActions/text';
import { contentEnd, isFlow } from '../codeActions/yamlNodes';
import type { EditContext } from './context';
import { isEmptyNode, Slot } from './fieldPath';
import type { BlockLayout, ValueText } from './fieldValues';
import { removePair, setPairValue } from './pairs';
import type { FieldValue } from './types';
import { Refusal } from './types';

/**
 * `key: value` as a new entry of a block mapping whose keys are at `column` (undefined: a flow
 * mapping, on one line): an object or a list of objects over lines of their own under the key.
 */
export function pairText(context: EditContext, key: string, value: Exclude<FieldValue, null>, text: ValueText, layout: BlockLayout, column: number | undefined): string {
  if (column === undefined || !text.block) return `${yamlString(key)}: ${text.flow}`;
  const eol = eolOf(context.text);
  const indent = spaces(column + (Array.isArray(value) ? layout.listIndent : layout.mapIndent));
  return `${yamlString(key)}:` + text.block.map((line) => eol + indent + line).join('');
}

/**
 * Writes a value at a slot: over what is written at a key (a flow value rewritten in flow style,
 * a block value as block lines under the key, keeping a comment on the key's line), as a new key
 * of the mapping (after its last entry), over an entry of a list, or as a new last entry.
 */
export function writeAt(context: EditContext, slot: Slot, value: Exclude<FieldValue, null>, written: ValueText, layout: BlockLayout, refusal: Refusal): TextEdit[] {
  const { text } = context;
  if (slot.kind === 'key') {
    if (slot.pair) return writePairValue(context, slot.pair, value, written, layout, isFlow(slot.map), refusal);
    if (isFlow(slot.map)) return orRefuse(appendToFlow(text, slot.map, pairText(context, slot.key, value, written, layout, undefined)), refusal);
    const first = (slot.map.items[0] as Pair | undefined)?.key as Node | undefined;
    if (!first?.range) throw refusal;
    return orRefuse(addPair(text, slot.map, pairText(context, slot.key, value, written, layout, columnOf(text, first.range[0]))), refusal);
  }
  const { seq, index } = slot;
  const item = seq.items[index] as Node | null | undefined;
  if (index >= seq.items.length) return orRefuse(appendToSequence(text, seq, [{ lines: written.block ?? [written.flow], flow: written.flow }]), refusal);
  if (!item?.range || isAlias(item)) throw refusal;
  const end = contentEnd(text, item);
  if (end === undefined) throw refusal;
  if (isFlow(seq) || isFlow(item) || isScalar(item) || !written.block) return [{ start: item.range[0], end, newText: written.flow }];
  const eol = eolOf(text) + spaces(columnOf(text, item.range[0]));
  return [{ start: item.range[0], end: lineEndOf(text, end), newText: written.block.join(eol) }];
}

function writePairValue(context: EditContext, pair: Pair, value: Exclude<FieldValue, null>, written: ValueText, layout: BlockLayout, inFlow: boolean, refusal: Refusal): TextEdit[] {
  const { text } = context;
  const node = pair.value as Node | null;
  if (!written.block || inFlow || isFlow(node)) return setPairValue(text, pair, value, written.flow, refusal);
  const key = pair.key as Node;
  const colon = key.range && colonAfter(text, key.range[1]);
  if (isAlias(node) || colon === undefined || colon === null) throw refusal;
  const eol = eolOf(text);
  const indent = spaces(columnOf(text, key.range![0]) + (Array.isArray(value) ? layout.listIndent : layout.mapIndent));
  const lines = written.block.map((line) => indent + line).join(eol);
  if (isEmptyNode(node)) return orRefuse(linesUnderKey(text, pair, () => lines, context.style), refusal);
  const end = contentEnd(text, node);
  if (end === undefined) throw refusal;
  const keyLineEnd = lineEndOf(text, colon);
  if (isMap(node) || isSeq(node)) {
    // A block collection: its lines go; a comment after the key stays on the key's line.
    const start = skipBlanks(text, colon) < keyLineEnd ? keyLineEnd : colon;
    return [{ start, end: lineEndOf(text, end), newText: eol + lines }];
  }
  // A scalar on the key's line with a comment after it: the comment stays there.
  if (end <= keyLineEnd && skipBlanks(text, end) < keyLineEnd) {
    return [
      { start: colon, end, newText: '' },
      { start: keyLineEnd, end: keyLineEnd, newText: eol + lines },
    ];
  }
  return [{ start: colon, end, newText: eol + lines }];
}

/** Removes what a slot holds: a key with its value, or an entry of a list (its container keeps other entries). */
export function removeAt(context: EditContext, slot: Slot, refusal: Refusal): TextEdit[] {
  if (slot.kind === 'key') {
    const index = slot.map.items.findIndex((p) => p === slot.pair);
    if (index === -1) return [];
    return removePair(context.text, slot.map, index);
  }
  return orRefuse(removeSequenceItem(context.text, slot.holder, slot.seq, slot.index, true), refusal);
}

function orRefuse(edit: TextEdit | TextEdit[] | undefined, refusal: Refusal): TextEdit[] {
  if (!edit) throw refusal;
  return Array.isArray(edit) ? edit : [edit];
}
