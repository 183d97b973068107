/**
 * Approximate text measure and line wrapping for SVG, which has no text flow of its own. Widths are
 * estimates in em (a fraction of the font size): generous enough that real fonts fit inside.
 * CJK, Hangul, fullwidth characters and emoji count as wide (1 em or more), most Latin letters
 * about half. Text is handled by grapheme cluster (what a reader sees as one character): a line
 * never ends inside a surrogate pair, an emoji ZWJ sequence, a flag or a letter with its marks.
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
    (code >= 0x1f1e6 && code <= 0x1f1ff) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Emoji pictographs and the dingbats drawn as emoji: colour glyphs a little wider than an em. */
function isEmoji(code: number): boolean {
  return (code >= 0x1f000 && code <= 0x1faff) || (code >= 0x2600 && code <= 0x27bf);
}

/** Marks drawn on the character before them (combining accents, variation selectors, joiners). */
function isZeroWidth(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xe0100 && code <= 0xe01ef) ||
    (code >= 0xe0020 && code <= 0xe007f) ||
    (code >= 0x1f3fb && code <= 0x1f3ff)
  );
}

function narrowWidth(c: string): number {
  if (c === ' ') return 0.3;
  if (/[iljtfI.,:;'!|()[\]]/.test(c)) return 0.34;
  if (/[mwMW@%]/.test(c)) return 0.9;
  if (/[A-Z]/.test(c)) return 0.68;
  // Accented capitals (É, Ñ) are as wide as the plain ones.
  if (c !== c.toLowerCase()) return 0.68;
  return 0.6;
}

// ASCII widths looked up, not matched: SVG export measures every character of every card.
const ASCII_WIDTHS = Array.from({ length: 128 }, (_, code) => narrowWidth(String.fromCharCode(code)));

const EMOJI_WIDTH = 1.2;

/** Width in em of one code point, as the first (or only) one of its grapheme. */
function codePointWidth(code: number, c: string): number {
  if (code < 128) return ASCII_WIDTHS[code];
  if (isZeroWidth(code)) return 0;
  if (isEmoji(code)) return EMOJI_WIDTH;
  if (isWide(code)) return 1;
  return narrowWidth(c);
}

/** Width in em of a grapheme cluster: its first code point's; joined and marked ones add nothing. */
function graphemeWidth(grapheme: string): number {
  const first = grapheme.codePointAt(0) ?? 0;
  const width = codePointWidth(first, String.fromCodePoint(first));
  // A flag (two regional indicators) or a ZWJ sequence is one glyph: one emoji wide.
  if (grapheme.length > 2 && (isEmoji(first) || (first >= 0x1f1e6 && first <= 0x1f1ff))) return EMOJI_WIDTH;
  return width;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Grapheme clusters, close to Unicode's extended ones: CR LF; a pair of regional indicators (a
 * flag); any character with the marks, variation selectors, emoji modifiers, tag characters,
 * Hangul vowel and final jamo, and ZWJ-joined pictographs that follow it. A regular expression
 * rather than Intl.Segmenter, whose cost grows faster than the text (40 000 characters of emoji
 * took seconds): this is one linear scan.
 */
const GRAPHEME = /\r\n|\p{RI}\p{RI}|[\s\S](?:[\p{M}\u200c\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u1160-\u11ff\ud7b0-\ud7ff]|\u200d\p{Extended_Pictographic})*/gu;

export function graphemes(text: string): string[] {
  if (ASCII_ONLY.test(text)) return text.split('');
  return text.match(GRAPHEME) ?? [];
}

/** Width of a string in em. */
export function measure(text: string, bold = false): number {
  let width = 0;
  if (ASCII_ONLY.test(text)) for (let i = 0; i < text.length; i++) width += ASCII_WIDTHS[text.charCodeAt(i)];
  else for (const g of graphemes(text)) width += graphemeWidth(g);
  return bold ? width * 1.1 : width;
}

/**
 * Where a line may break, by the first code point of a grapheme: after each Chinese or Japanese
 * character, kana, fullwidth form or emoji (they stand alone); Hangul is not among them: Korean
 * breaks at spaces, like Latin text.
 */
function breaksAround(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x312f) ||
    (code >= 0x3190 && code <= 0xa4cf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) ||
    (code >= 0x1f1e6 && code <= 0x1faff) ||
    (code >= 0x2600 && code <= 0x27bf)
  );
}

// Punctuation that may not start a line (it stays with the character before) or end one (with the one after).
const NO_LINE_START = new Set(Array.from('、。，．・：；？！ー）」』】〕〉》〙〗｝］”’,.;:!?)]}%'));
const NO_LINE_END = new Set(Array.from('（「『【〔〈《〘〖｛［“‘([{'));

/** A run a line may end after: a word with its following spaces, or a single CJK character or emoji. */
interface Piece {
  graphemes: string[];
  widths: number[];
  /** Without its trailing spaces, and with them. */
  width: number;
  fullWidth: number;
}

/** The text as pieces a line may end after, each grapheme measured once. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let current: Piece | undefined;
  let trailingSpace = false;
  let lastStandalone = false;
  let glueNext = false;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (g === ' ') {
      if (!current) out.push((current = { graphemes: [], widths: [], width: 0, fullWidth: 0 }));
      current.graphemes.push(g);
      current.widths.push(w);
      current.fullWidth += w;
      trailingSpace = true;
      continue;
    }
    const standalone = breaksAround(g.codePointAt(0)!);
    const mayBreak = current !== undefined && (trailingSpace || standalone || lastStandalone);
    if (!current || (mayBreak && !glueNext && !NO_LINE_START.has(g))) out.push((current = { graphemes: [], widths: [], width: 0, fullWidth: 0 }));
    current.graphemes.push(g);
    current.widths.push(w);
    current.fullWidth += w;
    current.width = current.fullWidth;
    trailingSpace = false;
    lastStandalone = standalone;
    glueNext = NO_LINE_END.has(g);
  }
  return out;
}

/**
 * Greedy line breaking to `maxEm` (the width in em of the font size used). Hangul breaks at spaces
 * like Latin text; Chinese, Japanese and emoji break between characters (closing punctuation stays
 * with the character before it); a word longer than a line is cut between grapheme clusters.
 * Linear in the text: every grapheme is measured once and moved once.
 */
export function wrapText(text: string, maxEm: number, bold = false): string[] {
  const scale = bold ? 1.1 : 1;
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const before = lines.length;
    let line: string[] = [];
    let width = 0;
    /** Whether the line holds more than spaces. */
    let inked = false;
    const push = () => {
      lines.push(line.join('').replace(/ +$/, ''));
      line = [];
      width = 0;
      inked = false;
    };
    for (const piece of pieces(paragraph.replace(/\t/g, ' '))) {
      const pieceWidth = piece.width * scale;
      const inkless = piece.graphemes.every((g) => g === ' ');
      if (width + pieceWidth <= maxEm) {
        line.push(...piece.graphemes);
        width += piece.fullWidth * scale;
        inked ||= !inkless;
        continue;
      }
      if (inked) push();
      if (pieceWidth <= maxEm) {
        if (!inkless) {
          line.push(...piece.graphemes);
          width = piece.fullWidth * scale;
          inked = true;
        }
        continue;
      }
      // Too long for any line: cut it between grapheme clusters.
      piece.graphemes.forEach((g, i) => {
        const w = piece.widths[i] * scale;
        if (width + w > maxEm && inked) push();
        if (line.length === 0 && g === ' ') return;
        line.push(g);
        width += w;
        inked ||= g !== ' ';
      });
    }
    if (inked || lines.length === before) push();
  }
  return lines;
}
