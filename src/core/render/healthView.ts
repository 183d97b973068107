import { canvasHealth, type HealthInput } from '../health';
import type { Card } from '../model';
import type { HealthView } from './viewTypes';

/** The canvas's health for the view: the counts, and the keys of the cards and blocks it names (small to post). */
export function healthView(result: HealthInput, keys?: ReadonlyMap<Card, string>): HealthView {
  const health = canvasHealth(result, keys);
  return {
    blocksFilled: health.blocksFilled,
    blocksTotal: health.blocksTotal,
    problems: health.problems,
    hypotheses: health.hypotheses.map((h) => h.key),
    emptyBlocks: health.emptyBlocks.map((b) => b.block),
  };
}
