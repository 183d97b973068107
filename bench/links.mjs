#!/usr/bin/env node
// Links across files, a section of `npm run bench` (issue 14, item 3).
//
// Budget: validating a value-proposition canvas together with the business model it links to
// costs at most 1.2x validating both alone. "Together" is what the editor and the CLI do: the
// canvas's own validation, then checkLinks, which resolves the path, reads the business model
// (handed over in memory here: the bench measures the work, not the disk) and validates it, then
// looks the segment and value proposition up. Measured cold (a new LinkTargets each time, so the
// business model is validated inside checkLinks) and, shown but not judged, warm (the business
// model already judged: what every keystroke in the canvas and every further canvas in a CLI run
// costs) and for 20 canvases naming one business model. Interleaved samples in one process, order
// alternating; medians of the per-round ratios.
// Usage: node bench/links.mjs [--quick]   (after npm run build)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCanvas } from './generate.mjs';
import { ratios } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LINKS_BUDGET = 1.2;

const VPC = (segment, valueProposition) => `canvas: value-proposition
title: Pickup riders can count on
business-model: ../ride.canvas.yaml
segment: ${segment}
value-proposition: ${valueProposition}
customer-jobs:
  - { id: get-to-work, name: Get to work on time, type: functional }
  - { id: stay-dry, name: Stay dry, type: emotional }
pains:
  - { id: waiting, name: Waiting in the rain, severity: high }
  - { id: surprise-fare, name: A fare higher than expected, severity: medium }
gains:
  - { id: predictable, name: Knows the arrival time, relevance: expected }
products-and-services:
  - { id: app, name: Mobile app, jobs: [get-to-work, stay-dry] }
pain-relievers:
  - { name: Live arrival time, relieves: [waiting] }
  - { name: Fare quoted upfront, relieves: [surprise-fare] }
gain-creators:
  - { name: Minute-by-minute tracking, creates: [predictable] }
`;

/** The first id of a block in a canvas text (the generated canvases' ids are not known ahead). */
function firstId(core, text, block) {
  return core.validateCanvas(text).model.blocks.get(block)?.cards.find((c) => c.id)?.id.value ?? 'none';
}

function timeIt(fn, repeat) {
  const t = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - t) / repeat;
}

export async function measureLinks({ quick = false } = {}) {
  const core = createRequire(join(root, 'package.json'))('./dist/core.js');
  const rounds = quick ? 9 : 21;
  const inputs = [
    { label: 'examples/ride-hailing.canvas.yaml', text: readFileSync(join(root, 'examples', 'ride-hailing.canvas.yaml'), 'utf8'), repeat: quick ? 40 : 100 },
    { label: 'generated 1000 cards', text: generateCanvas(1000, 1), repeat: quick ? 3 : 6 },
  ];
  const rows = [];
  for (const input of inputs) {
    const vpc = VPC(firstId(core, input.text, 'customer-segments'), firstId(core, input.text, 'value-propositions'));
    const context = (targets) => ({ file: '/ws/vpc/pickup.canvas.yaml', root: '/ws', read: () => ({ text: input.text }), targets });
    const check = core.checkLinks(core.validateCanvas(vpc).model, context(new core.LinkTargets()));
    if (check.diagnostics.length || !check.businessModel) throw new Error(`the bench's link does not resolve cleanly: ${JSON.stringify(check.diagnostics)}`);
    const warm = new core.LinkTargets();
    const many = Array.from({ length: 20 }, () => vpc);
    const calls = {
      alone: () => {
        core.validateCanvas(vpc);
        core.validateCanvas(input.text);
      },
      linkedCold: () => core.checkLinks(core.validateCanvas(vpc).model, context(new core.LinkTargets())),
      vpcAlone: () => core.validateCanvas(vpc),
      linkedWarm: () => core.checkLinks(core.validateCanvas(vpc).model, context(warm)),
      manyAlone: () => {
        for (const text of many) core.validateCanvas(text);
        core.validateCanvas(input.text);
      },
      manyLinked: () => {
        const targets = new core.LinkTargets();
        for (const text of many) core.checkLinks(core.validateCanvas(text).model, context(targets));
      },
    };
    const names = Object.keys(calls);
    for (const name of names) for (let i = 0; i < 3; i++) calls[name](); // warm-up (JIT)
    const times = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? names.slice().reverse() : names;
      // The canvas alone takes well under a millisecond: timed over many more calls than the rest.
      const repeat = (name) => (name === 'vpcAlone' || name === 'linkedWarm' ? (quick ? 100 : 300) : name.startsWith('many') ? Math.max(1, Math.round(input.repeat / 10)) : input.repeat);
      for (const name of order) times[name].push(timeIt(calls[name], repeat(name)));
    }
    const cold = ratios(times.linkedCold, times.alone);
    rows.push({
      label: input.label,
      cold,
      warm: ratios(times.linkedWarm, times.vpcAlone),
      many: ratios(times.manyLinked, times.manyAlone),
      ms: { alone: median(times.alone), linkedCold: median(times.linkedCold), vpcAlone: median(times.vpcAlone), linkedWarm: median(times.linkedWarm) },
      pass: cold.median <= LINKS_BUDGET,
    });
  }
  return { rows, rounds };
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function formatLinks(result) {
  const lines = [
    `${'input (the business model)'.padEnd(36)}  ${'cold: VPC+link / both alone'.padStart(28)}  ${'warm: VPC+link / VPC alone'.padStart(27)}  ${'20 VPCs+link / 20 VPCs+BM alone'.padStart(32)}  ms (alone, cold, VPC, warm)`,
  ];
  for (const row of result.rows) {
    lines.push(
      `${row.label.padEnd(36)}  ${`${row.cold.median.toFixed(2)}x [${row.cold.q1.toFixed(2)}-${row.cold.q3.toFixed(2)}]`.padStart(28)}  ` +
        `${`${row.warm.median.toFixed(2)}x`.padStart(27)}  ${`${row.many.median.toFixed(2)}x`.padStart(32)}  ` +
        `${[row.ms.alone, row.ms.linkedCold, row.ms.vpcAlone, row.ms.linkedWarm].map((x) => x.toFixed(3)).join(', ')}`,
    );
  }
  lines.push(`(${result.rounds} interleaved rounds; budget: cold <= ${LINKS_BUDGET}x)`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureLinks({ quick: process.argv.includes('--quick') });
  console.log(formatLinks(result));
}
