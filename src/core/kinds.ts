/**
 * The canvas kinds and what each one is made of, read from their generated JSON schemas
 * (vocabulary/<kind>.yaml -> schemas/<kind>.schema.json). Nothing else in the code base restates
 * a kind's blocks, fields or words. The bundles carry the schemas in the compact form the build
 * writes for the runtime (src/core/generated/kindSchemas.json), expanded here once.
 */
import runtimeSchemas from './generated/kindSchemas.json';
import { BlockInfo, blocksOf, JsonSchema, resolveRef } from './jsonSchema';
import { catalogueGeneration, hasCatalogue } from './l10n';
import { localizeSchema } from './localizedSchema';
import { expandRuntimeSchemas } from './runtimeSchema';

export type CanvasKind = 'business-model' | 'lean' | 'value-proposition';

const EXPANDED = expandRuntimeSchemas(runtimeSchemas);
const SCHEMAS: Readonly<Record<CanvasKind, JsonSchema>> = {
  'business-model': EXPANDED['business-model'],
  lean: EXPANDED.lean,
  'value-proposition': EXPANDED['value-proposition'],
};

/** Every kind, in vocabulary order (the `canvas` enumeration every kind's schema carries). */
export const CANVAS_KINDS: readonly CanvasKind[] = (resolveRef(SCHEMAS['business-model'].properties?.canvas ?? {}, SCHEMAS['business-model']).enum ?? [])
  .filter((k): k is CanvasKind => typeof k === 'string' && Object.hasOwn(SCHEMAS, k));

/** The kind a file is read as when `canvas:` is missing or names no kind: the first (business-model). */
export const DEFAULT_KIND: CanvasKind = CANVAS_KINDS[0];

export function isCanvasKind(value: unknown): value is CanvasKind {
  return typeof value === 'string' && (CANVAS_KINDS as readonly string[]).includes(value);
}

/** The kind a `canvas:` value stands for: itself when it is a kind, else the default. */
export function kindOf(canvasValue: unknown): CanvasKind {
  return isCanvasKind(canvasValue) ? canvasValue : DEFAULT_KIND;
}

export interface KindInfo {
  kind: CanvasKind;
  title: string;
  description: string;
  /** The kind's self-contained JSON schema (references resolve within it). */
  schema: JsonSchema;
  /** The kind's blocks, in canvas order. */
  blocks: readonly BlockInfo[];
  blockByKey: ReadonlyMap<string, BlockInfo>;
  /** The size of the grid the blocks' cells sit on. */
  grid: { columns: number; rows: number };
}

function readKind(kind: CanvasKind): KindInfo {
  const schema = hasCatalogue() ? localizeSchema(SCHEMAS[kind]) : SCHEMAS[kind];
  const blocks = blocksOf(schema);
  const grid = schema['x-grid'] ?? { columns: 1, rows: 1 };
  return {
    kind,
    title: schema.title ?? kind,
    description: schema.description ?? '',
    schema,
    blocks,
    blockByKey: new Map(blocks.map((b) => [b.key, b])),
    grid: { columns: grid.columns, rows: grid.rows },
  };
}

function readKinds(): Map<CanvasKind, KindInfo> {
  return new Map<CanvasKind, KindInfo>(CANVAS_KINDS.map((kind) => [kind, readKind(kind)]));
}

// Read again (texts translated) when a host installs another catalogue (src/core/l10n.ts); a new
// KindInfo object, so what is cached per KindInfo is dropped with the old one.
let KINDS = readKinds();
let kindsGeneration = catalogueGeneration();

/** A kind's blocks, words and schema, its texts in the installed catalogue's language. */
export function kindInfo(kind: CanvasKind): KindInfo {
  if (kindsGeneration !== catalogueGeneration()) {
    KINDS = readKinds();
    kindsGeneration = catalogueGeneration();
  }
  return KINDS.get(kind) ?? KINDS.get(DEFAULT_KIND)!;
}

/** The id pattern every id and reference of every kind shares, read from the schema. */
export const ID_PATTERN: string | undefined = resolveRef(SCHEMAS['business-model'].definitions?.id ?? {}, SCHEMAS['business-model']).pattern;
