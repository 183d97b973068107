/**
 * The cursor's ancestors read from the tree, descended by indentation: at each level the entry
 * written on an earlier line than the cursor's, and the cursor's column says whether the new line
 * belongs to it or is its sibling (so an empty line under a card is still in the card). Each level
 * is a binary search, so the cost does not grow with the file.
 */
import { Document, isCollection, isMap, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { columnOf, lastBefore, Segment, startOf } from '../yamlContext';
import { keyText } from '../yamlPath';
import type { CursorLine } from './line';

export interface Place {
  path: Segment[];
  /** The collection holding the line's first node; undefined when it is not written yet (or not read). */
  node: Node | undefined;
  /** The cursor is inside a flow collection that starts on an earlier line. */
  flowStart?: number;
  /** Read from indentation: the kind of collection, when a sibling line shows it. */
  container?: 'map' | 'seq';
}

const isBlock = (node: unknown): node is YAMLMap | YAMLSeq => isCollection(node) && !node.flow;

/**
 * The place inside the value of an entry written before the cursor's line: a block collection,
 * a flow collection still open at the cursor, or a value not written yet. Undefined: the cursor
 * is inside a scalar (a block scalar, a multi-line string) or after a closed flow collection.
 */
function enter(text: string, path: Segment[], child: unknown, line: CursorLine, offset: number): Place | undefined {
  const start = (child as Node | null)?.range?.[0];
  if (isBlock(child)) return { path, node: child };
  if (start === undefined || start >= line.lineStart || (isScalar(child) && child.value === null)) return { path, node: undefined };
  if (isCollection(child)) {
    const end = child.range![1];
    const closed = /[\]}]/.test(text[end - 1] ?? '');
    if (offset < end || (offset === end && !closed)) return { path, node: child, flowStart: start };
  }
  return undefined;
}

/** Descends by indentation to the collection that holds the first node of the cursor's line. */
export function descend(text: string, doc: Document, line: CursorLine, offset: number): Place | undefined {
  let place = enter(text, [], doc.contents, line, offset);
  const firstIsDash = line.dashes.length > 0;
  for (let depth = 0; place && depth < 1000; depth++) {
    const node = place.node;
    if (!isBlock(node) || place.flowStart !== undefined) return place;
    const column = columnOf(text, node.range![0]);
    // `key:` followed by `- item` at the key's own column: the list is the key's value.
    const compact = isMap(node) && firstIsDash && line.column === column;
    if (line.column <= column && !compact) return place;
    const index = lastBefore(node.items, line.lineStart);
    if (index < 0) return compact ? undefined : place;
    if (isMap(node)) {
      const pair = node.items[index] as Pair;
      const key = keyText(pair.key);
      if (key === undefined) return undefined;
      const value = pair.value as Node | null;
      if (compact && !(value === null || (isScalar(value) && value.value === null) || (isSeq(value) && columnOf(text, value.range![0]) === column))) {
        return undefined;
      }
      place = enter(text, [...place.path, key], value, line, offset);
    } else {
      place = enter(text, [...place.path, index], node.items[index], line, offset);
    }
  }
  return place;
}

export function keysOf(node: Node | undefined, except: number): Set<string> {
  const keys = new Set<string>();
  if (isMap(node)) {
    for (const pair of node.items as Pair[]) {
      const key = keyText(pair.key);
      if (key !== undefined && startOf(pair) !== except) keys.add(key);
    }
  }
  return keys;
}

export function scalarsOf(node: Node | undefined, except: number): Set<string> {
  const values = new Set<string>();
  if (isSeq(node)) {
    for (const item of node.items) {
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object' && startOf(item) !== except) values.add(String(item.value));
    }
  }
  return values;
}

/**
 * Where the first syntax error starts that may leave the tree unlike the text (duplicate keys and
 * extra documents do not). Lines above it were read as written: the ancestors of a cursor below
 * it are not; the entries of the cursor's collection may not be either (a half-typed line glues
 * the next one to it).
 */
export function firstBreak(doc: Document): number {
  let first = Infinity;
  for (const e of doc.errors) if (e.code !== 'DUPLICATE_KEY' && e.code !== 'MULTIPLE_DOCS') first = Math.min(first, e.pos[0]);
  return first;
}
