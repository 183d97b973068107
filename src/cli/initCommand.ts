import { randomBytes } from 'node:crypto';
import { cliText } from './messages';
import { closeSync, fsyncSync, linkSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { STARTER_KINDS, starterCanvas } from '../core/starter';
import { visibleText } from '../core/visibleText';
import type { Io } from './validateCommand';
import { COMMON_OPTIONS, parseCommandArgs, shown, stringValue } from './args';
import type { OptionSpecs } from './args';
import { fillTemplate, translate } from '../core/l10n';
import { CLI_HELP_MESSAGES } from './helpTexts';

const DEFAULT_KIND = STARTER_KINDS[0] ?? 'business-model';
const EXTENSIONS = ['.canvas.yaml', '.canvas.yml'];

/** The usage line (without "Usage:"). */
export const INIT_USAGE = 'canvas-as-code init [--kind KIND] [--title TITLE] [FILE]';

/** The --help text, in the language installed (CLI_HELP_MESSAGES, helpTexts.ts). */
export function initHelp(): string {
  return translate(CLI_HELP_MESSAGES.initHelp, [INIT_USAGE, STARTER_KINDS.join(', '), DEFAULT_KIND]);
}

/** The same in English. */
export const INIT_HELP = fillTemplate(CLI_HELP_MESSAGES.initHelp, [INIT_USAGE, STARTER_KINDS.join(', '), DEFAULT_KIND]);

export interface InitArgs {
  kind: string;
  title?: string;
  file: string;
}

export const INIT_OPTIONS = {
  kind: { type: 'string' },
  title: { type: 'string' },
} as const satisfies OptionSpecs;

/** `init [--kind K] [--title T] [FILE]`. */
export function parseInitArgs(argv: readonly string[]): InitArgs | { error: string } {
  const parsed = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...INIT_OPTIONS });
  if ('error' in parsed) return parsed;
  const kind = stringValue(parsed, 'kind') ?? DEFAULT_KIND;
  const title = stringValue(parsed, 'title');
  const { positionals } = parsed;
  if (!STARTER_KINDS.includes(kind)) return { error: cliText('initUnknownKind', shown(kind), STARTER_KINDS.join(', ')) };
  if (title !== undefined && title.trim() === '') return { error: cliText('initBlankTitle') };
  if (positionals.length > 1) return { error: cliText('initOneFile', positionals.length, positionals.map((p) => shown(p)).join(' ')) };
  const file = positionals[0] ?? `${kind}${EXTENSIONS[0]}`;
  if (file !== '-') {
    if (file.endsWith('/') || file.endsWith(sep)) return { error: cliText('namesDirectory', shown(file)) };
    const name = basename(file);
    const extension = EXTENSIONS.find((e) => name.endsWith(e));
    if (!extension) return { error: cliText('notCanvasName', shown(file)) };
    if (name.length === extension.length) return { error: cliText('needsNameBefore', shown(file), extension) };
  }
  return { kind, title, file };
}

/**
 * Creates `path` holding `data`, or throws (EEXIST when something is there). Never a half-written
 * file: the data is written and synced under a temporary name in the same directory, then given
 * its name with link(), which fails rather than replace an existing file. Where hard links are
 * not supported, an exclusive create (`wx`), removed again if the write fails.
 */
export function createFileExclusively(path: string, data: string): void {
  const bytes = Buffer.from(data, 'utf8');
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  writeNew(temp, bytes);
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    writeNew(path, bytes);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
}

/** Writes a file that must not exist yet; on failure removes what it created. */
function writeNew(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
    throw error;
  }
  closeSync(fd);
}

/** `init [--kind K] [--title T] [file]`: 0 when written, 2 on bad usage or when the file cannot be created. */
export function runInit(args: InitArgs, io: Io): number | { error: string; bare: true } {
  const text = starterCanvas(args.kind, { title: args.title });
  if (args.file === '-') {
    io.out(text);
    return 0;
  }
  const shown = visibleText(args.file);
  try {
    createFileExclusively(resolve(io.cwd, args.file), text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EEXIST'
        ? cliText('initNeverOverwrites', shown)
        : code === 'ENOENT'
          ? cliText('cannotCreate', shown, cliText('noSuchDirectory'))
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? cliText('cannotCreate', shown, cliText('permissionDenied'))
            : cliText('cannotCreate', shown, visibleText((error as Error).message));
    return { error: reason, bare: true };
  }
  io.out(`${cliText('created', shown)}\n`);
  return 0;
}
