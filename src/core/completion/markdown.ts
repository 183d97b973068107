/** Markdown documentation shown by completion and hover, all of it read from the schema and the model. */
import type { Card } from '../model';
import { sanitizeMarkdown } from '../render/markdown';
import { markdownCode, markdownText } from '../render/markdownEscape';
import { BLOCK_BY_KEY, BlockInfo, canvasSchema, resolveRef } from '../schema';
import { enumEntries } from './schemaPath';

export function bold(title: string): string {
  return `**${title}**`;
}

export function paragraphs(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join('\n\n');
}

/** A block: what it holds, its question and place on the canvas, and the question to ask of it. */
export function blockMarkdown(block: BlockInfo): string {
  const schema = resolveRef(canvasSchema.properties?.[block.key] ?? {});
  return paragraphs(
    schema.markdownDescription ?? block.description,
    `Question: **${block.question}** · Position: ${block.position}`,
    `*${block.guide}*`,
  );
}

/** Type labels by block, read once from the schema (a list of ids documents every card it offers). */
const typeLabels = new Map<string, Map<unknown, string | undefined>>();

/** The label of a card's type from its block's enumeration, or the value as written. */
function typeLabel(card: Card): string | undefined {
  if (!card.type) return undefined;
  let labels = typeLabels.get(card.block);
  if (!labels) {
    const typeSchema = BLOCK_BY_KEY.get(card.block)?.card.properties?.type;
    labels = new Map(enumEntries(typeSchema ? [typeSchema] : []).map((e) => [e.value, e.label]));
    typeLabels.set(card.block, labels);
  }
  return labels.get(card.type.value) ?? markdownCode(String(card.type.value));
}

/**
 * A card in a few lines: name and id, block and type, description. The card's text is untrusted
 * (a canvas from a pull request): names and ids are escaped, the description is rewritten in the
 * safe subset (http(s) links only, no images, which would load a remote URL on hover, no HTML).
 */
export function cardMarkdown(card: Card): string {
  const name = markdownText(card.name ?? card.id?.value ?? '');
  const heading = card.id ? `${bold(name)} · ${markdownCode(card.id.value)}` : bold(name);
  const block = BLOCK_BY_KEY.get(card.block)?.title ?? markdownText(card.block);
  const type = typeLabel(card);
  return paragraphs(heading, type ? `${block} · ${type}` : block, card.description === undefined ? undefined : sanitizeMarkdown(card.description));
}
