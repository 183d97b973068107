/**
 * JSON schemas from the vocabulary: one self-contained schema per canvas kind (what the core,
 * hover and completion read, and what ajv compiles) and a dispatcher, schemas/canvas.schema.json,
 * for editors that pick one schema per file pattern (Red Hat YAML via package.json yamlValidation).
 *
 * The vocabulary is a terse dialect of JSON schema: `description` is Markdown (the plain twin is
 * derived), an enumeration lists `{value, label, description}`, `references: <block>` makes a list
 * of ids of that block, a bare string names a definition, `pattern: ID_PATTERN` is the id pattern,
 * and an object with properties is closed (unknown keys are errors) and takes `x-` keys unless it
 * says `extensions: false`.
 */
import { plainText } from './markdown.mjs';

const DRAFT = 'http://json-schema.org/draft-07/schema#';
const BASE = 'https://canvas-as-code.github.io/schemas/';
/** Vocabulary keys that are not JSON schema keywords (handled below). */
const DIALECT = new Set(['type', 'title', 'description', 'enum', 'references', 'items', 'properties', 'extensions', 'pattern']);

function documented(node, out) {
  if (node.title !== undefined) out.title = node.title;
  if (node.description !== undefined) {
    out.markdownDescription = node.description;
    out.description = plainText(node.description);
  }
}

/** One vocabulary node -> JSON schema. `ref(name)` spells a reference to a definition. */
export function expand(node, context) {
  if (typeof node === 'string') return { $ref: context.ref(node) };
  const out = {};
  if (node.references) out.type = 'array';
  else if (node.type !== undefined) out.type = node.type;
  documented(node, out);
  if (node.references) {
    out['x-references'] = node.references;
    out.items = { $ref: context.ref('idReference') };
  }
  if (node.enum) {
    out.enum = node.enum.map((e) => e.value);
    out.enumItemLabels = node.enum.map((e) => e.label);
    out.markdownEnumDescriptions = node.enum.map((e) => e.description);
    out.enumDescriptions = node.enum.map((e) => plainText(e.description));
  }
  if (node.pattern !== undefined) out.pattern = node.pattern === 'ID_PATTERN' ? context.idPattern : node.pattern;
  for (const [key, value] of Object.entries(node)) if (!DIALECT.has(key)) out[key] = value;
  if (node.items && !node.references) out.items = expand(node.items, context);
  if (node.properties) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([name, sub]) => [name, expand(sub, context)]));
    closeObject(out, node.extensions !== false);
  }
  return out;
}

function closeObject(out, extensions) {
  if (extensions) out.patternProperties = { '^x-': {} };
  out.additionalProperties = false;
}

/** The definitions of a kind: the common ones (a kind may override some of their words), its own, its cards'. */
function definitionsOf(kind, common) {
  const merged = { ...common.definitions };
  for (const [name, definition] of Object.entries(kind.definitions ?? {})) {
    merged[name] = name in common.definitions ? { ...common.definitions[name], ...definition } : definition;
  }
  return merged;
}

function cardSchema(block, common, context) {
  // Common fields first and last (id, name, description ... tags, status, notes), the block's own between.
  const fields = { ...common.cardFields.head, ...(block.card.fields ?? {}), ...common.cardFields.tail };
  const out = { type: 'object' };
  documented(block.card, out);
  out.required = ['name'];
  out.properties = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, expand(field, context)]));
  closeObject(out, true);
  return out;
}

function blockSchema(block, context) {
  const out = { type: ['array', 'null'] };
  documented(block, out);
  out['x-block'] = {
    question: block.question,
    position: block.position,
    guide: block.guide,
    cell: block.cell,
    ...(block.group ? { group: block.group } : {}),
  };
  out.items = { anyOf: [{ $ref: context.ref('stickyNote') }, { $ref: context.ref(block.card.definition) }] };
  return out;
}

/** `canvas:` offers every kind, whichever kind's schema an editor reads. */
function canvasProperty(vocabulary, context) {
  return expand(
    {
      ...vocabulary.common.rootFields.canvas,
      enum: vocabulary.kinds.map((k) => ({ value: k.kind, label: k.label, description: k.summary })),
    },
    context,
  );
}

/** The root of one kind's schema, with references spelled by `ref`. */
function kindRoot(kind, vocabulary, ref) {
  const { common } = vocabulary;
  const context = { ref, idPattern: common.idPattern };
  const properties = { canvas: canvasProperty(vocabulary, context) };
  const rootFields = { ...common.rootFields, ...(kind.rootFields ?? {}) };
  for (const [name, field] of Object.entries(rootFields)) if (name !== 'canvas') properties[name] = expand(field, context);
  for (const block of kind.blocks) properties[block.key] = blockSchema(block, context);
  const root = { type: 'object' };
  root.title = kind.title;
  root.markdownDescription = kind.description;
  root.description = plainText(kind.description);
  root['x-grid'] = kind.grid;
  root.required = common.requiredRootFields;
  root.properties = properties;
  closeObject(root, true);
  const definitions = {};
  for (const [name, definition] of Object.entries(definitionsOf(kind, common))) definitions[name] = expand(definition, context);
  for (const block of kind.blocks) definitions[block.card.definition] = cardSchema(block, common, context);
  return { root, definitions };
}

/** The self-contained schema of one kind: schemas/<kind>.schema.json. */
export function kindSchema(kind, vocabulary) {
  const { root, definitions } = kindRoot(kind, vocabulary, (name) => `#/definitions/${name}`);
  return { $schema: DRAFT, $id: `${BASE}${kind.kind}.schema.json`, ...root, definitions };
}

/**
 * schemas/canvas.schema.json: every kind inlined under namespaced definitions (`lean.problem`), chosen
 * by the `canvas:` value; a missing or unknown value reads as the first kind (business-model), as
 * the core does.
 */
export function dispatcherSchema(vocabulary) {
  const { common, kinds } = vocabulary;
  const definitions = {};
  for (const kind of kinds) {
    const { root, definitions: own } = kindRoot(kind, vocabulary, (name) => `#/definitions/${kind.kind}.${name}`);
    definitions[kind.kind] = root;
    for (const [name, definition] of Object.entries(own)) definitions[`${kind.kind}.${name}`] = definition;
  }
  const [fallback, ...others] = kinds;
  let choice = { $ref: `#/definitions/${fallback.kind}` };
  for (const kind of others.reverse()) {
    choice = {
      if: { properties: { canvas: { const: kind.kind } }, required: ['canvas'] },
      then: { $ref: `#/definitions/${kind.kind}` },
      else: choice,
    };
  }
  const out = { $schema: DRAFT, $id: `${BASE}canvas.schema.json`, title: common.dispatcher.title };
  documented(common.dispatcher, out);
  return { ...out, type: 'object', ...choice, definitions };
}
