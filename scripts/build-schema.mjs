// Generates from vocabulary/ (see scripts/vocabulary/) the JSON schemas (schemas/<kind>.schema.json,
// schemas/canvas.schema.json), the tables of docs/format.md and the core's VOCABULARY_MESSAGES, then
// compiles the kinds' schemas ahead of time with ajv's standalone code generation, so no
// `new Function` runs in the extension host (web hosts may forbid eval) and activation pays no
// compile cost. Compiled: src/core/generated/validateKinds.js (+ .d.ts), one module exporting each
// kind's validator (validateBusinessModel, ...), shrunk by scripts/standaloneCompact.mjs; and the
// schemas as the runtime reads them, src/core/generated/kindSchemas.json (see scripts/vocabulary/runtime.mjs).
// Both git-ignored.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { generatedFiles } from './vocabulary/index.mjs';
import { appendInPlace, withOnlyReadSchemaParts, withoutSchemaPaths, withoutUnusedCallContext } from './standaloneCompact.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/core/generated');

const { vocabulary, files } = generatedFiles(root);
for (const [path, text] of files) {
  const target = join(root, path);
  if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log('wrote', path);
}

/** `value-proposition` -> `validateValueProposition`: the compiled validator's export name. */
export const validatorName = (kind) => 'validate' + kind.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());

// Annotations the schema carries for editors and the preview; they do not validate anything.
export const ANNOTATIONS = [
  'markdownDescription',
  'markdownEnumDescriptions',
  'enumDescriptions',
  'enumItemLabels',
  'x-block',
  'x-grid',
  'x-references',
  'defaultSnippets',
];

// schemas/canvas-config.schema.json (the .canvas-as-code.yaml file, package.json yamlValidation) is
// generated from the core (src/core/config.ts configSchema(): rule names from RULE_CODES, their words
// from package.nls.json), so there is one source of truth; the file is committed for editors and
// checked against the core by test/unit/config.test.ts. Bundled on the fly with esbuild, then run.
{
  const esbuild = await import('esbuild');
  const bundled = await esbuild.build({
    entryPoints: [join(root, 'src/core/config.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const configSchemaPath = join(root, 'schemas/canvas-config.schema.json');
  const text = JSON.stringify(module.exports.configSchema(), null, 2) + '\n';
  if (!existsSync(configSchemaPath) || readFileSync(configSchemaPath, 'utf8') !== text) {
    writeFileSync(configSchemaPath, text);
    console.log('wrote', configSchemaPath);
  }
}

const vocabularyScripts = readdirSync(join(root, 'scripts/vocabulary')).map((f) => join(root, 'scripts/vocabulary', f));
const scriptsChanged = Math.max(...[fileURLToPath(import.meta.url), ...vocabularyScripts].map((f) => statSync(f).mtimeMs));
const newAjv = () => new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true, // size and amount are text or a number
  messages: false, // the core writes its own messages
  inlineRefs: false, // one function per definition, not a copy per use: 5 KB less in each bundle
  code: { source: true, optimize: true },
});
/**
 * The schema without what only people read (titles, descriptions, labels, x- data): ajv's code
 * embeds the schema it compiled, and the extension bundle already carries the full one for hover
 * and completion; 40 KB once, not twice. Subschemas are walked by keyword, so a property named
 * `description` stays a property.
 */
function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.includes(key) || key === 'title' || key === 'description' || key === '$comment') continue;
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    } else if (['items', 'anyOf', 'allOf', 'oneOf', 'not', 'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'if', 'then', 'else'].includes(key)) {
      out[key] = withoutAnnotations(value);
    } else out[key] = value;
  }
  return out;
}

/**
 * The three kinds share most of their definitions (id, name, status, tags, ... from
 * vocabulary/common.yaml). A definition that is the same in every kind that has it (after
 * annotations are stripped, and so are the definitions it refers to) moves to one schema of its own,
 * `kinds-common`, that the kinds refer to: compiled once, in one module, not once per kind.
 */
export function withSharedDefinitions(schemas) {
  const textOf = new Map(); // name -> stripped text, or null when kinds disagree
  for (const schema of schemas) {
    for (const [name, definition] of Object.entries(schema.definitions ?? {})) {
      const text = JSON.stringify(definition);
      textOf.set(name, !textOf.has(name) || textOf.get(name) === text ? text : null);
    }
  }
  const refsOf = (text) => [...text.matchAll(/"#\/definitions\/([^"]+)"/g)].map((m) => m[1]);
  const shared = new Set([...textOf].filter(([, text]) => text !== null).map(([name]) => name));
  // A definition stays shared only when everything it refers to is shared too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of shared) {
      if (refsOf(textOf.get(name)).some((ref) => !shared.has(ref))) {
        shared.delete(name);
        changed = true;
      }
    }
  }
  const common = { $id: COMMON_ID, definitions: Object.fromEntries([...shared].map((name) => [name, JSON.parse(textOf.get(name))])) };
  const toCommon = (value) => JSON.parse(JSON.stringify(value).replace(/"#\/definitions\/([^"]+)"/g, (ref, name) => (shared.has(name) ? `"${COMMON_ID}#/definitions/${name}"` : ref)));
  const kinds = schemas.map((schema) => {
    const { definitions = {}, ...rest } = schema;
    const own = Object.fromEntries(Object.entries(definitions).filter(([name]) => !shared.has(name)));
    return toCommon({ ...rest, definitions: own });
  });
  return { common, kinds };
}
const COMMON_ID = 'https://canvas-as-code.github.io/schemas/kinds-common.json';

const OUT_FILE = join(outDir, 'validateKinds.js');
const kinds = vocabulary.kinds.map(({ kind }) => kind);
const schemaPaths = kinds.map((kind) => join(root, `schemas/${kind}.schema.json`));
const inputsChanged = Math.max(...schemaPaths.map((p) => statSync(p).mtimeMs), scriptsChanged, statSync(join(root, 'scripts/standaloneCompact.mjs')).mtimeMs);
mkdirSync(outDir, { recursive: true });
if (!existsSync(OUT_FILE) || statSync(OUT_FILE).mtimeMs <= inputsChanged || process.argv.includes('--force')) {
  const ajv = newAjv();
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
  const { common, kinds: compiled } = withSharedDefinitions(schemaPaths.map((p) => withoutAnnotations(JSON.parse(readFileSync(p, 'utf8')))));
  ajv.addSchema(common);
  for (const schema of compiled) ajv.addSchema(schema);
  // One module: each kind's validator is an export named after the kind (validatorName).
  const exportsByName = Object.fromEntries(kinds.map((kind, i) => [validatorName(kind), compiled[i].$id]));
  let code = standaloneCode(ajv, exportsByName);
  code = withOnlyReadSchemaParts(withoutUnusedCallContext(appendInPlace(withoutSchemaPaths(code))));
  writeFileSync(OUT_FILE, `// Generated by scripts/build-schema.mjs from schemas/{${kinds.join(',')}}.schema.json. Do not edit.\n` + code);
  writeFileSync(
    join(outDir, 'validateKinds.d.ts'),
    `// Generated by scripts/build-schema.mjs. Do not edit.
import type { ErrorObject } from 'ajv';
type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
${kinds.map((kind) => `export declare const ${validatorName(kind)}: Validate;`).join('\n')}
`,
  );
  console.log('compiled schemas ->', OUT_FILE);
}
