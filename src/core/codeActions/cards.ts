import { isAlias, isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import type { TextEdit } from '../edits';
import type { Card } from '../model';
import { appendToFlow, appendToSequence, dashBefore, fillEmptyValue, ListStyle } from './sequences';
import { columnOf, eolOf, lineEndOf, spaces, yamlString } from './text';
import { contentEnd, isFlow, pairOf } from './yamlNodes';

/** Adds `key: value` as the last entry of a card written as a mapping (block or flow). */
export function addPair(text: string, map: YAMLMap, pairText: string): TextEdit | undefined {
  if (isFlow(map)) return appendToFlow(text, map, pairText);
  const first = (map.items[0] as Pair | undefined)?.key as Node | undefined;
  const end = contentEnd(text, map);
  if (!first?.range || end === undefined) return undefined;
  const at = lineEndOf(text, end);
  return { start: at, end: at, newText: eolOf(text) + spaces(columnOf(text, first.range[0])) + pairText };
}

/** Adds `key: value` as the first entry of a card written as a mapping (an id or a name reads best first). */
export function prependPair(text: string, map: YAMLMap, pairText: string): TextEdit | undefined {
  const first = (map.items[0] as Pair | undefined)?.key as Node | undefined;
  if (!first?.range) return isFlow(map) ? appendToFlow(text, map, pairText) : undefined;
  const at = first.range[0];
  const separator = isFlow(map) ? ', ' : eolOf(text) + spaces(columnOf(text, at));
  return { start: at, end: at, newText: pairText + separator };
}

/**
 * Rewrites a sticky note (`- Fast pickup`) as a mapping with the given entries around its text
 * (`- name: Fast pickup` + `segments: [riders]`), in block or flow style as written. Only a note on
 * one line: a folded multi-line note would need re-indenting.
 */
export function stickyNoteToMap(text: string, card: Card, before: string[], after: string[]): TextEdit | undefined {
  const { start, end } = card.span;
  if (!isScalar(card.node) || /[\r\n]/.test(text.slice(start, end))) return undefined;
  const pairs = [...before, `name: ${text.slice(start, end)}`, ...after];
  if (dashBefore(text, start) !== undefined) {
    return { start, end, newText: pairs.join(eolOf(text) + spaces(columnOf(text, start))) };
  }
  return { start, end, newText: `{ ${pairs.join(', ')} }` };
}

/**
 * Adds ids to a reference field of a card: into the list when there is one, as a new
 * `field: [ids]` entry otherwise; a sticky note becomes a mapping to hold it.
 */
export function addReferences(text: string, card: Card, field: string, ids: string[], style: ListStyle): TextEdit[] | undefined {
  const written = ids.map(yamlString);
  const list = `${field}: [${written.join(', ')}]`;
  const node = card.node;
  if (isScalar(node)) {
    const edit = stickyNoteToMap(text, card, [], [list]);
    return edit && [edit];
  }
  if (!isMap(node)) return undefined;
  const pair = pairOf(node, field);
  if (!pair) {
    const edit = addPair(text, node, list);
    return edit && [edit];
  }
  const value = pair.value;
  if (isAlias(value)) return undefined;
  const items = written.map((id) => ({ lines: [id], flow: id }));
  if (isSeq(value)) {
    const edit = appendToSequence(text, value, items);
    return edit && [edit];
  }
  return fillEmptyValue(text, pair, { lines: [], flow: written.join(', ') }, 'flow', style);
}
