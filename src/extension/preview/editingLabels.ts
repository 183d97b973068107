import type { EditingLabels } from '../../shared/labels/editing';

/** The preview's editing strings, translated here (the page has no l10n of its own). */
export function editingLabels(): EditingLabels {
  return {};
}
