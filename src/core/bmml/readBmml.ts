/**
 * Reads a BMML file: YAML as BMML's own reader takes it (merge keys `<<` resolved), refused with a
 * located problem when it is not YAML, not a mapping, too large or too deep, or BMML v1. Keeps the
 * parsed document so that later problems can name the line of any entry.
 */
import { Document, isMap, isScalar, isSeq, Node, parseDocument } from 'yaml';
import { LineIndex } from '../lineIndex';
import { MAX_ALIAS_COUNT, nestingTooDeep } from '../parse';
import { bmmlProblem, BmmlProblem } from './messages';
import { TOP_LEVEL, V1_ENTRY_KEYS, V1_TOP_KEYS } from './vocabulary';

export type Path = readonly (string | number)[];
export type Plain = Record<string, unknown>;

export interface ReadBmml {
  data?: Plain;
  problems: BmmlProblem[];
  /**
   * The 1-based line and column of the node at `path`, or of its nearest ancestor with one; with
   * `key`, of the key that names it (a section, a field) rather than its value.
   */
  locate(path: Path, key?: boolean): { line: number; column: number } | undefined;
}

export interface ReadOptions {
  /** The name the file is known by (shown in the `bmml migrate` advice). */
  fileName: string;
  /** Refuse a text longer than this many characters. */
  maxLength?: number;
}

export function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value === 'string' ? 'text' : typeof value}`;
}

function nodeAt(doc: Document, path: Path, wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      node = wantKey && i === path.length - 1 ? pair?.key : pair?.value;
    } else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  return (node as Node | undefined) ?? undefined;
}

export function readBmml(text: string, options: ReadOptions): ReadBmml {
  const index = new LineIndex(text);
  const at = (offset: number) => {
    const p = index.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const fail = (key: Parameters<typeof bmmlProblem>[1], args: string[], offset?: number): ReadBmml => ({
    problems: [bmmlProblem('error', key, args, offset === undefined ? undefined : at(offset))],
    locate: () => undefined,
  });
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    return fail('tooLarge', [String(Math.ceil(text.length / 1024)), String(Math.floor(options.maxLength / 1024))]);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return fail('notText', [], nul);
  const deep = nestingTooDeep(text);
  if (deep !== -1) return fail('tooDeep', [], deep);

  // YAML 1.2 core: an unquoted 2024-03-01 stays the text it reads as (BMML's reader would make it a
  // date, which its own schema then refuses); merge keys as BMML's reader resolves them.
  const doc = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) return fail('yamlError', [error.message.split('\n')[0]], error.pos[0]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return fail('aliasBomb', [String(MAX_ALIAS_COUNT)]);
  }
  if (data === null || data === undefined) return fail('empty', []);
  if (!isPlainObject(data)) return fail('notMapping', [describe(data)], (doc.contents as Node | null)?.range?.[0]);

  const locate = (path: Path, key = false) => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAt(doc, path.slice(0, n), key && n === path.length);
      if (node?.range) return at(node.range[0]);
    }
    return undefined;
  };
  const problems: BmmlProblem[] = [];
  const version = data.version;
  if (version !== '2.0') {
    const v1 = v1Indicator(data);
    const shown = typeof version === 'string' ? `"${version}"` : String(version);
    if (v1) return { problems: [bmmlProblem('error', 'version1', [v1.what, options.fileName], locate(v1.path, true))], locate };
    if (version !== undefined) return { problems: [bmmlProblem('error', 'otherVersion', [shown, options.fileName], locate(['version'], true))], locate };
    problems.push(bmmlProblem('warning', 'noVersion', [], { line: 1, column: 1 }));
  }
  return { data, problems, locate };
}

/** The first sign of a v1 file (a version "1.x", or a v1-only key), where it is. */
function v1Indicator(data: Plain): { what: string; path: Path } | undefined {
  const version = data.version;
  if (version !== undefined && /^1(\.|$)/.test(String(version))) return { what: `version: ${JSON.stringify(version)}`, path: ['version'] };
  for (const key of V1_TOP_KEYS) if (key in data) return { what: `the v1 section "${key}"`, path: [key] };
  for (const [section, entries] of Object.entries(data)) {
    if (!TOP_LEVEL.has(section) || !Array.isArray(entries)) continue;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (!isPlainObject(entry)) continue;
      const key = V1_ENTRY_KEYS.find((k) => k in entry) ?? (section === 'fits' && ('value_proposition' in entry || 'customer_segment' in entry) ? 'value_proposition' : undefined);
      if (key) return { what: `the v1 link "${key}" in ${section}`, path: [section, i, key] };
    }
  }
  return undefined;
}
