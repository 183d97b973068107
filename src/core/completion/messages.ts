/** The words completion and hover add around the vocabulary's own texts, in English (translated by src/core/l10n.ts). */
export const COMPLETION_MESSAGES = {
  blockFacts: 'Question: **{0}** · Position: {1}',
  newCard: 'New card: {0}',
  newCanvas: 'New {0}',
} as const;
