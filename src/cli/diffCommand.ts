import { diffCanvases, diffToMarkdown, diffToText, validateCanvas } from '../core';
import { cliText, countText } from './messages';
import type { CanvasDiff, CanvasModel } from '../core';
import { visibleText } from '../core/visibleText';
import { readAtRevision } from './git';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_USAGE, readNamedInput, STDIN_NAME, maxFileSizeArgument } from './readInput';
import { COMMON_OPTIONS, parseCommandArgs, shown, stringValue } from './args';
import type { OptionSpecs } from './args';
import { Io } from './validateCommand';

export const DIFF_FORMATS = ['text', 'md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffArgs {
  old: string;
  new: string;
  format: DiffFormat;
  /** --max-file-size: the most either side may hold, in KB (0: no limit). */
  maxFileSizeKB: number;
}

const RENDERERS: Readonly<Record<DiffFormat, (diff: CanvasDiff) => string>> = {
  text: diffToText,
  md: diffToMarkdown,
  json: (diff) => JSON.stringify(diff, null, 2) + '\n',
};

/** diff's options (parseArgs, see args.ts), besides --help and --version. */
export const DIFF_OPTIONS = {
  format: { type: 'string', missing: () => '--format must be text, md or json, got nothing' },
  'max-file-size': { type: 'string', missing: () => `${MAX_FILE_SIZE_USAGE}, got nothing` },
} as const satisfies OptionSpecs;

/** `<old> <new> [--format text|md|json]` (text by default); after `--` every argument is a side. */
export function parseDiffArgs(args: readonly string[]): DiffArgs | { error: string } {
  const parsed = parseCommandArgs(args, { ...COMMON_OPTIONS, ...DIFF_OPTIONS });
  if ('error' in parsed) return parsed;
  const format = stringValue(parsed, 'format') ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) return { error: cliText('diffFormatMust', shown(format)) };
  const size = maxFileSizeArgument(stringValue(parsed, 'max-file-size'));
  if (typeof size === 'object') return size;
  const maxFileSizeKB = size ?? DEFAULT_MAX_FILE_SIZE_KB;
  const sides = parsed.positionals;
  if (sides.length !== 2) return { error: cliText('diffTakesTwo', sides.length) };
  if (sides[0] === '-' && sides[1] === '-') return { error: cliText('diffOneStdin') };
  return { old: sides[0], new: sides[1], format: format as DiffFormat, maxFileSizeKB };
}

/**
 * Reads one side: a file, or `git:REV:path` read with git in the working directory (see git.ts:
 * the revision is checked and resolved to one commit first, nothing the user wrote reaches git as
 * an option). Error messages hold the side as written; the caller makes them visible.
 */
function readSide(side: string, io: Io, maxFileSizeKB: number): string | { error: string } {
  const git = /^git:([^:]*):([\s\S]*)$/.exec(side);
  if (git) {
    const [, rev, path] = git;
    if (!rev) return { error: cliText('cannotRead', side, cliText('noRevisionWrite', path)) };
    if (!path) return { error: cliText('cannotRead', side, cliText('noPathWrite', rev)) };
    const read = readAtRevision(io.cwd, rev, path, { maxFileSizeKB });
    if ('error' in read) return { error: cliText('cannotRead', side, read.error) };
    return read.text;
  }
  // `-` is standard input; a file only if regular, within --max-file-size, UTF-8 or UTF-16 with a BOM.
  const read = readNamedInput(side, io.cwd, { maxFileSizeKB, stdin: io.stdin });
  if (read.error !== undefined) return { error: cliText('cannotRead', side === '-' ? STDIN_NAME : side, read.error) };
  return read.text;
}

function readModel(side: string, io: Io, maxFileSizeKB: number): CanvasModel | { error: string } {
  const text = readSide(side, io, maxFileSizeKB);
  if (typeof text !== 'string') return text;
  const result = validateCanvas(text);
  const model = result.model;
  const readable = model && (model.title !== undefined || model.canvasKeySpan !== undefined || model.blocks.size > 0);
  if (!model || !readable) {
    const first = result.diagnostics.find((d) => d.code === 'yaml-syntax');
    return { error: cliText('notACanvas', side, first ? first.message : cliText('noCanvasKeys')) };
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) io.err(`canvas-as-code: ${cliText('diffedPartly', visibleText(side), countText(errors, 'oneError', 'errors'))}\n`);
  return model;
}

/** Exit 0 when the canvases are equal, 1 when they differ, 2 when a side cannot be read as a canvas. */
export function runDiff(args: DiffArgs, io: Io): number {
  const models: CanvasModel[] = [];
  for (const side of [args.old, args.new]) {
    const model = readModel(side, io, args.maxFileSizeKB);
    if ('error' in model) {
      // The message quotes the side (a file name, a revision) and git's or YAML's words about it.
      io.err(`canvas-as-code: ${visibleText(model.error)}\n`);
      return 2;
    }
    models.push(model);
  }
  const diff = diffCanvases(models[0], models[1]);
  io.out(RENDERERS[args.format](diff));
  return diff.equal ? 0 : 1;
}
