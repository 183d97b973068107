/**
 * Approximate text measure and line wrapping for SVG, which has no text flow of its own. Widths are
 * estimates in em (a fraction of the font size): generous enough that real fonts fit inside.
 * CJK, Hangul and fullwidth characters count double (1 em), most Latin letters about half.
 */

/** True for characters drawn about one em wide: Hangul, CJK, kana, fullwidth forms, most emoji. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function narrowWidth(c: string): number {
  if (c === ' ') return 0.3;
  if (/[iljtfI.,:;'!|()[\]]/.test(c)) return 0.34;
  if (/[mwMW@%]/.test(c)) return 0.9;
  if (/[A-Z]/.test(c)) return 0.68;
  return 0.6;
}

// ASCII widths looked up, not matched: SVG export measures every character of every card.
const ASCII_WIDTHS = Array.from({ length: 128 }, (_, code) => narrowWidth(String.fromCharCode(code)));

/** Width of a string in em. */
export function measure(text: string, bold = false): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) width += ASCII_WIDTHS[code];
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair: one character, wide or not by its code point.
      width += isWide(text.codePointAt(i)!) ? 1 : 0.6;
      i++;
    } else width += isWide(code) ? 1 : narrowWidth(text[i]);
  }
  return bold ? width * 1.1 : width;
}

// Characters a line may break after (Chinese, Japanese, fullwidth forms); Hangul is not among them:
// Korean breaks at spaces, like Latin text.
const BREAK_EACH = '\u2e80-\u312f\u3190-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6';
const PIECE = new RegExp(`[${BREAK_EACH}] *|[\\ud800-\\udbff][\\udc00-\\udfff] *|[^ ${BREAK_EACH}\\ud800-\\udbff]+ *| +`, 'g');

/** Breaks text into pieces a line may end after: words with their following spaces, single CJK characters. */
function pieces(text: string): string[] {
  return text.match(PIECE) ?? [];
}

/**
 * Greedy line breaking to `maxEm` (the width in em of the font size used). Hangul breaks at spaces
 * like Latin text; Chinese and Japanese break between characters; a word longer than a line is cut.
 */
export function wrapText(text: string, maxEm: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const before = lines.length;
    let line = '';
    let width = 0;
    const push = () => {
      lines.push(line.replace(/ +$/, ''));
      line = '';
      width = 0;
    };
    for (const piece of pieces(paragraph.replace(/\t/g, ' '))) {
      const trimmed = piece.replace(/ +$/, '');
      const pieceWidth = measure(piece, bold);
      if (width + measure(trimmed, bold) <= maxEm) {
        line += piece;
        width += pieceWidth;
        continue;
      }
      if (line.trim()) push();
      if (measure(trimmed, bold) <= maxEm) {
        line = trimmed ? piece : '';
        width = trimmed ? pieceWidth : 0;
        continue;
      }
      // Too long for any line: cut it by characters.
      for (const c of piece) {
        const w = measure(c, bold);
        if (width + w > maxEm && line.trim()) push();
        if (line === '' && c === ' ') continue;
        line += c;
        width += w;
      }
    }
    if (line.trim() || lines.length === before) push();
  }
  return lines;
}
