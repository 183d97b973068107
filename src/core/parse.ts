import { Document, parseDocument, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
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
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
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
    value = plainValue(doc.contents) ?? doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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

/** Marks a tree `plainValue` leaves to yaml's own `toJS` (anchors, aliases, tags, odd keys, depth). */
const NOT_PLAIN = Symbol('not plain');

/**
 * The plain data of a YAML tree, as `doc.toJS()` gives it, for the trees canvases are made of:
 * mappings with scalar keys, lists, and untagged strings, numbers, booleans and nulls. It is a
 * third of the cost of yaml's general conversion; anything else returns undefined and the caller
 * uses `toJS`, which handles aliases (with the alias-bomb limit), tags and keys that are lists.
 */
export function plainValue(root: unknown): unknown {
  const result = plainOf(root, 0);
  return result === NOT_PLAIN ? undefined : result;
}

function plainOf(node: unknown, depth: number): unknown {
  if (node === null || node === undefined) return null;
  if (depth > 64 || (node as Node).anchor || (node as Node).tag) return NOT_PLAIN;
  if (isScalar(node)) {
    const value = node.value;
    return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : NOT_PLAIN;
  }
  if (isSeq(node)) {
    const items = node.items;
    const out = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = plainOf(items[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item;
    }
    return out;
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items as Pair[]) {
      const key = pair.key;
      if (!isScalar(key) || key.anchor || key.tag) return NOT_PLAIN;
      const k = key.value;
      if (k !== null && typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean') return NOT_PLAIN;
      // `<<` is a merge key where a schema enables merges: leave that question to yaml.
      if (k === '<<') return NOT_PLAIN;
      const name = k === null ? '' : String(k);
      const value = plainOf(pair.value, depth + 1);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      // As yaml does: a key an object already has (`__proto__`, `toString`) becomes an own property.
      if (name in out) Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
      else out[name] = value;
    }
    return out;
  }
  return NOT_PLAIN;
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
