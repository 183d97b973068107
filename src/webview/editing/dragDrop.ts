import type { BlockView } from '../../core/render/viewTypes';
import type { ViewStore } from '../viewStore';
import { cardElements, CardAt, isControl, locateCard } from './locate';

/** Pixels the pointer travels before a press becomes a drag (a click stays a click: reveal). */
const THRESHOLD = 5;

interface Drag {
  at: CardAt;
  pointerId: number;
  /** Where the pointer was pressed, then where it is. */
  x: number;
  y: number;
  started: boolean;
}

interface DropTarget {
  block: BlockView;
  before: number;
}

/**
 * Drag and drop of cards with the pointer (mouse, pen, touch), within a block and into another:
 * a line shows where the card will land; dropping sends one move. Pointer events rather than
 * HTML5 drag and drop: the webview's frame would offer the drag to the workbench as a file.
 */
export function installDragDrop(main: HTMLElement, store: ViewStore, drop: (at: CardAt, to: BlockView, before: number) => void): void {
  const indicator = document.createElement('div');
  indicator.className = 'drop-indicator';
  indicator.setAttribute('aria-hidden', 'true');
  indicator.hidden = true;
  document.body.appendChild(indicator);
  let drag: Drag | undefined;
  /** The click that ends a drag is not a reveal. */
  let swallowClick = false;

  main.addEventListener('pointerdown', (event) => {
    const view = store.current;
    if (event.button !== 0 || !view || view.outdated || isControl(event.target)) return;
    const at = locateCard(view.view, event.target as Element);
    if (at) drag = { at, pointerId: event.pointerId, x: event.clientX, y: event.clientY, started: false };
  });

  window.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (!drag.started) {
      if (Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < THRESHOLD) return;
      drag.started = true;
      drag.at.el.classList.add('dragging');
      document.body.classList.add('dragging-card');
      window.getSelection()?.removeAllRanges();
    }
    event.preventDefault();
    drag.x = event.clientX;
    drag.y = event.clientY;
    showIndicator(dropTarget(drag.x, drag.y));
  });

  const end = (event: PointerEvent, cancelled: boolean) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { at, started, x, y } = drag;
    drag = undefined;
    indicator.hidden = true;
    at.el.classList.remove('dragging');
    document.body.classList.remove('dragging-card');
    if (!started) return;
    swallowClick = true;
    setTimeout(() => (swallowClick = false), 0);
    if (cancelled) return;
    // Read from the canvas as it is now: an update may have come during the drag.
    const view = store.current;
    const now = view && !view.outdated ? locateCard(view.view, at.el) : undefined;
    const target = dropTarget(x, y);
    if (now && target) drop(now, target.block, target.before);
  };
  window.addEventListener('pointerup', (event) => end(event, false));
  window.addEventListener('pointercancel', (event) => end(event, true));
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && drag?.started) {
      event.preventDefault();
      end(new PointerEvent('pointercancel', { pointerId: drag.pointerId }), true);
    }
  });
  window.addEventListener(
    'click',
    (event) => {
      if (!swallowClick) return;
      swallowClick = false;
      event.stopPropagation();
      event.preventDefault();
    },
    { capture: true },
  );

  /** The block under the pointer and the card the dragged one would go before (its length: last). */
  function dropTarget(x: number, y: number): DropTarget | undefined {
    const section = document.elementFromPoint(x, y)?.closest<HTMLElement>('section.block');
    const block = section && store.current?.view.blocks.find((b) => b.key === section.dataset.block);
    if (!section || !block) return undefined;
    const cards = cardElements(section);
    // Wide blocks lay cards side by side in rows (canvas.ts): before a card of the pointer's row
    // when left of its middle; a column of cards: above a card's middle.
    const rows = section.classList.contains('wide');
    let before = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return rows ? y < box.top || (y < box.bottom && x < box.left + box.width / 2) : y < box.top + box.height / 2;
    });
    if (before === -1) before = cards.length;
    return { block, before: Math.min(before, block.cards.length) };
  }

  function showIndicator(target: DropTarget | undefined): void {
    if (!target) {
      indicator.hidden = true;
      return;
    }
    const section = main.querySelector<HTMLElement>(`section.block[data-block="${CSS.escape(target.block.key)}"]`);
    if (!section) return;
    const cards = cardElements(section);
    const list = section.querySelector('ul.cards');
    const area = (list && !list.hasAttribute('hidden') ? list : section).getBoundingClientRect();
    const next = cards[target.before]?.getBoundingClientRect();
    const previous = cards[target.before - 1]?.getBoundingClientRect();
    const top = next ? next.top - 3 : previous ? previous.bottom + 1 : area.top + 2;
    indicator.style.left = `${area.left}px`;
    indicator.style.width = `${area.width}px`;
    indicator.style.top = `${top}px`;
    indicator.hidden = false;
  }
}
