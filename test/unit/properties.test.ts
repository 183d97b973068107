import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { validateCanvas } from '../../src/core';
import { plainValue } from '../../src/core/parse';

const EXAMPLES = join(__dirname, '../../../examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.canvas.yaml'))
  .map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));

/** Validation never throws, and every diagnostic's span lies inside the text. */
function assertWellBehaved(text: string): void {
  const { diagnostics } = validateCanvas(text);
  for (const d of diagnostics) {
    assert.ok(Number.isInteger(d.start) && Number.isInteger(d.end), 'integer offsets');
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `span ${d.start}-${d.end} inside 0-${text.length}`);
    assert.ok(d.message.length > 0, 'a message');
  }
}

/** Characters that matter to YAML, so random text reaches the parser's corners. */
const yamlChar = fc.constantFrom(...' \t\n\r:-[]{},#&*!|>\'"%@`?~\ufeffab1xé한'.split(''));
const yamlish = fc.array(yamlChar, { maxLength: 200 }).map((chars) => chars.join(''));

const mutation = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate-line', 'swap-lines'),
  at: fc.nat(),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(yamlish, fc.constantFrom('- ', ': ', '\n  ', '*a', '&a ', '"', '[', '}', '\t', 'x-', 'id: riders', 'segments: [', '\r\n')),
});

function mutate(text: string, m: { kind: string; at: number; length: number; text: string }): string {
  const at = text.length ? m.at % text.length : 0;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.length);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    default: {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      const j = (m.at + m.length) % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
  }
}

describe('properties', function () {
  this.timeout(120_000);

  it('there are examples to mutate', () => {
    assert.ok(examples.length >= 3);
  });

  it('validation never throws and keeps spans inside the text, for arbitrary text', () => {
    fc.assert(fc.property(fc.oneof(yamlish, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 })), assertWellBehaved), {
      numRuns: 1500,
    });
  });

  it('... and for arbitrary mutations of the examples', () => {
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        assertWellBehaved(mutations.reduce(mutate, examples[which]));
      }),
      { numRuns: 400 },
    );
  });

  it('validation is deterministic: the same text gives the same diagnostics', () => {
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), mutation, (which, m) => {
        const text = mutate(examples[which], m);
        assert.deepEqual(validateCanvas(text).diagnostics, validateCanvas(text).diagnostics);
      }),
      { numRuns: 100 },
    );
  });

  it("the fast plain-data conversion equals yaml's toJS wherever it answers", () => {
    let answered = 0;
    const texts = fc.oneof(
      yamlish,
      fc.tuple(fc.nat({ max: examples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([which, ms]) => ms.reduce(mutate, examples[which])),
      fc.constantFrom('__proto__: {a: 1}\ntoString: 2\n', '1: a\n1.0: b\n.inf: c\nnull: d\n~: e\ntrue: f\n', 'a: !!str 1\n', '<<: {a: 1}\n', 'a: &x 1\nb: *x\n'),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'silent' });
        const fast = plainValue(doc.contents);
        if (fast === undefined) return;
        answered++;
        let slow: unknown;
        try {
          slow = doc.toJS({ maxAliasCount: 1000 });
        } catch {
          return; // yaml refuses (alias bomb, depth): the fast path never sees aliases anyway
        }
        assert.deepStrictEqual(fast, slow);
        assert.equal(Object.getPrototypeOf(fast ?? {}), Object.getPrototypeOf(slow ?? {}));
      }),
      { numRuns: 1500 },
    );
    assert.ok(answered > 500, `${answered} texts converted by the fast path`);
  });
});
