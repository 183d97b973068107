/**
 * The one Markdown escaper: every Markdown we write (the diff posted as a pull request comment,
 * `render --format md`, the extension's Markdown export, descriptions rewritten by
 * `sanitizeMarkdown`) puts text from a canvas or from the user through these functions, so the
 * text stays text in GitHub-flavoured Markdown and in CommonMark renderers such as markdown-it.
 *
 * What user text could otherwise do, and what stops it:
 * - Markup (emphasis, strikethrough, links, images, footnotes `[^1]`, code, raw HTML and comments,
 *   autolinks `<javascript:…>`, table pipes): the ASCII punctuation that starts it is
 *   backslash-escaped; an `&` that starts an entity (`&#64;`, `&lt;`) too.
 * - Blocks (heading, list, quote, thematic break, fence, setext underline) started by text at the
 *   start of a line: its first character is escaped; line breaks never reach the output (a space,
 *   or `<br>` in a table cell), so text cannot start a line of its own.
 * - GitHub's references and mentions (`@user`, `@org/team`, `#123`, `owner/repo#1`, `GH-1`) and
 *   e-mail autolinks: GitHub finds them in the HTML's text after Markdown is rendered, so no
 *   Markdown escape (`\@`) or entity (`&#64;`) stops them. A zero-width joiner (U+200D) right after
 *   the `@` / `#` / `GH-` does, as it would after an `@` that ends an e-mail's local part.
 * - GitHub's math (`$…$`, `$$`): also found after rendering (where a `\$` is a plain `$` again),
 *   so each `$` is written as `<span>$</span>`, as GitHub's documentation advises.
 * - Autolinks other than http(s) (`ftp://`, `//host`, `mailto:`): the `//` gets a zero-width
 *   joiner unless it follows `http:` or `https:`; e-mail addresses are broken at the `@` as above.
 * - Invisible characters (C1 controls, bidi overrides and isolates, line separators) are written
 *   as visible escapes, as in the terminal output; characters no document may hold become U+FFFD.
 *
 * Everything else, Korean and ordinary punctuation (`.,:;!?'"()-/`) included, is written as is.
 */
import { visibleText } from '../visibleText';
import { cleanText } from './escape';

const ZWJ = '\u200d';

/**
 * Characters a reader cannot see that cleanText keeps: DEL and C1 controls, line and paragraph
 * separators, bidirectional embeddings, overrides and isolates (which can make a line read other
 * than it is), a stray BOM. Written as the terminal output writes them (`\u202e`).
 */
const INVISIBLE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Text any document may hold, with nothing invisible but spaces, tabs and line breaks. */
function prepare(text: string): string {
  return cleanText(String(text)).replace(INVISIBLE, visibleText);
}

/**
 * Punctuation that starts inline markup anywhere in a line, and an `&` that starts an entity
 * (`&#64;`, `&lt;`; not the `&` of `a & b` or of a query string `?a=1&b=2`). An `_` between two
 * letters or digits is left alone: it can neither open nor close emphasis there (`snake_case`).
 */
const INLINE_SPECIAL = /[\\`*[\]<>|~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#|[A-Za-z][A-Za-z0-9]*;)/gu;

/**
 * GitHub's post-rendering filters: math `$`, mentions and e-mail `@`, issue references `#1` and
 * `GH-1`, and `//` outside http(s) URLs (linkify's scheme-relative and ftp links).
 */
const GITHUB_SPECIAL = /\$|@|#(?=\d)|\bGH-(?=\d)|(?<!https?:)\/\//gi;

/** Characters an e-mail address's local part ends with (an `@` after one may start an e-mail autolink). */
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;

/** A line break as CommonMark reads it. */
const LINE_BREAK = /\r\n?|\n/g;

/** Characters that start a block at the start of a line (and are not escaped anywhere else). */
const BLOCK_START = /^(\s*)([#+\-=])/;
/** An ordered list marker at the start of a line: `1.` or `1)` followed by a space or the end. */
const ORDERED_START = /^(\s*\d{1,9})([.)])(?=\s|$)/;

function githubSpecial(match: string, at: number, text: string): string {
  if (match === '$') return '<span>$</span>';
  if (match === '@') {
    // A mention or an e-mail's domain starts with a letter or digit; an e-mail's local part ends
    // right before the @ (GitHub and linkify both stop at the joiner).
    if (!/[A-Za-z0-9]/.test(text[at + 1] ?? '')) return '@';
    return (at > 0 && EMAIL_LOCAL.test(text[at - 1]) ? ZWJ : '') + '@' + ZWJ;
  }
  if (match === '//') return '/' + ZWJ + '/';
  return match + ZWJ; // `#` before a digit, `GH-` before a digit
}

/** Escapes one line's inline specials (no line-start handling). */
function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&').replace(GITHUB_SPECIAL, githubSpecial);
}

/** Escapes whatever would start a block (heading, list, rule, setext underline) at a line's start. */
function escapeLineStart(escaped: string): string {
  const ordered = ORDERED_START.exec(escaped);
  if (ordered) return ordered[1] + '\\' + ordered[2] + escaped.slice(ordered[0].length);
  return escaped.replace(BLOCK_START, '$1\\$2');
}

/**
 * Text inline in a paragraph, list item, emphasis or heading: it renders as exactly its characters
 * (plus invisible zero-width joiners), wherever in a line it is put, the start included. Line
 * breaks become spaces.
 */
export function markdownText(text: string): string {
  return escapeLineStart(escapeInline(prepare(text).replace(LINE_BREAK, ' ')));
}

/** The label of a link `[label](…)`: the same escaping (brackets are escaped there too). */
export const markdownLinkLabel = markdownText;

/** A table cell's content (GFM cells are one line): trimmed, escaped, line breaks written as `<br>`. */
export function markdownCell(text: string): string {
  return prepare(text)
    .trim()
    .split(LINE_BREAK)
    .map(escapeInline)
    .join('<br>');
}

/**
 * An inline code span holding exactly `text` (backticks included; line breaks become spaces).
 * Code spans are the one place GitHub finds no mention, reference or math, so ids and file names
 * read best there. In a table cell pass `inTable`: GFM splits cells on `|` even inside code.
 */
export function markdownCode(text: string, inTable = false): string {
  let code = prepare(text).replace(LINE_BREAK, ' ');
  if (inTable) code = code.replace(/\|/g, '\\|');
  if (code === '') return '` `';
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // One space each side is stripped by the reader when both are there: pad when the text starts or
  // ends with a backtick (it would join the fence) or a space (it would be stripped).
  const pad = /^[` ]|[` ]$/.test(code) ? ' ' : '';
  return fence + pad + code + pad + fence;
}

/** A heading line (`level` 1–6) whose text is `text`, on one line. */
export function markdownHeading(level: number, text: string): string {
  // A heading's text is inline content (no block starts there), but `#`s at its end would be read
  // as the optional closing sequence and dropped.
  const content = escapeInline(prepare(text).replace(/\s+/g, ' ').trim()).replace(/#+$/, (run) => run.replace(/#/g, '\\#'));
  return `${'#'.repeat(Math.min(6, Math.max(1, Math.trunc(level))))} ${content}`;
}
