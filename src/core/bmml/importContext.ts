/** What the parts of an import share: the file read, its ids, and the lists of what was kept and found. */
import { visibleText } from '../visibleText';
import { bmmlProblem, BmmlMessage, BmmlProblem } from './messages';
import { isPlainObject, Path, Plain, ReadBmml } from './readBmml';
import { deepCopy, isText, leftoverPaths, pathText, take } from './residual';
import { DETAILS, SECTIONS, XBMML } from './vocabulary';

/** One value that went under an x-bmml key: where it was in the BMML file, which canvas keeps it. */
export interface KeptValue {
  file: string;
  path: string;
  line?: number;
}

export class ImportContext {
  readonly problems: BmmlProblem[] = [];
  readonly kept: KeptValue[] = [];
  /** Ids of each section's entries. */
  readonly sectionIds = new Map<string, Set<string>>();
  /** For each segment or proposition id: the ids of its jobs, pains, ... by BMML key. */
  readonly detailIds = new Map<string, Map<string, Set<string>>>();

  constructor(
    readonly read: ReadBmml,
    readonly data: Plain,
  ) {}

  /** A warning at `path` (`atKey`: at the key that names it, for a section or field as a whole). */
  warn(key: BmmlMessage, args: string[], path: Path, atKey = false): void {
    this.problems.push(bmmlProblem('warning', key, args.map((a) => visibleText(a)), this.read.locate(path, atKey)));
  }

  keep(file: string, path: Path): void {
    const at = this.read.locate(path, typeof path[path.length - 1] === 'string');
    this.kept.push({ file, path: pathText(path), ...(at ? { line: at.line } : {}) });
  }

  /** Records every leftover of an entry as kept under x-bmml in `file`, and sets it on `card`. */
  keepLeftovers(card: Plain, rest: Plain, path: Path, file: string): void {
    if (!Object.keys(rest).length) return;
    for (const p of leftoverPaths(rest, path)) this.keep(file, p);
    card[XBMML] = rest;
  }

  /**
   * Every id of the file with where it is first used; an id used twice is an error (a link to it
   * would be ambiguous): the import is refused.
   */
  collectIds(): boolean {
    const first = new Map<string, Path>();
    let ok = true;
    const note = (id: unknown, path: Path) => {
      if (!isText(id)) return;
      const before = first.get(id);
      if (!before) return void first.set(id, path);
      ok = false;
      const line = this.read.locate(before)?.line ?? 0;
      this.problems.push(bmmlProblem('error', 'duplicateId', [visibleText(id), String(line)], this.read.locate(path)));
    };
    for (const { section } of SECTIONS) {
      const ids = new Set<string>();
      this.sectionIds.set(section, ids);
      const entries = this.data[section];
      if (!Array.isArray(entries)) continue;
      entries.forEach((entry, i) => {
        if (!isPlainObject(entry)) return;
        note(entry.id, [section, i, 'id']);
        if (isText(entry.id)) ids.add(entry.id);
        const details = new Map<string, Set<string>>();
        for (const detail of DETAILS.filter((d) => d.owner === section)) {
          const items = entry[detail.key];
          const detailIds = new Set<string>();
          details.set(detail.key, detailIds);
          if (!Array.isArray(items)) continue;
          items.forEach((item, j) => {
            if (!isPlainObject(item)) return;
            note(item.id, [section, i, detail.key, j, 'id']);
            if (isText(item.id)) detailIds.add(item.id);
          });
        }
        if (isText(entry.id) && !this.detailIds.has(entry.id)) this.detailIds.set(entry.id, details);
      });
    }
    const fits = this.data.fits;
    if (Array.isArray(fits)) fits.forEach((fit, i) => isPlainObject(fit) && note(fit.id, ['fits', i, 'id']));
    return ok;
  }

  /** The ids of a segment's or proposition's detail of one kind (none when it has none). */
  detail(ownerId: string, key: string): Set<string> {
    return this.detailIds.get(ownerId)?.get(key) ?? new Set();
  }
}

/** A copy of an entry to take fields from (a non-mapping entry has none to take). */
export function restOf(entry: unknown): Plain {
  return isPlainObject(entry) ? deepCopy(entry) : {};
}

export { take };
