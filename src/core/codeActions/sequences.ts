import { isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from '../edits';
import type { Span } from '../types';
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

/** A value that holds nothing: absent, `~`, `null`, or an empty flow list `[]`. */
export function isEmptyValue(value: unknown): boolean {
  return !value || (isScalar(value) && value.value === null) || (isSeq(value) && isFlow(value) && !value.items.length);
}

/** The key, the offset past its colon, and what is written of an empty value (nothing for `key:`). */
function emptyValueOf(text: string, pair: Pair): { key: Node & { range: [number, number, number] }; colon: number; written?: Span } | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range || !isEmptyValue(value)) return undefined;
  const colon = colonAfter(text, key.range[1]);
  if (colon === undefined) return undefined;
  const written = value?.range && value.range[1] > value.range[0] ? { start: value.range[0], end: trimBack(text, value.range[0], value.range[1]) } : undefined;
  return { key: key as Node & { range: [number, number, number] }, colon, written };
}

/**
 * Gives an empty value (`key:`, `key: ~`, `key: null`, `key: []`) a first list item: a flow list on
 * the key's line for a short value, block lines under the key for a card.
 */
export function fillEmptyValue(text: string, pair: Pair, item: ItemText, form: 'flow' | 'block', style: ListStyle): TextEdit[] | undefined {
  const empty = emptyValueOf(text, pair);
  if (!empty) return undefined;
  const { colon, written } = empty;
  if (form === 'flow') {
    const list = `[${item.flow}]`;
    if (written) return [{ ...written, newText: list }];
    const after = skipBlanks(text, colon);
    if (after >= lineEndOf(text, colon)) return [{ start: colon, end: colon, newText: ' ' + list }];
    // A comment follows on the line: the list goes after one blank, and a blank stays before the comment.
    if (after - colon >= 2) return [{ start: colon + 1, end: colon + 1, newText: list }];
    return [{ start: colon + 1, end: colon + 1, newText: list + ' ' }];
  }
  return linesUnderKey(text, pair, (dashColumn) => blockItem(item, dashColumn, style.keyOffset, eolOf(text)), style);
}

/**
 * Writes block list lines (`render` puts its first dash at the column given) under the key of an
 * empty value, which goes (`~`, `null`, `[]`); a comment after it stays on the key's line.
 */
export function linesUnderKey(text: string, pair: Pair, render: (dashColumn: number) => string, style: ListStyle): TextEdit[] | undefined {
  const empty = emptyValueOf(text, pair);
  if (!empty) return undefined;
  const { key, colon, written } = empty;
  const at = lineEndOf(text, colon);
  const lines = eolOf(text) + render(columnOf(text, key.range[0]) + style.listIndent);
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
export function removeSequenceItem(text: string, pair: Pair, seq: YAMLSeq, index: number, commentsAbove = false): TextEdit[] | undefined {
  const item = seq.items[index] as Node | null;
  if (!item?.range || !seq.range) return undefined;
  const itemEnd = trimBack(text, item.range[0], item.range[1]);
  if (isFlow(seq)) {
    if (seq.items.length === 1) return [{ start: seq.range[0], end: trimBack(text, seq.range[0], seq.range[1]), newText: '[]' }];
    if (index < seq.items.length - 1) {
      const next = seq.items[index + 1] as Node | null;
      return next?.range ? [{ start: writtenStart(text, item), end: writtenStart(text, next), newText: '' }] : undefined;
    }
    const previousEnd = contentEnd(text, seq.items[index - 1]);
    return previousEnd === undefined ? undefined : [{ start: previousEnd, end: itemEnd, newText: '' }];
  }
  const lines = itemLines(text, item, commentsAbove);
  if (!lines) return undefined;
  const removal = removableLines(text, lines);
  if (seq.items.length > 1) return [{ ...removal, newText: '' }];
  const key = pair.key as Node | null;
  const colon = key?.range ? colonAfter(text, key.range[1]) : undefined;
  if (colon === undefined) return undefined;
  if (removal.start === colon) return [{ ...removal, newText: ' []' }];
  return [{ start: colon, end: colon, newText: ' []' }, { ...removal, newText: '' }];
}

/**
 * The `-` of a block list item, also when anchors or tags are written between the dash and the
 * item's node (`- &a` + a mapping on the next lines; `- &k id: x`, an anchor on the first key).
 */
export function itemDash(text: string, item: Node): number | undefined {
  if (!item.range) return undefined;
  let i = item.range[0];
  for (let props = 0; props < 8; props++) {
    while (i > 0 && /[ \t\r\n]/.test(text[i - 1])) i--;
    if (text[i - 1] === '-' && i < item.range[0]) return i - 1;
    let token = i;
    while (token > 0 && !/[ \t\r\n]/.test(text[token - 1])) token--;
    if (token === i || (text[token] !== '&' && text[token] !== '!')) return undefined;
    i = token;
  }
  return undefined;
}

/**
 * The whole lines of a block list item, from the start of its dash's line to the start of the line
 * after its content; with `commentsAbove`, also the comment lines right above it (they belong to
 * it). Undefined when the item does not start a line of its own (`- - x`, a flow list).
 */
export function itemLines(text: string, item: Node, commentsAbove = false): Span | undefined {
  if (!item.range) return undefined;
  const dash = itemDash(text, item);
  if (dash === undefined) return undefined;
  let start = lineStartOf(text, dash);
  // Something else before the dash on its line (`- - x`): not a line of its own.
  if (text.slice(start, dash).trim()) return undefined;
  const end = nextLineStart(text, contentEnd(text, item) ?? trimBack(text, item.range[0], item.range[1]));
  return { start: commentsAbove ? commentLinesAbove(text, start) : start, end };
}

/** The start of the comment lines right above the line starting at `lineStart` (itself when none). */
export function commentLinesAbove(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const above = lineStartOf(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(above, start))) break;
    start = above;
  }
  return start;
}

/** Where a node is written, its anchor included (`&a x` starts at the `&`; yaml's range starts at `x`). */
export function writtenStart(text: string, node: Node): number {
  const start = node.range![0];
  if (!node.anchor) return start;
  const anchor = text.lastIndexOf(`&${node.anchor}`, start);
  return anchor === -1 ? start : anchor;
}

/** Lines to remove: on a last line without a line break, the break before them goes instead (the file keeps its ending). */
export function removableLines(text: string, lines: Span): Span {
  return lines.end === text.length && !/[\r\n]$/.test(text) && lines.start > 0 ? { start: lineEndOf(text, lines.start - 1), end: text.length } : lines;
}
