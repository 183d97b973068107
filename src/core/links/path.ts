/**
 * Where a `business-model:` path leads. Paths here are host paths written with "/" (a file system
 * path on POSIX, a URI's path in the editor; the CLI turns Windows separators into "/"), so the
 * core decides what is refused without any file system: the host only reads what is accepted.
 */
import type { LinkMessageId } from './messages';

export type LinkPath = { path: string } | { problem: LinkMessageId; args: string[] };

/** Control, line-separator and bidi characters: never part of a path anyone meant to write. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;
const DRIVE = /^[a-z]:/i;
/** A URI scheme of two letters or more (one letter followed by ":" is a Windows drive). */
const SCHEME = /^[a-z][a-z0-9+.-]+:/i;
const CANVAS_NAME = /\.canvas\.ya?ml$/i;

/** The folder of a path ("/a/b/c.yaml" -> "/a/b"). */
export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? (slash === 0 ? '/' : '') : path.slice(0, slash);
}

function trimSlashes(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** True when `path` is `root` or lies inside it. */
export function isInside(path: string, root: string): boolean {
  const r = trimSlashes(root);
  return path === r || path.startsWith(r.endsWith('/') ? r : `${r}/`);
}

/**
 * The file `written` names, relative to the folder of `fromFile`, or why it is refused: empty, a
 * URL, absolute (`/`, `\`, `~`, a drive letter, `//server`), with a control character or a
 * backslash, a name that is not `*.canvas.yaml`/`*.canvas.yml`, or leading out of `root` (the
 * workspace or project root). `..` is allowed while it stays inside the root.
 */
export function resolveLinkPath(written: string, fromFile: string, root: string): LinkPath {
  const value = written.trim();
  if (!value) return { problem: 'empty', args: [] };
  const control = CONTROL.exec(value);
  if (control) return { problem: 'control', args: [`U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`] };
  if (SCHEME.test(value)) return { problem: 'url', args: [value] };
  if (value.startsWith('/') || value.startsWith('\\') || value.startsWith('~') || DRIVE.test(value)) return { problem: 'absolute', args: [value] };
  if (value.includes('\\')) return { problem: 'backslash', args: [value] };
  if (!CANVAS_NAME.test(value)) return { problem: 'notCanvasName', args: [value] };
  const folder = dirnameOf(fromFile);
  // '/' splits into two empty segments; the file system's top is one ('' joined back gives '/').
  const parts = folder === '/' ? [''] : folder.split('/');
  // The root's own segments can never be climbed out of, whatever the file's folder says.
  const rootPath = trimSlashes(root);
  const floor = rootPath === '/' ? 1 : rootPath.split('/').length;
  for (const segment of value.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length <= floor) return { problem: 'outside', args: [value] };
      parts.pop();
    } else parts.push(segment);
  }
  const path = parts.join('/');
  if (!isInside(path, rootPath) || path === rootPath) return { problem: 'outside', args: [value] };
  return { path };
}
