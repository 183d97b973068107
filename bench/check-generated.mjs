#!/usr/bin/env node
// Checks the generator: generated canvases of 100, 1,000 and 8,000 cards (and a few other sizes
// and seeds) validate with zero diagnostics, have the asked number of cards, the 8,000-card one
// is about 750 KB, and the output is deterministic. Needs a built core (`npm run build`).
// Usage: node bench/check-generated.mjs   (exit 1 on any failure)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCanvas } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(join(root, 'package.json'))('./dist/core.js');

let failures = 0;
const check = (ok, message) => {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
};
for (const [cards, seeds] of [
  [9, [1]],
  [20, [1, 2]],
  [100, [1, 2, 3]],
  [1000, [1, 2]],
  [8000, [1, 2]],
]) {
  for (const seed of seeds) {
    const text = generateCanvas(cards, seed);
    const { diagnostics, model } = core.validateCanvas(text);
    const blocks = [...(model?.blocks.values() ?? [])].filter((b) => b.itemCount > 0).length;
    check(
      diagnostics.length === 0 && model?.cards.length === cards && blocks === 9,
      `${cards} cards, seed ${seed}: ${(text.length / 1024).toFixed(1)} KB, ${model?.cards.length} cards in ${blocks} blocks, ` +
        `${diagnostics.length} diagnostics${diagnostics.length ? ': ' + diagnostics.slice(0, 3).map((d) => `${d.code} ${d.message}`).join(' | ') : ''}`,
    );
  }
}
const big = generateCanvas(8000, 1);
check(big.length > 700 * 1024 && big.length < 800 * 1024, `8,000 cards is about 750 KB (${(big.length / 1024).toFixed(1)} KB)`);
check(big === generateCanvas(8000, 1), 'same cards and seed give the same text');
check(big !== generateCanvas(8000, 2), 'another seed gives another text');
process.exit(failures ? 1 : 0);
