/** BMML v2 import and export (pure: texts in, texts out). */
export { importBmml } from './importBmml';
export type { BmmlImportOptions, BmmlImportResult, ImportedCanvas, KeptValue } from './importBmml';
export { BMML_MESSAGES } from './messages';
export type { BmmlProblem } from './messages';
export { exportBmml } from './exportBmml';
export type { BmmlExportInput, BmmlExportResult, CanvasSource, DroppedValue } from './exportBmml';
export { canvasesLinkedTo } from './linkedSources';
export type { LinkCandidate, LinkedSources } from './linkedSources';
export { isValidBmml } from './bmmlYaml';
