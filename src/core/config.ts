/**
 * The configuration file `.canvas-as-code.yaml` (format.md, "Configuration file"): rule severities
 * (the names and values of the `canvasAsCode.rules` setting), ignore globs (relative to the file)
 * and the file size limit. Pure: the CLI finds the file on disk (src/cli/config.ts), the extension
 * with vscode.workspace.fs (src/extension/configFile.ts); both parse it here.
 *
 * A problem in the file is a diagnostic of code `config`, always an error, at the exact key or
 * value at fault. It is not one of RULE_CODES: a broken configuration cannot be turned off by
 * itself. What is valid in a file with problems still parses (the extension applies it; the CLI
 * refuses to run, exit 2).
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair } from 'yaml';
import { closest } from './closest';
import { formatTemplate } from './messages';
import { lookup, translate } from './l10n';
import { RULE_DOCS } from './ruleDocs';
import { DEFAULT_SEVERITIES } from './severity';
import { RULE_CODES } from './types';
import type { CanvasDiagnostic, Localizer, SeverityOverrides, SeveritySetting, Span } from './types';

/** The names the configuration file may have, the preferred one first (both in a folder: `.yaml` wins). */
export const CONFIG_FILE_NAMES = ['.canvas-as-code.yaml', '.canvas-as-code.yml'] as const;

/** The values of a rule, as the canvasAsCode.rules setting takes them. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/** The top-level keys of the configuration file, with what they mean (Markdown; hover and the JSON schema). */
export const CONFIG_KEYS = {
  rules:
    'Severity of each diagnostic code: `off`, `hint`, `information`, `warning` or `error` (the names and values of the `canvasAsCode.rules` setting). Codes not listed keep their default. In VS Code, a rule set in the `canvasAsCode.rules` setting wins over this file.',
  ignore:
    'Globs of canvases the CLI skips when it walks a directory or expands a glob (a file named on the command line is always checked), relative to the folder of this file, e.g. `drafts/**`.',
  'max-file-size':
    'The largest canvas read, in KB (0: no limit), as the CLI’s `--max-file-size` and the editor’s `canvasAsCode.maxFileSizeKB` (both win over this file when given). Default 4096.',
} as const;
export type ConfigKey = keyof typeof CONFIG_KEYS;

/** What each severity means (hover and the JSON schema). */
export const SEVERITY_DOCS: Readonly<Record<SeveritySetting, string>> = {
  off: 'Not reported at all.',
  hint: 'Reported as a hint (the editor shows dots under the text; the CLI prints it, never fails on it).',
  information: 'Reported as information (never fails the CLI).',
  warning: 'Reported as a warning (fails the CLI only past `--max-warnings`).',
  error: 'Reported as an error (the CLI exits 1).',
};

export interface CanvasConfig {
  rules: SeverityOverrides;
  /** Globs relative to the folder of the configuration file, `/`-separated, leading `./` removed. */
  ignore: string[];
  maxFileSizeKB?: number;
}

/** A problem in a configuration file: code `config`, always an error. */
export type ConfigDiagnostic = Omit<CanvasDiagnostic, 'code' | 'severity'> & { code: 'config'; severity: 'error' };

export interface ParsedConfig {
  config: CanvasConfig;
  diagnostics: ConfigDiagnostic[];
}

/** The words configuration hover adds around a rule's description (translated by src/core/l10n.ts). */
export const CONFIG_DOC_MESSAGES = {
  defaultSeverity: 'Default: `{0}`.',
} as const;

export const CONFIG_MESSAGES = {
  yamlError: 'YAML syntax error: {0}',
  notAMapping: 'The configuration must be a mapping of keys (rules, ignore, max-file-size), found {0}.',
  unknownKeySuggest: 'Unknown key "{0}" in the configuration. Did you mean "{1}"? Allowed keys: {2}.',
  unknownKey: 'Unknown key "{0}" in the configuration. Allowed keys: {1}.',
  rulesNotAMapping: 'rules must be a mapping of rule names to severities, found {0}.',
  unknownRuleSuggest: 'Unknown rule "{0}". Did you mean "{1}"?',
  unknownRule: 'Unknown rule "{0}". Rules: {1}.',
  badSeveritySuggest: '"{0}" is not a valid severity for rule "{1}". Did you mean "{2}"? Allowed values: {3}.',
  badSeverity: '"{0}" is not a valid severity for rule "{1}". Allowed values: {2}.',
  ignoreNotAList: 'ignore must be a list of globs, found {0}.',
  ignoreNotAString: 'Each ignore entry must be a glob (text), found {0}.',
  ignoreEmpty: 'An ignore glob must not be empty.',
  badMaxFileSize: 'max-file-size must be a whole number of KB (0: no limit), found {0}.',
} as const;

const MAX_KB = Math.floor(Number.MAX_SAFE_INTEGER / 1024);

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'string') return `text "${v}"`;
    return `${typeof v === 'number' ? 'the number' : typeof v === 'boolean' ? 'the boolean' : 'the value'} ${String(v)}`;
  }
  return 'an alias';
}

function firstLineOf(text: string, span: Span): Span {
  const newline = text.slice(span.start, span.end).search(/[\r\n]/);
  return newline === -1 ? span : { start: span.start, end: span.start + Math.max(newline, 1) };
}

/** Parses a configuration file's text; `file` is only used by callers to name it. Never throws. */
export function parseConfig(text: string, _file?: string, localize: Localizer = formatTemplate): ParsedConfig {
  const config: CanvasConfig = { rules: {}, ignore: [] };
  const diagnostics: ConfigDiagnostic[] = [];
  const report = (span: Span, id: keyof typeof CONFIG_MESSAGES, args: string[] = [], suggestion?: string) => {
    const template = CONFIG_MESSAGES[id];
    const at = firstLineOf(text, span);
    diagnostics.push({ ...at, code: 'config', severity: 'error', message: localize(template, args), template, args, ...(suggestion !== undefined ? { suggestion } : {}) });
  };
  const spanOf = (node: Node | null | undefined, fallback: Span): Span => {
    const range = node?.range;
    return range ? { start: range[0], end: Math.max(range[1], range[0] + 1) } : fallback;
  };
  const whole = { start: 0, end: Math.max(1, Math.min(text.length, text.search(/[\r\n]|$/))) };

  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    report(whole, 'yamlError', [String((error as Error)?.message ?? error)]);
    return { config, diagnostics };
  }
  if (doc.errors.length) {
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      report({ start, end: Math.max(end, start + 1) }, 'yamlError', [error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')]);
    }
    return { config, diagnostics };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, diagnostics }; // Empty: the defaults.
  if (!isMap(root)) {
    report(spanOf(root, whole), 'notAMapping', [describe(root)]);
    return { config, diagnostics };
  }
  const keys = Object.keys(CONFIG_KEYS);
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const keySpan = spanOf(keyNode, whole);
    if (key === undefined || !keys.includes(key)) {
      const name = key ?? describe(keyNode);
      const suggestion = key !== undefined ? closest(key, keys) : undefined;
      if (suggestion) report(keySpan, 'unknownKeySuggest', [name, suggestion, keys.join(', ')], suggestion);
      else report(keySpan, 'unknownKey', [name, keys.join(', ')]);
      continue;
    }
    const value = pair.value;
    const valueSpan = value ? spanOf(value, keySpan) : keySpan;
    if (key === 'rules') {
      if (value === null || (isScalar(value) && value.value === null)) continue; // `rules:` alone: none.
      if (!isMap(value)) {
        report(valueSpan, 'rulesNotAMapping', [describe(value)]);
        continue;
      }
      for (const rule of value.items as Pair<Node, Node | null>[]) {
        const ruleName = isScalar(rule.key) ? String(rule.key.value) : undefined;
        const ruleSpan = spanOf(rule.key, valueSpan);
        if (ruleName === undefined || !(RULE_CODES as readonly string[]).includes(ruleName)) {
          const name = ruleName ?? describe(rule.key);
          const suggestion = ruleName !== undefined ? closest(ruleName, RULE_CODES) : undefined;
          if (suggestion) report(ruleSpan, 'unknownRuleSuggest', [name, suggestion], suggestion);
          else report(ruleSpan, 'unknownRule', [name, RULE_CODES.join(', ')]);
          continue;
        }
        const severity = rule.value;
        const raw = isScalar(severity) && typeof severity.value === 'string' ? severity.value : undefined;
        if (raw !== undefined && (SEVERITY_SETTINGS as readonly string[]).includes(raw)) {
          config.rules[ruleName] = raw as SeveritySetting;
          continue;
        }
        // YAML 1.2 reads `off` as text, but a YAML 1.1 habit (`false`, `no`) is still a mistake here.
        const shownValue = isScalar(severity) && severity.value !== null ? String(severity.value) : describe(severity);
        const suggestion = raw !== undefined ? closest(raw, SEVERITY_SETTINGS) : undefined;
        const span = severity ? spanOf(severity, ruleSpan) : ruleSpan;
        if (suggestion) report(span, 'badSeveritySuggest', [shownValue, ruleName, suggestion, SEVERITY_SETTINGS.join(', ')], suggestion);
        else report(span, 'badSeverity', [shownValue, ruleName, SEVERITY_SETTINGS.join(', ')]);
      }
    } else if (key === 'ignore') {
      if (value === null || (isScalar(value) && value.value === null)) continue;
      if (!isSeq(value)) {
        report(valueSpan, 'ignoreNotAList', [describe(value)]);
        continue;
      }
      for (const item of value.items as Node[]) {
        if (!isScalar(item) || typeof item.value !== 'string') {
          report(spanOf(item, valueSpan), 'ignoreNotAString', [describe(item)]);
          continue;
        }
        const glob = item.value.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
        if (glob === '') {
          report(spanOf(item, valueSpan), 'ignoreEmpty');
          continue;
        }
        config.ignore.push(glob);
      }
    } else {
      const kb = isScalar(value) ? value.value : undefined;
      if (typeof kb === 'number' && Number.isInteger(kb) && kb >= 0 && kb <= MAX_KB) config.maxFileSizeKB = kb;
      else report(valueSpan, 'badMaxFileSize', [isScalar(value) && value.value !== null ? String(value.value) : describe(value)]);
    }
  }
  return { config, diagnostics };
}

/**
 * The severities in effect: `personal` (the VS Code setting) wins rule by rule over the file's;
 * a rule set in neither keeps its default.
 */
export function mergeSeverities(file: SeverityOverrides | undefined, personal: SeverityOverrides | undefined): SeverityOverrides {
  const merged: SeverityOverrides = { ...(file ?? {}) };
  for (const [rule, value] of Object.entries(personal ?? {})) if (value !== undefined) merged[rule] = value;
  return merged;
}

// ---- Completion and hover in the configuration file (a small line-based reading: the file is tiny).

export interface ConfigCompletion {
  label: string;
  kind: 'key' | 'rule' | 'severity';
  /** Markdown. */
  documentation: string;
  /** Text inserted for the item (a key gets its colon). */
  insertText: string;
  /** The span the item replaces (the word being typed). */
  span: Span;
}

interface LineContext {
  /** The top-level key this line is under ('' for a top-level line). */
  section: string;
  indent: number;
  /** The line's text up to the offset. */
  before: string;
  lineStart: number;
}

function lineContext(text: string, offset: number): LineContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const indent = /^[ \t]*/.exec(before)![0].length;
  let section = '';
  if (indent > 0) {
    // The nearest line above with no indentation names the section.
    let end = lineStart - 1;
    while (end > 0) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      const line = text.slice(start, end);
      const key = /^([A-Za-z][\w-]*)\s*:/.exec(line);
      if (key) {
        section = key[1];
        break;
      }
      end = start - 1;
    }
  }
  return { section, indent, before, lineStart };
}

function wordAround(text: string, offset: number): Span {
  let start = offset;
  let end = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1])) start--;
  while (end < text.length && /[\w-]/.test(text[end])) end++;
  return { start, end };
}

function ruleDoc(code: string): string {
  const doc = RULE_DOCS.find((d) => d.code === code);
  return doc ? `**${code}** — ${lookup(doc.markdown)}\n\n${translate(CONFIG_DOC_MESSAGES.defaultSeverity, [DEFAULT_SEVERITIES[doc.code]])}` : code;
}

/** Completion items at an offset of a configuration file: top-level keys, rule names, severities. */
export function configCompletion(text: string, offset: number): ConfigCompletion[] {
  const ctx = lineContext(text, offset);
  const span = wordAround(text, offset);
  const afterColon = /:\s*[\w-]*$/.test(ctx.before);
  if (ctx.indent === 0) {
    if (afterColon) return [];
    return Object.entries(CONFIG_KEYS).map(([label, documentation]) => ({ label, kind: 'key', documentation: lookup(documentation), insertText: `${label}:`, span }));
  }
  if (ctx.section !== 'rules') return [];
  if (afterColon) return SEVERITY_SETTINGS.map((label) => ({ label, kind: 'severity', documentation: lookup(SEVERITY_DOCS[label]), insertText: label, span }));
  if (!/^[ \t]*[\w-]*$/.test(ctx.before)) return [];
  return RULE_CODES.map((label) => ({ label, kind: 'rule', documentation: ruleDoc(label), insertText: `${label}: `, span }));
}

/** Hover at an offset of a configuration file: what a key, rule name or severity means (Markdown). */
export function configHover(text: string, offset: number): { contents: string; span: Span } | undefined {
  const span = wordAround(text, offset);
  if (span.start === span.end) return undefined;
  const word = text.slice(span.start, span.end);
  const ctx = lineContext(text, span.start);
  const isKey = /^[ \t]*$/.test(ctx.before) && /^\s*:/.test(text.slice(span.end));
  if (ctx.indent === 0 && isKey && word in CONFIG_KEYS) return { contents: `**${word}** — ${lookup(CONFIG_KEYS[word as ConfigKey])}`, span };
  if (ctx.section !== 'rules' || ctx.indent === 0) return undefined;
  if (isKey && (RULE_CODES as readonly string[]).includes(word)) return { contents: ruleDoc(word), span };
  if (!isKey && (SEVERITY_SETTINGS as readonly string[]).includes(word)) return { contents: `**${word}** — ${lookup(SEVERITY_DOCS[word as SeveritySetting])}`, span };
  return undefined;
}

/** The JSON schema of the configuration file (draft-07), from RULE_CODES and the rules' words. */
export function configSchema(): Record<string, unknown> {
  const severity = {
    type: 'string',
    enum: [...SEVERITY_SETTINGS],
    markdownEnumDescriptions: SEVERITY_SETTINGS.map((s) => SEVERITY_DOCS[s]),
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Canvas as Code configuration (.canvas-as-code.yaml)',
    markdownDescription:
      'Rule severities, ignore globs and limits for the canvases in this folder and below (the nearest `.canvas-as-code.yaml` up from a canvas wins). Read by the `canvas-as-code` CLI and the VS Code extension.',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        title: 'Rule severities',
        markdownDescription: CONFIG_KEYS.rules,
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          RULE_DOCS.map((d) => [d.code, { ...severity, title: d.code, default: d.defaultSeverity, markdownDescription: `${d.markdown} Default: \`${d.defaultSeverity}\`.` }]),
        ),
      },
      ignore: {
        title: 'Ignored canvases',
        markdownDescription: CONFIG_KEYS.ignore,
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      'max-file-size': {
        title: 'Largest canvas (KB)',
        markdownDescription: CONFIG_KEYS['max-file-size'],
        type: 'integer',
        minimum: 0,
        default: 4096,
      },
    },
  };
}
