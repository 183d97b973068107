/**
 * Reading a canvas kind's JSON schema (generated from vocabulary/ by scripts/build-schema.mjs): its
 * blocks, their cards and reference fields, and the schema that governs a value at a data path.
 * Every function takes the schema it walks: references resolve within it (each kind's schema is
 * self-contained).
 */

export interface BlockCell {
  /** 1-based column and row on the kind's grid, as CSS grid lines. */
  column: number;
  row: number;
  /** How many columns and rows the block spans. */
  columns: number;
  rows: number;
}

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  enumItemLabels?: string[];
  markdownEnumDescriptions?: string[];
  enumDescriptions?: string[];
  pattern?: string;
  'x-block'?: { question: string; position: string; guide: string; cell: BlockCell; group?: string };
  'x-references'?: string;
  /** On a kind's root: the size of the grid its blocks' cells sit on. */
  'x-grid'?: { columns: number; rows: number };
  definitions?: Record<string, JsonSchema>;
}

/** Follows `#/definitions/...` references within `root` (the schemas use no other kind). */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 16; hops++) {
    const name = current.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    if (!target) break;
    current = target;
  }
  return current;
}

export interface BlockInfo {
  key: string;
  title: string;
  /** Plain text. */
  description: string;
  /** The same, in Markdown (hover and completion show it). */
  markdownDescription: string;
  question: string;
  position: string;
  guide: string;
  /** Where the block sits on its kind's grid. */
  cell: BlockCell;
  /** The side of the canvas the block belongs to, when the kind has sides (`customer-profile`, `value-map`). */
  group?: string;
  /** The object form of a card in this block. */
  card: JsonSchema;
  /** Reference field name -> the block whose ids it holds. */
  references: ReadonlyMap<string, string>;
}

function objectBranch(items: JsonSchema | undefined, root: JsonSchema): JsonSchema {
  if (!items) return {};
  const resolved = resolveRef(items, root);
  const branches = resolved.anyOf?.map((b) => resolveRef(b, root)) ?? [resolved];
  return branches.find((b) => b.type === 'object' || (Array.isArray(b.type) && b.type.includes('object'))) ?? {};
}

function referencesOf(card: JsonSchema, root: JsonSchema): Map<string, string> {
  const refs = new Map<string, string>();
  for (const [field, fieldSchema] of Object.entries(card.properties ?? {})) {
    const resolved = resolveRef(fieldSchema, root);
    const target = resolved['x-references'] ?? (resolved.items && resolveRef(resolved.items, root)['x-references']);
    if (target) refs.set(field, target);
  }
  return refs;
}

/** The blocks of a kind's schema, in canvas order: the root properties that carry `x-block`. */
export function blocksOf(root: JsonSchema): BlockInfo[] {
  return Object.entries(root.properties ?? {})
    .filter(([, s]) => resolveRef(s, root)['x-block'])
    .map(([key, s]) => {
      const block = resolveRef(s, root);
      const card = objectBranch(block.items, root);
      const meta = block['x-block']!;
      return {
        key,
        title: block.title ?? key,
        description: block.description ?? '',
        markdownDescription: block.markdownDescription ?? block.description ?? '',
        question: meta.question,
        position: meta.position,
        guide: meta.guide,
        cell: meta.cell,
        ...(meta.group ? { group: meta.group } : {}),
        card,
        references: referencesOf(card, root),
      };
    });
}

export function typesOf(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** Among alternatives, the one whose declared type fits the data (so messages name the right thing). */
export function pickBranch(branches: JsonSchema[], data: unknown): JsonSchema {
  const actual = jsonTypeOf(data);
  return (
    branches.find((b) => {
      const types = typesOf(b);
      return types.includes(actual) || (actual === 'integer' && types.includes('number'));
    }) ?? branches[branches.length - 1]
  );
}

/** The schema (within `root`, a kind's schema) that governs the value at a data path (segments as in a JSON pointer), or undefined. */
export function schemaAt(path: readonly string[], data: unknown, root: JsonSchema): JsonSchema | undefined {
  const found = walkSchema(path, data, root);
  const schema = found.schema;
  return schema?.anyOf ? resolveRef(pickBranch(schema.anyOf.map((b) => resolveRef(b, root)), found.data), root) : schema;
}

/** The alternatives (anyOf branches) offered at a data path, if the schema offers any there. */
export function alternativesAt(path: readonly string[], data: unknown, root: JsonSchema): JsonSchema[] | undefined {
  return walkSchema(path, data, root).schema?.anyOf?.map((b) => resolveRef(b, root));
}

/** Both the declared types of alternatives and a value's JSON type, for matching one to the other. */
export function acceptsType(schema: JsonSchema, value: unknown): boolean {
  const actual = jsonTypeOf(value);
  const types = typesOf(schema);
  return types.length === 0 || types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

export function declaredTypes(schema: JsonSchema): string[] {
  return typesOf(schema);
}

function walkSchema(path: readonly string[], value: unknown, root: JsonSchema): { schema: JsonSchema | undefined; data: unknown } {
  let schema: JsonSchema | undefined = root;
  let data: unknown = value;
  for (const segment of path) {
    if (!schema) return { schema: undefined, data: undefined };
    schema = resolveRef(schema, root);
    if (schema.anyOf) schema = resolveRef(pickBranch(schema.anyOf.map((b) => resolveRef(b, root)), data), root);
    if (Array.isArray(data)) {
      schema = schema.items;
      data = data[Number(segment)];
    } else {
      schema = schema.properties?.[segment] ?? matchPattern(schema, segment);
      data = data && typeof data === 'object' ? (data as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { schema: schema && resolveRef(schema, root), data };
}

/** Compiled patternProperties: schemaAt runs once per schema error, thousands of times in a broken file. */
const compiledPatterns = new Map<string, RegExp>();

function matchPattern(schema: JsonSchema, key: string): JsonSchema | undefined {
  for (const [pattern, s] of Object.entries(schema.patternProperties ?? {})) {
    let regex = compiledPatterns.get(pattern);
    if (!regex) compiledPatterns.set(pattern, (regex = new RegExp(pattern, 'u')));
    if (regex.test(key)) return s;
  }
  return undefined;
}
