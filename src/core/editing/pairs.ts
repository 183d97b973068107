import { isAlias, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import type { TextEdit } from '../edits';
import { removableLines, writtenStart } from '../codeActions/sequences';
import { colonAfter, columnOf, eolOf, lineEndOf, lineStartOf, nextLineStart, replaceScalar, skipBlanks, spaces, trimBack, yamlString } from '../codeActions/text';
import { contentEnd, isFlow } from '../codeActions/yamlNodes';
import { Refusal } from './types';

/**
 * Gives a pair of a card a new value, keeping what is around it (its anchor, a comment after it):
 * a string into the scalar as quoted; other values over what is written. A block list written
 * under the key stays a block list when the new value is a list with items.
 */
export function setPairValue(text: string, pair: Pair, value: unknown, valueText: string, refusal: Refusal): TextEdit[] {
  const key = pair.key as Node;
  const written = pair.value as Node | null;
  const colon = colonAfter(text, key.range![1]);
  if (isAlias(written) || colon === undefined) throw refusal;
  if (!written?.range || (isScalar(written) && written.value === null && written.range[0] === written.range[1])) {
    return [{ start: colon, end: colon, newText: ' ' + valueText }];
  }
  if (isScalar(written) && typeof written.value === 'string' && typeof value === 'string') {
    return [replaceScalar(text, { start: written.range[0], end: written.range[1] }, written.value, value)];
  }
  const end = contentEnd(text, written);
  if (end === undefined) throw refusal;
  if (isScalar(written) || isFlow(written)) return [{ start: written.range[0], end, newText: valueText }];
  if (isSeq(written) && Array.isArray(value) && value.length) {
    const dash = written.range[0];
    const first = written.items[0] as Node | null;
    const offset = first?.range ? first.range[0] - dash : 2;
    const lines = value.map((item) => '-' + spaces(offset - 1) + yamlString(String(item)));
    return [{ start: dash, end, newText: lines.join(eolOf(text) + spaces(columnOf(text, dash))) }];
  }
  // A block collection becomes a value on the key's line; a comment after the key stays there.
  const lineEnd = lineEndOf(text, colon);
  if (skipBlanks(text, colon) < lineEnd) return [{ start: colon, end: colon, newText: ' ' + valueText }, { start: lineEnd, end, newText: '' }];
  return [{ start: colon, end, newText: ' ' + valueText }];
}

/** Removes a pair from a card (a mapping of two or more pairs), with a comma of a flow mapping or its lines. */
export function removePair(text: string, map: YAMLMap, index: number): TextEdit[] {
  const pairs = map.items as Pair[];
  const pair = pairs[index];
  const key = pair.key as Node;
  const end = contentEnd(text, pair.value ?? key) ?? trimBack(text, key.range![0], key.range![1]);
  const next = pairs[index + 1]?.key as Node | undefined;
  if (isFlow(map)) {
    if (next) return [{ start: writtenStart(text, key), end: writtenStart(text, next), newText: '' }];
    const previous = pairs[index - 1];
    const previousEnd = contentEnd(text, previous.value ?? previous.key);
    return previousEnd === undefined ? [] : [{ start: previousEnd, end, newText: '' }];
  }
  // The first pair shares its line with the dash: the next key moves up into its place.
  if (index === 0 && next) return [{ start: key.range![0], end: writtenStart(text, next), newText: '' }];
  return [{ ...removableLines(text, { start: lineStartOf(text, key.range![0]), end: nextLineStart(text, end) }), newText: '' }];
}
