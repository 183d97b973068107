import { Alias, Document, parseDocument, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLParseError } from 'yaml';
import type { DiagnosticSink } from './diagnosticSink';
import type { Span } from './types';

/** Above this many alias expansions a file is treated as an alias bomb (billion laughs). */
export const MAX_ALIAS_COUNT = 1000;

export interface ParsedCanvas {
  text: string;
  doc: Document.Parsed;
  /** The plain data the schema validates; undefined when it could not be evaluated safely. */
  value: unknown;
  /** True when the YAML itself is broken (schema and rules then stay quiet to avoid cascades). */
  hasSyntaxErrors: boolean;
  /** Set once the schema has run: true when `value` satisfied it (incremental validation reuses it). */
  schemaValid?: boolean;
}

/** A span that stays on the first line of `span`, so a problem never highlights a whole block. */
export function firstLine(text: string, span: Span): Span {
  let end = span.end;
  for (let i = span.start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      end = i;
      break;
    }
  }
  return { start: span.start, end };
}

/** The plain-scalar token starting at an offset (up to a colon, comma, bracket or line end). */
function tokenAt(text: string, start: number): Span {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, start + 1);
    if (close !== -1 && !text.slice(start, close).includes('\n')) return { start, end: close + 1 };
  }
  let end = start;
  while (end < text.length && !/[:,\[\]{}\r\n#]/.test(text[end])) end++;
  while (end > start + 1 && text[end - 1] === ' ') end--;
  return { start, end: Math.max(end, start + 1) };
}

function firstLineMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Deeper than this, nesting is refused before parsing; a canvas nests fewer than 10 levels. */
export const MAX_NESTING = 100;
/** Indentation counts a column per space; a compact `- ` or `? ` indicator counts 4. */
const MAX_LINE_NESTING = 4 * MAX_NESTING;

const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Where the text nests deeper than MAX_NESTING, or -1. The parser must never see such text: past
 * some 900 levels V8 can abort the whole process (a regular expression compiled near the stack
 * limit), and nested collection keys make yaml's conversion super-linear. One pass, counting flow
 * brackets outside quotes and comments, and on each line its indentation plus the `- ` / `? `
 * indicators that open nested collections on it.
 */
export function nestingTooDeep(text: string, from = 0, to = text.length): number {
  let flow = 0;
  let lineStart = true;
  let block = 0;
  // `a: a: a: …` on one line: compact mappings the parser descends into before refusing them.
  let colons = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      block = 0;
      colons = 0;
      continue;
    }
    if (c === 58 && (i + 1 >= to || isBlank(text.charCodeAt(i + 1))) && ++colons > MAX_NESTING) return i;
    if (lineStart) {
      // Indentation and compact indicators: `- - - x` is three lists deep on one line.
      if (c === 32) {
        if (++block > MAX_LINE_NESTING) return i;
        continue;
      }
      if ((c === 45 || c === 63) && (i + 1 >= to || isBlank(text.charCodeAt(i + 1)))) {
        block += 4;
        if (block > MAX_LINE_NESTING) return i;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++flow > MAX_NESTING) return i;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
    else if (c === 35 && (i === from || isBlank(text.charCodeAt(i - 1)))) {
      // A comment: skip to the end of the line.
      const end = text.indexOf('\n', i);
      i = (end === -1 ? to : end) - 1;
    } else if ((c === 34 || c === 39) && (i === from || ' \t\n[{,:'.includes(text[i - 1]))) {
      // A quoted scalar: skip to its closing quote (a doubled '' or an escaped \" does not close).
      for (i++; i < to; i++) {
        const q = text.charCodeAt(i);
        if (c === 34 && q === 92) i++;
        else if (q === c) {
          if (c === 39 && text.charCodeAt(i + 1) === 39) i++;
          else break;
        }
      }
    }
  }
  return -1;
}

/** yaml's options for canvases, with its own duplicate-key check (see `parseYaml`). */
const EXACT_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

/**
 * `parseDocument` with `EXACT_OPTIONS`, the same document and errors, but duplicate keys found in
 * one pass. yaml compares each key with every key before it in its mapping: quadratic, a second
 * for a mapping of 8,000 keys. An empty key (`? ` alone) is placed by yaml where no node says:
 * a file with such a duplicate is parsed again, yaml's way.
 */
export function parseYaml(text: string): Document.Parsed {
  const doc = parseDocument(text, { ...EXACT_OPTIONS, uniqueKeys: false });
  const duplicates = duplicateKeyOffsets(doc.contents);
  if (duplicates === undefined) return parseDocument(text, EXACT_OPTIONS);
  for (const offset of duplicates) {
    const error = new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
    // In place order, as yaml reports while it reads (only ties of place and span see the order).
    let at = doc.errors.length;
    while (at > 0 && doc.errors[at - 1].pos[0] > offset) at--;
    doc.errors.splice(at, 0, error);
  }
  return doc;
}

/**
 * yaml reports a duplicate where the tokens before the key end. That is the key's own start unless
 * the key is empty or has properties, or the pair before has no value (its trailing white space
 * then belongs to this pair): those rare cases are left to yaml.
 */
function keyStartIsKnown(key: Scalar, previous: Pair | undefined): boolean {
  if (!key.range || key.range[0] === key.range[1] || key.anchor || key.tag) return false;
  const value = previous?.value as Node | null | undefined;
  return !previous || Boolean(value?.range && value.range[0] < value.range[1]);
}

/**
 * Where yaml's `uniqueKeys` would report a duplicate: each scalar key equal (===) to an earlier
 * key of its mapping, at the key's start. Undefined when a duplicate key is empty.
 */
function duplicateKeyOffsets(root: unknown): number[] | undefined {
  const offsets: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!isCollection(node)) continue;
    const items = node.items as unknown[];
    for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    if (!isMap(node)) continue;
    let seen: Set<unknown> | undefined;
    const pairs = node.items as Pair[];
    for (let i = 0; i < pairs.length; i++) {
      const key = pairs[i].key;
      if (!isScalar(key)) continue;
      const value = key.value;
      // NaN is no duplicate of NaN (===), though a Set holds it once.
      if (typeof value === 'number' && Number.isNaN(value)) continue;
      seen ??= new Set();
      if (!seen.has(value)) seen.add(value);
      else if (keyStartIsKnown(key, pairs[i - 1])) offsets.push(key.range![0]);
      else return undefined;
    }
  }
  return offsets.sort((a, b) => a - b);
}

/** Parses the text, reporting every YAML problem once as `yaml-syntax`. Never throws. */
export function parseCanvas(text: string, sink: DiagnosticSink): ParsedCanvas {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    // Binary data is not YAML: say so once instead of listing hundreds of scanner errors.
    sink.add('yaml-syntax', { start: nul, end: nul + 1 }, 'notText');
    return { text, doc: parseDocument('', { keepSourceTokens: false }), value: undefined, hasSyntaxErrors: true };
  }
  const deep = nestingTooDeep(text);
  if (deep !== -1) {
    sink.add('yaml-syntax', { start: deep, end: deep + 1 }, 'tooDeep');
    return { text, doc: parseDocument('', { keepSourceTokens: false }), value: undefined, hasSyntaxErrors: true };
  }
  const doc = parseYaml(text);
  let blocking = false;
  let reportedDepth = false;
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    // A duplicate key or a second document leaves the first document readable: keep validating it.
    if (error.code !== 'DUPLICATE_KEY' && error.code !== 'MULTIPLE_DOCS') blocking = true;
    if (error.code === 'MULTIPLE_DOCS') {
      sink.add('yaml-syntax', firstLine(text, { start, end }), 'multipleDocuments');
    } else if (error.code === 'RESOURCE_EXHAUSTION') {
      // Deep nesting yields one such error per unwound level: report the first, once.
      if (!reportedDepth) sink.add('yaml-syntax', { start, end: Math.max(end, start + 1) }, 'tooDeep');
      reportedDepth = true;
    } else if (error.code === 'DUPLICATE_KEY') {
      // yaml marks one character; the key as written is what the user needs to see.
      sink.add('yaml-syntax', tokenAt(text, start), 'yamlError', [firstLineMessage(error.message)]);
    } else {
      sink.add('yaml-syntax', firstLine(text, { start, end: Math.max(end, start) }), 'yamlError', [
        firstLineMessage(error.message),
      ]);
    }
  }
  let value: unknown;
  try {
    value = toPlain(doc.contents) ?? doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws on alias bombs (and on stack exhaustion for extreme nesting): report, do not crash.
    const firstAlias = findFirst(doc.contents, (n) => isAlias(n));
    const span = firstAlias?.range ? { start: firstAlias.range[0], end: firstAlias.range[1] } : { start: 0, end: 0 };
    if (error instanceof RangeError) sink.add('yaml-syntax', span, 'tooDeep');
    else sink.add('yaml-syntax', span, 'aliasBomb', [MAX_ALIAS_COUNT]);
    value = undefined;
    blocking = true;
  }
  return { text, doc, value, hasSyntaxErrors: blocking };
}

/** Marks a tree `toPlain` leaves to yaml's own `toJS` (tags on collections, odd keys, depth). */
const NOT_PLAIN = Symbol('not plain');

/**
 * The plain data of a YAML tree, as `doc.toJS()` gives it, for the trees canvases are made of:
 * mappings with scalar keys, lists, untagged strings, numbers, booleans and nulls, anchors and
 * aliases. Undefined where it cannot answer (the caller then uses `toJS`) or where `toJS` would
 * throw (an alias bomb, an alias with no anchor).
 */
export function plainValue(root: unknown): unknown {
  try {
    return toPlain(root);
  } catch {
    return undefined;
  }
}

/**
 * `plainValue` that throws where `toJS` throws: on an alias with no anchor before it, and on an
 * alias bomb, at the same alias and by the same count (see `aliasValue`).
 */
export function toPlain(root: unknown): unknown {
  const state: PlainState = { root, anchored: undefined, targets: undefined, work: 0, workLimit: 0 };
  const result = plainOf(root, 0, state);
  return result === NOT_PLAIN ? undefined : result;
}

/** yaml's bookkeeping for an anchored node: its value, how often it was aliased, and its weight. */
interface AnchorData {
  res: unknown;
  count: number;
  aliasCount: number;
}

interface PlainState {
  root: unknown;
  /** Anchored nodes converted so far (created on the first anchor: most canvases have none). */
  anchored: Map<Node, AnchorData> | undefined;
  /** Every alias's anchored node, found in one pass on the first alias. */
  targets: Map<Alias, Node | undefined> | undefined;
  /** Nodes walked to weigh anchors, and the most that may be: weighing is linear, never quadratic. */
  work: number;
  workLimit: number;
}

function plainOf(node: unknown, depth: number, state: PlainState): unknown {
  if (node === null || node === undefined) return null;
  if (depth > 64) return NOT_PLAIN;
  if (isScalar(node)) {
    // A tag on a scalar is resolved by the parser already (`!!str 1` is "1"): the value is the data.
    const value = node.value;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return NOT_PLAIN;
    if (node.anchor) anchor(node, state).res = value;
    return value;
  }
  if (isAlias(node)) return aliasValue(node, state);
  // A tagged collection may be a set or an ordered map (YAML 1.1): leave it to yaml.
  if ((node as Node).tag) return NOT_PLAIN;
  if (isSeq(node)) {
    const items = node.items;
    const out = new Array(items.length);
    // Registered before the items: an alias inside its own anchor gets this very array, as in yaml.
    if (node.anchor) anchor(node, state).res = out;
    for (let i = 0; i < items.length; i++) {
      const item = plainOf(items[i], depth + 1, state);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item;
    }
    return out;
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    if (node.anchor) anchor(node, state).res = out;
    for (const pair of node.items as Pair[]) {
      const key = pair.key;
      let k: unknown;
      if (isScalar(key)) {
        if (key.tag) return NOT_PLAIN;
        k = key.value;
        // `<<` is a merge key where a schema enables merges: leave that question to yaml.
        if (k === '<<') return NOT_PLAIN;
        if (key.anchor) anchor(key, state).res = k;
      } else if (isAlias(key)) {
        k = aliasValue(key, state);
        if (k === NOT_PLAIN) return NOT_PLAIN;
      } else return NOT_PLAIN;
      // A key that is a collection is stringified by yaml as YAML text: leave it to yaml.
      if (k !== null && typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean') return NOT_PLAIN;
      const name = k === null ? '' : String(k);
      const value = plainOf(pair.value, depth + 1, state);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      // As yaml does: a key an object already has (`__proto__`, `toString`) becomes an own property.
      if (name in out) Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
      else out[name] = value;
    }
    return out;
  }
  return NOT_PLAIN;
}

function anchor(node: Node, state: PlainState): AnchorData {
  const data: AnchorData = { res: undefined, count: 1, aliasCount: 0 };
  (state.anchored ??= new Map()).set(node, data);
  return data;
}

/**
 * What an alias stands for, counted exactly as yaml's `Alias.toJSON` counts (so the same files are
 * alias bombs, refused at the same alias): each alias adds one to its anchor's count; an anchor
 * weighs the most its subtree's aliases weigh (1 for a plain value); expanding is refused once
 * count × weight passes MAX_ALIAS_COUNT. yaml finds each alias's anchor by scanning the document
 * from the start, and weighs nested aliases the same way: quadratic. Here one pass finds them all.
 */
function aliasValue(alias: Alias, state: PlainState): unknown {
  if (!state.targets) {
    const index = indexAliases(state.root);
    state.targets = index.targets;
    state.workLimit = 100_000 + 4 * index.nodes;
  }
  const found = state.targets.get(alias);
  if (!found) throw new ReferenceError(`Unresolved alias (the anchor must be set before the alias): ${alias.source}`);
  const data = state.anchored?.get(found);
  // Every anchor before an alias is converted before it (both go in document order); if not, ask yaml.
  if (!data || data.res === undefined) return NOT_PLAIN;
  data.count += 1;
  if (data.aliasCount === 0) data.aliasCount = aliasWeight(found, state);
  if (data.count * data.aliasCount > MAX_ALIAS_COUNT) throw new ReferenceError('Excessive alias count indicates a resource exhaustion attack');
  return data.res;
}

/** yaml's `getAliasCount`: the weight of an anchored subtree. */
function aliasWeight(node: unknown, state: PlainState): number {
  // A subtree of nothing but aliases weighs 0 and is weighed again at each alias: bound the work.
  if (++state.work > state.workLimit) throw new ReferenceError('Excessive alias count indicates a resource exhaustion attack');
  if (isAlias(node)) {
    const source = state.targets?.get(node);
    const data = source && state.anchored?.get(source);
    return data ? data.count * data.aliasCount : 0;
  }
  if (isCollection(node)) {
    let weight = 0;
    for (const item of node.items) weight = Math.max(weight, aliasWeight(item, state));
    return weight;
  }
  if (isPair(node)) return Math.max(aliasWeight(node.key, state), aliasWeight(node.value, state));
  return 1;
}
export interface AliasIndex {
  /** Each alias's anchored node (undefined for an alias with no anchor before it). */
  targets: Map<Alias, Node | undefined>;
  /** How many nodes the tree has. */
  nodes: number;
}

/**
 * Every alias's anchored node, in one pass: as yaml's `Alias.resolve` decides, the nearest anchor
 * of that name before the alias in document order (an anchor redefined later applies from there
 * on; a collection's own anchor comes before its items, a key before its value).
 */
export function indexAliases(root: unknown): AliasIndex {
  const targets = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  let nodes = 0;
  // findFirst visits in document order (a key before its value, items in order) and never stops here.
  findFirst(root, (node) => {
    nodes++;
    if (isAlias(node)) targets.set(node, anchors.get(node.source));
    else if (node.anchor) anchors.set(node.anchor, node);
    return false;
  });
  return { targets, nodes };
}

/** Depth-first search with an explicit stack (deep documents must not overflow the call stack). */
export function findFirst(root: unknown, predicate: (node: Node) => boolean): Node | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    if (isAlias(node) || isScalar(node) || isCollection(node)) {
      if (predicate(node as Node)) return node as Node;
      if (isMap(node) || isCollection(node)) {
        const items = (node as { items: unknown[] }).items;
        for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
      }
    }
  }
  return undefined;
}
