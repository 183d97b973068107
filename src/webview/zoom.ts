import type { ZoomLabels } from '../shared/labels/zoom';
import type { PreviewState } from '../shared/protocol';
import type { Chrome } from './chrome';
import { installTouchPanZoom } from './touchPanZoom';

/** The levels the buttons and keys step through; the wheel zooms smoothly between the ends. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];
/**
 * The narrowest canvas that keeps its kind's grid (the container query in preview.css stacks the
 * blocks below it). Fit to width never lays the canvas out narrower: a narrow window gets the whole
 * grid drawn smaller instead of the stacked blocks of 100 %.
 */
export const GRID_MIN_WIDTH = 560;
/** How much one pixel of Ctrl+wheel changes the level (a notch of 100 px: about ×1.22). */
const WHEEL_RATE = 0.002;

export function clampZoom(zoom: number): number {
  return Number.isFinite(zoom) ? Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) : 1;
}

/** The next step above (direction 1) or below (-1) `zoom`, a level between steps going to its neighbour. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const epsilon = 1e-6;
  if (direction > 0) return ZOOM_STEPS.find((step) => step > zoom + epsilon) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom - epsilon) ?? MIN_ZOOM;
}

/** Keys that never zoom: someone is typing (a card's name, a field of the detail panel, the select). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

/** Where a drag pans: anywhere in the canvas that is not a card or a control (those have their own drags and clicks). */
function emptySpace(target: EventTarget | null): boolean {
  const el = target as Element | null;
  return !!el?.closest && !el.closest('.card, button, a, input, textarea, select, [contenteditable], [draggable="true"]');
}

/**
 * Zoom and pan of the canvas. The canvas is laid out in `.zoom-frame` and drawn scaled in
 * `.zoom-stage`, which takes the drawn size so the page scrolls over it (panning is the page's own
 * scrolling, plus dragging empty space). Zooming in magnifies the canvas laid out at the window's
 * width; zooming out gives it more room (it is laid out at width ÷ zoom), so a narrow window zoomed
 * out shows the kind's whole grid. The level is kept in the page state and announced.
 *
 * On a touch screen one finger pans and two pinch-zoom around their midpoint (touchPanZoom.ts).
 *
 * Keys: Ctrl+= (or Ctrl++), Ctrl+- and Ctrl+0 (100 %), Cmd on macOS, as in a browser; and without
 * modifiers + (or =), -, 0 (fit to width) and 1 (100 %) while no field has the focus. VS Code's
 * webview frame passes every keydown that bubbles up to its window on to the workbench (even a
 * default-prevented one), where Ctrl+= / Ctrl+- zoom the whole window and Ctrl+0 focuses the side
 * bar: the page stops the propagation of the Ctrl keys it handles, so they zoom the canvas only.
 */
export class Zoom {
  private level = 1;
  private readonly stage: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly levelButton: HTMLButtonElement;
  private readonly outButton: HTMLButtonElement;
  private readonly inButton: HTMLButtonElement;
  private readonly announcer: HTMLElement;
  /** A pan in progress: where the pointer and the page's scroll position started. */
  private drag: { id: number; x: number; y: number; scrollX: number; scrollY: number } | undefined;
  /** The scroll position saved with the page, applied again once the stage has its zoomed height. */
  private restoreScroll: { x: number; y: number } | undefined;

  constructor(
    chrome: Chrome,
    private readonly labels: ZoomLabels,
    saved: PreviewState | undefined,
    private readonly onChange: (zoom: number) => void,
  ) {
    this.frame = chrome.main.parentElement!;
    this.stage = this.frame.parentElement!;
    const button = (className: string, text: string, label: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `button secondary ${className}`;
      b.textContent = text;
      if (label) {
        b.setAttribute('aria-label', label);
        b.title = label;
      }
      return b;
    };
    this.outButton = button('zoom-out', '\u2212', labels.zoomOut);
    this.levelButton = button('zoom-level', '', '');
    this.levelButton.title = labels.actualSize;
    this.inButton = button('zoom-in', '+', labels.zoomIn);
    const fitButton = button('zoom-fit', labels.fit, labels.fitWidth);
    const hint = document.createElement('span');
    hint.id = 'zoom-keys';
    hint.hidden = true;
    hint.textContent = labels.keys;
    this.announcer = document.createElement('span');
    this.announcer.className = 'sr-only zoom-announcer';
    this.announcer.setAttribute('role', 'status');
    this.announcer.setAttribute('aria-live', 'polite');
    const group = chrome.zoomControls;
    group.setAttribute('aria-label', labels.group);
    group.setAttribute('aria-describedby', hint.id);
    group.replaceChildren(this.outButton, this.levelButton, this.inButton, fitButton, hint, this.announcer);

    this.outButton.addEventListener('click', () => this.set(stepZoom(this.level, -1)));
    this.inButton.addEventListener('click', () => this.set(stepZoom(this.level, 1)));
    this.levelButton.addEventListener('click', () => this.set(1));
    fitButton.addEventListener('click', () => this.fitWidth());
    document.addEventListener('keydown', (event) => this.onKey(event));
    // Anywhere on the page (over the header too: else the browser would zoom the whole page), and
    // not passive: Ctrl+wheel must not also scroll.
    window.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    this.stage.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    this.stage.addEventListener('pointermove', (event) => this.onPointerMove(event));
    this.stage.addEventListener('pointerup', (event) => this.endDrag(event));
    this.stage.addEventListener('pointercancel', (event) => this.endDrag(event));
    // Fingers: one pans, two pinch (touchPanZoom.ts); the pointer handlers above are the mouse's and pen's.
    installTouchPanZoom(this.stage, this);
    // The stage follows the canvas's size (cards drawn, text wrapping, a window resized).
    new ResizeObserver(() => this.fitStage()).observe(this.frame);
    window.addEventListener('resize', () => this.fitStage());

    if (saved && saved.zoom !== undefined && saved.zoom !== 1) {
      this.restoreScroll = { x: saved.scrollX ?? 0, y: saved.scrollY ?? 0 };
      this.apply(clampZoom(saved.zoom));
      this.onChange(this.level); // into the page's new state, which starts without it
    }
    this.drawLevel();
  }

  get zoom(): number {
    return this.level;
  }

  /**
   * Sets the level, keeping the point at (clientX, clientY) where it is (by default the middle of
   * the window). `quiet`: not announced (a pinch announces its level once, at its end: announce()).
   */
  set(zoom: number, anchor?: { clientX: number; clientY: number }, quiet = false): void {
    const next = Math.round(clampZoom(zoom) * 1000) / 1000;
    if (next === this.level) return;
    const before = this.stage.getBoundingClientRect();
    const x = anchor?.clientX ?? document.documentElement.clientWidth / 2;
    const y = anchor?.clientY ?? document.documentElement.clientHeight / 2;
    // The anchor as a fraction of the drawn canvas (zooming out lays it out again, so its own
    // coordinates do not survive; the fractions do, exactly when zooming in).
    const fx = before.width ? Math.min(1, Math.max(0, (x - before.left) / before.width)) : 0;
    const fy = before.height ? Math.min(1, Math.max(0, (y - before.top) / before.height)) : 0;
    const pointX = before.left + fx * before.width;
    const pointY = before.top + fy * before.height;
    this.apply(next);
    const after = this.stage.getBoundingClientRect();
    window.scrollBy(after.left + fx * after.width - pointX, after.top + fy * after.height - pointY);
    this.drawLevel();
    if (!quiet) this.announce();
    this.onChange(this.level);
  }

  /** Reads the level out (screen readers). */
  announce(): void {
    this.announcer.textContent = this.levelText();
  }

  /** The canvas as wide as the window: 100 %, or less when the window is narrower than the grid needs. */
  fitWidth(): void {
    const width = this.availableWidth();
    this.set(width >= GRID_MIN_WIDTH ? 1 : Math.max(MIN_ZOOM, Math.floor((width / GRID_MIN_WIDTH) * 1000) / 1000));
    window.scrollTo({ left: 0, top: window.scrollY });
  }

  /** The width the canvas has at 100 %: the page's, less its padding. */
  private availableWidth(): number {
    const style = getComputedStyle(document.body);
    return document.body.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }

  private apply(zoom: number): void {
    this.level = zoom;
    const zoomed = zoom !== 1;
    this.stage.classList.toggle('zoomed', zoomed);
    document.body.classList.toggle('zoomed-in', zoom > 1);
    if (zoomed) this.stage.style.setProperty('--zoom', String(zoom));
    else this.stage.style.removeProperty('--zoom');
    this.fitStage();
  }

  /** The stage's height: the frame's, drawn at the zoom (its width follows from CSS). */
  private fitStage(): void {
    const height = this.level === 1 ? '' : `${Math.ceil(this.frame.offsetHeight * this.level)}px`;
    if (this.stage.style.height !== height) this.stage.style.height = height;
    if (this.restoreScroll && this.frame.querySelector('.block')) {
      const { x, y } = this.restoreScroll;
      this.restoreScroll = undefined;
      if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
    }
  }

  private levelText(): string {
    const percent = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'percent', maximumFractionDigits: 0 }).format(this.level);
    return this.labels.level.replace('{0}', percent);
  }

  private drawLevel(): void {
    const percent = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'percent', maximumFractionDigits: 0 }).format(this.level);
    this.levelButton.textContent = percent;
    this.levelButton.setAttribute('aria-label', `${this.levelText()}. ${this.labels.actualSize}`);
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus on reaching the limit.
    this.outButton.setAttribute('aria-disabled', String(this.level <= MIN_ZOOM));
    this.inButton.setAttribute('aria-disabled', String(this.level >= MAX_ZOOM));
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey) {
      const command =
        event.key === '=' || event.key === '+' ? () => this.set(stepZoom(this.level, 1))
        : event.key === '-' ? () => this.set(stepZoom(this.level, -1))
        : event.key === '0' ? () => this.set(1)
        : undefined;
      if (!command) return;
      event.preventDefault();
      event.stopPropagation(); // not on to the workbench (see the class comment)
      command();
      return;
    }
    if (typing(event.target)) return;
    const action =
      event.key === '+' || event.key === '=' ? () => this.set(stepZoom(this.level, 1))
      : event.key === '-' ? () => this.set(stepZoom(this.level, -1))
      : event.key === '0' ? () => this.fitWidth()
      : event.key === '1' ? () => this.set(1)
      : undefined;
    if (!action) return;
    event.preventDefault();
    action();
  }

  private onWheel(event: WheelEvent): void {
    // Ctrl+wheel, and Cmd+wheel on macOS; a trackpad's pinch arrives as Ctrl+wheel too.
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const pixels = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? event.deltaY * 400 : event.deltaY;
    this.set(this.level * Math.exp(-pixels * WHEEL_RATE), { clientX: event.clientX, clientY: event.clientY });
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    // The left button on empty canvas space, or the middle button anywhere.
    if (!(event.button === 0 && emptySpace(event.target)) && event.button !== 1) return;
    event.preventDefault(); // no text selection, no middle-click autoscroll
    this.drag = { id: event.pointerId, x: event.clientX, y: event.clientY, scrollX: window.scrollX, scrollY: window.scrollY };
    this.stage.setPointerCapture?.(event.pointerId);
    this.stage.classList.add('panning');
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag || event.pointerId !== this.drag.id) return;
    // From where the drag started, not step by step: fractional steps would add up rounding errors.
    const { x, y, scrollX, scrollY } = this.drag;
    window.scrollTo(scrollX + x - event.clientX, scrollY + y - event.clientY);
  }

  private endDrag(event: PointerEvent): void {
    if (!this.drag || event.pointerId !== this.drag.id) return;
    this.drag = undefined;
    this.stage.classList.remove('panning');
  }
}

/** Installs the zoom on the page's canvas (main.ts); `onChange` keeps the level in the page state. */
export function installZoom(chrome: Chrome, labels: ZoomLabels, saved: PreviewState | undefined, onChange: (zoom: number) => void): Zoom {
  return new Zoom(chrome, labels, saved, onChange);
}
