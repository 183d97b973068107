/**
 * Property test of `validate --fix` in the core (issue 13, item 4): for every fixture (the examples,
 * the test fixtures, the quick-fix snippets) and seeded mutations of them (the mutation generators
 * of codeActionsProperty.test.ts, copied: that file registers tests and cannot be imported), in LF,
 * CRLF and CR, with and without a BOM:
 *
 * 1. each fixed problem is gone: per (code, message template, line), fewer problems are left by at
 *    least the number of fixes applied there (one round, so lines are those of the input; the safe
 *    fixes never add or remove a line);
 * 2. no error appears that was not there before: per (code, message template), no more errors;
 * 3. the text outside the fixed lines is byte for byte the same, BOM and line breaks included;
 * 4. a second run is a no-op (also after the full, multi-round run).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixAll, LineIndex, validateCanvas } from '../../src/core';
import type { CanvasDiagnostic } from '../../src/core';
import { SNIPPETS } from './codeActionSnippets';
import { MUTATION_NAMES, encode, mutate, describeMutations } from './canvasMutations';
import type { Encoding } from './canvasMutations';

const ROOT = join(__dirname, '../../..');

function canvasFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? canvasFiles(join(dir, entry.name)) : entry.name.endsWith('.canvas.yaml') ? [join(dir, entry.name)] : []))
    .sort();
}

const FILES = [...canvasFiles(join(ROOT, 'examples')), ...canvasFiles(join(ROOT, 'test/fixtures'))];
const CORPUS: { name: string; text: string }[] = [
  ...FILES.map((file) => ({ name: file.slice(ROOT.length + 1), text: readFileSync(file, 'utf8') })),
  ...SNIPPETS.map((text, i) => ({ name: `snippet ${i}`, text })),
];


// The --fix properties

/** Lines of a text with their line breaks (LF, CRLF or lone CR), as validate counts them. */
function lines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

const key = (d: CanvasDiagnostic) => `${d.code}|${d.template}`;

function countBy<T>(items: readonly T[], by: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(by(item), (counts.get(by(item)) ?? 0) + 1);
  return counts;
}

/** The problems of the --fix contract for one text; [] when it holds. */
function checkFixAll(text: string): string[] {
  const problems: string[] = [];
  const before = validateCanvas(text);
  const once = fixAll(text, { maxPasses: 1 });
  if (!once.applied.length) {
    if (once.text !== text) problems.push('text changed with nothing applied');
  } else {
    const after = once.remaining;
    const lineOf = (t: string) => {
      const index = new LineIndex(t.replace(/\r(?!\n)/g, '\n'));
      return (d: CanvasDiagnostic) => index.positionAt(d.start).line + 1;
    };
    const [lineBefore, lineAfter] = [lineOf(text), lineOf(once.text)];
    // 1. Each fixed problem is gone.
    const fixedAt = countBy(once.applied, (a) => {
      const d = before.diagnostics.find((b) => b.code === a.code && lineBefore(b) === a.line && new LineIndex(text.replace(/\r(?!\n)/g, '\n')).positionAt(b.start).character + 1 === a.column);
      return d ? `${key(d)}|${a.line}` : `unknown ${a.code} at ${a.line}:${a.column}`;
    });
    const beforeAt = countBy(before.diagnostics, (d) => `${key(d)}|${lineBefore(d)}`);
    const afterAt = countBy(after.diagnostics, (d) => `${key(d)}|${lineAfter(d)}`);
    for (const [where, n] of fixedAt) {
      if (where.startsWith('unknown')) problems.push(`applied fix for no problem: ${where}`);
      else if ((afterAt.get(where) ?? 0) > (beforeAt.get(where) ?? 0) - n) problems.push(`problem not gone: ${where}`);
    }
    // 2. No new error.
    const errorsBefore = countBy(before.diagnostics.filter((d) => d.severity === 'error'), key);
    for (const [k, n] of countBy(after.diagnostics.filter((d) => d.severity === 'error'), key)) {
      if (n > (errorsBefore.get(k) ?? 0)) problems.push(`new error: ${k} (${n} after, ${errorsBefore.get(k) ?? 0} before)`);
    }
    // 3. Only the fixed lines (and the lines of the references a renamed id takes along) differ.
    const [a, b] = [lines(text), lines(once.text)];
    if (a.length !== b.length) problems.push(`line count ${a.length} → ${b.length}`);
    else {
      const renames = once.applied.some((f) => /kebab|duplicate/.test(f.title));
      const fixedLines = new Set(once.applied.map((f) => f.line));
      a.forEach((line, i) => {
        if (line === b[i]) return;
        if (line.replace(/[^\r\n]*/, '') !== b[i].replace(/[^\r\n]*/, '')) problems.push(`line break changed on line ${i + 1}`);
        if (!fixedLines.has(i + 1) && !renames) problems.push(`line ${i + 1} changed by no fix: ${JSON.stringify(line)} → ${JSON.stringify(b[i])}`);
      });
    }
    if (text.startsWith('\ufeff') !== once.text.startsWith('\ufeff')) problems.push('BOM changed');
  }
  // 4. Idempotent, after one round and after the full run.
  const full = fixAll(text);
  const again = fixAll(full.text);
  if (again.text !== full.text || again.applied.length) problems.push(`second run applied ${again.applied.map((f) => f.title).join('; ')}`);
  return problems;
}

const SEED = 13;
const RUNS = 200;

describe('validate --fix: property test (fixAll on every fixture and seeded mutations)', function () {
  this.timeout(300_000);

  it('every fixture, as written and with a BOM and CRLF line breaks', () => {
    for (const { name, text } of CORPUS) {
      for (const encoding of [{ bom: false, eol: 'lf' }, { bom: true, eol: 'crlf' }, { bom: false, eol: 'cr' }] as Encoding[]) {
        const problems = checkFixAll(encode(text, encoding));
        assert.deepEqual(problems, [], `${name} ${JSON.stringify(encoding)}`);
      }
    }
  });

  it(`seeded mutations of the fixtures (fast-check, seed ${SEED}, ${RUNS} runs)`, () => {
    const mutation = fc.tuple(fc.nat({ max: MUTATION_NAMES.length - 1 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }));
    const encoding = fc.record({ bom: fc.boolean(), eol: fc.constantFrom<Encoding['eol']>('lf', 'lf', 'crlf', 'cr') });
    let fixed = 0;
    fc.assert(
      fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), encoding, (index, mutations, enc) => {
        const text = mutate(CORPUS[index].text, mutations, enc);
        const problems = checkFixAll(text);
        if (fixAll(text).applied.length) fixed++;
        assert.deepEqual(problems, [], `${CORPUS[index].name} with ${describeMutations(mutations)} ${JSON.stringify(enc)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The mutations do reach the safe fixes.
    assert.ok(fixed >= RUNS / 10, `only ${fixed} of ${RUNS} runs had something to fix`);
  });
});
