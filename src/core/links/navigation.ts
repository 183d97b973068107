/**
 * Navigation across a link: the link field under the cursor of a value-proposition canvas, and
 * the card of the business model it names.
 */
import type { Card, Located } from '../model';
import { cardWithId, LINKED_BLOCKS, LinkField, LinkedModel, linksOf } from './model';

export interface LinkAt {
  field: LinkField;
  value: Located<string>;
}

/** The link value under `offset` (a cursor just after it counts, as in the editor). */
export function linkAt(model: LinkedModel | undefined, offset: number): LinkAt | undefined {
  const links = linksOf(model);
  if (!links) return undefined;
  for (const field of ['businessModel', 'segment', 'valueProposition'] as const) {
    const value = links[field];
    if (value && value.start <= offset && offset <= value.end) return { field, value };
  }
  return undefined;
}

/** The card of the business model a `segment` or `value-proposition` value names. */
export function linkedCard(businessModel: Pick<LinkedModel, 'blocks'>, field: 'segment' | 'valueProposition', id: string): Card | undefined {
  return cardWithId(businessModel, LINKED_BLOCKS[field], id);
}
