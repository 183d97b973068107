import { isAlias, isMap, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { JsonSchema, resolveRef, typesOf } from '../schema';
import type { EditContext } from './context';
import { propertySchema } from './fieldValues';
import type { FieldObject, FieldValue } from './types';
import { Refusal } from './types';

/** One step of a dotted field path below the card field: a key of an object, or an entry of a list of objects. */
export interface PathStep {
  segment: string;
  /** The path up to and including this step, for messages (`persona.name`, `segmentation.0`). */
  path: string;
  /** A key of a mapping, or an index into a list. */
  kind: 'key' | 'index';
  /** The schema of the value at this step. */
  schema: JsonSchema;
  /** key: the object's schema requires it. */
  required: boolean;
}

/**
 * The steps of `persona.name` or `segmentation.0.criteria` below the card field's schema, each
 * checked against the schema: a key an object has, an index into a list of objects; refused when
 * the path goes somewhere the schema has nothing.
 */
export function pathSteps(context: EditContext, field: string, fieldSchema: JsonSchema, segments: string[]): PathStep[] {
  const steps: PathStep[] = [];
  let schema = fieldSchema;
  let path = field;
  for (const segment of segments) {
    const branches = (schema.anyOf ?? [schema]).map((b) => resolveRef(b, context.kind.schema));
    const object = branches.find((b) => typesOf(b).includes('object'));
    const list = branches.find((b) => typesOf(b).includes('array') && b.items && typesOf(resolveRef(b.items, context.kind.schema)).includes('object'));
    if (object) {
      const sub = propertySchema(object, segment);
      if (!sub) throw new Refusal('unknownKey', [path, segment, Object.keys(object.properties ?? {}).join(', ')]);
      schema = resolveRef(sub, context.kind.schema);
      steps.push({ segment, path: `${path}.${segment}`, kind: 'key', schema, required: Boolean(object.required?.includes(segment)) });
    } else if (list) {
      if (!/^(0|[1-9]\d{0,8})$/.test(segment)) throw new Refusal('notAnIndex', [path, segment]);
      schema = resolveRef(list.items!, context.kind.schema);
      steps.push({ segment, path: `${path}.${segment}`, kind: 'index', schema, required: false });
    } else {
      throw new Refusal('notAnObject', [path, segment]);
    }
    path = `${path}.${segment}`;
  }
  return steps;
}

/**
 * The value to write where the written data stops (an absent or empty value on the way): `value`
 * wrapped in the objects and lists the remaining steps name (`persona.name` = x into a card without
 * a persona: `{ name: x }`). An index other than 0 into an empty list is refused.
 */
export function wrapValue(steps: PathStep[], value: Exclude<FieldValue, null>, at: string): Exclude<FieldValue, null> {
  let wrapped = value;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (step.kind === 'index') {
      if (Number(step.segment) !== 0) throw new Refusal('noEntry', [i === 0 ? at : steps[i - 1].path, step.segment, '0']);
      wrapped = [wrapped as FieldObject];
    } else {
      wrapped = { [step.segment]: wrapped };
    }
  }
  return wrapped;
}

/** A value that holds nothing: absent, `key:`, `~`, `null`. */
export const isEmptyNode = (node: unknown): boolean => !node || (isScalar(node) && node.value === null);

/** Where a step's value is written: a pair of a mapping (absent when the key is not written), or an entry of a list. */
export type Slot =
  | { kind: 'key'; map: YAMLMap; key: string; pair?: Pair }
  | { kind: 'item'; seq: YAMLSeq; holder: Pair; index: number };

/** The node written at a slot (undefined when none). */
export function slotNode(slot: Slot): Node | undefined {
  if (slot.kind === 'key') return (slot.pair?.value ?? undefined) as Node | undefined;
  return (slot.seq.items[slot.index] ?? undefined) as Node | undefined;
}

/** The collection written at a slot that a next step goes into, or why it cannot be. */
export function containerAt(slot: Slot, step: PathStep, at: string): YAMLMap | YAMLSeq | undefined {
  const node = slotNode(slot);
  if (isEmptyNode(node)) return undefined;
  if (isAlias(node)) throw new Refusal('notWrittenAsObject', [at]);
  if (step.kind === 'key' && isMap(node)) return node;
  if (step.kind === 'index' && isSeq(node)) return node;
  throw new Refusal('notWrittenAsObject', [at]);
}
