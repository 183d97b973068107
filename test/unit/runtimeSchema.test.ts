import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { CANVAS_KINDS, kindInfo } from '../../src/core';
import type { CanvasKind } from '../../src/core';
import { validatorFor } from '../../src/core/kindValidators';
import validateBmml = require('../../src/core/generated/validateBmml');
import { plainVocabularyText } from '../../src/core/runtimeSchema';

const ROOT = join(__dirname, '../../..');
const importModule = new Function('path', 'return import(path)') as (path: string) => Promise<unknown>;
const committed = (kind: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, `schemas/${kind}.schema.json`), 'utf8'));

/** A canvas of `kind` with a mistake of every sort the schema catches, on top-level keys and on cards of every block. */
function badCanvas(kind: CanvasKind): unknown {
  const blocks = kindInfo(kind).blocks;
  const canvas: Record<string, unknown> = { canvas: kind, title: '', version: 2, descripton: 'typo', 'x-own': { any: 1 } };
  blocks.forEach((block, i) => {
    const fields = Object.keys(block.card.properties ?? {});
    const card: Record<string, unknown> = { id: i % 2 ? 'Bad Id' : `card-${i}`, nmae: 'typo', status: 'maybe', tags: ['ok', 3], color: '#12', 'x-mine': true };
    for (const field of fields) if (!(field in card) && field !== 'name') card[field] = i % 3 === 0 ? 42 : i % 3 === 1 ? ['not-an-id!', null] : { no: 'object' };
    canvas[block.key] = i % 4 === 3 ? 'not a list' : ['', 'A sticky note', card, { name: 'Fine', id: `fine-${i}` }, 7];
  });
  return canvas;
}

const errorsOf = (errors: readonly { instancePath: string; keyword: string; params: unknown }[] | null | undefined) =>
  (errors ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params }));

describe('the schemas and validators the bundles carry', () => {
  it('each kind reads as its committed schema (schemas/<kind>.schema.json): not a word lost or changed', () => {
    for (const kind of CANVAS_KINDS) assert.deepStrictEqual(kindInfo(kind).schema, committed(kind), kind);
  });

  it('the plain twin of a vocabulary text is derived by the rule the schema build uses', async () => {
    const { plainText } = (await importModule(join(ROOT, 'scripts/vocabulary/markdown.mjs'))) as { plainText: (s: string) => string };
    for (const text of ['**Bold** and *emphasis* and `code`', 'a * b * c', '*x**', '`a` `b`', '** not **', 'e.g. *riders will pay*.', '']) {
      assert.equal(plainVocabularyText(text), plainText(text), text);
    }
  });

  it('each compiled kind validator reports exactly what ajv reports compiling the committed schema at run time', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, messages: false, inlineRefs: false });
    for (const kind of CANVAS_KINDS) {
      const reference = ajv.compile(committed(kind));
      for (const data of [badCanvas(kind), parse(readFileSync(join(ROOT, 'examples', kind === 'lean' ? 'hospital-companion.canvas.yaml' : kind === 'value-proposition' ? 'riders-safe-rides.canvas.yaml' : 'ride-hailing.canvas.yaml'), 'utf8')), 'not a canvas', null]) {
        const compiled = validatorFor(kind);
        const valid = compiled(data);
        assert.equal(valid, reference(data), kind);
        assert.deepStrictEqual(errorsOf(compiled.errors), errorsOf(reference.errors), kind);
      }
      validatorFor(kind)(badCanvas(kind));
      assert.ok((validatorFor(kind).errors ?? []).length > 40, `${kind}: the bad canvas has many mistakes`);
    }
  });

  it('the kinds share one compiled copy of the common definitions', () => {
    const code = readFileSync(join(ROOT, 'src/core/generated/validateKinds.js'), 'utf8');
    assert.equal(code.split('"hypothesis","validated","invalidated"').length - 1, 1);
    assert.equal(code.split('"^[a-z0-9]+(-[a-z0-9]+)*$", "u")').length - 1, 1);
  });

  it('the compiled BMML validator finds the first problem ajv finds compiling BMML v2 at run time, with its message', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/bmml/bmclang-v2.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: false, strict: false, formats: { date: /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/ } });
    const reference = ajv.compile(schema);
    const meta = { name: 'Rides', portfolio: 'explore', stage: 'ideation' };
    const cases: unknown[] = [
      {},
      { version: '2.0', meta },
      { version: '2.0', meta: { ...meta, created: '2024-13-01' } },
      { version: '2.0', meta: { ...meta, portfolio: 'elsewhere' } },
      { version: '2.0', meta, customer_segments: [{ id: 'bad id', name: 'X' }] },
      { version: '2.0', meta, customer_segments: [{ id: 'cs-riders', name: 'Riders', extra: 1 }] },
      { version: '2.0', meta, key_partnerships: [{ id: 'kp-a', name: 3 }] },
      'text',
    ];
    let invalid = 0;
    for (const data of cases) {
      const valid = reference(data);
      assert.equal(validateBmml(data), valid, JSON.stringify(data));
      const withMessage = (errors: typeof reference.errors) => (errors ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params, message: e.message }));
      assert.deepStrictEqual(withMessage(validateBmml.errors), withMessage(reference.errors), JSON.stringify(data));
      if (!valid) invalid++;
    }
    assert.equal(invalid, cases.length - 1);
  });
});
