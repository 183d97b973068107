import type { Span } from './types';

/** A replacement of `start..end` (offsets into the text the feature was asked about) by `newText`. */
export interface TextEdit extends Span {
  newText: string;
}

/** Applies non-overlapping edits to a text (tests check the resulting text with this). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let lastStart = Infinity;
  for (const edit of sorted) {
    if (edit.end > lastStart) throw new Error('overlapping edits');
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    lastStart = edit.start;
  }
  return result;
}
