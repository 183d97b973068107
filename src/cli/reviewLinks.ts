/**
 * review's side of links across files (core/links), as of the head:
 *
 * - A changed value-proposition canvas is checked against the business model its `business-model`
 *   names. The path is resolved by core/links' rules relative to the canvas's path in the
 *   repository, the repository being the root: a path leading out of it, absolute, a URL, with a
 *   control character or not a canvas name is refused and reported, and never reaches git.
 * - The business model is read from git, never from the work tree: a changed canvas as the review
 *   itself read its head side, any other file from the head commit, or (the work tree as head) the
 *   base commit, which git says holds the same text since the file did not change.
 * - When a business model changes, is deleted or renamed, the value-proposition canvases that did
 *   not change but point at it (the reverse index over the head's canvases, found with one
 *   `git grep` of the commit and bounded) are checked too: a segment renamed away breaks them.
 */
import { validateCanvas } from '../core';
import type { CanvasDiagnostic, CanvasModel, SeverityOverrides } from '../core';
import { checkLinks, LinkTargets, linksTo, readLink } from '../core/links';
import type { LinkRead, VpcLink } from '../core/links';
import { grepCanvasesAt, readFilesAt } from './git';

/** At most this many value-proposition canvases of the head are looked at for a changed business model. */
export const MAX_LINKED_CANVASES = 2000;

/**
 * A line that makes a file a value-proposition canvas (`canvas: value-proposition`, quoted or
 * not), as an extended regular expression for git grep; other canvases are never read.
 */
const VALUE_PROPOSITION_LINE = `^[ \t]*["']?canvas["']?[ \t]*:[ \t]*["']?value-proposition([^[:alnum:]_-]|$)`;

/**
 * The repository as core/links sees it: a root folder of its own, a file is that folder + "/" +
 * its path (not "/" itself: core/links treats a file directly in "/" as in a folder "//").
 */
const ROOT = '/repository';
const linkPath = (path: string) => `${ROOT}/${path}`;
const repositoryPath = (path: string) => path.slice(ROOT.length + 1);

/** The head side of a canvas the review read (a changed canvas), or why it could not be read. */
export type HeadSide = { text: string } | { error: string };

export interface HeadLinksOptions {
  /** The repository's top folder (git's cwd). */
  root: string;
  /** The head commit, or the base commit when the head is the work tree. */
  commit: string;
  /** The head side of every changed canvas, by path. */
  changed: ReadonlyMap<string, HeadSide>;
  /** Paths deleted or renamed away between base and head. */
  gone: ReadonlySet<string>;
  maxFileSizeKB: number;
}

/** An unchanged value-proposition canvas whose link to a changed business model has problems. */
export interface AffectedCanvas {
  path: string;
  /** The business model it points at (a changed canvas's path, or the old path of one deleted or renamed). */
  businessModel: string;
  text: string;
  diagnostics: CanvasDiagnostic[];
}

export class HeadLinks {
  private readonly targets = new LinkTargets();
  private readonly reads = new Map<string, LinkRead>();

  constructor(private readonly options: HeadLinksOptions) {}

  /** core/links' reader: a path of the head, read once. */
  private readonly read = (path: string): LinkRead => {
    let read = this.reads.get(path);
    if (!read) this.reads.set(path, (read = this.readFresh(repositoryPath(path))));
    return read;
  };

  private readFresh(path: string): LinkRead {
    const { changed, gone, root, commit, maxFileSizeKB } = this.options;
    const side = changed.get(path);
    if (side) return 'text' in side ? { text: side.text } : { problem: 'unreadable', args: [side.error] };
    if (gone.has(path)) return { problem: 'missing' };
    return readFilesAt(root, commit, [path], { maxFileSizeKB }).get(path) ?? { problem: 'missing' };
  }

  /** The link problems of the changed canvas at `path` (none unless it is a value-proposition canvas with a link). */
  check(path: string, model: CanvasModel | undefined, severities?: SeverityOverrides): CanvasDiagnostic[] {
    return checkLinks(model, { file: linkPath(path), root: ROOT, read: this.read, targets: this.targets, severities }).diagnostics;
  }

  /**
   * The value-proposition canvases of the head that did not change and point at one of
   * `businessModels`, with their link problems (only those that have some), by path.
   */
  affected(businessModels: ReadonlySet<string>, severitiesFor: (path: string) => SeverityOverrides | undefined): AffectedCanvas[] | { error: string } {
    if (!businessModels.size) return [];
    const { root, commit, changed, gone, maxFileSizeKB } = this.options;
    const listed = grepCanvasesAt(root, commit, VALUE_PROPOSITION_LINE, MAX_LINKED_CANVASES);
    if ('error' in listed) return listed;
    const unchanged = listed.files.filter((path) => !changed.has(path) && !gone.has(path));
    const texts = readFilesAt(root, commit, unchanged, { maxFileSizeKB });
    const links = new Map<VpcLink, { text: string; model: CanvasModel }>();
    for (const path of unchanged) {
      const read = texts.get(path);
      if (!read || !('text' in read)) continue;
      const model = validateCanvas(read.text).model;
      const link = readLink(linkPath(path), model, ROOT);
      if (link && model && businessModels.has(repositoryPath(link.target))) links.set(link, { text: read.text, model });
    }
    const affected: AffectedCanvas[] = [];
    for (const target of [...businessModels].sort()) {
      for (const found of linksTo(linkPath(target), links.keys())) {
        const { text, model } = links.get(found)!;
        const path = repositoryPath(found.file);
        const diagnostics = this.check(path, model, severitiesFor(path)).filter((d) => d.severity === 'error' || d.severity === 'warning');
        if (diagnostics.length) affected.push({ path, businessModel: target, text, diagnostics });
      }
    }
    return affected;
  }
}
