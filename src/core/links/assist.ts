/**
 * Completion and hover for the link fields of a value-proposition canvas: the ids of the business
 * model's segments or value propositions, documented as the in-file references are.
 */
import { lineStartOf } from '../codeActions/text';
import { cardMarkdown } from '../completion/markdown';
import type { CanvasModel } from '../model';
import type { Span } from '../types';
import { IdLinkField, LINKED_BLOCKS } from './model';
import { linkedCard } from './navigation';

export interface LinkValueSite {
  field: IdLinkField;
  /** What a chosen id replaces: the part of an id around the cursor (empty when none is written). */
  replace: Span;
}

const KEYS: Readonly<Record<string, IdLinkField>> = { segment: 'segment', 'value-proposition': 'valueProposition' };
const ID_CHAR = /[a-z0-9-]/;

/**
 * The `segment:` / `value-proposition:` value being written at `offset`: the top-level key on the
 * cursor's line, the cursor after its colon (after an opening quote too), even with nothing
 * written yet. Only the line is read, up to the cursor.
 */
export function linkValueSite(text: string, offset: number): LinkValueSite | undefined {
  const start = lineStartOf(text, offset);
  if (offset - start > 200) return undefined;
  const match = /^(segment|value-proposition)[ \t]*:[ \t]*["']?([a-z0-9-]*)$/.exec(text.slice(start, offset));
  if (!match) return undefined;
  let end = offset;
  while (end < text.length && ID_CHAR.test(text[end])) end++;
  return { field: KEYS[match[1]], replace: { start: offset - match[2].length, end } };
}

export interface LinkCompletion {
  id: string;
  /** The card's name. */
  detail?: string;
  /** Markdown, escaped. */
  documentation: string;
}

/** The ids `field` can name in the business model, in file order, each once. */
export function linkCompletions(businessModel: Pick<CanvasModel, 'blocks'>, field: IdLinkField): LinkCompletion[] {
  const seen = new Set<string>();
  const items: LinkCompletion[] = [];
  for (const card of businessModel.blocks.get(LINKED_BLOCKS[field])?.cards ?? []) {
    const id = card.id?.value;
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    items.push({ id, ...(card.name !== undefined ? { detail: card.name } : {}), documentation: cardMarkdown(card, 'business-model') });
  }
  return items;
}

/** The business model's card a link value names, as Markdown (escaped); undefined when none. */
export function linkHover(businessModel: Pick<CanvasModel, 'blocks'>, field: IdLinkField, id: string): string | undefined {
  const card = linkedCard(businessModel, field, id);
  return card && cardMarkdown(card, 'business-model');
}
