/**
 * Strings of the preview's zoom and pan controls, localized by the host
 * (src/extension/preview/zoomLabels.ts). `{0}` is filled in by the page (src/webview/zoom.ts).
 */
export interface ZoomLabels {
  /** The toolbar group of the zoom buttons. */
  group: string;
  /** The zoom-in button (its key in brackets). */
  zoomIn: string;
  /** The zoom-out button. */
  zoomOut: string;
  /** The button that shows the level and sets it back to 100 %. */
  actualSize: string;
  /** The fit-to-width button's text (short). */
  fit: string;
  /** The fit-to-width button's accessible name and tooltip (with its key). */
  fitWidth: string;
  /** The level as shown and announced; {0}: the percentage ("150%"). */
  level: string;
  /** Every way to zoom and pan, read with the zoom group. */
  keys: string;
}
