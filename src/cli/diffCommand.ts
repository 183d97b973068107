import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { diffCanvases, diffToMarkdown, diffToText, validateCanvas } from '../core';
import type { CanvasDiff, CanvasModel } from '../core';
import { visibleText } from '../core/visibleText';
import { readAtRevision } from './git';
import { Io, stripBom } from './validateCommand';

export const DIFF_FORMATS = ['text', 'md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffArgs {
  old: string;
  new: string;
  format: DiffFormat;
}

const RENDERERS: Readonly<Record<DiffFormat, (diff: CanvasDiff) => string>> = {
  text: diffToText,
  md: diffToMarkdown,
  json: (diff) => JSON.stringify(diff, null, 2) + '\n',
};

/** `<old> <new> [--format text|md|json]` (text by default); after `--` every argument is a side. */
export function parseDiffArgs(args: readonly string[]): DiffArgs | { error: string } {
  let format: string = 'text';
  const sides: string[] = [];
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!options) sides.push(arg);
    else if (arg === '--') options = false;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!(DIFF_FORMATS as readonly string[]).includes(value ?? '')) return { error: `--format must be text, md or json, got ${value === undefined ? 'nothing' : `"${visibleText(value)}"`}` };
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option "${visibleText(arg)}"` };
    else sides.push(arg);
  }
  if (sides.length !== 2) return { error: `diff takes two canvases (a file or git:REV:path), got ${sides.length}` };
  return { old: sides[0], new: sides[1], format: format as DiffFormat };
}

/**
 * Reads one side: a file, or `git:REV:path` read with git in the working directory (see git.ts:
 * the revision is checked and resolved to one commit first, nothing the user wrote reaches git as
 * an option). Error messages hold the side as written; the caller makes them visible.
 */
function readSide(side: string, io: Io): string | { error: string } {
  const git = /^git:([^:]*):([\s\S]*)$/.exec(side);
  if (git) {
    const [, rev, path] = git;
    if (!rev) return { error: `cannot read ${side}: no revision (write git:HEAD:${path})` };
    if (!path) return { error: `cannot read ${side}: no path (write git:${rev}:path/to/file.canvas.yaml)` };
    const read = readAtRevision(io.cwd, rev, path);
    if ('error' in read) return { error: `cannot read ${side}: ${read.error}` };
    return stripBom(read.text);
  }
  try {
    return stripBom(readFileSync(isAbsolute(side) ? side : join(io.cwd, side), 'utf8'));
  } catch (error) {
    return { error: `cannot read ${side}: ${(error as Error).message}` };
  }
}

function readModel(side: string, io: Io): CanvasModel | { error: string } {
  const text = readSide(side, io);
  if (typeof text !== 'string') return text;
  const result = validateCanvas(text);
  const model = result.model;
  const readable = model && (model.title !== undefined || model.canvasKeySpan !== undefined || model.blocks.size > 0);
  if (!model || !readable) {
    const first = result.diagnostics.find((d) => d.code === 'yaml-syntax');
    return { error: `${side} is not a canvas${first ? ` (${first.message})` : ' (no canvas, title or block key)'}` };
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) io.err(`canvas-as-code: ${visibleText(side)} has ${errors} error${errors === 1 ? '' : 's'}; diffing what could be read\n`);
  return model;
}

/** Exit 0 when the canvases are equal, 1 when they differ, 2 when a side cannot be read as a canvas. */
export function runDiff(args: DiffArgs, io: Io): number {
  const models: CanvasModel[] = [];
  for (const side of [args.old, args.new]) {
    const model = readModel(side, io);
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
