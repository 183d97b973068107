#!/usr/bin/env node
// Robustness (issue 7, item 6; issue 12): the core against hostile and broken input, property-based.
// Moved from bench/ to test/: `npm test` runs a short seeded version (robustness.test.mjs), `npm
// run bench` and this file (below) the long sweep.
//
// Every run starts with the hostile corpus (hostile.mjs: cases 0..N-1; 40,000 aliases, error-heavy
// files, billion laughs, Markdown- and terminal-hostile names, keys and values, UTF-16, lone CRs,
// BOMs, huge lines), each big one with a time budget per call of its own. Then fast-check generates cases from a fixed seed (printed, so a failure reproduces): (1) arbitrary
// text: unicode strings (any UTF-16 code unit, lone surrogates included), a token soup of YAML
// syntax (indentation, `- `, `: `, anchors, aliases, flow brackets, comments, block scalars,
// quotes, CRLF, tabs, NUL, BOM, directives, document markers, canvas keys), very long lines, deep
// nesting (`[[[[`, `{{{{`, `- - - -`, indentation), alias bombs; (2) the example canvases with 1-5
// random mutations (insert/delete/replace a slice, duplicate or swap lines, change indentation,
// cut, inject an anchor and an alias, CRLF, odd characters, edit a value, duplicate or delete a
// card, add a field with a hostile name and value). Every case runs through dist/core.js:
//   validateCanvas: no exception, every diagnostic 0 <= start <= end <= text.length with a known
//     code and severity and a non-empty message, none reporting a swallowed internal error;
//   complete and hover (bundled from src/core like bench/providers.mjs, into
//     out/test/robustness/providers.cjs: dist/core.js does not export them) at 0, the end and three
//     random offsets: spans inside the text, completion ranges on one line around the cursor;
//   definition, references, highlights, prepareRename, documentSymbols at those offsets, and
//     codeActions (+ applyEdits) for up to three diagnostics: spans inside the text;
//   diffCanvases both ways against the example it came from (or one example for arbitrary text),
//     diffToText, diffToMarkdown, and a canvas diffed with itself is equal; the text holds no raw
//     control, line-breaking or bidi character and no line that starts a `::` workflow command;
//   buildCanvasView, renderHtml (standalone and not), renderSvg, renderMarkdown: strings, and no
//     `<script` in the HTML or SVG; no character XML forbids in the SVG;
//   diffToMarkdown and renderMarkdown, parsed by markdown-it as GitHub would (raw HTML on): no raw
//     HTML token but the bare <br> and <span> our Markdown writes itself (user text stays text);
//   revalidateCanvas, when the core exports it: prev = validateCanvas(original), then
//     revalidateCanvas(prev, text) must give diagnostics deeply equal to validateCanvas(text).
// No single call may take over 1 s (a big corpus case: its own budget). Failures are recorded (all of them, by signature) and the
// first 5 signatures are shrunk by fast-check (replaying their case by seed and path).
//
// The cases run in a child process (this file with --worker) so a fatal V8 error or a hang is a
// reported failure, not the end of the bench: the parent reads the case in flight from a progress
// file, records the crash (or kills a case stuck for 3 s; a big corpus case: 3 times its budget),
// and restarts the child after it. Last, fresh-process probes validate deep nesting and the speed
// cliffs in a new node process each.
//
// Usage: node test/robustness/robustness.mjs [--cases N] [--quick] [--seed S]   (N seeded cases after
//          the corpus: default 20,000; quick 2,000; --cases 0 runs the corpus and probes only)
//        node test/robustness/robustness.mjs [--seed S] --show N   (case N of a run, the corpus first: description and text)
import { fork, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { quantile } from '../../bench/stats.mjs';
import { HOSTILE_CASES, HOSTILE_PROBES, PROBE_RATIO } from './hostile.mjs';

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..', '..');
const require = createRequire(join(root, 'package.json'));
const fc = require('fast-check');

export const DEFAULT_SEED = 20261123;
export const DEFAULT_CASES = 20_000;
export const QUICK_CASES = 2_000;
export const CALL_BUDGET_MS = 1000;
const HANG_MS = 3_000;
const STARTUP_MS = 60_000; // loading fast-check, the core and the providers, validating the examples
const QUARANTINE_AFTER = 3;
const MAX_RESTARTS = 500;
const SHRINK_SIGNATURES = 5;
const SHRINK_MS = 40_000; // per failure: half for fast-check's shrinking, half for reducing the text
const FLUSH_EVERY = 25;

// ---------------------------------------------------------------------------------------------
// Inputs and generators

const exampleDir = join(root, 'examples');
export const EXAMPLES = readdirSync(exampleDir)
  .filter((f) => /\.canvas\.ya?ml$/.test(f))
  .sort()
  .map((f) => ({ name: `examples/${f}`, text: readFileSync(join(exampleDir, f), 'utf8') }));

const BLOCK_KEYS = [
  'key-partnerships', 'key-activities', 'key-resources', 'value-propositions', 'customer-relationships',
  'channels', 'customer-segments', 'cost-structure', 'revenue-streams',
];
const TOKENS = [
  '\n', '\n', '\n', '\r\n', '\r', '\t', ' ', '  ', '    ', '- ', '- ', ': ', ': ', ':', '-', '&a ', '*a', '&b ', '*b',
  '[', ']', '{', '}', ',', ', ', '#', '# note', '|', '|-', '>', '>+', '"', "'", '\\', '\\u', '\0', '\uFEFF', '---', '...',
  '? ', '!', '!!str ', '!!map ', '!local ', '%YAML 1.2\n', '<<: *a', 'id: ', 'name: ', 'type: ', 'status: ', 'segments: ',
  'description: ', 'title: ', 'canvas:', 'color: ', '#ff0000', 'tags: [', 'version: ', ...BLOCK_KEYS.map((k) => `${k}:`),
  '<script>alert(1)</script>', '](javascript:alert(1))', '\u2028', '\uD800', '\uDC00', '\uFFFF', '😀', '한국어', 'é',
  'null', '~', 'true', '0x1F', '1e9', '.inf', '-1', 'a', 'b-c', 'x',
  // issue 12: Markdown- and terminal-hostile text
  '<img src=x onerror=alert(1)>', '<!--', '@everyone', '#123', '$x$', '|', '`', '\x1b[2J', '\x1b]0;t\x07', '\u202e', '\x9b', '\n::error ::x',
  '"\\e[31m"', '"a\\n::error ::x"', '"\\u202Eevil"', '"<b>b</b>"',
];
const ODD_CHARS = ['\0', '\uFEFF', '\uD800', '\uDFFF', '\u2028', '\r', '\t', '😀', '\u0301', '\u200B', '\x1B[31m', '\\', '"', '\u202E', '\x07', '\x85', '<', '@', '`', '|'];
// Field names and values with hostile text (issue 12), YAML-quoted: an x- field and an unknown key.
const HOSTILE_FIELDS = ['"x-<img src=x onerror=alert(1)>"', '"x-a\\n::error ::forged"', '"x-\\e[31mred"', '"<!-- hide"', '"@everyone"', '"x-\\u202Eevil"', 'x-$math$', '"`tick"', '"a|b"'];
const HOSTILE_VALUES = ['"<img src=x onerror=alert(1)>"', '"\\e[2J\\e[31m"', '"a\\n::error ::forged"', '"\\u202Eevil"', '"@everyone #1"', '"[x](javascript:alert(1))"', '"<!--"', "'$x$'", '"a | b"'];
const VALUE_WORDS = ['', 'x', 'a b', '"quoted"', "'single'", '[a, b]', '{}', 'null', '~', '123', '-', '*a', '&a v', '|', '>', 'segmented', 'niche', 'mass-market', 'validated', 'unknown-id', 'small-companies', '#123456', 'red'];

const pos = fc.nat({ max: 1_000_000 });
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const soup = (maxLength) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: codeUnit }) },
        { weight: 2, arbitrary: fc.nat({ max: 12 }).map((n) => `\n${' '.repeat(n)}`) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

const textCase = fc.oneof(
  { weight: 3, arbitrary: fc.record({ gen: fc.constant('unicode'), text: fc.string({ maxLength: 400, unit: 'binary' }) }) },
  { weight: 2, arbitrary: fc.record({ gen: fc.constant('code-units'), text: fc.string({ maxLength: 300, unit: codeUnit }) }) },
  { weight: 8, arbitrary: fc.record({ gen: fc.constant('soup'), text: soup(300) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      gen: fc.constant('canvas-soup'),
      block: fc.constantFrom(...BLOCK_KEYS),
      cards: fc.array(fc.record({ id: soup(3), name: soup(6), extra: soup(20) }), { maxLength: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      gen: fc.constant('long-line'),
      prefix: fc.constantFrom('', 'x: ', 'customer-segments:\n  - id: a\n    name: ', '# '),
      token: fc.constantFrom('a', ' ', 'é', '😀', '"', '\\', 'a: ', '- ', '[a, ', '{a: 1, ', '#', '\t'),
      repeat: fc.integer({ min: 1000, max: 20_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      gen: fc.constant('nest'),
      open: fc.constantFrom('[', '{', '- ', '[a, ', '{a: ', '? '),
      depth: fc.integer({ min: 1, max: 3000 }),
      close: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ gen: fc.constant('indent'), depth: fc.integer({ min: 1, max: 400 }), step: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      gen: fc.constant('alias-bomb'),
      levels: fc.integer({ min: 1, max: 12 }),
      width: fc.integer({ min: 1, max: 12 }),
      inCanvas: fc.boolean(),
    }),
  },
);

const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert'), at: pos, text: soup(12) }),
  fc.record({ op: fc.constant('delete'), at: pos, len: fc.nat({ max: 300 }) }),
  fc.record({ op: fc.constant('replace'), at: pos, len: fc.nat({ max: 60 }), text: soup(8) }),
  fc.record({ op: fc.constant('dup-lines'), line: pos, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('swap-lines'), a: pos, b: pos }),
  fc.record({ op: fc.constant('indent'), line: pos, count: fc.integer({ min: 1, max: 10 }), delta: fc.integer({ min: -6, max: 6 }), tab: fc.boolean() }),
  fc.record({ op: fc.constant('cut'), at: pos }),
  fc.record({ op: fc.constant('alias'), anchorLine: pos, aliasLine: pos, name: fc.constantFrom('a', 'b', 'x1') }),
  fc.record({ op: fc.constant('crlf'), all: fc.boolean(), line: pos }),
  fc.record({ op: fc.constant('char'), at: pos, text: fc.constantFrom(...ODD_CHARS) }),
  fc.record({ op: fc.constant('edit-value'), line: pos, value: fc.oneof(fc.constantFrom(...VALUE_WORDS), soup(4)) }),
  fc.record({ op: fc.constant('dup-card'), card: pos, to: pos }),
  fc.record({ op: fc.constant('delete-card'), card: pos }),
  fc.record({ op: fc.constant('add-field'), card: pos, key: fc.constantFrom(...HOSTILE_FIELDS), value: fc.constantFrom(...HOSTILE_VALUES) }),
);

/** A case: a description fast-check can shrink; `caseText` makes its text. */
export const caseArbitrary = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text'), base: fc.nat({ max: EXAMPLES.length - 1 }), desc: textCase, offsets: fc.array(pos, { minLength: 3, maxLength: 3 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('mutated'),
      base: fc.nat({ max: EXAMPLES.length - 1 }),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }),
      offsets: fc.array(pos, { minLength: 3, maxLength: 3 }),
    }),
  },
);

/**
 * The hostile corpus (hostile.mjs): fixed cases run before the seeded ones, as cases 0..N-1 of
 * every run (seeded case k is case N + k). A big one has its own time budget per call.
 */
export const CORPUS = HOSTILE_CASES.map((h, i) => ({ kind: 'hostile', hostile: i, name: h.name, base: h.base, budgetMs: h.budgetMs, offsets: [7, 1001, 100_003] }));

/** The time a call of this case may take: its own budget (a big corpus case) or CALL_BUDGET_MS. */
const budgetOf = (c) => c.budgetMs ?? CALL_BUDGET_MS;

const CLOSER = { '[': ']', '{': '}', '[a, ': ']', '{a: ': '}' };

function textOf(desc) {
  switch (desc.gen) {
    case 'unicode':
    case 'code-units':
    case 'soup':
      return desc.text;
    case 'canvas-soup':
      return `${desc.block}:\n${desc.cards.map((c) => `  - id: ${c.id}\n    name: ${c.name}\n    ${c.extra}\n`).join('')}`;
    case 'long-line':
      return desc.prefix + desc.token.repeat(desc.repeat);
    case 'nest':
      return desc.open.repeat(desc.depth) + (desc.close && CLOSER[desc.open] ? CLOSER[desc.open].repeat(desc.depth) : '');
    case 'indent':
      return Array.from({ length: desc.depth }, (_, i) => `${' '.repeat(i * desc.step)}k${i}:`).join('\n');
    case 'alias-bomb': {
      const lines = [`a0: &a0 [${Array(desc.width).fill('"x"').join(', ')}]`];
      for (let i = 1; i < desc.levels; i++) lines.push(`a${i}: &a${i} [${Array(desc.width).fill(`*a${i - 1}`).join(', ')}]`);
      const bomb = lines.join('\n');
      return desc.inCanvas ? `x-bomb:\n${bomb.replace(/^/gm, '  ')}\ncustomer-segments:\n  - id: s\n    name: *a${desc.levels - 1}\n` : bomb;
    }
    default:
      throw new Error(`unknown generator ${desc.gen}`);
  }
}

const splitLines = (text) => text.split(/(?<=\n)/);
/** Line-start offsets of list items (cards) in a block: `  - ` at indentation 2. */
const cardStarts = (lines) => lines.map((l, i) => (/^ {2}- /.test(l) ? i : -1)).filter((i) => i >= 0);

function applyMutation(text, m) {
  const at = (p) => p % (text.length + 1);
  const lines = splitLines(text);
  const line = (p) => (lines.length ? p % lines.length : 0);
  switch (m.op) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.len);
    case 'replace':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at) + m.len);
    case 'cut':
      return text.slice(0, at(m.at));
    case 'dup-lines': {
      const i = line(m.line);
      return [...lines.slice(0, i + m.count), ...lines.slice(i, i + m.count), ...lines.slice(i + m.count)].join('');
    }
    case 'swap-lines': {
      const a = line(m.a);
      const b = line(m.b);
      const out = lines.slice();
      const eol = (s) => (s.endsWith('\n') ? '' : '\n');
      [out[a], out[b]] = [out[b] + (b === lines.length - 1 ? eol(out[b]) : ''), out[a] + (a === lines.length - 1 ? eol(out[a]) : '')];
      return out.join('');
    }
    case 'indent': {
      const i = line(m.line);
      return lines
        .map((l, k) => {
          if (k < i || k >= i + m.count) return l;
          if (m.delta >= 0) return (m.tab ? '\t' : ' '.repeat(m.delta)) + l;
          return l.replace(new RegExp(`^ {0,${-m.delta}}`), '');
        })
        .join('');
    }
    case 'alias': {
      const out = lines.slice();
      const a = line(m.anchorLine);
      const b = line(m.aliasLine);
      const kv = /^(\s*(?:- )?[\w-]+:)[ \t]*(.*?)(\r?\n?)$/;
      out[a] = kv.test(out[a]) ? out[a].replace(kv, `$1 &${m.name} $2$3`) : out[a].replace(/(\r?\n?)$/, ` &${m.name}$1`);
      if (b !== a) out[b] = kv.test(out[b]) ? out[b].replace(kv, `$1 *${m.name}$3`) : out[b].replace(/(\r?\n?)$/, ` *${m.name}$1`);
      return out.join('');
    }
    case 'crlf':
      if (m.all) return text.replace(/\r?\n/g, '\r\n');
      return lines.map((l, k) => (k === line(m.line) ? l.replace(/\r?\n$/, '\r\n') : l)).join('');
    case 'char':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'edit-value': {
      const kvLines = lines.map((l, k) => (/^\s*(?:- )?[\w-]+:[ \t]*\S/.test(l) ? k : -1)).filter((k) => k >= 0);
      if (!kvLines.length) return text;
      const k = kvLines[m.line % kvLines.length];
      const out = lines.slice();
      out[k] = out[k].replace(/^(\s*(?:- )?[\w-]+:)[ \t]*(.*?)(\r?\n?)$/, `$1 ${m.value}$3`);
      return out.join('');
    }
    case 'dup-card':
    case 'delete-card': {
      const starts = cardStarts(lines);
      if (!starts.length) return text;
      const s = starts[m.card % starts.length];
      let e = s + 1;
      while (e < lines.length && /^ {4}|^\s*$/.test(lines[e]) && !/^ {2}- /.test(lines[e])) e++;
      const card = lines.slice(s, e);
      if (m.op === 'delete-card') return [...lines.slice(0, s), ...lines.slice(e)].join('');
      const to = starts[m.to % starts.length];
      return [...lines.slice(0, to), ...card, ...lines.slice(to)].join('');
    }
    case 'add-field': {
      // A field with a hostile name and value on a card, right after its first line.
      const starts = cardStarts(lines);
      if (!starts.length) return text;
      const s = starts[m.card % starts.length];
      const eol = lines[s].endsWith('\n') ? '' : '\n';
      return [...lines.slice(0, s + 1), `${eol}    ${m.key}: ${m.value}\n`, ...lines.slice(s + 1)].join('');
    }
    default:
      throw new Error(`unknown mutation ${m.op}`);
  }
}

/** The text of a case and the example it is compared with (diff, revalidate). */
export function caseText(c) {
  const base = EXAMPLES[c.base];
  if (c.kind === 'raw') return { text: c.text, base };
  if (c.kind === 'hostile') return { text: HOSTILE_CASES[c.hostile].text(), base };
  if (c.kind === 'text') return { text: textOf(c.desc), base };
  let text = base.text;
  for (const m of c.mutations) text = applyMutation(text, m);
  return { text, base };
}

/** The generator family of a case (a validation that hangs or crashes is quarantined by family). */
export function caseFamily(c) {
  if (c.kind === 'hostile') return `hostile/${c.name}`;
  if (c.kind !== 'text') return 'mutated';
  const d = c.desc;
  const detail = d.open ?? d.token;
  return detail === undefined ? `text/${d.gen}` : `text/${d.gen} ${JSON.stringify(detail)}`;
}

/** A short description of a case, for the report. */
export function caseRepr(c, max = 160) {
  const cut = (s) => (s.length > 40 ? `${JSON.stringify(s.slice(0, 40)).slice(0, -1)}..." (${s.length} chars)` : JSON.stringify(s));
  const short = (v) => JSON.stringify(v, (k, x) => (typeof x === 'string' && x.length > 40 ? `${x.slice(0, 40)}... (${x.length} chars)` : x));
  let desc;
  if (c.kind === 'raw') desc = `text (reduced; diffed with ${EXAMPLES[c.base].name})`;
  else if (c.kind === 'hostile') desc = `hostile corpus: ${c.name}`;
  else if (c.kind === 'text') desc = `text/${c.desc.gen} ${short(c.desc)}`;
  else desc = `${EXAMPLES[c.base].name} + ${c.mutations.map((m) => short(m)).join(' + ')}`;
  if (desc.length > max) desc = `${desc.slice(0, max)}...`;
  const { text } = caseText(c);
  return `${desc} => ${cut(text)}`;
}

// ---------------------------------------------------------------------------------------------
// The checks (worker side)

const PROVIDERS_BUNDLE = join(root, 'out', 'test', 'robustness', 'providers.cjs');

/** complete and hover from src/core, built like dist/core.js (which does not export them). Parent side. */
function buildProviders() {
  try {
    const esbuild = require('esbuild');
    const result = esbuild.buildSync({
      absWorkingDir: root,
      bundle: true,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      format: 'cjs',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      stdin: {
        contents: ["export { complete } from './src/core/completion/index';", "export { hover } from './src/core/hover';"].join('\n'),
        resolveDir: root,
        sourcefile: 'bench-robustness.ts',
        loader: 'ts',
      },
    });
    mkdirSync(dirname(PROVIDERS_BUNDLE), { recursive: true });
    // Written aside, then renamed: another run (the bench, the CI suite) may be loading it.
    const tmp = `${PROVIDERS_BUNDLE}.${process.pid}.tmp`;
    writeFileSync(tmp, result.outputFiles[0].text);
    renameSync(tmp, PROVIDERS_BUNDLE);
    return undefined;
  } catch (error) {
    return String(error.message ?? error).split('\n')[0];
  }
}

function loadApi(providerError) {
  const core = require(join(root, 'dist', 'core.js'));
  let providers;
  if (!providerError) {
    try {
      providers = require(PROVIDERS_BUNDLE);
    } catch (error) {
      providerError = String(error.message ?? error).split('\n')[0];
    }
  }
  // Our Markdown as GitHub would read it (markdown-it with raw HTML on, as GitHub allows some).
  let markdown;
  try {
    const MarkdownIt = require('markdown-it');
    markdown = new MarkdownIt({ html: true });
  } catch {
    // not installed: the raw-HTML check is skipped (reported by the parent as a note)
  }
  return { core, providers, providerError, markdown };
}

// The bare tags our Markdown writes itself (a line break in a table cell, a span that keeps `$`
// from starting math): no attributes, so they cannot carry anything from the user's text.
const OWN_HTML = /^<\/?(?:br|span|wbr)\s*\/?>$/i;

/** Raw HTML in Markdown that markdown-it passes through: every html_inline / html_block token but our own bare tags. */
function rawHtml(markdown, source) {
  const found = [];
  const walk = (tokens) => {
    for (const t of tokens) {
      if ((t.type === 'html_inline' || t.type === 'html_block') && !OWN_HTML.test(t.content.trim())) found.push(t.content.trim());
      if (t.children) walk(t.children);
    }
  };
  walk(markdown.parse(source, {}));
  return found;
}

// What must never reach a terminal or CI log raw (as core/visibleText.ts escapes): C0 controls but
// the line feed, DEL, C1 controls, line/paragraph separators, bidi controls, a BOM.
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
// Characters XML forbids (an SVG holding one is not a well-formed file).
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const showChar = (ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The checks on one case. Returns failures, total ms, the slowest call and whether revalidate took the incremental path. */
export function runChecks(api, c, baseResults, { mark = () => {}, skip = new Set() } = {}) {
  const { core, providers, markdown } = api;
  const { text, base } = caseText(c);
  const len = text.length;
  const budget = budgetOf(c);
  const failures = [];
  const calls = [];
  let total = 0;
  const fail = (check, kind, message) => failures.push({ check, kind, message: String(message).slice(0, 300) });
  const skipped = new Set();
  const timed = (name, fn, at) => {
    const where = at === undefined ? name : `${name}@${offsetKind(at, len)}`;
    if (skip.has(name) || skip.has(where)) {
      skipped.add(skip.has(name) ? name : where);
      return undefined;
    }
    mark(at === undefined ? name : `${name}@${at}`);
    const t0 = performance.now();
    let value;
    let threw = false;
    try {
      value = fn();
    } catch (error) {
      threw = true;
      const stack = String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ');
      fail(name, 'exception', stack);
    }
    const ms = performance.now() - t0;
    total += ms;
    calls.push([name, ms]);
    if (ms > budget) fail(name, 'slow', `${ms.toFixed(0)} ms on ${len} chars (limit ${budget} ms)`);
    return threw ? undefined : value;
  };
  const inText = (span) => span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= len;
  const spanCheck = (check, span, what = 'span') => {
    if (!inText(span)) fail(check, 'range', `${what} ${JSON.stringify(span && { start: span.start, end: span.end })} outside 0..${len}`);
  };

  // validateCanvas
  const v = timed('validateCanvas', () => core.validateCanvas(text));
  if (!v) return { failures, total, calls, len, skipped };
  if (!Array.isArray(v.diagnostics)) fail('validateCanvas', 'shape', 'diagnostics is not an array');
  for (const d of v.diagnostics ?? []) {
    spanCheck('validateCanvas', d, `diagnostic ${d.code}`);
    if (typeof d.message !== 'string' || !d.message.trim()) fail('validateCanvas', 'message', `empty message for ${d.code}`);
    if (!core.RULE_CODES.includes(d.code)) fail('validateCanvas', 'code', `unknown code ${d.code}`);
    if (!core.SEVERITIES.includes(d.severity)) fail('validateCanvas', 'severity', `unknown severity ${d.severity}`);
    if (/internal error/i.test(d.message ?? '')) fail('validateCanvas', 'internal-error', d.message);
  }

  // Offsets as VS Code gives them: never between \r and \n.
  const offsets = [0, len, ...c.offsets.map((p) => p % (len + 1))].map((o) => (o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o));

  // Editor providers
  if (providers) {
    for (const o of offsets) {
      const items = timed('complete', () => providers.complete(text, o, v.parsed, v.model), o);
      for (const item of items ?? []) {
        if (typeof item.label !== 'string' || !item.label) fail('complete', 'shape', 'empty label');
        if (typeof item.insertText !== 'string') fail('complete', 'shape', 'insertText is not a string');
        if (!inText(item.range)) {
          fail('complete', 'range', `item ${JSON.stringify(item.label)} range ${JSON.stringify(item.range)} outside 0..${len}`);
          continue;
        }
        if (item.range.start > o || item.range.end < o) fail('complete', 'cursor', `item ${JSON.stringify(item.label)} range ${item.range.start}-${item.range.end} does not contain the cursor ${o}`);
        else if (/\n/.test(text.slice(item.range.start, item.range.end))) fail('complete', 'multiline', `item ${JSON.stringify(item.label)} range ${item.range.start}-${item.range.end} spans lines`);
        // VS Code normalizes a document's line endings, so a lone \r reaches the core from other callers only.
        else if (/\r/.test(text.slice(item.range.start, item.range.end))) fail('complete', 'lone-cr', `item ${JSON.stringify(item.label)} range ${item.range.start}-${item.range.end} spans a lone \\r (a line break to VS Code)`);
      }
      const h = timed('hover', () => providers.hover(text, o, v.parsed, v.model), o);
      if (h) {
        spanCheck('hover', h.span);
        if (typeof h.contents !== 'string' || !h.contents) fail('hover', 'shape', 'empty contents');
      }
    }
  }
  if (v.model) {
    for (const o of offsets) {
      const def = timed('definition', () => core.definition(v.model, o), o);
      if (def) {
        spanCheck('definition', def.idSpan, 'idSpan');
        spanCheck('definition', def.cardSpan, 'cardSpan');
      }
      for (const s of timed('references', () => core.references(v.model, o, true), o) ?? []) spanCheck('references', s);
      for (const s of timed('highlights', () => core.highlights(v.model, o), o) ?? []) spanCheck('highlights', s);
      const pr = timed('prepareRename', () => core.prepareRename(v.model, o), o);
      if (pr && !('error' in pr)) spanCheck('prepareRename', pr.span);
    }
    const walk = (symbols) => {
      for (const s of symbols ?? []) {
        spanCheck('documentSymbols', s.span);
        spanCheck('documentSymbols', s.selectionSpan, 'selectionSpan');
        walk(s.children);
      }
    };
    walk(timed('documentSymbols', () => core.documentSymbols(v.model)));
    if (v.parsed) {
      for (const d of v.diagnostics.slice(0, 3)) {
        const fixes = timed('codeActions', () => core.codeActions(text, d, v.parsed, v.model)) ?? [];
        for (const fix of fixes) {
          for (const e of fix.edits) spanCheck('codeActions', e, 'edit');
          if (fix.edits.every(inText)) timed('applyEdits', () => core.applyEdits(text, fix.edits));
        }
      }
    }
  }

  // Diff against the example the case came from, both ways, and with itself.
  const baseResult = baseResults[c.base];
  for (const [name, a, b] of [
    ['diff old->new', baseResult.model, v.model],
    ['diff new->old', v.model, baseResult.model],
  ]) {
    const diff = timed(name, () => core.diffCanvases(a, b));
    if (diff) {
      const t = timed('diffToText', () => core.diffToText(diff));
      const m = timed('diffToMarkdown', () => core.diffToMarkdown(diff));
      if ((t !== undefined && typeof t !== 'string') || (m !== undefined && typeof m !== 'string')) fail(name, 'shape', 'diff text is not a string');
      // The text report goes to terminals and CI logs: no control character acts, no line forges an annotation.
      if (typeof t === 'string') {
        const bad = TERMINAL_UNSAFE.exec(t);
        if (bad) fail('diffToText', 'control-char', `raw ${showChar(bad[0])} at ${bad.index}: ${JSON.stringify(t.slice(Math.max(0, bad.index - 30), bad.index + 10))}`);
        const forged = /^::[a-z]/m.exec(t);
        if (forged) fail('diffToText', 'annotation', `a line starts a workflow command: ${JSON.stringify(t.slice(forged.index, forged.index + 60))}`);
      }
      // The Markdown report is posted as a PR comment: no raw HTML from user text.
      if (typeof m === 'string' && markdown) {
        const html = rawHtml(markdown, m);
        if (html.length) fail('diffToMarkdown', 'raw-html', `${html.length} raw HTML token(s), first ${JSON.stringify(html[0].slice(0, 80))}`);
      }
    }
  }
  const self = timed('diff self', () => core.diffCanvases(v.model, v.model));
  if (self && self.equal !== true) fail('diff self', 'not-equal', `a canvas diffed with itself: ${core.summaryLine(self)}`);

  // Render
  const view = timed('buildCanvasView', () => {
    const index = new core.LineIndex(text);
    return core.buildCanvasView(v, { lineOf: (o) => index.positionAt(o) });
  });
  if (view) {
    for (const [name, fn] of [
      ['renderHtml', () => core.renderHtml(view)],
      ['renderHtml main', () => core.renderHtml(view, { standalone: false })],
      ['renderSvg', () => core.renderSvg(view)],
      ['renderMarkdown', () => core.renderMarkdown(view)],
    ]) {
      const out = timed(name, fn);
      if (out === undefined) continue;
      if (typeof out !== 'string') fail(name, 'shape', 'not a string');
      else if (name !== 'renderMarkdown' && /<script/i.test(out)) fail(name, 'script', 'output holds <script');
      else if (name === 'renderMarkdown' && markdown) {
        const html = rawHtml(markdown, out);
        if (html.length) fail(name, 'raw-html', `${html.length} raw HTML token(s), first ${JSON.stringify(html[0].slice(0, 80))}`);
      } else if (name === 'renderSvg') {
        const bad = XML_INVALID.exec(out);
        if (bad) fail(name, 'xml-char', `${showChar(bad[0])} at ${bad.index}: not allowed in XML`);
      }
    }
  }

  // Incremental revalidation: equal diagnostics to a full validation.
  let incremental;
  if (typeof core.revalidateCanvas === 'function') {
    const prev = core.validateCanvas(base.text); // consumed by revalidateCanvas: a fresh one each time
    const prevDoc = prev.parsed?.doc;
    const r = timed('revalidateCanvas', () => core.revalidateCanvas(prev, text));
    if (r) {
      incremental = r.parsed?.doc !== undefined && r.parsed.doc === prevDoc;
      if (!isDeepStrictEqual(plainDiagnostics(r.diagnostics), plainDiagnostics(v.diagnostics))) {
        // Is it revalidateCanvas, or does validateCanvas itself answer differently a second time, or
        // called deeper in the stack (as revalidateCanvas calls it)?
        const again = core.validateCanvas(text);
        const deeper = atStackDepth(40, () => core.validateCanvas(text));
        const same = (x) => isDeepStrictEqual(plainDiagnostics(x.diagnostics), plainDiagnostics(v.diagnostics));
        if (!same(again) || !same(deeper)) {
          const other = same(again) ? deeper : again;
          fail('validateCanvas', 'nondeterministic', `same text, other diagnostics: ${firstDifference(other.diagnostics, v.diagnostics)}; ${same(again) ? 'when called 40 frames deeper' : 'when called a second time'}`);
        } else {
          fail('revalidateCanvas', 'mismatch', `${incremental ? 'incremental' : 'full'} path: ${firstDifference(r.diagnostics, v.diagnostics)}`);
        }
      }
    }
  }
  return { failures, total, calls, len, incremental, skipped };
}

/** A provider call's offset, as quarantined: the start, the end or inside the text. */
const offsetKind = (at, len) => (at === 0 ? 'start' : at === len ? 'end' : 'inside');

/** Calls `fn` under `depth` more stack frames. */
function atStackDepth(depth, fn) {
  return depth <= 0 ? fn() : atStackDepth(depth - 1, fn);
}

const plainDiagnostics = (list) => (list ?? []).map((d) => ({ ...d }));
function firstDifference(a, b) {
  const show = (d) => (d ? `${d.code} ${d.start}-${d.end} ${JSON.stringify(d.message.slice(0, 80))}` : 'none');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (!isDeepStrictEqual({ ...a[i] }, { ...b[i] })) return `diagnostic #${i}: ${show(a[i])} against ${show(b[i])} (${a.length} vs ${b.length} diagnostics)`;
  }
  return 'equal';
}

/** Delta debugging (ddmin) over lines, then characters: a smaller text on which `fails` still holds. */
function reduceText(text, fails, budget, deadline) {
  let calls = 0;
  const more = () => calls < budget && performance.now() < deadline;
  const ddmin = (parts) => {
    let n = 2;
    while (parts.length >= 2 && more()) {
      const chunk = Math.ceil(parts.length / n);
      let reduced = false;
      for (let i = 0; i < parts.length && more(); i += chunk) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)];
        calls++;
        if (candidate.length && fails(candidate.join(''))) {
          parts = candidate;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (n >= parts.length) break;
        n = Math.min(parts.length, n * 2);
      }
    }
    return parts.join('');
  };
  if (!fails(text)) return text;
  const byLines = ddmin(text.split(/(?<=\n)/));
  return byLines.length <= 4000 ? ddmin([...byLines]) : byLines;
}

/** Failures with the same check, kind and message up to quoted text and numbers count as one. */
const signatureOf = (f) => `${f.check}: ${f.kind}: ${f.message.replace(/"(?:[^"\\]|\\.)*"/g, 'S').replace(/\d+/g, 'N').slice(0, 80)}`;

// ---------------------------------------------------------------------------------------------
// Worker: runs cases [start, end) of the seeded sequence, reports by IPC; `progress` names the
// file that holds the case in flight (written synchronously, read by the parent after a crash).


async function worker() {
  const config = JSON.parse(process.env.CANVAS_ROBUSTNESS);
  const send = (message) => new Promise((done) => process.send(message, done));
  const api = loadApi(config.providerError);
  const baseResults = EXAMPLES.map((e) => api.core.validateCanvas(e.text));
  const fd = openSync(config.progress, 'w');
  // The case in flight and the call in it, overwritten in place (read by the parent after a crash or hang).
  let current = 0;
  const mark = (what) => writeSync(fd, `${current} ${what}`.padEnd(60), 0);
  const skip = new Set(config.skip ?? []);
  const skipFamilies = new Set(config.skipFamilies ?? []);
  const hooks = { mark, skip };

  if (config.mode === 'replay') {
    // One case, `times` times in this process (does it crash alone? on a second run?).
    const c = caseAt(config.seed, config.index);
    for (let k = 0; k < config.times; k++) {
      current = k;
      runChecks(api, c, baseResults, hooks);
    }
    await send({ type: 'replayed' });
    process.exit(0);
  }

  if (config.mode === 'shrink') {
    const results = [];
    for (const { index, signature } of config.targets) {
      let calls = 0;
      current = index;
      const deadline = performance.now() + SHRINK_MS / 2;
      const details = fc.check(
        fc.property(caseArbitrary, (x) => {
          if (++calls > 3000 || performance.now() > deadline) return true; // enough shrinking
          current = calls; // progress for the watchdog
          const r = runChecks(api, x, baseResults, hooks);
          return !r.failures.some((f) => signatureOf(f) === signature);
        }),
        { seed: config.seed, numRuns: 1, path: pathOf(index) },
      );
      if (details.failed) {
        const x = details.counterexample[0];
        // Then fewer lines, then fewer characters, while the same failure stays.
        const failsWith = (text) => {
          current = ++calls;
          return runChecks(api, { kind: 'raw', base: x.base, text, offsets: x.offsets }, baseResults, hooks).failures.some((y) => signatureOf(y) === signature);
        };
        const reduced = reduceText(caseText(x).text, failsWith, 1500, performance.now() + SHRINK_MS / 2);
        const r = runChecks(api, { kind: 'raw', base: x.base, text: reduced, offsets: x.offsets }, baseResults, hooks);
        const f = r.failures.find((y) => signatureOf(y) === signature);
        results.push({ index, signature, path: details.counterexamplePath, repr: caseRepr(x), text: reduced.slice(0, 400), textLength: reduced.length, failure: f, steps: calls });
      } else {
        results.push({ index, signature, path: pathOf(index), notReproduced: true });
      }
    }
    await send({ type: 'shrunk', results });
    process.exit(0);
  }

  // Warm-up: the examples themselves, untimed (and checked: they must pass too).
  const warm = [];
  for (let k = 0; k < 3; k++) {
    for (let b = 0; b < EXAMPLES.length; b++) {
      current = -1;
      const r = runChecks(api, { kind: 'mutated', base: b, mutations: [], offsets: [7, 101, 1003] }, baseResults, hooks);
      if (k === 0) for (const f of r.failures) warm.push({ example: EXAMPLES[b].name, ...f });
    }
  }
  await send({ type: 'hello', providerError: api.providerError, revalidate: typeof api.core.revalidateCanvas === 'function', markdown: Boolean(api.markdown), warmFailures: warm });

  const newBatch = () => ({ type: 'batch', ms: [], validateMs: [], failures: [], slowest: undefined, incremental: 0, revalidated: 0, sizes: 0, skipped: {}, skippedCases: 0, last: -1, slowestCall: undefined, corpusSlowestCall: undefined });
  let batch = newBatch();
  const flush = async () => {
    const b = batch;
    batch = newBatch();
    await send(b);
  };
  const pending = [];
  const one = (c, i) => {
      current = i;
      batch.last = i;
      if (skipFamilies.has(caseFamily(c))) {
        batch.skippedCases++;
        return true;
      }
      const r = runChecks(api, c, baseResults, hooks);
      for (const name of r.skipped) batch.skipped[name] = (batch.skipped[name] ?? 0) + 1;
      batch.last = i;
      batch.ms.push(r.total);
      batch.validateMs.push(r.calls.find((x) => x[0] === 'validateCanvas')?.[1] ?? NaN);
      batch.sizes += r.len;
      if (r.incremental !== undefined) {
        batch.revalidated++;
        if (r.incremental) batch.incremental++;
      }
      // The slowest call under the common budget (a corpus case with its own budget is judged by it).
      const slot = budgetOf(c) === CALL_BUDGET_MS ? 'slowestCall' : 'corpusSlowestCall';
      for (const [name, callMs] of r.calls) if (!batch[slot] || callMs > batch[slot].ms) batch[slot] = { index: i, name, ms: callMs, len: r.len, budget: budgetOf(c) };
      if (!batch.slowest || r.total > batch.slowest.ms) {
        const top = r.calls.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
        batch.slowest = { index: i, ms: r.total, len: r.len, call: top[0], callMs: top[1], repr: caseRepr(c) };
      }
      for (const f of r.failures) batch.failures.push({ index: i, ...f, signature: signatureOf(f), repr: caseRepr(c) });
      if (batch.ms.length + batch.skippedCases >= FLUSH_EVERY || c.kind === 'hostile') pending.push(flush());
  };
  // The corpus first (cases 0..CORPUS.length-1), then the seeded sequence.
  let index = config.start;
  for (; index < Math.min(config.end, CORPUS.length); index++) one(CORPUS[index], index);
  if (config.end > index) {
    fc.check(
      fc.property(caseArbitrary, (c) => {
        one(c, index++);
        return true;
      }),
      { seed: config.seed, numRuns: config.end - index, path: String(index - CORPUS.length) },
    );
  }
  await Promise.all(pending);
  await flush();
  closeSync(fd);
  await send({ type: 'done' });
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent

/**
 * Runs this file as a worker with `config`; resolves with its exit once it ends. A watchdog kills it
 * when the case in flight (the progress file) has not changed for HANG_MS.
 */
async function runWorker(config, onMessage) {
  writeFileSync(config.progress, '');
  const child = fork(here, ['--worker'], {
    env: { ...process.env, CANVAS_ROBUSTNESS: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  child.on('message', onMessage);
  let last;
  let since = performance.now();
  let hung = false;
  let limit = HANG_MS;
  const timer = setInterval(() => {
    let at;
    try {
      at = readFileSync(config.progress, 'utf8');
    } catch {
      at = '';
    }
    if (at !== last) {
      last = at;
      since = performance.now();
      // A big corpus case may take longer than HANG_MS per call: three times its budget.
      const index = Number.parseInt(at, 10);
      limit = config.mode === 'run' && index >= 0 && index < CORPUS.length ? Math.max(HANG_MS, 3 * budgetOf(CORPUS[index])) : HANG_MS;
    } else if (performance.now() - since > (at ? limit : STARTUP_MS)) {
      hung = true;
      child.kill('SIGKILL');
    }
  }, 500);
  const exit = await new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  clearInterval(timer);
  return { ...exit, hung, hangMs: limit, stderr };
}

// Fresh-process probes: inputs validated in a new process, as the CLI or a new extension host
// would. The seeded run reuses one warm worker, where some failures do not show (a regular
// expression compiled natively before the deep recursion cannot fail to compile inside it).
export const FRESH_PROBES = [
  { name: "'[' x 1000", expr: "'['.repeat(1000)", times: 2 },
  { name: "'[' x 1000 in a canvas value", expr: "'customer-segments:\\n  - id: a\\n    name: ' + '['.repeat(1000)", times: 2 },
  { name: "'- ' x 5000", expr: "'- '.repeat(5000) + 'a'", times: 2 },
  { name: "'{' x 200", expr: "'{'.repeat(200)", times: 1 },
  { name: "'{' x 300", expr: "'{'.repeat(300)", times: 1 },
  { name: "'? ' x 300", expr: "'? '.repeat(300) + 'a'", times: 1 },
  ...HOSTILE_PROBES,
];
const PROBE_TIMEOUT_MS = 30_000;

function runFreshProbes() {
  const core = join(root, 'dist', 'core.js');
  return FRESH_PROBES.map((probe) => {
    const script = [
      `const core = require(${JSON.stringify(core)});`,
      `const text = ${probe.expr};`,
      // The plain twin first (it also warms the core up: the probe is then judged against it).
      probe.plainExpr ? `{ const plain = ${probe.plainExpr}; core.validateCanvas(plain); const t0 = performance.now(); core.validateCanvas(plain); process.stdout.write(JSON.stringify({ plainMs: performance.now() - t0 }) + '\\n'); }` : '',
      `for (let i = 0; i < ${probe.times}; i++) { const t0 = performance.now(); const r = core.validateCanvas(text); process.stdout.write(JSON.stringify({ ms: performance.now() - t0, diagnostics: r.diagnostics.length }) + '\\n'); }`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS, maxBuffer: 1 << 20 });
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const plainMs = lines.find((x) => x.plainMs !== undefined)?.plainMs;
    const runs = lines.filter((x) => x.ms !== undefined);
    const limit = Math.max(probe.budgetMs ?? CALL_BUDGET_MS, plainMs === undefined ? 0 : PROBE_RATIO * plainMs);
    const twin = plainMs === undefined ? '' : `; plain twin ${plainMs.toFixed(0)} ms`;
    const fatal = (r.stderr ?? '').split('\n').find((l) => /FATAL|Error/.test(l))?.trim();
    let outcome;
    if (r.error?.code === 'ETIMEDOUT' || (r.signal === 'SIGTERM' && runs.length < probe.times)) outcome = { kind: 'hang', detail: `no answer in ${PROBE_TIMEOUT_MS / 1000} s` };
    else if (r.status !== 0) outcome = { kind: 'crash', detail: `run ${runs.length + 1} of ${probe.times}: exit ${r.status ?? r.signal}: ${fatal ?? ''}` };
    else if (runs.some((x) => x.ms > limit)) outcome = { kind: 'slow', detail: `validateCanvas ${runs.map((x) => x.ms.toFixed(0)).join(', ')} ms (limit ${limit.toFixed(0)} ms${twin})` };
    else outcome = { kind: 'ok', detail: `validateCanvas ${runs.map((x) => x.ms.toFixed(0)).join(', ')} ms${twin}` };
    return { ...probe, ...outcome };
  });
}

/** The case in flight and the call in it, as the worker last wrote them. */
function readProgress(file) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    // none yet
  }
  const [index, call = ''] = text.split(' ');
  return { index: Number.parseInt(index, 10), call };
}

/** Case `index` of a run: a corpus case, or seeded case `index - CORPUS.length` (fast-check path). */
export function caseAt(seed, index) {
  if (index < CORPUS.length) return CORPUS[index];
  let c;
  fc.check(fc.property(caseArbitrary, (x) => ((c = x), true)), { seed, numRuns: 1, path: String(index - CORPUS.length) });
  return c;
}

/** The fast-check path of a seeded case, for reports ("" for a corpus case). */
const pathOf = (index) => (index >= CORPUS.length ? String(index - CORPUS.length) : '');

/**
 * Runs `cases` seeded cases through the core in a child process (restarted after a crash or a
 * hang). Returns counts, failures (first of each signature, shrunk for the first five), per-case
 * timing percentiles, the slowest case and how often revalidateCanvas took its incremental path.
 * A call other than validateCanvas that hangs or crashes QUARANTINE_AFTER times is skipped for
 * the rest of the run (reported), so a frequent hang does not cost HANG_MS per case.
 * @param {{ cases?: number, quick?: boolean, seed?: number, log?: (line: string) => void }} [options]
 */
export async function runRobustness({ cases, quick = false, seed = DEFAULT_SEED, log = () => {} } = {}) {
  const seeded = cases ?? (quick ? QUICK_CASES : DEFAULT_CASES);
  const total = CORPUS.length + seeded; // the hostile corpus first, then the seeded cases
  let corpusSlowestCall;
  const tmp = mkdtempSync(join(os.tmpdir(), 'canvas-robustness-'));
  const progress = join(tmp, 'progress');
  const started = performance.now();
  const providerError = buildProviders();
  const ms = [];
  const validateMs = [];
  const failures = [];
  const bySignature = new Map();
  const crashes = [];
  const skippedCalls = {};
  const processFailuresByCall = new Map();
  const quarantined = [];
  const quarantinedFamilies = [];
  let skippedCases = 0;
  let slowest;
  let slowestCall;
  let revalidated = 0;
  let incremental = 0;
  let chars = 0;
  let info;
  let start = 0;
  let casesRun = 0;
  let lastLog = 0;
  let restarts = 0;

  // Every failure of a corpus case, by case (a signature lists only its first case).
  const corpusFailures = CORPUS.map(() => []);
  const record = (f) => {
    if (f.index >= 0 && f.index < CORPUS.length) corpusFailures[f.index].push(`${f.check} ${f.kind}: ${f.message}`);
    const entry = bySignature.get(f.signature);
    if (entry) entry.count++;
    else {
      bySignature.set(f.signature, { count: 1, first: f });
      failures.push(f);
    }
  };

  try {
    while (start < total) {
      let done = false;
      let last = start - 1;
      const exit = await runWorker({ mode: 'run', seed, start, end: total, progress, providerError, skip: quarantined, skipFamilies: quarantinedFamilies }, (m) => {
        if (m.type === 'hello') info ??= m;
        if (m.type === 'batch') {
          ms.push(...m.ms);
          validateMs.push(...m.validateMs);
          chars += m.sizes;
          revalidated += m.revalidated;
          incremental += m.incremental;
          for (const [k, n] of Object.entries(m.skipped)) skippedCalls[k] = (skippedCalls[k] ?? 0) + n;
          skippedCases += m.skippedCases;
          if (m.last >= 0) last = m.last;
          if (m.slowest && (!slowest || m.slowest.ms > slowest.ms)) slowest = m.slowest;
          if (m.slowestCall && (!slowestCall || m.slowestCall.ms > slowestCall.ms)) slowestCall = m.slowestCall;
          if (m.corpusSlowestCall && (!corpusSlowestCall || m.corpusSlowestCall.ms > corpusSlowestCall.ms)) corpusSlowestCall = m.corpusSlowestCall;
          for (const f of m.failures) record(f);
          if (ms.length - lastLog >= 1000) {
            lastLog = ms.length;
            log(`  ${ms.length} cases timed, ${bySignature.size} failure signature(s), ${((performance.now() - started) / 1000).toFixed(0)} s`);
          }
        }
        if (m.type === 'done') done = true;
      });
      if (done) {
        casesRun += total - start;
        break;
      }
      // A crash or a hang: the progress file names the case and the call in flight.
      const at = readProgress(progress);
      const index = Number.isFinite(at.index) && at.index >= start ? at.index : last + 1;
      casesRun += index - start + 1;
      const c = caseAt(seed, index);
      const [callName, offset] = at.call.split('@');
      const call = callName || 'worker start-up';
      // A provider is quarantined at that kind of offset only (e.g. complete@start).
      const where = offset === undefined ? call : `${call}@${offsetKind(Number(offset), caseText(c).text.length)}`;
      const fatal = exit.stderr.split('\n').find((l) => /FATAL|Error/.test(l)) ?? exit.stderr.trim().split('\n').pop() ?? '';
      const failure = {
        index,
        check: call,
        kind: exit.hung ? 'hang' : 'crash',
        message: exit.hung
          ? `${at.call}: no progress for ${exit.hangMs / 1000} s`
          : `${at.call}: exit ${exit.code ?? ''}${exit.signal ? ` signal ${exit.signal}` : ''}: ${fatal.trim().slice(0, 200)}`,
        repr: caseRepr(c),
        process: true,
      };
      failure.signature = `${failure.check}: ${failure.kind}: ${failure.message.replace(/@\d+/, '').replace(/\d+/g, 'N').slice(0, 80)}`;
      crashes.push(failure);
      record(failure);
      restarts++;
      log(`  case ${index}: ${failure.kind} in ${at.call} (${fatal.trim().slice(0, 80)}); restarting after it`);
      // Quarantine: a validation that keeps failing on one text family skips that family; any other
      // call that keeps failing is skipped (mutated examples are never skipped).
      const validation = call === 'validateCanvas' || call === 'revalidateCanvas';
      const family = caseFamily(c);
      const key = validation ? family : where;
      processFailuresByCall.set(key, (processFailuresByCall.get(key) ?? 0) + 1);
      if (processFailuresByCall.get(key) >= QUARANTINE_AFTER && call !== 'worker start-up') {
        if (validation && family !== 'mutated' && !quarantinedFamilies.includes(family)) {
          quarantinedFamilies.push(family);
          log(`  ${family}: ${call} failed ${QUARANTINE_AFTER} times on it, these cases are skipped from now on`);
        } else if (!validation && !quarantined.includes(where)) {
          quarantined.push(where);
          log(`  ${where}: ${QUARANTINE_AFTER} ${failure.kind}s, skipped from now on`);
        }
      }
      if (restarts >= MAX_RESTARTS) {
        log(`  stopping: ${MAX_RESTARTS} restarts`);
        start = index + 1;
        break;
      }
      start = index + 1;
    }
    const runMs = performance.now() - started;
    log('  fresh-process probes...');
    const fresh = runFreshProbes();

    // Crashes and hangs: does the case fail alone, on a first or only on a second run in one process?
    for (const crash of crashes.filter((x, i, all) => all.findIndex((y) => y.signature === x.signature) === i).slice(0, 3)) {
      const exit = await runWorker({ mode: 'replay', seed, index: crash.index, times: 2, progress, providerError }, () => {});
      const at = readProgress(progress);
      const run = Number.isFinite(at.index) ? `on run ${at.index + 1} of 2, in ${at.call}` : '';
      crash.replay = exit.code === 0 && !exit.signal ? 'runs fine alone, twice in one process' : exit.hung ? `hangs when run alone, ${run}` : `crashes when run alone, ${run}`;
    }

    // Shrink the first signatures (not crashes, hangs or timing: those do not replay in one process).
    const targets = failures
      .filter((f) => !f.process && f.kind !== 'slow' && f.index >= CORPUS.length)
      .slice(0, SHRINK_SIGNATURES)
      .map((f) => ({ index: f.index, signature: f.signature }));
    if (targets.length) {
      log(`  shrinking ${targets.length} failure signature(s)...`);
      for (const target of targets) {
        // One process per failure, with its own call let out of quarantine (a candidate may then hang).
        const check = target.signature.split(':')[0];
        let shrunk;
        const exit = await runWorker({ mode: 'shrink', seed, targets: [target], progress, providerError, skip: quarantined.filter((q) => q.split('@')[0] !== check) }, (m) => {
          if (m.type === 'shrunk') shrunk = m.results[0];
        });
        const f = failures.find((y) => y.signature === target.signature);
        if (shrunk) f.shrunk = shrunk;
        else f.shrinkError = `shrinking stopped: ${exit.hung ? 'a candidate hung' : `the process ended (${exit.code ?? exit.signal})`}`;
      }
    }
    for (const f of failures) f.count = bySignature.get(f.signature).count;

    const sorted = ms.slice().sort((a, b) => a - b);
    const vSorted = validateMs.filter(Number.isFinite).sort((a, b) => a - b);
    return {
      seed,
      cases: casesRun,
      requested: total,
      corpus: CORPUS.length,
      /** Per corpus case: its name and every failure it had ("check kind: message"). */
      corpusResults: CORPUS.map((c, i) => ({ name: c.name, failures: corpusFailures[i] })),
      seeded,
      markdown: info?.markdown ?? false,
      timed: ms.length,
      examples: EXAMPLES.map((e) => e.name),
      providers: providerError ? `not checked: ${providerError}` : 'complete, hover (out/test/robustness/providers.cjs)',
      revalidate: info?.revalidate ?? false,
      revalidated,
      incremental,
      warmFailures: info?.warmFailures ?? [],
      failures,
      failureCount: [...bySignature.values()].reduce((a, b) => a + b.count, 0),
      fresh,
      crashes: crashes.length,
      quarantined: quarantined.map((call) => ({ call, casesSkipped: skippedCalls[call] ?? 0 })),
      quarantinedFamilies,
      skippedCases,
      maxMs: sorted[sorted.length - 1] ?? NaN,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      validate: { p50: quantile(vSorted, 0.5), p99: quantile(vSorted, 0.99), max: vSorted[vSorted.length - 1] ?? NaN },
      meanChars: ms.length ? chars / ms.length : NaN,
      /** The slowest single call of the timed cases ({ index, name, ms, len }); calls killed as hangs are failures instead. */
      slowestCall,
      maxCallMs: slowestCall?.ms ?? NaN,
      /** The slowest call of the corpus cases with a budget of their own (judged by it: over it is a failure). */
      corpusSlowestCall,
      slowest,
      runSeconds: runMs / 1000,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const f2 = (v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : '-');

export function formatRobustness(result) {
  const out = [];
  out.push(`Robustness: ${result.cases} cases (${result.corpus} of the hostile corpus, then ${result.seeded} seeded)${result.skippedCases ? ` (${result.skippedCases} of them skipped by quarantine, see below)` : ''} through dist/core.js (fast-check seed ${result.seed}; reproduce: node test/robustness/robustness.mjs --seed ${result.seed} --cases ${result.seeded})`);
  out.push(`  corpus (hostile.mjs): 40,000 aliases, error-heavy files, billion laughs, Markdown- and terminal-hostile names/keys/values, UTF-16, lone CRs, BOMs, huge lines.`);
  out.push(`  generators: arbitrary text (unicode, code units, YAML token soup, canvas-shaped soup, long lines, deep nesting, alias bombs) and`);
  out.push(`  ${result.examples.length} examples with 1-5 mutations; mean case ${f2(result.meanChars / 1024)} KB. providers: ${result.providers}. revalidateCanvas: ${result.revalidate ? `checked against validateCanvas in ${result.revalidated} cases (incremental path taken in ${result.incremental})` : 'not exported by dist/core.js, not checked'}.`);
  out.push(`  time per case (all checks; ${result.timed} cases timed): p50 ${f2(result.p50)} ms, p99 ${f2(result.p99)} ms, max ${f2(result.maxMs)} ms; validateCanvas alone: p50 ${f2(result.validate.p50)} ms, p99 ${f2(result.validate.p99)} ms, max ${f2(result.validate.max)} ms; run ${result.runSeconds.toFixed(0)} s`);
  if (result.slowest) {
    const s = result.slowest;
    out.push(`  slowest case: #${s.index}, ${f2(s.ms)} ms for ${s.len} chars (slowest call ${s.call} ${f2(s.callMs)} ms): ${s.repr}`);
  }
  if (result.slowestCall) out.push(`  slowest single call: ${result.slowestCall.name} ${f2(result.slowestCall.ms)} ms, case #${result.slowestCall.index} (${result.slowestCall.len} chars)`);
  if (result.corpusSlowestCall) {
    const s = result.corpusSlowestCall;
    out.push(`  slowest call of the big corpus cases (budget of their own): ${s.name} ${f2(s.ms)} ms (limit ${s.budget} ms), case #${s.index} (${s.len} chars): ${CORPUS[s.index]?.name}`);
  }
  if (!result.markdown) out.push('  NOTE markdown-it not installed: the raw-HTML check of our Markdown was skipped');
  if (result.warmFailures.length) out.push(`  the unmutated examples fail: ${result.warmFailures.map((f) => `${f.example} ${f.check} ${f.kind}: ${f.message}`).join('; ')}`);
  out.push(`  failures: ${result.failureCount} in ${result.failures.length} signature(s)${result.crashes ? `, of which ${result.crashes} killed the worker process (crash or hang; restarted after the case)` : ''}${result.cases < result.requested ? `; ${result.requested - result.cases} cases not run` : ''}`);
  for (const q of result.quarantined) out.push(`  ${q.call} hung or crashed ${QUARANTINE_AFTER} times: skipped from then on (in ${q.casesSkipped} cases)`);
  if (result.quarantinedFamilies.length) out.push(`  validation hung or crashed ${QUARANTINE_AFTER} times on ${result.quarantinedFamilies.join(', ')}: those cases skipped from then on (${result.skippedCases} cases)`);
  for (const f of result.failures.slice(0, 5)) {
    const where = f.index < (result.corpus ?? 0) ? `the hostile corpus, ${CORPUS[f.index].name}` : `seed ${result.seed}, path "${f.index - (result.corpus ?? 0)}"`;
    out.push(`  - ${f.check} ${f.kind} (x${f.count}), first at case #${f.index} (${where}): ${f.message}`);
    out.push(`      input: ${f.repr}`);
    if (f.replay) out.push(`      replay: ${f.replay}`);
    if (f.shrunk?.notReproduced) out.push('      shrink: did not reproduce in a fresh process');
    else if (f.shrunk) {
      out.push(`      shrunk (path "${f.shrunk.path}", ${f.shrunk.steps} runs): ${f.shrunk.failure?.message ?? '(the shrunk case did not fail again when re-run: flaky)'}`);
      out.push(`      minimal input (${f.shrunk.textLength} chars): ${JSON.stringify(f.shrunk.text).slice(0, 300)}`);
      out.push(`      as a case: ${f.shrunk.repr}`);
    }
    if (f.shrinkError) out.push(`      shrink: ${f.shrinkError}`);
  }
  for (const f of result.failures.slice(5)) {
    out.push(`  - ${f.check} ${f.kind} (x${f.count}), first at case #${f.index}: ${f.message.slice(0, 160)}`);
    if (f.shrunk && !f.shrunk.notReproduced) out.push(`      minimal input (${f.shrunk.textLength} chars): ${JSON.stringify(f.shrunk.text).slice(0, 300)}`);
  }
  out.push(`  fresh-process probes (validateCanvas in a new node process, ${PROBE_TIMEOUT_MS / 1000} s limit):`);
  for (const p of result.fresh) out.push(`    ${p.kind === 'ok' ? 'PASS' : 'FAIL'}  ${p.name}${p.times > 1 ? `, ${p.times} times` : ''}: ${p.kind === 'ok' ? '' : `${p.kind}: `}${p.detail}`);
  const freshFailed = result.fresh.filter((p) => p.kind !== 'ok').length;
  const pass = result.failureCount === 0 && freshFailed === 0 && result.cases === result.requested && !result.skippedCases;
  out.push(`VERDICT robustness: ${pass ? 'PASS' : 'FAIL'}: ${result.cases} cases, ${result.failureCount} failures in ${result.failures.length} signature(s), fresh-process probes ${result.fresh.length - freshFailed}/${result.fresh.length} PASS, max ${f2(result.maxMs)} ms per case, slowest call ${f2(result.maxCallMs)} ms (limit ${CALL_BUDGET_MS} ms per call; hangs are failures).`);
  return out.join('\n');
}

if (process.argv.includes('--worker')) {
  worker().catch((error) => {
    process.stderr.write(`worker error: ${error?.stack ?? error}\n`);
    process.exit(2);
  });
} else if (process.argv[1] && resolve(process.argv[1]) === here) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const quick = process.argv.includes('--quick');
  const cases = arg('--cases') ? Number(arg('--cases')) : undefined;
  const seed = arg('--seed') ? Number(arg('--seed')) : DEFAULT_SEED;
  if (arg('--show') !== undefined) {
    // One case of the sequence: its description, then its text as a JSON string.
    const c = caseAt(seed, Number(arg('--show')));
    console.log(caseRepr(c, 4000));
    console.log(JSON.stringify(caseText(c).text));
    process.exit(0);
  }
  process.stderr.write(`robustness: seed ${seed}, ${cases ?? (quick ? QUICK_CASES : DEFAULT_CASES)} cases\n`);
  const result = await runRobustness({ cases, quick, seed, log: (line) => process.stderr.write(`${line}\n`) });
  console.log(formatRobustness(result));
}
