/** The pure renderer: the view model, and HTML, SVG and Markdown from it. No DOM, no Node. */
export { buildCanvasView } from './buildView';
export type { BuildViewInput, BuildViewOptions } from './buildView';
export { assignSegmentColors, isSafeColor, safeColor, SEGMENT_PALETTE } from './colors';
export { cleanText, escapeHtml, escapeXml } from './escape';
export { placeBlocks } from './layout';
export type { Cell } from './layout';
export { facing, fitEndpoints } from './fits';
export { GROUP_SHAPES, GROUP_TITLES } from './groups';
export { markdownToHtml, markdownToText, safeHref, sanitizeMarkdown } from './markdown';
export { markdownCell, markdownCode, markdownHeading, markdownLinkLabel, markdownText } from './markdownEscape';
export { CANVAS_CSS, renderCanvasMain, renderHtml } from './html';
export type { HtmlOptions } from './html';
export { renderSvg } from './svg';
export { renderMarkdown } from './markdownExport';
export { graphemes, measure, wrapText } from './textWrap';
export type { BlockView, CanvasView, CardView, CellView, FitView, GroupView, HealthView, LinkView, ProblemView, RatingView, RefView, SegmentLegend } from './viewTypes';
export { RENDER_MESSAGES } from './messages';
