import { parseDiffArgs, runDiff } from './diffCommand';
import { parseRenderArgs, runRender } from './renderCommand';
import { visibleText } from '../core/visibleText';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_USAGE, parseMaxFileSize } from './readInput';
import { Io, Jobs, runValidate, ValidateFormat } from './validateCommand';
import { isValidateWorker, runValidateWorker } from './validateWorkers';

// For bench/cli.mjs: what --jobs left out picks.
export { autoJobs } from './validateCommand';
export { expandArguments } from './files';

const USAGE = `Usage:
  canvas-as-code validate <files, directories or globs…> [-] [--format text|json|github] [--jobs N]
                          [--max-file-size KB]
  canvas-as-code render <file|-> --format html|svg|md [-o out] [--max-file-size KB]
  canvas-as-code diff <old> <new> [--format text|md|json] [--max-file-size KB]

validate checks Business Model Canvas files (*.canvas.yaml). Text output is one problem per line,
"file:line:col severity code message"; JSON output is an array of
{file, line, column, endLine, endColumn, severity, code, message}. --format github prints GitHub
Actions workflow commands (::error file=…,line=…::message; information and hints as ::notice), which
show as annotations on the pull request. Control characters in names and messages are printed as
visible escapes (\\x1b, \\n, \\u202e).
- reads one canvas from standard input, reported as <stdin> (checked before the files).
Only regular files are read, at most --max-file-size KB each (default ${DEFAULT_MAX_FILE_SIZE_KB}, as the editor's
canvasAsCode.maxFileSizeKB; 0: no limit), as UTF-8 or UTF-16 with a byte order mark.
--jobs N (-j N) validates on N threads (N - 1 worker threads besides the main one); left out, one
per idle CPU core (up to 8) when there are enough files to be worth it, else 1. Output is written
as each file is done, in input order whatever N.
Exit status: 0 no errors, 1 errors found, 2 bad usage, a file not found or not readable (not a
regular file, too large, not UTF-8 text).

render draws one canvas as a standalone HTML page (no script), an SVG image (for READMEs and pull
requests) or Markdown (a table per block), to standard output or to the -o file. --format may be
left out when -o ends in .html, .svg or .md. A canvas with problems is drawn as far as it can be
read, its problems listed. The file is read as validate reads one (- for standard input). -o is
written whole or not at all (a temporary file renamed over it), and never over the canvas itself.
Exit status: 0 rendered, 2 bad usage, unreadable file, an output that is the input or a directory,
or YAML too broken to read a canvas from.

diff compares two versions of a canvas card by card: added, removed, changed (field by field) and
moved cards per block, title and description. Each side is a file, - (standard input, one side
at most) or git:REV:path: the file at one commit REV (a branch, tag or commit id; never an option
or a range) of the repository in the current directory, path from its root. Sides are read as
validate reads files. --format text (default), md (a pull request comment) or json. A side with errors is diffed as far as it can be read. Exit status:
0 equal, 1 different, 2 bad usage, unreadable side, not a canvas or bad git revision.
`;

/** Set when standard output or standard error is gone (EPIPE: `validate … | head -1`). */
const broken = { out: false, err: false };
/** Set when standard output failed for another reason (a full disk): then the exit status is 2. */
let outputFailed = false;

const processIo: Io = {
  out: (text) => void (broken.out || process.stdout.write(text)),
  err: (text) => void (broken.err || process.stderr.write(text)),
  cwd: process.cwd(),
};

let guarded = false;
/**
 * A reader that stops reading (`| head -1`) closes the pipe: the next write fails with EPIPE, which
 * Node reports as an 'error' event, by default an uncaught exception with a stack trace. Instead,
 * what is left of the output is dropped quietly and the run ends with its own exit status.
 */
function guardOutput(): void {
  if (guarded) return;
  guarded = true;
  const guard = (stream: NodeJS.WriteStream, which: 'out' | 'err') =>
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (broken[which]) return; // Writes after the first failure fail too.
      broken[which] = true;
      if (error?.code === 'EPIPE' || which === 'err') return;
      outputFailed = true;
      process.exitCode = 2;
      processIo.err(`canvas-as-code: cannot write to standard output: ${visibleText(error?.message ?? String(error))}\n`);
    });
  guard(process.stdout, 'out');
  guard(process.stderr, 'err');
}

/**
 * Runs one command: its exit status, or a promise of it when validate runs on worker threads
 * (--jobs, or many files). `threads: false` validates in this thread whatever --jobs says.
 */
export function run(argv: readonly string[], io: Io = processIo, threads = true): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'render') {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    const args = parseRenderArgs(rest);
    if ('error' in args) {
      io.err(`canvas-as-code: ${args.error}\n\n${USAGE}`);
      return 2;
    }
    return runRender(args, io);
  }
  if (command === 'diff') {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    const args = parseDiffArgs(rest);
    if ('error' in args) {
      io.err(`canvas-as-code: ${args.error}\n\n${USAGE}`);
      return 2;
    }
    return runDiff(args, io);
  }
  if (command !== 'validate') {
    io.err(`canvas-as-code: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let format: ValidateFormat = 'text';
  let jobs: Jobs = 'auto';
  let stdin = false;
  let maxFileSizeKB = DEFAULT_MAX_FILE_SIZE_KB;
  const files: string[] = [];
  const shown = (value: string | undefined) => (value === undefined ? 'nothing' : `"${visibleText(value)}"`);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--jobs' || arg.startsWith('--jobs=') || arg.startsWith('-j')) {
      const value = arg.startsWith('--jobs=') ? arg.slice('--jobs='.length) : arg.length > 2 && arg.startsWith('-j') ? arg.slice(2) : rest[++i];
      if (value === undefined || !/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < 1) {
        io.err(`canvas-as-code: --jobs must be a positive integer, got ${shown(value)}\n`);
        return 2;
      }
      jobs = Number(value);
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (value !== 'text' && value !== 'json' && value !== 'github') {
        io.err(`canvas-as-code: --format must be text, json or github, got ${shown(value)}\n`);
        return 2;
      }
      format = value;
    } else if (arg === '--max-file-size' || arg.startsWith('--max-file-size=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      const kb = parseMaxFileSize(value);
      if (kb === undefined) {
        io.err(`canvas-as-code: ${MAX_FILE_SIZE_USAGE}, got ${shown(value)}\n`);
        return 2;
      }
      maxFileSizeKB = kb;
    } else if (arg === '-') {
      if (stdin) {
        io.err('canvas-as-code: - (standard input) can be given only once: it holds one canvas\n');
        return 2;
      }
      stdin = true;
    } else if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    } else if (arg.startsWith('-') && arg !== '-') {
      io.err(`canvas-as-code: unknown option "${visibleText(arg)}"\n\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0 && !stdin) {
    io.err(`canvas-as-code: validate needs at least one file, directory or glob (or - for standard input)\n\n${USAGE}`);
    return 2;
  }
  return runValidate(files, format, io, threads ? jobs : 1, { stdin, maxFileSizeKB });
}

/**
 * Runs one command and returns its exit status. With an Io of its own, validate runs in this
 * thread whatever --jobs says (the output is the same; {@link run} uses threads). With the
 * process's Io, as bin/canvas-as-code.js calls it (setting process.exitCode to what this returns),
 * validate may run on worker threads: the status is then known only later, so this returns 0 for
 * now and sets process.exitCode itself when the run ends (Node waits for the workers).
 */
export function main(argv: readonly string[], io: Io = processIo): number {
  if (io === processIo) guardOutput();
  const status = run(argv, io, io === processIo);
  if (typeof status === 'number') return status;
  status.then(
    (code) => void (process.exitCode = outputFailed ? 2 : code),
    (error: unknown) => {
      io.err(`canvas-as-code: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
  return 0;
}

if (isValidateWorker()) runValidateWorker();
else if (require.main === module) process.exitCode = main(process.argv.slice(2));
