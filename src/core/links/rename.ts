/**
 * Renaming a segment or value-proposition id of a business model everywhere it is named: the
 * business model's own id and references (the in-file rename), and the `segment` /
 * `value-proposition` values of every value-proposition canvas that points at it. From either
 * side: the cursor on the id in the business model, or on the value in a value-proposition canvas.
 */
import { occurrenceAt, targetOf } from '../codeActions/modelIndex';
import { replaceScalar } from '../codeActions/text';
import type { TextEdit } from '../edits';
import type { CanvasModel } from '../model';
import { rename, RenameError } from '../rename';
import { LINKED_BLOCKS } from './model';
import { sitesNaming, VpcLink } from './reverse';

export interface FileEdits {
  file: string;
  edits: TextEdit[];
}

export interface LinkedBusinessModel {
  file: string;
  text: string;
  model: CanvasModel;
}

const LINKED: ReadonlySet<string> = new Set(Object.values(LINKED_BLOCKS));

/** The (block, id) under `offset` of a business model when it is one that other files can name. */
export function linkedTargetAt(model: CanvasModel, offset: number): { block: string; id: string } | undefined {
  const hit = occurrenceAt(model, offset);
  if (!hit) return undefined;
  const target = targetOf(hit);
  return LINKED.has(target.block) ? target : undefined;
}

/**
 * The edits of renaming, to `newName`, the id under `offset` of the business model: its in-file
 * rename (refused as the in-file rename refuses: an empty, non-kebab-case or taken id), plus, for
 * a segment or value proposition, each value-proposition canvas's value that names it. `textOf`
 * gives each such canvas's current text (its quoting is kept); a canvas whose text is unknown or
 * no longer holds the id at the link's span is left alone. The business model's edits come first.
 */
export function renameAcrossFiles(
  businessModel: LinkedBusinessModel,
  offset: number,
  newName: string,
  links: Iterable<VpcLink>,
  textOf: (file: string) => string | undefined,
): FileEdits[] | RenameError {
  const inFile = rename(businessModel.text, businessModel.model, offset, newName);
  if ('error' in inFile) return inFile;
  const files: FileEdits[] = [{ file: businessModel.file, edits: inFile.edits }];
  const target = linkedTargetAt(businessModel.model, offset);
  if (!target || !inFile.edits.length) return files;
  const newId = newName.trim();
  const byFile = new Map<string, TextEdit[]>();
  for (const site of sitesNaming(businessModel.file, target.block, target.id, links)) {
    const text = textOf(site.file);
    if (text === undefined || !text.slice(site.span.start, site.span.end).includes(target.id)) continue;
    let edits = byFile.get(site.file);
    if (!edits) byFile.set(site.file, (edits = []));
    edits.push(replaceScalar(text, site.span, target.id, newId));
  }
  for (const [file, edits] of byFile) files.push({ file, edits });
  return files;
}
