import { parseDiffArgs, runDiff } from './diffCommand';
import { parseRenderArgs, runRender } from './renderCommand';
import { Io, runValidate } from './validateCommand';

const USAGE = `Usage:
  canvas-as-code validate <files, directories or globs…> [--format text|json]
  canvas-as-code render <file> --format html|svg|md [-o out]
  canvas-as-code diff <old> <new> [--format text|md|json]

validate checks Business Model Canvas files (*.canvas.yaml). Text output is one problem per line,
"file:line:col severity code message"; JSON output is an array of
{file, line, column, endLine, endColumn, severity, code, message}.
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

export function main(argv: readonly string[], io: Io = processIo): number {
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
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
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
  return runValidate(files, format, io);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
