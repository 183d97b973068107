import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CANVAS_KINDS, isCanvasKind, kindInfo, kindOf, VOCABULARY_MESSAGES } from '../../src/core';

const ROOT = join(__dirname, '../../..');

/** The generator is an ES module script; the bundled tests are CommonJS, whose `import()` esbuild rewrites to `require`. */
const importModule = new Function('path', 'return import(path)') as (path: string) => Promise<unknown>;

describe('the vocabulary', () => {
  it('the generated files (schemas, docs tables, messages) are up to date with vocabulary/', async () => {
    const { generatedFiles } = (await importModule(join(ROOT, 'scripts/vocabulary/index.mjs'))) as {
      generatedFiles: (root: string) => { files: Map<string, string> };
    };
    const { files } = generatedFiles(ROOT);
    assert.deepEqual(
      [...files.keys()].sort(),
      ['docs/format.md', 'schemas/business-model.schema.json', 'schemas/canvas.schema.json', 'schemas/lean.schema.json', 'schemas/value-proposition.schema.json', 'src/core/generated/kindSchemas.json', 'src/core/generated/vocabularyMessages.ts'],
    );
    for (const [path, text] of files) {
      assert.ok(readFileSync(join(ROOT, path), 'utf8') === text, `${path} is stale: run npm run build:schema and commit it`);
    }
  });

  it('knows three kinds, in vocabulary order, with their blocks, grids and sides', () => {
    assert.deepEqual(CANVAS_KINDS, ['business-model', 'lean', 'value-proposition']);
    assert.equal(isCanvasKind('lean'), true);
    assert.equal(isCanvasKind('Lean'), false);
    assert.equal(isCanvasKind(undefined), false);
    assert.equal(kindOf('value-proposition'), 'value-proposition');
    assert.equal(kindOf('nonsense'), 'business-model');
    assert.deepEqual(
      kindInfo('lean').blocks.map((b) => b.key),
      ['problem', 'existing-alternatives', 'solution', 'key-metrics', 'unique-value-proposition', 'high-level-concept', 'unfair-advantage', 'channels', 'customer-segments', 'early-adopters', 'cost-structure', 'revenue-streams'],
    );
    assert.deepEqual(
      kindInfo('value-proposition').blocks.map((b) => [b.key, b.group]),
      [
        ['customer-jobs', 'customer-profile'],
        ['pains', 'customer-profile'],
        ['gains', 'customer-profile'],
        ['products-and-services', 'value-map'],
        ['pain-relievers', 'value-map'],
        ['gain-creators', 'value-map'],
      ],
    );
    assert.deepEqual(kindInfo('business-model').grid, { columns: 10, rows: 3 });
    assert.deepEqual(kindInfo('lean').grid, { columns: 10, rows: 3 });
    assert.deepEqual(kindInfo('value-proposition').grid, { columns: 4, rows: 2 });
    assert.deepEqual(kindInfo('lean').blockByKey.get('existing-alternatives')?.cell, { column: 1, row: 2, columns: 2, rows: 1 });
    assert.deepEqual(kindInfo('lean').blockByKey.get('revenue-streams')?.cell, { column: 6, row: 3, columns: 5, rows: 1 });
    assert.equal(kindInfo('lean').title, 'Lean canvas');
    assert.equal(kindInfo('business-model').blockByKey.get('customer-segments')?.group, undefined);
  });

  it('no two blocks of a kind share a cell of its grid, and the blocks fill it', () => {
    for (const kind of CANVAS_KINDS) {
      const { blocks, grid } = kindInfo(kind);
      const taken = new Map<string, string>();
      for (const { key, cell } of blocks) {
        for (let c = cell.column; c < cell.column + cell.columns; c++) {
          for (let r = cell.row; r < cell.row + cell.rows; r++) {
            assert.equal(taken.get(`${c},${r}`), undefined, `${kind}: ${key} overlaps ${taken.get(`${c},${r}`)}`);
            taken.set(`${c},${r}`, key);
          }
        }
      }
      assert.equal(taken.size, grid.columns * grid.rows, `${kind} fills its grid`);
    }
  });

  it('a block key means the same block title in every kind that has it (the diff relies on it)', () => {
    const titles = new Map<string, string>();
    const shared: string[] = [];
    for (const kind of CANVAS_KINDS) {
      for (const block of kindInfo(kind).blocks) {
        if (titles.has(block.key)) shared.push(block.key);
        assert.equal(titles.get(block.key) ?? block.title, block.title, `${block.key} in ${kind}`);
        titles.set(block.key, block.title);
      }
    }
    assert.deepEqual(shared, ['channels', 'customer-segments', 'cost-structure', 'revenue-streams']);
  });

  it('finds the 1.1 reference fields of every kind in the schema', () => {
    const refs = (kind: Parameters<typeof kindInfo>[0], block: string) => Object.fromEntries(kindInfo(kind).blockByKey.get(block)!.references);
    assert.deepEqual(refs('business-model', 'channels'), { segments: 'customer-segments', 'value-propositions': 'value-propositions' });
    assert.deepEqual(refs('business-model', 'key-partnerships'), { resources: 'key-resources', activities: 'key-activities' });
    assert.deepEqual(refs('business-model', 'cost-structure'), { resources: 'key-resources', activities: 'key-activities' });
    assert.deepEqual(refs('lean', 'early-adopters'), { segments: 'customer-segments' });
    assert.deepEqual(refs('lean', 'solution'), { problems: 'problem' });
    assert.deepEqual(refs('lean', 'existing-alternatives'), { problems: 'problem' });
    assert.deepEqual(refs('value-proposition', 'products-and-services'), { jobs: 'customer-jobs' });
    assert.deepEqual(refs('value-proposition', 'pain-relievers'), { relieves: 'pains' });
    assert.deepEqual(refs('value-proposition', 'gain-creators'), { creates: 'gains' });
  });

  it('has a message id for every vocabulary text', () => {
    assert.equal(VOCABULARY_MESSAGES['vocabulary.lean.problem.title'], 'Problem');
    assert.equal(VOCABULARY_MESSAGES['vocabulary.value-proposition.definitions.severity.enum.high.label'], 'High');
    assert.equal(VOCABULARY_MESSAGES['vocabulary.business-model.customer-segments.card.title'], 'Customer segment');
    assert.equal(VOCABULARY_MESSAGES['vocabulary.common.definitions.status.enum.validated.label'], 'Validated');
    for (const kind of CANVAS_KINDS) {
      for (const block of kindInfo(kind).blocks) {
        for (const text of ['title', 'description', 'question', 'position', 'guide']) {
          assert.ok(VOCABULARY_MESSAGES[`vocabulary.${kind}.${block.key}.${text}`], `vocabulary.${kind}.${block.key}.${text}`);
        }
      }
    }
  });
});

describe('schemas/canvas.schema.json (the dispatcher for other editors)', () => {
  const dispatcher = JSON.parse(readFileSync(join(ROOT, 'schemas/canvas.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(dispatcher);

  it('is self-contained: every $ref points into its own definitions', () => {
    const refs = JSON.stringify(dispatcher).match(/"\$ref":"[^"]*"/g) ?? [];
    assert.ok(refs.length > 100);
    for (const ref of refs) {
      const name = JSON.parse(`{${ref}}`).$ref.replace(/^#\/definitions\//, '');
      assert.ok(dispatcher.definitions[name], `${ref} resolves`);
    }
  });

  it('validates each kind with its own blocks, and a missing or unknown kind as a business model', () => {
    assert.equal(validate({ canvas: 'lean', title: 'T', problem: ['Long waits'] }), true);
    assert.equal(validate({ canvas: 'lean', title: 'T', 'key-partnerships': [] }), false);
    assert.equal(validate({ canvas: 'value-proposition', title: 'T', segment: 'riders', pains: [{ name: 'Rain', severity: 'high' }] }), true);
    assert.equal(validate({ canvas: 'value-proposition', title: 'T', pains: [{ name: 'Rain', severity: 'awful' }] }), false);
    assert.equal(validate({ canvas: 'business-model', title: 'T', 'key-partnerships': [] }), true);
    assert.equal(validate({ canvas: 'business-model', title: 'T', problem: [] }), false);
    assert.equal(validate({ canvas: 'mystery', title: 'T' }), false);
    assert.equal(validate({ title: 'T', 'key-partnerships': [] }), false, 'canvas is required');
  });
});
