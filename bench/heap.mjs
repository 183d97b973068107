#!/usr/bin/env node
// Heap growth over 1,000 edits (issue 7), a section of `npm run bench`.
//
// The 8,000-card canvas is validated once, then edited 1,000 times the way typing goes: a character
// typed into or deleted from the name of a card somewhere in the file, each version revalidated
// from the previous result (core.revalidateCanvas, as the extension's document cache does). The
// heap is measured after two full GCs before the first edit and after the last one. A leak shows
// as growth proportional to the edits: a retained copy of each version of the text (750 KB) would
// be 750 MB; a retained card per edit about 1 MB. Budget: growth at most 10% of the heap the
// validated canvas holds (the document, its plain value and its model).
//
// Usage: node bench/heap.mjs [--quick]   (after npm run build)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { generateCanvas } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HEAP_BUDGET = 0.1;
export const EDITS = 1000;

/** A full GC without --expose-gc on the command line. */
function collector() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

/** An editor hands over flat strings; slice + concat makes a rope the core would flatten. */
const flat = (text) => Buffer.from(text, 'utf8').toString('utf8');

/** Offsets just after `name: ` of cards spread over the file, in a fixed pseudo-random order. */
function nameOffsets(text, count) {
  const all = [];
  for (let at = text.indexOf('\n    name: '); at !== -1; at = text.indexOf('\n    name: ', at + 1)) all.push(at + 11);
  const picked = [];
  for (let i = 0; i < count; i++) picked.push(all[(i * 7919) % all.length]);
  return picked;
}

export async function measureHeap({ quick = false, cards = 8000, edits = EDITS } = {}) {
  const core = createRequire(join(root, 'package.json'))('./dist/core.js');
  const gc = collector();
  const settle = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const base = generateCanvas(cards, 1);
  const empty = settle();
  let text = base;
  let result = core.validateCanvas(text);
  const held = settle() - empty;
  const offsets = nameOffsets(base, edits);
  let inserted = new Set();
  let incremental = 0;
  const times = [];
  // Typing: even edits insert an 'x' after a card's `name: `; odd ones delete it again elsewhere
  // later (the text stays about the same size, so a leak cannot hide in a growing document).
  const step = (i) => {
    const at = offsets[i];
    const shift = [...inserted].filter((o) => o < at).length;
    const where = at + shift;
    let next;
    if (inserted.has(at)) {
      next = text.slice(0, where) + text.slice(where + 1);
      inserted.delete(at);
    } else {
      next = text.slice(0, where) + 'x' + text.slice(where);
      inserted.add(at);
    }
    next = flat(next);
    const t = performance.now();
    result = core.revalidateCanvas(result, next);
    times.push(performance.now() - t);
    if (result.incremental) incremental++;
    text = next;
  };
  // Warm-up on 50 edits (JIT, caches), then measure from a settled heap.
  const warm = quick ? 20 : 50;
  for (let i = 0; i < warm; i++) step(i);
  times.length = 0;
  incremental = 0;
  const before = settle();
  for (let i = warm; i < warm + edits; i++) step(i % offsets.length);
  const after = settle();
  const growth = after - before;
  times.sort((a, b) => a - b);
  const full = core.validateCanvas(text);
  const same = JSON.stringify(full.diagnostics) === JSON.stringify(result.diagnostics);
  return {
    cards,
    kb: base.length / 1024,
    edits,
    incremental,
    heldMb: held / 2 ** 20,
    beforeMb: before / 2 ** 20,
    afterMb: after / 2 ** 20,
    growthMb: growth / 2 ** 20,
    perEditBytes: growth / edits,
    medianMs: times[Math.floor(times.length / 2)],
    p95Ms: times[Math.floor(times.length * 0.95)],
    sameAsFull: same,
    pass: growth <= HEAP_BUDGET * held && same,
  };
}

export function formatHeap(r) {
  return [
    `Heap over ${r.edits} edits of the ${r.cards}-card canvas (${r.kb.toFixed(0)} KB), each revalidated from the previous result ` +
      `(${r.incremental}/${r.edits} incrementally; edit-to-diagnostics median ${r.medianMs.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms)`,
    `  heap held by the validated canvas ${r.heldMb.toFixed(1)} MB; heap before ${r.beforeMb.toFixed(1)} MB, after ${r.afterMb.toFixed(1)} MB: ` +
      `growth ${r.growthMb.toFixed(2)} MB (${Math.round(r.perEditBytes)} bytes per edit), budget <= ${HEAP_BUDGET * 100}% of the held heap ` +
      `(${(HEAP_BUDGET * r.heldMb).toFixed(1)} MB); diagnostics after the last edit equal a full validation: ${r.sameAsFull ? 'yes' : 'NO'}: ` +
      (r.pass ? 'PASS' : 'FAIL'),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatHeap(await measureHeap({ quick: process.argv.includes('--quick') })));
}
