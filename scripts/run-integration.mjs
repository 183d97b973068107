#!/usr/bin/env node
// One integration suite (test/integration/suite), run in a real VS Code, session by session:
//   node  the development extension in the Node extension host, on a copy of the fixtures
//   web   the same extension forced into the web-worker extension host, same suite, bundled
//   vsix  the packaged .vsix installed into a clean extensions dir, its smoke tests (@vsix)
//   start `npm start`'s URL driven in Chromium: the extension reports a typed-in error
// Launcher: desktop VS Code through @vscode/test-electron when one can be downloaded and shown,
// otherwise (or with CANVAS_TEST_OFFLINE=1) code-server in headless Chromium.
//
// usage: node scripts/run-integration.mjs [--modes node,web,vsix,start] [--no-build] [--keep] [--grep TITLE] [--locale ko]
// env:   CANVAS_TEST_OFFLINE=1, CANVAS_TEST_DEADLINE_S (whole run, default 480)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { runInCodeServer } from '../test/integration/launchers/code-server.mjs';
import { findDesktop, installVsixDesktop, runInElectron } from '../test/integration/launchers/electron.mjs';
import { packageVsix } from './package.mjs';
import { codeServerCli, ensureRuntime, repoRoot } from './vscode-runtime.mjs';

const { values: options } = parseArgs({
  options: {
    modes: { type: 'string', default: 'node,web,vsix,start' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false }, // keep temp dirs of passing sessions too
    grep: { type: 'string' }, // only the tests whose full title matches (node and web sessions)
    locale: { type: 'string' }, // the display language of code-server's workbench (--locale ko); the suite reads CANVAS_TEST_LOCALE
  },
});
const modes = options.modes.split(',').map((m) => m.trim()).filter(Boolean);
// The sessions' deadline counts from when the runtime is ready: a cold install of code-server (a
// native build) takes 3 minutes on a quiet machine and over 5 on a busy one, and it once ate the
// web session's share. The install has its own allowance; the watchdog covers both.
const DEADLINE_MS = Number(process.env.CANVAS_TEST_DEADLINE_S ?? 480) * 1000;
const INSTALL_ALLOWANCE_MS = 15 * 60_000;
const started = Date.now();
/** When the sessions began (the runtime installed): their deadline counts from here. */
let sessionsStarted = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const print = (line) => console.log(line);
const suiteOut = join(repoRoot, 'out', 'test', 'integration');

// Exiting runs the 'exit' hooks that kill code-server's process group; Chromium goes with us.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
setTimeout(() => {
  console.error(`integration: deadline of ${(INSTALL_ALLOWANCE_MS + DEADLINE_MS) / 1000} s (install and sessions) exceeded, stopping`);
  process.exit(1);
}, INSTALL_ALLOWANCE_MS + DEADLINE_MS + 30_000).unref();

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: repoRoot });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/** A writable copy of what the suite reads: examples/, test/fixtures/broken/ and test/fixtures/shared/. */
function fixtureWorkspace(dir) {
  const workspace = join(dir, 'workspace');
  const copy = (from, to, keep) => {
    mkdirSync(to, { recursive: true });
    if (!existsSync(from)) return;
    for (const name of readdirSync(from).filter((n) => keep.test(n))) cpSync(join(from, name), join(to, name));
  };
  copy(join(repoRoot, 'examples'), join(workspace, 'examples'), /\.canvas\.ya?ml$/);
  copy(join(repoRoot, 'test', 'fixtures', 'broken'), join(workspace, 'broken'), /\.(canvas\.ya?ml|expected\.json)$/);
  // Canvases more than one kind of test reads (unit, browser and integration).
  copy(join(repoRoot, 'test', 'fixtures', 'shared'), join(workspace, 'shared'), /\.canvas\.ya?ml$/);
  return workspace;
}

// mocha's browser build is a UMD that exports through `module` when one is in scope; in the web
// worker the loader's `module` (our bundle's) is, and mocha would replace our exports. Shadowed,
// mocha goes to globalThis as in a page.
const mochaToGlobal = {
  name: 'mocha-to-global',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `var module, exports, define;\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

/**
 * The web-worker host can only require('vscode'): bundle the suite with mocha's browser build and
 * inline the settings the Node host reads from its environment. The bundle lives inside the
 * extension's folder so that VS Code runs it in the extension's own (web-worker) host.
 */
async function bundleWebSuite(testEnv) {
  const suiteDir = join(repoRoot, 'test', 'integration', 'suite');
  const tests = readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).sort();
  const outfile = join(suiteOut, 'web', 'index.js');
  await esbuild.build({
    stdin: {
      contents: `import { runWithTests } from '../web/index';
export const run = () => runWithTests(() => {
${tests.map((t) => `  require('./${t.replace(/\.ts$/, '')}');`).join('\n')}
});`,
      resolveDir: suiteDir,
      sourcefile: 'web-suite.js',
    },
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    define: { 'process.env': JSON.stringify(testEnv) }, // a worker has no `process`
    plugins: [mochaToGlobal],
  });
  return outfile;
}

/** A do-nothing extension to satisfy extensionDevelopmentPath when the real one is installed. */
function stubExtension(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'canvas-integration-host', publisher: 'canvas-as-code-tests', version: '0.0.0', engines: { vscode: '*' } }),
  );
  return dir;
}

async function chooseLauncher() {
  const desktop = await findDesktop();
  if ('executable' in desktop) {
    print(`launcher: desktop VS Code via @vscode/test-electron (${desktop.executable})`);
    return {
      desktop: true,
      run: (session) => runInElectron({ ...session, executable: desktop.executable }),
      installVsix: (vsix, dir) => installVsixDesktop(desktop.executable, vsix, dir),
    };
  }
  print(`launcher: code-server in headless Chromium (desktop unavailable: ${desktop.reason})`);
  ensureRuntime();
  return {
    run: runInCodeServer,
    installVsix: (vsix, dir) => codeServerCli(['--install-extension', vsix, '--force'], { extensionsDir: dir }),
  };
}

/** Everything one session needs: where the extension and tests come from, what the window opens. */
async function prepare(mode, tmp, launcher, testEnv) {
  const nodeSuite = join(suiteOut, 'suite', 'index.js');
  switch (mode) {
    case 'node':
      return { developmentPath: repoRoot, testsPath: nodeSuite, workspace: fixtureWorkspace(tmp) };
    case 'web':
      return { developmentPath: repoRoot, testsPath: await bundleWebSuite(testEnv), workspace: fixtureWorkspace(tmp), developmentKind: 'web' };
    case 'vsix': {
      const { file, bytes } = packageVsix({ print });
      print(`vsix: ${file} (${(bytes / 1024).toFixed(0)} KB)`);
      const extensionsDir = testEnv.CANVAS_TEST_EXTENSIONS_DIR;
      launcher.installVsix(file, extensionsDir);
      // An empty folder: nothing but opening a canvas can activate the installed extension.
      const workspace = join(tmp, 'workspace');
      mkdirSync(workspace);
      return { developmentPath: stubExtension(join(tmp, 'stub')), testsPath: nodeSuite, workspace, extensionsDir };
    }
    default:
      throw new Error(`unknown mode ${mode} (node, web, vsix, start)`);
  }
}

/** .ci/run sums the {passed, failed} files of every suite in $TEST_RESULTS_DIR: one per session. */
function record(name, { passed, failed }) {
  const dir = process.env.TEST_RESULTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ passed, failed }));
}

function readResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function runSession(mode, launcher) {
  const t0 = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), `canvas-it-${mode}-`));
  const resultFile = join(tmp, 'results.json');
  const testEnv = {
    CANVAS_TEST_MODE: mode,
    CANVAS_TEST_RESULT: resultFile,
    ...(mode === 'vsix' ? { CANVAS_TEST_GREP: '@vsix', CANVAS_TEST_EXTENSIONS_DIR: join(tmp, 'extensions') } : options.grep ? { CANVAS_TEST_GREP: options.grep } : {}),
    ...(options.locale ? { CANVAS_TEST_LOCALE: options.locale } : {}),
  };
  print(`\n── ${mode} session ──`);
  const session = await prepare(mode, tmp, launcher, testEnv);
  const code = await launcher.run({
    label: mode,
    ...session,
    locale: options.locale,
    testEnv,
    deadlineMs: DEADLINE_MS - (Date.now() - sessionsStarted),
    print,
  });
  const results = readResults(resultFile) ?? { passed: 0, failed: 0, pending: 0, missing: true };
  // A crash before mocha reported (or after it) still counts as a failure.
  if (code !== 0 && results.failed === 0) results.failed = 1;
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  print(
    `integration[${mode}]: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending in ${seconds}s` +
      (results.missing ? ' (the suite wrote no results)' : ''),
  );
  if (results.failed === 0 && !options.keep) rmSync(tmp, { recursive: true, force: true });
  else print(`  session files kept in ${tmp}`);
  return results;
}

/** `npm start -- --check` as a child: one test, passed when it exits 0. */
function runStartCheck() {
  print('\n── start session ──');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'start.mjs'), '--check', '--no-build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    timeout: Math.max(1, DEADLINE_MS - (Date.now() - sessionsStarted)),
  });
  const results = { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, pending: 0 };
  print(`integration[start]: ${results.passed} passed, ${results.failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return results;
}

async function main() {
  if (!options['no-build']) run('npm', ['run', 'build']);
  run(join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', join('test', 'integration', 'tsconfig.json'), '--noEmit']);
  print(`build and type check done at ${elapsed()}`);
  const launcher = await chooseLauncher();
  sessionsStarted = Date.now();
  const totals = { passed: 0, failed: 0 };
  if (launcher.desktop && !process.argv.some((a) => a.startsWith('--modes'))) {
    // The start check drives code-server; with a desktop `code`, npm start does not use it.
    modes.splice(modes.indexOf('start'), 1);
  }
  // A run in another display language records beside the English one (integration-node-ko.json).
  const resultName = (mode) => `integration-${mode}${options.locale ? `-${options.locale}` : ''}`;
  for (const mode of modes) {
    try {
      const r = mode === 'start' ? runStartCheck() : await runSession(mode, launcher);
      record(resultName(mode), r);
      totals.passed += r.passed;
      totals.failed += r.failed;
    } catch (error) {
      print(`integration[${mode}]: could not run: ${error?.stack ?? error}`);
      record(resultName(mode), { passed: 0, failed: 1 });
      totals.failed += 1;
    }
  }
  print(`\nintegration: ${totals.passed} passed, ${totals.failed} failed (${modes.join(', ')} in ${elapsed()})`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  record('integration', { passed: 0, failed: 1 });
  print('integration: 0 passed, 1 failed');
  process.exit(1);
});
