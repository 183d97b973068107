export { diffCanvases } from './diff';
export type { BlockDiff, CanvasDiff, CardRef, ChangedCard, DiffOptions, DiffSummary, FieldChange, ListChange, MovedCard, ValueChange } from './diff';
export { diffToMarkdown, diffToText, summaryLine } from './render';
export type { MarkdownDiffOptions } from './render';
export { DIFF_MESSAGES } from './messages';
