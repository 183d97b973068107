import * as assert from 'node:assert/strict';
import { LineIndex, validateCanvas } from '../../src/core';

describe('LineIndex', () => {
  it('maps offsets to lines and characters with LF', () => {
    const index = new LineIndex('ab\ncd\n');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
    assert.equal(index.lineCount, 3);
  });

  it('never places a position between CR and LF', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
  });

  it('clamps offsets and positions outside the text', () => {
    const index = new LineIndex('ab');
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(50), { line: 0, character: 2 });
    assert.equal(index.offsetAt({ line: 7, character: 0 }), 2);
    assert.equal(index.offsetAt({ line: -1, character: 0 }), 0);
  });

  it('round-trips every offset of a mixed-line-ending text', () => {
    const text = 'a\r\nbb\n\r\nccc\rd';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF
      assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
    }
  });
  it('reads a lone CR as a line break, as VS Code does (issue 12, item 10)', () => {
    const index = new LineIndex('ab\rcd\r\r\ne');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 1, character: 2 });
    assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(8), { line: 3, character: 0 });
    assert.equal(index.lineEndOffset(0), 2);
    assert.equal(index.lineEndOffset(2), 6);
    assert.equal(index.offsetAt({ line: 1, character: 9 }), 5);
  });

  it('a canvas with lone-CR line ends validates as its LF copy, ranges and all', () => {
    const lf = 'canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: Bad Id\n    name: X\n    typo: 1\n';
    const cr = lf.replace(/\n/g, '\r');
    const ranges = (text: string) =>
      validateCanvas(text).diagnostics.map((d) => {
        const index = new LineIndex(text);
        const s = index.positionAt(d.start);
        const e = index.positionAt(d.end);
        return `${d.code} ${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${d.message}`;
      });
    const expected = ranges(lf);
    assert.ok(expected.some((r) => r.startsWith('schema 4:')), 'the LF copy has its schema problems');
    assert.deepEqual(ranges(cr), expected);
  });
});
