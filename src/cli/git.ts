import { spawnSync } from 'node:child_process';
import { cliText } from './messages';
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
  if (!path) return cliText('noPath');
  if (CONTROL.test(path)) return cliText('pathControlCharacters');
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
  if (resolved.error) return { error: cliText('cannotRunGit', resolved.error.message) };
  const commit = resolved.stdout.trim();
  if (resolved.status !== 0 || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit)) {
    const why = firstLine(resolved.stderr);
    return { error: why || cliText('notACommit', rev) };
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
    return { error: tooLarge ? cliText('atRevision', path, rev, cliText('fileTooLargeUnknown', kb, '--max-file-size')) : cliText('cannotRunGit', blob.error.message) };
  }
  if (blob.status !== 0) {
    const why = firstLine(blob.stderr.toString('utf8'));
    return { error: /does not exist|bad file|not a valid object/i.test(why) || !why ? cliText('noFileAtRevision', path, rev, commit.slice(0, 12)) : why };
  }
  const decoded = decodeText(blob.stdout);
  return decoded.error !== undefined ? { error: cliText('atRevision', path, rev, decoded.error) } : { text: decoded.text };
}

// ---------------------------------------------------------------------------------------------
// review: the repository, its commits and what changed between two of them. Only commit ids (40
// or 64 hexadecimal digits, resolved by rev-parse) reach git after the user's revision is checked.

const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function git(cwd: string, args: readonly string[]): { ok: true; stdout: string } | { ok: false; error: string } {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_UNLIMITED_BYTES });
  if (run.error) return { ok: false, error: cliText('cannotRunGit', run.error.message) };
  if (run.status !== 0) return { ok: false, error: firstLine(run.stderr) || cliText('gitFailed', args[0]) };
  return { ok: true, stdout: run.stdout };
}

/** The root of the git work tree `cwd` is in, or why there is none (not a repository, no git). */
export function repositoryRoot(cwd: string): { root: string } | { error: string } {
  const run = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!run.ok) return { error: /not a git repository/i.test(run.error) ? cliText('notGitRepository', cwd) : run.error };
  const root = run.stdout.replace(/\n$/, '');
  return root ? { root } : { error: cliText('notInWorkTree', cwd) };
}

/** The commit id `rev` names (checked with {@link revisionProblem} first), or why it names none. */
export function resolveCommit(cwd: string, rev: string): { commit: string } | { error: string } {
  const bad = revisionProblem(rev);
  if (bad) return { error: bad };
  const run = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error) return { error: cliText('cannotRunGit', run.error.message) };
  const commit = run.stdout.trim();
  if (run.status !== 0 || !COMMIT_ID.test(commit)) return { error: firstLine(run.stderr) || cliText('notACommit', rev) };
  return { commit };
}

/** The best common ancestor of two commit ids, or undefined when they have none. */
export function mergeBase(cwd: string, a: string, b: string): string | undefined {
  if (!COMMIT_ID.test(a) || !COMMIT_ID.test(b)) return undefined;
  const run = git(cwd, ['merge-base', a, b]);
  const id = run.ok ? run.stdout.trim() : '';
  return COMMIT_ID.test(id) ? id : undefined;
}

/** One file changed between two trees, as `git diff --raw -z` reports it (paths from the repository root). */
export interface ChangedFile {
  /** A added, D deleted, M modified, T type changed, R renamed, C copied, U unmerged. */
  status: 'A' | 'C' | 'D' | 'M' | 'R' | 'T' | 'U' | 'X';
  /** The path at the old side (the source of a rename or copy; the path itself otherwise). */
  oldPath: string;
  path: string;
  oldMode: string;
  newMode: string;
  /** Blob ids; all zeros for a side that is absent or (new side) not yet hashed in the work tree. */
  oldBlob: string;
  newBlob: string;
}

/** Parses `git diff --raw -z --no-abbrev` output: `:modes ids STATUS\0path\0` (two paths for R and C). */
export function parseRawDiff(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const meta = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([ACDMRTUX])\d*$/.exec(fields[i]);
    if (!meta) {
      i++;
      continue;
    }
    const [, oldMode, newMode, oldBlob, newBlob, letter] = meta;
    const status = letter as ChangedFile['status'];
    const twoPaths = status === 'R' || status === 'C';
    const oldPath = fields[i + 1] ?? '';
    const path = twoPaths ? fields[i + 2] ?? '' : oldPath;
    files.push({ status, oldPath, path, oldMode, newMode, oldBlob, newBlob });
    i += twoPaths ? 3 : 2;
  }
  return files;
}

/**
 * Every file changed from commit `base` to commit `head`, or to the work tree when `head` is
 * undefined (tracked files only: see {@link untrackedFiles}), renames and copies found (-M -C).
 */
export function changedFiles(cwd: string, base: string, head?: string): { files: ChangedFile[] } | { error: string } {
  if (!COMMIT_ID.test(base) || (head !== undefined && !COMMIT_ID.test(head))) return { error: 'changedFiles takes commit ids' };
  const run = git(cwd, ['-c', 'core.quotePath=false', 'diff', '--raw', '-z', '--no-abbrev', '--no-ext-diff', '--no-textconv', '-M', '-C', '--end-of-options', base, ...(head ? [head] : []), '--']);
  return run.ok ? { files: parseRawDiff(run.stdout) } : { error: run.error };
}

/** Files in the work tree git does not track and does not ignore, from the repository root. */
export function untrackedFiles(root: string): { files: string[] } | { error: string } {
  const run = git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name']);
  return run.ok ? { files: run.stdout.split('\0').filter((f) => f !== '') } : { error: run.error };
}

/** The text of blob `id`, capped and decoded as {@link readAtRevision} does (no path reaches git). */
export function readBlob(cwd: string, id: string, limits: ReadOptions = {}): { text: string } | { error: string } {
  if (!COMMIT_ID.test(id)) return { error: cliText('notABlobId', id) };
  const kb = limits.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  const blob = spawnSync('git', ['cat-file', 'blob', id], { cwd, maxBuffer: kb > 0 ? kb * 1024 : MAX_UNLIMITED_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
  if (blob.error) {
    const tooLarge = (blob.error as NodeJS.ErrnoException).code === 'ENOBUFS';
    return { error: tooLarge ? cliText('fileTooLargeUnknown', kb, '--max-file-size') : cliText('cannotRunGit', blob.error.message) };
  }
  if (blob.status !== 0) return { error: firstLine(blob.stderr.toString('utf8')) || cliText('noBlob', id.slice(0, 12)) };
  const decoded = decodeText(blob.stdout);
  return decoded.error !== undefined ? { error: decoded.error } : { text: decoded.text };
}

/** What {@link readFilesAt} found at a path of a commit (the shape core/links reads). */
export type FileAtCommit = { text: string } | { problem: 'missing' | 'directory' | 'tooLarge' | 'unreadable'; args?: string[] };

const OBJECT_LINE = /^([0-9a-f]{40}|[0-9a-f]{64}) (\w+) (\d+)$/;

/**
 * The files at `paths` (from the repository root) in commit `commit`: one `git cat-file
 * --batch-check` tells blobs, folders (trees) and missing paths apart and gives the sizes, one
 * `git cat-file --batch` reads the blobs under the size limit. The paths go to git on standard
 * input, one `<commit id>:<path>` a line, never as arguments; a path with a control character
 * (a line break would split the line) or that starts with "/" or "." is not asked for.
 */
export function readFilesAt(cwd: string, commit: string, paths: readonly string[], limits: ReadOptions = {}): Map<string, FileAtCommit> {
  const found = new Map<string, FileAtCommit>();
  const asked = [...new Set(paths)].filter((path) => {
    const bad = !COMMIT_ID.test(commit) ? cliText('notACommitId') : pathProblem(path) ?? (/^[/.]/.test(path) ? cliText('notRootPath') : undefined);
    if (bad) found.set(path, { problem: 'unreadable', args: [bad] });
    return !bad;
  });
  if (!asked.length) return found;
  const check = spawnSync('git', ['cat-file', '--batch-check'], { cwd, input: asked.map((p) => `${commit}:${p}\n`).join(''), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: MAX_UNLIMITED_BYTES });
  const failed = check.error ? cliText('cannotRunGit', check.error.message) : check.status !== 0 ? firstLine(check.stderr) || cliText('gitFailed', 'cat-file') : undefined;
  if (failed) {
    for (const path of asked) found.set(path, { problem: 'unreadable', args: [failed] });
    return found;
  }
  const kb = limits.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  const blobs: { path: string; id: string; size: number }[] = [];
  check.stdout.split('\n').slice(0, asked.length).forEach((line, i) => {
    const path = asked[i];
    const object = OBJECT_LINE.exec(line);
    if (!object) found.set(path, { problem: 'missing' });
    else if (object[2] === 'tree') found.set(path, { problem: 'directory' });
    else if (object[2] !== 'blob') found.set(path, { problem: 'unreadable', args: [cliText('gitObjectNotFile', object[2])] });
    else if (kb > 0 && Number(object[3]) > kb * 1024) found.set(path, { problem: 'tooLarge', args: [String(Math.ceil(Number(object[3]) / 1024)), String(kb)] });
    else blobs.push({ path, id: object[1], size: Number(object[3]) });
  });
  if (!blobs.length) return found;
  const total = blobs.reduce((sum, b) => sum + b.size + 100, 0);
  const batch = spawnSync('git', ['cat-file', '--batch'], { cwd, input: blobs.map((b) => `${b.id}\n`).join(''), stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: total + 1024 });
  const out = batch.status === 0 && !batch.error ? batch.stdout : Buffer.alloc(0);
  let at = 0;
  for (const blob of blobs) {
    // Each answer: "<id> blob <size>\n", the bytes, "\n"; the sizes are known already.
    const header = out.indexOf(0x0a, at);
    const object = header < 0 ? null : OBJECT_LINE.exec(out.toString('utf8', at, header));
    if (!object || object[1] !== blob.id) {
      found.set(blob.path, { problem: 'unreadable', args: [batch.error ? cliText('cannotRunGit', batch.error.message) : cliText('gitFailed', 'cat-file')] });
      continue;
    }
    const bytes = out.subarray(header + 1, header + 1 + Number(object[3]));
    at = header + 1 + bytes.length + 1;
    const decoded = decodeText(bytes);
    found.set(blob.path, decoded.error !== undefined ? { problem: 'unreadable', args: [decoded.error] } : { text: decoded.text });
  }
  return found;
}

/**
 * The files of commit `commit` named `*.canvas.yaml` or `*.canvas.yml` with a line matching
 * `pattern` (an extended regular expression), from the repository root, at most `limit` of them
 * (sorted); or why they could not be listed. `git grep` reads the commit, not the work tree. The
 * pattern goes after -e and the commit is an id (git grep takes no --end-of-options before it).
 */
export function grepCanvasesAt(cwd: string, commit: string, pattern: string, limit: number): { files: string[]; more: boolean } | { error: string } {
  if (!COMMIT_ID.test(commit)) return { error: 'grepCanvasesAt takes a commit id' };
  const run = spawnSync('git', ['-c', 'core.quotePath=false', 'grep', '-l', '-z', '-I', '--no-color', '-E', '-e', pattern, commit, '--', ':(icase)*.canvas.yaml', ':(icase)*.canvas.yml'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: MAX_UNLIMITED_BYTES,
  });
  if (run.error) return { error: cliText('cannotRunGit', run.error.message) };
  // Exit 1: nothing matched.
  if (run.status === 1 && !run.stderr) return { files: [], more: false };
  if (run.status !== 0) return { error: firstLine(run.stderr) || cliText('gitFailed', 'grep') };
  const prefix = `${commit}:`;
  const files = run.stdout
    .split('\0')
    .filter((f) => f.startsWith(prefix))
    .map((f) => f.slice(prefix.length))
    .sort();
  return { files: files.slice(0, limit), more: files.length > limit };
}
