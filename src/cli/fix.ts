/**
 * `validate --fix` and `validate --fix-dry-run` (as eslint's): the quick fixes that are safe
 * without a human choice (core fixAll.ts, SAFE_FIXES in core/codeActions/titles.ts) applied to each
 * file, then what is left reported as validate reports it, and the exit status by what is left.
 *
 * - `--fix` writes each changed file in place, atomically (writeOutputAtomically: a temporary file
 *   renamed over it, its mode kept), in the encoding it was read in (UTF-8, with its BOM if it had
 *   one, or UTF-16 with its BOM). For each fix it prints `fixed FILE:line:col code title` (to standard
 *   output with --format text, else to standard error so that JSON, GitHub and SARIF output stay
 *   whole), then the file's remaining problems. A read-only file (no write permission bit, even for
 *   root) or a file that cannot be replaced (a directory that cannot be written) is left as it was:
 *   a message, and exit 2 at the end.
 * - `--fix-dry-run` writes nothing: standard output holds only the unified diff of every file that
 *   would change (`--- a/FILE` / `+++ b/FILE`, 3 lines of context; `patch -p1` or `git apply`
 *   reads it), and the problems that would be left go to standard error in the chosen format, with
 *   the summary; the exit status is by what would be left.
 * - `-` (standard input): `--fix-dry-run -` prints the diff of the canvas read, named `<stdin>`;
 *   `--fix -` is a usage error (there is no file to write back; use --fix-dry-run).
 * - The configuration is read as validate reads it (--config, --no-config, each canvas's nearest
 *   .canvas-as-code.yaml): its ignores, max-file-size and rule severities (a rule turned off is not
 *   fixed either).
 * - Fixing runs on this thread whatever --jobs says: the output does not depend on it.
 */
import { cliText } from './messages';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixAll } from '../core/fixAll';
import { visibleText } from '../core/visibleText';
import type { ConfigResolver } from './config';
import { DEFAULT_MAX_FILE_SIZE_KB, readErrorReason, readInputFile, readInputStream, STDIN_NAME } from './readInput';
import { findSourceRoot } from './sarif';
import { unifiedDiff } from './unifiedDiff';
import { checkText, collectRun, ValidateReporter } from './validateCommand';
import { LinkSession } from './links';
import type { CheckOptions, FileReport, Io, ValidateFormat, ValidateOptions } from './validateCommand';
import { writeOutputAtomically } from './writeOutput';

export interface FixOptions extends ValidateOptions {
  /** --fix-dry-run: print a unified diff instead of writing. */
  dryRun?: boolean;
}

type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/** The text of a file as written (BOM off, lone CRs kept: the fixes keep every byte they do not edit). */
function decodeRaw(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: Buffer.from(bytes.subarray(2)).swap16().toString('utf16le'), encoding: 'utf16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf8-bom' };
  return { text: bytes.toString('utf8'), encoding: 'utf8' };
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf8-bom':
      return Buffer.from(`\ufeff${text}`, 'utf8');
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** Line breaks as the reader gives them to validate (lone CR → LF; the same offsets). */
const asRead = (text: string): string => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

/** Why a file cannot be written in place, or undefined when it can (as far as can be told before trying). */
function notWritable(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if ((stat.mode & 0o222) === 0) return cliText('fileReadOnly');
    accessSync(path, constants.W_OK);
  } catch (error) {
    return readErrorReason(error);
  }
  return undefined;
}

/** `validate --fix` / `--fix-dry-run` over the arguments (and standard input): the exit status. */
export function runFix(args: readonly string[], format: ValidateFormat, io: Io, options: FixOptions = {}): number {
  // The files and configurations as validate reads them (validateCommand.ts collectRun).
  const run = collectRun(args, io, options);
  if (run === 2) return 2;
  const { files, configs, stdinConfig } = run;
  const perFile = files.map((file) => configs.forFile(file));
  const dryRun = options.dryRun === true;
  const root = format === 'sarif' ? findSourceRoot(io.cwd) : undefined;
  // Dry run: standard output is the diff alone; the report goes with the summary to standard error.
  const reportIo: Io = dryRun ? { ...io, out: io.err } : io;
  const reporter = new ValidateReporter(format, reportIo, { maxWarnings: options.maxWarnings, root });
  const base: CheckOptions = {
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.color && format === 'text' ? { color: true } : {}),
    ...(root !== undefined ? { root, cwd: io.cwd } : {}),
  };
  const fixedOut = format === 'text' ? io.out : io.err;
  let failed = 0;

  /** A file's options: its configuration's rule severities and max-file-size (--max-file-size wins). */
  const optionsFor = (config: ReturnType<ConfigResolver['forFile']>): CheckOptions => ({
    ...base,
    maxFileSizeKB: options.maxFileSizeKB ?? config?.config.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB,
    ...(config && Object.keys(config.config.rules).length ? { severities: config.config.rules } : {}),
  });

  // Links across files, as validate checks them (standard input links from the working directory).
  const links = new LinkSession(io.cwd, options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB);
  const linked = (path: string | undefined) => ({ session: links, path: path ?? resolve(io.cwd, STDIN_NAME) });

  const fixOne = (name: string, text: string, encoding: Encoding | undefined, path: string | undefined, check: CheckOptions): FileReport => {
    let result;
    try {
      result = fixAll(text, check.severities ? { severities: check.severities } : {});
    } catch (error) {
      return { items: [], counts: [], error: cliText('cannotFix', visibleText(name), visibleText((error as Error)?.message ?? String(error))) };
    }
    if (result.text === text) return checkText(name, asRead(text), format, check, linked(path));
    if (dryRun || path === undefined || encoding === undefined) {
      const bom = encoding === 'utf8-bom' || encoding === 'utf16le' || encoding === 'utf16be' ? '\ufeff' : '';
      io.out(unifiedDiff(visibleText(name), bom + text, bom + result.text));
    } else {
      const why = notWritable(path);
      try {
        if (why !== undefined) throw new Error(why);
        writeOutputAtomically(path, encode(result.text, encoding));
      } catch (error) {
        failed++;
        io.err(`canvas-as-code: ${cliText('fixLeft', visibleText(name), visibleText(why ?? readErrorReason(error)))}\n`);
        return checkText(name, asRead(text), format, check, linked(path));
      }
      for (const fix of result.applied) fixedOut(`fixed ${visibleText(name)}:${fix.line}:${fix.column} ${visibleText(fix.code)} ${visibleText(fix.title)}\n`);
    }
    return checkText(name, asRead(result.text), format, check, linked(path));
  };

  const checked = files.length + (options.stdin ? 1 : 0);
  if (options.stdin) {
    const check = optionsFor(stdinConfig);
    const read = readInputStream(io.stdin ?? 0, check);
    if (read.error !== undefined) reporter.file({ items: [], counts: [], error: cliText('cannotRead', STDIN_NAME, visibleText(read.error)), unreadable: true });
    else reporter.file(fixOne(STDIN_NAME, read.text, undefined, undefined, check));
  }
  for (const [i, file] of files.entries()) {
    const path = resolve(io.cwd, file);
    const check = optionsFor(perFile[i]);
    io.beforeRead?.(file);
    // Read as validate reads (regular files only, the size limit, the encodings), then as written.
    const read = readInputFile(path, { maxFileSizeKB: check.maxFileSizeKB });
    if (read.error !== undefined) {
      reporter.file({ items: [], counts: [], error: cliText('cannotRead', visibleText(file), visibleText(read.error)), unreadable: true });
      continue;
    }
    let raw: { text: string; encoding: Encoding };
    try {
      raw = decodeRaw(readFileSync(path));
    } catch (error) {
      reporter.file({ items: [], counts: [], error: cliText('cannotRead', visibleText(file), visibleText(readErrorReason(error))), unreadable: true });
      continue;
    }
    // Changed between the two reads (or decoded differently): leave it alone.
    if (asRead(raw.text) !== read.text) {
      failed++;
      io.err(`canvas-as-code: ${cliText('fixChanged', visibleText(file))}\n`);
      reporter.file(checkText(file, read.text, format, check, linked(path)));
      continue;
    }
    reporter.file(fixOne(file, raw.text, raw.encoding, path, check));
  }
  const status = reporter.finish(checked);
  return failed ? 2 : status;
}
