/**
 * The five card edits as the extension takes them, from a command's argument object or a preview
 * gesture's intent (both untrusted: a keybinding, another extension, the page): which engine
 * computes each (src/core/editing) and which arguments it needs, of which type. No `vscode` here,
 * so the checks are unit-tested.
 */
import { addCard, deleteCard, isFieldValue, moveCard, renameCard, setCardField } from '../../core';
import type { EditResult, ValidationResult } from '../../core';

export type CardEditName = 'addCard' | 'renameCard' | 'moveCard' | 'deleteCard' | 'setCardField';

type Compute = (text: string, result: ValidationResult, request: never) => EditResult;
type ArgType = 'string' | 'index' | 'optionalIndex' | 'value';

/** Each edit's engine and the arguments it takes besides `uri` and `version`. */
export const CARD_EDITS: Record<CardEditName, { compute: Compute; args: Record<string, ArgType> }> = {
  addCard: { compute: addCard, args: { block: 'string', name: 'string', index: 'optionalIndex' } },
  renameCard: { compute: renameCard, args: { block: 'string', index: 'index', name: 'string' } },
  moveCard: { compute: moveCard, args: { block: 'string', index: 'index', toBlock: 'string', toIndex: 'index' } },
  deleteCard: { compute: deleteCard, args: { block: 'string', index: 'index' } },
  setCardField: { compute: setCardField, args: { block: 'string', index: 'index', field: 'string', value: 'value' } },
};

export const isCardEditName = (name: unknown): name is CardEditName => typeof name === 'string' && Object.hasOwn(CARD_EDITS, name);

const fits: Record<ArgType, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  index: (value) => Number.isInteger(value),
  optionalIndex: (value) => value === undefined || Number.isInteger(value),
  // A field value (core/editing FieldValue): text, a number, a boolean, a list of texts, an object
  // or a list of objects of such values; null removes.
  value: (value) => isFieldValue(value),
};

/**
 * The name of the first argument of `edit` that is missing or of the wrong type in `request`
 * (`version` too, when given), or undefined when all fit. Other keys are ignored.
 */
export function badArgument(edit: CardEditName, request: Record<string, unknown>): string | undefined {
  if (request.version !== undefined && !Number.isInteger(request.version)) return 'version';
  return Object.entries(CARD_EDITS[edit].args).find(([name, type]) => !fits[type](request[name]))?.[0];
}
