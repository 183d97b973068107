import { statSync } from 'node:fs';
import { cliText, countText } from './messages';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { LineIndex, validateCanvas } from '../core';
import type { CanvasDiagnostic, SeverityOverrides } from '../core';
import { ConfigResolver, configProblems } from './config';
import type { ConfigChoice, LoadedConfig } from './config';
import { DEFAULT_MAX_FILE_SIZE_KB, readInputFile, readInputStream, STDIN_NAME } from './readInput';
import { expandArguments } from './files';
import { hasInvisibleCharacters, visibleText } from '../core/visibleText';
import { validateOnWorkers } from './validateWorkers';
import { PAINT } from './color';
import { LinkSession } from './links';
import { artifactLocation, findSourceRoot, sarifFrame, sarifResult, serializeResult } from './sarif';

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
  /** The descriptor `validate -` reads a canvas from: standard input (0) unless set (tests). */
  stdin?: number;
  /**
   * For tests: called on this thread just before it reads a file (not on worker threads), so a
   * test can hold this thread back until the workers have done something.
   */
  beforeRead?: (file: string) => void;
}

export const VALIDATE_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** What validate is told besides its files and format. */
export interface ValidateOptions {
  /** `-` was given: validate one canvas from standard input, reported as `<stdin>`, first. */
  stdin?: boolean;
  /** Files larger than this many KB are not read (exit 2); 0: no limit. */
  maxFileSizeKB?: number;
  /** --quiet: print errors only (warnings and the rest are still counted, for --max-warnings). */
  quiet?: boolean;
  /** --max-warnings N: exit 1 when more than N warnings are found. */
  maxWarnings?: number;
  /** Colour the severity words and file names of text output. */
  color?: boolean;
  /** --config FILE / --no-config; left out: each canvas's nearest .canvas-as-code.yaml (config.ts). */
  config?: ConfigChoice;
}

/** How many threads validate: a positive integer, or 'auto' (see {@link autoJobs}). */
export type Jobs = number | 'auto';

/** A UTF-8 BOM is not part of the text an editor shows, so columns are counted without it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function toCliDiagnostics(file: string, text: string, diagnostics: readonly Pick<CanvasDiagnostic, 'start' | 'end' | 'severity' | 'code' | 'message'>[]): CliDiagnostic[] {
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
 * that could not be read or validated) is a message for standard error (file name and message
 * already escaped); `unreadable` when the file could not be read (exit 2), else it counts as one
 * error.
 */
export interface FileReport {
  items: string[];
  counts: number[];
  error?: string;
  unreadable?: boolean;
}

// Characters that JSON.stringify leaves raw but a terminal or a log viewer may act on (C1 controls,
// line separators, bidi controls, BOM): written as \u escapes, which decode to the same string.
export const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** GitHub workflow command escaping of a command's message (as @actions/core does). */
export function githubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow command escaping of a property value: also `:` and `,`. */
export function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A path for GitHub's `file=` property: control and bidi characters made visible (as visibleText
 * does), backslashes kept as they are (Windows paths must still match the repository's files).
 */
function githubPath(path: string): string {
  return hasInvisibleCharacters(path) ? Array.from(path, (c) => (hasInvisibleCharacters(c) ? visibleText(c) : c)).join('') : path;
}

const GITHUB_LEVEL: Readonly<Record<string, string>> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * One diagnostic as validate prints it. Text: `file:line:col severity code message`, the file name
 * and message (which quote card names, keys and values) escaped with visibleText so that no control
 * or bidi character reaches the terminal. JSON: one object, such characters as \u escapes. GitHub:
 * a workflow command (`::error file=…,line=…::message`; information and hints are notices), the
 * message and path made visible the same way (the path keeps its backslashes) and then escaped as
 * GitHub documents (`%`, CR, LF; in properties also `:` and `,`), so no user text can end the line
 * and start a command of its own. SARIF: one result (sarif.ts), serialized at its depth in the log,
 * such characters as \u escapes as in JSON. Colour (text only) wraps the escaped file name and the
 * severity word: never user text with escapes of its own.
 */
export function formatDiagnostic(d: CliDiagnostic, format: ValidateFormat, options: FormatOptions = {}): string {
  if (format === 'sarif') {
    const cwd = options.cwd ?? process.cwd();
    const location = artifactLocation(d.file, cwd, options.root ?? cwd);
    return serializeResult(sarifResult(d, location)).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (format === 'json') return JSON.stringify(d).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (format === 'github') {
    const level = GITHUB_LEVEL[d.severity] ?? 'notice';
    return (
      `::${level} file=${githubProperty(githubPath(d.file))},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},` +
      `title=${githubProperty(visibleText(d.code))}::${githubData(visibleText(d.message))}\n`
    );
  }
  // Colour wraps the escaped file name and our own severity word only: user text brings no escapes.
  const file = options.color ? PAINT.file(visibleText(d.file)) : visibleText(d.file);
  const severity = options.color ? (PAINT[d.severity] ?? String)(d.severity) : d.severity;
  return `${file}:${d.line}:${d.column} ${severity} ${d.code} ${visibleText(d.message)}\n`;
}

/** How diagnostics are formatted besides their format. */
export interface FormatOptions {
  /** Text: colour the severity word and the file name. */
  color?: boolean;
  /** SARIF: the working directory files are named from, and the repository root URIs are relative to. */
  cwd?: string;
  root?: string;
}

/** Options {@link checkFile} passes on to worker threads. */
export interface CheckOptions extends FormatOptions {
  maxFileSizeKB?: number;
  /** Rule severities (the configuration file's `rules`). */
  severities?: SeverityOverrides;
  /** Format errors only (every severity is still counted). */
  quiet?: boolean;
}

/**
 * Reads, validates and formats one file; never throws. `links`: the run's links across files (a
 * value-proposition canvas is checked against its business model too).
 */
export function checkFile(file: string, cwd: string, format: ValidateFormat, options: CheckOptions = {}, links?: LinkSession): FileReport {
  const path = resolve(cwd, file);
  const read = readInputFile(path, { maxFileSizeKB: options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB });
  if (read.error !== undefined) return unreadable(file, read.error);
  return checkText(file, read.text, format, { cwd, ...options }, links && { session: links, path });
}

function unreadable(file: string, reason: string): FileReport {
  return { items: [], counts: [], error: cliText('cannotRead', visibleText(file), visibleText(reason)), unreadable: true };
}

/**
 * Validates and formats the text of one canvas (as read by readInput); never throws. `links`: the
 * run's links and the canvas's absolute path (links are relative to it).
 */
export function checkText(file: string, text: string, format: ValidateFormat, options: CheckOptions = {}, links?: { session: LinkSession; path: string }): FileReport {
  let found: CliDiagnostic[];
  try {
    const result = validateCanvas(text, options.severities ? { severities: options.severities } : {});
    found = toCliDiagnostics(file, text, links ? links.session.diagnose(links.path, result, options.severities) : result.diagnostics);
  } catch (error) {
    return { items: [], counts: [], error: cliText('cannotValidate', visibleText(file), visibleText((error as Error)?.message ?? String(error))) };
  }
  const counts = [0, 0, 0, 0];
  const items: string[] = [];
  for (const d of found) {
    counts[SEVERITIES.indexOf(d.severity as (typeof SEVERITIES)[number])]++;
    if (!options.quiet || d.severity === 'error') items.push(formatDiagnostic(d, format, options));
  }
  return { items, counts };
}

/**
 * Writes validate's output file by file, as each file's report is handed in (in input order): text
 * lines, or one JSON array (or SARIF log, its results array) written incrementally; the summary on
 * standard error at the end, then what --max-warnings says.
 */
export class ValidateReporter {
  private readonly counts = [0, 0, 0, 0];
  private unreadable = 0;
  private first = true;
  private readonly sarifTail: string = '';

  /** `root`: for SARIF, the repository root file URIs are relative to (see sarif.ts). */
  constructor(
    private readonly format: ValidateFormat,
    private readonly io: Io,
    private readonly options: { maxWarnings?: number; root?: string } = {},
  ) {
    if (format === 'json') io.out('[');
    if (format === 'sarif') {
      const { head, tail } = sarifFrame(options.root ?? io.cwd);
      this.sarifTail = tail;
      io.out(head);
    }
  }

  file(report: FileReport): void {
    if (report.error !== undefined) {
      this.io.err(`canvas-as-code: ${report.error}\n`);
      if (report.unreadable) this.unreadable++;
      else this.counts[0]++;
      return;
    }
    for (let i = 0; i < 4; i++) this.counts[i] += report.counts[i];
    if (!report.items.length) return;
    if (this.format === 'json' || this.format === 'sarif') {
      // JSON items are bare objects (indented here); SARIF results come indented for their depth.
      const lead = this.format === 'json' ? '  ' : '';
      let chunk = '';
      for (const item of report.items) {
        chunk += (this.first ? '\n' : ',\n') + lead + item;
        this.first = false;
      }
      this.io.out(chunk);
    } else this.io.out(report.items.join(''));
  }

  /**
   * Closes the output, prints the summary; the exit status: 2 when a file could not be read, else
   * 1 when any error was found, else 0. `files` counts every file handed in, read or not.
   */
  finish(files: number): number {
    if (this.format === 'json') this.io.out(this.first ? ']\n' : '\n]\n');
    if (this.format === 'sarif') this.io.out((this.first ? ']' : '\n      ]') + this.sarifTail);
    const [error, warning, information, hint] = this.counts;
    const total = error + warning + information + hint;
    const notRead = this.unreadable ? cliText('filesNotRead', countText(this.unreadable, 'oneFile', 'files')) : '';
    const summary = cliText(
      'summary',
      countText(files - this.unreadable, 'oneFile', 'files'),
      countText(total, 'oneProblem', 'problems'),
      countText(error, 'oneError', 'errors'),
      countText(warning, 'oneWarning', 'warnings'),
      cliText('information', information),
      countText(hint, 'oneHint', 'hints'),
      notRead,
    );
    this.io.err(`${summary}\n`);
    const { maxWarnings } = this.options;
    const tooManyWarnings = maxWarnings !== undefined && warning > maxWarnings;
    if (tooManyWarnings) this.io.err(`canvas-as-code: ${cliText('tooManyWarnings', warning, maxWarnings)}\n`);
    return this.unreadable > 0 ? 2 : error > 0 || tooManyWarnings ? 1 : 0;
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
      bytes += statSync(resolve(cwd, file)).size;
    } catch {
      // Unreadable: reported when validated.
    }
    if (bytes >= enough) break;
  }
  return Math.max(1, Math.min(most, Math.floor(bytes / AUTO_BYTES_PER_WORKER)));
}

/** The files a run checks, with their configurations (validate and --fix alike). */
export interface CollectedRun {
  files: string[];
  configs: ConfigResolver;
  /** The configuration for `-` (standard input): the one nearest the working directory. */
  stdinConfig: LoadedConfig | null;
}

/**
 * Expands the arguments and reads every configuration in force, or reports why the run cannot
 * start and returns 2: a missing or bad --config (before any canvas is looked at), an argument
 * that matches nothing or a file that cannot be found, a configuration with problems (never
 * ignored). Files found by walking a directory or a glob go through their configuration's
 * `ignore`; a file named explicitly is always checked (as with the default ignores of files.ts).
 */
export function collectRun(args: readonly string[], io: Io, options: { config?: ConfigChoice; stdin?: boolean }): CollectedRun | 2 {
  const configs = new ConfigResolver(io.cwd, options.config);
  const explicit = configs.explicit && configProblems(configs.explicit, io.cwd);
  if (explicit) {
    io.err(explicit);
    return 2;
  }
  const { files, unmatched, errors } = expandArguments(args, io.cwd, { ignored: (file) => configs.ignores(file) });
  for (const { path, message } of errors) io.err(`canvas-as-code: ${visibleText(`${path}: ${message}`)}\n`);
  for (const arg of unmatched) io.err(`canvas-as-code: ${cliText('noFilesMatched', visibleText(arg))}\n`);
  if (unmatched.length || errors.length) return 2;
  for (const file of files) configs.forFile(file);
  const stdinConfig = options.stdin ? configs.forDirectory(resolve(io.cwd)) : null;
  let broken = '';
  for (const config of configs.all()) broken += configProblems(config, io.cwd) ?? '';
  if (broken) {
    io.err(broken);
    return 2;
  }
  return { files, configs, stdinConfig };
}

/**
 * `validate <files or globs…> [-] [--format text|json|github|sarif] [--jobs N] [--max-file-size KB]`
 * (and --quiet, --max-warnings N, colour: {@link ValidateOptions}):
 * exit 2 when an argument matches nothing or a file cannot be read (see readInput.ts: only regular
 * files, at most the size limit, UTF-8 or UTF-16 with a BOM), else 1 when any error is found.
 * `-` (options.stdin) validates one canvas from standard input, reported as `<stdin>`, before the
 * files. With one job, files are validated in this thread and the status is returned; with more, on
 * worker threads, and the status comes as a promise. The output is the same either way, in input
 * order, each file's lines written as soon as that file and all before it are done.
 */
export function runValidate(args: readonly string[], format: ValidateFormat, io: Io, jobs: Jobs = 1, options: ValidateOptions = {}): number | Promise<number> {
  const run = collectRun(args, io, options);
  if (run === 2) return 2;
  const { files, configs, stdinConfig } = run;
  const perFile = fileConfigs(files, configs, options);
  const threads = Math.min(jobs === 'auto' ? autoJobs(files, io.cwd) : jobs, files.length);
  const root = format === 'sarif' ? findSourceRoot(io.cwd) : undefined;
  const reporter = new ValidateReporter(format, io, { maxWarnings: options.maxWarnings, root });
  const check: CheckOptions = {
    maxFileSizeKB: options.maxFileSizeKB ?? stdinConfig?.config.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB,
    ...(stdinConfig && Object.keys(stdinConfig.config.rules).length ? { severities: stdinConfig.config.rules } : {}),
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.color && format === 'text' ? { color: true } : {}),
    ...(root !== undefined ? { root, cwd: io.cwd } : {}),
  };
  // One run's links: each linked business model is read once (per thread) and validated once.
  const links = new LinkSession(io.cwd, options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB);
  // Standard input first, on this thread (workers have none).
  const checked = files.length + (options.stdin ? 1 : 0);
  if (options.stdin) {
    const read = readInputStream(io.stdin ?? 0, check);
    // A canvas on standard input links relative to the working directory.
    const stdinLinks = { session: links, path: resolve(io.cwd, STDIN_NAME) };
    reporter.file(read.error !== undefined ? unreadable(STDIN_NAME, read.error) : checkText(STDIN_NAME, read.text, format, check, stdinLinks));
  }
  const base: CheckOptions = { ...check, maxFileSizeKB: options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB };
  delete base.severities;
  if (threads <= 1) {
    files.forEach((file, i) => {
      io.beforeRead?.(file);
      reporter.file(checkFile(file, io.cwd, format, withFileOptions(base, perFile, i), links));
    });
    return reporter.finish(checked);
  }
  return validateOnWorkers(files, format, io, threads, reporter, base, checked, perFile, links);
}

/**
 * What each file's configuration adds to the options, as a table of distinct entries (one per
 * configuration file) and an index per file (-1: none), so worker threads get it in one message.
 */
export interface PerFileOptions {
  table: Partial<CheckOptions>[];
  index: number[];
}

function fileConfigs(files: readonly string[], configs: ConfigResolver, options: ValidateOptions): PerFileOptions {
  const table: Partial<CheckOptions>[] = [];
  const seen = new Map<LoadedConfig, number>();
  const index = files.map((file) => {
    const config = configs.forFile(file);
    if (!config) return -1;
    let at = seen.get(config);
    if (at === undefined) {
      at = table.length;
      seen.set(config, at);
      const entry: Partial<CheckOptions> = {};
      if (Object.keys(config.config.rules).length) entry.severities = config.config.rules;
      // --max-file-size wins over the file's max-file-size.
      if (options.maxFileSizeKB === undefined && config.config.maxFileSizeKB !== undefined) entry.maxFileSizeKB = config.config.maxFileSizeKB;
      table.push(entry);
    }
    return at;
  });
  return { table, index };
}

/** The options for the i-th file: the run's, with its configuration's on top. */
export function withFileOptions(base: CheckOptions, perFile: PerFileOptions | undefined, i: number): CheckOptions {
  const at = perFile?.index[i] ?? -1;
  return at < 0 ? base : { ...base, ...perFile!.table[at] };
}
