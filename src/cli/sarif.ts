/**
 * `validate --format sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), as
 * GitHub code scanning reads it. One run; its tool lists one rule per diagnostic code, described
 * by the core's RULE_DOCS (the words of the canvasAsCode.rules setting); one result per diagnostic,
 * its file as a URI relative to the repository root (%SRCROOT%: the nearest folder up from the
 * working directory that holds `.git`, else the working directory), each path segment
 * percent-encoded as RFC 3986 asks (a space is %20, Korean its UTF-8 bytes), with its region.
 *
 * The log is written as validate's JSON is, file by file: {@link sarifFrame} is the document
 * around the results, {@link sarifResult} one result, already serialized (on a worker thread too),
 * so the output is the same byte for byte whatever --jobs says.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_CODES, RULE_DOCS } from '../core';
import { STDIN_NAME } from './readInput';
import { manifestText } from './locale';
import { cliText } from './messages';
import { VERSION, HOMEPAGE } from './version';
import type { CliDiagnostic } from './validateCommand';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

/** The repository root: the nearest folder up from `cwd` holding `.git` (a folder or a file); else `cwd`. */
export function findSourceRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}

/** RFC 3986 percent-encoding of one path segment: everything but unreserved characters. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/**
 * Where a file is, for SARIF: relative to `root` (with uriBaseId %SRCROOT%) when it is inside it,
 * else an absolute file: URI. Standard input is the relative reference `%3Cstdin%3E` with no base.
 */
export function artifactLocation(file: string, cwd: string, root: string): ArtifactLocation {
  if (file === STDIN_NAME) return { uri: encodeSegment(STDIN_NAME) };
  const absolute = resolve(cwd, file);
  const rel = relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

const LEVEL: Readonly<Record<string, string>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF's level for one of our severities. */
export function sarifLevel(severity: string): string {
  return LEVEL[severity] ?? 'note';
}

/** One result, as an object (see {@link serializeResult} for the text written). */
export function sarifResult(d: CliDiagnostic, location: ArtifactLocation): object {
  const ruleIndex = (RULE_CODES as readonly string[]).indexOf(d.code);
  return {
    ruleId: d.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: sarifLevel(d.severity),
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
  };
}

/** Results sit at this depth of the document (log › runs › run › results › result). */
const RESULT_INDENT = '        ';

/** One result as written: pretty-printed at its depth in the document, without a separator. */
export function serializeResult(result: object): string {
  return RESULT_INDENT + JSON.stringify(result, null, 2).replace(/\n/g, `\n${RESULT_INDENT}`);
}

// The setting's values, as written in .canvas-as-code.yaml (never translated; only "or" is).
const severityValues = (): string => cliText('or', 'off, hint, information, warning', 'error');

/** The rules of the run: one per code, in RULE_CODES order (ruleIndex points into it), described in the CLI's language. */
export function sarifRules(): object[] {
  return RULE_DOCS.map((english) => {
    // The Korean (or other) description of the setting, from the manifest's catalogue; else the English.
    const translated = manifestText(`configuration.rules.${english.code}`);
    const doc = translated === undefined ? english : { ...english, markdown: translated, text: translated.replace(/`/g, '') };
    return {
      id: doc.code,
      name: doc.code.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
      shortDescription: { text: doc.text, markdown: doc.markdown },
      fullDescription: { text: `${doc.text} ${cliText('sarifDefaultSeverity', doc.defaultSeverity)}`, markdown: `${doc.markdown} ${cliText('sarifDefaultSeverity', doc.defaultSeverity)}` },
      help: {
        text: `${doc.text} ${cliText('sarifHelp', doc.defaultSeverity, doc.code, severityValues())}`,
        markdown: `${doc.markdown} ${cliText('sarifHelpMarkdown', doc.defaultSeverity, doc.code)}`,
      },
      defaultConfiguration: { level: sarifLevel(doc.defaultSeverity) },
    };
  });
}

/** The whole log with no results, split where the results go: `head` ends with `"results": [`, `tail` starts after its `]`. */
export function sarifFrame(root: string): { head: string; tail: string } {
  const marker = '\u0000results\u0000';
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'canvas-as-code', version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules: sarifRules() } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: marker,
      },
    ],
  };
  const text = JSON.stringify(log, null, 2) + '\n';
  const at = text.indexOf(JSON.stringify(marker));
  return { head: text.slice(0, at) + '[', tail: text.slice(at + JSON.stringify(marker).length) };
}
