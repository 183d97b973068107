#!/usr/bin/env node
// `npm start`: build, then open VS Code on a scratch copy of examples/ (.vscode-test/scratch/examples,
// made afresh on each start: edits there never touch the tracked examples the unit tests read) with
// this extension under development.
//   - a desktop `code` on the PATH: `code --extensionDevelopmentPath=<repo> <scratch copy>`
//   - otherwise code-server on 127.0.0.1 (installed by scripts/vscode-runtime.mjs); it has no
//     --extensionDevelopmentPath, so the printed URL carries the workbench's `payload` parameter,
//     which code-server honours with its smoke-test driver enabled. Stays up until Ctrl-C.
//
// usage: npm start [-- --port N] [-- --watch] [-- --check]
//   --watch  rebuild on change (reload the window to pick it up)
//   --check  open the URL in headless Chromium, prove the extension runs there, exit 0/1
// env:   CANVAS_START_WEB=1 uses code-server even when a desktop `code` is on the PATH
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { scratchCopy } from './scratch-examples.mjs';
import { remoteUri, repoRoot, startCodeServer, workbenchUrl } from './vscode-runtime.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    watch: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

function desktopCode() {
  if (options.check || process.env.CANVAS_START_WEB === '1') return null; // --check drives code-server
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const code = join(dir, 'code');
    const r = spawnSync(code, ['--version'], { encoding: 'utf8' });
    // code-server installs a `code` too on some machines; only the desktop build prints a commit hash line.
    if (r.status === 0 && /^[0-9a-f]{40}$/m.test(r.stdout) && !/code-server/i.test(r.stdout)) return code;
  }
  return null;
}

if (!options['no-build']) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const examples = join(repoRoot, 'examples');
// --check edits a canvas and deletes its folder at the end: a temporary copy of its own.
const folder = options.check ? copyOfExamples() : scratchExamples();
const code = desktopCode();
if (code) {
  console.log(`Opening a scratch copy of examples/ (${folder}) in ${code} with the extension under development.`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}

const server = await startCodeServer({
  label: 'start',
  port: options.port ? Number(options.port) : undefined,
  args: ['--vscode-option', 'enable-smoke-test-driver'],
});
const url = workbenchUrl(server.url, { folder, payload: [['extensionDevelopmentPath', remoteUri(server.url, repoRoot)]] });

let watcher;
if (options.watch) {
  watcher = spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: repoRoot, stdio: 'inherit' });
}
const stop = (exitCode) => {
  watcher?.kill();
  server.stop({ removeFiles: exitCode === 0 });
  if (options.check) rmSync(join(folder, '..'), { recursive: true, force: true });
  process.exit(exitCode);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.exited.then((status) => {
  console.error(`code-server exited (${status}); log: ${server.logFile}`);
  stop(1);
});

if (options.check) {
  const { checkWorkbench } = await import('../test/integration/launchers/start-check.mjs');
  const ok = await checkWorkbench(url).catch((error) => {
    console.error(`start check failed: ${error.message}\n${server.logTail(30)}`);
    return false;
  });
  stop(ok ? 0 : 1);
} else {
  console.log(`\nCanvas as Code is running in code-server with the extension under development.
Open this URL in a browser (forward the port if this machine is remote):

  ${url}

Examples: a scratch copy in ${folder}, made afresh on each start (examples/ is not touched)${options.watch ? '\nRebuilding on change: reload the window to pick it up.' : ''}
Logs: ${server.logFile}
Press Ctrl-C to stop.`);
}

function copyOfExamples() {
  const dir = join(mkdtempSync(join(tmpdir(), 'canvas-start-check-')), 'examples');
  cpSync(examples, dir, { recursive: true });
  return dir;
}

/** examples/ and schemas/ side by side (a canvas's `$schema=../schemas/…` comment resolves), fresh each start. */
function scratchExamples() {
  const scratch = join(repoRoot, '.vscode-test', 'scratch');
  scratchCopy(join(repoRoot, 'schemas'), join(scratch, 'schemas'));
  return scratchCopy(examples, join(scratch, 'examples'));
}
