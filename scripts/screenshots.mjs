#!/usr/bin/env node
// `npm run screenshots`: regenerate the README's pictures of the preview from the real workbench.
// Builds, then for each theme starts code-server (as `npm start` does: the pinned offline runtime,
// the extension under development through the `payload` URL) with that colour theme in its
// settings, opens examples/ride-hailing.canvas.yaml in headless Chromium, runs "Open Preview to
// the Side" from the command palette, waits for the preview's cards and saves
// docs/images/preview-{light,dark}.png.
//
// usage: npm run screenshots [-- --no-build]
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { remoteUri, repoRoot, runtimePaths, startCodeServer, workbenchUrl } from './vscode-runtime.mjs';

const { values: options } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });

const THEMES = [
  { name: 'light', colorTheme: 'Default Light Modern' },
  { name: 'dark', colorTheme: 'Default Dark Modern' },
];
const EXAMPLE = 'ride-hailing.canvas.yaml';
const VIEWPORT = { width: 1600, height: 1000 };
const STEP_MS = 60_000; // deadline of each wait
const MAX_PNG_BYTES = 400 * 1024;
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const outDir = join(repoRoot, 'docs', 'images');
const log = (m) => console.log(`[screenshots] ${m}`);

/** Poll `probe` until it returns a truthy value, or throw once `ms` have passed. */
async function poll(what, probe, ms = STEP_MS) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/**
 * Run a command by its palette title: F1, type the title, move to the row with exactly that title
 * (fuzzy ranking may put a longer title, e.g. the locked preview, first) and press Enter.
 */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await input.waitFor();
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const index = await poll(`"${title}" in the command palette`, async () => {
    const labels = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    const i = labels.findIndex((label) => label === title || label.startsWith(`${title},`));
    return i >= 0 ? i + 1 : undefined; // 1-based: 0 would read as "not yet"
  });
  for (let i = 1; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The preview's webview frame, once it shows cards: the workbench nests it in iframes. */
async function previewFrame(page) {
  return poll('the preview to show its cards', async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      if ((await frame.locator('.card').count()) > 0) return frame;
    }
    return undefined;
  });
}

async function shoot(browser, theme) {
  const server = await startCodeServer({
    label: `screenshots-${theme.name}`,
    settings: {
      'workbench.colorTheme': theme.colorTheme,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'window.commandCenter': false,
      'workbench.layoutControl.enabled': false,
      'editor.minimap.enabled': false,
    },
    args: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  let ok = false;
  try {
    const url = workbenchUrl(server.url, {
      folder: join(repoRoot, 'examples'),
      payload: [['extensionDevelopmentPath', remoteUri(server.url, repoRoot)], ['skipWelcome', 'true']],
    });
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
    log(`${theme.name}: workbench loaded`);

    // Quick Open the example, as `npm start -- --check` does.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(EXAMPLE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: EXAMPLE }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor').first().waitFor();
    await poll(`${EXAMPLE} in the canvas language`, async () => /canvas/i.test(await page.locator('[id="status.editor.mode"]').innerText()));

    await runCommand(page, 'Canvas: Open Preview to the Side');
    const frame = await previewFrame(page);
    log(`${theme.name}: preview shows ${await frame.locator('.card').count()} cards`);

    // Those commands exist only while there is something to close.
    if (await page.locator('.part.sidebar').isVisible()) await runCommand(page, 'View: Close Primary Side Bar');
    if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Close Panel');
    if (await page.locator('.part.auxiliarybar').isVisible()) await runCommand(page, 'View: Close Secondary Side Bar');
    if ((await page.locator('.notifications-toasts .notification-toast').count()) > 0) await runCommand(page, 'Notifications: Clear All Notifications');
    // Let the layout settle: both editors visible, the cards laid out at their new width.
    await poll('the workbench to settle', async () =>
      (await page.locator('.part.sidebar').isHidden()) &&
      (await page.locator('.quick-input-widget').isHidden()) &&
      (await page.locator('.notifications-toasts .notification-toast').count()) === 0 &&
      (await frame.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res(true)))))),
    );

    const file = join(outDir, `preview-${theme.name}.png`);
    await page.screenshot({ path: file });
    const bytes = statSync(file).size;
    log(`${theme.name}: ${relative(repoRoot, file)} (${Math.round(bytes / 1024)} KB)`);
    if (bytes > MAX_PNG_BYTES) throw new Error(`${relative(repoRoot, file)} is over ${MAX_PNG_BYTES / 1024} KB`);
    ok = true;
  } catch (error) {
    const shot = join(server.tmp, 'failure.png');
    await browser.contexts().at(-1)?.pages()[0]?.screenshot({ path: shot }).catch(() => {});
    error.message += `\nscreenshot: ${shot}`;
    error.message += `\ncode-server log (all logs in ${server.tmp}):\n${server.logTail(20)}`;
    throw error;
  } finally {
    server.stop({ removeFiles: ok });
  }
}

if (!options['no-build']) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: runtimePaths().chromium, headless: true, args: BROWSER_ARGS });
let exitCode = 0;
try {
  for (const theme of THEMES) await shoot(browser, theme);
} catch (error) {
  console.error(`[screenshots] failed: ${error.message}`);
  exitCode = 1;
} finally {
  await browser.close().catch(() => {});
}
process.exit(exitCode);
