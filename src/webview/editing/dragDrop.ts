import type { BlockView } from '../../core/render/viewTypes';
import { claimTouch, releaseTouch, TOUCH_SLOP } from '../touchClaims';
import type { ViewStore } from '../viewStore';
import { cardElements, CardAt, isControl, locateCard } from './locate';

/** Pixels the pointer travels before a press becomes a drag (a click stays a click: reveal). */
const THRESHOLD = 5;
/**
 * How long a finger holds a card still (within TOUCH_SLOP) before it picks the card up; a finger
 * that moves sooner pans the canvas (touchPanZoom.ts), as in drawing apps.
 */
export const HOLD_MS = 400;
/**
 * A finger dragging a card this close (CSS pixels) to an edge of the window scrolls the page that
 * way, up to EDGE_SPEED pixels a frame at the edge itself: it cannot scroll while it holds the card
 * (the mouse has its wheel).
 */
const EDGE = 40;
const EDGE_SPEED = 12;

interface Drag {
  at: CardAt;
  pointerId: number;
  /** Where the pointer was pressed, then where it is. */
  x: number;
  y: number;
  started: boolean;
  /** A finger: the drag starts after a hold, not on moving. */
  touch: boolean;
  hold?: ReturnType<typeof setTimeout>;
}

interface DropTarget {
  block: BlockView;
  before: number;
}

/**
 * Drag and drop of cards with the pointer (mouse, pen, touch), within a block and into another:
 * a line shows where the card will land; dropping sends one move. Pointer events rather than
 * HTML5 drag and drop: the webview's frame would offer the drag to the workbench as a file.
 * The mouse and pen drag once moved a few pixels; a finger picks the card up after holding it
 * still for HOLD_MS (a quick swipe pans the canvas instead, and a second finger pinches).
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
  /** The next frame of a scroll at the window's edge (touch drags). */
  let edgeFrame: number | undefined;

  // Anywhere on the page: a second finger, wherever it lands, makes a pinch of a held card's press.
  window.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'touch' && drag?.touch && !drag.started && event.pointerId !== drag.pointerId) letGo();
  });

  main.addEventListener('pointerdown', (event) => {
    const view = store.current;
    if (event.button !== 0 || !view || view.outdated || isControl(event.target)) return;
    const touch = event.pointerType === 'touch';
    if (touch && drag?.touch) return; // one card at a time
    const at = locateCard(view.view, event.target as Element);
    if (!at) return;
    const pressed: Drag = { at, pointerId: event.pointerId, x: event.clientX, y: event.clientY, started: false, touch };
    drag = pressed;
    if (touch) pressed.hold = setTimeout(() => held(pressed), HOLD_MS);
  });

  /** A finger held a card still long enough: it is picked up, unless a pan or pinch has the finger. */
  function held(pressed: Drag): void {
    if (drag !== pressed || pressed.started) return;
    if (!claimTouch(pressed.pointerId, 'drag')) {
      drag = undefined;
      return;
    }
    start(pressed);
    showIndicator(dropTarget(pressed.x, pressed.y));
    scrollAtEdge();
  }

  function start(d: Drag): void {
    d.started = true;
    d.at.el.classList.add('dragging');
    document.body.classList.add('dragging-card');
    window.getSelection()?.removeAllRanges();
  }

  /** A press that became no drag (a swipe, a pinch): forgotten. */
  function letGo(): void {
    clearTimeout(drag?.hold);
    drag = undefined;
  }

  window.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (!drag.started) {
      const moved = Math.hypot(event.clientX - drag.x, event.clientY - drag.y);
      if (drag.touch) {
        // A finger moving before the hold is over swipes: the canvas pans (touchPanZoom.ts).
        if (moved > TOUCH_SLOP) letGo();
        return;
      }
      if (moved < THRESHOLD) return;
      start(drag);
    }
    event.preventDefault();
    drag.x = event.clientX;
    drag.y = event.clientY;
    showIndicator(dropTarget(drag.x, drag.y));
    if (drag.touch) scrollAtEdge();
  });

  /** While a finger drags a card near an edge of the window, the page scrolls that way, a step a frame. */
  function scrollAtEdge(): void {
    if (edgeFrame !== undefined) return;
    edgeFrame = requestAnimationFrame(() => {
      edgeFrame = undefined;
      if (!drag?.started || !drag.touch) return;
      const step = (at: number, size: number) =>
        at < EDGE ? -Math.ceil((EDGE_SPEED * (EDGE - at)) / EDGE) : at > size - EDGE ? Math.ceil((EDGE_SPEED * (at - size + EDGE)) / EDGE) : 0;
      const { x, y } = drag;
      const before = [window.scrollX, window.scrollY];
      window.scrollBy(step(x, document.documentElement.clientWidth), step(y, document.documentElement.clientHeight));
      if (window.scrollX === before[0] && window.scrollY === before[1]) return; // not near an edge, or at the page's end
      showIndicator(dropTarget(x, y));
      scrollAtEdge();
    });
  }

  const end = (event: PointerEvent, cancelled: boolean) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { at, started, x, y, touch, hold, pointerId } = drag;
    drag = undefined;
    clearTimeout(hold);
    if (edgeFrame !== undefined) cancelAnimationFrame(edgeFrame);
    edgeFrame = undefined;
    if (touch) releaseTouch(pointerId, 'drag');
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
  // A held finger brings up the context menu and selects the word under it; neither while it holds a card.
  for (const type of ['contextmenu', 'selectstart']) {
    window.addEventListener(type, (event) => {
      if (drag?.touch) event.preventDefault();
    });
  }
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
