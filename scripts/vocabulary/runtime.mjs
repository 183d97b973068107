/**
 * The kinds' schemas as the core reads them at run time (hover, completion, schema diagnostics,
 * buildView): src/core/generated/kindSchemas.json, git-ignored, imported by src/core/kinds.ts and
 * expanded back by src/core/runtimeSchema.ts into exactly the schemas/<kind>.schema.json editors read.
 * It is what every bundle carries, the extension's under a 400 KB budget, so it is made small:
 * - `description` and `enumDescriptions` are left out where they are the plain twins of
 *   `markdownDescription` and `markdownEnumDescriptions` (all of them, as the vocabulary is
 *   written): the core derives them with the same rule (scripts/vocabulary/markdown.mjs).
 * - `$ref`s are written without their `#/definitions/` prefix, which all of them have.
 * - a subtree the kinds repeat (the common definitions, the `canvas` enumeration, shared cards) is
 *   written once in `shared` and stands as `{"$shared": index}` where it was.
 * test/unit/kinds.test.ts checks that the expansion gives back each committed schema exactly.
 */
import { plainText } from './markdown.mjs';

/** Only subtrees at least this long (as JSON) are worth a `{"$shared":n}` in their place. */
const SHARE_FROM = 48;
/** Every `$ref` points into the kind's own definitions: the prefix is left out (600 times). */
const DEFINITIONS = '#/definitions/';

function withoutDerivable(value) {
  if (Array.isArray(value)) return value.map(withoutDerivable);
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const [key, sub] of Object.entries(value)) {
    if (key === 'enumDescriptions' && Array.isArray(value.markdownEnumDescriptions) && JSON.stringify(value.markdownEnumDescriptions.map(plainText)) === JSON.stringify(sub)) continue;
    if (key === '$ref') {
      if (typeof sub !== 'string' || !sub.startsWith(DEFINITIONS)) throw new Error(`runtime schema: a $ref outside ${DEFINITIONS}: ${sub}`);
      out[key] = sub.slice(DEFINITIONS.length);
      continue;
    }
    if (key === 'description' && typeof sub === 'string' && typeof value.markdownDescription === 'string' && plainText(value.markdownDescription) === sub) continue;
    out[key] = withoutDerivable(sub);
  }
  return out;
}

/** { shared, kinds: { <kind>: schema } } from kind -> full schema. */
export function runtimeSchemas(schemasByKind) {
  const kinds = Object.fromEntries(Object.entries(schemasByKind).map(([kind, schema]) => [kind, withoutDerivable(schema)]));
  const seen = new Map();
  const count = (value) => {
    if (!value || typeof value !== 'object') return;
    const text = JSON.stringify(value);
    seen.set(text, (seen.get(text) ?? 0) + 1);
    for (const sub of Object.values(value)) count(sub);
  };
  for (const schema of Object.values(kinds)) count(schema);
  const shared = [];
  const indexOf = new Map();
  const compact = (value, top = false) => {
    if (!value || typeof value !== 'object') return value;
    const text = JSON.stringify(value);
    if (!top && !Array.isArray(value) && text.length >= SHARE_FROM && seen.get(text) > 1) {
      if (!indexOf.has(text)) {
        indexOf.set(text, -1); // reserved: a subtree never holds itself
        const entry = compactChildren(value);
        indexOf.set(text, shared.push(entry) - 1);
      }
      return { $shared: indexOf.get(text) };
    }
    return compactChildren(value);
  };
  const compactChildren = (value) =>
    Array.isArray(value) ? value.map((v) => compact(v)) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  const out = Object.fromEntries(Object.entries(kinds).map(([kind, schema]) => [kind, compact(schema, true)]));
  return { shared, kinds: out };
}
