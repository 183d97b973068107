/**
 * The CLI: `canvas-as-code <command> [options] [arguments]`. Each command is one entry of
 * {@link COMMANDS}: its usage line, its --help text, its options (read with node:util parseArgs,
 * see args.ts) and what runs it. --help and --version are answered here for every command; a usage
 * error a command returns is printed with that command's usage line, exit 2.
 */
import { COMMON_OPTIONS, asksFor, lastOfPair, parseCommandArgs, shown, stringValue } from './args';
import type { OptionSpecs } from './args';
import { useColor } from './color';
import { exportHelp, EXPORT_OPTIONS, EXPORT_USAGE, parseExportArgs, runExport } from './bmmlExportCommand';
import { importHelp, IMPORT_OPTIONS, IMPORT_USAGE, parseImportArgs, runImport } from './bmmlImportCommand';
import { DIFF_OPTIONS, parseDiffArgs, runDiff } from './diffCommand';
import { runFix } from './fix';
import { initHelp, INIT_OPTIONS, INIT_USAGE, parseInitArgs, runInit } from './initCommand';
import { parseRenderArgs, RENDER_OPTIONS, runRender } from './renderCommand';
import { parseReviewArgs, reviewHelp, REVIEW_OPTIONS, REVIEW_USAGE, runReview } from './reviewCommand';
import { visibleText } from '../core/visibleText';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_USAGE, maxFileSizeArgument } from './readInput';
import { Io, Jobs, runValidate, VALIDATE_FORMATS, ValidateFormat } from './validateCommand';
import { isValidateWorker, runValidateWorker } from './validateWorkers';
import { VERSION } from './version';
import { languageFromEnv, languageOf, takeLocaleOption, useLanguage } from './locale';
import { cliText } from './messages';
import { CLI_HELP_MESSAGES } from './helpTexts';
import { translate } from '../core/l10n';

// For bench/cli.mjs: what --jobs left out picks.
export { autoJobs } from './validateCommand';
export { expandArguments } from './files';
// For scripts/export-l10n.mjs: the CLI's texts join the l10n bundles.
export { CLI_MESSAGES } from './messages';
export { CLI_HELP_MESSAGES } from './helpTexts';

const VALIDATE_USAGE = `canvas-as-code validate <files, directories or globs…> [-] [--format text|json|github|sarif] [--jobs N]
                          [--max-file-size KB] [--quiet] [--max-warnings N] [--color | --no-color]
                          [--fix | --fix-dry-run] [--config FILE | --no-config]`;

const RENDER_USAGE = 'canvas-as-code render <file|-> --format html|svg|md [-o out] [--max-file-size KB]';

const DIFF_USAGE = 'canvas-as-code diff <old> <new> [--format text|md|json] [--max-file-size KB]';

/** The options every command takes, as validate, render and diff list them last. */
function commonHelp(): string {
  return translate(CLI_HELP_MESSAGES.commonHelp);
}

/** The --help texts, in the language installed when they are printed. */
const validateHelp = () => translate(CLI_HELP_MESSAGES.validateHelp, [VALIDATE_USAGE, DEFAULT_MAX_FILE_SIZE_KB, commonHelp()]);
const renderHelp = () => translate(CLI_HELP_MESSAGES.renderHelp, [RENDER_USAGE, DEFAULT_MAX_FILE_SIZE_KB, commonHelp()]);
const diffHelp = () => translate(CLI_HELP_MESSAGES.diffHelp, [DIFF_USAGE, DEFAULT_MAX_FILE_SIZE_KB, commonHelp()]);

/** validate's options (parseArgs, see args.ts), besides --help and --version. */
const VALIDATE_OPTIONS = {
  format: { type: 'string', missing: () => cliText('formatMust', validateFormatWords(), cliText('nothing')) },
  jobs: { type: 'string', short: 'j', missing: () => cliText('jobsMust', cliText('nothing')) },
  'max-file-size': { type: 'string', missing: () => `${MAX_FILE_SIZE_USAGE}, got nothing` },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string', missing: () => cliText('maxWarningsMust', cliText('nothing')) },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  config: { type: 'string', missing: () => cliText('configNeedsFile') },
  'no-config': { type: 'boolean' },
} as const satisfies OptionSpecs;

function validateFormatWords(): string {
  return cliText('or', VALIDATE_FORMATS.slice(0, -1).join(', '), VALIDATE_FORMATS[VALIDATE_FORMATS.length - 1]);
}

/** How a command is told where it writes: the process's standard streams, or a test's. */
export interface RunIo extends Io {
  /** The environment colour is decided from (NO_COLOR, FORCE_COLOR); none when left out. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colour by default); false when left out. */
  isTTY?: boolean;
}

function runValidateCommand(args: readonly string[], io: RunIo, threads: boolean): number | Promise<number> | { error: string; bare?: boolean } {
  const parsed = parseCommandArgs(args, { ...COMMON_OPTIONS, ...VALIDATE_OPTIONS });
  if ('error' in parsed) return parsed;
  const format = stringValue(parsed, 'format') ?? 'text';
  if (!(VALIDATE_FORMATS as readonly string[]).includes(format)) return { error: cliText('formatMust', validateFormatWords(), shown(format)), bare: true };
  let jobs: Jobs = 'auto';
  const jobsValue = stringValue(parsed, 'jobs');
  if (jobsValue !== undefined) {
    if (!/^[0-9]+$/.test(jobsValue) || !Number.isSafeInteger(Number(jobsValue)) || Number(jobsValue) < 1)
      return { error: cliText('jobsMust', shown(jobsValue)), bare: true };
    jobs = Number(jobsValue);
  }
  const size = maxFileSizeArgument(stringValue(parsed, 'max-file-size'));
  if (typeof size === 'object') return { ...size, bare: true };
  let maxWarnings: number | undefined;
  const most = stringValue(parsed, 'max-warnings');
  if (most !== undefined) {
    if (!/^[0-9]+$/.test(most) || !Number.isSafeInteger(Number(most))) return { error: cliText('maxWarningsMust', shown(most)) };
    maxWarnings = Number(most);
  }
  const stdins = parsed.positionals.filter((p) => p === '-').length;
  if (stdins > 1) return { error: cliText('stdinOnce'), bare: true };
  const files = parsed.positionals.filter((p) => p !== '-');
  if (files.length === 0 && !stdins) return { error: cliText('validateNeedsFiles') };
  const color = useColor({ flag: lastOfPair(parsed, 'color', 'no-color'), env: io.env, isTTY: io.isTTY });
  // --config FILE for every canvas, --no-config for none; else each canvas's nearest file (config.ts).
  const configFile = stringValue(parsed, 'config');
  if (configFile !== undefined && parsed.values['no-config'] === true) return { error: cliText('configAndNoConfig') };
  const config = parsed.values['no-config'] === true ? { none: true } : configFile !== undefined ? { file: configFile } : {};
  // --fix / --fix-dry-run (fix.ts): on this thread whatever --jobs says.
  if (parsed.values.fix === true || parsed.values['fix-dry-run'] === true) {
    if (parsed.values.fix === true && parsed.values['fix-dry-run'] === true) return { error: cliText('fixAndDryRun') };
    if (parsed.values.fix === true && stdins) return { error: cliText('fixNoStdin') };
    const dryRun = parsed.values['fix-dry-run'] === true;
    return runFix(files, format as ValidateFormat, io, { stdin: stdins === 1, maxFileSizeKB: size, config, quiet: parsed.values.quiet === true, maxWarnings, color, dryRun });
  }
  return runValidate(files, format as ValidateFormat, io, threads ? jobs : 1, {
    stdin: stdins === 1,
    // Left out: the configuration file's max-file-size, else the default.
    maxFileSizeKB: size,
    config,
    quiet: parsed.values.quiet === true,
    maxWarnings,
    color,
  });
}

/**
 * One command of the CLI. A usage error comes back as `{ error }`: printed with the command's
 * usage line (`bare`: the message alone), exit 2. `--help` and `--version` are answered before
 * `run` is called.
 */
export interface Command {
  /** The usage line(s), without "Usage:". */
  usage: string;
  /** What `canvas-as-code <command> --help` prints (in the language installed when it is read). */
  readonly help: string;
  /** The options, to find --help and --version among them. */
  options: OptionSpecs;
  run(args: readonly string[], io: RunIo, threads: boolean): number | Promise<number> | { error: string; bare?: boolean };
}

type ParseResult<T> = T | { error: string };
type RunResult = ReturnType<Command['run']>;

/** A command whose arguments are parsed first: a usage error is returned as it is, never run. */
function parsedCommand<T extends object>(
  usage: string,
  help: () => string,
  options: OptionSpecs,
  parse: (args: readonly string[]) => ParseResult<T>,
  run: (parsed: T, io: RunIo) => RunResult,
): Command {
  return {
    usage,
    get help() {
      return help();
    },
    options,
    run: (args, io) => {
      const parsed = parse(args);
      return 'error' in parsed ? parsed : run(parsed, io);
    },
  };
}

/** Every command: one entry each. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: {
    usage: VALIDATE_USAGE,
    get help() {
      return validateHelp();
    },
    options: VALIDATE_OPTIONS,
    run: runValidateCommand,
  },
  render: parsedCommand(RENDER_USAGE, renderHelp, RENDER_OPTIONS, parseRenderArgs, runRender),
  diff: parsedCommand(DIFF_USAGE, diffHelp, DIFF_OPTIONS, parseDiffArgs, runDiff),
  review: parsedCommand(REVIEW_USAGE, reviewHelp, REVIEW_OPTIONS, parseReviewArgs, runReview),
  init: parsedCommand(INIT_USAGE, initHelp, INIT_OPTIONS, parseInitArgs, runInit),
  import: parsedCommand(IMPORT_USAGE, importHelp, IMPORT_OPTIONS, parseImportArgs, runImport),
  export: parsedCommand(EXPORT_USAGE, exportHelp, EXPORT_OPTIONS, parseExportArgs, runExport),
};

/** What `canvas-as-code --help` prints: every command's usage line. */
export function overview(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}`);
  return `${cliText('usageHeading')}
${lines.join('\n')}
  canvas-as-code --version

${cliText('overviewText')}
`;
}

/** A command's usage, as printed after a usage error. */
function usageOf(name: string, command: Command): string {
  return `${cliText('usageHeading')}\n  ${command.usage}\n${cliText('usageMore', name)}\n`;
}

/** Set when standard output or standard error is gone (EPIPE: `validate … | head -1`). */
const broken = { out: false, err: false };
/** Set when standard output failed for another reason (a full disk): then the exit status is 2. */
let outputFailed = false;

const processIo: RunIo = {
  out: (text) => void (broken.out || process.stdout.write(text)),
  err: (text) => void (broken.err || process.stderr.write(text)),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
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
      processIo.err(`canvas-as-code: ${cliText('cannotWriteOutput', visibleText(error?.message ?? String(error)))}\n`);
    });
  guard(process.stdout, 'out');
  guard(process.stderr, 'err');
}

/**
 * Runs one command: its exit status, or a promise of it when validate runs on worker threads
 * (--jobs, or many files). `threads: false` validates in this thread whatever --jobs says.
 */
export function run(argv: readonly string[], io: RunIo = processIo, threads = true): number | Promise<number> {
  // The language first (--locale, else LC_ALL / LC_MESSAGES / LANG): every text below is in it.
  const located = takeLocaleOption(argv);
  useLanguage('locale' in located && located.locale !== undefined ? languageOf(located.locale) : languageFromEnv(io.env));
  if ('error' in located) {
    io.err(`canvas-as-code: ${cliText('localeNeedsValue')}\n`);
    return 2;
  }
  const [name, ...rest] = located.argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0]) ? COMMANDS[rest[0]] : undefined;
    (name === undefined ? io.err : io.out)(topic ? topic.help : overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    const unknown = cliText(name.startsWith('-') ? 'unknownOption' : 'unknownCommand', visibleText(name));
    io.err(`canvas-as-code: ${unknown}\n\n${overview()}`);
    return 2;
  }
  const command = COMMANDS[name];
  const options = { ...COMMON_OPTIONS, ...command.options };
  if (asksFor(rest, 'help', options)) {
    io.out(command.help);
    return 0;
  }
  if (asksFor(rest, 'version', options)) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const status = command.run(rest, io, threads);
  if (typeof status === 'object' && 'error' in status) {
    io.err(`canvas-as-code: ${status.error}\n${status.bare ? '' : `\n${usageOf(name, command)}`}`);
    return 2;
  }
  return status;
}

/**
 * Runs one command and returns its exit status. With an Io of its own, validate runs in this
 * thread whatever --jobs says (the output is the same; {@link run} uses threads). With the
 * process's Io, as bin/canvas-as-code.js calls it (setting process.exitCode to what this returns),
 * validate may run on worker threads: the status is then known only later, so this returns 0 for
 * now and sets process.exitCode itself when the run ends (Node waits for the workers).
 */
export function main(argv: readonly string[], io: RunIo = processIo): number {
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
