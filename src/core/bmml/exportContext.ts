/** What the parts of an export share: the report of what is dropped, the ids handed out, notes. */
import { parseYaml } from '../parse';
import { visibleText } from '../visibleText';
import { UniqueNames, slugOf } from './ids';
import { bmmlProblem, BmmlMessage, BmmlProblem, formatBmml } from './messages';
import { isPlainObject, Plain } from './readBmml';
import { pathText } from './residual';

/** One value of a canvas that BMML has no place for. */
export interface DroppedValue {
  /** The canvas it is in (as given to export). */
  file: string;
  /** Where in that canvas: `customer-segments[0].type`. */
  path: string;
  value: unknown;
  reason: string;
}

export interface CanvasSource {
  /** The file's name as shown in the report (relative to the business model's folder, or as given). */
  name: string;
  text: string;
}

export class ExportContext {
  readonly dropped: DroppedValue[] = [];
  readonly notes: BmmlProblem[] = [];
  /** Every BMML id written, so that generated ids are new. */
  readonly ids = new UniqueNames();

  drop(file: string, path: (string | number)[], value: unknown, key: BmmlMessage, args: string[]): void {
    this.dropped.push({ file, path: pathText(path), value, reason: formatBmml(key, args) });
  }

  /** A value taken out of the BMML being written (its path is BMML's, not the canvas's). */
  dropBmml(file: string, bmmlPath: (string | number)[], value: unknown): void {
    this.dropped.push({ file, path: `bmml:${pathText(bmmlPath)}`, value, reason: formatBmml('notInSchema', []) });
  }

  note(key: BmmlMessage, args: string[]): void {
    this.notes.push(bmmlProblem('warning', key, args.map((a) => visibleText(a))));
  }

  /** Keeps `ourId` as the BMML id when it already has BMML's prefix and is not taken (first pass). */
  reserve(ourId: unknown, prefix: string): string | undefined {
    if (typeof ourId !== 'string' || !new RegExp(`^${prefix}[a-z0-9-]+$`).test(ourId) || this.ids.has(ourId)) return undefined;
    return this.ids.take(ourId);
  }

  /** A new BMML id (second pass): the prefix before a slug of our id, or of the name when there is no id. */
  generate(ourId: unknown, name: string, prefix: string, noun: string, quiet = false): string {
    const base = typeof ourId === 'string' ? slugOf(ourId) : '';
    const id = this.ids.take(`${prefix}${base || slugOf(name) || noun.replace(/\W+/g, '-')}`);
    if (quiet) return id;
    if (typeof ourId === 'string') this.note('renamedId', [noun, ourId, id, prefix]);
    else this.note('addedId', [noun, name, id]);
    return id;
  }
}

/** The data of one canvas, or why none could be read. */
export function readCanvas(source: CanvasSource): { data: Plain } | { error: string } {
  const doc = parseYaml(source.text);
  const error = doc.errors.find((e) => e.code !== 'MULTIPLE_DOCS');
  if (error) return { error: `${visibleText(source.name)}: ${visibleText(error.message.split('\n')[0])}` };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { error: `${visibleText(source.name)}: ${visibleText((e as Error).message)}` };
  }
  return isPlainObject(data) ? { data } : { error: `${visibleText(source.name)}: not a mapping` };
}

/** A card as an object (a plain-text card is a card with only a name). */
export function cardObject(card: unknown): Plain | undefined {
  if (typeof card === 'string') return { name: card };
  return isPlainObject(card) ? card : undefined;
}

export const textOf = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
