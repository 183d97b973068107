/**
 * Strings of the preview's editing gestures (add, rename, detail panel, move, delete, colour,
 * announcements), localized by the host (src/extension/preview/editingLabels.ts).
 */
export interface EditingLabels {
  /** Filled in with the editing UI (issue 15). */
  [key: string]: string;
}
