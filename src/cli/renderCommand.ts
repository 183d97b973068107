import { statSync } from 'node:fs';
import { cliText, countText } from './messages';
import { isAbsolute, join, sep } from 'node:path';
import { buildCanvasView, LineIndex, renderHtml, renderMarkdown, renderSvg, validateCanvas } from '../core';
import type { CanvasView } from '../core';
import { visibleText } from '../core/visibleText';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_USAGE, readNamedInput, STDIN_NAME, maxFileSizeArgument } from './readInput';
import { COMMON_OPTIONS, parseCommandArgs, shown, stringValue } from './args';
import type { OptionSpecs } from './args';
import { Io } from './validateCommand';
import { isSameFile, writeOutputAtomically } from './writeOutput';

export const RENDER_FORMATS = ['html', 'svg', 'md'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

const RENDERERS: Readonly<Record<RenderFormat, (view: CanvasView) => string>> = {
  html: (view) => renderHtml(view, { standalone: true }),
  svg: renderSvg,
  md: renderMarkdown,
};

const BY_EXTENSION: Readonly<Record<string, RenderFormat>> = { html: 'html', htm: 'html', svg: 'svg', md: 'md', markdown: 'md' };

export interface RenderArgs {
  file: string;
  format: RenderFormat;
  /** Undefined or `-`: standard output. */
  output?: string;
  /** --max-file-size: the most the canvas may hold, in KB (0: no limit). */
  maxFileSizeKB: number;
}

function isFormat(value: string | undefined): value is RenderFormat {
  return (RENDER_FORMATS as readonly string[]).includes(value ?? '');
}

/** render's options (parseArgs, see args.ts), besides --help and --version. */
export const RENDER_OPTIONS = {
  format: { type: 'string', missing: () => '--format must be html, svg or md, got nothing' },
  output: { type: 'string', short: 'o', missing: (option: string) => `${option} needs a file name` },
  'max-file-size': { type: 'string', missing: () => `${MAX_FILE_SIZE_USAGE}, got nothing` },
} as const satisfies OptionSpecs;

/** `<file> --format html|svg|md [-o out]`; the format may also come from the output's extension. */
export function parseRenderArgs(args: readonly string[]): RenderArgs | { error: string } {
  const parsed = parseCommandArgs(args, { ...COMMON_OPTIONS, ...RENDER_OPTIONS });
  if ('error' in parsed) return parsed;
  let format = stringValue(parsed, 'format');
  const output = stringValue(parsed, 'output');
  if (format !== undefined && !isFormat(format)) return { error: cliText('renderFormatMust', shown(format)) };
  if (output === '') return { error: cliText('needsFileName', args.includes('-o') ? '-o' : '--output') };
  const size = maxFileSizeArgument(stringValue(parsed, 'max-file-size'));
  if (typeof size === 'object') return size;
  const maxFileSizeKB = size ?? DEFAULT_MAX_FILE_SIZE_KB;
  const files = parsed.positionals;
  if (files.length !== 1) return { error: files.length ? cliText('renderTakesOne', files.length) : cliText('renderNeedsFile') };
  if (format === undefined && output && output !== '-') format = BY_EXTENSION[output.replace(/^.*\./, '').toLowerCase()];
  if (!isFormat(format)) return { error: cliText('renderNeedsFormat') };
  return { file: files[0], format, output, maxFileSizeKB };
}

/** Why `output` must not be written when rendering `input`, or undefined when it may be. */
function outputProblem(input: string, output: string, path: (file: string) => string): string | undefined {
  if (output.endsWith('/') || output.endsWith(sep)) return cliText('cannotWrite', output, cliText('itNamesDirectory'));
  let isDirectory = false;
  try {
    isDirectory = statSync(path(output)).isDirectory();
  } catch {
    // does not exist (yet): written as a new file
  }
  if (isDirectory) return cliText('cannotWrite', output, cliText('itIsDirectoryGiveName', join(output, 'canvas.html')));
  if (input !== '-' && isSameFile(path(input), path(output))) return cliText('refusingToWrite', output, cliText('itIsCanvasRendered', input));
  return undefined;
}

/**
 * Renders one canvas. Whatever can be read is drawn, problems included: exit 0 even when the
 * canvas has errors. Exit 2 when there is nothing to draw (an unreadable file, YAML too broken
 * to read a canvas from), the output is the input (by any path, symlink or hard link) or a
 * directory, or the output cannot be written. The output is written atomically (writeOutput.ts):
 * never half a file, and an existing file is left as it was when writing fails.
 */
export function runRender(args: RenderArgs, io: Io): number {
  const path = (file: string) => (isAbsolute(file) ? file : join(io.cwd, file));
  // Messages quote file names and YAML's words about their content: made visible on one line.
  const fail = (message: string) => {
    io.err(`canvas-as-code: ${visibleText(message)}\n`);
    return 2;
  };
  const toFile = args.output !== undefined && args.output !== '-';
  if (toFile) {
    const problem = outputProblem(args.file, args.output!, path);
    if (problem) return fail(problem);
  }
  // `-` is standard input; a file only if it is a regular one, within --max-file-size, in UTF-8 or
  // UTF-16 with a BOM (readInput.ts): never a FIFO that hangs or /dev/zero read until memory runs out.
  const read = readNamedInput(args.file, io.cwd, { maxFileSizeKB: args.maxFileSizeKB, stdin: io.stdin });
  if (read.error !== undefined) return fail(cliText('cannotRead', args.file === '-' ? STDIN_NAME : args.file, read.error));
  const text = read.text;
  const result = validateCanvas(text);
  const model = result.model;
  const readable = model && (model.title !== undefined || model.canvasKeySpan !== undefined || model.blocks.size > 0);
  const index = new LineIndex(text);
  if (!readable && result.parsed?.hasSyntaxErrors !== false) {
    const first = result.diagnostics.find((d) => d.code === 'yaml-syntax') ?? result.diagnostics[0];
    const where = first ? index.positionAt(first.start) : undefined;
    const reason = first && where ? `${args.file}:${where.line + 1}:${where.character + 1} ${first.message}` : args.file;
    return fail(cliText('cannotRender', args.file, reason));
  }
  const view = buildCanvasView(result, { lineOf: (offset) => index.positionAt(offset) });
  const rendered = RENDERERS[args.format](view);
  if (toFile) {
    try {
      writeOutputAtomically(path(args.output!), rendered);
    } catch (error) {
      return fail(cliText('cannotWrite', args.output, (error as Error).message));
    }
  } else io.out(rendered);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) io.err(`canvas-as-code: ${cliText('renderedPartly', visibleText(args.file), countText(errors, 'oneError', 'errors'))}\n`);
  return 0;
}
