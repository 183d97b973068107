/**
 * Renaming a card id together with every reference to it. Only ids and references change: never
 * names or descriptions that happen to contain the same word, and never a reference to another
 * block's card that has the same text (a `channels` reference never names a segment).
 *
 * Ids are unique per file, but a file being edited may hold duplicates. Renaming one of them
 * renames that card (the one under the cursor, or for a reference the first card of the target
 * block, the one the reference resolves to) and all references to the id in that block: they
 * follow the renamed card, and the other duplicate is left without references, no longer a duplicate.
 */
import { LineIndex } from './lineIndex';
import type { CanvasModel } from './model';
import type { TextEdit } from './edits';
import { MESSAGES, formatTemplate } from './messages';
import { ID_PATTERN } from './schema';
import type { Span } from './types';
import { declarationOf, modelIndex, Occurrence, occurrenceAt, targetKey, targetOf } from './codeActions/modelIndex';
import { replaceScalar } from './codeActions/text';

export const RENAME_MESSAGES = {
  notAnId: 'Only a card id, or a reference to one, can be renamed.',
  empty: 'The new id must not be empty.',
  /** The same text as the schema's message for a bad id, so it is translated once. */
  notKebab: MESSAGES.badId,
  taken: 'The id "{0}" is already used by the card on line {1}. Ids must be unique across the whole file.',
} as const;

export interface RenameError {
  /** English text; `template` and `args` let the host localize it. */
  error: string;
  template: string;
  args: string[];
}

export interface RenameLocation {
  /** The id's text under the cursor (inside the quotes of a quoted id). */
  span: Span;
  /** The current id: the placeholder of the rename box. */
  text: string;
}

function refuse(template: string, args: string[] = []): RenameError {
  return { error: formatTemplate(template, args), template, args };
}

const ID_REGEXP = ID_PATTERN ? new RegExp(ID_PATTERN, 'u') : /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether a text is a valid id, by the schema's own pattern. */
export function isValidId(id: string): boolean {
  return ID_REGEXP.test(id);
}

/** The id or reference under the cursor and its text, or why it cannot be renamed. */
export function prepareRename(model: CanvasModel, offset: number): RenameLocation | RenameError {
  const hit = occurrenceAt(model, offset);
  if (!hit) return refuse(RENAME_MESSAGES.notAnId);
  const { id } = targetOf(hit);
  // Without the text, the written form is judged by length: a plain id is as long as its value, a quoted one two longer.
  const length = hit.end - hit.start;
  if (length === id.length) return { span: { start: hit.start, end: hit.end }, text: id };
  if (length === id.length + 2) return { span: { start: hit.start + 1, end: hit.end - 1 }, text: id };
  // Escapes or a block scalar: the whole scalar is replaced.
  return { span: { start: hit.start, end: hit.end }, text: id };
}

/** The edits that rename the id an occurrence stands for: the targeted card's id and every reference to it. */
export function renameEdits(text: string, model: CanvasModel, hit: Occurrence, newId: string): TextEdit[] {
  const { block, id } = targetOf(hit);
  const card = hit.kind === 'id' ? hit.card : declarationOf(model, block, id);
  const spans: Span[] = [];
  if (card?.id) spans.push(card.id);
  for (const site of modelIndex(model).referencesTo.get(targetKey(block, id)) ?? []) spans.push(site.reference);
  // A reference read through an alias is written once, at its anchor: edit each place once.
  const seen = new Set<number>();
  const edits: TextEdit[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    if (seen.has(span.start)) continue;
    seen.add(span.start);
    edits.push(replaceScalar(text, span, id, newId));
  }
  return edits;
}

/**
 * Renames the id or reference under the cursor to `newName` everywhere in the file, or refuses
 * with a message: an empty or non-kebab-case id, or one another card already has.
 */
export function rename(text: string, model: CanvasModel, offset: number, newName: string): { edits: TextEdit[] } | RenameError {
  const hit = occurrenceAt(model, offset);
  if (!hit) return refuse(RENAME_MESSAGES.notAnId);
  const { block, id } = targetOf(hit);
  const newId = newName.trim();
  if (!newId) return refuse(RENAME_MESSAGES.empty);
  if (!isValidId(newId)) return refuse(RENAME_MESSAGES.notKebab, [newId]);
  if (newId === id) return { edits: [] };
  const renamed = hit.kind === 'id' ? hit.card : declarationOf(model, block, id);
  const other = modelIndex(model).cardsById.get(newId)?.find((card) => card !== renamed);
  if (other?.id) return refuse(RENAME_MESSAGES.taken, [newId, String(new LineIndex(text).positionAt(other.id.start).line + 1)]);
  return { edits: renameEdits(text, model, hit, newId) };
}
