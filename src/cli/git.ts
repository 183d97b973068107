import { spawnSync } from 'node:child_process';
import { decodeText, DEFAULT_MAX_FILE_SIZE_KB } from './readInput';
import type { ReadOptions } from './readInput';
import { formatTemplate } from '../core/messages';
import { revisionProblem as revisionProblemOf } from '../core/gitRevision';

/**
 * Every git call of the CLI. User text (a revision, a path) never reaches git as an option or as
 * anything but a single revision: {@link revisionProblem} rejects what is not one revision, the
 * revision is resolved to a commit id with `git rev-parse --verify --end-of-options REV^{commit}`,
 * and the file is read with `git cat-file --end-of-options blob <commit id>:<path>`, an argument
 * that starts with the hexadecimal id and so cannot be an option even without the marker.
 * `--end-of-options` needs git 2.24 or later (rev-parse and cat-file both honour it).
 */


/** With --max-file-size 0 (no limit), still less than a JavaScript string can hold. */
const MAX_UNLIMITED_BYTES = 256 * 1024 * 1024;

// C0 controls and DEL (newline and NUL included): never part of a revision we accept or of a path
// we pass on, since they could split a line of git's output or hide what is being read.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `rev` is not something this CLI passes to git as one revision, in English (see core/gitRevision). */
export function revisionProblem(rev: string): string | undefined {
  const problem = revisionProblemOf(rev);
  return problem && formatTemplate(problem.template, problem.args);
}

/** Why `path` cannot be read from a commit, or undefined when it can be passed to git. */
export function pathProblem(path: string): string | undefined {
  if (!path) return 'no path';
  if (CONTROL.test(path)) return 'a path cannot hold control characters or line breaks (NUL, newline, …)';
  return undefined;
}

function firstLine(stderr: string | undefined): string {
  return (stderr ?? '').trim().split('\n')[0].replace(/^(fatal|error): /, '');
}

/**
 * The text of `path` at revision `rev`, read with git in `cwd` (the path is taken from the root of
 * the repository, or from `cwd` when it starts with `./` or `../`, as `git show REV:path` does).
 * Errors are one line, quoting the revision and path as given: the caller makes them visible
 * (visibleText) before printing them.
 */
export function readAtRevision(cwd: string, rev: string, path: string, limits: ReadOptions = {}): { text: string } | { error: string } {
  const bad = revisionProblem(rev) ?? pathProblem(path);
  if (bad) return { error: bad };
  const resolved = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (resolved.error) return { error: `cannot run git: ${resolved.error.message}` };
  const commit = resolved.stdout.trim();
  if (resolved.status !== 0 || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit)) {
    const why = firstLine(resolved.stderr);
    return { error: why || `"${rev}" is not a commit (a branch, tag or commit id) of this repository` };
  }
  // Bytes, capped as a file is (--max-file-size), decoded as a file is (UTF-8 or UTF-16 with a BOM).
  const kb = limits.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  const blob = spawnSync('git', ['cat-file', '--end-of-options', 'blob', `${commit}:${path}`], {
    cwd,
    maxBuffer: kb > 0 ? kb * 1024 : MAX_UNLIMITED_BYTES,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (blob.error) {
    const tooLarge = (blob.error as NodeJS.ErrnoException).code === 'ENOBUFS';
    return { error: tooLarge ? `"${path}" at ${rev}: file too large (more than the limit of ${kb} KB, --max-file-size)` : `cannot run git: ${blob.error.message}` };
  }
  if (blob.status !== 0) {
    const why = firstLine(blob.stderr.toString('utf8'));
    return { error: /does not exist|bad file|not a valid object/i.test(why) || !why ? `no file "${path}" at ${rev} (${commit.slice(0, 12)})` : why };
  }
  const decoded = decodeText(blob.stdout);
  return decoded.error !== undefined ? { error: `"${path}" at ${rev}: ${decoded.error}` } : { text: decoded.text };
}
