/**
 * Property test of `validate --fix` in the core (issue 13, item 4): for every fixture (the examples,
 * the test fixtures, the quick-fix snippets) and seeded mutations of them (the mutation generators
 * of codeActionsProperty.test.ts, copied: that file registers tests and cannot be imported), in LF,
 * CRLF and CR, with and without a BOM:
 *
 * 1. each fixed problem is gone: per (code, message template, line), fewer problems are left by at
 *    least the number of fixes applied there (one round, so lines are those of the input; the safe
 *    fixes never add or remove a line);
 * 2. no error appears that was not there before: per (code, message template), no more errors;
 * 3. the text outside the fixed lines is byte for byte the same, BOM and line breaks included;
 * 4. a second run is a no-op (also after the full, multi-round run).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixAll, LineIndex, validateCanvas } from '../../src/core';
import type { CanvasDiagnostic } from '../../src/core';
import { SNIPPETS } from './codeActionSnippets';

const ROOT = join(__dirname, '../../..');

function canvasFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? canvasFiles(join(dir, entry.name)) : entry.name.endsWith('.canvas.yaml') ? [join(dir, entry.name)] : []))
    .sort();
}

const FILES = [...canvasFiles(join(ROOT, 'examples')), ...canvasFiles(join(ROOT, 'test/fixtures'))];
const CORPUS: { name: string; text: string }[] = [
  ...FILES.map((file) => ({ name: file.slice(ROOT.length + 1), text: readFileSync(file, 'utf8') })),
  ...SNIPPETS.map((text, i) => ({ name: `snippet ${i}`, text })),
];

// ---------------------------------------------------------------------------------------------
// Mutations: the mistakes people make, and the forms a file can take

type Mutation = (text: string, a: number, b: number) => string;

function replaceNth(text: string, pattern: RegExp, n: number, replace: (m: RegExpExecArray) => string | undefined): string {
  const all = [...text.matchAll(pattern)];
  if (!all.length) return text;
  const m = all[n % all.length];
  const by = replace(m);
  return by === undefined ? text : text.slice(0, m.index) + by + text.slice(m.index + m[0].length);
}

function typo(word: string, n: number): string {
  const i = n % word.length;
  switch ((n >> 4) % 3) {
    case 0:
      return word.length > 2 ? word.slice(0, i) + word.slice(i + 1) : word + 'x';
    case 1:
      return i + 1 < word.length && word[i] !== word[i + 1] ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word + word[i];
    default:
      return word.slice(0, i) + word[i] + word.slice(i);
  }
}

function notKebab(id: string, n: number): string {
  switch (n % 5) {
    case 0:
      return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    case 1:
      return id.toUpperCase();
    case 2:
      return id.replace(/-/g, '_') + '_x';
    case 3:
      return '"' + id + ' 2"';
    default:
      return '고객-' + id;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const REFERENCE_FIELDS = '(?:segments|channels|linked|partners|resources|activities|streams|value-propositions)';

const MUTATIONS: Record<string, Mutation> = {
  enumTypo: (t, a, b) => replaceNth(t, /(\b(?:type|status|canvas|basis|phases|color)\b: *\[?)([a-z][a-z-]{2,})/g, a, (m) => m[1] + typo(m[2], b)),
  keyTypo: (t, a, b) => replaceNth(t, /(^|\n)( *(?:- +)?)([a-z][a-z-]{2,})(:)/g, a, (m) => m[1] + m[2] + typo(m[3], b) + m[4]),
  unknownKey: (t, a, b) => replaceNth(t, /\n( +)(name: [^\n]*)/g, a, (m) => `\n${m[1]}${m[2]}\n${m[1]}${['colour: red', 'x-note: ok', 'tpye: niche-market', 'segmnets: [x]'][b % 4]}`),
  idNotKebab: (t, a, b) => {
    let id = '';
    let next = replaceNth(t, /(\bid: *)([a-z0-9][a-z0-9-]*)/g, a, (m) => {
      id = m[2];
      return m[1] + notKebab(m[2], b);
    });
    if (id && (b >> 3) % 2) {
      // The references follow (written the same way): the kebab-case fix must keep them resolving.
      const written = notKebab(id, b);
      next = next.replace(new RegExp(`(?<=[\\[,] *|\\n +- +)${escapeRegExp(id)}(?= *[\\],\\n#])`, 'g'), written);
    }
    return next;
  },
  referenceNotKebab: (t, a, b) =>
    replaceNth(t, new RegExp(`(\\b${REFERENCE_FIELDS}: *\\[ *(?:[a-z0-9-]+, *)*)([a-z0-9][a-z0-9-]*)`, 'g'), a, (m) => m[1] + notKebab(m[2], b)),
  unknownReference: (t, a, b) =>
    replaceNth(t, new RegExp(`(\\b${REFERENCE_FIELDS}: *\\[ *)([a-z0-9][a-z0-9-]*)`, 'g'), a, (m) => m[1] + (b % 2 ? typo(m[2], b) : 'ghost')),
  scalarForList: (t, a, b) =>
    replaceNth(t, /(\b[a-z-]+: *)\[([^[\]{}\n]+)\]/g, a, (m) => m[1] + (b % 3 === 0 ? `"${m[2].trim()}"` : b % 3 === 1 ? m[2].split(',')[0].trim() : m[2].trim())),
  textForScalar: (t, a, b) => replaceNth(t, /(\b(?:id|name|title): )[^\n#]+/g, a, (m) => m[1] + ['2024', 'true', '~', '3.5'][b % 4]),
  missingName: (t, a) => replaceNth(t, /\n +name: [^\n]*(?=\n)/g, a, () => ''),
  duplicateId: (t, a, b) => {
    const ids = [...t.matchAll(/\bid: *([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1]);
    if (ids.length < 2) return t;
    return replaceNth(t, /(\bid: *)([a-z0-9][a-z0-9-]*)/g, a, (m) => m[1] + ids[b % ids.length]);
  },
  missingBlock: (t, a) => {
    const starts = [...t.matchAll(/^[a-z][a-z-]*:/gm)].map((m) => m.index);
    if (starts.length < 3) return t;
    const i = 2 + (a % (starts.length - 2));
    return t.slice(0, starts[i]) + (i + 1 < starts.length ? t.slice(starts[i + 1]) : '');
  },
  emptyBlock: (t, a, b) => replaceNth(t, /^([a-z][a-z-]*:) *\[[^\n]*\]/gm, a, (m) => m[1] + ['', ' []', ' ~', ' null   # later', '   # 나중에'][b % 5]),
  anchorAlias: (t, a, b) => {
    const pattern = b % 2 ? /(\b(?:segments|channels|linked|tags|type): *)(\[[^\]\n]*\]|[a-z][a-z-]+)/g : /^([a-z][a-z-]*: *)(\[[^\]\n]*\])/gm;
    const all = [...t.matchAll(pattern)];
    if (all.length < 2) return t;
    const i = a % (all.length - 1);
    const j = i + 1 + ((a >> 3) % (all.length - 1 - i));
    const [first, second] = [all[i], all[j]];
    const aliasAt = second.index + second[1].length;
    const anchorAt = first.index + first[1].length;
    return t.slice(0, anchorAt) + '&a1 ' + t.slice(anchorAt, aliasAt) + '*a1' + t.slice(aliasAt + second[2].length);
  },
  anchorBlockList: (t, a) => {
    // An anchored block list of references, and another card's field aliasing it.
    const lists = [...t.matchAll(/(\n( *)segments:)((?:\n\2 +- [^\n]+)+)/g)];
    const flows = [...t.matchAll(/(\n *segments: *)(\[[^\]\n]*\])/g)];
    if (!lists.length || !flows.length) return t;
    const list = lists[a % lists.length];
    const flow = flows[(a >> 2) % flows.length];
    const edits = [
      { at: list.index + list[1].length, remove: 0, text: ' &a2' },
      { at: flow.index + flow[1].length, remove: flow[2].length, text: '*a2' },
    ].sort((x, y) => y.at - x.at);
    return edits.reduce((s, e) => s.slice(0, e.at) + e.text + s.slice(e.at + e.remove), t);
  },
  flowToBlock: (t, a) =>
    replaceNth(t, /\n( *)(- +)?([a-z-]+): *\[([^[\]{}\n"']+)\]/g, a, (m) => {
      const column = m[1].length + (m[2]?.length ?? 0);
      const items = m[4].split(',').map((s) => s.trim()).filter(Boolean);
      if (!items.length) return undefined;
      return `\n${m[1]}${m[2] ?? ''}${m[3]}:` + items.map((item) => `\n${' '.repeat(column + 2)}- ${item}`).join('');
    }),
  blockToFlow: (t, a) =>
    replaceNth(t, /\n( *)(- +)?([a-z-]+):((?:\n *- [^\n:#{}[\],]+)+)(?=\n|$)/g, a, (m) => {
      const items = m[4].split('\n').filter(Boolean).map((line) => line.replace(/^ *- /, '').trim());
      return `\n${m[1]}${m[2] ?? ''}${m[3]}: [${items.join(', ')}]`;
    }),
  comment: (t, a, b) => replaceNth(t, /\n([^\n#|>]*[^\s|>#])(?=\n)/g, a, (m) => `\n${m[1]}${['   # 메모', '\t# tab\tcomment', ' # c', '  #'][b % 4]}`),
  korean: (t, a, b) => replaceNth(t, /(\bname: *)([^\n#]+)/g, a, (m) => m[1] + ['고객 세그먼트', '"한국어: 이름"', '빠른 픽업 🚕'][b % 3]),
  platform: (t, a) => replaceNth(t, /\btype: mass-market\b/g, a, () => 'type: multi-sided-platform'),
  dropSegments: (t, a) => replaceNth(t, /\n +segments: *\[[^\n]*\](?=\n)/g, a, () => ''),
  sticky: (t, a) => replaceNth(t, /\n( *)- name: ([A-Za-z][^\n#:]*)(?=\n\1  [a-z])/g, a, (m) => `\n${m[1]}- ${m[2]}\n${m[1]}- name: ${m[2]} too`),
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

interface Encoding {
  bom: boolean;
  eol: 'lf' | 'crlf' | 'cr';
}

function encode(text: string, { bom, eol }: Encoding): string {
  const lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = eol === 'crlf' ? lf.replace(/\n/g, '\r\n') : eol === 'cr' ? lf.replace(/\n/g, '\r') : lf;
  return (bom ? '\uFEFF' : '') + lines;
}

function mutate(text: string, mutations: [number, number, number][], encoding: Encoding): string {
  let lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  for (const [kind, a, b] of mutations) lf = MUTATIONS[MUTATION_NAMES[kind % MUTATION_NAMES.length]](lf, a, b);
  return encode(lf, encoding);
}

const describeMutations = (mutations: [number, number, number][]) => mutations.map(([k, a, b]) => `${MUTATION_NAMES[k % MUTATION_NAMES.length]}(${a},${b})`).join(', ');

// ---------------------------------------------------------------------------------------------

// The --fix properties

/** Lines of a text with their line breaks (LF, CRLF or lone CR), as validate counts them. */
function lines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

const key = (d: CanvasDiagnostic) => `${d.code}|${d.template}`;

function countBy<T>(items: readonly T[], by: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(by(item), (counts.get(by(item)) ?? 0) + 1);
  return counts;
}

/** The problems of the --fix contract for one text; [] when it holds. */
function checkFixAll(text: string): string[] {
  const problems: string[] = [];
  const before = validateCanvas(text);
  const once = fixAll(text, { maxPasses: 1 });
  if (!once.applied.length) {
    if (once.text !== text) problems.push('text changed with nothing applied');
  } else {
    const after = once.remaining;
    const lineOf = (t: string) => {
      const index = new LineIndex(t.replace(/\r(?!\n)/g, '\n'));
      return (d: CanvasDiagnostic) => index.positionAt(d.start).line + 1;
    };
    const [lineBefore, lineAfter] = [lineOf(text), lineOf(once.text)];
    // 1. Each fixed problem is gone.
    const fixedAt = countBy(once.applied, (a) => {
      const d = before.diagnostics.find((b) => b.code === a.code && lineBefore(b) === a.line && new LineIndex(text.replace(/\r(?!\n)/g, '\n')).positionAt(b.start).character + 1 === a.column);
      return d ? `${key(d)}|${a.line}` : `unknown ${a.code} at ${a.line}:${a.column}`;
    });
    const beforeAt = countBy(before.diagnostics, (d) => `${key(d)}|${lineBefore(d)}`);
    const afterAt = countBy(after.diagnostics, (d) => `${key(d)}|${lineAfter(d)}`);
    for (const [where, n] of fixedAt) {
      if (where.startsWith('unknown')) problems.push(`applied fix for no problem: ${where}`);
      else if ((afterAt.get(where) ?? 0) > (beforeAt.get(where) ?? 0) - n) problems.push(`problem not gone: ${where}`);
    }
    // 2. No new error.
    const errorsBefore = countBy(before.diagnostics.filter((d) => d.severity === 'error'), key);
    for (const [k, n] of countBy(after.diagnostics.filter((d) => d.severity === 'error'), key)) {
      if (n > (errorsBefore.get(k) ?? 0)) problems.push(`new error: ${k} (${n} after, ${errorsBefore.get(k) ?? 0} before)`);
    }
    // 3. Only the fixed lines (and the lines of the references a renamed id takes along) differ.
    const [a, b] = [lines(text), lines(once.text)];
    if (a.length !== b.length) problems.push(`line count ${a.length} → ${b.length}`);
    else {
      const renames = once.applied.some((f) => /kebab|duplicate/.test(f.title));
      const fixedLines = new Set(once.applied.map((f) => f.line));
      a.forEach((line, i) => {
        if (line === b[i]) return;
        if (line.replace(/[^\r\n]*/, '') !== b[i].replace(/[^\r\n]*/, '')) problems.push(`line break changed on line ${i + 1}`);
        if (!fixedLines.has(i + 1) && !renames) problems.push(`line ${i + 1} changed by no fix: ${JSON.stringify(line)} → ${JSON.stringify(b[i])}`);
      });
    }
    if (text.startsWith('\ufeff') !== once.text.startsWith('\ufeff')) problems.push('BOM changed');
  }
  // 4. Idempotent, after one round and after the full run.
  const full = fixAll(text);
  const again = fixAll(full.text);
  if (again.text !== full.text || again.applied.length) problems.push(`second run applied ${again.applied.map((f) => f.title).join('; ')}`);
  return problems;
}

const SEED = 13;
const RUNS = 200;

describe('validate --fix: property test (fixAll on every fixture and seeded mutations)', function () {
  this.timeout(300_000);

  it('every fixture, as written and with a BOM and CRLF line breaks', () => {
    for (const { name, text } of CORPUS) {
      for (const encoding of [{ bom: false, eol: 'lf' }, { bom: true, eol: 'crlf' }, { bom: false, eol: 'cr' }] as Encoding[]) {
        const problems = checkFixAll(encode(text, encoding));
        assert.deepEqual(problems, [], `${name} ${JSON.stringify(encoding)}`);
      }
    }
  });

  it(`seeded mutations of the fixtures (fast-check, seed ${SEED}, ${RUNS} runs)`, () => {
    const mutation = fc.tuple(fc.nat({ max: MUTATION_NAMES.length - 1 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }));
    const encoding = fc.record({ bom: fc.boolean(), eol: fc.constantFrom<Encoding['eol']>('lf', 'lf', 'crlf', 'cr') });
    let fixed = 0;
    fc.assert(
      fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), encoding, (index, mutations, enc) => {
        const text = mutate(CORPUS[index].text, mutations, enc);
        const problems = checkFixAll(text);
        if (fixAll(text).applied.length) fixed++;
        assert.deepEqual(problems, [], `${CORPUS[index].name} with ${describeMutations(mutations)} ${JSON.stringify(enc)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The mutations do reach the safe fixes.
    assert.ok(fixed >= RUNS / 10, `only ${fixed} of ${RUNS} runs had something to fix`);
  });
});
