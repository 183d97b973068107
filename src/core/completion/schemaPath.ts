/**
 * The schema read along a path of keys and indices, without data: a card is a sticky note or an
 * object, so a path may keep several alternatives, and each feature picks the one it needs.
 * `root` is the kind's schema, within which references resolve.
 */
import { ID_PATTERN, JsonSchema, resolveRef } from '../schema';
import type { Segment } from '../yamlContext';

/** The alternatives a schema allows (its anyOf branches, flattened and resolved). */
export function branches(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema[] {
  if (!schema) return [];
  const resolved = resolveRef(schema, root);
  return resolved.anyOf ? resolved.anyOf.flatMap((b) => branches(b, root)) : [resolved];
}

export function hasType(schema: JsonSchema, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

export const isObject = (s: JsonSchema) => hasType(s, 'object') || (s.type === undefined && !!s.properties);

/** The schema of a key of an object schema: a declared property, else a matching pattern (`x-`). */
export function propertySchema(schema: JsonSchema, key: string): JsonSchema | undefined {
  const declared = schema.properties?.[key];
  if (declared) return declared;
  for (const [pattern, s] of Object.entries(schema.patternProperties ?? {})) {
    if (new RegExp(pattern, 'u').test(key)) return s;
  }
  return undefined;
}

/** The property schemas met along a path, unresolved (their title and description stay in view). */
export function schemasAt(path: readonly Segment[], root: JsonSchema): JsonSchema[] {
  let current: JsonSchema[] = [root];
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const s of current.flatMap((c) => branches(c, root))) {
      const child = typeof segment === 'number' ? (hasType(s, 'array') ? s.items : undefined) : isObject(s) ? propertySchema(s, segment) : undefined;
      if (child) next.push(child);
    }
    current = next;
    if (!current.length) break;
  }
  return current;
}

export function objectBranch(schemas: readonly JsonSchema[], root: JsonSchema): JsonSchema | undefined {
  return schemas.flatMap((s) => branches(s, root)).find(isObject);
}

export function arrayBranch(schemas: readonly JsonSchema[], root: JsonSchema): JsonSchema | undefined {
  return schemas.flatMap((s) => branches(s, root)).find((s) => hasType(s, 'array'));
}

/** What the schema expects at a path: a bare line under a key opens a mapping or a list accordingly. */
export function shapeAt(path: readonly Segment[], root: JsonSchema): 'map' | 'seq' | 'scalar' | undefined {
  const all = schemasAt(path, root).flatMap((s) => branches(s, root));
  if (all.some(isObject)) return 'map';
  if (all.some((s) => hasType(s, 'array'))) return 'seq';
  return all.some((s) => s.type !== undefined || s.enum) ? 'scalar' : undefined;
}

/** The block whose ids a field holds (`x-references` on the list or on its items). */
export function referenceTarget(schemas: readonly JsonSchema[], root: JsonSchema): string | undefined {
  for (const s of schemas.flatMap((c) => branches(c, root))) {
    const target = s['x-references'] ?? branches(s.items, root).find((i) => i['x-references'])?.['x-references'];
    if (target) return target;
  }
  return undefined;
}

export interface EnumEntry {
  value: string | number | boolean;
  /** The value's label (`enumItemLabels`). */
  label?: string;
  /** The value's markdown description (`markdownEnumDescriptions`). */
  documentation?: string;
  /** The schema the value belongs to (for its title). */
  schema: JsonSchema;
}

/** The values a scalar schema allows: its enumeration, or true and false for a boolean. */
export function enumEntries(schemas: readonly JsonSchema[], root: JsonSchema): EnumEntry[] {
  const entries: EnumEntry[] = [];
  for (const s of schemas.flatMap((c) => branches(c, root))) {
    if (s.enum) {
      s.enum.forEach((value, i) => {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
          entries.push({ value, label: s.enumItemLabels?.[i], documentation: s.markdownEnumDescriptions?.[i] ?? s.enumDescriptions?.[i], schema: s });
        }
      });
    } else if (hasType(s, 'boolean')) {
      entries.push({ value: true, schema: s }, { value: false, schema: s });
    }
  }
  return entries;
}

/** The title and markdown description of the first alternative that has them. */
export function describe(schemas: readonly JsonSchema[], root: JsonSchema): { title?: string; markdown?: string } {
  const candidates = schemas.flatMap((s) => [resolveRef(s, root), ...branches(s, root)]);
  const title = candidates.find((s) => s.title)?.title;
  const withText = candidates.find((s) => s.markdownDescription ?? s.description);
  return { title, markdown: withText?.markdownDescription ?? withText?.description };
}

/** A card's own id field: a string with the id pattern (references hold the same pattern, in lists). */
export function isIdField(schema: JsonSchema, root: JsonSchema): boolean {
  return branches(schema, root).some((s) => s.type === 'string' && ID_PATTERN !== undefined && s.pattern === ID_PATTERN);
}
