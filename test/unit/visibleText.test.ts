import * as assert from 'node:assert/strict';
import { hasInvisibleCharacters, visibleText } from '../../src/core/visibleText';

describe('visibleText: canvas text safe for one line of a terminal or a CI log', () => {
  it('writes control characters as visible escapes', () => {
    assert.equal(visibleText('a\u001b[31mred\u001b[0m'), 'a\\x1b[31mred\\x1b[0m');
    assert.equal(visibleText('nul\u0000'), 'nul\\x00');
    assert.equal(visibleText('del\u007f'), 'del\\x7f');
    assert.equal(visibleText('csi\u009b2J'), 'csi\\x9b2J');
    assert.equal(visibleText('bell\u0007'), 'bell\\x07');
  });

  it('keeps every line break and tab on the one line', () => {
    assert.equal(visibleText('x-a\n::error file=a::forged'), 'x-a\\n::error file=a::forged');
    assert.equal(visibleText('a\r\nb\rc'), 'a\\r\\nb\\rc');
    assert.equal(visibleText('a\tb'), 'a\\tb');
    assert.equal(visibleText('a\u2028b\u2029c\u0085d'), 'a\\u2028b\\u2029c\\x85d');
  });

  it('writes bidirectional controls and a stray BOM as escapes (no Trojan Source reordering)', () => {
    assert.equal(visibleText('abc\u202edef'), 'abc\\u202edef');
    assert.equal(visibleText('\u2066x\u2069 \u202a\u202b\u202c\u202d'), '\\u2066x\\u2069 \\u202a\\u202b\\u202c\\u202d');
    assert.equal(visibleText('a\ufeffb'), 'a\\ufeffb');
  });

  it('prints Windows paths as they are, yet a literal escape in the text stays distinguishable', () => {
    assert.equal(visibleText('C:\\work\\plans\\a.canvas.yaml'), 'C:\\work\\plans\\a.canvas.yaml');
    // "\n", "\t" and "\\" written in a path would read as escapes: their backslash is doubled.
    assert.equal(visibleText('C:\\new\\tools'), 'C:\\\\new\\\\tools');
    // The six characters \u001b are not an ESC; the ESC character itself is.
    assert.equal(visibleText('\\u001b'), '\\\\u001b');
    assert.equal(visibleText('\\x1b and \u001b'), '\\\\x1b and \\x1b');
    // A UNC path: the first backslash is doubled (it precedes a backslash), the second is not.
    assert.equal(visibleText('\\\\server\\share'), '\\\\\\server\\share');
  });

  it('leaves Korean, emoji and ordinary punctuation alone', () => {
    assert.equal(visibleText('서울 병원: 외국인 환자 (예약) 😀 "ok" 50% a/b'), '서울 병원: 외국인 환자 (예약) 😀 "ok" 50% a/b');
    assert.equal(visibleText(''), '');
  });

  it('tells whether anything would be escaped', () => {
    assert.equal(hasInvisibleCharacters('plain 서울'), false);
    assert.equal(hasInvisibleCharacters('C:\\work'), false);
    assert.equal(hasInvisibleCharacters('a\u001bb'), true);
    assert.equal(hasInvisibleCharacters('a\u202eb'), true);
  });
});
