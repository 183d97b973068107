/**
 * A kind's schema with its vocabulary texts (titles, descriptions, enumeration labels and
 * descriptions, a block's question, position and guide) in the installed catalogue's language
 * (src/core/l10n.ts). The schemas editors read stay English (VS Code substitutes no `%…%` in a
 * contributed schema); hover, completion, the preview, exports and messages read this copy. The
 * catalogue is keyed by the English Markdown text of the vocabulary (VOCABULARY_MESSAGES); a plain
 * twin is derived from the translated Markdown, as the build derives the English one.
 */
import type { JsonSchema } from './jsonSchema';
import { lookup } from './l10n';
import { plainVocabularyText } from './runtimeSchema';

const BLOCK_TEXTS = ['question', 'position', 'guide'] as const;

function localizeNode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localizeNode);
  if (!value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(node)) out[key] = key === 'enum' || key === 'required' || key === 'pattern' ? sub : localizeNode(sub);
  if (typeof node.title === 'string') out.title = lookup(node.title);
  if (typeof node.markdownDescription === 'string') {
    out.markdownDescription = lookup(node.markdownDescription);
    if (typeof node.description === 'string') out.description = plainVocabularyText(out.markdownDescription as string);
  } else if (typeof node.description === 'string') out.description = lookup(node.description);
  if (Array.isArray(node.enumItemLabels)) out.enumItemLabels = node.enumItemLabels.map((l) => (typeof l === 'string' ? lookup(l) : l));
  if (Array.isArray(node.markdownEnumDescriptions)) {
    const markdown = node.markdownEnumDescriptions.map((d) => (typeof d === 'string' ? lookup(d) : d));
    out.markdownEnumDescriptions = markdown;
    if (Array.isArray(node.enumDescriptions)) out.enumDescriptions = markdown.map((d) => (typeof d === 'string' ? plainVocabularyText(d) : d));
  }
  const block = node['x-block'];
  if (block && typeof block === 'object') {
    const localized: Record<string, unknown> = { ...(block as Record<string, unknown>) };
    for (const key of BLOCK_TEXTS) if (typeof localized[key] === 'string') localized[key] = lookup(localized[key] as string);
    out['x-block'] = localized;
  }
  return out;
}

/** A deep copy of `schema` with its texts translated (the same object shape, keys and values). */
export function localizeSchema(schema: JsonSchema): JsonSchema {
  return localizeNode(schema) as JsonSchema;
}
