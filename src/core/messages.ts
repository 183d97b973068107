/**
 * Every user-facing message template of the core, in English. Hosts localize by template (the English
 * text is the key, as with vscode.l10n.t), so this file is the one list translators work from.
 */
import { translate } from './l10n';

export const MESSAGES = {
  // yaml-syntax
  yamlError: 'YAML syntax error: {0}',
  multipleDocuments: 'A canvas file holds one YAML document; this second document is ignored.',
  aliasBomb: 'Too many alias expansions (more than {0}): the file looks like an alias bomb and is not evaluated.',
  tooDeep: 'The YAML is nested too deeply to be read safely.',
  tooLarge: 'The file is too large to validate in the editor ({0} KB; the limit is {1} KB, setting canvasAsCode.maxFileSizeKB).',
  notText: 'The file contains binary data (a NUL character) and is not a YAML canvas.',
  // schema
  emptyFile: 'The file is empty. A canvas needs at least `canvas: business-model` and a `title`.',
  notAMapping: 'A canvas must be a YAML mapping of keys to values, found {0}.',
  missingKey: 'Missing required key "{0}" in {1}.',
  unknownKeySuggest: 'Unknown key "{0}" in {1}. Did you mean "{2}"? (Extension keys start with "x-".)',
  unknownKey: 'Unknown key "{0}" in {1}. Allowed keys: {2}. (Extension keys start with "x-".)',
  unknownKeyOtherKind: 'Unknown key "{0}" in {1}: it is a block of the {2}, a canvas that starts with canvas: {3}. (Extension keys start with "x-".)',
  badEnumSuggest: '"{0}" is not a valid {1}. Did you mean "{2}"? Allowed values: {3}.',
  badEnum: '"{0}" is not a valid {1}. Allowed values: {2}.',
  wrongType: '{0} must be {1}, found {2}.',
  badId: '"{0}" is not a valid id: use kebab-case (lower-case letters, digits and single hyphens, e.g. "urban-riders").',
  badColor: '"{0}" is not a colour: use #rrggbb or a CSS colour name.',
  badPattern: '"{0}" does not have the expected form for {1}.',
  emptyText: '{0} must not be empty.',
  tooSmall: '{0} must be at least {1}.',
  nonStringKey: 'Keys must be plain text; this key is {0}.',
  schemaOther: '{0}: {1}.',
  // rules
  duplicateId: 'Duplicate id "{0}": it is already used by the card on line {1}. Ids must be unique across the whole file.',
  unknownReference: '"{0}" names no card in {1}.',
  unknownReferenceWrongBlock: '"{0}" is a card in {1}, but {2} must name a card in {3}.',
  unservedSegment: 'Segment "{0}" is not served: no value proposition names it in its segments.',
  unservedSegmentNoId: 'Segment "{0}" is not served: it has no id, so no value proposition can name it.',
  orphanCard: '{0} "{1}" names no customer segment: add segments: [...] so it is traceable to who it is for.',
  segmentWithoutRelationship: 'Segment "{0}" has no customer relationship: no relationship names it in its segments.',
  unlinkedPlatformSide: 'Segment "{0}" is a side of a multi-sided platform but is linked to no other side (add linked: [...]).',
  failedSegmentCheck: 'Segment "{0}" fails the "{1}" check: {2}',
  emptyBlockMissing: 'The canvas has no {0} block: {1}',
  emptyBlockEmpty: 'The {0} block is empty: {1}',
  unrelievedPain: 'Pain "{0}" is not relieved: no pain reliever names it in its relieves.',
  unrelievedPainNoId: 'Pain "{0}" is not relieved: it has no id, so no pain reliever can name it.',
  uncreatedGain: 'Gain "{0}" is not created: no gain creator names it in its creates.',
  uncreatedGainNoId: 'Gain "{0}" is not created: it has no id, so no gain creator can name it.',
} as const;

export type MessageId = keyof typeof MESSAGES;

/** The words schema messages use for a value's type and for the canvas itself (arguments of MESSAGES). */
export const VALUE_MESSAGES = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
  theNumber: 'the number {0}',
  either: '{0} or {1}',
  theCanvas: 'The canvas',
} as const;

/** The template in the installed catalogue's language (src/core/l10n.ts; English by default), filled with args. */
export function formatTemplate(template: string, args: readonly string[]): string {
  return translate(template, args);
}
