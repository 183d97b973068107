/**
 * A card's `id` changed by an edit (the preview's id field, the `setCardField` command with field
 * `id`): an id other cards name is renamed as Rename Symbol renames it, the id and every reference
 * to it (and, in the extension, the value-proposition canvases naming it), never the id alone,
 * which would leave the references dangling. A card without an id has nothing naming it yet: its
 * new id is set as any field is, refused for the same reasons as a rename (empty, not kebab-case,
 * taken), with the rename's own messages.
 */
import type { CardAt } from './editing/types';
import { cardAt, editContext } from './editing/context';
import { modelIndex } from './codeActions/modelIndex';
import { LineIndex } from './lineIndex';
import type { ValidationResult } from './validate';
import { isValidId, rename, RENAME_MESSAGES, type RenameError } from './rename';
import { formatTemplate } from './messages';
import type { TextEdit } from './edits';

export type CardIdChange =
  /** The card has an id: rename it at `offset` (its id's start) to `newName`; `edits` are the in-file ones. */
  | { rename: { offset: number; newName: string; edits: TextEdit[] } }
  /**
   * Anything else (no id yet, a value that is no text; a card or file the field edit refuses to
   * touch: no such card, an alias, YAML syntax errors): the field edit sets `value` (a new id
   * without the spaces around it), or refuses with its own reason.
   */
  | { setField: { value: unknown } }
  | RenameError;

function refuse(template: string, args: string[] = []): RenameError {
  return { error: formatTemplate(template, args), template, args };
}

/** How setting the field `id` of the card at `at` to `value` is done (see the file comment). */
export function cardIdChange(text: string, result: ValidationResult, at: CardAt, value: unknown): CardIdChange {
  if (typeof value !== 'string') return { setField: { value } };
  let found: ReturnType<typeof cardAt>;
  try {
    // The field edit's own checks of the file and the card, so what it refuses is refused alike.
    found = cardAt(editContext(text, result), at);
  } catch {
    return { setField: { value } };
  }
  const { card } = found;
  const model = result.model!;
  if (card.id) {
    const renamed = rename(text, model, card.id.start, value);
    return 'error' in renamed ? renamed : { rename: { offset: card.id.start, newName: value, edits: renamed.edits } };
  }
  const newId = value.trim();
  if (!newId) return refuse(RENAME_MESSAGES.empty);
  if (!isValidId(newId)) return refuse(RENAME_MESSAGES.notKebab, [newId]);
  const other = modelIndex(model).cardsById.get(newId)?.[0];
  if (other?.id) return refuse(RENAME_MESSAGES.taken, [newId, String(new LineIndex(text).positionAt(other.id.start).line + 1)]);
  return { setField: { value: newId } };
}
