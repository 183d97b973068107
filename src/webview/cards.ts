import { isSafeColor } from '../core/render/colors';
import type { CardView, SegmentLegend } from '../core/render/viewTypes';
import type { PreviewLabels } from '../shared/protocol';

/** What a card needs besides itself: the legend (names and colours of its links), and the labels. */
export interface CardContext {
  segments: ReadonlyMap<string, SegmentLegend>;
  labels: PreviewLabels;
}

/** A colour from the file, or undefined: only plain colour values ever reach a style. */
export function safeColor(value: string | undefined): string | undefined {
  return isSafeColor(value) ? value : undefined;
}

/** Everything that changes what a card shows; equal signatures mean nothing to redraw. */
export function cardSignature(card: CardView, context: CardContext): string {
  return JSON.stringify([
    card.id,
    card.name,
    card.type?.value,
    card.type?.label,
    card.status,
    card.statusLabel,
    card.tags,
    card.description,
    card.colors,
    card.segmentIds.map((id) => [context.segments.get(id)?.name ?? id, context.segments.get(id)?.color]),
    card.severity,
    card.ratings,
    card.refs,
  ]);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The id of the hidden text that describes every card (`PreviewLabels.cardHint`, drawn by chrome.ts). */
export const CARD_HINT_ID = 'card-hint';

export function createCard(domKey: string): HTMLLIElement {
  const li = element('li', 'card');
  li.tabIndex = 0;
  li.dataset.key = domKey;
  li.setAttribute('aria-describedby', CARD_HINT_ID);
  return li;
}

/**
 * Redraws the inside of `li` (the element itself, and so focus and identity, stays).
 * `description`: the card's description, already rendered (see `markdownFragments`).
 */
export function fillCard(li: HTMLLIElement, card: CardView, context: CardContext, description?: DocumentFragment): void {
  const { labels } = context;
  const colors = card.colors.map(safeColor).filter((c): c is string => c !== undefined);
  li.className = 'card';
  if (card.severity) li.classList.add(`severity-${card.severity}`);
  if (colors.length) li.style.setProperty('--card-color', colors[0]);
  else li.style.removeProperty('--card-color');
  li.replaceChildren();

  if (colors.length) {
    const stripe = element('div', 'stripe');
    stripe.setAttribute('aria-hidden', 'true');
    for (const color of colors) {
      const band = element('span', 'band');
      band.style.backgroundColor = color;
      stripe.appendChild(band);
    }
    li.appendChild(stripe);
  }

  const head = element('div', 'card-head');
  head.appendChild(element('h3', 'card-name', card.name));
  if (card.severity) {
    const mark = element('span', 'severity-mark', card.severity === 'error' || card.severity === 'warning' ? '!' : 'i');
    mark.dataset.severity = card.severity;
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', labels.severity[card.severity]);
    mark.title = labels.severity[card.severity];
    head.appendChild(mark);
  }
  li.appendChild(head);

  if (card.type || card.status || card.ratings?.length) {
    const meta = element('div', 'card-meta');
    if (card.type) {
      const badge = element('span', 'badge type', card.type.label);
      badge.title = card.type.value;
      meta.appendChild(badge);
    }
    if (card.status) {
      const status = element('span', 'status', card.statusLabel ?? card.status);
      status.dataset.status = card.status;
      status.title = labels.status;
      meta.appendChild(status);
    }
    for (const rating of card.ratings ?? []) {
      const badge = element('span', 'rating', `${rating.title}: ${rating.label}`);
      badge.dataset.field = rating.field;
      badge.dataset.value = rating.value;
      meta.appendChild(badge);
    }
    li.appendChild(meta);
  }

  if (description) {
    const container = element('div', 'card-description markdown');
    container.appendChild(description);
    li.appendChild(container);
  }

  if (card.tags.length) {
    const tags = element('ul', 'tags');
    tags.setAttribute('aria-label', labels.tags);
    for (const tag of card.tags) tags.appendChild(element('li', 'tag', tag));
    li.appendChild(tags);
  }

  for (const ref of card.refs ?? []) {
    // The cards it names (a reliever's pains): the lines show where, this says which, in words.
    const refs = element('p', 'refs');
    refs.dataset.field = ref.field;
    refs.append(element('span', 'refs-title', `${ref.title}: `), document.createTextNode(ref.cards.map((c) => c.name || c.key).join(', ')));
    li.appendChild(refs);
  }

  if (card.segmentIds.length) {
    const links = element('ul', 'links');
    links.setAttribute('aria-label', labels.segments);
    for (const id of card.segmentIds) {
      const segment = context.segments.get(id);
      const link = element('li', 'link');
      const dot = element('span', 'dot');
      dot.setAttribute('aria-hidden', 'true');
      const color = safeColor(segment?.color);
      if (color) dot.style.backgroundColor = color;
      link.append(dot, document.createTextNode(segment?.name ?? id));
      links.appendChild(link);
    }
    li.appendChild(links);
  }
}
