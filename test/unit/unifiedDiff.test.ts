import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { diffLines, splitLines, unifiedDiff } from '../../src/cli/unifiedDiff';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}\n`).join('');

/** Applies a unified diff to a text (a strict reader: every context and removed line must match). */
function applyPatch(before: string, patch: string): string {
  const old = splitLines(before);
  const out: string[] = [];
  let at = 0;
  const body = patch.split('\n').slice(2, -1);
  for (let i = 0; i < body.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(body[i]);
    assert.ok(header, `hunk header expected: ${body[i]}`);
    const start = Number(header[1]) - (header[2] === '0' ? 0 : 1);
    while (at < start) out.push(old[at++]);
    for (i++; i < body.length && !body[i].startsWith('@@'); i++) {
      const noEol = body[i + 1] === '\\ No newline at end of file';
      const line = body[i].slice(1) + (noEol ? '' : '\n');
      if (body[i][0] !== '+') assert.equal(old[at++], line);
      if (body[i][0] !== '-') out.push(line);
      if (noEol) i++;
    }
    i--;
  }
  while (at < old.length) out.push(old[at++]);
  return out.join('');
}

describe('unified diff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('f', 'a\nb\n', 'a\nb\n'), '');
  });

  it('one changed line with 3 lines of context either side', () => {
    const before = lines(10);
    const after = before.replace('line 5\n', 'line five\n');
    assert.equal(
      unifiedDiff('dir/f.canvas.yaml', before, after),
      '--- a/dir/f.canvas.yaml\n+++ b/dir/f.canvas.yaml\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n',
    );
  });

  it('context clipped at the start and the end; counts of 1 written without ",1"', () => {
    assert.equal(unifiedDiff('f', 'a\n', 'b\n'), '--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n');
    assert.equal(unifiedDiff('f', 'a\nb\n', 'a\nc\n'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });

  it('hunks closer than 2 × 3 lines are one; farther apart, two', () => {
    const before = lines(20);
    const near = before.replace('line 3\n', 'x\n').replace('line 9\n', 'y\n');
    assert.equal(
      unifiedDiff('f', before, near),
      '--- a/f\n+++ b/f\n@@ -1,12 +1,12 @@\n line 1\n line 2\n-line 3\n+x\n line 4\n line 5\n line 6\n line 7\n line 8\n-line 9\n+y\n line 10\n line 11\n line 12\n',
    );
    // 6 equal lines between: still one hunk, as diff -u does.
    const six = before.replace('line 3\n', 'x\n').replace('line 10\n', 'y\n');
    assert.match(unifiedDiff('f', before, six), /^--- a\/f\n\+\+\+ b\/f\n@@ -1,13 \+1,13 @@\n(?!.*@@)/s);
    const far = before.replace('line 3\n', 'x\n').replace('line 11\n', 'y\n');
    assert.equal(
      unifiedDiff('f', before, far),
      '--- a/f\n+++ b/f\n@@ -1,6 +1,6 @@\n line 1\n line 2\n-line 3\n+x\n line 4\n line 5\n line 6\n@@ -8,7 +8,7 @@\n line 8\n line 9\n line 10\n-line 11\n+y\n line 12\n line 13\n line 14\n',
    );
  });

  it('insertions, deletions, empty sides and a missing last line break', () => {
    assert.equal(unifiedDiff('f', '', 'a\n'), '--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n');
    assert.equal(unifiedDiff('f', 'a\nb\n', ''), '--- a/f\n+++ b/f\n@@ -1,2 +0,0 @@\n-a\n-b\n');
    assert.equal(unifiedDiff('f', 'a\nb', 'a\nc'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    assert.equal(unifiedDiff('f', 'a\nb', 'a\nb\n'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
    assert.equal(unifiedDiff('f', 'a\nc\n', 'a\nb\nc\n'), '--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+b\n c\n');
  });

  it('CRLF lines keep their line breaks', () => {
    assert.equal(unifiedDiff('f', 'a\r\nb\r\n', 'a\r\nc\r\n'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n');
  });

  it('the shortest script: a minimal number of changed lines (Myers)', () => {
    const ops = diffLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c']);
    assert.equal(ops.filter((op) => op.kind !== ' ').length, 5);
  });

  it('property: applying the diff to the old text gives the new one, and the script is no longer than an LCS allows', () => {
    const text = fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', 'a\r\n', 'd'), { maxLength: 30 }).map((l) => l.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const patch = unifiedDiff('f', before, after);
        if (before === after) return assert.equal(patch, '');
        assert.equal(applyPatch(before, patch), after);
        // Optimality against an O(N·M) LCS.
        const a = splitLines(before);
        const b = splitLines(after);
        const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
        for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        const changes = diffLines(a, b).filter((op) => op.kind !== ' ').length;
        assert.equal(changes, a.length + b.length - 2 * lcs[0][0]);
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('GNU patch accepts it where patch is installed', function () {
    if (spawnSync('patch', ['--version']).error) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'canvas-udiff-'));
    try {
      const before = lines(30);
      const after = before.replace('line 2\n', 'two\n').replace('line 20\n', '').replace('line 29\n', 'line 29\nextra\n');
      writeFileSync(join(dir, 'f.txt'), before);
      const result = spawnSync('patch', ['-p1', '--quiet'], { cwd: dir, input: unifiedDiff('f.txt', before, after) });
      assert.equal(result.status, 0, String(result.stderr) + String(result.stdout));
      assert.equal(readFileSync(join(dir, 'f.txt'), 'utf8'), after);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
