/**
 * The titles of the quick fixes, in English with `{0}` placeholders. Hosts localize by template
 * (vscode.l10n.t(titleTemplate, ...titleArgs)), as with the diagnostics' MESSAGES.
 */
export const CODE_ACTION_TITLES = {
  replaceWith: 'Change "{0}" to "{1}"',
  extensionKey: 'Rename "{0}" to the extension key "{1}"',
  quoteAsText: 'Write {0} as text: "{0}"',
  wrapInList: 'Make {0} a list: [{0}]',
  addCanvasKind: 'Add "canvas: {0}"',
  addTitle: 'Add a title',
  addName: 'Add a name to the card',
  kebabId: 'Change the id to "{0}" (kebab-case)',
  kebabReference: 'Change the reference to "{0}" (kebab-case)',
  uniqueId: 'Change the duplicate id to "{0}"',
  replaceReference: 'Change "{0}" to "{1}"',
  createCard: 'Create the {0} "{1}" in {2}',
  removeReference: 'Remove "{0}" from {1}',
  addToField: 'Add "{0}" to the {1} of {2} "{3}"',
  addReference: 'Add "{0}" to {1}',
  addId: 'Give the card the id "{0}"',
  addIdAndField: 'Give the card the id "{0}" and add it to the {1} of {2} "{3}"',
  linkSides: 'Link to the other platform side: linked: [{0}]',
  addBlock: 'Add the {0} block with a first card',
  addFirstCard: 'Add a first card to {0}',
} as const;

/** Text the fixes write into the file (file content, so not localized with the titles). */
export const PLACEHOLDERS = {
  cardName: 'New {0}',
  title: 'Untitled canvas',
} as const;

export type CodeActionTitle = keyof typeof CODE_ACTION_TITLES;

/**
 * The fixes `validate --fix` applies without asking (core fixAll.ts): those whose result follows
 * from the text alone, with no choice for a human to make. fixAll also takes one only when it is
 * the one fix offered for its diagnostic.
 *
 * - `quoteAsText` (`id: 2024` → `id: "2024"`) and `wrapInList` (`segments: riders` → `[riders]`,
 *   offered only when every item is valid there): the same words, written as the field wants them.
 * - `kebabId` and `kebabReference`: the kebab-case spelling of an id, renamed with every reference
 *   to it (or a reference respelled to the kebab-case id it plainly names); what is named is unchanged.
 * - `uniqueId`: a repeated id becomes the first free numbered id; every reference keeps naming the
 *   card it names now.
 *
 * Not safe, left to the editor: every closest-spelling correction (`replaceWith`,
 * `replaceReference`: a guess), `extensionKey` (an alternative to a correction), the placeholders
 * (`addCanvasKind`, `addTitle`, `addName`, `addBlock`, `addFirstCard`: content only the author can
 * write), and every fix that asserts something about the business (`createCard`, `removeReference`,
 * `addReference`, `addToField`, `addId`, `addIdAndField`, `linkSides`).
 */
export const SAFE_FIXES: ReadonlySet<CodeActionTitle> = new Set<CodeActionTitle>(['quoteAsText', 'wrapInList', 'kebabId', 'kebabReference', 'uniqueId']);
