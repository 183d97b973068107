/** Markdown documentation shown by completion and hover, all of it read from the schema and the model. */
import type { Card } from '../model';
import { sanitizeMarkdown } from '../render/markdown';
import { markdownCode, markdownText } from '../render/markdownEscape';
import { BlockInfo, CanvasKind, kindInfo, KindInfo } from '../schema';
import { translate } from '../l10n';
import { COMPLETION_MESSAGES } from './messages';
import { enumEntries } from './schemaPath';

export function bold(title: string): string {
  return `**${title}**`;
}

export function paragraphs(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join('\n\n');
}

/** A block: what it holds, its question and place on the canvas, and the question to ask of it. */
export function blockMarkdown(block: BlockInfo): string {
  return paragraphs(
    block.markdownDescription,
    translate(COMPLETION_MESSAGES.blockFacts, [block.question, block.position]),
    `*${block.guide}*`,
  );
}

/** Type labels by kind (its KindInfo: a new one when the texts are translated) and block, read once from the schema (a list of ids documents every card it offers). */
const typeLabels = new WeakMap<KindInfo, Map<string, Map<unknown, string | undefined>>>();

/** The label of a card's type from its block's enumeration, or the value as written. */
function typeLabel(card: Card, kind: CanvasKind): string | undefined {
  if (!card.type) return undefined;
  const info = kindInfo(kind);
  let byBlock = typeLabels.get(info);
  if (!byBlock) typeLabels.set(info, (byBlock = new Map()));
  let labels = byBlock.get(card.block);
  if (!labels) {
    const { schema, blockByKey } = info;
    const typeSchema = blockByKey.get(card.block)?.card.properties?.type;
    labels = new Map(enumEntries(typeSchema ? [typeSchema] : [], schema).map((e) => [e.value, e.label]));
    byBlock.set(card.block, labels);
  }
  return labels.get(card.type.value) ?? markdownCode(String(card.type.value));
}

/**
 * A card in a few lines: name and id, block and type, description. The card's text is untrusted
 * (a canvas from a pull request): names and ids are escaped, the description is rewritten in the
 * safe subset (http(s) links only, no images, which would load a remote URL on hover, no HTML).
 */
export function cardMarkdown(card: Card, kind: CanvasKind): string {
  const name = markdownText(card.name ?? card.id?.value ?? '');
  const heading = card.id ? `${bold(name)} · ${markdownCode(card.id.value)}` : bold(name);
  const block = kindInfo(kind).blockByKey.get(card.block)?.title ?? markdownText(card.block);
  const type = typeLabel(card, kind);
  return paragraphs(heading, type ? `${block} · ${type}` : block, card.description === undefined ? undefined : sanitizeMarkdown(card.description));
}
