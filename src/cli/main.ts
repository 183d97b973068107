import { parseDiffArgs, runDiff } from './diffCommand';
import { parseRenderArgs, runRender } from './renderCommand';
import { Io, Jobs, runValidate } from './validateCommand';
import { isValidateWorker, runValidateWorker } from './validateWorkers';

// For bench/cli.mjs: what --jobs left out picks.
export { autoJobs } from './validateCommand';
export { expandArguments } from './files';

const USAGE = `Usage:
  canvas-as-code validate <files, directories or globs…> [--format text|json] [--jobs N]
  canvas-as-code render <file> --format html|svg|md [-o out]
  canvas-as-code diff <old> <new> [--format text|md|json]

validate checks Business Model Canvas files (*.canvas.yaml). Text output is one problem per line,
"file:line:col severity code message"; JSON output is an array of
{file, line, column, endLine, endColumn, severity, code, message}.
--jobs N (-j N) validates on N threads (N - 1 worker threads besides the main one); left out, one
per idle CPU core (up to 8) when there are enough files to be worth it, else 1. Output is written
as each file is done, in input order whatever N.
Exit status: 0 no errors, 1 errors found, 2 bad usage.

render draws one canvas as a standalone HTML page (no script), an SVG image (for READMEs and pull
requests) or Markdown (a table per block), to standard output or to the -o file. --format may be
left out when -o ends in .html, .svg or .md. A canvas with problems is drawn as far as it can be
read, its problems listed. Exit status: 0 rendered, 2 bad usage, unreadable file or YAML too
broken to read a canvas from.

diff compares two versions of a canvas card by card: added, removed, changed (field by field) and
moved cards per block, title and description. Each side is a file or git:REV:path (read with
git show in the current directory, path from the repository root). --format text (default), md (a
pull request comment) or json. A side with errors is diffed as far as it can be read. Exit status:
0 equal, 1 different, 2 bad usage, unreadable side, not a canvas or bad git revision.
`;

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
};

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
  let format: 'text' | 'json' = 'text';
  let jobs: Jobs = 'auto';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--jobs' || arg.startsWith('--jobs=') || arg.startsWith('-j')) {
      const value = arg.startsWith('--jobs=') ? arg.slice('--jobs='.length) : arg.length > 2 && arg.startsWith('-j') ? arg.slice(2) : rest[++i];
      if (value === undefined || !/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < 1) {
        io.err(`canvas-as-code: --jobs must be a positive integer, got ${value === undefined ? 'nothing' : `"${value}"`}\n`);
        return 2;
      }
      jobs = Number(value);
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (value !== 'text' && value !== 'json') {
        io.err(`canvas-as-code: --format must be text or json, got ${value === undefined ? 'nothing' : `"${value}"`}\n`);
        return 2;
      }
      format = value;
    } else if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    } else if (arg.startsWith('-') && arg !== '-') {
      io.err(`canvas-as-code: unknown option "${arg}"\n\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.err(`canvas-as-code: validate needs at least one file, directory or glob\n\n${USAGE}`);
    return 2;
  }
  return runValidate(files, format, io, threads ? jobs : 1);
}

/**
 * Runs one command and returns its exit status. With an Io of its own, validate runs in this
 * thread whatever --jobs says (the output is the same; {@link run} uses threads). With the
 * process's Io, as bin/canvas-as-code.js calls it (setting process.exitCode to what this returns),
 * validate may run on worker threads: the status is then known only later, so this returns 0 for
 * now and sets process.exitCode itself when the run ends (Node waits for the workers).
 */
export function main(argv: readonly string[], io: Io = processIo): number {
  const status = run(argv, io, io === processIo);
  if (typeof status === 'number') return status;
  status.then(
    (code) => void (process.exitCode = code),
    (error: unknown) => {
      io.err(`canvas-as-code: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
  return 0;
}

if (isValidateWorker()) runValidateWorker();
else if (require.main === module) process.exitCode = main(process.argv.slice(2));
