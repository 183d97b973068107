/**
 * Fit lines (value proposition): which fits get a line, and where it starts and ends. Shared by
 * the SVG export and the preview, so both draw the same lines between the same card edges.
 */
import type { CanvasView, FitView } from './viewTypes';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Whether a fit joins blocks that face each other, side by side on the grid (pain relievers and
 * pains, gain creators and gains): only those get a line. Others (products and the jobs across the
 * circle) would cross every card between them; their cards name each other in text instead.
 */
export function facing(view: CanvasView, fit: FitView): boolean {
  const from = view.blocks.find((b) => b.key === fit.fromBlock)?.cell;
  const to = view.blocks.find((b) => b.key === fit.toBlock)?.cell;
  return !!from && !!to && (from.column + from.columns === to.column || to.column + to.columns === from.column);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export interface FitEnds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /**
   * 'across': a straight line from the first card's facing edge to the second's (side by side).
   * 'aside': both ends on the cards' right edges, to be joined through a gutter on the right (one
   * card above the other, as a narrow preview stacks the two sides): a line straight down would
   * cross every card between them.
   */
  route: 'across' | 'aside';
}

/** Where a fit line starts and ends: at mid height of each card, on the edges that face each other. */
export function fitEndpoints(from: Box, to: Box): FitEnds {
  const y1 = round(from.y + from.height / 2);
  const y2 = round(to.y + to.height / 2);
  if (from.x + from.width <= to.x) return { x1: round(from.x + from.width), y1, x2: round(to.x), y2, route: 'across' };
  if (to.x + to.width <= from.x) return { x1: round(from.x), y1, x2: round(to.x + to.width), y2, route: 'across' };
  return { x1: round(from.x + from.width), y1, x2: round(to.x + to.width), y2, route: 'aside' };
}
