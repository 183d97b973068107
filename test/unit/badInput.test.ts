import * as assert from 'node:assert/strict';
import { checkSize, validateCanvas } from '../../src/core';
import { CLEAN, diagnose, expectDiagnostics, messagesOf } from './helpers';

const HEAD = 'canvas: business-model\ntitle: x\n';
/** Bad input tests look at what is wrong, not at the hints about the blocks the snippets leave out. */
const NO_HINTS = { severities: { 'empty-block': 'off' as const } };

describe('bad input', () => {
  it('malformed YAML: one syntax error where the parser finds it, and no schema cascade', () => {
    expectDiagnostics(HEAD + 'customer-segments: [unclosed\nchannels:\n', [['yaml-syntax', 'error', '4:1-4:2']], NO_HINTS);
    expectDiagnostics(HEAD + 'customer-segments:\n  - name: a\n   type: b\n', [['yaml-syntax', 'error', '5:1-5:2']], NO_HINTS);
  });

  it('tab indentation is reported on the tab', () => {
    const text = HEAD + 'customer-segments:\n\t- name: a\n';
    expectDiagnostics(text, [['yaml-syntax', 'error', '4:1-4:2']], NO_HINTS);
    assert.equal(messagesOf(text)[0], 'YAML syntax error: Tabs are not allowed as indentation');
  });

  it('an empty or blank file says what a canvas needs, at the start', () => {
    expectDiagnostics('', [['schema', 'error', '1:1-1:1']]);
    expectDiagnostics('  \n\n# only a comment\n', [['schema', 'error', '1:1-1:1']]);
    assert.match(messagesOf('')[0], /^The file is empty/);
  });

  it('a second document is reported on its separator; the first is still validated', () => {
    const text = HEAD + 'titel: typo\n---\ncanvas: business-model\n';
    expectDiagnostics(text, [['schema', 'error', '3:1-3:6'], ['yaml-syntax', 'error', '4:1-4:4']], NO_HINTS);
  });

  it('a duplicate key is reported on the repeated key', () => {
    expectDiagnostics(HEAD + 'title: y\n', [['yaml-syntax', 'error', '3:1-3:6']], NO_HINTS);
  });

  it('binary garbage is one diagnostic at the first NUL', () => {
    const garbage = 'canvas: b' + String.fromCharCode(0, 1, 2, 255) + 'x'.repeat(10_000);
    expectDiagnostics(garbage, [['yaml-syntax', 'error', '1:10-1:11']]);
  });

  it('an alias bomb (billion laughs) is refused, on its first alias, quickly', () => {
    const levels = ['x-a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`x-${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const text = HEAD + levels.join('\n') + '\n';
    const started = Date.now();
    expectDiagnostics(text, [['yaml-syntax', 'error', '4:10-4:12']], NO_HINTS);
    assert.match(messagesOf(text)[0], /alias bomb/);
    assert.ok(Date.now() - started < 5_000, 'bounded: no exponential expansion');
  });

  it('10,000-deep nesting, in flow and block style, is one diagnostic and never a stack overflow', () => {
    const flow = HEAD + 'x-deep: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
    const block = HEAD + 'x-deep:\n' + Array.from({ length: 10_000 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + '\n';
    const seq = HEAD + 'x-deep:\n' + Array.from({ length: 10_000 }, (_, i) => ' '.repeat(i * 2 + 1) + '- ').join('\n') + 'x\n';
    for (const text of [flow, block, seq]) {
      const found = validateCanvas(text).diagnostics;
      assert.deepEqual(found.map((d) => [d.code, d.message]), [['yaml-syntax', 'The YAML is nested too deeply to be read safely.']]);
      assert.ok(found[0].start > HEAD.length && found[0].end <= text.length);
    }
  });

  it('nesting a parser could choke on is refused before parsing, at once (no V8 abort, no super-linear key conversion)', () => {
    // Each of these once took seconds, or aborted Node ("RegExpCompiler Allocation failed").
    const texts = ['['.repeat(1000), '- '.repeat(5000) + 'a', '? '.repeat(300) + 'a', '{'.repeat(200), 'x: ' + '{a: 1, '.repeat(300), 'a: '.repeat(17263)];
    for (const text of texts) {
      for (let round = 0; round < 2; round++) {
        const started = Date.now();
        const found = validateCanvas(text).diagnostics;
        assert.deepEqual(found.map((d) => [d.code, d.message]), [['yaml-syntax', 'The YAML is nested too deeply to be read safely.']], text.slice(0, 20));
        assert.ok(found[0].start >= 0 && found[0].end <= text.length);
        assert.ok(Date.now() - started < 1_000, `${text.slice(0, 10)}… validated in ${Date.now() - started} ms`);
      }
    }
  });

  it('keys that are not strings are named as such', () => {
    expectDiagnostics(HEAD + 'true: 1\n', [['schema', 'error', '3:1-3:5']], NO_HINTS);
    assert.equal(messagesOf(HEAD + 'true: 1\n', 'schema')[0], 'Keys must be plain text; this key is true or false.');
  });

  it('a file over the size limit gets one diagnostic at the start and is not parsed', () => {
    const big = CLEAN + '# ' + 'x'.repeat(10 * 1024 * 1024) + '\n';
    const started = Date.now();
    const found = validateCanvas(big, { maxLength: 4 * 1024 * 1024 }).diagnostics;
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].code, found[0].start, found[0].end], ['yaml-syntax', 0, 0]);
    assert.equal(found[0].message, 'The file is too large to validate in the editor (10241 KB; the limit is 4096 KB, setting canvasAsCode.maxFileSizeKB).');
    assert.ok(Date.now() - started < 1_000);
  });

  it('checkSize judges a file from its size alone (Validate Workspace refuses before reading)', () => {
    assert.equal(checkSize(4 * 1024 * 1024, { maxLength: 4 * 1024 * 1024 }), undefined);
    assert.equal(checkSize(10 ** 12, {}), undefined);
    const found = checkSize(10 * 1024 * 1024 + 1, { maxLength: 4 * 1024 * 1024 })?.diagnostics ?? [];
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.start, d.end, d.message]),
      [['yaml-syntax', 'error', 0, 0, 'The file is too large to validate in the editor (10240 KB; the limit is 4096 KB, setting canvasAsCode.maxFileSizeKB).']],
    );
  });

  it('a UTF-8 BOM and CRLF together keep every range on the right line and column', () => {
    const text = '\uFEFF' + CLEAN.replace('type: mass-market', 'type: mass-markt').replace(/\n/g, '\r\n');
    assert.deepEqual(diagnose(text), [['schema', 'error', '6:11-6:21']]);
  });
});
