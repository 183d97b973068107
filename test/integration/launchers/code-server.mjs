// The offline launcher: the extension tests run in code-server's real extension host while its
// workbench runs in headless Chromium. code-server has no --extensionDevelopmentPath flag; the
// workbench's `payload` URL parameter carries the same settings once the smoke-test driver is on.
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { remoteUri, repoRoot, runtimePaths, startCodeServer, workbenchUrl } from '../../../scripts/vscode-runtime.mjs';

const BROWSER_ARGS = [
  '--no-sandbox', // root in a container
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The workbench's own chatter, and look-ups of marketplace, telemetry and account hosts that
// cannot succeed offline: kept in the session's console.log, not printed.
const NOISE = [
  /marketplace|gallery|open-vsx|vscode-unpkg|update\.code|net::ERR_NAME_NOT_RESOLVED|ENOTFOUND|getaddrinfo|Failed to fetch/i,
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions)/,
  /^\[(reconnection-grace-time|Service Worker|AgentHost[^\]]*|AccountPolicyGate)\]/,
  /authentication provider 'github'/,
];

/** Launch Chromium on a workbench URL; shared with `npm start`'s check. */
export function launchBrowser() {
  return chromium.launch({ executablePath: runtimePaths().chromium, headless: true, args: BROWSER_ARGS });
}

/**
 * Settings that put our extension in the web-worker extension host. The payload's
 * `extensionDevelopmentKind` would be the direct route, but 1.139's web workbench never reads it
 * (its environment service names it `extensionDevelopmentLocationKind`). `["ui"]` is not enough
 * either: a development extension on the server is preferred remotely wherever it may run there,
 * and "ui" may (ExtensionHostKindPicker). Only "web" leaves the web worker as the one place.
 */
function webWorkerSettings() {
  const { publisher, name } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return { 'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] } };
}

/**
 * The stand-in language pack for `locale` (test/integration/language-pack-<locale>), if the repo has
 * one. code-server honours --locale only when a pack for that language is installed, and the real
 * one (MS-CEINTL.vscode-language-pack-ko) cannot be downloaded offline; the stand-in contributes
 * the localization with an empty translation file, so VS Code's own text stays English while
 * vscode.env.language, and with it our extension's l10n bundle, becomes the locale's.
 * @param {string | undefined} locale
 */
function languagePacks(locale) {
  const pack = locale && join(repoRoot, 'test', 'integration', `language-pack-${locale}`);
  return pack && existsSync(pack) ? [pack] : [];
}

/**
 * Run one mocha session and resolve with VS Code's exit code (non-zero when tests failed).
 * @param {{
 *   label: string,                  short name for temp dirs and logs
 *   developmentPath: string,        extension folder loaded as under development
 *   testsPath: string,              extensionTestsPath module (exports run())
 *   workspace: string,              folder the window opens
 *   developmentKind?: 'web',        run our extension in the web-worker host
 *   extensionsDir?: string,         pre-populated extensions dir (e.g. with an installed .vsix)
 *   testEnv?: Record<string,string>, environment of the Node extension host
 *   locale?: string,                display language (--locale), with its stand-in pack installed
 *   deadlineMs: number,
 *   print: (line: string) => void,
 * }} options
 */
export async function runInCodeServer({ label, developmentPath, testsPath, workspace, developmentKind, extensionsDir, testEnv = {}, deadlineMs, print, locale }) {
  const started = Date.now();
  const settings = developmentKind === 'web' ? webWorkerSettings() : {};
  const server = await startCodeServer({ label, extensionsDir, settings, languagePacks: languagePacks(locale), args: ['--vscode-option', 'enable-smoke-test-driver', ...(locale ? ['--locale', locale] : [])] });
  let browser;
  let consoleLog;
  let code = 1;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let exit;
    const exited = new Promise((res) => (exit = res));
    consoleLog = createWriteStream(join(server.tmp, 'console.log'));
    await page.exposeFunction('codeAutomationLog', (level, parts) => {
      const line = Array.isArray(parts) ? format(...parts) : String(parts);
      consoleLog.write(`[${level}] ${line}\n`);
      if (!NOISE.some((re) => re.test(line))) print(line);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode, logs) => exit({ code: exitCode, logs }));

    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.url, developmentPath)],
      ['extensionTestsPath', remoteUri(server.url, testsPath)],
      ['extensionEnvironment', JSON.stringify(testEnv)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server.url, { folder: workspace, payload }));

    let timer;
    const timedOut = new Promise((res) => (timer = setTimeout(() => res(null), Math.max(0, deadlineMs - (Date.now() - started)))));
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (!result) {
      const shot = join(server.tmp, 'timeout.png');
      await page.screenshot({ path: shot }).catch(() => {});
      print(`[${label}] no result within ${Math.round(deadlineMs / 1000)} s (screenshot: ${shot})`);
    }
    code = result ? result.code : 1;
    if (code !== 0) {
      saveWorkbenchLogs(join(server.tmp, 'workbench-logs'), result?.logs);
      print(`[${label}] code-server log tail (all logs in ${server.tmp}):\n${server.logTail(40)}`);
    }
    return code;
  } finally {
    await browser?.close().catch(() => {});
    consoleLog?.end();
    server.stop({ removeFiles: code === 0 });
  }
}

/** codeAutomationExit hands over the window's log files; keep them for a post-mortem. */
function saveWorkbenchLogs(dir, logs) {
  if (!Array.isArray(logs)) return;
  for (const { relativePath, contents } of logs) {
    const file = join(dir, relativePath);
    mkdirSync(resolve(file, '..'), { recursive: true });
    writeFileSync(file, contents);
  }
}
