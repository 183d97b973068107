/**
 * The messages of links across files (a value-proposition canvas naming its business model), in
 * English. Hosts localize them by template, like the core's MESSAGES (scripts/export-l10n.mjs
 * picks this table up).
 */
export const LINK_MESSAGES = {
  // unknown-canvas: the business-model path itself, refused before anything is read
  empty: 'business-model must name a business-model canvas file, relative to this file.',
  url: '"{0}" is a URL: business-model must be a path to a file in the workspace, relative to this file.',
  absolute: '"{0}" is an absolute path: write the business-model path relative to this file.',
  control: 'The business-model path contains a control character ({0}): write a plain file path.',
  backslash: '"{0}" uses backslashes: separate folders with "/" so the link works on every system.',
  outside: '"{0}" leads outside the workspace: a linked canvas must be inside the workspace folder.',
  notCanvasName: '"{0}" is not a canvas file: its name must end in .canvas.yaml or .canvas.yml.',
  // unknown-canvas: what was found at the path
  missing: 'No file "{0}": the business-model canvas this names does not exist.',
  directory: '"{0}" is a folder, not a canvas file.',
  tooLarge: '"{0}" is too large to read ({1} KB; the limit is {2} KB).',
  unreadable: '"{0}" cannot be read: {1}',
  syntax: '"{0}" has YAML syntax errors (line {1}): it cannot be read as a canvas until they are fixed.',
  notCanvas: '"{0}" is not a canvas: it has no "canvas:" key naming a kind of canvas.',
  otherKind: '"{0}" is a {1} canvas: business-model must name a business-model canvas.',
  self: 'business-model names this file itself: it must name a business-model canvas.',
  valueProposition:
    '"{0}" is a value-proposition canvas: business-model must name a business-model canvas, never another value-proposition canvas (links are one step, no chains or cycles).',
  // unknown-reference: an id the linked business model does not have
  unknownSegment: '"{0}" names no customer segment in {1}.',
  unknownSegmentSuggest: '"{0}" names no customer segment in {1}. Did you mean "{2}"?',
  unknownValueProposition: '"{0}" names no value proposition in {1}.',
  unknownValuePropositionSuggest: '"{0}" names no value proposition in {1}. Did you mean "{2}"?',
  // rename from a value-proposition canvas
  renameUnlinked: '"{0}" names no card of a business-model canvas this file links to: there is nothing to rename there.',
} as const;

export type LinkMessageId = keyof typeof LINK_MESSAGES;
