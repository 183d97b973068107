import type { CanvasModel, Card, Span } from '../../core';

/**
 * Where revealing a card from the preview puts the editor's cursor: at its name, the string of a
 * plain-string card or the start of the `name` value of an object card; else (no name, or a name
 * read through an alias whose anchor lies elsewhere) at the card's first line. One offset, for an
 * empty selection: a selected card is one keystroke away from being typed over.
 *
 * `key` and `span` come from the page's view, which may be a moment older than the text (views are
 * posted at most once per interval): the card is found by its span, else by its key; one not found
 * any more is revealed at `span.start`.
 */
export function cardCursorOffset(model: CanvasModel | undefined, key: string | undefined, span: Span): number {
  const card = findCard(model?.cards ?? [], key, span);
  if (!card) return span.start;
  const label = card.labelSpan;
  // `labelSpan` is the name's value (moved along by incremental edits), the whole text of a
  // plain-string card, or the first key of a card without a name: all on or after its first line.
  return label.start >= card.span.start && label.start <= card.span.end ? label.start : card.span.start;
}

function findCard(cards: readonly Card[], key: string | undefined, span: Span): Card | undefined {
  const bySpan = cards.find((c) => c.span.start === span.start && c.span.end === span.end);
  if (bySpan || key === undefined) return bySpan;
  // The view's keys (render/buildView.ts): the id, else `block#index` (`~n` added to a repeat).
  return cards.find((c) => c.id?.value === key) ?? cards.find((c) => `${c.block}#${c.index}` === key);
}
