import { spaces, yamlString } from '../codeActions/text';
import { JsonSchema, resolveRef, typesOf } from '../schema';
import { CardFound, EditContext } from './context';
import type { FieldObject, FieldValue } from './types';
import { Refusal } from './types';

/** The schema of a card field in its block, or a refusal when the block's cards have no such field. */
export function fieldSchema(context: EditContext, found: CardFound, field: string): JsonSchema {
  const schema = Object.hasOwn(found.info.card.properties ?? {}, field) ? found.info.card.properties![field] : undefined;
  if (!schema) throw new Refusal('unknownField', [field, found.info.key]);
  return resolveRef(schema, context.kind.schema);
}

/** A value to write, in the two forms it can take. */
export interface ValueText {
  /** On one line: `x`, `"2024"`, `[a, b]`, `{ name: Min-ji }`, `[{ basis: geographic }]`. */
  flow: string;
  /**
   * Over lines of their own, indented relative to the value's column (an object, a list of
   * objects): `name: Min-ji` + `goals: [a]`, `- basis: geographic` + `  criteria: [Seoul]`.
   * Absent for a value written on its key's line.
   */
  block?: string[];
}

/** How nested block values are indented: the file's card key offset (after `- `) and list indent. */
export interface BlockLayout {
  /** Columns from a key to the keys of a mapping under it. */
  mapIndent: number;
  /** Columns from a key to the dashes of a list under it. */
  listIndent: number;
  /** Columns from a dash to the first key of an entry. */
  keyOffset: number;
}

export function blockLayout(context: EditContext): BlockLayout {
  const keyOffset = Math.max(2, context.style.keyOffset);
  return { mapIndent: keyOffset, listIndent: context.style.listIndent, keyOffset };
}

/**
 * The YAML text of a field value, when the field's schema takes it: a string (an enumeration's
 * value, an id matching the pattern), a number or boolean where the schema says so, a list of
 * strings for list fields (reference fields hold ids), an object or a list of objects whose keys
 * the schema names (each value checked in turn, required keys present). Strings are written plain
 * when YAML reads them back unchanged, double-quoted otherwise; a list of strings in flow style.
 * `path` names the value in a refusal (`persona`, `segmentation.0.basis`).
 */
export function fieldValueText(context: EditContext, path: string, schema: JsonSchema, value: Exclude<FieldValue, null>, layout: BlockLayout): ValueText {
  checkValue(context, path, schema, value, 0);
  return { flow: flowText(value), block: blockLines(value, layout) };
}

/** The refusal of a value that is no field value at all (a function, a nested null, an object of a class): what the field takes. */
export function badValue(context: EditContext, path: string, schema: JsonSchema): Refusal {
  return new Refusal('badValue', [path, expected(context, alternatives(context, schema))]);
}

const alternatives = (context: EditContext, schema: JsonSchema): JsonSchema[] => (schema.anyOf ?? [schema]).map((b) => resolveRef(b, context.kind.schema));

const isObject = (value: unknown): value is FieldObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A schema that says nothing (`^x-` extension keys): any value fits. */
const isAnything = (schema: JsonSchema): boolean => !schema.type && !schema.enum && !schema.anyOf && !schema.properties && !schema.items && !schema.$ref;

function checkValue(context: EditContext, path: string, schema: JsonSchema, value: Exclude<FieldValue, null>, depth: number): void {
  const branches = alternatives(context, schema);
  if (branches.some(isAnything)) return;
  const refusal = () => new Refusal('badValue', [path, expected(context, branches)]);
  if (depth > 8) throw refusal();
  if (Array.isArray(value)) {
    for (const list of branches.filter((b) => typesOf(b).includes('array') && b.items)) {
      const items = resolveRef(list.items!, context.kind.schema);
      if (value.every((item) => typeof item === 'string' && fits(items, item))) return;
      if (typesOf(items).includes('object') && value.every(isObject)) {
        value.forEach((item, i) => checkValue(context, `${path}.${i}`, items, item, depth + 1));
        return;
      }
    }
    throw refusal();
  }
  if (isObject(value)) {
    const object = branches.find((b) => typesOf(b).includes('object'));
    if (!object) throw refusal();
    for (const [key, item] of Object.entries(value)) {
      const sub = propertySchema(object, key);
      if (!sub) throw new Refusal('unknownKey', [path, key, Object.keys(object.properties ?? {}).join(', ')]);
      checkValue(context, `${path}.${key}`, resolveRef(sub, context.kind.schema), item, depth + 1);
    }
    const missing = (object.required ?? []).find((key) => !Object.hasOwn(value, key));
    if (missing !== undefined) throw new Refusal('missingKey', [path, missing]);
    return;
  }
  if (!branches.some((b) => fits(b, value))) throw refusal();
}

/** The schema of a key of an object schema: a property, a pattern property (`^x-`), or any key when others are allowed. */
export function propertySchema(object: JsonSchema, key: string): JsonSchema | undefined {
  if (Object.hasOwn(object.properties ?? {}, key)) return object.properties![key];
  const pattern = Object.entries(object.patternProperties ?? {}).find(([p]) => new RegExp(p, 'u').test(key));
  if (pattern) return pattern[1];
  return object.additionalProperties === false ? undefined : {};
}

function fits(schema: JsonSchema, value: unknown): boolean {
  const types = typesOf(schema);
  const typeFits =
    (typeof value === 'string' && types.includes('string')) ||
    (typeof value === 'boolean' && types.includes('boolean')) ||
    (typeof value === 'number' && Number.isFinite(value) && (types.includes('number') || (types.includes('integer') && Number.isInteger(value))));
  if (!typeFits) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === 'string') {
    if (value.length < ((schema as { minLength?: number }).minLength ?? 0)) return false;
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) return false;
  }
  return true;
}

/**
 * What the field takes, for the refusal: its enumeration's values, its types, an object's keys
 * (`?` after an optional one), a list's items.
 */
function expected(context: EditContext, branches: JsonSchema[]): string {
  return branches
    .map((b) => {
      if (b.enum) return b.enum.map(String).join(' | ');
      const items = b.items ? resolveRef(b.items, context.kind.schema) : undefined;
      if (typesOf(b).includes('array') && items) return `[${describe(items) ?? typesOf(items).join(' | ')}]`;
      return describe(b) ?? typesOf(b).join(' | ');
    })
    .filter(Boolean)
    .join(' | ');
}

function describe(schema: JsonSchema): string | undefined {
  if (schema.enum) return schema.enum.map(String).join(' | ');
  if (!typesOf(schema).includes('object')) return undefined;
  const keys = Object.keys(schema.properties ?? {}).map((key) => (schema.required?.includes(key) ? key : `${key}?`));
  return `{ ${keys.join(', ')} }`;
}

/** A value on one line (inside a flow collection, or on its key's line). */
function flowText(value: Exclude<FieldValue, null>): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${(value as Exclude<FieldValue, null>[]).map(flowText).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length ? `{ ${entries.map(([key, item]) => `${yamlString(key)}: ${flowText(item)}`).join(', ')} }` : '{}';
}

/** An object (with entries) or a list of objects over lines of their own; undefined for what stays on one line. */
function blockLines(value: Exclude<FieldValue, null>, layout: BlockLayout): string[] | undefined {
  if (Array.isArray(value)) {
    if (!value.length || !value.every(isObject)) return undefined;
    return (value as FieldObject[]).flatMap((item) => {
      const lines = blockLines(item, layout) ?? [flowText(item)];
      return lines.map((line, i) => (i === 0 ? '-' + spaces(layout.keyOffset - 1) : spaces(layout.keyOffset)) + line);
    });
  }
  if (!isObject(value) || !Object.keys(value).length) return undefined;
  return Object.entries(value).flatMap(([key, item]) => {
    const nested = blockLines(item, layout);
    if (!nested) return [`${yamlString(key)}: ${flowText(item)}`];
    const indent = spaces(Array.isArray(item) ? layout.listIndent : layout.mapIndent);
    return [`${yamlString(key)}:`, ...nested.map((line) => indent + line)];
  });
}
