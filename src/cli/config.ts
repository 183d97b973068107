/**
 * The configuration file for the CLI (format.md, "Configuration file"): for each canvas, the nearest
 * `.canvas-as-code.yaml` (or `.yml`) found walking up from the canvas's folder to the filesystem
 * root, or the one file `--config FILE` names, or none (`--no-config`). Precedence: --config >
 * nearest file > defaults. Lookups are cached per directory and each file is read and parsed once.
 * A configuration with any problem stops the run: its problems are printed as
 * `file:line:col error config message` and the CLI exits 2 (never ignored).
 */
import { spawnSync } from 'node:child_process';
import { cliText } from './messages';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, LineIndex, parseConfig } from '../core';
import type { CanvasConfig, ConfigDiagnostic } from '../core';
import { visibleText } from '../core/visibleText';
import { readInputFile } from './readInput';
import { globMatcher } from './files';
import { readAtRevision } from './git';

/** A configuration file read and parsed. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  /** Its folder: ignore globs are relative to it. */
  dir: string;
  config: CanvasConfig;
  diagnostics: ConfigDiagnostic[];
  /** The file's text (to turn diagnostic offsets into lines and columns). */
  text: string;
  /** Set when the file could not be read. */
  readError?: string;
}

/** How validate and review were told to find configuration. */
export interface ConfigChoice {
  /** --config FILE (relative to the working directory). */
  file?: string;
  /** --no-config. */
  none?: boolean;
}

/** Where configuration files are read from: the disk, or a git revision (review --head). */
export interface ConfigSource {
  isFile(path: string): boolean;
  read(path: string): { text: string } | { error: string };
}

const DISK: ConfigSource = {
  isFile,
  read: (path) => {
    const read = readInputFile(path, { maxFileSizeKB: 1024 });
    return read.error !== undefined ? { error: read.error } : { text: read.text };
  },
};

/**
 * The configuration files of a commit, for the paths inside the repository `root` (absolute);
 * paths outside it are read from the disk. One `git ls-tree` lists them.
 */
export function configSourceAt(root: string, commit: string): ConfigSource {
  const listed = spawnSync('git', ['ls-tree', '-r', '-z', '--name-only', '--end-of-options', commit], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const names = new Set(CONFIG_FILE_NAMES as readonly string[]);
  const files = new Set(
    (listed.status === 0 ? listed.stdout.split('\0') : []).filter((p) => names.has(p.slice(p.lastIndexOf('/') + 1))).map((p) => join(root, ...p.split('/'))),
  );
  const inside = (path: string) => !relative(root, path).startsWith('..');
  return {
    isFile: (path) => (inside(path) ? files.has(path) : isFile(path)),
    read: (path) => (inside(path) ? readAtRevision(root, commit, relative(root, path).split(sep).join('/'), { maxFileSizeKB: 1024 }) : DISK.read(path)),
  };
}

/** The configuration files in force for a run: looked up per directory, each read once. */
export class ConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig | null>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly fixed: LoadedConfig | null | undefined;
  private readonly matchers = new Map<LoadedConfig, (path: string) => boolean>();

  constructor(
    private readonly cwd: string,
    choice: ConfigChoice = {},
    private readonly source: ConfigSource = DISK,
  ) {
    if (choice.none) this.fixed = null;
    else if (choice.file !== undefined) this.fixed = this.load(resolve(cwd, choice.file));
  }

  /** The --config file, if one was given (to check it before anything else). */
  get explicit(): LoadedConfig | undefined {
    return this.fixed ?? undefined;
  }

  private load(file: string): LoadedConfig {
    let entry = this.loaded.get(file);
    if (entry) return entry;
    const read = this.source.read(file);
    if ('error' in read) {
      entry = { file, dir: dirname(file), config: { rules: {}, ignore: [] }, diagnostics: [], text: '', readError: read.error };
    } else {
      const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
      const parsed = parseConfig(text, file);
      entry = { file, dir: dirname(file), config: parsed.config, diagnostics: parsed.diagnostics, text };
    }
    this.loaded.set(file, entry);
    return entry;
  }

  /** The configuration for the canvases of a directory (absolute), or null for the defaults. */
  forDirectory(dir: string): LoadedConfig | null {
    if (this.fixed !== undefined) return this.fixed;
    const chain: string[] = [];
    let current = dir;
    let found: LoadedConfig | null = null;
    for (;;) {
      const cached = this.byDir.get(current);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      chain.push(current);
      const name = CONFIG_FILE_NAMES.map((n) => join(current, n)).find((path) => this.source.isFile(path));
      if (name !== undefined) {
        found = this.load(name);
        break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of chain) this.byDir.set(d, found);
    return found;
  }

  /** The configuration for one canvas (a path relative to the working directory, or absolute). */
  forFile(file: string): LoadedConfig | null {
    return this.forDirectory(dirname(resolve(this.cwd, file)));
  }

  /** Whether the configuration of a canvas found by walking a directory or a glob ignores it. */
  ignores(file: string): boolean {
    const abs = resolve(this.cwd, file);
    const config = this.forDirectory(dirname(abs));
    if (!config || !config.config.ignore.length) return false;
    let matcher = this.matchers.get(config);
    if (!matcher) {
      const tests = config.config.ignore.map((glob) => globMatcher(glob));
      matcher = (path) => tests.some((test) => test(path));
      this.matchers.set(config, matcher);
    }
    const rel = relative(config.dir, abs);
    // A canvas outside the config's folder (only with --config) is matched by its absolute path.
    return matcher(rel.split(sep).join('/')) || (rel.startsWith('..') && matcher(abs.split(sep).join('/')));
  }

  /** Every configuration file read so far, in the order read. */
  all(): LoadedConfig[] {
    return [...this.loaded.values()];
  }
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * What to print on standard error for a configuration that cannot be used (unreadable, or with
 * problems: `file:line:col error config message`, the file named relative to the working
 * directory); undefined when it is fine.
 */
export function configProblems(config: LoadedConfig, cwd: string): string | undefined {
  const shown = visibleText(relative(cwd, config.file) || config.file);
  if (config.readError !== undefined) return `canvas-as-code: cannot read config ${shown}: ${visibleText(config.readError)}\n`;
  if (!config.diagnostics.length) return undefined;
  const index = new LineIndex(config.text);
  let out = '';
  for (const d of config.diagnostics) {
    const at = index.positionAt(d.start);
    out += `${shown}:${at.line + 1}:${at.character + 1} error config ${visibleText(d.message)}\n`;
  }
  return out + `canvas-as-code: ${shown} has ${config.diagnostics.length === 1 ? 'a problem' : 'problems'}; fix it or pass --no-config\n`;
}

/** A configuration's first problem on one line (for commands that report one error), or undefined. */
export function configError(config: LoadedConfig, cwd: string): string | undefined {
  const shown = relative(cwd, config.file) || config.file;
  if (config.readError !== undefined) return cliText('cannotReadConfig', shown, config.readError);
  const first = config.diagnostics[0];
  if (!first) return undefined;
  const at = new LineIndex(config.text).positionAt(first.start);
  const more = config.diagnostics.length > 1 ? ` (and ${config.diagnostics.length - 1} more; run validate to see them)` : '';
  return `${shown}:${at.line + 1}:${at.character + 1} error config ${first.message}${more}`;
}
