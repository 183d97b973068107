#!/usr/bin/env node
// The offline VS Code runtime for integration tests and `npm start`: code-server (a real VS Code
// server + web workbench) run by its own Node, driven by Debian's Chromium. Everything comes from
// the npm registry and apt, lands in the git-ignored .vscode-test/runtime, and is stamped so that a
// second call costs a few stat()s. Also owns the code-server process: start, log, kill the group.
//
// CLI: node scripts/vscode-runtime.mjs        install if needed, print the paths
//      node scripts/vscode-runtime.mjs --force reinstall
// env: CANVAS_VSCODE_RUNTIME (install dir, default .vscode-test/runtime), CHROMIUM (browser path)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// code-server 4.139.x embeds VS Code 1.139.1 and refuses any Node but 24.
export const VERSIONS = { node: '24.21.0', codeServer: '4.139.1', vscode: '1.139.1' };
const APT_PACKAGES = ['chromium', 'libkrb5-dev']; // the workbench's browser; headers for code-server's `kerberos`

// $CANVAS_VSCODE_RUNTIME lets several clones (or CI jobs with a cache) share one install.
const runtimeDir = resolve(process.env.CANVAS_VSCODE_RUNTIME || join(repoRoot, '.vscode-test', 'runtime'));
const stampFile = join(runtimeDir, 'stamp.json');
const nodePackage = `node-${process.platform}-${process.arch}`;
const nodeDir = join(runtimeDir, 'node', 'node_modules', nodePackage);
const codeServerDir = join(runtimeDir, 'code-server', 'node_modules', 'code-server');

/** Paths of an installed runtime; `chromium` may be overridden with $CHROMIUM. */
export function runtimePaths() {
  return {
    node: join(nodeDir, 'bin', 'node'),
    codeServer: join(codeServerDir, 'out', 'node', 'entry.js'),
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  };
}

const clock = (t0 = Date.now()) => () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
}

function missingAptPackages() {
  const chromium = runtimePaths().chromium;
  return APT_PACKAGES.filter((p) =>
    p === 'chromium' && process.env.CHROMIUM ? !existsSync(chromium) : spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0,
  );
}

function installAptPackages(missing, log) {
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages: ${missing.join(' ')} (run as root, or: sudo apt-get install -y ${missing.join(' ')})`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], env);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], env);
}

// Under `npm run`, the outer npm exports its identity (a user agent naming its Node, its prefix,
// package fields). An inner npm takes those as its own config, and code-server's postinstall reads
// the Node version from the user agent: drop them.
const OUTER_NPM = /^(npm_config_(user_agent|local_prefix|prefix|global_prefix)|npm_(lifecycle|package)_.*|npm_node_execpath|npm_execpath|NODE|INIT_CWD)$/i;

function npmInstall(prefix, spec, env = process.env) {
  mkdirSync(prefix, { recursive: true });
  const own = Object.fromEntries(Object.entries(env).filter(([key]) => !OUTER_NPM.test(key)));
  run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], own);
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

function isInstalled() {
  const stamp = readStamp();
  const paths = runtimePaths();
  return (
    stamp?.node === VERSIONS.node &&
    stamp?.codeServer === VERSIONS.codeServer &&
    existsSync(paths.node) &&
    existsSync(paths.codeServer)
  );
}

/**
 * Install whatever is missing and return the runtime's paths. Idempotent; `force` reinstalls.
 * @param {{ force?: boolean, log?: (msg: string) => void }} [options]
 */
export function ensureRuntime({ force = false, log = (m) => console.log(`[runtime] ${m}`) } = {}) {
  const elapsed = clock();
  const missing = missingAptPackages();
  if (missing.length) installAptPackages(missing, log);
  if (!force && isInstalled()) return runtimePaths();

  log(`installing Node ${VERSIONS.node} and code-server ${VERSIONS.codeServer} into ${runtimeDir}`);
  rmSync(stampFile, { force: true });
  if (force) rmSync(runtimeDir, { recursive: true, force: true });
  if (missing.length) log(`apt done at ${elapsed()}`);

  npmInstall(join(runtimeDir, 'node'), `${nodePackage}@${VERSIONS.node}`);
  log(`node ${VERSIONS.node} done at ${elapsed()}`);

  // code-server's postinstall compiles native modules (argon2, kerberos, node-pty...): they must be
  // built by and for Node 24, not the machine's Node whose headers the user's npmrc may name.
  const node24Env = {
    ...process.env,
    PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
  };
  npmInstall(join(runtimeDir, 'code-server'), `code-server@${VERSIONS.codeServer}`, node24Env);
  log(`code-server ${VERSIONS.codeServer} done at ${elapsed()}`);

  if (!existsSync(runtimePaths().codeServer)) throw new Error(`code-server entry missing after install: ${runtimePaths().codeServer}`);
  writeFileSync(stampFile, JSON.stringify({ ...VERSIONS, installedAt: new Date().toISOString(), seconds: elapsed() }, null, 2));
  log(`runtime ready in ${elapsed()}`);
  return runtimePaths();
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
};

/**
 * The user data's languagepacks.json for language pack folders: the index code-server reads, when
 * the workbench page is served, to find the translations of the --locale language. VS Code writes
 * it when its running server installs a pack (its LanguagePackService, as a post-install step);
 * `code-server --install-extension` does not (that service is never created in the CLI), so a pack
 * installed beside a fresh user-data dir would be ignored. Same shape as VS Code's own writer
 * (languagePacks.ts: label, extensions, translations by id, a hash naming the translations cache).
 * @param {string[]} folders
 */
function languagePackIndex(folders) {
  const index = {};
  for (const folder of folders) {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`;
    for (const localization of manifest.contributes?.localizations ?? []) {
      index[localization.languageId] = {
        hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations: Object.fromEntries(localization.translations.map((t) => [t.id, resolve(folder, t.path)])),
        label: localization.localizedLanguageName ?? localization.languageName,
      };
    }
  }
  return index;
}

/**
 * Start code-server on 127.0.0.1 with throw-away state (user data, extensions, XDG dirs) in a temp
 * dir, in its own process group so that `stop()` also ends the extension hosts it forks.
 * `languagePacks` are folders of language pack extensions that `--locale` may then switch to.
 * @param {{ settings?: object, extensionsDir?: string, languagePacks?: string[], env?: object, args?: string[], label?: string, port?: number }} [options]
 * @returns {Promise<{ url: string, port: number, tmp: string, extensionsDir: string, logFile: string,
 *   logTail: (lines?: number) => string, stop: () => void, exited: Promise<number | null> }>}
 */
export async function startCodeServer({ settings = {}, extensionsDir, languagePacks = [], env = {}, args = [], label = 'cs', port } = {}) {
  const paths = ensureRuntime();
  const tmp = mkdtempSync(join(tmpdir(), `canvas-${label}-`));
  const userData = join(tmp, 'user-data');
  extensionsDir ??= join(tmp, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  if (languagePacks.length) writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify(languagePackIndex(languagePacks)));

  port ??= await freePort();
  const logFile = join(tmp, 'code-server.log');
  const log = createWriteStream(logFile);
  const server = spawn(
    paths.node,
    [
      paths.codeServer,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userData,
      '--extensions-dir', extensionsDir,
      ...args,
    ],
    {
      detached: true, // own process group: one kill reaches the extension hosts too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
        XDG_DATA_HOME: join(tmp, 'xdg-data'),
        XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
        ...env,
      },
    },
  );
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const exited = new Promise((res) => server.on('exit', (code) => res(code)));

  let stopped = false;
  /** Kill the whole process group; `removeFiles` also deletes the session's temp dir (logs too). */
  const stop = ({ removeFiles = false } = {}) => {
    if (!stopped) {
      stopped = true;
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (removeFiles) rmSync(tmp, { recursive: true, force: true });
  };
  process.once('exit', () => stop());

  const logTail = (lines = 40) => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  };

  await new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`code-server did not start in 60s:\n${logTail()}`)), 60_000);
    server.stdout.on('data', (d) => {
      out += d;
      if (out.includes('HTTP server listening')) {
        clearTimeout(timer);
        res();
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`code-server exited (${code}) before listening:\n${logTail()}`));
    });
  });
  return { url: `http://127.0.0.1:${port}/`, port, tmp, extensionsDir, logFile, logTail, stop, exited };
}

/**
 * How code-server's workbench names a server-side path: its remote authority is the host:port the
 * browser loaded it from. (Other authorities load too, but VS Code then cannot tell that a tests
 * file lies inside an extension, and runs the tests in the wrong extension host.)
 */
export const remoteUri = (serverUrl, path) => `vscode-remote://${new URL(serverUrl).host}${resolve(path)}`;

/**
 * The workbench URL that opens `folder` and, through `payload` (honoured with code-server's
 * `--vscode-option enable-smoke-test-driver`), loads development extensions and tests.
 * @param {string} serverUrl code-server's URL
 * @param {{ folder: string, payload?: [string, string][] }} options
 */
export function workbenchUrl(serverUrl, { folder, payload = [] }) {
  const url = new URL(serverUrl);
  url.searchParams.set('folder', resolve(folder));
  if (payload.length) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** Run the installed code-server CLI once (e.g. --install-extension) and return its output. */
export function codeServerCli(args, { extensionsDir, userDataDir } = {}) {
  const paths = ensureRuntime();
  const scratch = mkdtempSync(join(tmpdir(), 'canvas-code-server-cli-'));
  try {
    const r = spawnSync(
      paths.node,
      [paths.codeServer, '--user-data-dir', userDataDir ?? join(scratch, 'user-data'), ...(extensionsDir ? ['--extensions-dir', extensionsDir] : []), ...args],
      { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'xdg-config'), XDG_DATA_HOME: join(scratch, 'xdg-data'), XDG_CACHE_HOME: join(scratch, 'xdg-cache') } },
    );
    if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout + r.stderr;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const elapsed = clock();
  const paths = ensureRuntime({ force: process.argv.includes('--force') });
  console.log(`[runtime] ready in ${elapsed()}:\n  node        ${paths.node}\n  code-server ${paths.codeServer}\n  chromium    ${paths.chromium}`);
}
