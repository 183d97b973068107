import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Document, Node } from 'yaml';
import { revalidateCanvas, validateCanvas } from '../../src/core';
import type { CanvasModel, ValidationResult } from '../../src/core';

const EXAMPLES = join(__dirname, '../../../examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.canvas.yaml'))
  .sort()
  .map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));

/** The model without its YAML nodes, Maps as entry lists: what providers and the preview read. */
function plainModel(model: CanvasModel | undefined): unknown {
  return JSON.parse(JSON.stringify(model ?? null, (key, value) => (key === 'node' ? undefined : value instanceof Map ? [...value] : value)));
}

/** Every node's offsets (start and value end) in document order, the way providers read them. */
function nodeOffsets(doc: Document | undefined): string[] {
  const out: string[] = [];
  const stack: unknown[] = [doc?.contents];
  while (stack.length) {
    const node = stack.pop() as (Node & { key?: unknown; value?: unknown; items?: unknown[] }) | null | undefined;
    if (!node || typeof node !== 'object') continue;
    if (!node.range && 'key' in node) {
      stack.push(node.value, node.key);
      continue;
    }
    if (node.range) out.push(`${node.range[0]}-${node.range[1]}`);
    if (Array.isArray(node.items)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return out;
}

/** Incremental and full validation of the same text agree on everything a caller can read. */
function assertSameAsFull(incremental: ValidationResult, text: string): ValidationResult {
  const full = validateCanvas(text);
  assert.deepStrictEqual(incremental.diagnostics, full.diagnostics);
  assert.deepStrictEqual(plainModel(incremental.model), plainModel(full.model));
  assert.deepStrictEqual(incremental.parsed?.value, full.parsed?.value);
  assert.deepStrictEqual(nodeOffsets(incremental.parsed?.doc), nodeOffsets(full.parsed?.doc));
  return full;
}

const isClean = (result: ValidationResult) => Boolean(result.parsed && !result.parsed.hasSyntaxErrors && result.parsed.doc.errors.length === 0);

/** An edit, in terms of the text it applies to (offsets are taken modulo its length). */
type Edit = (text: string) => string;

const at = (text: string, n: number) => (text.length ? n % (text.length + 1) : 0);
/** The start of the line holding offset n: pastes and new cards go at line starts. */
const lineStart = (text: string, n: number) => text.lastIndexOf('\n', at(text, n) - 1) + 1;

const typed = fc.constantFrom('a', 'Z', ' ', ':', '-', '#', '\n', '  ', 'é', '한', '"', "'", '[', ']', ',', '{', '}', '|', '>', '\t', '\r\n', '0', 'true');
const snippets = fc.constantFrom(
  '  - id: fresh-card\n    name: A fresh card\n',
  '  - id: customer-x\n    name: Another\n    segments: [nobody, riders]\n',
  '  - just a sticky note\n',
  '  - &anchor\n    id: anchored\n    name: Anchored\n',
  '  - *anchor\n',
  '    segments: *anchor\n',
  '  # a comment line\n',
  '\n',
  '  -\n',
  '- id: at-column-zero\n  name: Zero\n',
  '    type: segmentd\n',
  '    name: duplicate key\n',
  '  - { id: flow-card, name: Flow }\n',
  '  - [not, a, card]\n',
  '  - id: unterminated\n    name: "open quote\n',
  '    description: |\n      block text\n\n',
  'key-partners:\n  - id: second-block\n    name: Twice\n',
  '---\n',
  '\t- tabbed\n',
);

const letters = fc.string({ unit: fc.constantFrom('a', 'e', 'x', ' ', '-', '1', 'é'), minLength: 1, maxLength: 4 });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  // Typing words (what most edits are), so the incremental path is taken often.
  { weight: 6, arbitrary: fc.tuple(fc.nat(), letters).map(([n, s]): Edit => (t) => t.slice(0, at(t, n)) + s + t.slice(at(t, n))) },
  // Typing and deleting anywhere.
  fc.tuple(fc.nat(), typed).map(([n, s]): Edit => (t) => t.slice(0, at(t, n)) + s + t.slice(at(t, n))),
  fc.tuple(fc.nat(), fc.nat({ max: 80 })).map(([n, len]): Edit => (t) => t.slice(0, at(t, n)) + t.slice(at(t, n) + len)),
  // Replacing a character (a typo in a key or an enum value).
  fc.tuple(fc.nat(), typed).map(([n, s]): Edit => (t) => t.slice(0, at(t, n)) + s + t.slice(at(t, n) + 1)),
  // Whole lines: a card, an anchor, an alias, a comment, a flow collection, broken YAML.
  fc.tuple(fc.nat(), snippets).map(([n, s]): Edit => (t) => t.slice(0, lineStart(t, n)) + s + t.slice(lineStart(t, n))),
  // Cut and paste across card boundaries, at line starts or anywhere.
  fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.nat(), fc.boolean()).map(([a, len, b, lines]): Edit => (t) => {
    const from = lines ? lineStart(t, a) : at(t, a);
    const to = lines ? lineStart(t, from + len) : Math.min(t.length, from + len);
    const piece = t.slice(from, to);
    const rest = t.slice(0, from) + t.slice(to);
    const where = lines ? lineStart(rest, b) : at(rest, b);
    return rest.slice(0, where) + piece + rest.slice(where);
  }),
  // Copy (duplicate) a run of lines: duplicate ids, more cards.
  fc.tuple(fc.nat(), fc.nat({ max: 300 })).map(([a, len]): Edit => (t) => {
    const from = lineStart(t, a);
    const to = lineStart(t, from + len);
    return t.slice(0, to) + t.slice(from, to) + t.slice(to);
  }),
  // Line endings of the whole file.
  fc.constantFrom<Edit>(
    (t) => t.replace(/\r?\n/g, '\r\n'),
    (t) => t.replace(/\r\n/g, '\n'),
  ),
);

describe('incremental revalidation', function () {
  this.timeout(120_000);

  it('gives what a full validation gives, after any sequence of edits', () => {
    let edits = 0;
    let incremental = 0;
    // Edits from a file without YAML errors to another: where the incremental path may apply.
    let cleanToClean = 0;
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, crlf, sequence) => {
        let text = crlf ? examples[which].replace(/\n/g, '\r\n') : examples[which];
        let result = validateCanvas(text);
        for (const apply of sequence) {
          const wasClean = isClean(result);
          text = apply(text);
          result = revalidateCanvas(result, text);
          const full = assertSameAsFull(result, text);
          edits++;
          if (result.incremental) incremental++;
          if (wasClean && isClean(full)) cleanToClean++;
        }
      }),
      { numRuns: 150, seed: 7 },
    );
    // The property is only worth something if the incremental path really runs.
    assert.ok(incremental >= 100 && incremental > cleanToClean * 0.6, `${incremental} of ${edits} edits (${cleanToClean} between files without YAML errors) revalidated incrementally`);
  });

  it('re-reads only the edited card after typing in it, and falls back to a full parse where that is unsafe', () => {
    const text = examples[0];
    const at = text.indexOf('name: ', text.indexOf('\n  - id: ')) + 6;
    const typedIn = revalidateCanvas(validateCanvas(text), text.slice(0, at) + 'X' + text.slice(at));
    assert.equal(typedIn.incremental, true);
    const keyLine = text.indexOf('\ncustomer-segments:') + 1;
    const inBlockKey = revalidateCanvas(validateCanvas(text), text.slice(0, keyLine) + 'x-' + text.slice(keyLine));
    assert.equal(inBlockKey.incremental, undefined);
    const anchored = revalidateCanvas(validateCanvas(text), text.slice(0, at) + '&a ' + text.slice(at));
    assert.equal(anchored.incremental, undefined);
  });

  it('adds a card typed at the end of a block, and removes a deleted card', () => {
    const text = 'canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: a\n    name: A\nvalue-propositions:\n  - id: v\n    name: V\n    segments: [a, b]\n';
    const added = text.replace('value-propositions:', '  - id: b\n    name: B\nvalue-propositions:');
    const first = revalidateCanvas(validateCanvas(text), added);
    assert.equal(first.incremental, true);
    assert.deepEqual(
      first.diagnostics.filter((d) => d.code === 'unknown-reference'),
      [],
    );
    assertSameAsFull(first, added);
    const removed = revalidateCanvas(first, text);
    assert.equal(removed.incremental, true);
    assert.deepEqual(
      removed.diagnostics.filter((d) => d.code === 'unknown-reference').map((d) => [d.start, d.end]),
      [[text.indexOf('b]'), text.indexOf('b]') + 1]],
    );
    assertSameAsFull(removed, text);
  });
  it('falls back when the edited list is anchored and aliased elsewhere: the alias sees the edit', () => {
    const text = 'canvas: business-model\ntitle: T\nkey-activities: &acts\n  - id: build\n    name: Build\n  - id: sell\n    name: Sell\nkey-resources: *acts\n';
    const edited = text.replace('name: Build', 'name: Build it');
    const result = revalidateCanvas(validateCanvas(text), edited);
    assert.equal(result.incremental, undefined);
    assert.deepEqual(
      result.model?.blocks.get('key-resources')?.cards.map((c) => c.name),
      ['Build it', 'Sell'],
    );
    assertSameAsFull(result, edited);
    const rooted = '&canvas\n' + text;
    const inRooted = revalidateCanvas(validateCanvas(rooted), rooted.replace('name: Build', 'name: Build it'));
    assert.equal(inRooted.incremental, undefined);
  });
});
