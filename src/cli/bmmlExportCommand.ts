/**
 * `canvas-as-code export bmml <file.canvas.yaml> [-o out.bmml] [--format text|json]`: a
 * business-model canvas and the value-proposition canvases linked to it (found in its folder and
 * below) become one BMML v2 file (core/bmml), checked against BMML's schema before it is written.
 */
import { cliText, countText } from './messages';
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { canvasesLinkedTo, exportBmml } from '../core/bmml';
import type { BmmlProblem, CanvasSource, LinkCandidate } from '../core/bmml';
import { isInside } from '../core/links';
import { visibleText } from '../core/visibleText';
import { COMMON_OPTIONS, parseCommandArgs, shown, stringValue } from './args';
import type { OptionSpecs } from './args';
import { formatArgument, problemLine } from './bmmlImportCommand';
import { expandArguments } from './files';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_USAGE, maxFileSizeArgument, readInputFile } from './readInput';
import { LinkSession, linkPathOf } from './links';
import { JSON_UNSAFE } from './validateCommand';
import type { Io } from './validateCommand';
import { isSameFile, writeOutputAtomically } from './writeOutput';
import { fillTemplate, translate } from '../core/l10n';
import { CLI_HELP_MESSAGES } from './helpTexts';

export const EXPORT_USAGE = 'canvas-as-code export bmml <file.canvas.yaml> [-o out.bmml] [--format text|json] [--max-file-size KB]';

/** The --help text, in the language installed (CLI_HELP_MESSAGES, helpTexts.ts). */
export function exportHelp(): string {
  return translate(CLI_HELP_MESSAGES.exportHelp, [EXPORT_USAGE, DEFAULT_MAX_FILE_SIZE_KB]);
}

/** The same in English. */
export const EXPORT_HELP = fillTemplate(CLI_HELP_MESSAGES.exportHelp, [EXPORT_USAGE, DEFAULT_MAX_FILE_SIZE_KB]);

export const EXPORT_OPTIONS = {
  output: { type: 'string', short: 'o', missing: (option: string) => `${option} needs a file name` },
  format: { type: 'string', missing: () => '--format must be text or json, got nothing' },
  'max-file-size': { type: 'string', missing: () => `${MAX_FILE_SIZE_USAGE}, got nothing` },
} as const satisfies OptionSpecs;

export interface ExportArgs {
  file: string;
  output?: string;
  format: 'text' | 'json';
  maxFileSizeKB: number;
}

export function parseExportArgs(args: readonly string[]): ExportArgs | { error: string } {
  const parsed = parseCommandArgs(args, { ...COMMON_OPTIONS, ...EXPORT_OPTIONS });
  if ('error' in parsed) return parsed;
  const format = formatArgument('export', parsed.positionals);
  if (format) return format;
  const files = parsed.positionals.slice(1);
  if (files.length !== 1) return { error: files.length ? cliText('exportBmmlTakesOne', files.length) : cliText('exportBmmlNeedsCanvas') };
  const reportFormat = stringValue(parsed, 'format') ?? 'text';
  if (reportFormat !== 'text' && reportFormat !== 'json') return { error: cliText('exportFormatMust', shown(reportFormat)) };
  const output = stringValue(parsed, 'output');
  if (output === '') return { error: cliText('needsFileName', '-o') };
  if (reportFormat === 'json' && (output === undefined || output === '-')) return { error: cliText('exportJsonNeedsOutput') };
  const size = maxFileSizeArgument(stringValue(parsed, 'max-file-size'));
  if (typeof size === 'object') return size;
  return { file: files[0], output: output === '-' ? undefined : output, format: reportFormat, maxFileSizeKB: size ?? DEFAULT_MAX_FILE_SIZE_KB };
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The value-proposition canvases in the business model's folder and below whose `business-model:`
 * leads to it by the rules of links (core/links: relative, inside the project root of `session`,
 * the same file also through a symbolic link that stays inside that root), named relative to that
 * folder; the ones whose path is refused (reported, not exported); the ones that could not be read.
 */
export function linkedCanvases(
  businessModel: string,
  maxFileSizeKB: number,
  session = new LinkSession(dirname(businessModel), maxFileSizeKB),
): { sources: CanvasSource[]; refused: BmmlProblem[]; unreadable: string[] } {
  const folder = dirname(businessModel);
  const target = realPath(businessModel);
  const candidates: LinkCandidate[] = [];
  const unreadable: string[] = [];
  for (const file of expandArguments([folder], folder).files) {
    const path = resolve(folder, file);
    if (realPath(path) === target) continue;
    const read = readInputFile(path, { maxFileSizeKB });
    if (read.error !== undefined) {
      unreadable.push(`${relative(folder, path)}: ${read.error}`);
      continue;
    }
    const linkPath = linkPathOf(path);
    candidates.push({ file: linkPath, name: relative(folder, path).split(sep).join('/'), text: read.text, root: session.rootFor(linkPath) });
  }
  const sameFile = (path: string, root: string) => realPath(path) === target && isInside(linkPathOf(realPath(path)), linkPathOf(realPath(root)));
  const { sources, refused } = canvasesLinkedTo(linkPathOf(resolve(businessModel)), candidates, sameFile);
  return { sources, refused, unreadable };
}

export function runExport(args: ExportArgs, io: Io): number | { error: string; bare: true } {
  const path = (file: string) => (isAbsolute(file) ? file : join(io.cwd, file));
  if (args.output !== undefined) {
    if (args.output.endsWith('/') || args.output.endsWith(sep)) return { error: visibleText(cliText('cannotWrite', args.output, cliText('itNamesDirectory'))), bare: true };
    let isDirectory = false;
    try {
      isDirectory = statSync(path(args.output)).isDirectory();
    } catch {
      // not there yet
    }
    if (isDirectory) return { error: visibleText(cliText('cannotWrite', args.output, cliText('itIsDirectory'))), bare: true };
    if (isSameFile(path(args.file), path(args.output))) return { error: visibleText(cliText('refusingToWrite', args.output, cliText('itIsCanvasExported'))), bare: true };
  }
  const read = readInputFile(path(args.file), { maxFileSizeKB: args.maxFileSizeKB });
  if (read.error !== undefined) return { error: visibleText(cliText('cannotRead', args.file, read.error)), bare: true };
  const { sources, refused, unreadable } = linkedCanvases(path(args.file), args.maxFileSizeKB, new LinkSession(io.cwd, args.maxFileSizeKB));
  for (const problem of unreadable) io.err(`canvas-as-code: ${cliText('vpDetailNotExported', visibleText(problem))}\n`);
  const exported = exportBmml({ businessModel: { name: args.file, text: read.text }, valuePropositions: sources });
  // A refused link is said with the export's notes: the canvas is left out, the export goes on.
  const result = { ...exported, notes: [...refused, ...exported.notes] };
  if (result.text === undefined) {
    for (const problem of result.problems) io.err(problemLine(args.file, problem));
    io.err(`canvas-as-code: ${cliText('notExported', visibleText(args.file))}\n`);
    return result.problems.some((p) => p.key === 'notCanvas') ? 2 : 1;
  }
  if (args.output !== undefined) {
    try {
      writeOutputAtomically(path(args.output), result.text);
    } catch (error) {
      io.err(`canvas-as-code: ${cliText('cannotWrite', visibleText(args.output), visibleText((error as Error).message))}\n`);
      return 2;
    }
  } else io.out(result.text);
  if (args.format === 'json') {
    const report = {
      file: args.file,
      output: args.output,
      canvases: sources.map((s) => s.name),
      dropped: result.dropped.map((d) => ({ file: d.file, path: d.path, value: d.value, reason: d.reason })),
      notes: result.notes.map((n) => n.message),
    };
    io.out(`${jsonText(report)}\n`);
    return 0;
  }
  for (const note of result.notes) io.err(`${visibleText(args.file)}: note: ${visibleText(note.message)}\n`);
  if (result.dropped.length) {
    io.err(`${countText(result.dropped.length, 'oneValueDropped', 'valuesDropped')}\n`);
    for (const d of result.dropped) io.err(`  ${visibleText(d.file)} ${visibleText(d.path)}: ${visibleText(JSON.stringify(d.value) ?? 'null')} (${visibleText(d.reason)})\n`);
  }
  if (args.output !== undefined) io.err(`wrote ${visibleText(args.output)}${sources.length ? ` (with ${sources.length} value-proposition canvas${sources.length === 1 ? '' : 'es'})` : ''}\n`);
  return 0;
}

/** JSON with C1 control, bidi and line-separator characters as \u escapes, as validate's JSON output. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
