import { BlockInfo, JsonSchema, resolveRef, typesOf } from '../schema';
import type { FieldKind, FieldSpec } from './viewTypes';

/** Fields drawn as Markdown (every renderer reads a card's description so). */
const MARKDOWN_FIELDS = new Set(['description']);
/** The colour a segment card is tinted with (a colour name or #rrggbb, see render/colors.ts). */
const COLOR_FIELDS = new Set(['color']);

function optionsOf(schema: JsonSchema): { value: string; label: string }[] {
  return (schema.enum ?? []).map((value, i) => ({ value: String(value), label: schema.enumItemLabels?.[i] ?? String(value) }));
}

/** Where a field sits: the reference fields and required keys of its card (or object). */
interface FieldOwner {
  references: ReadonlyMap<string, string>;
  required: string[];
}

/** How deep objects nest in the specs (the schemas go one level below a card field). */
const MAX_DEPTH = 2;

/** The spec of one card field (or of a key of an object field), from its schema (resolved within the kind's `root`). */
function fieldSpec(field: string, written: JsonSchema, root: JsonSchema, owner: FieldOwner, depth = 0): FieldSpec {
  const schema = resolveRef(written, root);
  const types = typesOf(schema);
  const spec = (kind: FieldKind): FieldSpec => ({ field, title: schema.title ?? field, kind });
  const target = owner.references.get(field);
  let result: FieldSpec;
  if (target !== undefined) {
    result = { ...spec('reference'), target, multiple: types.includes('array') };
  } else if (types.includes('array')) {
    const items = schema.items ? resolveRef(schema.items, root) : {};
    if (items.enum) result = { ...spec('enumList'), options: optionsOf(items) };
    else if (typesOf(items).includes('object')) result = { ...spec('objectList'), ...keySpecs(items, root, depth) };
    else result = spec('list');
  } else if (schema.enum) {
    result = { ...spec('enum'), options: optionsOf(schema) };
  } else if (types.includes('object')) {
    result = { ...spec('object'), ...keySpecs(schema, root, depth) };
  } else if (types.includes('string') && (types.includes('number') || types.includes('integer'))) {
    result = spec('textOrNumber');
  } else if (types.includes('number') || types.includes('integer')) {
    result = { ...spec('number'), ...(types.includes('integer') ? { integer: true } : {}) };
  } else if (types.includes('boolean')) {
    result = spec('boolean');
  } else {
    result = spec(COLOR_FIELDS.has(field) ? 'color' : MARKDOWN_FIELDS.has(field) ? 'markdown' : 'text');
  }
  if (owner.required.includes(field)) result.required = true;
  return result;
}

/** The specs of an object's keys (persona's name, goals …; a segmentation entry's basis, criteria …), in schema order. */
function keySpecs(object: JsonSchema, root: JsonSchema, depth: number): { fields?: FieldSpec[] } {
  if (depth >= MAX_DEPTH || !object.properties) return {};
  const owner = { references: new Map<string, string>(), required: object.required ?? [] };
  return { fields: Object.entries(object.properties).map(([key, schema]) => fieldSpec(key, schema, root, owner, depth + 1)) };
}

/** The fields a card of `block` can have, in schema order: what the preview's detail panel offers. */
export function fieldSpecsOf(block: BlockInfo, root: JsonSchema): FieldSpec[] {
  const owner = { references: block.references, required: block.card.required ?? [] };
  return Object.entries(block.card.properties ?? {}).map(([field, schema]) => fieldSpec(field, schema, root, owner));
}

/** A copy of a spec that shares nothing with it (its options and its keys' specs copied too), for a view of its own. */
export function copyFieldSpec(spec: FieldSpec): FieldSpec {
  return {
    ...spec,
    ...(spec.options ? { options: spec.options.map((o) => ({ ...o })) } : {}),
    ...(spec.fields ? { fields: spec.fields.map(copyFieldSpec) } : {}),
  };
}
