import { readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { LineIndex, validateCanvas } from '../core';
import type { CanvasDiagnostic } from '../core';
import { expandArguments } from './files';
import { visibleText } from '../core/visibleText';
import { validateOnWorkers } from './validateWorkers';

export interface CliDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /**
   * The script a validation worker thread runs: the CLI bundle (dist/cli.js). Defaults to the
   * file this code is bundled in, which is right for dist/cli.js; code bundled elsewhere (tests)
   * that runs validate on worker threads names dist/cli.js here.
   */
  workerScript?: string;
}

export type ValidateFormat = 'text' | 'json';

/** How many threads validate: a positive integer, or 'auto' (see {@link autoJobs}). */
export type Jobs = number | 'auto';

/** A UTF-8 BOM is not part of the text an editor shows, so columns are counted without it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function toCliDiagnostics(file: string, text: string, diagnostics: readonly CanvasDiagnostic[]): CliDiagnostic[] {
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const start = index.positionAt(d.start);
    const end = index.positionAt(d.end);
    return {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/**
 * What validate prints for one file, already formatted, so that a worker thread can post it as is:
 * `items` are text lines (with their newline) or JSON objects (the array's separators are added in
 * order by the main thread); `counts` per severity, in {@link SEVERITIES} order. `error` (a file
 * that could not be read or validated) is a message for standard error, counted as one error.
 */
export interface FileReport {
  items: string[];
  counts: number[];
  error?: string;
}

/** Reads, validates and formats one file; never throws. */
export function checkFile(file: string, cwd: string, format: ValidateFormat): FileReport {
  let text: string;
  try {
    text = stripBom(readFileSync(file.startsWith('/') ? file : `${cwd}/${file}`, 'utf8'));
  } catch (error) {
    return { items: [], counts: [], error: `cannot read ${file}: ${(error as Error).message}` };
  }
  let found: CliDiagnostic[];
  try {
    found = toCliDiagnostics(file, text, validateCanvas(text).diagnostics);
  } catch (error) {
    return { items: [], counts: [], error: `cannot validate ${file}: ${(error as Error)?.message ?? String(error)}` };
  }
  const counts = [0, 0, 0, 0];
  const items = found.map((d) => {
    counts[SEVERITIES.indexOf(d.severity as (typeof SEVERITIES)[number])]++;
    return format === 'json' ? JSON.stringify(d) : `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`;
  });
  return { items, counts };
}

/**
 * Writes validate's output file by file, as each file's report is handed in (in input order): text
 * lines, or one JSON array written incrementally; the summary on standard error at the end.
 */
export class ValidateReporter {
  private readonly counts = [0, 0, 0, 0];
  private first = true;

  constructor(
    private readonly format: ValidateFormat,
    private readonly io: Io,
  ) {
    if (format === 'json') io.out('[');
  }

  file(report: FileReport): void {
    if (report.error !== undefined) {
      this.io.err(`canvas-as-code: ${report.error}\n`);
      this.counts[0]++;
      return;
    }
    for (let i = 0; i < 4; i++) this.counts[i] += report.counts[i];
    if (!report.items.length) return;
    if (this.format === 'json') {
      let chunk = '';
      for (const item of report.items) {
        chunk += (this.first ? '\n  ' : ',\n  ') + item;
        this.first = false;
      }
      this.io.out(chunk);
    } else this.io.out(report.items.join(''));
  }

  /** Closes the output, prints the summary; the exit status. */
  finish(files: number): number {
    if (this.format === 'json') this.io.out(this.first ? ']\n' : '\n]\n');
    const [error, warning, information, hint] = this.counts;
    const total = error + warning + information + hint;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    this.io.err(
      `${plural(files, 'file')} checked: ${plural(total, 'problem')} ` +
        `(${plural(error, 'error')}, ${plural(warning, 'warning')}, ${information} information, ${plural(hint, 'hint')})\n`,
    );
    return error > 0 ? 1 : 0;
  }
}

/** At most this many worker threads when --jobs is left out. */
export const MAX_AUTO_JOBS = 8;
/**
 * Starting a worker thread costs ~30-50 ms (a thread, a V8 isolate, loading the bundle) and its
 * code starts cold: below ~1.5 MB of canvases, several threads end up slower than one. Each worker
 * past the first must bring at least this much text, and at least two files.
 */
export const AUTO_BYTES_PER_WORKER = 512 * 1024;
export const AUTO_FILES_PER_WORKER = 2;

/**
 * --jobs left out: one worker per idle core (at most {@link MAX_AUTO_JOBS}), as many as the files'
 * total size and count make worth their start-up; 1 (validate in this thread) for small runs.
 * Threads pay off only on cores nothing else uses: on a busy machine they are slower than one
 * thread (each warms up its own JIT), so the cores the last minute's load leaves free are counted
 * (`loadavg` is 0 where the system does not report it). Sizes are read with stat, stopping as soon
 * as enough bytes are seen for every core.
 */
export function autoJobs(files: readonly string[], cwd: string, cores = availableParallelism(), load = loadavg()[0]): number {
  const idle = Math.max(1, Math.floor(cores - load + 0.5));
  const most = Math.min(idle, MAX_AUTO_JOBS, Math.floor(files.length / AUTO_FILES_PER_WORKER));
  if (most <= 1) return 1;
  const enough = most * AUTO_BYTES_PER_WORKER;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file.startsWith('/') ? file : `${cwd}/${file}`).size;
    } catch {
      // Unreadable: reported when validated.
    }
    if (bytes >= enough) break;
  }
  return Math.max(1, Math.min(most, Math.floor(bytes / AUTO_BYTES_PER_WORKER)));
}

/**
 * `validate <files or globs…> [--format text|json] [--jobs N]`: exit 1 when any error is found.
 * With one job, files are validated in this thread and the status is returned; with more, on
 * worker threads, and the status comes as a promise. The output is the same either way, in input
 * order, each file's lines written as soon as that file and all before it are done.
 */
export function runValidate(args: readonly string[], format: ValidateFormat, io: Io, jobs: Jobs = 1): number | Promise<number> {
  const { files, unmatched, errors } = expandArguments(args, io.cwd);
  for (const { path, message } of errors) io.err(`canvas-as-code: ${visibleText(`${path}: ${message}`)}\n`);
  for (const arg of unmatched) io.err(`canvas-as-code: no canvas files matched "${visibleText(arg)}"\n`);
  if (unmatched.length || errors.length) return 2;
  const threads = Math.min(jobs === 'auto' ? autoJobs(files, io.cwd) : jobs, files.length);
  const reporter = new ValidateReporter(format, io);
  if (threads <= 1) {
    for (const file of files) reporter.file(checkFile(file, io.cwd, format));
    return reporter.finish(files.length);
  }
  return validateOnWorkers(files, format, io, threads, reporter);
}
