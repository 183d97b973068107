// Issue 6's budget: the semantic diff works on parsed models, so diffing two versions of the
// 8,000-card canvas takes at most 25% of one full validation of it, measured in the same run
// (interleaved samples, medians; absolute times on shared machines are noise, ratios are not).
// Usage: node bench/diff.mjs (after npm run build)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { generateCanvas } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(join(root, 'package.json'))('./dist/core.js');
const BUDGET = 0.25;
const ROUNDS = 15;

/** A second version: every 50th card renamed, every 200th card's segments dropped, 40 cards appended. */
function nextVersion(text) {
  let n = 0;
  const renamed = text.replace(/^(\s+name: )(.*)$/gm, (line, head, name) => (++n % 50 === 0 ? `${head}${name} (revised)` : line));
  let m = 0;
  const retargeted = renamed.replace(/^(\s+segments: )\[[^\]]*\]$/gm, (line, head) => (++m % 200 === 0 ? `${head}[]` : line));
  const added = Array.from({ length: 40 }, (_, i) => `  - id: added-cost-${i}\n    name: Added cost ${i}\n    type: fixed\n`).join('');
  return retargeted.replace(/^cost-structure:\n/m, (block) => block + added);
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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

const first = diffOnce();
const validateTimes = [];
const diffTimes = [];
for (let round = 0; round < ROUNDS + 2; round++) {
  // Alternate the order so machine noise hits both alike; the first two rounds are warm-up.
  const order = round % 2 ? ['diff', 'validate'] : ['validate', 'diff'];
  for (const what of order) {
    const start = performance.now();
    if (what === 'validate') core.validateCanvas(newText);
    else diffOnce();
    const ms = performance.now() - start;
    if (round >= 2) (what === 'validate' ? validateTimes : diffTimes).push(ms);
  }
}
const ratios = diffTimes.map((d, i) => d / validateTimes[i]).sort((a, b) => a - b);
const ratio = median(ratios);
console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`diff of two 8,000-card versions (${(oldText.length / 1024).toFixed(0)} KB): ${JSON.stringify(first.summary ?? {})}`);
console.log(
  `validate median ${median(validateTimes).toFixed(1)} ms, diff median ${median(diffTimes).toFixed(1)} ms, ` +
    `ratio ${(ratio * 100).toFixed(1)}% (IQR ${(ratios[Math.floor(ratios.length / 4)] * 100).toFixed(1)}–${(ratios[Math.floor((3 * ratios.length) / 4)] * 100).toFixed(1)}%), ` +
    `budget ${BUDGET * 100}%: ${ratio <= BUDGET ? 'PASS' : 'FAIL'}`,
);
