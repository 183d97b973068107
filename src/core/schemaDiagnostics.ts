import type { ErrorObject } from 'ajv';
import { Document, isCollection, isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import { closest } from './closest';
import type { DiagnosticSink } from './diagnosticSink';
import { firstLine, ParsedCanvas } from './parse';
import { kindOfValue, validatorFor } from './kindValidators';
import { acceptsType, alternativesAt, CANVAS_KINDS, CanvasKind, declaredTypes, ID_PATTERN, JsonSchema, kindInfo, schemaAt } from './schema';
import { lookup, translate } from './l10n';
import { VALUE_MESSAGES } from './messages';
import type { Span } from './types';
import { keyText, locate, type Located, pointerSegments, spanOf } from './yamlPath';

/** A JSON type's name in messages (translated), or the type as written. */
function typeName(type: string): string {
  return Object.hasOwn(VALUE_MESSAGES, type) ? lookup(VALUE_MESSAGES[type as keyof typeof VALUE_MESSAGES]) : type;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return typeName('null');
  if (Array.isArray(value)) return typeName('array');
  if (typeof value === 'number' && Number.isInteger(value)) return translate(VALUE_MESSAGES.theNumber, [value]);
  return typeName(typeof value);
}

function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toLowerCase() ? text[0].toLowerCase() + text.slice(1) : text;
}

/** What to call the thing at a path in a message: its schema title, else its key. */
function nameOf(schema: JsonSchema | undefined, segments: readonly string[]): string {
  if (schema?.title) return schema.title;
  const last = segments[segments.length - 1];
  return last === undefined ? lookup(VALUE_MESSAGES.theCanvas) : `"${last}"`;
}

/**
 * Where a problem with a value is shown: the value itself when it is a scalar or a flow collection;
 * its key when the value is empty or a multi-line block (never a whole block of lines).
 */
function valueSpan(text: string, node: Node | null, pair: Pair | undefined): Span {
  const keySpan = spanOf(pair?.key as Node | undefined);
  const span = spanOf(node);
  if (!span || span.end === span.start) return keySpan ?? itemIndicator(text, span?.start ?? 0);
  if (isCollection(node) && !(node as { flow?: boolean }).flow) return keySpan ?? firstLine(text, span);
  return firstLine(text, span);
}

/** An empty list item has no text of its own: show its `-` indicator. */
function itemIndicator(text: string, offset: number): Span {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? { start: i, end: i + 1 } : { start: offset, end: offset };
}

/** A missing key is shown on the key of its parent; for a card (a list item), on its first key. */
function missingKeySpan(parsed: ParsedCanvas, keys: KeyIndex, node: Node | null, pair: Pair | undefined, missing: string): Span {
  const keySpan = spanOf(pair?.key as Node | undefined);
  if (keySpan) return keySpan;
  if (isMap(node)) {
    const pairs = node.items as Pair[];
    // At the top level, `title` is missing "beside" canvas: show it on the canvas key.
    const anchor = (missing !== 'canvas' ? keys.pair(node, 'canvas') : undefined) ?? pairs[0];
    const anchorSpan = spanOf(anchor?.key as Node | undefined);
    if (anchorSpan) return anchorSpan;
    const own = spanOf(node);
    if (own) return firstLine(parsed.text, own);
  }
  const own = spanOf(node);
  return own ? firstLine(parsed.text, own) : { start: 0, end: 0 };
}

/** The first kind with a block `key`, and its label (`Lean Canvas`): a top-level key written for another kind. */
function kindWithBlock(key: string): { kind: CanvasKind; label: string } | undefined {
  const kind = CANVAS_KINDS.find((k) => kindInfo(k).blockByKey.has(key));
  if (!kind) return undefined;
  const { schema } = kindInfo(kind);
  const canvas = schema.properties?.canvas;
  return { kind, label: canvas?.enumItemLabels?.[canvas.enum?.indexOf(kind) ?? -1] ?? kind };
}

function allowedKeys(schema: JsonSchema | undefined): string[] {
  return Object.keys(schema?.properties ?? {});
}

/**
 * The pairs of each mapping by key, built once per mapping on first use: errors are mapped to
 * their place in time linear in their number, where a search of the mapping per error made a
 * mapping with thousands of unknown keys quadratic.
 */
class KeyIndex {
  private readonly maps = new Map<YAMLMap, { byKey: Map<string, Pair>; nonScalar?: Pair }>();

  private entry(map: YAMLMap) {
    let entry = this.maps.get(map);
    if (!entry) {
      entry = { byKey: new Map() };
      for (const pair of map.items as Pair[]) {
        const key = keyText(pair.key);
        // The first pair of a key, as a search from the start finds it.
        if (key !== undefined) {
          if (!entry.byKey.has(key)) entry.byKey.set(key, pair);
        } else if (!isScalar(pair.key)) entry.nonScalar ??= pair;
      }
      this.maps.set(map, entry);
    }
    return entry;
  }

  /** The first pair whose key reads `key`. */
  pair(map: YAMLMap, key: string): Pair | undefined {
    return this.entry(map).byKey.get(key);
  }

  /** The first pair whose key is not a scalar (a list or a mapping used as a key). */
  nonScalarPair(map: YAMLMap): Pair | undefined {
    return this.entry(map).nonScalar;
  }

  /**
   * `locate` of yamlPath.ts through the index: walks the YAML tree along a data path, stopping at
   * the last node reachable; a path that enters an alias stops at the alias (what the user wrote).
   */
  locate(doc: Document, segments: readonly string[]): Located {
    return locate(doc, segments, (map, key) => this.pair(map, key));
  }
}

/** Runs the precompiled schema validator and reports each error once, at its exact place. */
export function reportSchemaProblems(parsed: ParsedCanvas, sink: DiagnosticSink): void {
  const { doc, text, value } = parsed;
  if (value === undefined || value === null) {
    if (!doc.contents || (isScalar(doc.contents) && doc.contents.value === null)) {
      sink.add('schema', { start: 0, end: 0 }, 'emptyFile');
      return;
    }
  }
  // The kind's own schema; a missing or unknown `canvas` is read as business-model, whose schema
  // reports it (a missing key, or a value not among the kinds).
  const kind = kindOfValue(value);
  const validate = validatorFor(kind);
  const schema = kindInfo(kind).schema;
  parsed.schemaValid = validate(value);
  if (parsed.schemaValid) return;
  const errors = collapseAlternatives(validate.errors ?? [], value, schema);
  // A value of the wrong type also fails its enum or pattern: the type is the one problem to report.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const keys = new KeyIndex();
  for (const error of errors) {
    if (error.keyword !== 'type' && error.keyword !== 'required' && error.keyword !== 'additionalProperties' && wrongType.has(error.instancePath)) continue;
    reportOne(error, parsed, keys, sink, value, text, schema);
  }
}

/**
 * ajv reports a failed anyOf with a summary error plus the errors of every branch. Branches fail
 * on `type` before anything else, so: when the value's type suits some branch, the other branches'
 * type errors are noise and dropped; when it suits none, they become one type error naming all
 * the types allowed. The summary error itself says nothing a person can act on.
 */
function collapseAlternatives(errors: readonly ErrorObject[], root: unknown, schema: JsonSchema): ErrorObject[] {
  const alternatives = new Map<string, JsonSchema[]>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf' || alternatives.has(error.instancePath)) continue;
    alternatives.set(error.instancePath, alternativesAt(pointerSegments(error.instancePath), root, schema) ?? []);
  }
  const kept: ErrorObject[] = [];
  const merged = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    const branches = alternatives.get(error.instancePath);
    if (error.keyword !== 'type' || !branches) {
      kept.push(error);
      continue;
    }
    const data = dataAt(root, pointerSegments(error.instancePath));
    if (branches.some((b) => acceptsType(b, data)) || merged.has(error.instancePath)) continue;
    merged.add(error.instancePath);
    const types = [...new Set(branches.flatMap(declaredTypes))];
    kept.push({ ...error, params: { type: types.join(',') } });
  }
  return kept;
}

function reportOne(error: ErrorObject, parsed: ParsedCanvas, keys: KeyIndex, sink: DiagnosticSink, root: unknown, text: string, kindSchema: JsonSchema): void {
  const segments = pointerSegments(error.instancePath);
  const { node, pair } = keys.locate(parsed.doc, segments);
  const schema = schemaAt(segments, root, kindSchema);
  const params = error.params as Record<string, unknown>;
  const name = nameOf(schema, segments);
  const data = dataAt(root, segments);
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      sink.add('schema', missingKeySpan(parsed, keys, node, pair, missing), 'missingKey', [missing, lowerFirst(name)]);
      return;
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      // A key that is a collection has no text of its own; it is the one that is not a scalar.
      const keyPair = isMap(node) ? (keys.pair(node, key) ?? keys.nonScalarPair(node)) : undefined;
      const keyNode = keyPair?.key as Node | undefined;
      const span = spanOf(keyNode) ?? valueSpan(text, node, pair);
      if (keyNode && !isScalar(keyNode)) {
        sink.add('schema', firstLine(text, span), 'nonStringKey', [typeName(isSeq(keyNode) ? 'array' : 'object')]);
        return;
      }
      if (keyNode && isScalar(keyNode) && typeof keyNode.value !== 'string') {
        sink.add('schema', span, 'nonStringKey', [describeValue(keyNode.value)]);
        return;
      }
      const allowed = allowedKeys(schema);
      const suggestion = closest(key, allowed);
      const otherKind = segments.length === 0 ? kindWithBlock(key) : undefined;
      if (suggestion) sink.add('schema', span, 'unknownKeySuggest', [key, lowerFirst(name), suggestion], suggestion);
      else if (otherKind) sink.add('schema', span, 'unknownKeyOtherKind', [key, lowerFirst(name), otherKind.label, otherKind.kind]);
      else sink.add('schema', span, 'unknownKey', [key, lowerFirst(name), allowed.join(', ')]);
      return;
    }
    case 'enum': {
      const allowed = ((params.allowedValues as unknown[]) ?? []).map(String);
      const given = String(data);
      const suggestion = typeof data === 'string' ? closest(given, allowed) : undefined;
      const span = valueSpan(text, node, pair);
      if (suggestion) sink.add('schema', span, 'badEnumSuggest', [given, lowerFirst(name), suggestion, allowed.join(', ')], suggestion);
      else sink.add('schema', span, 'badEnum', [given, lowerFirst(name), allowed.join(', ')]);
      return;
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map(typeName)
        .reduce((either, type) => translate(VALUE_MESSAGES.either, [either, type]));
      if (segments.length === 0) {
        sink.add('schema', valueSpan(text, node, pair), 'notAMapping', [describeValue(data)]);
        return;
      }
      sink.add('schema', valueSpan(text, node, pair), 'wrongType', [name, expected, describeValue(data)]);
      return;
    }
    case 'pattern': {
      const span = valueSpan(text, node, pair);
      if (params.pattern === ID_PATTERN) sink.add('schema', span, 'badId', [String(data)]);
      else if (segments[segments.length - 1] === 'color') sink.add('schema', span, 'badColor', [String(data)]);
      else sink.add('schema', span, 'badPattern', [String(data), lowerFirst(name)]);
      return;
    }
    case 'minLength':
    case 'minItems':
      sink.add('schema', valueSpan(text, node, pair), 'emptyText', [name]);
      return;
    case 'minimum':
      sink.add('schema', valueSpan(text, node, pair), 'tooSmall', [name, String(params.limit)]);
      return;
    default:
      sink.add('schema', valueSpan(text, node, pair), 'schemaOther', [name, error.keyword]);
  }
}

function dataAt(root: unknown, segments: readonly string[]): unknown {
  let data = root;
  for (const s of segments) {
    if (data === null || typeof data !== 'object') return undefined;
    data = (data as Record<string, unknown>)[s];
  }
  return data;
}

/**
 * Whether some new items of a block satisfy the schema, judged on their own: a block's schema
 * constrains each item alone (no count, uniqueness or cross-item keyword), so a canvas that was
 * valid stays valid exactly when its replaced items are. They are checked inside a skeleton canvas
 * with the same `canvas` and `title` values, which were valid.
 */
export function itemsSatisfySchema(value: Record<string, unknown>, blockKey: string, items: unknown[]): boolean {
  return validatorFor(kindOfValue(value))({ canvas: value.canvas, title: value.title, [blockKey]: items });
}
