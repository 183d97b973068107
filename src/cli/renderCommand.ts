import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { buildCanvasView, LineIndex, renderHtml, renderMarkdown, renderSvg, validateCanvas } from '../core';
import type { CanvasView } from '../core';
import { Io, stripBom } from './validateCommand';

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
}

function isFormat(value: string | undefined): value is RenderFormat {
  return (RENDER_FORMATS as readonly string[]).includes(value ?? '');
}

/** `<file> --format html|svg|md [-o out]`; the format may also come from the output's extension. */
export function parseRenderArgs(args: readonly string[]): RenderArgs | { error: string } {
  let format: string | undefined;
  let output: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const inline = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined;
    if (arg === '--format' || arg.startsWith('--format=')) {
      format = inline ?? args[++i];
      if (!isFormat(format)) return { error: `--format must be html, svg or md, got ${format === undefined ? 'nothing' : `"${format}"`}` };
    } else if (arg === '-o' || arg === '--output' || arg.startsWith('--output=')) {
      output = inline ?? args[++i];
      if (!output) return { error: `${arg.replace(/=.*/, '')} needs a file name` };
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option "${arg}"` };
    } else files.push(arg);
  }
  if (files.length !== 1) return { error: files.length ? `render takes one file, got ${files.length}` : 'render needs a canvas file' };
  if (format === undefined && output && output !== '-') format = BY_EXTENSION[output.replace(/^.*\./, '').toLowerCase()];
  if (!isFormat(format)) return { error: 'render needs --format html, svg or md' };
  return { file: files[0], format, output };
}

/**
 * Renders one canvas. Whatever can be read is drawn, problems included: exit 0 even when the
 * canvas has errors. Exit 2 when there is nothing to draw (an unreadable file, YAML too broken
 * to read a canvas from) or the output cannot be written.
 */
export function runRender(args: RenderArgs, io: Io): number {
  const path = (file: string) => (isAbsolute(file) ? file : join(io.cwd, file));
  let text: string;
  try {
    text = stripBom(readFileSync(path(args.file), 'utf8'));
  } catch (error) {
    io.err(`canvas-as-code: cannot read ${args.file}: ${(error as Error).message}\n`);
    return 2;
  }
  const result = validateCanvas(text);
  const model = result.model;
  const readable = model && (model.title !== undefined || model.canvasKeySpan !== undefined || model.blocks.size > 0);
  const index = new LineIndex(text);
  if (!readable && result.parsed?.hasSyntaxErrors !== false) {
    const first = result.diagnostics.find((d) => d.code === 'yaml-syntax') ?? result.diagnostics[0];
    const where = first ? index.positionAt(first.start) : undefined;
    const reason = first && where ? `${args.file}:${where.line + 1}:${where.character + 1} ${first.message}` : args.file;
    io.err(`canvas-as-code: cannot render ${args.file}: no canvas could be read (${reason})\n`);
    return 2;
  }
  const view = buildCanvasView(result, { lineOf: (offset) => index.positionAt(offset) });
  const rendered = RENDERERS[args.format](view);
  if (args.output && args.output !== '-') {
    try {
      writeFileSync(path(args.output), rendered, 'utf8');
    } catch (error) {
      io.err(`canvas-as-code: cannot write ${args.output}: ${(error as Error).message}\n`);
      return 2;
    }
  } else io.out(rendered);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) io.err(`canvas-as-code: ${args.file} has ${errors} error${errors === 1 ? '' : 's'}; rendered what could be read\n`);
  return 0;
}
