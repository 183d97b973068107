/**
 * `canvas-as-code import bmml <file> [-o out.canvas.yaml] [--force]`: a BMML v2 file becomes a
 * business-model canvas (-o, default beside the BMML file) and value-proposition canvases beside
 * it (core/bmml). Every file is checked before any is written: nothing is overwritten without
 * --force, and a refused import writes nothing.
 */
import { cliText, countText } from './messages';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { importBmml } from '../core/bmml';
import type { BmmlProblem } from '../core/bmml';
import { visibleText } from '../core/visibleText';
import { COMMON_OPTIONS, parseCommandArgs, shown, stringValue } from './args';
import type { OptionSpecs } from './args';
import { createFileExclusively } from './initCommand';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_USAGE, maxFileSizeArgument, readInputFile } from './readInput';
import type { Io } from './validateCommand';
import { isSameFile, writeOutputAtomically } from './writeOutput';
import { fillTemplate, translate } from '../core/l10n';
import { CLI_HELP_MESSAGES } from './helpTexts';

export const IMPORT_USAGE = 'canvas-as-code import bmml <file.bmml> [-o out.canvas.yaml] [--force] [--max-file-size KB]';

/** The --help text, in the language installed (CLI_HELP_MESSAGES, helpTexts.ts). */
export function importHelp(): string {
  return translate(CLI_HELP_MESSAGES.importHelp, [IMPORT_USAGE, DEFAULT_MAX_FILE_SIZE_KB]);
}

/** The same in English. */
export const IMPORT_HELP = fillTemplate(CLI_HELP_MESSAGES.importHelp, [IMPORT_USAGE, DEFAULT_MAX_FILE_SIZE_KB]);

export const IMPORT_OPTIONS = {
  output: { type: 'string', short: 'o', missing: (option: string) => `${option} needs a file name (a .canvas.yaml)` },
  force: { type: 'boolean' },
  'max-file-size': { type: 'string', missing: () => `${MAX_FILE_SIZE_USAGE}, got nothing` },
} as const satisfies OptionSpecs;

export interface ImportArgs {
  file: string;
  output?: string;
  force: boolean;
  maxFileSizeKB: number;
}

/** The format word every import/export takes first (`import bmml …`). */
export function formatArgument(command: string, positionals: readonly string[]): { error: string } | undefined {
  if (positionals[0] === 'bmml') return undefined;
  return { error: positionals.length ? `${command} knows one format, bmml; got ${shown(positionals[0])}` : `${command} needs a format and a file: ${command} bmml <file>` };
}

export function parseImportArgs(args: readonly string[]): ImportArgs | { error: string } {
  const parsed = parseCommandArgs(args, { ...COMMON_OPTIONS, ...IMPORT_OPTIONS });
  if ('error' in parsed) return parsed;
  const format = formatArgument('import', parsed.positionals);
  if (format) return format;
  const files = parsed.positionals.slice(1);
  if (files.length !== 1) return { error: files.length ? cliText('importBmmlTakesOne', files.length) : cliText('importBmmlNeedsFile') };
  const output = stringValue(parsed, 'output');
  if (output !== undefined && !/\.canvas\.ya?ml$/i.test(output)) return { error: cliText('notCanvasName', shown(output)) };
  if (output !== undefined && /^\.canvas\.ya?ml$/i.test(basename(output))) return { error: cliText('needsNameBefore', shown(output), '.canvas.yaml') };
  const size = maxFileSizeArgument(stringValue(parsed, 'max-file-size'));
  if (typeof size === 'object') return size;
  return { file: files[0], output, force: parsed.values.force === true, maxFileSizeKB: size ?? DEFAULT_MAX_FILE_SIZE_KB };
}

/** `file:line:col severity message`, made visible on one line. */
export function problemLine(file: string, problem: BmmlProblem): string {
  const where = problem.line !== undefined ? `:${problem.line}:${problem.column ?? 1}` : '';
  return `${visibleText(file)}${where} ${problem.severity} ${visibleText(problem.message)}\n`;
}

export function runImport(args: ImportArgs, io: Io): number | { error: string; bare: true } {
  const path = (file: string) => resolve(io.cwd, file);
  const read = readInputFile(path(args.file), { maxFileSizeKB: args.maxFileSizeKB });
  if (read.error !== undefined) return { error: visibleText(cliText('cannotRead', args.file, read.error)), bare: true };
  const result = importBmml(read.text, { fileName: args.file, output: args.output });
  for (const problem of result.problems) io.err(problemLine(args.file, problem));
  if (!result.files.length) {
    io.err(`canvas-as-code: ${cliText('notImported', visibleText(args.file))}\n`);
    return 1;
  }
  // Written where -o says, else beside the BMML file; value-proposition canvases beside the business model.
  const folder = dirname(args.output ?? args.file);
  const targets = result.files.map((f) => join(folder, f.name));
  for (const target of targets) {
    if (isSameFile(path(args.file), path(target))) return { error: visibleText(cliText('refusingToWrite', target, cliText('itIsBmmlImported'))), bare: true };
    let isDirectory = false;
    try {
      isDirectory = statSync(path(target)).isDirectory();
    } catch {
      // not there: written as a new file
    }
    if (isDirectory) return { error: visibleText(cliText('cannotWrite', target, cliText('itIsDirectory'))), bare: true };
  }
  const existing = targets.filter((t) => existsSync(path(t)));
  if (existing.length && !args.force) {
    return { error: cliText(existing.length === 1 ? 'alreadyExistsOne' : 'alreadyExistMany', existing.map((t) => visibleText(t)).join(', ')), bare: true };
  }
  for (let i = 0; i < targets.length; i++) {
    try {
      if (args.force) writeOutputAtomically(path(targets[i]), result.files[i].text);
      else createFileExclusively(path(targets[i]), result.files[i].text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'EEXIST' ? cliText('appearedMeanwhile') : code === 'ENOENT' ? cliText('noSuchDirectory') : (error as Error).message;
      io.err(`canvas-as-code: ${cliText('cannotWrite', visibleText(targets[i]), visibleText(reason))}${i ? ` ${cliText('writtenBefore', targets.slice(0, i).map((t) => visibleText(t)).join(', '))}` : ''}\n`);
      return 2;
    }
    io.out(`${cliText('wrote', visibleText(targets[i]))}\n`);
  }
  if (result.kept.length) {
    io.err(`${countText(result.kept.length, 'oneValueKept', 'valuesKept')}\n`);
    for (const kept of result.kept) io.err(`  ${visibleText(args.file)}${kept.line ? `:${kept.line}` : ''} ${visibleText(kept.path)} -> ${visibleText(join(folder, kept.file))}\n`);
  }
  return 0;
}
