/**
 * The cursor inside a flow collection (`[riders, dr|]`, `{ name: x, ty| }`), read as text from
 * the collection's opening bracket: an unclosed `[ri` is exactly what is being typed, and the
 * parser's reading of it says little. Entries after the cursor are read to the end of its line.
 */
import type { Span } from '../types';
import { lineEndOf, Segment } from '../yamlContext';

export interface FlowPosition {
  /** Keys and indices from the outermost flow collection to the one the cursor is in. */
  path: Segment[];
  kind: 'key' | 'value' | 'item';
  /** For a value: its key. */
  key?: string;
  word: Span;
  /** Keys (in a flow mapping) or scalar items (in a flow sequence) already written, except the word. */
  present: Set<string>;
  colonAfter: boolean;
  needsSpace: boolean;
}

interface Frame {
  type: 'seq' | 'map';
  index: number;
  key?: string;
  afterColon: boolean;
  entries: Set<string>;
}

interface Token extends Span {
  value: string;
  quoted: boolean;
}

const INDICATOR = /[,[\]{}]/;

function scalarToken(text: string, start: number): Token {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    let i = start + 1;
    while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' && quote === '"' ? 2 : 1;
    const closed = text[i] === quote;
    return { start, end: closed ? i + 1 : i, value: text.slice(start + 1, i), quoted: true };
  }
  let i = start;
  let end = start;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r' && !INDICATOR.test(text[i])) {
    if (text[i] === ':' && (i + 1 >= text.length || /[\s,[\]{}]/.test(text[i + 1]))) break;
    if (text[i] === '#' && i > start && text[i - 1] === ' ') break;
    i++;
    if (text[i - 1] !== ' ') end = i;
  }
  return { start, end, value: text.slice(start, end), quoted: false };
}

export function readFlow(text: string, flowStart: number, offset: number): FlowPosition | undefined {
  const stack: Frame[] = [];
  const cursorLineEnd = lineEndOf(text, offset);
  // Set once, when the scan reaches the cursor (a holder: the closure assigns it).
  const cursor: { at?: { frames: Frame[]; inner: Frame; word: Span } } = {};
  const mark = (word: Span) => {
    cursor.at = { frames: stack.map((f) => ({ ...f })), inner: stack[stack.length - 1], word };
  };
  let i = flowStart;
  while (i < text.length) {
    if (cursor.at && i >= cursorLineEnd) break;
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (!cursor.at && offset < i) mark({ start: offset, end: offset });
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = lineEndOf(text, i);
      if (!cursor.at && offset <= end) return undefined; // in a comment
      i = end;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '[' || c === '{') {
      if (!cursor.at && offset === i) mark({ start: offset, end: offset });
      stack.push({ type: c === '[' ? 'seq' : 'map', index: 0, afterColon: false, entries: new Set() });
      i++;
      continue;
    }
    if (!top) break;
    if (c === ']' || c === '}' || c === ',' || c === ':') {
      if (!cursor.at && offset === i) mark({ start: offset, end: offset });
      i++;
      if (c === ',') {
        top.index++;
        top.afterColon = false;
        top.key = undefined;
      } else if (c === ':') {
        top.afterColon = true;
      } else {
        stack.pop();
        if (!stack.length || top === cursor.at?.inner) break;
      }
      continue;
    }
    const token = scalarToken(text, i);
    const closed = token.quoted && token.end > token.start + 1 && text[token.end - 1] === c;
    const body = token.quoted ? { start: token.start + 1, end: closed ? token.end - 1 : token.end } : token;
    const inToken = !cursor.at && body.start <= offset && offset <= body.end;
    if (inToken) mark({ start: body.start, end: body.end });
    else if (!cursor.at && offset < body.start) mark({ start: offset, end: offset });
    // The word at the cursor is being typed: it is not an entry already written.
    if (top.type === 'seq' || !top.afterColon) {
      if (!inToken) top.entries.add(token.value);
      if (top.type === 'map') top.key = token.value;
    }
    i = Math.max(token.end, i + 1);
  }
  if (!cursor.at) {
    // The text ended before the cursor was reached in an open collection: the cursor is in its tail.
    if (!stack.length) return undefined;
    mark({ start: offset, end: offset });
  }
  const { frames, inner, word } = cursor.at!;
  if (!frames.length || !inner) return undefined;
  const path: Segment[] = [];
  for (const frame of frames.slice(0, -1)) {
    if (frame.type === 'seq') path.push(frame.index);
    else if (frame.afterColon && frame.key !== undefined) path.push(frame.key);
    else return undefined;
  }
  const last = frames[frames.length - 1];
  const present = inner.entries;
  let after = word.end + (text[word.end] === '"' || text[word.end] === "'" ? 1 : 0);
  while (text[after] === ' ') after++;
  const base = { path, word, present, colonAfter: text[after] === ':', needsSpace: text[word.start - 1] === ':' && word.start === offset };
  if (last.type === 'seq') return { ...base, kind: 'item' };
  if (last.afterColon) return last.key === undefined ? undefined : { ...base, kind: 'value', key: last.key };
  return { ...base, kind: 'key' };
}
