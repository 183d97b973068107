/**
 * A canvas's health at a glance (the status bar and the preview's header): how many of its kind's
 * blocks have a card, how many problems its validation found, and which cards are hypotheses not
 * yet tested (`status: hypothesis`). Read from a validation result only: nothing is parsed again.
 */
import { DEFAULT_KIND, kindInfo } from './kinds';
import type { ProblemCounts } from './healthSummary';
import type { Card, CanvasModel } from './model';
import { cardKeys } from './render/cardKeys';
import type { CanvasDiagnostic, Severity, Span } from './types';

/** The status every card starts as until a test decides it (the schema's `status` enumeration). */
export const UNTESTED_STATUS = 'hypothesis';

export interface UntestedHypothesis {
  block: string;
  /** The card's position in its block's list (the `index` the editing commands take). */
  index: number;
  /** The card's key in the preview's view (its id, else `block#index`). */
  key: string;
  /** The card's name, else its id, else its key. */
  name: string;
  /** The whole card in the text. */
  span: Span;
}

export interface EmptyBlock {
  block: string;
  /** The block's title in the kind's vocabulary. */
  title: string;
  /** Where its `empty-block` problem is shown: its key when written, else the `canvas` key (else the start). */
  span: Span;
}

export interface CanvasHealth {
  /** Blocks of the kind with at least one card. */
  blocksFilled: number;
  /** Blocks of the kind (the default kind's when nothing could be read). */
  blocksTotal: number;
  problems: ProblemCounts;
  /** Cards with `status: hypothesis`, in file order. */
  hypotheses: UntestedHypothesis[];
  /** Blocks of the kind without a card, in the kind's order. */
  emptyBlocks: EmptyBlock[];
}

/** What a health is read from: a validation result (or a view's input, which has the same two fields). */
export interface HealthInput {
  model?: CanvasModel;
  diagnostics: readonly CanvasDiagnostic[];
}

export function countProblems(diagnostics: readonly { severity: Severity }[]): ProblemCounts {
  const counts: ProblemCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/**
 * Reads the health of a validated canvas; never throws. `keys` are the view's card keys when the
 * caller has them already (buildView), so they are not worked out twice.
 */
export function canvasHealth(result: HealthInput, keys?: ReadonlyMap<Card, string>): CanvasHealth {
  const model = result.model;
  const blocks = kindInfo(model?.kind ?? DEFAULT_KIND).blocks;
  const emptyBlocks: EmptyBlock[] = [];
  for (const block of blocks) {
    const entry = model?.blocks.get(block.key);
    if (entry?.cards.length) continue;
    const span = entry?.keySpan ?? model?.canvasKeySpan ?? { start: 0, end: 0 };
    emptyBlocks.push({ block: block.key, title: block.title, span: { start: span.start, end: span.end } });
  }
  const hypotheses: UntestedHypothesis[] = [];
  const cards = model?.cards ?? [];
  if (cards.some((card) => card.status === UNTESTED_STATUS)) {
    const named = keys ?? cardKeys(cards);
    for (const card of cards) {
      if (card.status !== UNTESTED_STATUS) continue;
      const key = named.get(card) ?? `${card.block}#${card.index}`;
      const { start, end } = card.span;
      hypotheses.push({ block: card.block, index: card.index, key, name: card.name ?? card.id?.value ?? key, span: { start, end } });
    }
  }
  return {
    blocksFilled: blocks.length - emptyBlocks.length,
    blocksTotal: blocks.length,
    problems: countProblems(result.diagnostics),
    hypotheses,
    emptyBlocks,
  };
}
