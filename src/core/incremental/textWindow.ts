/**
 * Where two versions of a text differ: the common prefix and suffix are unchanged, so one edit
 * window `[from, oldTo)` of the old text became `[from, newTo)` of the new one. Any sequence of
 * edits (typing, multi-cursor, paste, undo) reduces to this window; no change events are needed.
 */
export interface ChangedWindow {
  from: number;
  oldTo: number;
  newTo: number;
}

export function changedWindow(oldText: string, newText: string): ChangedWindow {
  const limit = Math.min(oldText.length, newText.length);
  // Whole chunks first (string comparison is native and fast), then character by character.
  let from = 0;
  for (let size = 4096; size >= 1; size >>= 4) {
    while (from + size <= limit && oldText.substr(from, size) === newText.substr(from, size)) from += size;
  }
  let suffix = 0;
  const maxSuffix = limit - from;
  for (let size = 4096; size >= 1; size >>= 4) {
    while (suffix + size <= maxSuffix && oldText.substr(oldText.length - suffix - size, size) === newText.substr(newText.length - suffix - size, size)) suffix += size;
  }
  return { from, oldTo: oldText.length - suffix, newTo: newText.length - suffix };
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  const newline = text.lastIndexOf('\n', offset - 1);
  return newline + 1;
}

/** The offset just after the line break ending the line at `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export type LineKind = 'blank' | 'comment' | 'dash' | 'content' | 'unsafe';

export interface LineShape {
  kind: LineKind;
  /** Spaces before the first other character. */
  indent: number;
}

/**
 * What a line is, for deciding what belongs to a list item: blank, a comment, a list item's
 * dash (`-` then a space or the line's end), or content. A tab in the indentation is `unsafe`:
 * YAML gives it meanings a line scan cannot follow. `end` is the next line's start.
 */
export function lineShape(text: string, start: number, end: number): LineShape {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const indent = i - start;
  const c = i < end ? text.charCodeAt(i) : 10;
  if (c === 9) return { kind: 'unsafe', indent };
  if (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) return { kind: 'blank', indent };
  if (c === 35) return { kind: 'comment', indent };
  if (c === 45) {
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 10;
    if (next === 32 || next === 10 || (next === 13 && text.charCodeAt(i + 2) === 10)) return { kind: 'dash', indent };
  }
  return { kind: 'content', indent };
}

/** A carriage return that does not start a CRLF: YAML reads it as a line break, a line scan does not. */
export function hasLoneCarriageReturn(text: string, start: number, end: number): boolean {
  for (let i = text.indexOf('\r', start); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}
