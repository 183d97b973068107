/**
 * `canvas-as-code review [--base REV] [--head REV] [--format md|json|text]`: every canvas added,
 * deleted, modified, renamed or copied between two revisions, each diffed semantically (a rename
 * or copy against its source at the base), with the problems of the changed canvases at the head.
 *
 * - Base: `--base REV`, else the merge base of the head (HEAD when the head is the work tree) with
 *   the default branch: `origin/HEAD`, else `main`, else `master`. None found: exit 2 and a
 *   message asking for `--base` (there is no HEAD~1 guess: reviewing the wrong range silently is
 *   worse than asking).
 * - Head: `--head REV`, else the work tree: uncommitted changes, staged or not, and untracked
 *   canvases that git does not ignore (reported as added).
 * - Changes come from `git diff --raw -z -M -C` (NUL-separated: any file name works, Korean,
 *   spaces and line breaks included); the two sides are read by blob id (git.ts readBlob) or, in
 *   the work tree, as validate reads a file (readInputFile): same size cap and decoding.
 * - Exit 0 when the changed canvases have no error at the head, 1 when they have, 2 on bad usage,
 *   outside a git repository, or with a revision that is not one commit.
 */
import { cliText, countText } from './messages';
import { fillTemplate, translate } from '../core/l10n';
import { CLI_HELP_MESSAGES } from './helpTexts';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigResolver, configError, configSourceAt } from './config';
import { diffCanvases, diffToMarkdown, diffToText, validateCanvas } from '../core';
import type { CanvasDiff, CanvasModel } from '../core';
import { markdownCode, markdownText } from '../core/render/markdownEscape';
import { visibleText } from '../core/visibleText';
import { changedFiles, mergeBase, readBlob, repositoryRoot, resolveCommit, untrackedFiles } from './git';
import type { ChangedFile } from './git';
import { HeadLinks } from './reviewLinks';
import type { HeadSide } from './reviewLinks';
import { COMMON_OPTIONS, parseCommandArgs, shown, stringValue } from './args';
import type { OptionSpecs } from './args';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_USAGE, readInputFile, maxFileSizeArgument } from './readInput';
import { stripBom, toCliDiagnostics } from './validateCommand';
import type { CliDiagnostic, Io } from './validateCommand';

/** The usage line (without "Usage:"). */
export const REVIEW_USAGE = 'canvas-as-code review [--base REV] [--head REV] [--format md|json|text] [--max-file-size KB]';

/** The --help text, in the language installed (CLI_HELP_MESSAGES, helpTexts.ts). */
export function reviewHelp(): string {
  return translate(CLI_HELP_MESSAGES.reviewHelp, [REVIEW_USAGE, DEFAULT_MAX_FILE_SIZE_KB]);
}

/** The same in English. */
export const REVIEW_HELP = fillTemplate(CLI_HELP_MESSAGES.reviewHelp, [REVIEW_USAGE, DEFAULT_MAX_FILE_SIZE_KB]);

/** The hidden marker that starts the md output: the one comment of this tool in a pull request. */
export const REVIEW_MARKER = '<!-- canvas-as-code review -->';

export const REVIEW_FORMATS = ['text', 'md', 'json'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export type ReviewStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

/** An error or warning of a changed canvas at the head (positions 1-based, as validate --format json). */
export type ReviewProblem = Omit<CliDiagnostic, 'file'>;

export interface ReviewedCanvas {
  status: ReviewStatus;
  /** From the repository root; for a deletion, the deleted path. */
  path: string;
  /** The source of a rename or copy. */
  oldPath?: string;
  /** Null when a side could not be read (the reason is a problem with code `unreadable`). */
  diff: CanvasDiff | null;
  problems: ReviewProblem[];
  /**
   * Only for a business model (changed, deleted or renamed): the value-proposition canvases that
   * did not change but point at it, with their link problems at the head; absent when none has any.
   */
  affected?: AffectedByChange[];
}

/** An unchanged value-proposition canvas whose link a business model's change broke. */
export interface AffectedByChange {
  path: string;
  problems: ReviewProblem[];
}

export interface ReviewSummary {
  canvases: number;
  added: number;
  deleted: number;
  modified: number;
  renamed: number;
  copied: number;
  errors: number;
  warnings: number;
}

export interface Review {
  /** The base commit id. */
  base: string;
  /** The head commit id, or null for the work tree. */
  head: string | null;
  summary: ReviewSummary;
  canvases: ReviewedCanvas[];
}

export interface ReviewArgs {
  base?: string;
  head?: string;
  format: ReviewFormat;
  maxFileSizeKB: number;
}

const CANVAS_FILE = /\.canvas\.ya?ml$/i;
const DEFAULT_BRANCHES = ['origin/HEAD', 'main', 'master'];
const ZERO = /^0+$/;

export const REVIEW_OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string' },
  format: { type: 'string', missing: () => '--format must be md, json or text, got nothing' },
  'max-file-size': { type: 'string', missing: () => `${MAX_FILE_SIZE_USAGE}, got nothing` },
} as const satisfies OptionSpecs;

/** `review [--base REV] [--head REV] [--format md|json|text] [--max-file-size KB]` (no positionals). */
export function parseReviewArgs(argv: readonly string[]): ReviewArgs | { error: string } {
  const parsed = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...REVIEW_OPTIONS });
  if ('error' in parsed) return parsed;
  if (parsed.positionals.length) return { error: cliText('reviewTakesNoFiles', shown(parsed.positionals[0])) };
  const format = stringValue(parsed, 'format') ?? 'text';
  if (!(REVIEW_FORMATS as readonly string[]).includes(format)) return { error: cliText('reviewFormatMust', shown(format)) };
  const size = maxFileSizeArgument(stringValue(parsed, 'max-file-size'));
  if (typeof size === 'object') return size;
  const maxFileSizeKB = size ?? DEFAULT_MAX_FILE_SIZE_KB;
  return { base: stringValue(parsed, 'base'), head: stringValue(parsed, 'head'), format: format as ReviewFormat, maxFileSizeKB };
}

const STATUS: Readonly<Record<ChangedFile['status'], ReviewStatus>> = {
  A: 'added',
  C: 'copied',
  D: 'deleted',
  M: 'modified',
  R: 'renamed',
  T: 'modified',
  U: 'modified',
  X: 'modified',
};

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** A side of a change is a file git stores as a regular file (not a symlink, not a submodule). */
function regular(mode: string): boolean {
  return mode === '100644' || mode === '100755';
}

interface Side {
  path: string;
  blob?: string;
}

interface Entry {
  status: ReviewStatus;
  path: string;
  oldPath?: string;
  /** Where the old side is read from (none for an added canvas). */
  old?: Side;
  /** Where the new side is read from (none for a deleted canvas); no blob: the work tree. */
  new?: Side;
}

/** The canvases among git's changes: a side that is not a canvas file (or not a regular file) is no side. */
function canvasEntries(files: readonly ChangedFile[]): Entry[] {
  const entries: Entry[] = [];
  for (const f of files) {
    const status = STATUS[f.status];
    const oldSide = status !== 'added' && regular(f.oldMode) && CANVAS_FILE.test(f.oldPath) ? { path: f.oldPath, blob: f.oldBlob } : undefined;
    const newSide = status !== 'deleted' && regular(f.newMode) && CANVAS_FILE.test(f.path) ? { path: f.path, blob: ZERO.test(f.newBlob) ? undefined : f.newBlob } : undefined;
    if (oldSide && newSide) {
      entries.push(status === 'renamed' || status === 'copied' ? { status, path: f.path, oldPath: f.oldPath, old: oldSide, new: newSide } : { status: status === 'added' ? 'modified' : status, path: f.path, old: oldSide, new: newSide });
    } else if (newSide) entries.push({ status: 'added', path: f.path, new: newSide });
    // A copy's source is still there: only its new side counts.
    else if (oldSide && status !== 'copied') entries.push({ status: 'deleted', path: f.oldPath, old: oldSide });
  }
  return entries;
}

function unreadableProblem(path: string, reason: string): ReviewProblem {
  return { line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'unreadable', message: cliText('cannotRead', path, reason) };
}

/** Builds the review; `{ error }` for exit 2 (not a repository, a bad revision, git failing). */
export function buildReview(io: Io, options: { base?: string; head?: string; maxFileSizeKB?: number }): Review | { error: string } {
  const repo = repositoryRoot(io.cwd);
  if ('error' in repo) return { error: repo.error };
  const root = repo.root;
  const limits = { maxFileSizeKB: options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB };

  let head: string | undefined;
  if (options.head !== undefined) {
    const resolved = resolveCommit(root, options.head);
    if ('error' in resolved) return { error: `bad --head "${options.head}": ${resolved.error}` };
    head = resolved.commit;
  }
  let base: string;
  if (options.base !== undefined) {
    const resolved = resolveCommit(root, options.base);
    if ('error' in resolved) return { error: `bad --base "${options.base}": ${resolved.error}` };
    base = resolved.commit;
  } else {
    let tip = head;
    if (tip === undefined) {
      const current = resolveCommit(root, 'HEAD');
      if ('error' in current) return { error: cliText('reviewNoHeadCommit') };
      tip = current.commit;
    }
    let found: string | undefined;
    for (const branch of DEFAULT_BRANCHES) {
      const resolved = resolveCommit(root, branch);
      found = 'commit' in resolved ? mergeBase(root, resolved.commit, tip) : undefined;
      if (found) break;
    }
    if (!found) return { error: cliText('noDefaultBranch', DEFAULT_BRANCHES.join(', ')) };
    base = found;
  }

  const changed = changedFiles(root, base, head);
  if ('error' in changed) return { error: changed.error };
  const entries = canvasEntries(changed.files);
  if (head === undefined) {
    const untracked = untrackedFiles(root);
    if ('error' in untracked) return { error: untracked.error };
    // As git does for tracked files (their mode): a symlink or anything but a regular file is no canvas.
    for (const path of untracked.files) if (CANVAS_FILE.test(path) && isRegularFile(join(root, path))) entries.push({ status: 'added', path, new: { path } });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const read = (side: Side): { text: string } | { error: string } => {
    if (side.blob !== undefined) return readBlob(root, side.blob, limits);
    const file = readInputFile(join(root, side.path), limits);
    return file.error !== undefined ? { error: file.error } : { text: file.text };
  };

  // Each canvas's configuration as of the head: the commit's files with --head, else the work tree's.
  const configs = new ConfigResolver(io.cwd, {}, head !== undefined ? configSourceAt(root, head) : undefined);
  // The head side of each changed canvas, read once: its diff, its problems and the links to it.
  const headSides = new Map<string, HeadSide>();
  for (const entry of entries) {
    if (!entry.new) continue;
    const text = read(entry.new);
    headSides.set(entry.new.path, 'error' in text ? text : { text: stripBom(text.text) });
  }
  const gone = new Set(entries.filter((e) => e.status === 'deleted' || e.status === 'renamed').map((e) => e.old!.path));
  // The work tree as head: a file that did not change holds the base commit's text.
  const links = new HeadLinks({ root, commit: head ?? base, changed: headSides, gone, maxFileSizeKB: limits.maxFileSizeKB });
  const businessModels = new Set<string>();
  const reviewed: (ReviewedCanvas | { error: string })[] = entries.map((entry) => {
    const problems: ReviewProblem[] = [];
    let unreadable = false;
    let oldModel: CanvasModel | undefined;
    let newModel: CanvasModel | undefined;
    if (entry.old) {
      const text = read(entry.old);
      if ('error' in text) {
        problems.push(unreadableProblem(`${entry.old.path} at the base`, text.error));
        unreadable = true;
      } else oldModel = validateCanvas(stripBom(text.text)).model;
    }
    if (entry.new) {
      const text = headSides.get(entry.new.path)!;
      if ('error' in text) {
        problems.push(unreadableProblem(entry.new.path, text.error));
        unreadable = true;
      } else {
        const clean = text.text;
        // The canvas's configuration (the nearest .canvas-as-code.yaml in the work tree; see config.ts).
        const config = configs.forFile(join(root, entry.new.path));
        const problem = config && configError(config, io.cwd);
        if (problem) return { error: problem };
        const result = validateCanvas(clean, config ? { severities: config.config.rules } : {});
        newModel = result.model;
        // A value-proposition canvas's link, checked against the business model at the head.
        const linked = links.check(entry.new.path, newModel, config?.config.rules);
        const diagnostics = linked.length ? [...result.diagnostics, ...linked].sort((a, b) => a.start - b.start || a.end - b.end) : result.diagnostics;
        // Errors and warnings: information and hints (empty blocks, …) are not a reviewer's concern.
        const shown = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
        for (const d of toCliDiagnostics(entry.new.path, clean, shown)) {
          problems.push({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, code: d.code, message: d.message });
        }
      }
    }
    const diff = unreadable ? null : diffCanvases(oldModel, newModel);
    // A business model before or after: the canvases pointing at it (this path, or the old one it left) are looked at.
    if (oldModel?.kind === 'business-model' || newModel?.kind === 'business-model') {
      if (entry.new) businessModels.add(entry.new.path);
      if (entry.old && gone.has(entry.old.path)) businessModels.add(entry.old.path);
    }
    return { status: entry.status, path: entry.path, ...(entry.oldPath !== undefined ? { oldPath: entry.oldPath } : {}), diff, problems };
  });
  const failed = reviewed.find((c): c is { error: string } => 'error' in c);
  if (failed) return failed;
  const canvases = reviewed as ReviewedCanvas[];
  const affected = links.affected(businessModels, (path) => {
    const config = configs.forFile(join(root, path));
    return config && !configError(config, io.cwd) ? config.config.rules : undefined;
  });
  if ('error' in affected) return affected;
  for (const canvas of affected) {
    // Listed with the change that affects it: the business model at that path, or the one that left it.
    const owner = canvases.find((c) => (c.status === 'renamed' ? c.oldPath === canvas.businessModel : c.path === canvas.businessModel)) ?? canvases.find((c) => c.path === canvas.businessModel);
    if (!owner) continue;
    const problems = toCliDiagnostics(canvas.path, canvas.text, canvas.diagnostics).map((d) => ({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, code: d.code, message: d.message }));
    (owner.affected ??= []).push({ path: canvas.path, problems });
  }

  const summary: ReviewSummary = { canvases: canvases.length, added: 0, deleted: 0, modified: 0, renamed: 0, copied: 0, errors: 0, warnings: 0 };
  for (const c of canvases) {
    summary[c.status]++;
    for (const p of [...c.problems, ...(c.affected ?? []).flatMap((a) => a.problems)]) {
      if (p.severity === 'error') summary.errors++;
      else if (p.severity === 'warning') summary.warnings++;
    }
  }
  return { base, head: head ?? null, summary, canvases };
}

/** "3 canvases changed: 1 added, 0 deleted, 1 modified, 1 renamed, 0 copied; 1 error, 2 warnings" (no user text), in the run's language. */
export function reviewSummaryLine(s: ReviewSummary): string {
  if (s.canvases === 0) return cliText('reviewNoCanvases');
  return cliText(
    'reviewSummary',
    countText(s.canvases, 'oneCanvas', 'canvases'),
    s.added,
    s.deleted,
    s.modified,
    s.renamed,
    s.copied,
    countText(s.errors, 'oneError', 'errors'),
    countText(s.warnings, 'oneWarning', 'warnings'),
  );
}

const STATUS_WORD = { added: 'statusAdded', deleted: 'statusDeleted', modified: 'statusModified', renamed: 'statusRenamed', copied: 'statusCopied' } as const;
const SEVERITY_WORD = { error: 'severityError', warning: 'severityWarning', information: 'severityInformation', hint: 'severityHint' } as const;

/** A status or severity in the run's language; the JSON output keeps the English word (a stable code). */
const statusWord = (status: ReviewStatus) => cliText(STATUS_WORD[status]);
const severityWord = (severity: string) => (severity in SEVERITY_WORD ? cliText(SEVERITY_WORD[severity as keyof typeof SEVERITY_WORD]) : severity);

function range(review: Review): string {
  return `${review.base.slice(0, 12)}..${review.head === null ? cliText('reviewWorkTree') : review.head.slice(0, 12)}`;
}

/** Terminal output: every user text (paths, canvas text, messages) through visibleText. */
export function reviewToText(review: Review): string {
  const lines = [cliText('reviewHeading', range(review)), reviewSummaryLine(review.summary)];
  for (const c of review.canvases) {
    lines.push('');
    lines.push(c.oldPath !== undefined ? `${statusWord(c.status)}: ${visibleText(c.oldPath)} -> ${visibleText(c.path)}` : `${statusWord(c.status)}: ${visibleText(c.path)}`);
    if (c.diff) for (const line of diffToText(c.diff).replace(/\n$/, '').split('\n')) lines.push(`  ${line}`);
    else lines.push(`  ${cliText('reviewNotDiffed')}`);
    for (const p of c.problems) lines.push(`  ${p.line}:${p.column} ${severityWord(p.severity)} ${visibleText(p.message)} [${visibleText(p.code)}]`);
    for (const a of c.affected ?? []) {
      lines.push(`  ${cliText('reviewAffected', visibleText(a.path))}`);
      for (const p of a.problems) lines.push(`    ${p.line}:${p.column} ${severityWord(p.severity)} ${visibleText(p.message)} [${visibleText(p.code)}]`);
    }
  }
  return lines.join('\n') + '\n';
}

/** One pull request comment: the hidden marker, the summary, a section per canvas; all user text escaped. */
export function reviewToMarkdown(review: Review): string {
  const lines = [REVIEW_MARKER, cliText('reviewHeadingMarkdown', markdownCode(range(review)), reviewSummaryLine(review.summary))];
  for (const c of review.canvases) {
    lines.push('', `### ${markdownCode(c.path)}`, '');
    lines.push(c.oldPath !== undefined ? cliText('reviewFromMarkdown', statusWord(c.status), markdownCode(c.oldPath)) : `_${statusWord(c.status)}_`, '');
    if (c.diff) lines.push(diffToMarkdown(c.diff).replace(/\n+$/, ''));
    else lines.push(cliText('reviewNotDiffedMarkdown'));
    if (c.problems.length) {
      lines.push('', cliText('reviewProblemsHeading', countText(c.problems.length, 'oneProblem', 'problems')), '');
      for (const p of c.problems) lines.push(cliText('reviewProblemLine', severityWord(p.severity), p.line, p.column, markdownText(p.message), markdownCode(p.code)));
    }
    for (const a of c.affected ?? []) {
      lines.push('', cliText('reviewAffectedMarkdown', markdownCode(a.path), countText(a.problems.length, 'oneProblem', 'problems')), '');
      for (const p of a.problems) lines.push(cliText('reviewProblemLine', severityWord(p.severity), p.line, p.column, markdownText(p.message), markdownCode(p.code)));
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * Runs a review: exit 0 no errors in the changed canvases, 1 errors; a repository or revision
 * problem comes back as `{ error, bare }` (printed without the usage line, exit 2).
 */
export function runReview(args: ReviewArgs, io: Io): number | { error: string; bare: true } {
  const review = buildReview(io, args);
  if ('error' in review) return { error: visibleText(review.error), bare: true };
  io.out(args.format === 'json' ? JSON.stringify(review, null, 2) + '\n' : args.format === 'md' ? reviewToMarkdown(review) : reviewToText(review));
  return review.summary.errors > 0 ? 1 : 0;
}
