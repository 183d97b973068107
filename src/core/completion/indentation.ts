/**
 * The cursor's ancestors read from indentation alone, for files the parser could not read: after
 * a syntax error the tree may glue lines together, while the indentation of block YAML still says
 * which key or item each line belongs to. Scans lines upwards from the cursor to each parent.
 */
import type { Segment } from '../yamlContext';

interface LineNode {
  kind: 'dash' | 'key' | 'scalar';
  column: number;
  offset: number;
  /** The key's name, or a scalar item's text. */
  text?: string;
  /** For a key: the value written after it on the line (without a trailing comment), and where it starts. */
  value?: string;
  valueOffset?: number;
}

const BOUNDARY = 'boundary';

/** The dashes, key or scalar written on a line, outermost first; undefined for blank and comment lines. */
function lineNodes(text: string, start: number, end: number): LineNode[] | typeof BOUNDARY | undefined {
  const bom = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = start + bom;
  while (i < end && text[i] === ' ') i++;
  if (i >= end || text[i] === '#') return undefined;
  if (i === start + bom && (text.startsWith('---', i) || text.startsWith('...', i) || text[i] === '%')) return BOUNDARY;
  const col = (at: number) => at - start - bom;
  const nodes: LineNode[] = [];
  while (text[i] === '-' && (i + 1 >= end || text[i + 1] === ' ')) {
    nodes.push({ kind: 'dash', column: col(i), offset: i });
    i++;
    while (i < end && text[i] === ' ') i++;
  }
  if (i >= end) return nodes;
  let rest = text.slice(i, end);
  const comment = rest.search(/(^|\s)#/);
  if (comment !== -1) rest = rest.slice(0, comment);
  rest = rest.trimEnd();
  const key = rest[0] === '[' || rest[0] === '{' ? null : /^("[^"]*"|'[^']*'|[^"'].*?)\s*:(?:\s+(.*))?$/.exec(rest);
  if (key) {
    const name = key[1].replace(/^(["'])(.*)\1$/, '$2');
    const valueOffset = key[2] ? i + rest.indexOf(key[2], key[1].length) : undefined;
    nodes.push({ kind: 'key', column: col(i), offset: i, text: name, value: key[2] ?? '', valueOffset });
  } else if (rest) {
    nodes.push({ kind: 'scalar', column: col(i), offset: i, text: rest.replace(/^(["'])(.*)\1$/, '$2') });
  }
  return nodes;
}

/**
 * Reads one line for a scan that only cares about nodes at or left of `maxColumn`: a line indented
 * further is skipped after counting its spaces (most lines of a big block are), blank lines too.
 */
function scanLine(text: string, start: number, end: number, maxColumn: () => number, visit: (nodes: LineNode[]) => boolean): boolean {
  let i = start + (start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const limit = Math.min(end, i + maxColumn() + 1);
  while (i < limit && text.charCodeAt(i) === 32) i++;
  if (i === limit && i < end) return true;
  const nodes = lineNodes(text, start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  if (nodes === BOUNDARY) return false;
  return !nodes || !nodes.length || visit(nodes);
}

/** Calls `visit` on each line above `lineStart`, nearest first, until it returns false. */
function linesAbove(text: string, lineStart: number, maxColumn: () => number, visit: (nodes: LineNode[]) => boolean): void {
  for (let end = lineStart - 1; end >= 0; ) {
    // lastIndexOf with a negative position searches from 0: at the first line, look no further.
    const start = end > 0 ? text.lastIndexOf('\n', end - 1) + 1 : 0;
    if (!scanLine(text, start, end, maxColumn, visit)) return;
    end = start - 1;
  }
}

function linesBelow(text: string, lineEnd: number, maxColumn: () => number, visit: (nodes: LineNode[]) => boolean): void {
  for (let start = text.indexOf('\n', lineEnd) + 1; start > 0 && start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (!scanLine(text, start, end, maxColumn, visit)) return;
    start = end + 1;
  }
}

export interface IndentedPlace {
  /** Keys and (unknown, so 0) indices from the root to the collection of the line's first node. */
  path: Segment[];
  /** Whether that collection is a list (a sibling item was found) or a mapping; undefined if no sibling says. */
  container?: 'map' | 'seq';
  /** The cursor is in a flow collection opened on an earlier line. */
  flowStart?: number;
}

/**
 * The path to the collection that holds a node at `column` on the line at `lineStart` (`dash`
 * when the line starts with `- `; undefined for a blank line, which may hold either).
 */
export function placeByIndentation(text: string, lineStart: number, column: number, dash: boolean | undefined): IndentedPlace | undefined {
  const reversed: Segment[] = [];
  let container: 'map' | 'seq' | undefined = dash === undefined ? undefined : dash ? 'seq' : 'map';
  let target = { column, dash };
  let first = true;
  let failed = false;
  let flowStart: number | undefined;
  linesAbove(text, lineStart, () => target.column, (nodes) => {
    let j = nodes.length - 1;
    while (j >= 0 && nodes[j].column > target.column) j--;
    if (j < 0) return true; // inside an earlier sibling
    let node = nodes[j];
    if (node.column === target.column) {
      const compactParent = target.dash === true && node.kind === 'key' && node.value === '';
      if (!compactParent) {
        const sameKind = target.dash === undefined ? node.kind !== 'scalar' : (node.kind === 'dash') === target.dash;
        if (!sameKind) return true; // a compact list under an earlier sibling key
        if (first && container === undefined) container = node.kind === 'dash' ? 'seq' : 'map';
        if (j === 0) return true;
        node = nodes[--j];
      }
    }
    // `node` is the parent of the target; the nodes before it on its line are its own parents.
    for (; j >= 0; j--) {
      node = nodes[j];
      if (node.kind === 'dash') reversed.push(0);
      else if (node.kind === 'key' && node.value === '') reversed.push(node.text!);
      else if (node.kind === 'key' && first && reversed.length === 0 && /^[[{]/.test(node.value!)) {
        reversed.push(node.text!);
        flowStart = node.valueOffset;
      } else {
        failed = true; // inside a scalar (a block scalar, a multi-line string)
        return false;
      }
      first = false;
    }
    target = { column: nodes[0].column, dash: nodes[0].kind === 'dash' };
    return true;
  });
  if (failed) return undefined;
  return { path: reversed.reverse(), container, flowStart };
}

/**
 * The keys (or scalar items) written at `column` in the collection around the line at
 * `lineStart`, except on that line: below it, and above it unless the line opens the collection.
 */
export function siblingsByIndentation(
  text: string,
  lineStart: number,
  lineEnd: number,
  column: number,
  kind: 'key' | 'dash',
  above = true,
): Set<string> {
  const found = new Set<string>();
  const record = (nodes: LineNode[]) => {
    const at = nodes.findIndex((n) => n.column === column);
    if (at === -1 || nodes[at].kind !== kind) return;
    const text = kind === 'key' ? nodes[at].text : nodes[at + 1]?.kind === 'scalar' ? nodes[at + 1].text : undefined;
    if (text !== undefined) found.add(text);
  };
  // Upwards, the line that opens the collection may hold its first entry (`- id: x`); downwards, a
  // line that starts left of the column belongs to the next collection.
  if (above) {
    linesAbove(text, lineStart, () => column, (nodes) => {
      record(nodes);
      return nodes[0].column >= column;
    });
  }
  linesBelow(text, lineEnd, () => column, (nodes) => {
    if (nodes[0].column < column) return false;
    record(nodes);
    return true;
  });
  return found;
}
