/**
 * What is being typed at the cursor, in YAML terms: a key of some mapping, the value of a key, or
 * an item of some sequence, and the path from the root to that collection.
 *
 * The ancestors come from the tree (tree.ts), or from indentation alone below a syntax error, where
 * the tree may glue lines together (indentation.ts). The cursor's own line is read as text (line.ts,
 * flow.ts): it is half typed, so the parser knows least about it.
 */
import { Document, isCollection, isMap, isSeq, Node } from 'yaml';
import type { Span } from '../types';
import { columnOf, lastBefore, Segment, startOf } from '../yamlContext';
import { readFlow } from './flow';
import { placeByIndentation, siblingsByIndentation } from './indentation';
import { readCursorLine } from './line';
import { descend, firstBreak, keysOf, Place, scalarsOf } from './tree';

export type Shape = 'map' | 'seq' | 'scalar' | undefined;

export interface CursorContext {
  /** key: a key of the mapping at `path`; value: the value of `key` in it; item: an item of the sequence at `path`. */
  kind: 'key' | 'value' | 'item';
  /** Keys and indices from the root to the collection (an index not known from the text is 0). */
  path: Segment[];
  key?: string;
  /** The text a completion replaces: the word at the cursor (empty at a fresh position). */
  range: Span;
  /** Keys already in the mapping, or scalar items already in the sequence, except the word itself. */
  present: Set<string>;
  flow: boolean;
  /** A key right after `- `: the first key of a new item. */
  afterDash: boolean;
  /** An item whose `- ` is not written yet. */
  needsDash: boolean;
  /** The cursor touches the `:` or `-` before it: insert a space first. */
  needsSpace: boolean;
  /** The key at the cursor already has its colon: replace the key alone. */
  colonAfter: boolean;
  /** Leading spaces of the cursor's line, and the column where the completed key or item starts. */
  lineIndent: number;
  column: number;
  /** Nothing but the cursor's line is written in the file. */
  emptyDocument: boolean;
}

export function cursorContext(text: string, offset: number, doc: Document, shapeOf: (path: readonly Segment[]) => Shape): CursorContext | undefined {
  const line = readCursorLine(text, offset);
  if (!line) return undefined;
  const root = doc.contents as Node | null;
  const emptyDocument = !root?.range || (root.range[0] >= line.lineStart && root.range[1] <= line.lineEnd);
  const broken = firstBreak(doc);
  let place: Place | undefined;
  if (emptyDocument) place = { path: [], node: undefined };
  else if (broken >= line.lineStart) place = descend(text, doc, line, offset);
  else {
    const written = line.dashes.length > 0 || line.key !== undefined || line.word.start < offset || line.flowStart !== undefined;
    const found = placeByIndentation(text, line.lineStart, line.column, written ? line.dashes.length > 0 : undefined);
    place = found && { path: found.path, node: undefined, flowStart: found.flowStart, container: found.container };
  }
  if (!place) return undefined;
  const common = {
    flow: false,
    afterDash: false,
    needsDash: false,
    needsSpace: line.needsSpace,
    colonAfter: line.colonAfter,
    lineIndent: line.indent,
    emptyDocument,
  };
  const fromFlow = (path: Segment[], flowStart: number): CursorContext | undefined => {
    const flow = readFlow(text, flowStart, offset);
    if (!flow) return undefined;
    return {
      ...common,
      kind: flow.kind,
      path: [...path, ...flow.path],
      key: flow.key,
      range: flow.word,
      present: flow.present,
      flow: true,
      needsSpace: flow.needsSpace,
      colonAfter: flow.colonAfter,
      column: columnOf(text, flow.word.start),
    };
  };
  if (place.flowStart !== undefined) return fromFlow(place.path, place.flowStart);

  // The line's own dashes open items of the collection found (or of one not written yet).
  let { path, node } = place;
  let list: Node | undefined;
  let shape: Shape = node ? (isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'scalar') : (place.container ?? shapeOf(path));
  for (const dash of line.dashes) {
    if (shape === 'map' || shape === 'scalar') return undefined;
    let index = 0;
    let item: unknown;
    if (isSeq(node)) {
      const k = lastBefore(node.items, line.lineEnd + 1);
      if (k >= 0 && (startOf(node.items[k]) ?? -1) > dash) item = node.items[(index = k)];
      else index = k + 1;
    }
    path = [...path, index];
    list = node;
    node = isCollection(item) ? item : undefined;
    shape = isMap(node) ? 'map' : isSeq(node) ? 'seq' : shapeOf(path);
  }
  const column = columnOf(text, line.word.start) + (line.needsSpace ? 1 : 0);
  const here = { ...common, path, range: line.word, column };
  // After a syntax error, the entries already written are read from the text.
  const byText = broken !== Infinity;
  const siblings = (at: number, kind: 'key' | 'dash', above = true) =>
    siblingsByIndentation(text, line.lineStart, line.lineEnd, at, kind, above);
  if (line.key) {
    if (shape === 'seq' || shape === 'scalar') return undefined;
    if (line.flowStart !== undefined) return fromFlow([...path, line.key.name], line.flowStart);
    return { ...here, kind: 'value', key: line.key.name, present: new Set(), column: columnOf(text, line.key.start) };
  }
  if (line.flowStart !== undefined) return fromFlow(path, line.flowStart);
  if (line.dashes.length) {
    // After `- `: the first key of a new mapping item, or a scalar item, as the list's items are.
    if (shape === 'map') {
      const present = byText ? siblings(column, 'key', false) : keysOf(node, line.word.start);
      return { ...here, kind: 'key', present, afterDash: true };
    }
    const dash = line.dashes[line.dashes.length - 1];
    const seq = path.slice(0, -1);
    const present = byText ? siblings(columnOf(text, dash), 'dash') : scalarsOf(list, line.word.start);
    return { ...here, kind: 'item', path: seq, present };
  }
  if (shape === 'seq') {
    const present = byText ? siblings(line.column, 'dash') : scalarsOf(node, line.word.start);
    return { ...here, kind: 'item', present, needsDash: true };
  }
  if (shape === 'scalar') return undefined;
  const present = byText ? siblings(line.column, 'key') : keysOf(node, line.word.start);
  return { ...here, kind: 'key', present };
}
