import { claimTouch, releaseTouch, TOUCH_SLOP, touchOwner } from './touchClaims';

/** What the touch gestures need of the zoom (zoom.ts). */
export interface Zoomable {
  readonly zoom: number;
  /** Sets the level, keeping the point at (clientX, clientY) where it is; `quiet`: not announced. */
  set(zoom: number, anchor?: { clientX: number; clientY: number }, quiet?: boolean): void;
  /** Reads the level out. */
  announce(): void;
}

interface Point {
  x: number;
  y: number;
}

/** Text being typed keeps the browser's own touch handling (caret, selection handles). */
function textField(target: EventTarget | null): boolean {
  const el = target as Element | null;
  return !!el?.closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const middle = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * The canvas under fingers, as in a drawing app: one finger moved past the slop pans (from
 * anywhere, cards too: a card is dragged by holding it first, editing/dragDrop.ts), two fingers
 * pinch-zoom around their midpoint within the zoom's limits and pan as the midpoint moves; lifting
 * one of the two goes on panning with the other. The stage's `touch-action: none` (zoom.css) keeps
 * the browser from scrolling or zooming the page under these. Mouse and pen are left to zoom.ts.
 */
export function installTouchPanZoom(stage: HTMLElement, zoom: Zoomable): void {
  const fingers = new Map<number, Point>();
  /** One finger: where it and the page's scroll position started; `moving` once past the slop. */
  let pan: { id: number; start: Point; scrollX: number; scrollY: number; moving: boolean } | undefined;
  /**
   * Two fingers: their distance and the level when the pinch started, and the point of the canvas
   * that was under their midpoint then (as fractions of the stage), which stays under it.
   */
  let pinch: { ids: [number, number]; distance: number; zoom: number; anchor: Point } | undefined;

  const startPan = (id: number, start: Point, moving: boolean) => {
    pan = { id, start, scrollX: window.scrollX, scrollY: window.scrollY, moving };
    stage.classList.toggle('panning', moving);
  };
  const endPan = () => {
    if (pan) releaseTouch(pan.id, 'pan');
    pan = undefined;
    stage.classList.remove('panning');
  };

  stage.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'touch' || textField(event.target)) return;
    fingers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (fingers.size === 1) startPan(event.pointerId, { x: event.clientX, y: event.clientY }, false);
    else if (fingers.size === 2 && !pinch) startPinch();
  });

  function startPinch(): void {
    const ids = [...fingers.keys()] as [number, number];
    // A finger already dragging a card keeps dragging it; the other one does nothing.
    if (ids.some((id) => touchOwner(id) === 'drag')) return;
    endPan();
    for (const id of ids) claimTouch(id, 'pinch');
    const [a, b] = ids.map((id) => fingers.get(id)!);
    const mid = middle(a, b);
    const box = stage.getBoundingClientRect();
    const anchor = { x: box.width ? (mid.x - box.left) / box.width : 0, y: box.height ? (mid.y - box.top) / box.height : 0 };
    pinch = { ids, distance: Math.max(1, distance(a, b)), zoom: zoom.zoom, anchor };
  }

  window.addEventListener('pointermove', (event) => {
    if (event.pointerType !== 'touch' || !fingers.has(event.pointerId)) return;
    const point = { x: event.clientX, y: event.clientY };
    fingers.set(event.pointerId, point);
    if (pinch) {
      if (pinch.ids.includes(event.pointerId)) movePinch(pinch);
      return;
    }
    if (pan?.id !== event.pointerId) return;
    if (!pan.moving) {
      if (distance(point, pan.start) < TOUCH_SLOP) return;
      // Held long enough to drag the card under it: not a pan.
      if (!claimTouch(pan.id, 'pan')) {
        pan = undefined;
        return;
      }
      pan.moving = true;
      stage.classList.add('panning');
    }
    // From where the touch started, not step by step (as the mouse's pan, zoom.ts).
    window.scrollTo(pan.scrollX + pan.start.x - point.x, pan.scrollY + pan.start.y - point.y);
  });

  /**
   * Each move is worked out from the pinch's start, not from the move before: the browser reports
   * the two fingers one at a time (one moved, then the other), and steps relative to the last one
   * would add up the zooming in and out between them, and the scroll's rounding, into a drift.
   */
  function movePinch(current: NonNullable<typeof pinch>): void {
    const [a, b] = current.ids.map((id) => fingers.get(id)!);
    const mid = middle(a, b);
    // Announced once, when the pinch ends: not at every move of the fingers.
    zoom.set((current.zoom * distance(a, b)) / current.distance, { clientX: mid.x, clientY: mid.y }, true);
    // The canvas's point that was under the midpoint goes under it again, where it is now.
    const box = stage.getBoundingClientRect();
    window.scrollBy(box.left + current.anchor.x * box.width - mid.x, box.top + current.anchor.y * box.height - mid.y);
  }

  const lift = (event: PointerEvent) => {
    if (event.pointerType !== 'touch' || !fingers.delete(event.pointerId)) return;
    if (pinch?.ids.includes(event.pointerId)) {
      for (const id of pinch.ids) releaseTouch(id, 'pinch');
      if (zoom.zoom !== pinch.zoom) zoom.announce();
      const other = pinch.ids.find((id) => id !== event.pointerId)!;
      pinch = undefined;
      const rest = fingers.get(other);
      // The finger left on the glass goes on panning from where it is.
      if (rest && claimTouch(other, 'pan')) startPan(other, rest, true);
      return;
    }
    if (pan?.id === event.pointerId) endPan();
  };
  window.addEventListener('pointerup', lift);
  window.addEventListener('pointercancel', lift);
}
