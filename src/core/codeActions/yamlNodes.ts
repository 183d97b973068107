import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { keyText } from '../yamlPath';
import type { Span } from '../types';
import { lineEndOf, trimBack } from './text';

export function isFlow(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && Boolean((node as YAMLMap | YAMLSeq).flow);
}

/** The last scalar (or flow collection) written in a node: where its content ends. */
function lastWritten(node: unknown): Node | undefined {
  for (let depth = 0; depth < 1000 && node; depth++) {
    if ((isMap(node) || isSeq(node)) && !isFlow(node)) {
      const items = (node as YAMLMap | YAMLSeq).items;
      const last = items[items.length - 1];
      if (last === undefined) return node as Node;
      if (isPair(last)) {
        const value = last.value as Node | null;
        node = value?.range && value.range[1] > value.range[0] ? value : last.key;
      } else node = last;
      continue;
    }
    return node as Node;
  }
  return undefined;
}

/**
 * Where the written content of a node ends: past the last character of its last scalar (or of the
 * closing bracket of a flow collection), before any comment or line break that follows.
 */
export function contentEnd(text: string, node: unknown): number | undefined {
  const last = lastWritten(node);
  const range = last?.range;
  if (!range) return undefined;
  if ((isMap(last) || isSeq(last)) && !isFlow(last)) return range[0];
  return trimBack(text, range[0], range[1]);
}

/** The same without the text: a block scalar's end then keeps its final line break. */
export function writtenEnd(node: unknown): number | undefined {
  const last = lastWritten(node);
  const range = last?.range;
  if (!range) return undefined;
  return (isMap(last) || isSeq(last)) && !isFlow(last) ? range[0] : range[1];
}

export function pairOf(map: unknown, key: string): Pair | undefined {
  return isMap(map) ? (map.items as Pair[]).find((p) => keyText(p.key) === key) : undefined;
}

/** A node found at an offset, with the way there. */
export interface FoundNode {
  node: Node;
  /** Keys and indexes from the root down to the node (for a key: down to its mapping). */
  path: string[];
  /** True when the node is the key of `pair`. */
  isKey: boolean;
  pair?: Pair;
  /** The mapping or sequence directly holding the node. */
  parent?: YAMLMap | YAMLSeq;
}

/**
 * The deepest node (key or value) whose range starts exactly at `start`: for a card written
 * `- id: x`, the key `id` rather than the card that starts at the same place. Aliases are not
 * followed (an edit goes where the user wrote it).
 */
export function nodeStartingAt(root: unknown, start: number): FoundNode | undefined {
  const path: string[] = [];
  let node: unknown = root;
  let found: FoundNode | undefined;
  for (let depth = 0; depth < 1000; depth++) {
    const children: { child: Node; segment: string; isKey: boolean; pair?: Pair }[] = [];
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const segment = keyText(pair.key) ?? '';
        if (isNode(pair.key)) children.push({ child: pair.key, segment, isKey: true, pair });
        if (isNode(pair.value)) children.push({ child: pair.value, segment, isKey: false, pair });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (isNode(item)) children.push({ child: item, segment: String(i), isKey: false });
      });
    } else break;
    const parent = node as YAMLMap | YAMLSeq;
    const next = children.find(({ child }) => {
      const range = child.range!;
      return range[0] <= start && (start < range[1] || (range[0] === start && isScalar(child)));
    });
    if (!next) break;
    const { child, segment, isKey, pair } = next;
    if (child.range![0] === start) found = { node: child, path: isKey ? [...path] : [...path, segment], isKey, pair, parent };
    if (isKey || isAlias(child)) break;
    path.push(segment);
    node = child;
  }
  return found;
}

function isNode(value: unknown): value is Node {
  return Boolean(value && typeof value === 'object' && (value as Node).range) && (isScalar(value) || isMap(value) || isSeq(value) || isAlias(value));
}

/**
 * The written extent of every anchored node that an alias repeats elsewhere (`&a [x, y]` with a
 * `*a` somewhere): an edit there changes every copy, not only the one the problem is on.
 */
export function aliasedAnchors(text: string, root: unknown): Span[] {
  const anchored: { name: string; node: Node }[] = [];
  const aliased = new Set<string>();
  const stack: unknown[] = [root];
  for (let steps = 0; stack.length && steps < 1_000_000; steps++) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (isAlias(node)) {
      aliased.add(node.source);
      continue;
    }
    if (!isNode(node)) continue;
    if (node.anchor) anchored.push({ name: node.anchor, node });
    if (isMap(node) || isSeq(node)) stack.push(...(node as YAMLMap | YAMLSeq).items);
  }
  const spans: Span[] = [];
  for (const { name, node } of anchored) {
    if (!aliased.has(name) || !node.range) continue;
    const end = contentEnd(text, node) ?? node.range[1];
    // A block list or mapping grows at the end of its last line.
    spans.push({ start: node.range[0], end: (isMap(node) || isSeq(node)) && !isFlow(node) ? lineEndOf(text, end) : end });
  }
  return spans;
}
