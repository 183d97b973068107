/**
 * Read access to the canvas schemas: the kinds (src/core/kinds.ts) and the functions that walk a
 * kind's schema (src/core/jsonSchema.ts), in one import.
 */
import { BlockInfo } from './jsonSchema';
import { kindInfo } from './kinds';

export * from './jsonSchema';
export * from './kinds';

/**
 * The business-model kind's schema and blocks, as before there were kinds. Still read by the
 * preview's renderer (src/core/render) and compareData until they read `kindInfo(model.kind)`;
 * new code takes the kind's KindInfo instead.
 */
export const canvasSchema = kindInfo('business-model').schema;
export const BLOCKS: readonly BlockInfo[] = kindInfo('business-model').blocks;
export const BLOCK_BY_KEY: ReadonlyMap<string, BlockInfo> = kindInfo('business-model').blockByKey;
