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

/**
 * A field value: text, a list of ids, a boolean or number where the schema allows it, an object
 * (`persona`, `checks`) or a list of objects (`segmentation`) of such values; null removes the field.
 */
export type FieldValue = string | number | boolean | string[] | FieldObject | FieldObject[] | null;

/** The value of an object field: its keys' values (never null inside: a key left out is unset). */
export interface FieldObject {
  [key: string]: Exclude<FieldValue, null>;
}

export interface SetCardFieldRequest extends CardAt {
  /**
   * A field of the card, or a dotted path into an object field: `persona.name`, `checks.distinct`,
   * `segmentation.0.criteria` (an entry of a list of objects by its index).
   */
  field: string;
  value: FieldValue;
}

/** Deeper than any canvas field goes: a value nested further is refused, never walked. */
const MAX_DEPTH = 8;

/**
 * Whether untrusted data (a command's argument, a page's intent) has the shape of a FieldValue;
 * whether the schema takes it is the engine's check.
 */
export function isFieldValue(value: unknown, depth = 0): value is FieldValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth >= MAX_DEPTH || typeof value !== 'object') return false;
  const nested = (v: unknown) => v !== null && isFieldValue(v, depth + 1);
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') || value.every((v) => isPlainObject(v) && nested(v));
  return isPlainObject(value) && Object.values(value).every(nested);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Thrown inside the engine to refuse; each command turns it into its `{ error, args }` result. */
export class Refusal {
  constructor(
    readonly message: EditingMessage,
    readonly args: string[] = [],
  ) {}
}
