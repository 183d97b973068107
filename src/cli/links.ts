/**
 * validate's side of links across files: a value-proposition canvas is checked against the
 * business model it names, read from disk once per run (per thread) however many canvases name
 * it, and validated once (core/links keeps the judged targets by text).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { checkLinks, isInside, LinkTargets } from '../core/links';
import type { LinkRead } from '../core/links';
import type { CanvasDiagnostic, SeverityOverrides } from '../core';
import type { ValidationResult } from '../core';
import { DEFAULT_MAX_FILE_SIZE_KB, readInputFile } from './readInput';

/** The files that mark a project's root: a link may not lead out of the folder holding one. */
export const ROOT_MARKERS = ['.git', '.canvas-as-code.yaml'] as const;

/** The workspace root of a run: the nearest ancestor of `cwd` (itself included) with a marker, else `cwd`. */
export function findLinkRoot(cwd: string): string {
  const start = resolve(cwd);
  for (let dir = start; ; ) {
    if (ROOT_MARKERS.some((marker) => existsSync(resolve(dir, marker)))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/** A native absolute path as the core's links see it: "/"-separated. */
export function linkPathOf(path: string): string {
  return sep === '\\' ? path.replace(/\\/g, '/') : path;
}

/** A core link path back to a native one. */
function nativePath(path: string): string {
  return sep === '\\' ? path.replace(/\//g, '\\') : path;
}

/**
 * Reads a linked file: a missing file, a folder, a file over the limit and a read error apart. A
 * path inside `root` that a symbolic link takes out of it is refused like a `..` that does.
 */
export function readLinked(path: string, maxFileSizeKB: number, root?: string): LinkRead {
  const native = nativePath(path);
  let size: number;
  try {
    if (root !== undefined && !isInside(linkPathOf(realpathSync(native)), linkPathOf(realpathSync(nativePath(root))))) return { problem: 'outside' };
    const stat = statSync(native);
    if (stat.isDirectory()) return { problem: 'directory' };
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'missing' };
    return { problem: 'unreadable', args: [String((error as Error)?.message ?? error)] };
  }
  if (maxFileSizeKB > 0 && size > maxFileSizeKB * 1024) return { problem: 'tooLarge', args: [String(Math.ceil(size / 1024)), String(maxFileSizeKB)] };
  const read = readInputFile(native, { maxFileSizeKB });
  return read.error !== undefined ? { problem: 'unreadable', args: [read.error] } : { text: read.text };
}

/** One run's links: its root, the files read so far, the judged targets. */
export class LinkSession {
  readonly root: string;
  private readonly reads = new Map<string, LinkRead>();
  private readonly targets = new LinkTargets();
  /** Paths read from disk, in order (tests check that each is read once). */
  readonly readLog: string[] = [];

  constructor(
    cwd: string,
    private readonly maxFileSizeKB = DEFAULT_MAX_FILE_SIZE_KB,
  ) {
    this.root = linkPathOf(findLinkRoot(cwd));
  }

  private readonly roots = new Map<string, string>();

  /**
   * The root for a canvas: the run's when the canvas is inside it, else the nearest folder above
   * the canvas with a marker (else the canvas's folder), so a canvas named from elsewhere keeps
   * its own links.
   */
  rootFor(file: string): string {
    if (isInside(file, this.root)) return this.root;
    const folder = dirname(file);
    let root = this.roots.get(folder);
    if (root === undefined) this.roots.set(folder, (root = linkPathOf(findLinkRoot(folder))));
    return root;
  }

  private readFrom(root: string) {
    return (path: string): LinkRead => {
      // By root too: whether a symbolic link leads out depends on the root.
      const key = `${root}\u0000${path}`;
      let read = this.reads.get(key);
      if (!read) {
        this.readLog.push(path);
        this.reads.set(key, (read = readLinked(path, this.maxFileSizeKB, root)));
      }
      return read;
    };
  }

  /**
   * The link diagnostics of the canvas at `file` (absolute) whose validation is `result`, merged
   * into its own diagnostics in file order. Canvases of other kinds come back as they are.
   */
  diagnose(file: string, result: ValidationResult, severities?: SeverityOverrides): CanvasDiagnostic[] {
    if (!result.model || result.model.kind !== 'value-proposition') return result.diagnostics;
    const path = linkPathOf(file);
    const root = this.rootFor(path);
    const { diagnostics } = checkLinks(result.model, { file: path, root, read: this.readFrom(root), targets: this.targets, severities });
    if (!diagnostics.length) return result.diagnostics;
    return [...result.diagnostics, ...diagnostics].sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
