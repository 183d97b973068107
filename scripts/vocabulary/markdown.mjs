/**
 * The plain-text twin of a vocabulary text: the vocabulary is written once, in Markdown, and the
 * schema's `description` / `enumDescriptions` (shown by editors that do not render Markdown) drop
 * the emphasis and code marks. The vocabulary only uses `code`, **strong** and *emphasis*.
 */
export function plainText(markdown) {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*\s][^*]*)\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}
