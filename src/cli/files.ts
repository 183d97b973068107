import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

const CANVAS_FILE = /\.canvas\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** Converts a glob (`*`, `**`, `?`, `{a,b}`) to a regular expression over /-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) source += '\\{';
      else {
        source += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
        i = close;
      }
    } else source += escape(c);
  }
  return new RegExp('^' + source + '$');
}

function escape(text: string): string {
  return text.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
}

function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/** Every file under a directory (as written by the user), skipping dependency and build folders. */
function* walk(dir: string, cwd: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(resolve(cwd, dir), { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* walk(full, cwd);
    } else if (entry.isFile()) yield full;
  }
}

export interface Expansion {
  files: string[];
  /** Arguments that named nothing: a missing file, or a glob without a match. */
  unmatched: string[];
}

/**
 * Expands the CLI's file arguments: a file is taken as is, a directory yields its canvas files,
 * a glob is matched against the files under its literal prefix. Order is stable, duplicates dropped.
 */
export function expandArguments(args: readonly string[], cwd = process.cwd()): Expansion {
  const seen = new Set<string>();
  const files: string[] = [];
  const unmatched: string[] = [];
  let matched = 0;
  const add = (file: string) => {
    matched++;
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const arg of args) {
    matched = 0;
    const normalized = arg.split(sep).join('/');
    if (!isGlob(normalized)) {
      let stat;
      try {
        stat = statSync(resolve(cwd, arg));
      } catch {
        unmatched.push(arg);
        continue;
      }
      if (stat.isDirectory()) {
        for (const file of walk(arg, cwd)) if (CANVAS_FILE.test(file)) add(file);
      } else add(arg);
    } else {
      const firstMagic = normalized.search(/[*?{]/);
      const base = normalized.slice(0, normalized.lastIndexOf('/', firstMagic) + 1) || '.';
      const matcher = globToRegExp(normalized.replace(/^\.\//, ''));
      for (const file of walk(base, cwd)) {
        if (matcher.test(file.split(sep).join('/').replace(/^\.\//, ''))) add(file);
      }
    }
    if (matched === 0 && !unmatched.includes(arg)) unmatched.push(arg);
  }
  return { files, unmatched };
}
