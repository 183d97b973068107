import { Document, isAlias, isMap, isSeq, Node, Pair, YAMLSeq } from 'yaml';
import { findFirst } from '../parse';
import { keyText } from '../yamlPath';
import { ChangedWindow, hasLoneCarriageReturn, lineShape, lineStartOf, nextLineStart } from './textWindow';

/**
 * The list items of one block that an edit touched, as whole lines of the old text: from the
 * line of the first item's dash to the line of the next item's dash (or, for the block's last
 * item, to the first line that no longer belongs to the list).
 */
export interface CardRegion {
  /** The top-level pair whose value is the block's list. */
  pair: Pair;
  blockKey: string;
  seq: YAMLSeq;
  /** Indices of the first and last items replaced. */
  first: number;
  last: number;
  /** Old text offsets: the region's start (a line start) and end (a line start or the text's end). */
  start: number;
  end: number;
  /** Column of the items' dashes. */
  indent: number;
}

/** The dash line of a list item: where its `-` starts its line, or undefined when it does not. */
function dashLineStart(text: string, item: unknown, indent?: number): number | undefined {
  const node = item as Node | null;
  if (!node?.range) return undefined;
  let i = node.range[0] - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13) break;
    i--;
  }
  if (i < 0 || text.charCodeAt(i) !== 45) return undefined;
  const lineStart = lineStartOf(text, i);
  for (let j = lineStart; j < i; j++) if (text.charCodeAt(j) !== 32) return undefined;
  if (indent !== undefined && i - lineStart !== indent) return undefined;
  return lineStart;
}

/** True when a node's subtree holds an anchor or an alias: edits there may change other places. */
export function hasAnchorsOrAliases(root: unknown): boolean {
  return findFirst(root, (node) => isAlias(node) || Boolean(node.anchor)) !== undefined;
}

/**
 * Where the last item's lines end: after it, only blank lines, comments and lines indented deeper
 * than the dashes belong to the list; the first other line (or the text's end) closes it.
 */
function listZoneEnd(text: string, from: number, indent: number): number | undefined {
  let at = from;
  while (at < text.length) {
    const end = nextLineStart(text, at);
    const shape = lineShape(text, at, end);
    if (shape.kind === 'unsafe') return undefined;
    const belongs = shape.kind === 'blank' || shape.kind === 'comment' || (shape.kind !== 'dash' && shape.indent > indent);
    if (!belongs) return at;
    at = end;
  }
  return text.length;
}

/** Finds the items of one block list that hold the whole edit window, or undefined when none do. */
export function findCardRegion(doc: Document, text: string, window: ChangedWindow): CardRegion | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  // The last block list starting at or before the edit; the region check rejects an edit past it.
  let found: { pair: Pair; seq: YAMLSeq; firstStart: number } | undefined;
  for (const pair of root.items as Pair[]) {
    const seq = pair.value;
    if (!isSeq(seq) || seq.flow || !seq.range || seq.items.length === 0) continue;
    const firstStart = dashLineStart(text, seq.items[0]);
    if (firstStart === undefined || firstStart > window.from) continue;
    if (!found || firstStart > found.firstStart) found = { pair, seq, firstStart };
  }
  if (!found) return undefined;
  const blockKey = keyText(found.pair.key);
  if (blockKey === undefined) return undefined;
  const indent = found.seq.range![0] - found.firstStart;
  const region = regionInSeq(text, found.seq, indent, window);
  return region && { ...region, pair: found.pair, blockKey, seq: found.seq, indent };
}

function regionInSeq(text: string, seq: YAMLSeq, indent: number, window: ChangedWindow) {
  const items = seq.items;
  const startOf = (index: number) => dashLineStart(text, items[index], indent);
  // The last item whose dash line starts at or before the edit.
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const start = startOf(middle);
    if (start === undefined) return undefined;
    if (start <= window.from) low = middle;
    else high = middle - 1;
  }
  let first = low;
  let last = first;
  while (last + 1 < items.length) {
    const nextStart = startOf(last + 1);
    if (nextStart === undefined) return undefined;
    // An edit ending exactly where the next item's line starts leaves that item alone.
    if (nextStart >= window.oldTo) break;
    last++;
  }
  let start = startOf(first);
  let end = endOf(text, items, last, indent);
  if (start === undefined || end === undefined || window.oldTo > end || window.from < start) return undefined;
  // Whole cards deleted: the region also takes a neighbour, so that something is left to read.
  if (end - start + (window.newTo - window.oldTo) <= 0) {
    if (last + 1 < items.length) {
      last++;
      end = endOf(text, items, last, indent);
    } else if (first > 0) {
      first--;
      start = startOf(first);
    } else return undefined;
    if (start === undefined || end === undefined) return undefined;
  }
  return { first, last, start, end };
}

/** Where an item's lines end: the next item's dash line, or for the last item the end of the list. */
function endOf(text: string, items: readonly unknown[], index: number, indent: number): number | undefined {
  if (index + 1 < items.length) return dashLineStart(text, items[index + 1], indent);
  const item = items[index] as Node | null;
  const dash = dashLineStart(text, item, indent);
  if (dash === undefined || !item?.range) return undefined;
  const end = listZoneEnd(text, nextLineStart(text, dash), indent);
  return end === undefined || item.range[2] > end ? undefined : end;
}

/**
 * Checks that the new text of a region is still a run of whole list items at the same indentation,
 * closed by what closed it before: its first line is a dash line at the items' column, and every
 * other line is blank, a comment, deeper-indented, or another dash at that column. Only then does
 * parsing it alone read it as the whole document would.
 */
export function isSelfContainedList(text: string, start: number, end: number, indent: number): boolean {
  if (end <= start) return false;
  if (end < text.length && text.charCodeAt(end - 1) !== 10) return false;
  if (hasLoneCarriageReturn(text, start, end)) return false;
  let at = start;
  let firstLine = true;
  while (at < end) {
    const lineEnd = Math.min(nextLineStart(text, at), end);
    const shape = lineShape(text, at, lineEnd);
    if (shape.kind === 'unsafe') return false;
    if (firstLine) {
      if (shape.kind !== 'dash' || shape.indent !== indent) return false;
      firstLine = false;
    } else if (shape.kind === 'dash' || shape.kind === 'content') {
      if (shape.indent < indent || (shape.indent === indent && shape.kind !== 'dash')) return false;
    }
    at = lineEnd;
  }
  return true;
}
