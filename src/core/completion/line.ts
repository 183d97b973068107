/**
 * The cursor's own line, read as text: it is the line being typed, so the one the parser
 * understands least. Says what is written before the cursor (dashes, a `key:`, a flow opener)
 * and which word the cursor is in.
 */
import type { Span } from '../types';
import { lineEndOf, lineStartOf } from '../yamlContext';

export interface CursorLine {
  lineStart: number;
  lineEnd: number;
  /** Spaces before the first character of the line. */
  indent: number;
  /** Column of the first thing written before the cursor; the cursor's column on a blank line. */
  column: number;
  /** Offsets of the `-` indicators written before the word. */
  dashes: number[];
  /** A `key:` written before the cursor: the cursor is in its value. */
  key?: { name: string; start: number };
  /** A `[` or `{` written before the cursor that opens the collection the cursor is in. */
  flowStart?: number;
  /** The word the cursor is in (key, value or item): from where it starts to where it ends. */
  word: Span;
  /** A `:` follows the word: a key being edited, to be replaced by a key alone. */
  colonAfter: boolean;
  /** The cursor touches the `-` or `:` before it: an insertion starts with a space. */
  needsSpace: boolean;
}

const WORD_END = /[\s,[\]{}#]/;

/** Whether the `:` at `i` separates a key from its value (followed by a space or the end of the line). */
function isSeparator(text: string, i: number, lineEnd: number): boolean {
  return text[i] === ':' && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\t');
}

function plainWordEnd(text: string, from: number, lineEnd: number): number {
  let end = from;
  while (end < lineEnd && !WORD_END.test(text[end]) && !isSeparator(text, end, lineEnd)) end++;
  return end;
}

/** A ` #` before the cursor starts a comment: nothing to complete there. */
function hasComment(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] === '#' && (i === from || text[i - 1] === ' ')) return true;
  return false;
}

/** The word at `start` (a quoted word starts inside its quote); undefined when it is closed before the cursor. */
function wordAt(text: string, start: number, offset: number, lineEnd: number): Span | undefined {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, start + 1);
    if (close !== -1 && close < offset) return undefined;
    return { start: start + 1, end: close === -1 || close > lineEnd ? lineEnd : close };
  }
  if (hasComment(text, start, offset)) return undefined;
  return { start, end: Math.max(offset, plainWordEnd(text, offset, lineEnd)) };
}

export function readCursorLine(text: string, offset: number): CursorLine | undefined {
  const lineStart = lineStartOf(text, offset);
  const lineEnd = lineEndOf(text, offset);
  const bom = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = lineStart + bom;
  while (i < lineEnd && text[i] === ' ') i++;
  const indent = i - lineStart - bom;
  const base = { lineStart, lineEnd, indent, dashes: [] as number[], colonAfter: false, needsSpace: false };
  if (i >= offset) {
    // Nothing before the cursor: its column says where the new node goes, unless text follows it.
    if (i < lineEnd) return undefined;
    return { ...base, column: offset - lineStart - bom, word: { start: offset, end: offset } };
  }
  const column = i - lineStart - bom;
  const dashes: number[] = [];
  while (text[i] === '-' && (i + 1 === offset ? offset === lineEnd || text[offset] === ' ' : i + 1 < offset && text[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (i < offset && text[i] === ' ') i++;
  }
  const line = { ...base, column, dashes, needsSpace: i === offset && text[offset - 1] === '-' };
  if (i === offset) return { ...line, word: { start: offset, end: offset } };
  const first = text[i];
  if (first === '[' || first === '{') return { ...line, flowStart: i, word: { start: offset, end: offset } };
  if ('#|>&*!%?@`'.includes(first)) return undefined;

  // A key before the cursor? (Quoted keys are skipped whole.)
  let k = i;
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, i + 1);
    k = close === -1 || close >= offset ? offset : close + 1;
  }
  while (k < offset && !isSeparator(text, k, lineEnd)) k++;
  if (k >= offset) {
    const word = wordAt(text, i, offset, lineEnd);
    if (!word) return undefined;
    let after = word.end;
    while (after < lineEnd && text[after] === ' ') after++;
    return { ...line, word, colonAfter: isSeparator(text, after, lineEnd) };
  }
  const name = text.slice(i, k).trim().replace(/^(["'])(.*)\1$/, '$2');
  let v = k + 1;
  while (v < offset && text[v] === ' ') v++;
  const key = { name, start: i };
  const needsSpace = v === offset && text[offset - 1] === ':';
  if (v === offset) return { ...line, key, needsSpace, word: { start: offset, end: offset } };
  const value = text[v];
  if (value === '[' || value === '{') return { ...line, key, flowStart: v, word: { start: offset, end: offset } };
  if ('#|>&*!%@`'.includes(value)) return undefined;
  const word = wordAt(text, v, offset, lineEnd);
  if (!word) return undefined;
  // `a: b: c` is no key and value: nothing sensible to offer.
  for (let j = word.start; j < offset; j++) if (isSeparator(text, j, lineEnd) && value !== '"' && value !== "'") return undefined;
  return { ...line, key, word };
}
