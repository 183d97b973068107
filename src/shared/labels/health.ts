/** Strings of the health summary in the preview's header, localized by the host (src/extension/preview/healthLabels.ts). */
export interface HealthLabels {
  /** The summary's accessible name ("Canvas health"). */
  region: string;
  /** The summary's templates: core HEALTH_MESSAGES (src/core/healthSummary.ts) translated, by the same ids. */
  blocks: string;
  oneProblem: string;
  problems: string;
  oneHypothesis: string;
  hypotheses: string;
  separator: string;
  /** What clicking each part does (its tooltip). */
  nextEmptyBlock: string;
  showProblems: string;
  nextHypothesis: string;
}
