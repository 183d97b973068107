/** Strings of the preview's zoom and pan controls, localized by the host (src/extension/preview/zoomLabels.ts). */
export interface ZoomLabels {
  /** Filled in with the zoom controls (issue 15). */
  [key: string]: string;
}
