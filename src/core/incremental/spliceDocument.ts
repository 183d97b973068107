import { Document, isCollection, isPair, Node, Pair, YAMLMap } from 'yaml';
import type { CardRegion } from './cardRegion';

type Range = [number, number, number];

/** Adds `delta` to every offset in a subtree (explicit stack: no recursion on deep documents). */
export function shiftSubtree(root: unknown, delta: number): void {
  if (delta === 0) return;
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const range = (node as Node).range as Range | null | undefined;
    if (range) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    if (isCollection(node)) for (const item of node.items) stack.push(item);
  }
}

/**
 * Replaces the region's items with the new ones (already placed at their offsets in the new text)
 * and moves everything after the region by `delta`. Returns false, having changed nothing, when a
 * container offset falls inside the region in a way it cannot map (the caller then parses fully).
 */
export function spliceItems(doc: Document.Parsed, region: CardRegion, newItems: unknown[], newSeqRange: Range, delta: number): boolean {
  const root = doc.contents as YAMLMap;
  const { seq, first, last, start, end } = region;
  const oldSeqRange = seq.range as Range;
  const editsLastItem = last === seq.items.length - 1;
  // Offsets of the containers (the document, the top-level map, the list) past the region move;
  // those inside it can only be the list's own end, which the new items define.
  const mapOffset = (offset: number): number | undefined => {
    if (offset <= start) return offset;
    if (offset >= end) return offset + delta;
    // The list starts at its first dash, which a region starting at the first item keeps in place.
    if (offset === oldSeqRange[0] && first === 0) return offset;
    if (!editsLastItem) return undefined;
    if (offset === oldSeqRange[1]) return newSeqRange[1];
    if (offset === oldSeqRange[2]) return newSeqRange[2];
    return undefined;
  };
  const containers = [doc, root, seq] as { range?: Range | null }[];
  const mapped: Range[] = [];
  for (const container of containers) {
    const range = container.range;
    if (!range) return false;
    const next = range.map(mapOffset) as (number | undefined)[];
    if (next.some((n) => n === undefined)) return false;
    mapped.push(next as Range);
  }
  if (editsLastItem) {
    mapped[2][1] = newSeqRange[1];
    mapped[2][2] = newSeqRange[2];
  }
  containers.forEach((container, i) => (container.range = mapped[i]));

  for (let i = last + 1; i < seq.items.length; i++) shiftSubtree(seq.items[i], delta);
  let after = false;
  for (const pair of root.items as Pair[]) {
    if (after) shiftSubtree(pair, delta);
    else if (pair === region.pair) after = true;
  }
  seq.items.splice(first, last - first + 1, ...newItems);
  return true;
}
