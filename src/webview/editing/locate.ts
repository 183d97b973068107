import type { BlockView, CanvasView, CardView } from '../../core/render/viewTypes';

/** A card as the page shows it: its block, its position among the block's cards, its view and element. */
export interface CardAt {
  block: BlockView;
  position: number;
  card: CardView;
  el: HTMLElement;
}

/** Where a card is to be (after an edit), for the focus to follow it. */
export interface CardPlace {
  block: string;
  position: number;
}

export function blockSection(main: HTMLElement, block: string): HTMLElement | null {
  return main.querySelector<HTMLElement>(`section.block[data-block="${CSS.escape(block)}"]`);
}

/** The card elements of a block, in order (cards.ts draws them as `li.card` in the block's list). */
export function cardElements(section: Element): HTMLElement[] {
  return Array.from(section.querySelectorAll<HTMLElement>(':scope ul.cards > li.card'));
}

/** The card `el` is (or is inside), read from the view: its block by the section, its position by the list. */
export function locateCard(view: CanvasView, el: Element | null): CardAt | undefined {
  const li = el?.closest<HTMLElement>('li.card');
  const section = li?.closest<HTMLElement>('section.block');
  const block = section && view.blocks.find((b) => b.key === section.dataset.block);
  if (!li || !section || !block) return undefined;
  const position = cardElements(section).indexOf(li);
  const card = block.cards[position];
  // The element's key starts with the block's and the card's key (canvas.ts): else the DOM is not this view.
  const key = `${block.key}/${card?.key}`;
  if (!card || (li.dataset.key !== key && !li.dataset.key?.startsWith(`${key}~`))) return undefined;
  return { block, position, card, el: li };
}

/**
 * The `index` the editing commands take (the item's place in the block's list, counting items that
 * are no card) of the card at `position`; past the last card: right after it.
 */
export function listIndex(block: BlockView, position: number): number {
  const card = block.cards[position];
  if (card) return card.item ?? position;
  const last = block.cards[block.cards.length - 1];
  return last ? (last.item ?? block.cards.length - 1) + 1 : 0;
}

/** Focuses the card at `place` (or the block's last one, when fewer), if drawn; true when focused. */
export function focusCard(main: HTMLElement, place: CardPlace): boolean {
  const section = blockSection(main, place.block);
  if (!section) return false;
  const cards = cardElements(section);
  const el = cards[Math.min(place.position, cards.length - 1)];
  if (!el) return false;
  el.focus();
  el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  return true;
}

/** A text field (where Ctrl+Z and Delete belong to the field, not to the canvas). */
export function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'color', 'submit', 'reset'].includes(el.type));
}

/** An element of its own (a control, a link): a gesture that starts there is not a card's. */
export function isControl(el: EventTarget | null): boolean {
  return el instanceof Element && el.closest('input, textarea, select, button, a, summary, label') !== null;
}
