import type { RuleCode, Severity, SeverityOverrides, SeveritySetting } from './types';

/** Default severity of each code, as fixed by format.md. */
export const DEFAULT_SEVERITIES: Readonly<Record<RuleCode, Severity>> = {
  'yaml-syntax': 'error',
  schema: 'error',
  'duplicate-id': 'error',
  'unknown-reference': 'error',
  'unserved-segment': 'warning',
  'orphan-card': 'warning',
  'segment-without-relationship': 'information',
  'unlinked-platform-side': 'warning',
  'failed-segment-check': 'information',
  'empty-block': 'hint',
  'unknown-canvas': 'error',
  'unrelieved-pain': 'warning',
  'uncreated-gain': 'information',
};

const SETTINGS: ReadonlySet<string> = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** The effective severity of a code; unknown override values fall back to the default. */
export function effectiveSeverity(code: RuleCode, overrides: SeverityOverrides | undefined): SeveritySetting {
  const chosen = overrides?.[code];
  return chosen !== undefined && SETTINGS.has(chosen) ? chosen : DEFAULT_SEVERITIES[code];
}
