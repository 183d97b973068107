/**
 * Read access to the canvas JSON schema: the single source of truth for block keys, card fields,
 * enumerations and their documentation. Nothing else in the code base restates the vocabulary.
 */
import schemaJson from '../../schemas/canvas.schema.json';

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
  'x-block'?: { question: string; position: string; guide: string };
  'x-references'?: string;
  definitions?: Record<string, JsonSchema>;
}

export const canvasSchema = schemaJson as unknown as JsonSchema;

/** Follows `#/definitions/...` references (the schema uses no other kind). */
export function resolveRef(schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 16; hops++) {
    const name = current.$ref.replace(/^#\/definitions\//, '');
    const target = canvasSchema.definitions?.[name];
    if (!target) break;
    current = target;
  }
  return current;
}

export interface BlockInfo {
  key: string;
  title: string;
  description: string;
  question: string;
  position: string;
  guide: string;
  /** The object form of a card in this block. */
  card: JsonSchema;
  /** Reference field name -> the block whose ids it holds. */
  references: ReadonlyMap<string, string>;
}

function objectBranch(items: JsonSchema | undefined): JsonSchema {
  if (!items) return {};
  const resolved = resolveRef(items);
  const branches = resolved.anyOf?.map(resolveRef) ?? [resolved];
  return branches.find((b) => b.type === 'object' || (Array.isArray(b.type) && b.type.includes('object'))) ?? {};
}

function referencesOf(card: JsonSchema): Map<string, string> {
  const refs = new Map<string, string>();
  for (const [field, fieldSchema] of Object.entries(card.properties ?? {})) {
    const resolved = resolveRef(fieldSchema);
    const target = resolved['x-references'] ?? (resolved.items && resolveRef(resolved.items)['x-references']);
    if (target) refs.set(field, target);
  }
  return refs;
}

export const BLOCKS: readonly BlockInfo[] = Object.entries(canvasSchema.properties ?? {})
  .filter(([, s]) => resolveRef(s)['x-block'])
  .map(([key, s]) => {
    const block = resolveRef(s);
    const card = objectBranch(block.items);
    const meta = block['x-block']!;
    return {
      key,
      title: block.title ?? key,
      description: block.description ?? '',
      question: meta.question,
      position: meta.position,
      guide: meta.guide,
      card,
      references: referencesOf(card),
    };
  });

export const BLOCK_BY_KEY: ReadonlyMap<string, BlockInfo> = new Map(BLOCKS.map((b) => [b.key, b]));

/** The id pattern every id and reference shares, read from the schema. */
export const ID_PATTERN: string | undefined = resolveRef(canvasSchema.definitions?.id ?? {}).pattern;

function typesOf(schema: JsonSchema): string[] {
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

/** The schema that governs the value at a data path (segments as in a JSON pointer), or undefined. */
export function schemaAt(path: readonly string[], root: unknown): JsonSchema | undefined {
  const { schema, data } = walkSchema(path, root);
  return schema?.anyOf ? resolveRef(pickBranch(schema.anyOf.map(resolveRef), data)) : schema;
}

/** The alternatives (anyOf branches) offered at a data path, if the schema offers any there. */
export function alternativesAt(path: readonly string[], root: unknown): JsonSchema[] | undefined {
  return walkSchema(path, root).schema?.anyOf?.map(resolveRef);
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

function walkSchema(path: readonly string[], root: unknown): { schema: JsonSchema | undefined; data: unknown } {
  let schema: JsonSchema | undefined = canvasSchema;
  let data: unknown = root;
  for (const segment of path) {
    if (!schema) return { schema: undefined, data: undefined };
    schema = resolveRef(schema);
    if (schema.anyOf) schema = resolveRef(pickBranch(schema.anyOf.map(resolveRef), data));
    if (Array.isArray(data)) {
      schema = schema.items;
      data = data[Number(segment)];
    } else {
      schema = schema.properties?.[segment] ?? matchPattern(schema, segment);
      data = data && typeof data === 'object' ? (data as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { schema: schema && resolveRef(schema), data };
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
