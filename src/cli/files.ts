// What `validate`'s file arguments mean. Every argument is handled on its own, in order:
//
// - **An existing path is taken literally**, even when its name holds glob characters (`{`, `*`,
//   `?`, `[`): a file is checked as is (whatever its name), a directory is walked (below). A
//   symlink is followed. Anything else named explicitly (a FIFO, a socket, a device) is an error
//   ("not a regular file"), and so is a symlink loop, a broken symlink or a path that cannot be
//   read: such an argument is never opened and never silently dropped.
// - **Otherwise, an argument with glob syntax is a glob**, matched by picomatch against the files
//   under its literal base directory (`examples/**` → `examples`; `C:\x\*.canvas.yaml` on Windows →
//   `C:/x`). Syntax: `*`, `?`, `**` (any depth, including none), `{a,b}`, `{1..3}`, `[abc]`,
//   `[!abc]`, `[[:alpha:]]`, extglobs `@(a|b)`, `!(a)`, `+(a)`… As in a shell (bash without
//   `dotglob`) and in ESLint, `*`, `?` and `**` never match a name that starts with a dot: write the
//   dot (`.github/*.canvas.yaml`, `**/.drafts/*.canvas.yaml`) to reach hidden files and folders. A
//   leading `!` negates nothing (it is a literal character); `\` escapes on POSIX, and is a path
//   separator on Windows (write `[*]` there for a literal star). A glob matches files only, of any
//   name (`examples/*` includes a README); a directory it matches is not walked (write `dir/**`).
// - **Walking a directory** (one named explicitly, or a glob's base) yields the `*.canvas.yaml` and
//   `*.canvas.yml` files under it (for a glob, the files its pattern matches), following symlinked
//   files and directories. While walking, and only then, folders named `node_modules`, `.git` and
//   `.vscode-test` (dependencies, repository internals, and the VS Code builds that extension tests
//   download) are skipped; a path or a glob that names one (`node_modules/pkg/*.canvas.yaml`,
//   `'**/node_modules/*.canvas.yaml'`) reaches it. `dist` and `out` are not skipped. Each real
//   directory is walked once, so a symlink back to a parent cannot loop, however the links are
//   laid out. FIFOs, sockets and devices met while walking are skipped (never opened); a symlink
//   loop or a broken symlink that looks like a canvas (or matches the glob), and a folder that
//   cannot be read, are errors.
// - **An argument that yields no file** (a missing path, a directory without canvases, a glob
//   without a match, an empty string) is listed in `unmatched`: the CLI exits 2 ("no canvas files
//   matched …"), never green on nothing.
//
// Files are listed in argument order; an argument's files are sorted by name, directory by
// directory (code-unit order, whatever the locale). A file named explicitly is printed exactly as
// given; one found under a directory or a glob's base is printed as that path joined with the rest
// (relative stays relative, `./` and doubled slashes are normalised, native separators). A path
// yielded twice (`a.canvas.yaml ./a.canvas.yaml`) is listed once.
// Nothing here throws, whatever the argument (empty, `/`, newlines, NUL).
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { cliText } from './messages';

const CANVAS_FILE = /\.canvas\.ya?ml$/i;
/** Folders skipped while walking, unless the user's pattern names them. */
export const DEFAULT_IGNORES: readonly string[] = ['node_modules', '.git', '.vscode-test'];

export interface ExpansionError {
  /** The argument it came from, as given. */
  arg: string;
  /** The path at fault, as the user would write it (the argument itself, or a path found under it). */
  path: string;
  message: string;
}

export interface Expansion {
  files: string[];
  /** Arguments that yielded no file: a missing path, an empty directory, a glob without a match. */
  unmatched: string[];
  /** Paths that could not be taken: not a regular file, a symlink loop, unreadable. */
  errors: ExpansionError[];
}

export interface ExpandOptions {
  /** Backslash is a path separator, not an escape (default: on Windows). */
  windows?: boolean;
  /**
   * Whether a file found by walking a directory or a glob's base is left out (the configuration
   * file's `ignore`, see config.ts); given the path as it would be listed. A file named explicitly
   * is never asked about. A file left out still counts as a match (its argument is not "unmatched").
   */
  ignored?: (file: string) => boolean;
}

/** A glob's literal base directory (as written, '' for none) and the pattern relative to it. */
export interface GlobParts {
  base: string;
  glob: string;
}

/** Most values a brace range (`{1..20}`) may stand for, as a shell would expand it. */
export const MAX_RANGE_VALUES = 10_000;

/**
 * A brace range as bash expands it: `{1..12}`, `{01..12}` (zero-padded), `{10..1..3}`, `{a..f}`;
 * anything else (`{a..10}`) stays literal. (picomatch alone turns `{1..12}` into `[1-12]`.)
 */
function expandRange(...args: unknown[]): string {
  const [from, to, step] = args.filter((a): a is string => typeof a === 'string');
  const literal = () => `\\{${[from, to, step].filter((v) => v !== undefined).map(escapeRegExp).join('\\.\\.')}\\}`;
  if (from === undefined || to === undefined || (step !== undefined && !/^-?\d+$/.test(step))) return literal();
  const by = Math.abs(Number(step ?? 1)) || 1;
  const values: string[] = [];
  const numeric = /^-?\d+$/.test(from) && /^-?\d+$/.test(to);
  const letters = /^[A-Za-z]$/.test(from) && /^[A-Za-z]$/.test(to);
  if (!numeric && !letters) return literal();
  const a = numeric ? Number(from) : from.charCodeAt(0);
  const b = numeric ? Number(to) : to.charCodeAt(0);
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || Math.abs(b - a) / by >= MAX_RANGE_VALUES) {
    throw new Error(cliText('braceRangeTooLarge', `{${from}..${to}${step === undefined ? '' : `..${step}`}}`, MAX_RANGE_VALUES));
  }
  const padded = numeric && [from, to].some((v) => /^-?0\d/.test(v));
  const width = Math.max(from.replace('-', '').length, to.replace('-', '').length);
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? by : -by) {
    if (!numeric) values.push(String.fromCharCode(v));
    else if (padded) values.push((v < 0 ? '-' : '') + String(Math.abs(v)).padStart(width, '0'));
    else values.push(String(v));
  }
  return `(?:${values.map(escapeRegExp).join('|')})`;
}

const PICOMATCH_OPTIONS = { dot: false, nonegate: true, posix: true, literalBrackets: false, windows: false, expandRange } as const;

/**
 * Splits a glob into its literal base directory and the pattern below it; undefined when the
 * argument has no glob syntax. On Windows, backslashes are separators (`C:\x\*.y` → `C:/x`, `*.y`).
 */
export function splitGlob(arg: string, windows = process.platform === 'win32'): GlobParts | undefined {
  const pattern = windows ? arg.replace(/\\/g, '/') : arg;
  let scan;
  try {
    scan = picomatch.scan(pattern, PICOMATCH_OPTIONS);
  } catch {
    return undefined;
  }
  if (!scan.isGlob || scan.glob === '') return undefined;
  // `\*` in the base names a literal `*` (POSIX only: on Windows there are no escapes).
  const base = windows ? scan.base : scan.base.replace(/\\(.)/gs, '$1');
  return { base, glob: scan.glob };
}

/** A test of /-separated relative paths against a glob, with the options documented above. */
export function globMatcher(glob: string): (path: string) => boolean {
  return picomatch(glob, PICOMATCH_OPTIONS);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? ((error as { code?: unknown }).code as string | undefined) : undefined;
}

function describe(error: unknown, symlink = false): string {
  switch (errorCode(error)) {
    case 'ELOOP':
      return cliText('symlinkLoop');
    case 'ENOENT':
      return symlink ? cliText('brokenSymlink') : cliText('noSuchFile');
    case 'EACCES':
    case 'EPERM':
      return cliText('permissionDenied');
    case 'ENAMETOOLONG':
      return cliText('nameTooLong');
    case 'ENOTDIR':
      return cliText('notADirectory');
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return cliText('aFifo');
  if (stats.isSocket()) return cliText('aSocket');
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return cliText('aDevice');
  return cliText('neitherFileNorDirectory');
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a pattern writes this folder name as (part of) a segment, as in `x/node_modules/*`. */
function mentions(glob: string, name: string): boolean {
  return new RegExp(`(^|[/{,(|@!+*?])${escapeRegExp(name)}($|[/},)|])`).test(glob);
}

/** Whether a pattern can match a name that starts with a dot (it writes the dot itself). */
function reachesHidden(glob: string): boolean {
  return /(^|[/{,(|\\])\.|\[/.test(glob);
}

interface Walk {
  /** Whether a file (path relative to the walk's root, /-separated; its name) is taken. */
  wanted(rel: string, name: string): boolean;
  /** Whether to walk into a sub-folder at this depth (1 = a child of the root). */
  enter(rel: string, name: string, depth: number): boolean;
  found(path: string): void;
  error(path: string, message: string): void;
}

/**
 * Walks the directory `shown` (as the user wrote it; `abs` resolved), depth-first, entries sorted
 * by name. Each real directory is read once (loops and diamonds of symlinks cost nothing). Returns
 * the error that kept the root itself from being read, if any.
 */
function walk(shown: string, abs: string, w: Walk): unknown {
  const visited = new Set<string>();
  try {
    visited.add(realpathSync.native(abs));
  } catch {
    visited.add(abs);
  }
  const read = (dirAbs: string): Dirent[] => readdirSync(dirAbs, { withFileTypes: true }).sort(byName);
  let rootEntries: Dirent[];
  try {
    rootEntries = read(abs);
  } catch (error) {
    return error;
  }
  const visit = (entries: Dirent[], dirAbs: string, dirShown: string, rel: string, depth: number): void => {
    for (const entry of entries) {
      const name = entry.name;
      const childAbs = join(dirAbs, name);
      const childShown = join(dirShown, name);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let stats: Stats;
        try {
          stats = statSync(childAbs);
        } catch (error) {
          // A loop or a dangling link cannot hold anything; report it when it looks like a canvas.
          if (w.wanted(childRel, name)) w.error(childShown, describe(error, true));
          continue;
        }
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      }
      if (isDirectory) {
        if (!w.enter(childRel, name, depth + 1)) continue;
        let real: string;
        let children: Dirent[];
        try {
          real = realpathSync.native(childAbs);
          if (visited.has(real)) continue;
          visited.add(real);
          children = read(childAbs);
        } catch (error) {
          if (errorCode(error) !== 'ENOENT') w.error(childShown, cliText('cannotReadDirectory', describe(error))); // ENOENT: removed meanwhile
          continue;
        }
        visit(children, childAbs, childShown, childRel, depth + 1);
      } else if (isFile && w.wanted(childRel, name)) w.found(childShown);
      // FIFOs, sockets and devices: skipped, never opened.
    }
  };
  visit(rootEntries, abs, shown, '', 0);
  return undefined;
}

/**
 * Expands the CLI's file arguments into the files to check (see the comment at the top of this
 * file). Never throws.
 */
export function expandArguments(args: readonly string[], cwd = process.cwd(), options: ExpandOptions = {}): Expansion {
  const windows = options.windows ?? process.platform === 'win32';
  const seen = new Set<string>();
  const files: string[] = [];
  const unmatched: string[] = [];
  const errors: ExpansionError[] = [];
  for (const arg of args) {
    let matched = 0;
    let failed = false;
    const found = (file: string) => {
      matched++;
      const key = resolve(cwd, file);
      if (!seen.has(key)) {
        seen.add(key);
        files.push(file);
      }
    };
    const error = (path: string, message: string) => {
      failed = true;
      errors.push({ arg, path, message });
    };
    // Files found by walking: the configuration's ignore globs apply (an explicit file is `found`).
    const walked = options.ignored
      ? (file: string) => {
          if (options.ignored!(file)) matched++;
          else found(file);
        }
      : found;
    try {
      expandOne(arg, cwd, windows, found, error, walked);
    } catch (thrown) {
      // Not expected (every file system call above is guarded); never let an argument crash the CLI.
      error(arg, describe(thrown));
    }
    if (matched === 0 && !failed && !unmatched.includes(arg)) unmatched.push(arg);
  }
  return { files, unmatched, errors };
}

function expandOne(
  arg: string,
  cwd: string,
  windows: boolean,
  found: (file: string) => void,
  error: (path: string, message: string) => void,
  walked: (file: string) => void = found,
): void {
  if (arg === '') return;
  if (arg.includes('\0')) return error(arg, cliText('nulInPath'));
  const abs = resolve(cwd, arg);
  let stats: Stats | undefined;
  let missing: unknown;
  try {
    stats = lstatSync(abs);
  } catch (thrown) {
    missing = thrown;
  }
  if (stats) {
    if (stats.isSymbolicLink()) {
      try {
        stats = statSync(abs);
      } catch (thrown) {
        return error(arg, describe(thrown, true));
      }
    }
    if (stats.isFile()) return found(arg);
    if (stats.isDirectory()) {
      const failure = walk(arg, abs, {
        wanted: (_rel, name) => CANVAS_FILE.test(name),
        enter: (_rel, name) => !DEFAULT_IGNORES.includes(name),
        found: walked,
        error,
      });
      if (failure !== undefined) error(arg, cliText('cannotReadDirectory', describe(failure)));
      return;
    }
    return error(arg, cliText('notRegularFile', kindOf(stats)));
  }
  const parts = splitGlob(arg, windows);
  if (!parts) {
    const code = errorCode(missing);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') error(arg, describe(missing));
    return; // Missing: unmatched.
  }
  const { base, glob } = parts;
  const isMatch = globMatcher(glob);
  // A file `depth` folders below the base can match only if the pattern has that many slashes
  // (braces and extglobs included, as they are counted too), or a `**` or an extglob.
  const maxDepth = /\*\*|\(/.test(glob) ? Infinity : (glob.match(/\//g) ?? []).length;
  const hidden = reachesHidden(glob);
  const shown = base === '' ? '.' : base;
  const failure = walk(shown, resolve(cwd, shown), {
    wanted: (rel) => isMatch(rel),
    enter: (_rel, name, depth) =>
      depth <= maxDepth && (hidden || !name.startsWith('.')) && (!DEFAULT_IGNORES.includes(name) || mentions(glob, name)),
    found: walked,
    error,
  });
  if (failure !== undefined) {
    const code = errorCode(failure);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') error(shown, cliText('cannotReadDirectory', describe(failure)));
  }
}
