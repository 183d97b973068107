/**
 * Expands the kinds' schemas as the build writes them for the runtime
 * (src/core/generated/kindSchemas.json, made small by scripts/vocabulary/runtime.mjs) back into
 * exactly the schemas editors read (schemas/<kind>.schema.json): a `{"$shared": n}` becomes a
 * fresh copy of shared subtree n, a `$ref` gets back its `#/definitions/` prefix, and a
 * `markdownDescription` (`markdownEnumDescriptions`) without its `description`
 * (`enumDescriptions`) gets the plain twin the vocabulary build would have written.
 */
import type { JsonSchema } from './jsonSchema';

export interface RuntimeSchemas {
  shared: unknown[];
  kinds: Record<string, unknown>;
}

/**
 * The plain-text twin of a vocabulary text: the emphasis and code marks dropped. The same rule as
 * plainText in scripts/vocabulary/markdown.mjs (test/unit/kinds.test.ts compares every schema).
 */
export function plainVocabularyText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*\s][^*]*)\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}

const DEFINITIONS = '#/definitions/';

function expand(value: unknown, shared: readonly unknown[]): unknown {
  if (Array.isArray(value)) return value.map((v) => expand(v, shared));
  if (!value || typeof value !== 'object') return value;
  const index = (value as { $shared?: unknown }).$shared;
  if (typeof index === 'number') return expand(shared[index], shared);
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof sub === 'string' ? DEFINITIONS + sub : expand(sub, shared);
    if (key === 'markdownDescription' && typeof sub === 'string' && !('description' in value)) out.description = plainVocabularyText(sub);
    if (key === 'markdownEnumDescriptions' && Array.isArray(sub) && !('enumDescriptions' in value)) out.enumDescriptions = sub.map((s) => plainVocabularyText(String(s)));
  }
  return out;
}

/** Each kind's schema, expanded. */
export function expandRuntimeSchemas(runtime: RuntimeSchemas): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(runtime.kinds).map(([kind, schema]) => [kind, expand(schema, runtime.shared) as JsonSchema]));
}
