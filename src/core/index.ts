/** The pure core: no `vscode` import. Used by the extension (node and web), the webview and the CLI. */
export { validateCanvas } from './validate';
export type { ValidationResult } from './validate';
export { LineIndex } from './lineIndex';
export type { Position } from './lineIndex';
export { MESSAGES, formatTemplate } from './messages';
export { DEFAULT_SEVERITIES, effectiveSeverity } from './severity';
export { RULE_CODES, SEVERITIES } from './types';
export type { CanvasDiagnostic, Localizer, RuleCode, Severity, SeveritySetting, SeverityOverrides, Span, ValidationOptions } from './types';
export { BLOCKS, BLOCK_BY_KEY, canvasSchema } from './schema';
export type { BlockInfo, JsonSchema } from './schema';
export type { CanvasModel, Card, Reference } from './model';
export type { ParsedCanvas } from './parse';
export { buildModel } from './model';
export type { BlockEntry, Located } from './model';
export { resolveRef, schemaAt } from './schema';
export type { TextEdit } from './edits';
export { applyEdits } from './edits';
