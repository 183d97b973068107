import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ACTION_TITLES, codeActions, fixAll, SAFE_FIXES, validateCanvas } from '../../src/core';
import { CLEAN } from './helpers';

const ROOT = join(__dirname, '../../..');
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A canvas with one problem of each safe kind, comments, anchors and odd spacing around them. */
const MESSY = `# yaml-language-server: $schema=../schemas/canvas.schema.json
canvas: business-model   # the kind
title: Fixes
customer-segments:
  - id: Busy Parents      # not kebab-case
    name: Busy parents
    tags: &t [weekday, dinner]
  - id: 2024
    name: The year
  - id: busy-parents-x
    name: Others
  - id: busy-parents-x    # repeated
    name: Others again
value-propositions:
  - id: meals
    name: Meals
    segments: [Busy Parents, 2024-x]   # references
    tags: *t

    # a blank line and a comment above
channels:
  - id: box
    name: Box
    segments: busy-parents-x
`;

describe('fixAll (validate --fix in the core)', () => {
  it('the safe fixes are the deterministic ones, and only they carry safe: true', () => {
    assert.deepEqual([...SAFE_FIXES].sort(), ['kebabId', 'kebabReference', 'quoteAsText', 'uniqueId', 'wrapInList']);
    for (const key of SAFE_FIXES) assert.ok(CODE_ACTION_TITLES[key]);
    const result = validateCanvas(MESSY);
    for (const d of result.diagnostics) {
      for (const fix of codeActions(MESSY, d, result.parsed!, result.model!)) {
        const key = Object.entries(CODE_ACTION_TITLES).find(([, t]) => t === fix.titleTemplate)![0];
        assert.equal(fix.safe === true, SAFE_FIXES.has(key as never), fix.title);
      }
    }
  });

  it('a clean canvas: nothing applied, the very same text', () => {
    const result = fixAll(CLEAN);
    assert.equal(result.text, CLEAN);
    assert.deepEqual(result.applied, []);
    assert.deepEqual(result.remaining.diagnostics, validateCanvas(CLEAN).diagnostics);
  });

  it('fixes a kebab-case id with its references, a number as text, a duplicate id, a scalar as a list; keeps everything else', () => {
    const result = fixAll(MESSY);
    assert.equal(
      result.text,
      MESSY.replace('id: Busy Parents      #', 'id: busy-parents      #')
        .replace('[Busy Parents, 2024-x]', '[busy-parents, 2024-x]')
        .replace('  - id: 2024\n', '  - id: "2024"\n')
        .replace('  - id: busy-parents-x    # repeated', '  - id: busy-parents-x-2    # repeated')
        .replace('segments: busy-parents-x\n', 'segments: [busy-parents-x]\n'),
    );
    assert.deepEqual(
      result.applied.map((a) => `${a.line}:${a.column} ${a.code} ${a.title}`),
      [
        '5:9 schema Change the id to "busy-parents" (kebab-case)',
        '8:9 schema Write 2024 as text: "2024"',
        '12:9 duplicate-id Change the duplicate id to "busy-parents-x-2"',
        '24:15 schema Make busy-parents-x a list: [busy-parents-x]',
      ],
    );
    // What is left is what needed a choice: the reference "2024-x" names nothing.
    assert.deepEqual(
      result.remaining.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
      ['unknown-reference'],
    );
  });

  it('CRLF and a BOM: the same fixes, line breaks and the BOM kept', () => {
    const expected = fixAll(MESSY).text;
    assert.equal(fixAll(crlf(MESSY)).text, crlf(expected));
    assert.equal(fixAll(`\ufeff${MESSY}`).text, `\ufeff${expected}`);
    assert.equal(fixAll(`\ufeff${crlf(MESSY)}`).text, `\ufeff${crlf(expected)}`);
    assert.deepEqual(
      fixAll(crlf(MESSY)).applied.map((a) => a.line),
      fixAll(MESSY).applied.map((a) => a.line),
    );
  });

  it('comments, anchors, aliases, blank lines and spacing outside the fixed ranges stay byte for byte', () => {
    const fixed = fixAll(MESSY).text;
    for (const kept of ['# yaml-language-server: $schema=../schemas/canvas.schema.json\n', 'canvas: business-model   # the kind\n', '      # not kebab-case\n', 'tags: &t [weekday, dinner]\n', '    # repeated\n', '   # references\n', '    tags: *t\n\n    # a blank line and a comment above\n'])
      assert.ok(fixed.includes(kept), kept);
    // Line by line: only the fixed lines differ.
    const before = MESSY.split('\n');
    const after = fixed.split('\n');
    assert.equal(after.length, before.length);
    assert.deepEqual(
      before.flatMap((line, i) => (line === after[i] ? [] : [i + 1])),
      [5, 8, 12, 17, 24],
    );
  });

  it('the fixtures: the expected fixes exactly', () => {
    const references = readFileSync(join(ROOT, 'test/fixtures/broken/references.canvas.yaml'), 'utf8');
    const r = fixAll(references);
    assert.equal(r.text, references.replace('  - id: buyers\n    name: Buyers again', '  - id: buyers-2\n    name: Buyers again'));
    const structure = readFileSync(join(ROOT, 'test/fixtures/broken/structure.canvas.yaml'), 'utf8');
    assert.equal(fixAll(structure).text, structure.replace('id: Families', 'id: families'));
    for (const name of ['typos', 'segment-checks', 'tabs-crlf', 'bom-multidoc']) {
      const text = readFileSync(join(ROOT, `test/fixtures/broken/${name}.canvas.yaml`), 'utf8');
      assert.equal(fixAll(text).text, text, name);
    }
    for (const name of ['b2b-saas', 'korean-clinic', 'meal-kit-subscription', 'ride-hailing']) {
      const text = readFileSync(join(ROOT, `examples/${name}.canvas.yaml`), 'utf8');
      assert.equal(fixAll(text).text, text, name);
    }
  });

  it('guesses are left alone: a misspelt key or value, a reference to the closest id, placeholders', () => {
    const text = CLEAN.replace('type: mass-market', 'type: mass-markt').replace(/\ntitle: [^\n]*/, '');
    const result = fixAll(text);
    assert.equal(result.text, text);
    assert.deepEqual(result.applied, []);
  });

  it('idempotent: a second run applies nothing and returns the same text', () => {
    for (const text of [MESSY, crlf(MESSY), `\ufeff${MESSY}`]) {
      const once = fixAll(text);
      const twice = fixAll(once.text);
      assert.equal(twice.text, once.text);
      assert.deepEqual(twice.applied, []);
    }
  });

  it('bounded: maxPasses 0 applies nothing; YAML that does not parse is left alone', () => {
    assert.equal(fixAll(MESSY, { maxPasses: 0 }).text, MESSY);
    const broken = `${MESSY}  - [unclosed\n`;
    assert.equal(fixAll(broken).text, broken);
  });
});
