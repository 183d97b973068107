import { BlockInfo, JsonSchema, resolveRef, typesOf } from '../schema';
import type { FieldKind, FieldSpec } from './viewTypes';

/** Fields drawn as Markdown (every renderer reads a card's description so). */
const MARKDOWN_FIELDS = new Set(['description']);
/** The colour a segment card is tinted with (a colour name or #rrggbb, see render/colors.ts). */
const COLOR_FIELDS = new Set(['color']);

function optionsOf(schema: JsonSchema): { value: string; label: string }[] {
  return (schema.enum ?? []).map((value, i) => ({ value: String(value), label: schema.enumItemLabels?.[i] ?? String(value) }));
}

/** The spec of one card field, from its schema (resolved within the kind's `root`). */
function fieldSpec(field: string, written: JsonSchema, root: JsonSchema, block: BlockInfo): FieldSpec {
  const schema = resolveRef(written, root);
  const types = typesOf(schema);
  const spec = (kind: FieldKind): FieldSpec => ({ field, title: schema.title ?? field, kind });
  const target = block.references.get(field);
  let result: FieldSpec;
  if (target !== undefined) {
    result = { ...spec('reference'), target, multiple: types.includes('array') };
  } else if (types.includes('array')) {
    const items = schema.items ? resolveRef(schema.items, root) : {};
    if (items.enum) result = { ...spec('enumList'), options: optionsOf(items) };
    else result = spec(typesOf(items).includes('object') ? 'object' : 'list');
  } else if (schema.enum) {
    result = { ...spec('enum'), options: optionsOf(schema) };
  } else if (types.includes('object')) {
    result = spec('object');
  } else if (types.includes('string') && (types.includes('number') || types.includes('integer'))) {
    result = spec('textOrNumber');
  } else if (types.includes('number') || types.includes('integer')) {
    result = { ...spec('number'), ...(types.includes('integer') ? { integer: true } : {}) };
  } else if (types.includes('boolean')) {
    result = spec('boolean');
  } else {
    result = spec(COLOR_FIELDS.has(field) ? 'color' : MARKDOWN_FIELDS.has(field) ? 'markdown' : 'text');
  }
  if (block.card.required?.includes(field)) result.required = true;
  return result;
}

/** The fields a card of `block` can have, in schema order: what the preview's detail panel offers. */
export function fieldSpecsOf(block: BlockInfo, root: JsonSchema): FieldSpec[] {
  return Object.entries(block.card.properties ?? {}).map(([field, schema]) => fieldSpec(field, schema, root, block));
}
