#!/usr/bin/env node
// Start-up budgets (issue 7, item 5): bundle sizes, the .vsix size, and what activate() costs.
//
//  - Sizes are those of the bundles the .vsix ships: `scripts/package.mjs` runs
//    `node esbuild.mjs --production` (minified, no sourcemaps) and packs with vsce. This module runs
//    the same esbuild.mjs, unchanged, with its working directory set to a temporary folder that
//    links `src` and `node_modules` (every path in esbuild.mjs is relative to the working
//    directory), so the repository's dist/ is not touched; then packs a .vsix from a temporary
//    copy of the repository with that production dist/, with the vsce flags package.mjs uses.
//    Budgets: extension bundle (one for the Node and web-worker hosts) < 400 KB, webview bundle < 200 KB, .vsix < 1 MB
//    (KB = 1,024 bytes, as vsce and package.mjs count).
//  - activate(): in fresh processes (bench/startup-child.cjs), the production bundle is required
//    against a recording fake `vscode` module (bench/startup-fake-vscode.cjs), timing
//    `require(bundle)` and `activate(context)` apart with performance.now(). Interleaved rounds
//    (order rotating), >= 15, after one warm-up process each (disk cache). Budget: the median of
//    the per-process ratios activate / load is at most 0.5. Three scenarios: no document open,
//    non-canvas documents open (markdown, plain YAML), and those plus one canvas (examples/
//    b2b-saas), as when VS Code activates the extension on `onLanguage:canvas-yaml`.
//  - No work at start-up and none for other files: a probe process records every vscode call;
//    activate must not call workspace.findFiles nor read (getText) any open document that is not
//    a canvas; open/change/focus events of non-canvas documents must not set diagnostics or read
//    them; a canvas document gets its diagnostics at once on open and after the typing debounce
//    on change (waited for on the fake's collection.set, 5 s deadline, no fixed sleep). No schema
//    compile at run time: `new Function` (how ajv compiles) occurs 0 times in the bundles.
//
// Requires `npm run build` first (src/core/generated, the compiled schema, comes from it).
// Usage: node bench/startup.mjs [--quick] [--no-vsix]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { summary } from './stats.mjs';
import { SHIPPED } from '../scripts/shipped.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const CHILD = join(root, 'bench', 'startup-child.cjs');
const CANVAS = join(root, 'examples', 'b2b-saas.canvas.yaml');

export const KB = 1024;
export const SIZE_BUDGETS = {
  'dist/extension/extension.js': 400 * KB,
  'dist/webview/preview.js': 200 * KB,
};
export const VSIX_BUDGET = 1024 * KB;
export const ACTIVATE_BUDGET = 0.5;
const SCENARIOS = ['bare', 'non-canvas', 'canvas'];
const SCENARIO_LABEL = { bare: 'no document open', 'non-canvas': 'non-canvas documents open', canvas: '+ one canvas open (10.8 KB)' };

// ---------------------------------------------------------------------------------------------
// Production build and package

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout || '').slice(0, 2000)}`);
  return r.stdout;
}

/** `node esbuild.mjs --production` into `<dir>/dist`, the repository's dist/ untouched. */
function buildProduction(dir) {
  symlinkSync(join(root, 'src'), join(dir, 'src'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  run(process.execPath, [join(root, 'esbuild.mjs'), '--production'], dir);
  return join(dir, 'dist');
}

/** Bytes per input package/folder of a bundle, from an esbuild metafile of the same options. */
function breakdown(entry, platform, expectedBytes) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    return undefined;
  }
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    alias: { yaml: './node_modules/yaml/browser/index.js' },
    minify: true,
    target: 'es2022',
    platform,
    format: 'cjs',
    external: ['vscode'],
    define: platform === 'browser' ? { 'process.env.NODE_ENV': '"production"' } : undefined,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents.length;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const groups = new Map();
  for (const [path, info] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    let key = pkg ? `node_modules/${pkg[1]}` : path.split('/').slice(0, 3).join('/');
    if (!pkg && /^src\/core\/[^/]+\.ts$/.test(path)) key = 'src/core/*.ts';
    if (!pkg && /^src\/extension\/[^/]+\.ts$/.test(path)) key = 'src/extension/*.ts';
    groups.set(key, (groups.get(key) ?? 0) + info.bytesInOutput);
  }
  const parts = [...groups.entries()].map(([name, b]) => ({ name, bytes: b })).sort((a, b) => b.bytes - a.bytes);
  return { bytes, matches: bytes === expectedBytes, parts };
}

function packVsix(prodDist, tmp) {
  const copy = join(tmp, 'package');
  const skip = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', '.test-results', 'bench', 'src', 'test']);
  cpSync(root, copy, {
    recursive: true,
    filter: (src) => {
      const rel = relative(root, src);
      if (!rel) return true;
      const top = rel.split(/[\\/]/)[0];
      return !skip.has(top) && !rel.endsWith('.vsix');
    },
  });
  mkdirSync(join(copy, 'dist'), { recursive: true });
  // The CLI (dist/cli.js, bin/) is not in the .vsix: it is its own npm package (scripts/pack-cli.mjs).
  for (const part of ['extension', 'webview']) {
    if (existsSync(join(prodDist, part))) cpSync(join(prodDist, part), join(copy, 'dist', part), { recursive: true });
  }
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const files = run(vsce, ['ls', '--no-dependencies'], copy).split('\n').filter(Boolean);
  const stray = files.filter((f) => !SHIPPED.some((p) => p.test(f)));
  const file = join(tmp, 'canvas-as-code.vsix');
  run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', file], copy);
  return { bytes: statSync(file).size, files: files.length, stray };
}

function countOccurrences(text, needle) {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Child processes

function child(args) {
  const r = spawnSync(process.execPath, [CHILD, ...args], { encoding: 'utf8', timeout: 60_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let out;
  try {
    out = JSON.parse(line);
  } catch {
    out = { error: `exit ${r.status} ${r.signal ?? ''}: ${(r.stderr || r.stdout).slice(0, 500)}` };
  }
  if (out.error) throw new Error(`startup-child ${args.join(' ')}: ${out.error}`);
  return out;
}

function timeActivation(bundles, rounds) {
  const jobs = [];
  for (const [name, file] of Object.entries(bundles)) for (const scenario of SCENARIOS) jobs.push({ name, file, scenario, samples: [] });
  // One warm-up process per job (file system cache, V8 code on disk is not used by Node 20 anyway).
  for (const job of jobs) child(['time', job.file, job.scenario, CANVAS]);
  for (let r = 0; r < rounds; r++) {
    const shift = r % jobs.length;
    const order = [...jobs.slice(shift), ...jobs.slice(0, shift)];
    if (r % 2) order.reverse();
    for (const job of order) job.samples.push(child(['time', job.file, job.scenario, CANVAS]));
  }
  return jobs.map((job) => {
    const ratios = job.samples.map((s) => s.activate / s.load);
    const ratio = summary(ratios);
    const last = job.samples[job.samples.length - 1];
    return {
      bundle: job.name,
      scenario: job.scenario,
      rounds: job.samples.length,
      load: summary(job.samples.map((s) => s.load)),
      activate: summary(job.samples.map((s) => s.activate)),
      ratio,
      setsDuringActivate: last.sets,
      readsDuringActivate: last.reads,
      findFiles: Math.max(...job.samples.map((s) => s.findFiles)),
      pass: ratio.median <= ACTIVATE_BUDGET,
    };
  });
}

// ---------------------------------------------------------------------------------------------

/**
 * Builds the production bundles and the .vsix in a temporary folder, times activation in fresh
 * processes and probes what activate and the document events do. Returns a structured result.
 * @param {{ quick?: boolean, vsix?: boolean, rounds?: number, log?: (line: string) => void }} [options]
 */
export async function measureStartup({ quick = false, vsix = true, rounds, log = () => {} } = {}) {
  const tmp = mkdtempSync(join(os.tmpdir(), 'canvas-startup-'));
  try {
    log('building the production bundles (node esbuild.mjs --production, in a temporary folder)...');
    const dist = buildProduction(tmp);
    const sizes = [];
    const scans = [];
    for (const rel of ['extension/extension.js', 'webview/preview.js', 'cli.js', 'core.js']) {
      const file = join(dist, rel);
      if (!existsSync(file)) continue;
      const text = readFileSync(file);
      const name = `dist/${rel}`;
      const budget = SIZE_BUDGETS[name];
      sizes.push({ name, bytes: text.length, gzip: gzipSync(text).length, budget, pass: budget === undefined ? undefined : text.length < budget, shipped: rel !== 'core.js' });
      const source = text.toString('utf8');
      scans.push({ name, newFunction: countOccurrences(source, 'new Function'), evalCalls: (source.match(/\beval\(/g) ?? []).length });
    }
    const extensionBytes = sizes.find((s) => s.name === 'dist/extension/extension.js')?.bytes;
    const composition = breakdown('src/extension/extension.ts', 'browser', extensionBytes);

    let vsixResult;
    if (vsix) {
      log('packing the .vsix (vsce, from a temporary copy)...');
      try {
        const v = packVsix(dist, tmp);
        vsixResult = { ...v, budget: VSIX_BUDGET, pass: v.bytes < VSIX_BUDGET && v.stray.length === 0 };
      } catch (error) {
        vsixResult = { error: String(error.message ?? error).split('\n')[0] };
      }
    }

    const bundles = { extension: join(dist, 'extension', 'extension.js') };
    const n = rounds ?? (quick ? 15 : 30);
    log(`timing require() and activate() in fresh processes: ${n} rounds x ${Object.keys(bundles).length * SCENARIOS.length} processes...`);
    const timing = timeActivation(bundles, n);

    log('probing what activate and document events do...');
    const probes = {};
    for (const [name, file] of Object.entries(bundles)) probes[name] = child(['probe', file, CANVAS]);

    const checks = [];
    const check = (name, pass, detail) => checks.push({ name, pass, detail });
    for (const [name, p] of Object.entries(probes)) {
      const ev = p.events;
      check(`${name}: no workspace scan (workspace.findFiles calls)`, p.findFiles === 0, `${p.findFiles}`);
      check(
        `${name}: activate reads no non-canvas document, sets no diagnostics`,
        p.readsDuringActivate.readme === 0 && p.readsDuringActivate.plainYaml === 0 && p.setsDuringActivate === 0,
        `getText ${p.readsDuringActivate.readme + p.readsDuringActivate.plainYaml}, collection.set ${p.setsDuringActivate}`,
      );
      check(
        `${name}: non-canvas open/change/focus: no diagnostics, no read`,
        ev.nonCanvas.sets === 0 && ev.nonCanvas.reads === 0,
        `collection.set ${ev.nonCanvas.sets}, getText ${ev.nonCanvas.reads} (closing them: collection.delete ${ev.nonCanvas.deletes})`,
      );
      check(
        `${name}: canvas open: diagnostics at once; edit: after the debounce`,
        ev.canvas.setsAfterOpen >= 1 && ev.canvas.sets >= ev.canvas.setsAfterOpen + 1 && !ev.canvas.waitError,
        ev.canvas.waitError
          ? `waited: ${ev.canvas.waitError}`
          : `collection.set ${ev.canvas.setsAfterOpen} on open (${ev.canvas.openMs.toFixed(1)} ms, first validation in the process), ${ev.canvas.sets} in all; edit to diagnostics ${ev.canvas.debounceMs.toFixed(0)} ms`,
      );
    }
    for (const s of scans.filter((x) => sizes.find((y) => y.name === x.name)?.shipped)) {
      check(`${s.name}: no run-time code generation (new Function)`, s.newFunction === 0, `new Function ${s.newFunction}, eval( ${s.evalCalls}`);
    }
    const canvasRows = timing.filter((t) => t.scenario === 'canvas');
    for (const t of canvasRows) {
      check(
        `${t.bundle}: activate with a canvas open validates it inside activate`,
        undefined,
        `collection.set ${t.setsDuringActivate} during activate, getText per open document [${t.readsDuringActivate.join(', ')}]`,
      );
    }

    return {
      machine: machineLine(),
      sizes,
      composition,
      vsix: vsixResult,
      timing,
      probes,
      checks,
      quick,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function machineLine() {
  const cpus = os.cpus();
  return (
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB; ` +
    `node ${process.version} (${process.platform}-${process.arch}); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ` +
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`
  );
}

const kb = (bytes) => (bytes / KB).toFixed(1);
const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** The report: sizes, composition, .vsix, activation table, checks, verdict lines. */
export function formatStartupTable(result) {
  const out = [];
  out.push('Start-up: production bundles (node esbuild.mjs --production, as npm run package builds them), the .vsix, activate()');
  out.push(result.machine);
  out.push('');
  out.push(`${pad('bundle', 28)}  ${lpad('KB', 7)}  ${lpad('gzip KB', 7)}  ${lpad('budget KB', 13)}  result`);
  out.push(`${'-'.repeat(28)}  ${'-'.repeat(7)}  ${'-'.repeat(7)}  ${'-'.repeat(13)}  ------`);
  for (const s of result.sizes) {
    const budget = s.budget ? `< ${s.budget / KB}` : s.shipped ? '-' : '(not shipped)';
    out.push(`${pad(s.name, 28)}  ${lpad(kb(s.bytes), 7)}  ${lpad(kb(s.gzip), 7)}  ${lpad(budget, 13)}  ${s.pass === undefined ? '' : s.pass ? 'PASS' : `FAIL (+${kb(s.bytes - s.budget)} KB)`}`);
  }
  if (result.vsix?.error) out.push(`${pad('.vsix', 28)}  could not pack: ${result.vsix.error}`);
  else if (result.vsix)
    out.push(
      `${pad('.vsix', 28)}  ${lpad(kb(result.vsix.bytes), 7)}  ${lpad('', 7)}  ${lpad(`< ${result.vsix.budget / KB}`, 13)}  ${result.vsix.pass ? 'PASS' : 'FAIL'}  (${result.vsix.files} files${result.vsix.stray.length ? `; not shippable: ${result.vsix.stray.join(', ')}` : ''})`,
    );
  out.push('KB = 1,024 bytes (as vsce and scripts/package.mjs count). gzip: for comparison only (the .vsix is a zip).');
  if (result.composition) {
    const c = result.composition;
    const top = c.parts.slice(0, 8).map((p) => `${p.name} ${kb(p.bytes)}`).join(', ');
    out.push(`dist/extension/extension.js by input (esbuild metafile, same options${c.matches ? ', same size' : `, ${c.bytes} bytes: differs from esbuild.mjs's output`}): ${top} KB`);
  }
  out.push('');
  out.push(`activate() against require() of the same production bundle, fresh process each, interleaved rounds; budget: activate <= ${ACTIVATE_BUDGET} x load`);
  out.push(
    `${pad('bundle', 9)}  ${pad('documents open', 28)}  ${lpad('rounds', 6)}  ${lpad('load ms', 8)}  ${lpad('activate ms', 11)}  ${lpad('ratio', 6)}  ${lpad('IQR', 11)}  ${lpad('min-max', 11)}  ${lpad('sets', 4)}  budget`,
  );
  out.push(`${'-'.repeat(9)}  ${'-'.repeat(28)}  ------  --------  -----------  ------  -----------  -----------  ----  ------`);
  for (const t of result.timing) {
    out.push(
      `${pad(t.bundle, 9)}  ${pad(SCENARIO_LABEL[t.scenario], 28)}  ${lpad(t.rounds, 6)}  ${lpad(ms(t.load.median), 8)}  ${lpad(ms(t.activate.median), 11)}  ${lpad(`${t.ratio.median.toFixed(2)}x`, 6)}  ${lpad(`${t.ratio.q1.toFixed(2)}-${t.ratio.q3.toFixed(2)}`, 11)}  ${lpad(`${t.ratio.min.toFixed(2)}-${t.ratio.max.toFixed(2)}`, 11)}  ${lpad(t.setsDuringActivate, 4)}  ${t.pass ? 'PASS' : 'FAIL'}`,
    );
  }
  out.push('load = require(bundle) (read, compile, run the top level); activate = activate(context); ms: medians; ratio: median of');
  out.push('the per-process activate/load, with IQR and min-max. sets: diagnostics published inside activate (a validation).');
  out.push('');
  out.push('What activate and document events do (recording fake vscode, one probe process per bundle):');
  for (const c of result.checks) out.push(`  ${c.pass === undefined ? 'NOTE' : c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
  const p = result.probes.extension;
  if (p) {
    const registered = Object.entries(p.activateCalls)
      .filter(([k]) => /register|create|\.onDid/.test(k))
      .map(([k, v]) => (v > 1 ? `${k} x${v}` : k));
    out.push(`  activate registers: ${registered.join(', ')}; ${p.subscriptions} subscriptions`);
    if (p.unmodelled.length) out.push(`  vscode API the fake did not model (generic proxy): ${p.unmodelled.join(', ')}`);
  }
  out.push('');
  out.push(verdictLine(result));
  return out.join('\n');
}

export function verdictLine(result) {
  const parts = [];
  let ok = true;
  for (const s of result.sizes.filter((x) => x.budget)) {
    ok &&= s.pass;
    parts.push(`${s.name.replace('dist/', '')} ${kb(s.bytes)} KB ${s.pass ? 'PASS' : 'FAIL'}`);
  }
  if (result.vsix && !result.vsix.error) {
    ok &&= result.vsix.pass;
    parts.push(`.vsix ${kb(result.vsix.bytes)} KB ${result.vsix.pass ? 'PASS' : 'FAIL'}`);
  }
  for (const t of result.timing) {
    ok &&= t.pass;
    parts.push(`activate/load ${t.bundle} ${t.scenario} ${t.ratio.median.toFixed(2)}x ${t.pass ? 'PASS' : 'FAIL'}`);
  }
  const failedChecks = result.checks.filter((c) => c.pass === false);
  ok &&= failedChecks.length === 0;
  parts.push(`checks ${result.checks.filter((c) => c.pass).length}/${result.checks.filter((c) => c.pass !== undefined).length} PASS`);
  return `VERDICT startup: ${ok ? 'PASS' : 'FAIL'}: ${parts.join('; ')}.`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const vsix = !process.argv.includes('--no-vsix');
  const result = await measureStartup({ quick, vsix, log: (line) => process.stderr.write(`${line}\n`) });
  console.log(formatStartupTable(result));
}
