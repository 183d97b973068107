import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { BigIntStats, Stats } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/**
 * Writes `data` to `target` atomically: readers (and a crash) see either the old file or the whole
 * new one, never half of it.
 *
 * - The data goes to a new temporary file in the target's directory (same file system, so the
 *   rename is atomic), named `.<name>.<pid>.<random>.tmp` and created exclusively (`wx`: never an
 *   existing file or a symlink planted under that name). It is fsynced, then renamed over the
 *   target, then the directory is fsynced where the platform allows it.
 * - On any failure the temporary file is removed and the target is left as it was; the error is
 *   thrown to the caller.
 * - A target that already exists keeps its permission bits (a file made read-only for others stays
 *   so; owner and group are those of the writer, as with any new file). A new target gets the
 *   usual 0666 minus the umask.
 * - A target that is a symlink is written through: the file it points to is replaced and the link
 *   kept, as the shell's `>` would do. A dangling link is an error.
 * - A target with other hard links is replaced by a new file: the other names keep the old content
 *   (the price of never writing in place).
 * - A directory (or a name ending in a path separator) is refused.
 */
export function writeOutputAtomically(target: string, data: string | Uint8Array): void {
  if (target.endsWith('/') || target.endsWith(sep)) throw new Error(`${target} names a directory, not a file`);
  let path = target;
  let existing: Stats | undefined;
  try {
    existing = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing?.isSymbolicLink()) {
    try {
      path = realpathSync(target);
    } catch (error) {
      throw new Error(`${target} is a symlink to nothing (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    existing = statSync(path);
  }
  if (existing?.isDirectory()) throw new Error(`${target} is a directory`);
  if (existing && !existing.isFile()) throw new Error(`${target} is not a regular file`);

  const directory = dirname(path);
  const temp = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined = openSync(temp, 'wx', 0o666);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    if (existing) fchmodSync(fd, existing.mode & 0o7777);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // already gone (renamed, or never written)
    }
    throw error;
  }
  syncDirectory(directory);
}

/** Makes the rename itself durable. Best effort: Windows cannot open a directory for fsync. */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here: the data itself is already synced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether `output` names the same file as `input` by any path: the same real path (`./`, `..`,
 * absolute, symlinks to it or to a folder above it), or the same device and inode (hard links).
 * False when either does not exist.
 */
export function isSameFile(input: string, output: string): boolean {
  let a: BigIntStats;
  let b: BigIntStats;
  try {
    // BigInt: inode numbers above 2^53 would otherwise compare equal when they are not.
    a = statSync(input, { bigint: true });
    b = statSync(output, { bigint: true });
  } catch {
    return false;
  }
  if (a.ino !== 0n && a.dev === b.dev && a.ino === b.ino) return true;
  try {
    return realpathSync.native(input) === realpathSync.native(output);
  } catch {
    return false;
  }
}
