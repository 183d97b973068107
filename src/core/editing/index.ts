/**
 * The minimal-edit engine behind the editing commands and the preview's gestures: each command
 * reads the text and its validation result and returns the smallest text edits that do it (or why
 * it was refused). Only the edited card's lines change, and the block key when a block is created.
 */
export { addCard } from './addCard';
export { renameCard } from './renameCard';
export { moveCard } from './moveCard';
export { deleteCard } from './deleteCard';
export { setCardField } from './setCardField';
export { EDITING_MESSAGES } from './messages';
export { isFieldValue } from './types';
export type { AddCardRequest, CardAt, EditResult, FieldObject, FieldValue, MoveCardRequest, RenameCardRequest, SetCardFieldRequest } from './types';
