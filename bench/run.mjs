#!/usr/bin/env node
// `npm run bench`: every budget of issue 7 measured in one process, one section after another,
// then one summary table (budget, measured, limit, PASS/FAIL) with the machine it ran on. Each
// section prints its own detailed table; every ratio is measured within one section's rounds
// (interleaved, warm), since absolute times on shared machines are noise.
//
// Sections: validation (ours vs yaml.parseDocument, every input, and the editor providers),
// peer (ours vs yaml-language-server, one-card edit), heap (1,000 edits), diff and render, CLI
// (1,000 files; child processes by nature), startup and size (child processes), robustness,
// linearity (aliases and schema errors, issue 12), links (a value-proposition canvas with its
// business model, issue 14), preview (typing: the extension's share per key, headless Chromium, issue 15),
// workbench (typing with the preview open in the real VS Code, issue 15).
//
// Usage: node bench/run.mjs [--quick] [--only a,b] [--skip a,b] [--cases N]
//   (npm run bench builds first). Always exits 0: the verdicts are printed.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { generateCanvas } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const listArg = (name) => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1].split(',');
};
const only = listArg('--only');
const skip = listArg('--skip') ?? [];
const casesArg = argv.includes('--cases') ? Number(argv[argv.indexOf('--cases') + 1]) : undefined;
const wanted = (name) => (!only || only.includes(name)) && !skip.includes(name);

const budgets = [];
const add = (section, name, measured, limit, pass) => budgets.push({ section, name, measured, limit, pass });
const times = (x) => (Number.isFinite(x) ? x.toFixed(2) + 'x' : 'n/a');
const heading = (title) => console.log(`\n${'='.repeat(100)}\n${title}\n${'='.repeat(100)}`);
const started = performance.now();

function machine() {
  const cpus = os.cpus();
  const version = (name) => {
    try {
      return require(`${name}/package.json`).version;
    } catch {
      return '?';
    }
  };
  return (
    `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB; node ${process.version} ` +
    `(${process.platform}-${process.arch}); yaml ${version('yaml')}, ajv ${version('ajv')}, yaml-language-server ${version('yaml-language-server')}`
  );
}

/** Runs a section; a section that throws is a FAIL row, not the end of the bench. */
async function section(name, title, run) {
  if (!wanted(name)) return;
  heading(title);
  const t = performance.now();
  try {
    await run();
  } catch (error) {
    console.log(`section ${name} failed: ${error?.stack ?? error}`);
    add(name, `section ${name} ran`, 'threw', 'no error', false);
  }
  console.log(`(${name}: ${((performance.now() - t) / 1000).toFixed(0)} s)`);
}

console.log(`Canvas as Code bench${quick ? ' (--quick)' : ''}: ${machine()}`);
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);

await section('validation', 'Full validation against yaml.parseDocument, and the editor providers', async () => {
  const { runValidation, BUDGET } = await import('./validation.mjs');
  const result = await runValidation({ quick, phases: !quick });
  for (const b of result.budgets) add('validation', b.name, b.measured, b.limit, b.pass);
  void BUDGET;
});

await section('peer', 'Ours against the Red Hat YAML language server, and the edit-to-diagnostics time', async () => {
  const peer = await import('./peer.mjs');
  const core = require('./dist/core.js');
  const inputs = readdirSync(join(root, 'examples'))
    .filter((f) => /\.canvas\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ label: `examples/${f}`, text: readFileSync(join(root, 'examples', f), 'utf8') }));
  inputs.push({ label: 'generated 20 cards (typical 2 KB)', text: generateCanvas(20, 1) });
  for (const cards of [100, 1000, 8000]) inputs.push({ label: `generated ${cards} cards`, text: generateCanvas(cards, 1) });
  const result = await peer.measurePeer({ core, inputs, quick, onProgress: (line) => process.stderr.write(`${line}\n`) });
  console.log(peer.formatPeerTable(result));
  for (const row of result.rows) {
    add('peer', `language server / ours, full validation, ${row.label}`, times(row.lsOverOurs.median), `>= ${peer.PEER_BUDGET}x`, row.pass);
  }
  const edit = result.edit;
  if (edit?.lsOverInc) {
    add('peer', `edit-to-diagnostics, one-card edit, 8,000 cards: language server full / ours incremental`, `${edit.lsOverInc.median.toFixed(1)}x (${edit.inc.median.toFixed(1)} ms vs ${edit.ls.median.toFixed(0)} ms)`, `>= ${peer.EDIT_BUDGET}x`, edit.pass);
  } else add('peer', 'edit-to-diagnostics, one-card edit', 'not measured', `>= ${peer.EDIT_BUDGET}x`, false);
  add('peer', 'the language server applied our schema (a typo gets its diagnostic)', result.proof.ok ? 'yes' : 'no', 'yes', result.proof.ok);
  add('peer', 'network attempts while the language server ran', String(result.network.attempts), '0', result.network.attempts === 0);
});

await section('heap', 'Heap growth over 1,000 edits', async () => {
  const { measureHeap, formatHeap, HEAP_BUDGET } = await import('./heap.mjs');
  const r = await measureHeap({ quick });
  console.log(formatHeap(r));
  add('heap', `heap growth over ${r.edits} incremental edits of 8,000 cards`, `${r.growthMb.toFixed(2)} MB`, `<= ${HEAP_BUDGET * 100}% of ${r.heldMb.toFixed(1)} MB`, r.pass);
});

await section('diff', 'Diff and render of the big canvas', async () => {
  const { measureDiffRender, formatDiffRender, DIFF_BUDGET } = await import('./diff.mjs');
  const r = await measureDiffRender({ quick });
  console.log(formatDiffRender(r));
  add('diff', 'diff of two 8,000-card versions / full validation', `${(r.diffRatio * 100).toFixed(1)}%`, `<= ${DIFF_BUDGET * 100}%`, r.pass);
});

await section('links', 'Links across files: a value-proposition canvas with its business model (issue 14)', async () => {
  const { measureLinks, formatLinks, LINKS_BUDGET } = await import('./links.mjs');
  const r = await measureLinks({ quick });
  console.log(formatLinks(r));
  for (const row of r.rows) add('links', `VPC + its linked business model / both validated alone, ${row.label}`, times(row.cold.median), `<= ${LINKS_BUDGET}x`, row.pass);
});

await section('linearity', 'Linearity: 40,000 aliases, and a file full of schema errors (issue 12)', async () => {
  const { measureLinearity, formatLinearity } = await import('./linearity.mjs');
  const r = measureLinearity({ quick });
  console.log(formatLinearity(r));
  for (const b of r.budgets) add('linearity', b.name, b.measured, b.limit, b.pass);
});

await section('cli', 'The CLI over 1,000 canvases', async () => {
  const cli = await import('./cli.mjs');
  const r = await cli.measureCli({ quick, log: (line) => process.stderr.write(`${line}\n`) });
  console.log(cli.formatCliTable(r));
  const v = cli.cliVerdicts(r);
  add('cli', 'validate 1,000 files, --jobs 1 / bare read + parseDocument', times(r.ratios.jobs1VsBare.median), `<= ${cli.CLI_BUDGET}x`, v.budget);
  // On a busy machine even two processes on halves are no faster than one: then threads cannot be
  // judged (INCONCLUSIVE), which the summary counts as not met rather than hides.
  if (v.faster !== undefined) {
    add('cli', 'validate 1,000 files, --jobs 2 / --jobs 1', `${times(r.ratios.jobs2VsJobs1.median)}${v.threads === 'INCONCLUSIVE' ? ' (no spare core)' : ''}`, '< 1.00x', v.threads === 'PASS');
  }
  add('cli', 'same output with and without workers', v.identical ? 'yes' : 'no', 'yes', v.identical);
});

await section('startup', 'Start-up and size', async () => {
  const startup = await import('./startup.mjs');
  const r = await startup.measureStartup({ quick, log: (line) => process.stderr.write(`${line}\n`) });
  console.log(startup.formatStartupTable(r));
  for (const s of r.sizes.filter((x) => x.budget)) add('startup', `${s.name} minified`, `${(s.bytes / 1024).toFixed(0)} KB`, `< ${(s.budget / 1024).toFixed(0)} KB`, s.pass);
  if (r.vsix && !r.vsix.error) add('startup', '.vsix', `${(r.vsix.bytes / 1024).toFixed(0)} KB`, `< ${(startup.VSIX_BUDGET / 1024).toFixed(0)} KB`, r.vsix.pass);
  else add('startup', '.vsix', `not built: ${r.vsix?.error ?? 'skipped'}`, `< ${(startup.VSIX_BUDGET / 1024).toFixed(0)} KB`, false);
  for (const t of r.timing) add('startup', `activate / bundle load, ${t.bundle} ${t.scenario}`, times(t.ratio.median), `<= ${startup.ACTIVATE_BUDGET}x`, t.pass);
  for (const c of r.checks.filter((x) => x.pass !== undefined)) add('startup', c.name, c.pass ? 'yes' : 'no', 'yes', c.pass);
});

await section('preview', 'The preview while typing: host and page per key, 50 and 1,000 cards (issue 15)', async () => {
  // Headless Chromium on the built page, no VS Code: the extension's own share of an update.
  const { measurePreview, formatPreview, previewVerdicts } = await import('./preview.mjs');
  const { closeBrowser } = await import('../test/browser/harness.mjs');
  try {
    const r = await measurePreview({ quick });
    console.log(formatPreview(r));
    for (const v of previewVerdicts(r)) add('preview', v.name, v.measured, v.limit, v.pass);
  } finally {
    await closeBrowser();
  }
});

await section('workbench', 'Speed while typing, in the real workbench: code-server in headless Chromium (issue 15)', async () => {
  // A child process under the machine-wide lock (one real VS Code at a time: integration tests take
  // it too); it writes its result as JSON for the summary.
  const { spawnSync } = await import('node:child_process');
  const { formatWorkbench, workbenchVerdicts, LOCK_FILE } = await import('./workbench.mjs');
  const out = join(root, 'bench', 'generated', 'workbench.json');
  mkdirSync(dirname(out), { recursive: true });
  const r = spawnSync('flock', [LOCK_FILE, process.execPath, join(root, 'bench', 'workbench.mjs'), '--json', out, ...(quick ? ['--quick'] : [])], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`bench/workbench.mjs exited ${r.status ?? r.signal}`);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  console.log(formatWorkbench(result));
  for (const v of workbenchVerdicts(result)) add('workbench', v.name, v.measured, v.limit, v.pass);
});

await section('robustness', 'Robustness sweep', async () => {
  const robustness = await import('../test/robustness/robustness.mjs');
  const cases = casesArg ?? (quick ? robustness.QUICK_CASES : robustness.DEFAULT_CASES);
  const r = await robustness.runRobustness({ cases, quick, log: (line) => process.stderr.write(`${line}\n`) });
  console.log(robustness.formatRobustness(r));
  // failureCount already counts crashes and hangs; quarantined calls were skipped after failing.
  const bad = (r.failureCount ?? r.failures.length) + (r.quarantined?.length ?? 0);
  add('robustness', `${r.cases} fast-check cases: exceptions, hangs, out-of-range spans, incremental mismatches`, String(bad), '0', bad === 0);
  const freshFailed = (r.fresh ?? []).filter((p) => p.kind !== 'ok').length;
  add('robustness', 'hostile inputs in fresh processes (deep nesting, ...): failures', String(freshFailed), '0', freshFailed === 0);
  const slowest = r.maxCallMs ?? r.maxMs;
  add('robustness', 'slowest single call', `${slowest.toFixed(0)} ms`, `< ${robustness.CALL_BUDGET_MS} ms`, slowest < robustness.CALL_BUDGET_MS);
});

// ---------------------------------------------------------------------------------------------
// Summary

const width = Math.min(110, Math.max(...budgets.map((b) => b.name.length)));
const measuredWidth = Math.max(8, ...budgets.map((b) => b.measured.length));
const limitWidth = Math.max(5, ...budgets.map((b) => b.limit.length));
const summary = [
  `Canvas as Code bench summary${quick ? ' (--quick)' : ''}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
    `${((performance.now() - started) / 60000).toFixed(1)} min`,
  `machine: ${machine()}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  '',
  `${'section'.padEnd(10)}  ${'budget'.padEnd(width)}  ${'measured'.padStart(measuredWidth)}  ${'limit'.padEnd(limitWidth)}  verdict`,
  `${'-'.repeat(10)}  ${'-'.repeat(width)}  ${'-'.repeat(measuredWidth)}  ${'-'.repeat(limitWidth)}  -------`,
  ...budgets.map(
    (b) => `${b.section.padEnd(10)}  ${b.name.slice(0, width).padEnd(width)}  ${b.measured.padStart(measuredWidth)}  ${b.limit.padEnd(limitWidth)}  ${b.pass ? 'PASS' : 'FAIL'}`,
  ),
  '',
  `VERDICT ALL: ${budgets.every((b) => b.pass) ? 'PASS' : 'FAIL'} (${budgets.filter((b) => b.pass).length}/${budgets.length} budgets met)` +
    (budgets.some((b) => !b.pass) ? `; failing: ${budgets.filter((b) => !b.pass).map((b) => `${b.section}: ${b.name}`).join('; ')}` : ''),
];
heading('Summary');
console.log(summary.join('\n'));
// The latest summary, for the README's table (git-ignored folder).
mkdirSync(join(root, 'bench', 'generated'), { recursive: true });
writeFileSync(join(root, 'bench', 'generated', 'summary.txt'), summary.join('\n') + '\n');
