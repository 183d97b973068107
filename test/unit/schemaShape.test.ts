import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCKS, CANVAS_KINDS, canvasSchema, DEFAULT_SEVERITIES, kindInfo, MESSAGES, RULE_CODES, validateCanvas } from '../../src/core';
import type { JsonSchema } from '../../src/core';

const ROOT = join(__dirname, '../../..');

/** Every schema object reachable by properties/items/definitions, with a path for messages. */
function* walk(schema: JsonSchema, path: string): Generator<[string, JsonSchema]> {
  yield [path, schema];
  for (const [k, s] of Object.entries(schema.properties ?? {})) yield* walk(s, `${path}/properties/${k}`);
  for (const [k, s] of Object.entries(schema.definitions ?? {})) yield* walk(s, `${path}/definitions/${k}`);
  if (schema.items) yield* walk(schema.items, `${path}/items`);
}

describe('the schema of each kind', () => {
  it('business-model: an $id and the nine blocks of domain.md, in canvas order', () => {
    assert.match(String((canvasSchema as { $id?: string }).$id), /^https:\/\/.+business-model\.schema\.json$/);
    assert.deepEqual(
      BLOCKS.map((b) => b.key),
      ['key-partnerships', 'key-activities', 'key-resources', 'value-propositions', 'customer-relationships', 'channels', 'customer-segments', 'cost-structure', 'revenue-streams'],
    );
  });

  it('lean and value-proposition: the block keys of format.md, in canvas order', () => {
    assert.deepEqual(
      kindInfo('lean').blocks.map((b) => b.key),
      ['problem', 'existing-alternatives', 'solution', 'key-metrics', 'unique-value-proposition', 'high-level-concept', 'unfair-advantage', 'channels', 'customer-segments', 'early-adopters', 'cost-structure', 'revenue-streams'],
    );
    assert.deepEqual(
      kindInfo('value-proposition').blocks.map((b) => b.key),
      ['customer-jobs', 'pains', 'gains', 'products-and-services', 'pain-relievers', 'gain-creators'],
    );
  });

  for (const kind of CANVAS_KINDS) {
    const { schema, blocks } = kindInfo(kind);

    it(`${kind}: an $id, a title, and every block with its question, position, guide, cell and card schema`, () => {
      assert.equal((schema as { $id?: string }).$id, `https://canvas-as-code.github.io/schemas/${kind}.schema.json`);
      assert.ok(schema.title && schema.markdownDescription && schema.description);
      for (const block of blocks) {
        assert.ok(block.title && block.markdownDescription && block.question && block.position && block.guide, `${block.key} has its words`);
        assert.ok(block.cell && block.card.title && block.card.markdownDescription, `${block.key} has a cell and a card schema`);
      }
    });

    it(`${kind}: documents every property with a title, a markdown description and a plain one`, () => {
      let properties = 0;
      for (const [path, s] of walk(schema, '#')) {
        if (!/\/properties\/[^/]+$/.test(path) || s.$ref) continue;
        properties++;
        assert.ok(s.title, `${path} has a title`);
        assert.ok(s.markdownDescription, `${path} has a markdownDescription`);
        assert.ok(s.description, `${path} has a description`);
      }
      assert.ok(properties >= 10, `${kind}: ${properties} properties`);
    });

    it(`${kind}: documents every enumeration value (labels, markdown and plain descriptions of equal length)`, () => {
      let enums = 0;
      for (const [path, s] of walk(schema, '#')) {
        if (!s.enum) continue;
        enums++;
        assert.equal(s.enumItemLabels?.length, s.enum.length, `${path} enumItemLabels`);
        assert.equal(s.markdownEnumDescriptions?.length, s.enum.length, `${path} markdownEnumDescriptions`);
        assert.equal(s.enumDescriptions?.length, s.enum.length, `${path} enumDescriptions`);
        for (const [i, label] of (s.enumItemLabels ?? []).entries()) assert.ok(label && s.markdownEnumDescriptions?.[i], `${path} value ${String(s.enum[i])}`);
      }
      assert.ok(enums >= { 'business-model': 16, lean: 6, 'value-proposition': 6 }[kind], `${kind}: found ${enums} enumerations`);
    });

    it(`${kind}: rejects unknown keys everywhere except x- keys`, () => {
      for (const [path, s] of walk(schema, '#')) {
        if (s.type !== 'object' && !(Array.isArray(s.type) && s.type.includes('object'))) continue;
        if (!s.properties) continue;
        assert.equal(s.additionalProperties, false, `${path} closes additionalProperties`);
      }
    });

    it(`${kind}: the canvas property offers every kind, with labels`, () => {
      const canvas = schema.properties?.canvas;
      assert.deepEqual(canvas?.enum, [...CANVAS_KINDS]);
      assert.deepEqual(canvas?.enumItemLabels, ['Business Model Canvas', 'Lean Canvas', 'Value Proposition Canvas']);
    });
  }

  it('reference fields are found from the schema, not listed by hand', () => {
    const segments = BLOCKS.find((b) => b.key === 'customer-segments')!;
    assert.equal(segments.references.get('linked'), 'customer-segments');
    const relationships = BLOCKS.find((b) => b.key === 'customer-relationships')!;
    assert.equal(relationships.references.get('segments'), 'customer-segments');
    assert.equal(relationships.references.get('channels'), 'channels');
    assert.equal(kindInfo('value-proposition').blockByKey.get('pain-relievers')?.references.get('relieves'), 'pains');
  });
});

describe('the examples', () => {
  const dir = join(ROOT, 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.canvas.yaml'));

  it('there are at least three, one of them in Korean', () => {
    assert.ok(files.length >= 3);
    assert.ok(files.some((f) => /[\uac00-\ud7a3]/.test(readFileSync(join(dir, f), 'utf8'))));
  });

  for (const file of files) {
    it(`${file} validates with zero problems`, () => {
      assert.deepEqual(validateCanvas(readFileSync(join(dir, file), 'utf8')).diagnostics, []);
    });
  }
});

describe('the README', () => {
  it('its complete example is a valid canvas with zero problems', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example && example.includes('canvas: business-model'));
    assert.deepEqual(validateCanvas(example).diagnostics, []);
  });
});

describe('the manifest', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));

  it('offers a severity setting for exactly the codes of the core, with their defaults', () => {
    const rules = pkg.contributes.configuration.properties['canvasAsCode.rules'].properties;
    assert.deepEqual(Object.keys(rules), [...RULE_CODES]);
    for (const code of RULE_CODES) {
      assert.equal(rules[code].default, DEFAULT_SEVERITIES[code]);
      assert.deepEqual(rules[code].enum, ['off', 'hint', 'information', 'warning', 'error']);
    }
  });

  it('has every %key% of the manifest in package.nls.json', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 5);
    for (const key of keys) assert.ok(nls[key], `package.nls.json has ${key}`);
  });

  it('declares untrusted and virtual workspace support and the schema for the YAML extension', () => {
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.equal(pkg.contributes.yamlValidation[0].url, './schemas/canvas.schema.json');
    assert.equal(pkg.contributes.languages[0].id, 'canvas-yaml');
  });

  it('ships an English l10n bundle holding every core message template', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.json'), 'utf8'));
    for (const template of Object.values(MESSAGES)) assert.equal(bundle[template], template);
  });
});
