import type { ZoomLabels } from '../../shared/labels/zoom';

/** The preview's zoom strings, translated here (the page has no l10n of its own). */
export function zoomLabels(): ZoomLabels {
  return {};
}
