import { yamlString } from '../codeActions/text';
import { JsonSchema, resolveRef, typesOf } from '../schema';
import { CardFound, EditContext } from './context';
import type { FieldValue } from './types';
import { Refusal } from './types';

/** The schema of a card field in its block, or a refusal when the block's cards have no such field. */
export function fieldSchema(context: EditContext, found: CardFound, field: string): JsonSchema {
  const schema = Object.hasOwn(found.info.card.properties ?? {}, field) ? found.info.card.properties![field] : undefined;
  if (!schema) throw new Refusal('unknownField', [field, found.info.key]);
  return resolveRef(schema, context.kind.schema);
}

/**
 * The YAML text of a field value, when the field's schema takes it: a string (an enumeration's
 * value, an id matching the pattern), a number or boolean where the schema says so, a list of
 * strings for list fields (reference fields hold ids). Written plain when YAML reads it back
 * unchanged, double-quoted otherwise; a list in flow style.
 */
export function fieldValueText(context: EditContext, field: string, schema: JsonSchema, value: Exclude<FieldValue, null>): string {
  const branches = (schema.anyOf ?? [schema]).map((b) => resolveRef(b, context.kind.schema));
  if (Array.isArray(value)) {
    const list = branches.find((b) => typesOf(b).includes('array'));
    const items = list?.items ? resolveRef(list.items, context.kind.schema) : undefined;
    if (items && value.every((item) => typeof item === 'string' && fits(items, item))) return `[${value.map(yamlString).join(', ')}]`;
  } else if (branches.some((b) => fits(b, value))) {
    return typeof value === 'string' ? yamlString(value) : String(value);
  }
  throw new Refusal('badValue', [field, expected(context, branches)]);
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

/** What the field takes, for the refusal: its enumeration's values, or its types. */
function expected(context: EditContext, branches: JsonSchema[]): string {
  return branches
    .map((b) => {
      if (b.enum) return b.enum.map(String).join(' | ');
      const items = b.items ? resolveRef(b.items, context.kind.schema) : undefined;
      if (typesOf(b).includes('array') && items) return `[${items.enum ? items.enum.map(String).join(' | ') : typesOf(items).join(' | ')}]`;
      return typesOf(b).join(' | ');
    })
    .filter(Boolean)
    .join(' | ');
}
