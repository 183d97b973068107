/**
 * Finding things in the YAML tree by offset, for editor features that answer one cursor at a
 * time. Collections are descended by binary search over their entries (which are in text order),
 * so a request costs the depth of the tree times log(entries), never a walk of the file.
 */
import { Document, isCollection, isMap, isScalar, isSeq, Node, Pair } from 'yaml';
import { DiagnosticSink } from './diagnosticSink';
import { parseCanvas, ParsedCanvas } from './parse';
import type { Span } from './types';
import { keyText } from './yamlPath';

/** A step of a path from the root: a mapping key or a sequence index. */
export type Segment = string | number;

/** The document a feature works on: the cached parse when the caller has one, else a fresh parse. */
export function documentOf(text: string, parsed: ParsedCanvas | undefined): Document.Parsed {
  return parsed?.doc ?? parseCanvas(text, new DiagnosticSink(undefined)).doc;
}

/** An offset inside the text, and never between the `\r` and `\n` of a line break (no editor position is there). */
export function clampOffset(text: string, offset: number): number {
  const at = Math.max(0, Math.min(offset, text.length));
  return at > 0 && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10 ? at - 1 : at;
}

/** Where a mapping entry (its key, else its value) or a sequence item starts. */
export function startOf(entry: unknown): number | undefined {
  if (entry && typeof entry === 'object' && 'key' in entry) {
    const pair = entry as Pair;
    return (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0];
  }
  return (entry as Node | null)?.range?.[0];
}

/** Index of the last entry that starts before `limit`, or -1. */
export function lastBefore(entries: readonly unknown[], limit: number): number {
  let low = 0;
  let high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((startOf(entries[mid]) ?? -1) < limit) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset`, before its line break (`\n` or `\r\n`). */
export function lineEndOf(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return end > 0 && text.charCodeAt(end - 1) === 13 && end - 1 >= offset ? end - 1 : end;
}

/** The column of an offset in characters; a byte-order mark does not count. */
export function columnOf(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  return offset - start - (start === 0 && text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0);
}

/** The scalar under an offset, as a key or as a value, with the path to it. */
export interface ScalarAt {
  /** Path to the scalar: for a key, the path of its value (ends with the key). */
  path: Segment[];
  /** The collections along the path (nodes[i] holds path[i]). */
  nodes: Node[];
  isKey: boolean;
  node: Node;
  span: Span;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

/** Descends from the root to the key or value scalar that holds `offset` (ends inclusive, as a word is). */
export function scalarAt(doc: Document, offset: number): ScalarAt | undefined {
  let node = doc.contents as Node | null;
  const path: Segment[] = [];
  const nodes: Node[] = [];
  for (let depth = 0; node && depth < 1000; depth++) {
    if (isScalar(node)) {
      return contains(node, offset) ? { path, nodes, isKey: false, node, span: spanOf(node) } : undefined;
    }
    if (!isCollection(node)) return undefined;
    const items = node.items as unknown[];
    const index = lastBefore(items, offset + 1);
    if (index < 0) return undefined;
    nodes.push(node);
    if (isMap(node)) {
      const pair = items[index] as Pair;
      const key = pair.key as Node | null;
      const name = keyText(key);
      if (name === undefined) return undefined;
      path.push(name);
      if (key && contains(key, offset)) return { path, nodes, isKey: true, node: key, span: spanOf(key) };
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      path.push(index);
      node = items[index] as Node | null;
    }
    if (!contains(node, offset)) return undefined;
  }
  return undefined;
}

function spanOf(node: Node): Span {
  return { start: node.range![0], end: node.range![1] };
}
