// The hostile corpus (issue 12): fixed inputs that every robustness run checks before its seeded
// cases, so the defects they once showed stay fixed. Each case is a text built from an example
// (named by its index in the sorted examples/ list, the one its diff is taken against):
//   - speed cliffs: 40,000 aliases in one card, 20,000 over 1,000 cards, 10,000 in a block list;
//     error-heavy files (an unknown key or a wrong type on every card); billion laughs. The bigger
//     versions (a 40,000-alias card, 600 KB of errors) run once more in a fresh process: HOSTILE_PROBES;
//   - Markdown-hostile text (raw HTML, `<!--`, @mentions, #123, headings, lists, $math$,
//     javascript: links, pipes, backticks) in card names, field names (x-… and unknown keys),
//     values, tags, title and description: through renderMarkdown and diffToMarkdown;
//   - terminal-hostile text (ESC sequences, C0/C1 controls, newlines that forge `::error` lines,
//     U+202E and other bidi controls) in the same places: through every renderer and diffToText;
//   - broken encodings and line ends: UTF-16 (LE and BE) read as Latin-1 or UTF-8, lone CRs, a
//     BOM before the content (and twice), huge single lines (256 KB name, 150 KB flow list, 1 MB comment).
// The checks themselves (no exception, bounded time per call, no raw HTML from user text in our
// Markdown, no control character or forged annotation line in the diff text, ...) are the sweep's:
// see runChecks in robustness.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => /\.canvas\.ya?ml$/.test(f))
  .sort()
  .map((f) => readFileSync(join(root, 'examples', f), 'utf8'));
const B2B = Math.max(0, readdirSync(join(root, 'examples')).filter((f) => /\.canvas\.ya?ml$/.test(f)).sort().indexOf('b2b-saas.canvas.yaml'));

/** Text that GitHub Markdown would turn into markup, a mention, a link or a broken table. */
export const MARKDOWN_HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<!-- hides the rest of the comment',
  '<script>alert(1)</script>',
  '<details open><summary>x</summary>',
  '</td></tr></table><b>out</b>',
  'Plan @everyone',
  'fixes #123 and org/repo#1',
  '# a heading',
  '- a list item',
  '1. a numbered item',
  '> a quote',
  '$x^2$ and $$y$$',
  '[click](javascript:alert(1))',
  '![pixel](https://example.com/p.png)',
  '<https://evil.example>',
  'a | b | c',
  'one `tick and ``two',
  '```',
  '***',
  '&#64;everyone &lt;b&gt;',
  '\\<b>escaped\\</b>',
  '~~strike~~ **bold** _em_',
  '[^1]: footnote',
];

/** Text that acts on a terminal or forges a CI annotation when printed raw. */
export const TERMINAL_HOSTILE = [
  '\x1b[31mred\x1b[0m',
  '\x1b]0;window title\x07',
  '\x1b[2J\x1b[H',
  'a\n::error file=a.canvas.yaml,line=1::forged',
  'b\r\n::warning ::forged',
  'c\r::notice ::forged',
  '\u202eevil\u202c',
  '\u2066isolate\u2069 \u202aembed',
  'nul\0here',
  'del\x7f c1\x9b31m',
  'line\u2028separator\u2029',
  'tab\there',
  '%0A::error ::percent',
];

const q = (s) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

/** Every card name (and persona name) replaced by one of `strings`, in turn. */
function names(text, strings) {
  let i = 0;
  return text.replace(/^(\s+(?:- )?name:)[ \t].*$/gm, (_, key) => `${key} ${q(strings[i++ % strings.length])}`);
}

/** After every card's name: an x- field and an unknown field, both named and valued by `strings`. */
function keys(text, strings) {
  let i = 0;
  return text.replace(/^( {4})name:[ \t].*$/gm, (line, indent) => {
    const a = strings[i++ % strings.length];
    const b = strings[i++ % strings.length];
    return `${line}\n${indent}${q(`x-${a}`)}: ${q(b)}\n${indent}${q(b)}: ${q(a)}`;
  });
}

/** Every one-line description, type, status and growth value, and every tag list, replaced by `strings`. */
function values(text, strings) {
  let i = 0;
  const next = () => strings[i++ % strings.length];
  return text
    .replace(/^( {4}(?:description|type|status|growth):)[ \t]+(?![|>]).*$/gm, (_, key) => `${key} ${q(next())}`)
    .replace(/^( {4}tags:)[ \t]*\[.*\]$/gm, (_, key) => `${key} [${[next(), next()].map(q).join(', ')}]`);
}

/** The title and the description replaced, and the top-level x- field renamed. */
function header(text, strings) {
  return text
    .replace(/^title:.*$/m, `title: ${q(strings.join(' '))}`)
    .replace(/^description: \|\n(?: {2}.*\n|\n)*/m, `description: ${q(strings.join('\n\n'))}\n`)
    .replace(/^x-stage:.*$/m, `${q(`x-${strings[0]}`)}: ${q(strings[1])}\n${q(strings[2])}: ${q(strings[3])}`);
}

function utf16(text, bigEndian) {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (bigEndian) le.swap16();
  return le;
}

function billionLaughs(levels, width) {
  const lines = [`  l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`  l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

// The time per call a big case (150 KB to 1 MB) may take; the seeded cases have 1 s (CALL_BUDGET_MS).
// Generous, as a shared 2-core machine under load is many times slower than idle (yaml.parseDocument
// alone takes about 1 s on 500 KB there); a speed cliff (40,000 aliases took minutes) still shows.
const BIG = 10_000;
// A fresh-process probe with a plain twin (`plainExpr`: the same size without aliases or errors) is
// judged against it, as machine load cancels out: at most PROBE_RATIO times the twin's time, or
// PROBE_FLOOR ms, whichever is more (issue 12's targets are 3 times).
export const PROBE_RATIO = 5;
const PROBE_FLOOR = 1000;

const base = (i = B2B) => examples[i] ?? examples[0];
const lf = (t) => t.replace(/\r\n?/g, '\n');

/** The cases: { name, base, text() } (text built on first use, then kept). */
export const HOSTILE_CASES = [
  // Speed cliffs
  { name: '40,000 aliases in one card\'s tags (flow)', budgetMs: BIG, text: () => base().replace(/^( {4}status: )(\w+)$/m, '$1&st $2').replace(/^( {4}tags: ).*$/m, (_, k) => `${k}[${Array(40_000).fill('*st').join(', ')}]`) },
  { name: '20,000 aliases across 1,000 cards', budgetMs: BIG, text: () => `canvas: business-model\ntitle: aliases\ncustomer-segments:\n  - id: s0\n    name: S0\n    type: &ty niche\n    tags: [&tg a]\n${Array.from({ length: 1000 }, (_, i) => `  - id: s${i + 1}\n    name: S${i + 1}\n    type: *ty\n    tags: [${Array(19).fill('*tg').join(', ')}]\n`).join('')}` },
  { name: '10,000 aliases in one card\'s tags (block)', budgetMs: BIG, text: () => base().replace(/^( {4}status: )(\w+)$/m, '$1&st $2').replace(/^( {4}tags: ).*$/m, `    tags:\n${'      - *st\n'.repeat(10_000).slice(0, -1)}`) },
  { name: 'error-heavy: an unknown key on each of 1,500 cards', budgetMs: BIG, text: () => `canvas: business-model\ntitle: errors\ncustomer-segments:\n${Array.from({ length: 1500 }, (_, i) => `  - id: s${i}\n    name: Segment ${i}\n    colour: red\n`).join('')}` },
  { name: 'error-heavy: a wrong type on each of 1,500 cards', budgetMs: BIG, text: () => `canvas: business-model\ntitle: errors\ncustomer-segments:\n${Array.from({ length: 1500 }, (_, i) => `  - id: s${i}\n    name: [Segment ${i}]\n    priority: high\n`).join('')}` },
  { name: 'billion laughs (10^9) in an x- field', text: () => `${base()}x-lol:\n${billionLaughs(10, 10)}\n` },
  { name: 'billion laughs as a card name', text: () => `canvas: business-model\nx-lol:\n${billionLaughs(9, 10)}\ncustomer-segments:\n  - id: s\n    name: *l8\n    tags: *l8\n` },
  // Markdown-hostile text
  { name: 'Markdown-hostile card names', text: () => names(base(), MARKDOWN_HOSTILE) },
  { name: 'Markdown-hostile field names (x- and unknown keys)', text: () => keys(base(), MARKDOWN_HOSTILE) },
  { name: 'Markdown-hostile values and tags', text: () => values(base(), MARKDOWN_HOSTILE) },
  { name: 'Markdown-hostile title, description and top-level x- field', text: () => header(base(), MARKDOWN_HOSTILE) },
  // Terminal-hostile text
  { name: 'control characters, ESC, newlines, U+202E in card names', text: () => names(base(), TERMINAL_HOSTILE) },
  { name: 'control characters, ESC, newlines, U+202E in field names', text: () => keys(base(), TERMINAL_HOSTILE) },
  { name: 'control characters, ESC, newlines, U+202E in values and tags', text: () => values(base(), TERMINAL_HOSTILE) },
  { name: 'control characters, ESC, newlines, U+202E in title and description', text: () => header(base(), TERMINAL_HOSTILE) },
  { name: 'raw (unescaped) control characters in plain scalars and keys', text: () => base().replace(/^( {4}name: )(.*)$/gm, '$1$2 \x1b[31m\u202e\x07\x7f\x9b').replace(/^( {4})(status:)/gm, '$1x-\x1b[2J\u202e: 1\n$1$2') },
  // Encodings and line ends
  { name: 'UTF-16LE with a BOM, read as Latin-1', text: () => utf16(base(), false).toString('latin1') },
  { name: 'UTF-16BE with a BOM, read as UTF-8', text: () => utf16(base(), true).toString('utf8') },
  { name: 'lone CR line ends', text: () => lf(base()).replace(/\n/g, '\r') },
  { name: 'mixed LF, CRLF and lone CR line ends', text: () => lf(base()).split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('') },
  { name: 'BOM before the content', text: () => `\ufeff${base()}` },
  { name: 'two BOMs, and one inside a value', text: () => `\ufeff\ufeff${base().replace(/^( {4}name: )/m, '$1\ufeff')}` },
  // Huge single lines
  { name: 'a 256 KB card name on one line', budgetMs: BIG, text: () => base().replace(/^( {4}name: ).*$/m, `$1${'a'.repeat(1 << 18)}`) },
  { name: 'a 150 KB flow sequence of tags on one line', budgetMs: BIG, text: () => base().replace(/^( {4}tags: ).*$/m, `$1[${Array.from({ length: 20_000 }, (_, i) => `t${i}`).join(', ')}]`) },
  { name: 'a 1 MB comment line', budgetMs: BIG, text: () => `#${'x'.repeat(1 << 20)}\n${base()}` },
].map((c) => {
  let text;
  return { base: B2B, ...c, text: () => (text ??= c.text()) };
});

/** Inputs validated in a fresh process (see FRESH_PROBES in robustness.mjs): the speed cliffs once more, bigger and cold. */
export const HOSTILE_PROBES = [
  {
    name: '40,000 aliases in a card',
    expr: "'customer-segments:\\n  - id: s\\n    name: S\\n    status: &st validated\\n    tags: [' + Array(40000).fill('*st').join(', ') + ']\\n'",
    plainExpr: "'customer-segments:\\n  - id: s\\n    name: S\\n    status: validated\\n    tags: [' + Array(40000).fill('validated').join(', ') + ']\\n'",
    times: 1,
    budgetMs: PROBE_FLOOR,
  },
  {
    name: 'error-heavy 600 KB (an unknown key on 15,000 cards)',
    expr: "'canvas: business-model\\ncustomer-segments:\\n' + Array.from({ length: 15000 }, (_, i) => '  - id: s' + i + '\\n    name: Segment ' + i + '\\n    colour: red\\n').join('')",
    plainExpr: "'canvas: business-model\\ncustomer-segments:\\n' + Array.from({ length: 15000 }, (_, i) => '  - id: s' + i + '\\n    name: Segment ' + i + '\\n    growth: red\\n').join('')",
    times: 1,
    budgetMs: PROBE_FLOOR,
  },
  {
    name: 'billion laughs',
    expr: "'x-lol:\\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\\n' + Array.from({ length: 9 }, (_, i) => '  l' + (i + 1) + ': &l' + (i + 1) + ' [' + Array(10).fill('*l' + i).join(', ') + ']\\n').join('') + 'customer-segments:\\n  - id: s\\n    name: *l9\\n'",
    times: 1,
  },
];
