import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Alias, Document, isCollection, isPair, parseDocument } from 'yaml';
import { validateCanvas } from '../../src/core';
import { DiagnosticSink } from '../../src/core/diagnosticSink';
import { buildModel, type CanvasModel } from '../../src/core/model';
import { parseCanvas, plainValue } from '../../src/core/parse';
import { reportSchemaProblems } from '../../src/core/schemaDiagnostics';
import { diagnose, expectDiagnostics, messagesOf } from './helpers';

// Issue 12, speed cliffs: aliases and schema errors cost time linear in their number. The time
// itself is measured by bench/linearity.mjs; these tests pin the behaviour (same results as
// before) and count the work deterministically: how often the YAML tree's items are read.

const HEAD = 'canvas: business-model\ntitle: T\n';
const NO_HINTS = { severities: { 'empty-block': 'off' as const, 'unserved-segment': 'off' as const, 'segment-without-relationship': 'off' as const } };

/** Value propositions naming segments and tags through aliases (four each), or the same written out. */
function aliasCanvas(cards: number, aliases: boolean): string {
  const lines = [HEAD.trimEnd(), 'customer-segments:'];
  for (let i = 0; i < 20; i++) lines.push(`  - id: ${aliases ? `&s${i} ` : ''}segment-${i}`, `    name: Segment ${i}`, `    tags: [${aliases ? `&t${i} ` : ''}tag-${i}]`);
  lines.push('value-propositions:');
  for (let c = 0; c < cards; c++) {
    const s = (i: number) => (aliases ? `*s${i % 20}` : `segment-${i % 20}`);
    const t = (i: number) => (aliases ? `*t${i % 20}` : `tag-${i % 20}`);
    lines.push(`  - id: value-${c}`, `    name: Value ${c}`, `    segments: [${s(c)}, ${s(c + 7)}]`, `    tags: [${t(c + 3)}, ${t(c + 11)}]`);
  }
  return lines.join('\n') + '\n';
}

/** The model without places (an alias is read at its anchor's place, a value where it is written). */
function shapeOf(model: CanvasModel | undefined) {
  return model?.cards.map((c) => ({ block: c.block, id: c.id?.value, name: c.name, tags: c.tags, refs: c.references.map((r) => `${r.field}:${r.id}`) }));
}

/**
 * Wraps every collection's items in a proxy that counts reads: the work done on the YAML tree,
 * independent of the machine's speed.
 */
function countItemReads(doc: Document): { reads: number } {
  const counter = { reads: 0 };
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
    } else if (isCollection(node)) {
      const items = node.items as unknown[];
      stack.push(...items);
      node.items = new Proxy(items, {
        get(target, property, receiver) {
          if (typeof property === 'string' && property !== 'length') counter.reads++;
          return Reflect.get(target, property, receiver);
        },
      }) as typeof node.items;
    }
  }
  return counter;
}

/** Asserts that doubling the input at most about doubles the work (quadratic work quadruples it). */
function assertLinear(work: (size: number) => number, size: number): void {
  const small = work(size);
  const large = work(2 * size);
  assert.ok(large <= 2.5 * small, `work grows faster than the input: ${small} for ${size}, ${large} for ${2 * size}`);
}

describe('linearity (issue 12)', () => {
  describe('aliases', () => {
    it('an alias reads the nearest anchor of its name before it, also when the name is redefined', () => {
      const text =
        HEAD +
        'customer-segments:\n  - id: &s riders\n    name: Riders\n  - id: drivers\n    name: Drivers\n' +
        'value-propositions:\n  - id: first\n    name: First\n    segments: [*s]\n' +
        '  - id: &s second\n    name: Second\n    segments: [*s]\n';
      const model = validateCanvas(text).model!;
      const refs = model.cards.flatMap((c) => c.references.map((r) => [c.id?.value, r.id, text.slice(r.start, r.end)]));
      // `*s` in the second card is the card's own id, anchored just before it.
      assert.deepEqual(refs, [
        ['first', 'riders', 'riders'],
        ['second', 'second', 'second'],
      ]);
      const value = validateCanvas(text).parsed!.value as Record<string, { segments?: string[] }[]>;
      assert.deepEqual(value['value-propositions'].map((c) => c.segments), [['riders'], ['second']]);
      // What yaml's own conversion gives.
      assert.deepEqual(value, parseDocument(text).toJS({ maxAliasCount: 1000 }));
    });

    it("an anchored collection's alias inside it, an anchored key and an alias key read as yaml reads them", () => {
      for (const text of [
        'a: &x [1, *x]\n',
        'a: &x {b: *x}\nc: *x\n',
        '&k key: 1\nother: *k\n',
        'a: &k name\n*k : 2\n',
        'a: !!str &x 5\nb: *x\nc: &x 6\nd: *x\n',
        'a: &x {b: &y [1]}\nc: *y\nd: *x\n',
      ]) {
        const doc = parseDocument(text);
        const fast = plainValue(doc.contents);
        assert.notEqual(fast, undefined, text);
        assert.deepStrictEqual(fast, doc.toJS({ maxAliasCount: 1000 }), text);
      }
    });

    it('the model and the diagnostics of a canvas with aliases are those of the same canvas written out', () => {
      const aliased = validateCanvas(aliasCanvas(200, true));
      const plain = validateCanvas(aliasCanvas(200, false));
      assert.deepEqual(shapeOf(aliased.model), shapeOf(plain.model));
      assert.equal(aliased.model!.cards.length, 220);
      assert.deepEqual(aliased.parsed!.value, plain.parsed!.value);
      assert.deepEqual(
        aliased.diagnostics.map((d) => [d.code, d.message]),
        plain.diagnostics.map((d) => [d.code, d.message]),
      );
    });

    it('a problem read through an alias is shown on the alias, each place once', () => {
      const text = HEAD + 'customer-segments:\n  - id: riders\n    name: R\n    type: &t mass-markt\n  - id: drivers\n    name: D\n    type: *t\n';
      expectDiagnostics(
        text,
        [
          ['schema', 'error', '6:14-6:24'],
          ['schema', 'error', '9:11-9:13'],
        ],
        NO_HINTS,
      );
    });

    it('billion laughs is still refused, on its first alias, with the same diagnostic', () => {
      const levels = ['x-a: &a [x,x,x,x,x,x,x,x,x]'];
      for (let i = 1; i < 9; i++) levels.push(`x-${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
      const text = HEAD + levels.join('\n') + '\n';
      expectDiagnostics(text, [['yaml-syntax', 'error', '4:10-4:12']], NO_HINTS);
      assert.equal(messagesOf(text)[0], 'Too many alias expansions (more than 1000): the file looks like an alias bomb and is not evaluated.');
    });

    it('the expansion limit counts as yaml counts: 999 aliases of one value pass, 1,000 are a bomb', () => {
      const many = (n: number) => HEAD + 'x-a: &a x\nx-list: [' + Array(n).fill('*a').join(', ') + ']\n';
      assert.deepEqual(diagnose(many(999), NO_HINTS), []);
      expectDiagnostics(many(1000), [['yaml-syntax', 'error', '4:10-4:12']], NO_HINTS);
      // yaml's own verdict on the same texts.
      assert.doesNotThrow(() => parseDocument(many(999)).toJS({ maxAliasCount: 1000 }));
      assert.throws(() => parseDocument(many(1000)).toJS({ maxAliasCount: 1000 }), /resource exhaustion/);
      // Nested: 10 aliases of a list of 100 aliases is 1,000 expansions and more.
      const nested = HEAD + 'x-a: &a x\nx-b: &b [' + Array(100).fill('*a').join(',') + ']\nx-c: [' + Array(10).fill('*b').join(',') + ']\n';
      assert.deepEqual(diagnose(nested, NO_HINTS).map((d) => d[0]), ['yaml-syntax']);
      assert.throws(() => parseDocument(nested).toJS({ maxAliasCount: 1000 }), /resource exhaustion/);
    });

    it('an alias with no anchor before it is reported as before, at the alias', () => {
      expectDiagnostics(HEAD + 'x-a: *nowhere\nx-b: &nowhere 1\n', [['yaml-syntax', 'error', '3:6-3:14']], NO_HINTS);
    });

    it('a list aliasing itself thousands of times is refused in bounded time', () => {
      const text = HEAD + 'x-a: &a [' + Array(20_000).fill('*a').join(', ') + ']\n' + 'x-b: [' + Array(20_000).fill('*a').join(', ') + ']\n';
      const started = Date.now();
      const found = diagnose(text, NO_HINTS);
      assert.ok(Date.now() - started < 10_000, 'bounded');
      assert.ok(found.every((d) => d[0] === 'yaml-syntax'));
    });

    it('reading the model and the plain data walks the document a bounded number of times, not once per alias', () => {
      const work = (cards: number) => {
        const text = aliasCanvas(cards, true);
        const doc = parseDocument(text);
        const counter = countItemReads(doc);
        buildModel(doc);
        assert.deepEqual(plainValue(doc.contents), parseDocument(text).toJS({ maxAliasCount: 1000 }));
        return counter.reads;
      };
      assertLinear(work, 500);
    });

    it("never asks yaml to resolve an alias (yaml scans the whole document for each)", () => {
      const resolve = Alias.prototype.resolve;
      let calls = 0;
      Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias['resolve']>) {
        calls++;
        return resolve.apply(this, args);
      };
      try {
        validateCanvas(aliasCanvas(100, true));
      } finally {
        Alias.prototype.resolve = resolve;
      }
      assert.equal(calls, 0);
    });

    it('guard: a canvas with 40,000 aliases validates in seconds, not minutes', function () {
      this.timeout(60_000);
      const text = aliasCanvas(10_000, true);
      const started = Date.now();
      const result = validateCanvas(text);
      assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
      assert.equal(result.model!.cards.length, 10_020);
    });
  });

  describe('many errors', () => {
    it('the compiled validator appends errors in place: no concat, no code compiled at run time', () => {
      const code = readFileSync(join(__dirname, '../../../src/core/generated/validateKinds.js'), 'utf8');
      assert.ok(!code.includes('.concat('), 'ajv concat left in the generated validator');
      assert.ok(!/new Function|eval\(/.test(code));
    });

    it('a card with many unknown keys: every key reported, exactly where it is', () => {
      const keys = ['colour', 'nmae', 'kind', 'segmnts'];
      const text = HEAD + 'customer-segments:\n  - id: riders\n    name: Riders\n' + keys.map((k) => `    ${k}: x\n`).join('');
      expectDiagnostics(
        text,
        [
          ['schema', 'error', '6:5-6:11'],
          ['schema', 'error', '7:5-7:9'],
          ['schema', 'error', '8:5-8:9'],
          ['schema', 'error', '9:5-9:12'],
        ],
        NO_HINTS,
      );
      assert.deepEqual(messagesOf(text, 'schema').slice(0, 2), [
        'Unknown key "colour" in customer segment. Did you mean "color"? (Extension keys start with "x-".)',
        'Unknown key "nmae" in customer segment. Did you mean "name"? (Extension keys start with "x-".)',
      ]);
    });

    it('errors on every card: each reported once, in file order, at its place', () => {
      const cards = 300;
      const text = HEAD + 'customer-segments:\n' + Array.from({ length: cards }, (_, i) => `  - id: s-${i}\n    nmae: S\n    type: mass-markt\n`).join('');
      const found = diagnose(text, NO_HINTS);
      // Missing name (on the card's first key), unknown key, and a type with a typo.
      const expected = Array.from({ length: cards }, (_, i) => [
        ['schema', 'error', `${4 + 3 * i}:5-${4 + 3 * i}:7`],
        ['schema', 'error', `${5 + 3 * i}:5-${5 + 3 * i}:9`],
        ['schema', 'error', `${6 + 3 * i}:11-${6 + 3 * i}:21`],
      ]).flat();
      assert.deepEqual(found, expected);
      assert.deepEqual(messagesOf(text, 'schema').slice(0, 3), [
        'Missing required key "name" in customer segment.',
        'Unknown key "nmae" in customer segment. Did you mean "name"? (Extension keys start with "x-".)',
        '"mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
      ]);
    });

    it('thousands of unknown keys in one mapping: each reported on its key', () => {
      const text = HEAD + Array.from({ length: 3000 }, (_, i) => `k${i}: 1`).join('\n') + '\n';
      const found = diagnose(text, NO_HINTS);
      assert.equal(found.length, 3000);
      assert.deepEqual(found[0], ['schema', 'error', '3:1-3:3']);
      assert.deepEqual(found[2999], ['schema', 'error', '3002:1-3002:6']);
    });

    it('mapping schema errors to places reads each mapping a bounded number of times, not once per error', () => {
      const work = (keys: number) => {
        const text = HEAD + 'customer-segments:\n  - id: a\n    name: A\n' + Array.from({ length: keys }, (_, i) => `    k${i}: 1\n`).join('') + Array.from({ length: keys }, (_, i) => `x${i}: 1\n`).join('');
        const sink = new DiagnosticSink(undefined);
        const parsed = parseCanvas(text, sink);
        const counter = countItemReads(parsed.doc);
        reportSchemaProblems(parsed, sink);
        assert.equal(sink.items.length, 2 * keys);
        return counter.reads;
      };
      assertLinear(work, 1000);
    });

    it('duplicate keys are reported as yaml reports them, found in one pass', () => {
      for (const text of [
        'a: 1\na: 2\n',
        '&x a: 1\n&y a: 2\n',
        '? a\n: 1\n? a\n: 2\n',
        '{a: 1, a: 2}\n',
        ': 1\n: 2\n',
        '? \n: 1\n? \n: 2\n',
        '"a": 1\n\'a\': 2\n',
        '1: a\n1.0: b\n',
        '~: 1\nnull: 2\n',
        '.nan: 1\n.nan: 2\n',
        'a: \na: &c \na: 3\n',
        'k:\n  a: 1\n  b: 2\n  a: 3\n  a: 4\n',
      ]) {
        const exact = parseDocument(text, { uniqueKeys: true, prettyErrors: false }).errors.map((e) => [e.code, e.pos[0]]);
        const sink = new DiagnosticSink(undefined);
        const ours = parseCanvas(text, sink).doc.errors.map((e) => [e.code, e.pos[0]]);
        assert.deepEqual(ours, exact, text);
      }
    });

    it('thousands of dangling references: each reported at its place; suggestions within a bounded search', function () {
      this.timeout(60_000);
      const n = 1500;
      const segments = Array.from({ length: n }, (_, i) => `  - id: segment-number-${i}\n    name: S${i}\n`).join('');
      const cards = Array.from({ length: n }, (_, i) => `  - id: v${i}\n    name: V\n    segments: [${i === 0 ? 'segment-numbr-0' : `missing-thing-${i}`}]\n`).join('');
      const text = HEAD + 'customer-segments:\n' + segments + 'value-propositions:\n' + cards;
      const started = Date.now();
      const result = validateCanvas(text, { severities: { 'unserved-segment': 'off', 'segment-without-relationship': 'off', 'empty-block': 'off' } });
      // Each of 1,500 dangling ids compared with 1,500 ids took 30 s.
      assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
      const dangling = result.diagnostics.filter((d) => d.code === 'unknown-reference');
      const firstLine = 3 + 2 * n + 1 + 3;
      assert.deepEqual(
        dangling.map((d) => [d.start, d.end]),
        Array.from({ length: n }, (_, i) => {
          const at = text.indexOf(i === 0 ? 'segment-numbr-0]' : `missing-thing-${i}]`);
          return [at, text.indexOf(']', at)];
        }),
      );
      assert.equal(diagnose(text).find((d) => d[0] === 'unknown-reference')?.[2], `${firstLine}:16-${firstLine}:31`);
      assert.equal(dangling[0].suggestion, 'segment-number-0');
      assert.equal(dangling[0].message, '"segment-numbr-0" names no card in Customer Segments.');
    });

    it('guard: a mapping of 40,000 keys parses in seconds (yaml compares each key with all before it)', function () {
      this.timeout(60_000);
      const text = HEAD + Array.from({ length: 40_000 }, (_, i) => `x-${i}: 1`).join('\n') + '\nx-7: 2\n';
      const started = Date.now();
      const found = diagnose(text, NO_HINTS);
      assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
      assert.deepEqual(found, [['yaml-syntax', 'error', '40003:1-40003:4']]);
    });
  });
});

