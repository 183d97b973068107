#!/usr/bin/env node
// Diff and render of the big canvas, a section of `npm run bench`.
//
// Issue 6's budget: the semantic diff works on parsed models, so diffing two versions of the
// 8,000-card canvas takes at most 25% of one full validation of it. Rendering (the preview's view
// model, then HTML, SVG and Markdown as `canvas-as-code render` writes them) is shown against the
// same validation, not judged. Interleaved samples in one process, order alternating; medians of
// the per-round ratios (absolute times on shared machines are noise, ratios are not).
// Usage: node bench/diff.mjs [--quick]   (after npm run build)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCanvas } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIFF_BUDGET = 0.25;

/** A second version: every 50th card renamed, every 200th card's segments dropped, 40 cards appended. */
function nextVersion(text) {
  let n = 0;
  const renamed = text.replace(/^(\s+name: )(.*)$/gm, (line, head, name) => (++n % 50 === 0 ? `${head}${name} (revised)` : line));
  let m = 0;
  const retargeted = renamed.replace(/^(\s+segments: )\[[^\]]*\]$/gm, (line, head) => (++m % 200 === 0 ? `${head}[]` : line));
  const added = Array.from({ length: 40 }, (_, i) => `  - id: added-cost-${i}\n    name: Added cost ${i}\n    type: fixed\n`).join('');
  return retargeted.replace(/^cost-structure:\n/m, (block) => block + added);
}

const sorted = (xs) => xs.slice().sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const quartiles = (xs) => {
  const s = sorted(xs);
  return [s[Math.floor(s.length / 4)], s[Math.floor((3 * s.length) / 4)]];
};

export async function measureDiffRender({ quick = false } = {}) {
  const core = createRequire(join(root, 'package.json'))('./dist/core.js');
  const rounds = quick ? 7 : 15;
  const oldText = generateCanvas(8000, 1);
  const newText = nextVersion(oldText);
  const oldResult = core.validateCanvas(oldText);
  const newResult = core.validateCanvas(newText);
  const diffOnce = () =>
    core.diffCanvases(oldResult.model, newResult.model, {
      oldTitle: oldResult.model.title,
      newTitle: newResult.model.title,
      oldDescription: oldResult.model.description,
      newDescription: newResult.model.description,
    });
  const view = () => core.buildCanvasView(newResult);
  const calls = {
    validate: () => core.validateCanvas(newText),
    diff: diffOnce,
    'view model': view,
    html: () => core.renderHtml(view()),
    svg: () => core.renderSvg(view()),
    markdown: () => core.renderMarkdown(view()),
  };
  const first = diffOnce();
  const sizes = { html: calls.html().length, svg: calls.svg().length, markdown: calls.markdown().length };
  const times = Object.fromEntries(Object.keys(calls).map((k) => [k, []]));
  const names = Object.keys(calls);
  for (let round = 0; round < rounds + 2; round++) {
    const order = round % 2 ? names.slice().reverse() : names;
    for (const what of order) {
      const start = performance.now();
      calls[what]();
      const ms = performance.now() - start;
      if (round >= 2) times[what].push(ms); // two warm-up rounds
    }
  }
  const rows = names.slice(1).map((what) => {
    const ratios = times[what].map((t, i) => t / times.validate[i]);
    return { what, ms: median(times[what]), ratio: median(ratios), iqr: quartiles(ratios), size: sizes[what] };
  });
  const diff = rows.find((r) => r.what === 'diff');
  return {
    kb: oldText.length / 1024,
    rounds,
    validateMs: median(times.validate),
    summary: first.summary,
    rows,
    diffRatio: diff.ratio,
    pass: diff.ratio <= DIFF_BUDGET,
  };
}

export function formatDiffRender(r) {
  const pct = (x) => (x * 100).toFixed(1) + '%';
  const lines = [
    `Diff and render of the 8,000-card canvas (${r.kb.toFixed(0)} KB), against its full validation (${r.validateMs.toFixed(1)} ms median), ${r.rounds} interleaved rounds`,
    `  diff: two versions (every 50th card renamed, every 200th card's segments dropped, 40 cards added): ${JSON.stringify(r.summary ?? {})}`,
    `  ${'call'.padEnd(12)} ${'ms'.padStart(8)} ${'/ validate'.padStart(10)} ${'IQR'.padStart(13)} ${'output'.padStart(9)}  budget`,
  ];
  for (const row of r.rows) {
    lines.push(
      `  ${row.what.padEnd(12)} ${row.ms.toFixed(1).padStart(8)} ${pct(row.ratio).padStart(10)} ${`${pct(row.iqr[0])}-${pct(row.iqr[1])}`.padStart(13)} ` +
        `${row.size ? (row.size / 1024).toFixed(0) + ' KB' : ''}`.padStart(9) +
        (row.what === 'diff' ? `  <= ${DIFF_BUDGET * 100}%: ${r.pass ? 'PASS' : 'FAIL'}` : '  (shown)'),
    );
  }
  lines.push('  view model = buildCanvasView (what the preview posts); html/svg/markdown include building the view model.');
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatDiffRender(await measureDiffRender({ quick: process.argv.includes('--quick') })));
}
