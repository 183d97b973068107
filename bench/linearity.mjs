#!/usr/bin/env node
// The linearity section of `npm run bench` (bench/run.mjs), issue 12's speed cliffs:
//  (a) a canvas with 40,000 aliases validates within 3x the time of the same canvas written with
//      plain values (yaml resolves each alias by scanning the whole document: quadratic);
//  (b) a ~400 KB canvas of 17,000 small cards, each with an unknown key, validates within 3x the
//      time of the same canvas without them (ajv's allErrors code concatenated error arrays:
//      quadratic, 14 s before issue 12).
// Each pair is timed interleaved (the order alternates every round) in one process, after a
// warm-up; the verdict is the median of the per-round ratios, with the interquartile range.
//
// Usage: node bench/linearity.mjs [--quick]   (needs `npm run build`: it loads dist/core.js)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ratios, summary } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Issue 12: at most 3x the time of the same canvas without the aliases, or without the errors. */
export const LINEARITY_BUDGET = 3;
export const ALIASES = 40_000;
const ANCHORS = 50;

/**
 * A canvas whose value propositions name segments and tags through aliases (eight per card, to
 * 100 anchors: each anchor stays below yaml's 1,000-expansion alias-bomb limit), or, with
 * `aliases: false`, the same canvas with the values written out and no anchors.
 */
export function aliasCanvas(aliasCount = ALIASES, { aliases = true } = {}) {
  const cards = Math.ceil(aliasCount / 8);
  const lines = ['canvas: business-model', `title: ${aliasCount} aliases`, 'customer-segments:'];
  for (let i = 0; i < ANCHORS; i++) {
    lines.push(`  - id: ${aliases ? `&s${i} ` : ''}segment-${i}`, `    name: Segment ${i}`, `    tags: [${aliases ? `&t${i} ` : ''}tag-${i}]`);
  }
  const four = (c, write) => [0, 1, 2, 3].map((k) => write((c + 7 * k) % ANCHORS)).join(', ');
  lines.push('value-propositions:');
  for (let c = 0; c < cards; c++) {
    lines.push(
      `  - id: value-${c}`,
      `    name: Value ${c}`,
      `    segments: [${four(c, (i) => (aliases ? `*s${i}` : `segment-${i}`))}]`,
      `    tags: [${four(c * 3, (i) => (aliases ? `*t${i}` : `tag-${i}`))}]`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * A canvas of about `bytes` of small cards, each with an extension key (`x-n`), and the same text
 * with every one of those keys misspelt `xn`: an unknown key, one schema error per card.
 */
export function errorCanvas(bytes = 400 * 1024) {
  const lines = ['canvas: business-model', 'title: Errors', 'key-resources:'];
  for (let i = 0, size = 0; size < bytes; i++) {
    const card = `  - {name: R${i}, x-n: 1}\n`;
    lines.push(card.slice(0, -1));
    size += card.length;
  }
  const clean = lines.join('\n') + '\n';
  return { clean, broken: clean.replace(/, x-n: 1\}$/gm, ', xn: 1}') };
}

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Times `slow` against `fast`, interleaved, and returns the per-round times and ratios. */
function pair(core, slow, fast, rounds) {
  const validate = (text) => core.validateCanvas(text);
  validate(slow);
  validate(fast);
  const slowTimes = [];
  const fastTimes = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2) {
      fastTimes.push(time(() => validate(fast)));
      slowTimes.push(time(() => validate(slow)));
    } else {
      slowTimes.push(time(() => validate(slow)));
      fastTimes.push(time(() => validate(fast)));
    }
  }
  return { slow: summary(slowTimes), fast: summary(fastTimes), ratio: ratios(slowTimes, fastTimes) };
}

/**
 * Measures both cliffs. Returns `budgets` rows ({ name, measured, limit, pass }) for the summary
 * and `details` for the table. `core` defaults to dist/core.js.
 */
export function measureLinearity({ core = require('./dist/core.js'), quick = false, rounds = quick ? 3 : 7 } = {}) {
  const aliased = aliasCanvas(ALIASES);
  const plain = aliasCanvas(ALIASES, { aliases: false });
  const { clean, broken } = errorCanvas();
  const diagnostics = (text) => core.validateCanvas(text).diagnostics.length;
  const details = [
    { label: `${ALIASES.toLocaleString('en')} aliases vs plain values`, bytes: aliased.length, extra: `${diagnostics(aliased)} vs ${diagnostics(plain)} diagnostics`, ...pair(core, aliased, plain, rounds) },
    { label: `${Math.round(broken.length / 1024)} KB, unknown key on every card vs none`, bytes: broken.length, extra: `${diagnostics(broken)} vs ${diagnostics(clean)} diagnostics`, ...pair(core, broken, clean, rounds) },
  ];
  const budgets = details.map((d) => ({
    name: `validation time, ${d.label}`,
    measured: `${d.ratio.median.toFixed(2)}x`,
    limit: `<= ${LINEARITY_BUDGET}x`,
    pass: d.ratio.median <= LINEARITY_BUDGET,
  }));
  return { details, budgets };
}

export function formatLinearity({ details }) {
  const ms = (s) => `${s.median.toFixed(0)} ms`;
  return [
    `${'case'.padEnd(48)} ${'size'.padStart(8)} ${'slow'.padStart(9)} ${'plain'.padStart(9)} ${'ratio'.padStart(7)}  ${'IQR'.padEnd(13)} diagnostics`,
    ...details.map(
      (d) =>
        `${d.label.padEnd(48)} ${`${Math.round(d.bytes / 1024)} KB`.padStart(8)} ${ms(d.slow).padStart(9)} ${ms(d.fast).padStart(9)} ${`${d.ratio.median.toFixed(2)}x`.padStart(7)}  ${`${d.ratio.q1.toFixed(2)}-${d.ratio.q3.toFixed(2)}`.padEnd(13)} ${d.extra}`,
    ),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = measureLinearity({ quick: process.argv.includes('--quick') });
  console.log(formatLinearity(result));
  for (const b of result.budgets) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.measured} (${b.limit})`);
}
