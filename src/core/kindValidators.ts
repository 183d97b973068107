/**
 * The precompiled schema validator of each canvas kind (scripts/build-schema.mjs compiles
 * schemas/<kind>.schema.json with ajv's standalone code into one module,
 * src/core/generated/validateKinds.js, where the definitions the kinds share are compiled once).
 */
import type { ErrorObject } from 'ajv';
import { validateBusinessModel, validateLean, validateValueProposition } from './generated/validateKinds';
import { CanvasKind, kindOf } from './kinds';

export type CompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const VALIDATORS: Readonly<Record<CanvasKind, CompiledValidator>> = {
  'business-model': validateBusinessModel,
  lean: validateLean,
  'value-proposition': validateValueProposition,
};

/** The kind a canvas's plain value declares with `canvas:` (business-model when missing or unknown). */
export function kindOfValue(value: unknown): CanvasKind {
  return kindOf(value && typeof value === 'object' && !Array.isArray(value) ? (value as { canvas?: unknown }).canvas : undefined);
}

export function validatorFor(kind: CanvasKind): CompiledValidator {
  return VALIDATORS[kind];
}
