/**
 * The precompiled schema validator of each canvas kind (scripts/build-schema.mjs compiles
 * schemas/<kind>.schema.json with ajv's standalone code into src/core/generated/).
 */
import type { ErrorObject } from 'ajv';
import validateBusinessModel = require('./generated/validateBusinessModel');
import validateLean = require('./generated/validateLean');
import validateValueProposition = require('./generated/validateValueProposition');
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
