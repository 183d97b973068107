// Text helpers of the property tests (codeActionsProperty, editingProperty), written here rather
// than imported from the code under test, and the corpus of canvas files they run on.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isSeq, Node, YAMLMap, YAMLSeq } from 'yaml';

/** Every `*.canvas.yaml` under `dir`, sorted. */
export function canvasFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? canvasFiles(join(dir, entry.name)) : entry.name.endsWith('.canvas.yaml') ? [join(dir, entry.name)] : []))
    .sort();
}

export const lineStartOf = (text: string, offset: number): number => {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
};
export const lineEndOf = (text: string, offset: number): number => {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
};
/** The start of the next line (past the line break of the line holding `offset`). */
export const lineBreakAfter = (text: string, offset: number): number => {
  const end = lineEndOf(text, offset);
  return end + (text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0);
};
export const trimBack = (text: string, start: number, end: number): number => {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
};

/** Where the written content of a node ends: its last scalar, before comments and blank lines. */
export function writtenEnd(text: string, node: unknown): number {
  if ((isMap(node) || isSeq(node)) && !(node as YAMLMap).flow) {
    const items = (node as YAMLMap | YAMLSeq).items;
    const last = items[items.length - 1];
    if (last === undefined) return (node as Node).range![0];
    if (isPair(last)) {
      const value = last.value as Node | null;
      return value?.range && value.range[1] > value.range[0] ? writtenEnd(text, value) : writtenEnd(text, last.key);
    }
    return writtenEnd(text, last);
  }
  const range = (node as Node).range!;
  return trimBack(text, range[0], range[1]);
}
