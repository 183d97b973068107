/**
 * Reading a canvas from a file or from standard input, for every CLI command. Input is untrusted:
 *
 * - Only regular files are read. A file is opened with O_NONBLOCK and checked with fstat before any
 *   read, so a named pipe with no writer, a device (`/dev/zero`, a terminal) or a socket is refused
 *   at once ("not a regular file (a FIFO)") instead of hanging or reading forever. Standard input is
 *   read only when asked for (`-`).
 * - At most `maxFileSizeKB` KB is read (default {@link DEFAULT_MAX_FILE_SIZE_KB}, as the editor's
 *   `canvasAsCode.maxFileSizeKB`; 0 means no limit). Reads go in chunks and never ask for more
 *   than the limit plus one byte, so a file that grows while read, a /proc file whose size stat
 *   does not know, or an endless standard input stops at the limit.
 * - Text must be UTF-8 (a BOM is dropped: it is not part of the text an editor shows, so columns
 *   are counted without it), or UTF-16 with a byte order mark (decoded). UTF-32, invalid UTF-8 and
 *   NUL bytes are refused with an encoding message, never parsed as garbage.
 * - A lone CR line break becomes LF. YAML reads CR, LF and CRLF alike as line breaks, but the parser
 *   and the line index know only LF and CRLF: a file saved with lone CRs would read as one long
 *   line. The replacement keeps every offset, so positions are the same as in the LF file.
 *
 * Failures come back as a reason (`no such file or directory`, `file too large (…)`), never as an
 * exception; the caller names the file (escaped with visibleText) and exits 2.
 */
import { cliText } from './messages';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { visibleText } from '../core/visibleText';

/** The default of --max-file-size, in KB: the same as the editor's canvasAsCode.maxFileSizeKB. */
export const DEFAULT_MAX_FILE_SIZE_KB = 4096;

/** How standard input is named in output, as `-` is given on the command line. */
export const STDIN_NAME = '<stdin>';

export interface ReadOptions {
  /** Refuse input larger than this many KB (1 KB = 1024 bytes); 0: no limit. */
  maxFileSizeKB?: number;
  /** The option that sets the limit, named in the "file too large" reason. */
  limitOption?: string;
}

/** The text read (decoded, BOM dropped, lone CRs made LF), or why there is none. */
export type ReadResult = { text: string; error?: undefined } | { text?: undefined; error: string };

/** Reads chunks of at most this many bytes. */
const CHUNK = 1024 * 1024;

function limitBytes(options: ReadOptions): number {
  const kb = options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  return kb > 0 ? kb * 1024 : Infinity;
}

function tooLarge(bytes: number | undefined, options: ReadOptions): string {
  const limit = options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  const option = options.limitOption ?? '--max-file-size';
  return bytes === undefined
    ? cliText('fileTooLargeUnknown', limit, option)
    : cliText('fileTooLarge', Math.ceil(bytes / 1024), limit, option);
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return cliText('aDirectory');
  if (stat.isFIFO()) return cliText('aFifo');
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return cliText('aDevice');
  if (stat.isSocket()) return cliText('aSocket');
  return cliText('notAFile');
}

// Translated when asked (the language is known only once the arguments are read).
const REASONS: Readonly<Record<string, () => string>> = {
  ENOENT: () => cliText('noSuchFile'),
  EACCES: () => cliText('permissionDenied'),
  EPERM: () => cliText('permissionDenied'),
  ELOOP: () => cliText('symlinkLoop'),
  EISDIR: () => cliText('notRegularFile', cliText('aDirectory')),
  ENOTDIR: () => cliText('pathPartNotDirectory'),
  ENAMETOOLONG: () => cliText('nameTooLong'),
  EIO: () => cliText('ioError'),
  EBADF: () => cliText('badFileDescriptor'),
};

/** Why a read failed, in a few words without the path (the caller names the file, escaped). */
export function readErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return cliText('noSuchFile');
  if (code === 'EACCES' || code === 'EPERM') return cliText('permissionDenied');
  if (code && Object.hasOwn(REASONS, code)) return REASONS[code]();
  const message = String((error as Error | undefined)?.message ?? error);
  // libuv's "EXYZ: what happened, open '/the/path'": keep what happened.
  return message.replace(/^E[A-Z]+: /, '').replace(/, \w+ '[^]*'$/, '') || cliText('unknownError');
}

/** Blocks this thread for a moment (standard input that is not ready yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads `fd` to its end, or until more than `limit` bytes have come (then `undefined`: too large).
 * Asks for at most limit + 1 bytes in all. A descriptor in non-blocking mode (standard input
 * sometimes is) is waited on.
 */
function readCapped(fd: number, limit: number, sizeHint: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(CHUNK, Math.max(sizeHint - total + 1, 64 * 1024), limit + 1 - total);
    const buffer = Buffer.allocUnsafe(want);
    let read: number;
    try {
      read = readSync(fd, buffer, 0, want, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(10);
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    chunks.push(read === want ? buffer : buffer.subarray(0, read));
    total += read;
    if (total > limit) return undefined;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** Reads one canvas file: only a regular file, at most the limit, decoded as {@link decodeText} does. */
export function readInputFile(path: string, options: ReadOptions = {}): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once (then fstat refuses it).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: readErrorReason(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { error: cliText('notRegularFile', kindOf(stat)) };
    const limit = limitBytes(options);
    if (stat.size > limit) return { error: tooLarge(stat.size, options) };
    const bytes = readCapped(fd, limit, stat.size);
    return bytes === undefined ? { error: tooLarge(undefined, options) } : decodeText(bytes);
  } catch (error) {
    return { error: readErrorReason(error) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do.
    }
  }
}

/**
 * Reads one canvas from standard input (or another open descriptor) to its end: a pipe, a file
 * redirected in, a terminal (until end of file). At most the limit, decoded as {@link decodeText}.
 */
export function readInputStream(fd = 0, options: ReadOptions = {}): ReadResult {
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: cliText('notRegularFile', cliText('aDirectory')) };
    const limit = limitBytes(options);
    if (stat.isFile() && stat.size > limit) return { error: tooLarge(stat.size, options) };
    const bytes = readCapped(fd, limit, stat.isFile() ? stat.size : 0);
    return bytes === undefined ? { error: tooLarge(undefined, options) } : decodeText(bytes);
  } catch (error) {
    return { error: readErrorReason(error) };
  }
}

/** The 1-based line of a byte offset (counting LF, CRLF and lone CR line breaks). */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let n: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

function notUtf8(detail: string): ReadResult {
  return { error: cliText('notUtf8', detail) };
}

/**
 * Decodes a canvas file's bytes: UTF-8 (a BOM dropped) or UTF-16 LE/BE with a byte order mark;
 * UTF-32, invalid UTF-8 and NUL characters are refused. Lone CR line breaks become LF. Throws only
 * when the text is too long for a JavaScript string (about 512 MB).
 */
export function decodeText(bytes: Uint8Array): ReadResult {
  const b = bytes;
  let text: string;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return notUtf8('UTF-32 little-endian; save it as UTF-8');
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return notUtf8('UTF-32 big-endian; save it as UTF-8');
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    const little = b[0] === 0xff;
    const body = Buffer.from(b.subarray(2));
    if (body.length % 2) return notUtf8(`UTF-16 ${little ? 'little' : 'big'}-endian with an odd number of bytes`);
    if (!little) body.swap16();
    try {
      text = UTF16LE.decode(body);
    } catch {
      return notUtf8(`UTF-16 ${little ? 'little' : 'big'}-endian with an unpaired surrogate`);
    }
    const nul = text.indexOf('\0');
    if (nul !== -1) return notUtf8(`UTF-16 with a NUL character at line ${text.slice(0, nul).split(/\r\n?|\n/).length}`);
  } else {
    const body = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
    const nul = body.indexOf(0);
    if (nul !== -1) {
      const hint = nul < 4 ? '; UTF-16 or UTF-32 without a byte order mark?' : '';
      return notUtf8(`a NUL byte at line ${lineOf(body, nul)}${hint}`);
    }
    try {
      text = UTF8.decode(body);
    } catch (error) {
      const at = firstInvalidUtf8(body);
      if (at === -1) throw error; // Valid, but too long for a string.
      const byte = body[at]?.toString(16).toUpperCase().padStart(2, '0');
      return notUtf8(`invalid UTF-8 byte 0x${byte} at line ${lineOf(body, at)}`);
    }
  }
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  return { text };
}

/** The value of `--max-file-size` (whole KB, 0 for no limit), or undefined when it is not one. */
export function parseMaxFileSize(value: string | undefined): number | undefined {
  if (value === undefined || !/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value) * 1024)) return undefined;
  return Number(value);
}

/** The usage error for a bad `--max-file-size` value (the value made visible by the caller). */
export const MAX_FILE_SIZE_USAGE = '--max-file-size must be a whole number of KB (0: no limit)';

/**
 * The `--max-file-size` value a command was given: undefined when left out (the caller picks the
 * default, or a configuration's), the limit in KB, or the usage error for a bad value.
 */
export function maxFileSizeArgument(value: string | undefined): number | undefined | { error: string } {
  if (value === undefined) return undefined;
  const kb = parseMaxFileSize(value);
  return kb === undefined ? { error: `${MAX_FILE_SIZE_USAGE}, got "${visibleText(value)}"` } : kb;
}

/**
 * Reads a canvas named on the command line (render's file, a diff side): `-` is standard input,
 * anything else a file relative to `cwd`, with the same limits and checks as validate.
 */
export function readNamedInput(name: string, cwd: string, options: ReadOptions & { stdin?: number } = {}): ReadResult {
  return name === '-' ? readInputStream(options.stdin ?? 0, options) : readInputFile(resolve(cwd, name), options);
}
