/**
 * The health summary's one line, "7/9 blocks · 2 problems · 3 hypotheses untested", from counts
 * (core/health.ts reads them from a validation result). Apart from health.ts so the preview's page
 * can format it without bundling the kinds' schemas.
 */
import { formatTemplate } from './messages';
import type { Localizer, Severity } from './types';

/** The summary's texts (one line: "7/9 blocks · 2 problems · 3 hypotheses untested"). */
export const HEALTH_MESSAGES = {
  blocks: '{0}/{1} blocks',
  oneProblem: '{0} problem',
  problems: '{0} problems',
  oneHypothesis: '{0} hypothesis untested',
  hypotheses: '{0} hypotheses untested',
  separator: '{0} · {1}',
} as const;

export type HealthMessageId = keyof typeof HEALTH_MESSAGES;

export type ProblemCounts = Record<Severity, number>;

/** The counts the one-line summary needs (a CanvasHealth, or the preview's smaller copy of it). */
export interface HealthCounts {
  blocksFilled: number;
  blocksTotal: number;
  problems: ProblemCounts;
  hypotheses: readonly unknown[];
}

export function problemTotal(counts: ProblemCounts): number {
  return counts.error + counts.warning + counts.information + counts.hint;
}

/** The summary's three parts, each a text of HEALTH_MESSAGES through `localize`: blocks, problems, hypotheses. */
export function healthSummaryParts(health: HealthCounts, localize: Localizer = formatTemplate): { blocks: string; problems: string; hypotheses: string } {
  const problems = problemTotal(health.problems);
  const hypotheses = health.hypotheses.length;
  return {
    blocks: localize(HEALTH_MESSAGES.blocks, [String(health.blocksFilled), String(health.blocksTotal)]),
    problems: localize(problems === 1 ? HEALTH_MESSAGES.oneProblem : HEALTH_MESSAGES.problems, [String(problems)]),
    hypotheses: localize(hypotheses === 1 ? HEALTH_MESSAGES.oneHypothesis : HEALTH_MESSAGES.hypotheses, [String(hypotheses)]),
  };
}

/**
 * The one-line summary, "7/9 blocks · 2 problems · 3 hypotheses untested", its texts from
 * HEALTH_MESSAGES through `localize` (the extension's l10n, or the preview's labels).
 */
export function healthSummary(health: HealthCounts, localize: Localizer = formatTemplate): string {
  const { blocks, problems, hypotheses } = healthSummaryParts(health, localize);
  return localize(HEALTH_MESSAGES.separator, [localize(HEALTH_MESSAGES.separator, [blocks, problems]), hypotheses]);
}
