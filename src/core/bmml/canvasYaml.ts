/**
 * Writes a canvas as idiomatic canvas YAML with the `yaml` Document API (strings quoted where YAML
 * needs it, never by hand): cards as block mappings, lists of ids and other short lists of
 * scalars in flow style (`segments: [cs-a, cs-b]`), a blank line between blocks, no folding of
 * long text (a long sentence stays on its line; text with line breaks becomes a `|` block).
 */
import { Document, isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';

const FLOW_LIMIT = 72;

function shortScalarList(node: Node): boolean {
  if (!isSeq(node) || node.items.length === 0) return false;
  let length = 0;
  for (const item of node.items) {
    if (!isScalar(item)) return false;
    const value = item.value;
    if (typeof value === 'string' && /[\n\r]/.test(value)) return false;
    length += String(value).length + 2;
  }
  return length <= FLOW_LIMIT;
}

function styleLists(node: unknown): void {
  if (isSeq(node)) {
    if (shortScalarList(node)) node.flow = true;
    else for (const item of node.items) styleLists(item);
  } else if (isMap(node)) for (const pair of node.items) styleLists(pair.value);
}

/** The YAML text of `value` (a plain object whose key order is kept), `header` as its first comment lines. */
export function canvasYaml(value: Record<string, unknown>, header: string): string {
  const doc = new Document(value, { version: '1.2' });
  styleLists(doc.contents);
  const root = doc.contents as YAMLMap;
  // A blank line before each block (a list), and before x-bmml, so that the blocks read as sections.
  root.items.forEach((pair, i) => {
    if (i > 0 && (isSeq(pair.value) || (isScalar(pair.key) && String(pair.key.value).startsWith('x-'))) && isScalar(pair.key)) pair.key.spaceBefore = true;
  });
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false });
}
