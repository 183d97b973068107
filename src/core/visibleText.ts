/**
 * Text from a canvas (card names, keys, values) and from the user (file names) is untrusted when
 * it is printed to a terminal or to a CI log: an ESC sequence can recolour or erase the screen, a
 * newline can start a line that GitHub Actions reads as a workflow command (`::error …`), and a
 * bidirectional override can make a line read differently from what it holds (Trojan Source).
 * {@link visibleText} makes every such character visible instead of acting on it.
 */

// C0 controls, DEL, C1 controls; line/paragraph separators (some terminals and log viewers break
// lines on them); bidirectional embeddings, overrides and isolates; the BOM / zero-width no-break
// space anywhere but the start of a file. Tab is included: in one-line output it would misalign
// columns, and in a value it is just as invisible as the others.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Backslash itself is escaped only when followed by something that looks like one of our escapes,
// so ordinary Windows paths (C:\work\a.canvas.yaml) print as they are, yet a name that literally
// holds the six characters "\u001b" cannot be mistaken for an escaped ESC.
const AMBIGUOUS_BACKSLASH = /\\(?=[nrt\\]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const short = SHORT[c];
  if (short) return short;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text safe for one line of a terminal or a CI log: control, line-breaking and bidi characters are
 * written as visible escapes (`\n`, `\x1b`, `\u202e`); everything else, Korean included, is kept.
 */
export function visibleText(text: string): string {
  const value = String(text);
  // Fast path: almost every name and message has nothing to escape.
  if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\\]/.test(value)) return value;
  return value.replace(AMBIGUOUS_BACKSLASH, '\\\\').replace(UNSAFE, escapeOne);
}

/** Whether {@link visibleText} would change the text. */
export function hasInvisibleCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}
