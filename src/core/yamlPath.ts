import { Document, isAlias, isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import type { Span } from './types';

export interface Located {
  /** The node at the path (for a path through an alias: the alias, which is what the user wrote there). */
  node: Node | null;
  /** The pair whose value is the node, when the node sits in a mapping. */
  pair?: Pair;
  /** The deepest node reached when the path could not be followed to its end. */
  partial: boolean;
}

/** Splits a JSON pointer (ajv's instancePath) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** The first pair of a mapping whose key reads `key` (a search; see SchemaKeyIndex for many). */
function firstPair(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => keyText(p.key) === key);
}

/**
 * Walks the YAML tree along a data path; stops at the last node reachable. A path that enters an
 * alias stops at the alias: that is what the user wrote in this place.
 */
export function locate(doc: Document, segments: readonly string[], findPair: (map: YAMLMap, key: string) => Pair | undefined = firstPair): Located {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  for (const segment of segments) {
    if (isAlias(node)) return { node, pair, partial: false };
    if (isMap(node)) {
      const found = findPair(node, segment);
      if (!found) return { node, pair, partial: true };
      pair = found;
      node = found.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item === undefined) return { node, pair, partial: true };
      pair = undefined;
      node = item;
    } else {
      return { node, pair, partial: true };
    }
  }
  return { node, pair, partial: false };
}

export function spanOf(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}
