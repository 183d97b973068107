/** The words the exports (HTML, SVG, Markdown) add around a canvas's own text, in English (translated by src/core/l10n.ts). */
export const RENDER_MESSAGES = {
  untitled: 'Untitled canvas',
  error: 'Error',
  warning: 'Warning',
  information: 'Information',
  hint: 'Hint',
  linked: 'Linked',
  segments: 'Segments',
  type: 'Type',
  status: 'Status',
  tags: 'Tags',
  card: 'Card',
  customerSegments: 'Customer segments',
  problems: 'Problems ({0})',
  problemLine: 'Line {0}, column {1}',
  problemAt: 'line {0}, column {1}',
  oneCard: '1 card',
  cards: '{0} cards',
  summary: '{0}: {1}.',
} as const;

export type RenderMessageId = keyof typeof RENDER_MESSAGES;
