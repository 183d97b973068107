/**
 * Why an edit of a card was refused (src/core/editing): English templates, `{0}`-style arguments.
 * The extension shows them through vscode.l10n; export-l10n picks the table up.
 */
export const EDITING_MESSAGES = {
  tooLarge: 'The file is too large to edit this way.',
  syntaxErrors: 'The file has YAML syntax errors; fix them before editing the canvas this way.',
  notACanvas: 'The file is not a canvas (its top level is not a mapping of keys).',
  unknownBlock: "'{0}' is not a block of a {1} canvas.",
  blockRepeated: "The block '{0}' is repeated elsewhere by an alias ('*'); a card added here would appear there too.",
  blockNotList: "The block '{0}' is not written as a list of cards.",
  blockAliased: "The block '{0}' is written as an alias ('*'); edit the list it repeats.",
  indexOutOfRange: "There is no card {0} in '{1}' (it has {2}).",
  insertOutOfRange: "A card cannot go at position {0} of '{1}' (it has {2}).",
  notACard: "Item {0} of '{1}' is not a card.",
  aliasedCard: "Card {0} of '{1}' is an alias ('*') of another card; edit that card instead.",
  repeatedByAlias: "Card {0} of '{1}' holds an anchor ('&') that an alias repeats elsewhere; this edit would change or break the copy.",
  cardHasAlias: "Card {0} of '{1}' holds an alias ('*'); moving it could put it before its anchor.",
  emptyName: 'A card needs a name.',
  unknownField: "'{0}' is not a field of a card in '{1}'.",
  badValue: "The value does not fit the field '{0}' (expected {1}).",
  requiredField: "'{0}' is required on a card in '{1}'; it can be changed but not removed.",
  onlyField: "'{0}' is the card's only field; delete the card instead.",
  unknownKey: "'{0}' has no key '{1}' (it takes {2}).",
  notAnIndex: "'{0}' is a list; '{1}' is not the index of one of its entries (0, 1, …).",
  notAnObject: "'{0}' holds no keys or entries; '{1}' cannot be set inside it.",
  noEntry: "There is no entry {1} in '{0}' (it has {2}).",
  missingKey: "The value of '{0}' needs '{1}'.",
  requiredKey: "'{1}' is required in '{0}'; it can be changed but not removed.",
  notWrittenAsObject: "'{0}' is not written as a mapping or a list of entries; set it whole, or edit it in the text.",
  notEditable: "Card {0} of '{1}' is written in a form this edit cannot change safely; edit it in the text.",
  flowTarget: "'{0}' is written as a flow list ('[...]'); a card written over several lines cannot go into it.",
  internalError: 'The edit could not be computed: {0}',
} as const;

export type EditingMessage = keyof typeof EDITING_MESSAGES;
