/**
 * What links read of a canvas model: its kind and the link fields of a value-proposition canvas.
 * The core's CanvasModel has these fields; the structural type keeps this module to what it uses.
 */
import type { CanvasModel, Located } from '../model';

export interface LinkFields {
  businessModel?: Located<string>;
  segment?: Located<string>;
  valueProposition?: Located<string>;
}

export type LinkedModel = Pick<CanvasModel, 'blocks' | 'cards'> & { kind?: string; links?: LinkFields };

/** The two link fields that name a card of the business model, and the block each names. */
export const LINKED_BLOCKS = {
  segment: 'customer-segments',
  valueProposition: 'value-propositions',
} as const;

export type IdLinkField = keyof typeof LINKED_BLOCKS;

/** The YAML key of each link field, as written in the file. */
export const LINK_KEYS = {
  businessModel: 'business-model',
  segment: 'segment',
  valueProposition: 'value-proposition',
} as const;

export type LinkField = keyof typeof LINK_KEYS;

/** The link fields of a value-proposition canvas that names a business model; undefined otherwise. */
export function linksOf(model: LinkedModel | undefined): (LinkFields & { businessModel: Located<string> }) | undefined {
  if (!model || model.kind !== 'value-proposition') return undefined;
  const links = model.links;
  return links?.businessModel ? (links as LinkFields & { businessModel: Located<string> }) : undefined;
}

/** The first card of `block` with `id` (as a reference resolves within a file). */
export function cardWithId(model: Pick<CanvasModel, 'blocks'>, block: string, id: string) {
  return model.blocks.get(block)?.cards.find((card) => card.id?.value === id);
}

/** The ids of a block's cards, in file order, each once. */
export function idsOf(model: Pick<CanvasModel, 'blocks'>, block: string): string[] {
  const ids = new Set<string>();
  for (const card of model.blocks.get(block)?.cards ?? []) if (card.id) ids.add(card.id.value);
  return [...ids];
}
