import { facing, fitEndpoints, type Box } from '../core/render/fits';
import type { CanvasView, FitView } from '../core/render/viewTypes';

const SVG = 'http://www.w3.org/2000/svg';
/** How far the customer profile's ellipse reaches beyond the rectangle it holds, per side (√2/2 − 1/2). */
const BULGE = Math.SQRT2 / 2 - 0.5;
/** Lines routed beside stacked cards run in lanes this far apart, right of the cards (see preview.css). */
const GUTTER_STEP = 4;
const GUTTER_LANES = 5;

/**
 * The value proposition's fit lines, drawn in an SVG laid over the canvas from the cards' boxes,
 * and the room above and below the customer profile's ellipse (the ellipse is CSS: it follows its
 * rectangle by itself). Anything that moves a card (a resize, text wrapping, a compare mark, an
 * update) triggers a redraw through one ResizeObserver, before the next paint.
 */
export class FitLines {
  private readonly svg: SVGSVGElement;
  private readonly observer: ResizeObserver | undefined;
  private view: CanvasView | undefined;
  private fits: FitView[] = [];
  private observed = new Set<Element>();
  private current: string | undefined;

  constructor(private readonly main: HTMLElement) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.classList.add('fit-lines');
    this.svg.setAttribute('aria-hidden', 'true');
    this.svg.setAttribute('focusable', 'false');
    this.observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.redraw());
  }

  /** Takes the fits of a new view and draws them. */
  update(view: CanvasView): void {
    this.view = view;
    this.fits = view.groups.length ? view.fits.filter((fit) => facing(view, fit)) : [];
    this.observe();
    this.redraw();
  }

  clear(): void {
    this.view = undefined;
    this.fits = [];
    this.observe();
    this.svg.replaceChildren();
    this.svg.remove();
  }

  /** Marks the lines of the card with DOM key `key` (the card under the editor's cursor). */
  highlight(key: string | undefined): void {
    this.current = key;
    for (const line of Array.from(this.svg.children) as SVGElement[]) {
      const on = key !== undefined && (line.dataset.from === key || line.dataset.to === key);
      if (line.classList.contains('current') !== on) line.classList.toggle('current', on);
    }
  }

  /** Watches the canvas and every card with a line (their sizes move the lines' ends). */
  private observe(): void {
    if (!this.observer) return;
    const wanted = new Set<Element>();
    if (this.view?.groups.length) {
      wanted.add(this.main);
      for (const grid of this.main.querySelectorAll('.group-grid')) wanted.add(grid);
      const cards = this.cards();
      for (const fit of this.fits) {
        const from = cards.get(`${fit.fromBlock}/${fit.from}`);
        const to = cards.get(`${fit.toBlock}/${fit.to}`);
        if (from) wanted.add(from);
        if (to) wanted.add(to);
      }
    }
    for (const el of this.observed) if (!wanted.has(el)) this.observer.unobserve(el);
    for (const el of wanted) if (!this.observed.has(el)) this.observer.observe(el);
    this.observed = wanted;
  }

  /** The drawn cards by DOM key, looked up once per pass (a query per line would scan the page each time). */
  private cards(): Map<string, HTMLElement> {
    const cards = new Map<string, HTMLElement>();
    for (const el of this.main.querySelectorAll<HTMLElement>('li.card[data-key]')) if (!cards.has(el.dataset.key!)) cards.set(el.dataset.key!, el);
    return cards;
  }

  /** Lays the profile's room and the lines out again from what is drawn now. */
  redraw(): void {
    if (!this.view?.groups.length) {
      this.svg.remove();
      return;
    }
    for (const grid of this.main.querySelectorAll<HTMLElement>('.group[data-shape="circle"] .group-grid')) {
      // Room for the ellipse above and below: it reaches BULGE of the rectangle's height beyond it.
      // (A narrow preview draws no ellipse: its CSS ignores the room.)
      const ring = grid.parentElement!;
      const room = `${Math.ceil(grid.offsetHeight * BULGE) + 4}px`;
      if (ring.style.getPropertyValue('--bulge') !== room) ring.style.setProperty('--bulge', room);
    }
    if (this.svg.parentNode !== this.main) this.main.appendChild(this.svg);
    const origin = this.main.getBoundingClientRect();
    // The canvas may be drawn scaled (zoom.ts): boxes measured on screen go back to the canvas's
    // own pixels, which the SVG inside it draws in.
    const scale = this.main.offsetWidth > 0 && origin.width > 0 ? origin.width / this.main.offsetWidth : 1;
    const left = origin.left;
    const top = origin.top;
    const box = (el: HTMLElement): Box => {
      const r = el.getBoundingClientRect();
      return {
        x: (r.left - left) / scale - this.main.clientLeft,
        y: (r.top - top) / scale - this.main.clientTop,
        width: r.width / scale,
        height: r.height / scale,
      };
    };
    this.svg.setAttribute('width', String(this.main.clientWidth));
    this.svg.setAttribute('height', String(this.main.clientHeight));
    const lines: SVGPathElement[] = [];
    let aside = 0;
    const cards = this.cards();
    for (const fit of this.fits) {
      const from = cards.get(`${fit.fromBlock}/${fit.from}`);
      const to = cards.get(`${fit.toBlock}/${fit.to}`);
      // Hidden (a filtered list, a narrow layout's collapsed block): no box, no line.
      if (!from || !to || !from.getClientRects().length || !to.getClientRects().length) continue;
      const ends = fitEndpoints(box(from), box(to));
      const { x1, y1, x2, y2 } = ends;
      const path = document.createElementNS(SVG, 'path');
      path.classList.add('fit');
      path.dataset.from = from.dataset.key!;
      path.dataset.to = to.dataset.key!;
      path.dataset.field = fit.field;
      path.dataset.route = ends.route;
      if (ends.route === 'across') path.setAttribute('d', `M${x1} ${y1}L${x2} ${y2}`);
      else {
        // Out to the gutter right of both cards (each line a step further out), down, and back in.
        const gutter = Math.max(x1, x2) + GUTTER_STEP * (1 + (aside++ % GUTTER_LANES));
        path.setAttribute('d', `M${x1} ${y1}H${gutter}V${y2}H${x2}`);
      }
      if (this.current !== undefined && (path.dataset.from === this.current || path.dataset.to === this.current)) path.classList.add('current');
      lines.push(path);
    }
    this.svg.replaceChildren(...lines);
  }
}
