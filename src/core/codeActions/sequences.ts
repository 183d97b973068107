import { isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from '../edits';
import { colonAfter, columnOf, eolOf, lineEndOf, lineStartOf, nextLineStart, skipBlanks, spaces, trimBack } from './text';
import { contentEnd, isFlow } from './yamlNodes';

/** An item to add, written for both styles: block lines (the first goes after `- `) and flow text. */
export interface ItemText {
  lines: string[];
  flow: string;
}

/** How the file indents a block list under its key and a card's keys after the dash. */
export interface ListStyle {
  /** Columns from a block's key to the dash of its items (0 for `key:\n- item`). */
  listIndent: number;
  /** Columns from the dash to the first key of a card written as a mapping. */
  keyOffset: number;
}

/** Learned from the first block list of the file; two spaces each when there is none. */
export function listStyleOf(text: string, root: unknown): ListStyle {
  const style: ListStyle = { listIndent: 2, keyOffset: 2 };
  if (!isMap(root)) return style;
  for (const pair of root.items as Pair[]) {
    const value = pair.value;
    if (!isSeq(value) || isFlow(value) || !value.items.length || !(pair.key as Node | null)?.range) continue;
    const first = value.items[0] as Node | null;
    if (!first?.range) continue;
    const dash = dashBefore(text, first.range[0]);
    if (dash === undefined) continue;
    style.listIndent = columnOf(text, dash) - columnOf(text, (pair.key as Node).range![0]);
    style.keyOffset = first.range[0] - dash;
    return style;
  }
  return style;
}

/** The `-` indicator of a block list item starting at `itemStart`, when it is on the same line. */
export function dashBefore(text: string, itemStart: number): number | undefined {
  let i = itemStart - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? i : undefined;
}

/** The block lines of an item, with its first line after `- ` at `dashColumn`. */
export function blockItem(item: ItemText, dashColumn: number, keyOffset: number, eol: string): string {
  const rest = spaces(dashColumn + keyOffset);
  return spaces(dashColumn) + '-' + spaces(keyOffset - 1) + item.lines.join(eol + rest);
}

/** Inserts `itemText` as the last entry of a flow collection (`[...]` or `{...}`), handling commas. */
export function appendToFlow(text: string, collection: YAMLSeq | YAMLMap, itemText: string): TextEdit | undefined {
  const range = collection.range;
  if (!range) return undefined;
  const close = trimBack(text, range[0], range[1]) - 1;
  const closer = isSeq(collection) ? ']' : '}';
  if (text[close] !== closer) return undefined;
  const opener = isSeq(collection) ? '[' : '{';
  if (!collection.items.length) {
    const padded = isSeq(collection) ? itemText : ` ${itemText} `;
    return { start: range[0], end: close + 1, newText: opener + padded + closer };
  }
  const before = trimBack(text, range[0], close);
  if (text[before - 1] === ',') return { start: before, end: before, newText: ` ${itemText}` };
  const last = collection.items[collection.items.length - 1];
  const lastEnd = contentEnd(text, isPair(last) ? (last.value ?? last.key) : last);
  if (lastEnd === undefined || lastEnd > close) return undefined;
  return { start: lastEnd, end: lastEnd, newText: `, ${itemText}` };
}

/** Adds items at the end of a list written in either style. */
export function appendToSequence(text: string, seq: YAMLSeq, items: ItemText[]): TextEdit | undefined {
  if (isFlow(seq)) return appendToFlow(text, seq, items.map((item) => item.flow).join(', '));
  const last = seq.items[seq.items.length - 1] as Node | null;
  const end = contentEnd(text, seq);
  if (!last?.range || end === undefined) return undefined;
  const itemStart = last.range[0];
  const dash = dashBefore(text, itemStart);
  if (dash === undefined) return undefined;
  const at = lineEndOf(text, end);
  const eol = eolOf(text);
  const lines = items.map((item) => eol + blockItem(item, columnOf(text, dash), itemStart - dash, eol));
  return { start: at, end: at, newText: lines.join('') };
}

/**
 * Gives an empty value (`key:`, `key: ~`, `key: null`) a first list item: a flow list on the key's
 * line for a short value, block lines under the key for a card.
 */
export function fillEmptyValue(text: string, pair: Pair, item: ItemText, form: 'flow' | 'block', style: ListStyle): TextEdit[] | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range || (value && !(isScalar(value) && value.value === null))) return undefined;
  const colon = colonAfter(text, key.range[1]);
  if (colon === undefined) return undefined;
  const written = value?.range && value.range[1] > value.range[0] ? { start: value.range[0], end: trimBack(text, value.range[0], value.range[1]) } : undefined;
  if (form === 'flow') {
    const list = `[${item.flow}]`;
    if (written) return [{ ...written, newText: list }];
    const after = skipBlanks(text, colon);
    if (after >= lineEndOf(text, colon)) return [{ start: colon, end: colon, newText: ' ' + list }];
    // A comment follows on the line: the list goes after one blank, and a blank stays before the comment.
    if (after - colon >= 2) return [{ start: colon + 1, end: colon + 1, newText: list }];
    return [{ start: colon + 1, end: colon + 1, newText: list + ' ' }];
  }
  const at = lineEndOf(text, colon);
  const dashColumn = columnOf(text, key.range[0]) + style.listIndent;
  const lines = eolOf(text) + blockItem(item, dashColumn, style.keyOffset, eolOf(text));
  if (!written) return [{ start: at, end: at, newText: lines }];
  // An explicit null goes (with the blanks before it); a comment after it stays on the key's line.
  if (written.end === at) return [{ start: colon, end: at, newText: lines }];
  return [
    { start: colon, end: written.end, newText: '' },
    { start: at, end: at, newText: lines },
  ];
}

/**
 * Removes one item of a list: its entry and one comma from a flow list, its lines from a block
 * list. Removing the only item leaves `[]`, so the field stays a list.
 */
export function removeSequenceItem(text: string, pair: Pair, seq: YAMLSeq, index: number): TextEdit[] | undefined {
  const item = seq.items[index] as Node | null;
  if (!item?.range || !seq.range) return undefined;
  const itemEnd = trimBack(text, item.range[0], item.range[1]);
  if (isFlow(seq)) {
    if (seq.items.length === 1) return [{ start: seq.range[0], end: trimBack(text, seq.range[0], seq.range[1]), newText: '[]' }];
    if (index < seq.items.length - 1) {
      const next = seq.items[index + 1] as Node | null;
      return next?.range ? [{ start: item.range[0], end: next.range[0], newText: '' }] : undefined;
    }
    const previousEnd = contentEnd(text, seq.items[index - 1]);
    return previousEnd === undefined ? undefined : [{ start: previousEnd, end: itemEnd, newText: '' }];
  }
  const dash = dashBefore(text, item.range[0]);
  if (dash === undefined) return undefined;
  const lines = { start: lineStartOf(text, dash), end: nextLineStart(text, contentEnd(text, item) ?? itemEnd) };
  // Something else before the dash on its line (`- - x`): not a line of its own to remove.
  if (text.slice(lines.start, dash).trim()) return undefined;
  // On a last line without a line break, the break before it goes instead (the file keeps its ending).
  const removal = lines.end === text.length && !/[\r\n]$/.test(text) && lines.start > 0 ? { start: lineEndOf(text, lines.start - 1), end: text.length } : lines;
  if (seq.items.length > 1) return [{ ...removal, newText: '' }];
  const key = pair.key as Node | null;
  const colon = key?.range ? colonAfter(text, key.range[1]) : undefined;
  if (colon === undefined) return undefined;
  if (removal.start === colon) return [{ ...removal, newText: ' []' }];
  return [{ start: colon, end: colon, newText: ' []' }, { ...removal, newText: '' }];
}
