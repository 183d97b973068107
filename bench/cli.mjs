#!/usr/bin/env node
// The CLI at scale (issue 7, item 4): `canvas-as-code validate` over 1,000 typical canvases runs in
// one process within 1.5x the time a bare script takes to read and `yaml.parseDocument` the same
// files, with its output streamed as it goes; with worker threads (--jobs) on a multi-core machine
// it gets faster, not slower.
//
// 1,000 canvases of 20-40 cards (generateCanvas, one seed each; 1 in 40 given a problem, the first
// file among them, so that the CLI has something to print early) are written to a temporary folder
// (removed at the end). Then, in interleaved rounds (the order rotates every round), each run is a
// fresh `node` process, timed from spawn to exit:
//   bare     a script that lists the folder, reads every file and calls require('yaml').parseDocument
//            (yaml's node build, as the issue words it): the floor, start-up included;
//   jobs 1   node bin/canvas-as-code.js validate <dir> --jobs 1 (one thread, the main one);
//   jobs 2   the same with --jobs 2 (the main thread and one worker thread);
//   auto     the same with --jobs left out (what the CLI picks on this machine);
//   2 procs  two `validate --jobs 1` processes at once, each on one half of the files (the corpus is
//            in two folders of 500): the parallel capacity the machine offers this work at the
//            time, no worker thread involved (shown, not judged).
// Each process is started as `node -r <preload> ...`, the preload writing the process's CPU time
// (user + system, all threads) to a pipe at exit: wall time is judged, CPU time shown.
// The CLI's standard output is a pipe read by the bench: the time to its first line (the first
// problem, in the first file) against the total shows that output is written as files are done,
// not at the end. Absolute times on a shared machine vary twofold from run to run, so what is
// judged is the median of per-round ratios (with their IQR): jobs 1 / bare <= 1.5x, and jobs 2 /
// jobs 1 < 1.00x when the machine has 2 or more cores. Outputs of jobs 1, 2 and auto are checked to
// be byte-identical in every round.
//
// One process: each timed CLI run is one `node` process that validates all 1,000 files (the CLI
// never starts a process per file; worker threads live inside that process).
//
// Usage: node bench/cli.mjs [--quick]   (npm run build first: it runs dist/cli.js through bin/)
// Or: import { measureCli, formatCliTable } from './cli.mjs'. Always exits 0.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCanvas } from './generate.mjs';
import { summary, ratios } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

export const CLI_BUDGET = 1.5;
const FILES = 1000;

// ---------------------------------------------------------------------------------------------
// The corpus

/** A problem for 1 file in 40 (the first file included), three kinds in turn. */
const PROBLEMS = [
  (text) => text.replace(/^title: .*$/m, '$&\npriorty: high'), // schema: unknown key
  (text) => text.replace(/segments: \[/, 'segments: [nobody, '), // unknown-reference
  (text) => text.replace(/^version: .*$/m, '$&\nversion: 2'), // yaml-syntax: duplicate key
];

/** The canvases, in two folders of 500 (a/ and b/), so that each half can be validated alone. */
function writeCorpus(dir) {
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  let bytes = 0;
  let broken = 0;
  for (let i = 0; i < FILES; i++) {
    let text = generateCanvas(20 + ((i * 7) % 21), i + 1);
    if (i % 40 === 0) {
      text = PROBLEMS[(i / 40) % PROBLEMS.length](text);
      broken++;
    }
    writeFileSync(join(dir, i < FILES / 2 ? 'a' : 'b', `c${String(i).padStart(4, '0')}.canvas.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: FILES, bytes, broken };
}

/** The floor: list the folders as the CLI does, read each canvas, parseDocument it. */
const BARE_SCRIPT = (yamlPath) => `'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const yaml = require(${JSON.stringify(yamlPath)});
let errors = 0;
for (const dir of process.argv.slice(2)) {
  for (const name of readdirSync(dir).sort()) {
    if (!/\\.canvas\\.ya?ml$/i.test(name)) continue;
    errors += yaml.parseDocument(readFileSync(dir + '/' + name, 'utf8')).errors.length;
  }
}
process.stdout.write(errors + '\\n');
`;

// ---------------------------------------------------------------------------------------------
// Timing

/**
 * Preloaded into every timed process (node -r): at exit, writes the process's CPU time (user + system,
 * all threads) to file descriptor 3. Costs well under a millisecond.
 */
const CPU_PRELOAD = `'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  try { require('node:fs').writeSync(3, String((u.userCPUTime + u.systemCPUTime) / 1000)); } catch {}
});
`;

/**
 * Runs `node -r <cpu preload> ...args` once: wall ms to exit, CPU ms, ms to the first stdout line,
 * stdout digest and size.
 */
function timeRun(args, cwd, preload) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-r', preload, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let cpu = '';
    child.stdio[3].on('data', (chunk) => (cpu += chunk));
    let firstLine = NaN;
    let lines = 0;
    let bytes = 0;
    const hash = createHash('sha1');
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      if (Number.isNaN(firstLine) && chunk.includes(10)) firstLine = performance.now() - start;
      for (const b of chunk) if (b === 10) lines++;
      bytes += chunk.length;
      hash.update(chunk);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, cpu: Number(cpu || NaN), firstLine, code, lines, bytes, digest: hash.digest('hex'), stderr }));
  });
}


/**
 * Generates the corpus, times the runs in interleaved rounds, removes the corpus.
 * @param {{ quick?: boolean, log?: (line: string) => void }} [options]
 */
export async function measureCli({ quick = false, log = () => {} } = {}) {
  const bin = join(root, 'bin', 'canvas-as-code.js');
  const bundle = join(root, 'dist', 'cli.js');
  if (!existsSync(bundle)) throw new Error('dist/cli.js is missing: run npm run build first');
  const cli = require(bundle);
  const tmp = mkdtempSync(join(os.tmpdir(), 'canvas-cli-bench-'));
  try {
    const dir = join(tmp, 'canvases');
    mkdirSync(dir);
    const corpus = writeCorpus(dir);
    const bare = join(tmp, 'bare.cjs');
    writeFileSync(bare, BARE_SCRIPT(require.resolve('yaml')));
    const preload = join(tmp, 'cpu-preload.cjs');
    writeFileSync(preload, CPU_PRELOAD);
    const loadBefore = os.loadavg();
    const autoThreads = typeof cli.autoJobs === 'function' ? cli.autoJobs(cli.expandArguments?.([dir]).files ?? [], root) : undefined;
    const once = (...args) => () => timeRun(args, root, preload);
    const runs = {
      bare: once(bare, join(dir, 'a'), join(dir, 'b')),
      'jobs 1': once(bin, 'validate', dir, '--jobs', '1'),
      'jobs 2': once(bin, 'validate', dir, '--jobs', '2'),
      auto: once(bin, 'validate', dir),
      // The machine's capacity to run this work in parallel, no worker thread involved: two CLI
      // processes at once, each validating one half; wall time until both exit, CPU time summed.
      halves: async () => {
        const [a, b] = await Promise.all([timeRun([bin, 'validate', join(dir, 'a'), '--jobs', '1'], root, preload), timeRun([bin, 'validate', join(dir, 'b'), '--jobs', '1'], root, preload)]);
        return { ms: Math.max(a.ms, b.ms), cpu: a.cpu + b.cpu, firstLine: a.firstLine };
      },
    };
    const checked = new Set(['jobs 1', 'jobs 2', 'auto']);
    const names = Object.keys(runs);
    const samples = Object.fromEntries(names.map((n) => [n, { ms: [], cpu: [], firstLine: [] }]));
    const budgetMs = quick ? 20_000 : 70_000;
    const minRounds = quick ? 3 : 5;
    const maxRounds = quick ? 8 : 25;
    let reference;
    let identical = true;
    const codes = new Set();
    // One warm-up run (the files just written, node and the bundle in the OS file cache), not counted.
    await runs['jobs 1']();
    const start = performance.now();
    let round = 0;
    for (; round < minRounds || (performance.now() - start < budgetMs && round < maxRounds); round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]);
      if (round % 2) order.reverse();
      for (const n of order) {
        const r = await runs[n]();
        samples[n].ms.push(r.ms);
        samples[n].cpu.push(r.cpu);
        samples[n].firstLine.push(r.firstLine);
        if (checked.has(n)) {
          codes.add(r.code);
          reference ??= r;
          if (r.digest !== reference.digest || r.stderr !== reference.stderr) identical = false;
        }
      }
      log(`round ${round + 1}: ${names.map((n) => `${n} ${samples[n].ms.at(-1).toFixed(0)} ms`).join(', ')}`);
    }
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    const stat = (n) => ({
      ms: summary(samples[n].ms),
      cpu: summary(samples[n].cpu),
      firstLine: summary(samples[n].firstLine),
      firstShare: ratios(samples[n].firstLine, samples[n].ms),
    });
    const cpus = os.cpus();
    return {
      machine: {
        cpu: cpus[0]?.model ?? 'unknown CPU',
        cores,
        memGB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        loadavg: loadBefore,
        loadavgAfter: os.loadavg(),
        date: new Date().toISOString(),
      },
      corpus: { ...corpus, kb: corpus.bytes / 1024 },
      rounds: round,
      quick,
      autoThreads,
      runs: Object.fromEntries(names.map((n) => [n, stat(n)])),
      ratios: {
        jobs1VsBare: ratios(samples['jobs 1'].ms, samples.bare.ms),
        jobs2VsJobs1: ratios(samples['jobs 2'].ms, samples['jobs 1'].ms),
        autoVsJobs1: ratios(samples.auto.ms, samples['jobs 1'].ms),
        autoVsBare: ratios(samples.auto.ms, samples.bare.ms),
        cpuJobs1VsBare: ratios(samples['jobs 1'].cpu, samples.bare.cpu),
        cpuJobs2VsJobs1: ratios(samples['jobs 2'].cpu, samples['jobs 1'].cpu),
        cpuAutoVsJobs1: ratios(samples.auto.cpu, samples['jobs 1'].cpu),
        halvesVsJobs1: ratios(samples.halves.ms, samples['jobs 1'].ms),
        cpuHalvesVsJobs1: ratios(samples.halves.cpu, samples['jobs 1'].cpu),
      },
      output: { identical, lines: reference?.lines, bytes: reference?.bytes, exitCodes: [...codes], summary: reference?.stderr.trim() },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const ms = (x) => (!Number.isFinite(x) ? 'n/a' : x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : x.toFixed(0));
const range = (a, b) => (Number.isFinite(a) ? `${a.toFixed(2)}-${b.toFixed(2)}` : 'n/a');
const times = (x) => (Number.isFinite(x) ? x.toFixed(2) + 'x' : 'n/a');
const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1) + '%' : 'n/a');

/** Verdicts of a measureCli result: the 1.5x budget, and workers faster than one thread. */
/** Below this, two processes on halves ran faster than one on all: the machine had a spare core. */
export const SPARE_CORE = 0.95;

/**
 * Verdicts of a measureCli result: `budget` (jobs 1 within 1.5x of the bare script), `faster`
 * (jobs 2 below jobs 1; undefined on 1 core), `spareCore` (two processes on halves beat one: when
 * false, the machine offered no parallel capacity during the run, and a jobs 2 that is not faster
 * is inconclusive rather than a failure of the CLI), `identical` outputs.
 */
export function cliVerdicts(result) {
  const budget = result.ratios.jobs1VsBare.median <= CLI_BUDGET;
  const multi = result.machine.cores >= 2;
  const faster = multi ? result.ratios.jobs2VsJobs1.median < 1 : undefined;
  const spareCore = result.ratios.halvesVsJobs1.median < SPARE_CORE;
  const threads = faster === undefined ? 'n/a' : faster ? 'PASS' : spareCore ? 'FAIL' : 'INCONCLUSIVE';
  const overall = !budget || threads === 'FAIL' || !result.output.identical ? 'FAIL' : threads === 'INCONCLUSIVE' ? 'INCONCLUSIVE' : 'PASS';
  return { budget, faster, spareCore, threads, overall, identical: result.output.identical };
}

/** The report of a measureCli result, in the style of the validation bench: a string of lines. */
export function formatCliTable(result) {
  const m = result.machine;
  const v = cliVerdicts(result);
  const out = [];
  out.push(`Canvas as Code: CLI bench, validate over ${result.corpus.files.toLocaleString('en')} canvases in one process, against a bare read + yaml.parseDocument script, budget ${CLI_BUDGET}x`);
  out.push(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memGB} GB; node ${m.node} (${m.platform}); load average ${m.loadavg.map((l) => l.toFixed(2)).join(' ')} ` +
      `(after: ${m.loadavgAfter.map((l) => l.toFixed(2)).join(' ')}); ` +
      `${m.date.slice(0, 16).replace('T', ' ')} UTC`,
  );
  out.push(
    `corpus: ${result.corpus.files} generated canvases of 20-40 cards, ${(result.corpus.kb / 1024).toFixed(2)} MB (${(result.corpus.kb / result.corpus.files).toFixed(1)} KB each), ` +
      `${result.corpus.broken} with a problem; ${result.rounds} interleaved rounds${result.quick ? ' (--quick)' : ''}, each run a fresh node process`,
  );
  out.push('');
  const columns = [
    ['run', 34, 'l'],
    ['threads', 7],
    ['median ms', 9],
    ['IQR ms', 13],
    ['first line ms', 13],
    ['first/total', 11],
    ['ratio', 6],
    ['IQR', 9],
    ['against', 7, 'l'],
    ['budget', 6, 'l'],
    ['cpu ms', 7],
    ['cpu ratio', 9],
  ];
  const line = (cells) => cells.map((c, i) => (columns[i][2] === 'l' ? pad(c, columns[i][1]) : lpad(c, columns[i][1]))).join('  ').trimEnd();
  out.push(line(columns.map((c) => c[0])));
  out.push(line(columns.map((c) => '-'.repeat(c[1]))));
  const R = result.ratios;
  const rows = [
    ['bare: read + yaml.parseDocument', 'bare', '1', undefined, '', '', undefined],
    ['validate --jobs 1', 'jobs 1', '1', R.jobs1VsBare, 'bare', v.budget ? 'PASS' : 'FAIL', R.cpuJobs1VsBare],
    ['validate --jobs 2', 'jobs 2', '2', R.jobs2VsJobs1, 'jobs 1', v.threads === 'INCONCLUSIVE' ? 'n/c' : v.threads, R.cpuJobs2VsJobs1],
    ['validate (--jobs left out)', 'auto', String(result.autoThreads ?? '?'), R.autoVsJobs1, 'jobs 1', '', R.cpuAutoVsJobs1],
    ['2 processes --jobs 1, half each', 'halves', '2x1', R.halvesVsJobs1, 'jobs 1', '', R.cpuHalvesVsJobs1],
  ];
  for (const [label, key, threads, ratio, against, verdict, cpuRatio] of rows) {
    const r = result.runs[key];
    const first = key === 'bare' || key === 'halves' ? ['', ''] : [ms(r.firstLine.median), pct(r.firstShare.median)];
    out.push(
      line([
        label,
        threads,
        ms(r.ms.median),
        `${ms(r.ms.q1)}-${ms(r.ms.q3)}`,
        ...first,
        ratio ? times(ratio.median) : '',
        ratio ? range(ratio.q1, ratio.q3) : '',
        against,
        verdict,
        ms(r.cpu.median),
        cpuRatio ? times(cpuRatio.median) : '',
      ]),
    );
  }
  out.push('');
  out.push(`ms: wall time of the whole process, spawn to exit (node start-up included), median and IQR over rounds. ratio: median of`);
  out.push(`the per-round ratio to the run named in "against", with the IQR of those ratios. first line: time to the first line on`);
  out.push(`standard output (the first file's problem): output is written file by file as files are done, not at the end.`);
  out.push(`budget: jobs 1 PASS when <= ${CLI_BUDGET}x the bare script; jobs 2 PASS when below 1.00x of jobs 1 (judged on 2+ cores; n/c,`);
  out.push(`not conclusive, when the machine had no spare core: 2 processes on halves not below ${SPARE_CORE.toFixed(2)}x of jobs 1).`);
  out.push(`cpu: CPU time of the process (user + system, all its threads), median; cpu ratio: per-round, against the same run as`);
  out.push(`ratio. Each thread warms up its own JIT, so threads cost CPU: they pay off in wall time only with idle cores.`);
  out.push(`2 processes: two CLI processes at once, each on one half of the files (a/, b/), until both exit: the parallel capacity`);
  out.push(`the machine offered this work during the run, no worker thread involved (shown, not judged).`);
  out.push(
    `output: ${result.output.identical ? 'byte-identical' : 'DIFFERENT'} stdout and stderr for jobs 1, jobs 2 and auto in every round ` +
      `(${result.output.lines} lines; exit ${result.output.exitCodes.join('/')}; "${result.output.summary}").`,
  );
  out.push(`One process per run: the CLI validates all ${result.corpus.files} files in the process it starts in (no process per file; --jobs adds worker threads in it).`);
  out.push('');
  const r = result.ratios;
  out.push(
    `VERDICT CLI: ${v.overall}: jobs 1 / bare ${times(r.jobs1VsBare.median)} (budget ${CLI_BUDGET}x) ${v.budget ? 'PASS' : 'FAIL'}; ` +
      `jobs 2 / jobs 1 ${times(r.jobs2VsJobs1.median)} ` +
      `${{ 'n/a': 'n/a (1 core)', PASS: 'PASS (faster)', FAIL: 'FAIL (not faster, though 2 processes were)', INCONCLUSIVE: 'INCONCLUSIVE (no spare core during the run: 2 processes on halves were not faster either)' }[v.threads]}; ` +
      `auto (${result.autoThreads ?? '?'} threads) / jobs 1 ${times(r.autoVsJobs1.median)}; 2 processes on halves / jobs 1 ${times(r.halvesVsJobs1.median)}; ` +
      `first line after ${ms(result.runs['jobs 1'].firstLine.median)} ms of ${ms(result.runs['jobs 1'].ms.median)} ms` +
      `${v.identical ? '' : '; OUTPUTS DIFFER'}.`,
  );
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const result = await measureCli({ quick, log: (l) => process.stderr.write(l + '\n') });
  console.log(formatCliTable(result));
}
