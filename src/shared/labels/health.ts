/** Strings of the health summary in the preview's header, localized by the host (src/extension/preview/healthLabels.ts). */
export interface HealthLabels {
  /** Filled in with the health summary (issue 15). */
  [key: string]: string;
}
