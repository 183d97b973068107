// Generates from vocabulary/ (see scripts/vocabulary/) the JSON schemas (schemas/<kind>.schema.json,
// schemas/canvas.schema.json), the tables of docs/format.md and the core's VOCABULARY_MESSAGES, then
// compiles each kind's schema ahead of time with ajv's standalone code generation, so no
// `new Function` runs in the extension host (web hosts may forbid eval) and activation pays no
// compile cost. Compiled: src/core/generated/validate<Kind>.js (+ .d.ts), git-ignored.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { generatedFiles } from './vocabulary/index.mjs';

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

/** `value-proposition` -> `validateValueProposition`: the compiled validator's module name. */
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
 * With allErrors, ajv gathers a referenced definition's errors by `vErrors = vErrors.concat(…)`:
 * every card copies all the errors gathered before it, so a file with an error on each of its
 * 4,000 cards copies 8 million of them (14 s). Appending in place is linear. The replaced
 * statement's shape is checked: an ajv update that changes it fails the build, not the speed.
 */
function appendInPlace(code) {
  const concat = /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g;
  let replaced = 0;
  const out = code.replace(concat, (_, fn) => {
    replaced++;
    return `if(vErrors === null){vErrors = ${fn}.errors;}else {for(const e of ${fn}.errors){vErrors.push(e);}}`;
  });
  if (replaced === 0 || out.includes('.concat(')) throw new Error('build-schema: ajv no longer gathers errors as expected; update appendInPlace');
  return out;
}

mkdirSync(outDir, { recursive: true });
for (const { kind } of vocabulary.kinds) {
  const schemaPath = join(root, `schemas/${kind}.schema.json`);
  const outFile = join(outDir, `${validatorName(kind)}.js`);
  const inputsChanged = Math.max(statSync(schemaPath).mtimeMs, scriptsChanged);
  if (existsSync(outFile) && statSync(outFile).mtimeMs > inputsChanged && !process.argv.includes('--force')) continue;
  const ajv = newAjv();
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
  const validate = ajv.compile(withoutAnnotations(JSON.parse(readFileSync(schemaPath, 'utf8'))));
  // Errors carry the failing schema's JSON pointer (`schemaPath`); the core maps errors by instance
  // path and keyword only, so the pointers (10 KB of strings) are left empty.
  const code = appendInPlace(standaloneCode(ajv, validate).replace(/schemaPath:"[^"]*"/g, 'schemaPath:""'));
  writeFileSync(outFile, `// Generated by scripts/build-schema.mjs from schemas/${kind}.schema.json. Do not edit.\n` + code);
  writeFileSync(
    join(outDir, `${validatorName(kind)}.d.ts`),
    `import type { ErrorObject } from 'ajv';
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export = validate;
`,
  );
  console.log('compiled schema ->', outFile);
}
