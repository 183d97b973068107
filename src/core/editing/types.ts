import type { TextEdit } from '../edits';
import type { EditingMessage } from './messages';

/** The edits that do what was asked (none when it is already so), or why it was refused. */
export type EditResult = { edits: TextEdit[] } | { error: string; args: string[] };

/** A card by where it is: a block key of the file's kind and its 0-based position in the list. */
export interface CardAt {
  block: string;
  index: number;
}

export interface AddCardRequest {
  block: string;
  name: string;
  /** Where the card goes (0 = first); appended when left out. */
  index?: number;
}

export interface RenameCardRequest extends CardAt {
  name: string;
}

export interface MoveCardRequest extends CardAt {
  toBlock: string;
  /** The card's index in `toBlock` after the move. */
  toIndex: number;
}

/** A field value: text, a list of ids, a boolean or number where the schema allows it; null removes the field. */
export type FieldValue = string | number | boolean | string[] | null;

export interface SetCardFieldRequest extends CardAt {
  field: string;
  value: FieldValue;
}

/** Thrown inside the engine to refuse; each command turns it into its `{ error, args }` result. */
export class Refusal {
  constructor(
    readonly message: EditingMessage,
    readonly args: string[] = [],
  ) {}
}
