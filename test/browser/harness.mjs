// The preview page exactly as the extension builds it (src/extension/preview/html.ts and the
// built dist/webview/preview.js), loaded in Debian's headless Chromium through playwright-core,
// with a fake `acquireVsCodeApi` that records what the page posts and keeps its state.
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ORIGIN = 'https://webview.test';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.html': 'text/html' };

const bundled = new Map();
/**
 * Modules of the repository's TypeScript, bundled once per name for Node (yaml and ajv load from
 * node_modules): `exports` is the entry's text, e.g. "export { diffView } from './src/core/render/viewPatch';".
 * One bundle per set of exports, so what a test installs (a catalogue) is what the same bundle reads.
 */
export async function bundleTypeScript(name, exports, folder = join('out', 'test', 'browser')) {
  const outfile = join(ROOT, folder, `${name}.cjs`);
  if (!bundled.has(outfile)) {
    bundled.set(
      outfile,
      (async () => {
        mkdirSync(join(ROOT, folder), { recursive: true });
        await esbuild.build({
          stdin: { contents: exports, resolveDir: ROOT, sourcefile: `${name}.ts`, loader: 'ts' },
          bundle: true,
          packages: 'external',
          format: 'cjs',
          platform: 'node',
          target: 'es2022',
          outfile,
          logLevel: 'warning',
        });
        return createRequire(import.meta.url)(outfile);
      })(),
    );
  }
  return bundled.get(outfile);
}

/**
 * The TypeScript the tests need, bundled once: the page builder and labels-free parts of the host,
 * and the core (validate, build the view, the static renderers).
 */
export function loadLib() {
  return bundleTypeScript(
    'lib',
    `
export { previewHtml, contentSecurityPolicy } from './src/extension/preview/html';
export { validateCanvas } from './src/core/validate';
export { buildCanvasView } from './src/core/render/buildView';
export { renderHtml } from './src/core/render/html';
export { renderSvg } from './src/core/render/svg';
export { kindInfo } from './src/core/kinds';
`,
  );
}

/** The host's comparison (src/extension/preview/compareData.ts) and the core's validation, bundled once. */
export function loadCompareLib() {
  return bundleTypeScript(
    'compare-lib',
    `
export { buildCompare, ENGLISH_TEXTS } from './src/extension/preview/compareData';
export { validateCanvas } from './src/core/validate';
`,
  );
}

export function assertBuilt() {
  const bundle = join(ROOT, 'dist', 'webview', 'preview.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
}

let browser;
export async function launch() {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return browser;
}

/**
 * The hooks of a suite of preview pages, registered in the calling `describe`: the build checked
 * first, after each test the page's errors (and with `violations`, its CSP violations) asserted
 * empty and the page closed, the browser closed at the end. `current` reads the suite's page
 * variable and `forget` clears it.
 */
export function previewHooks(current, forget, { violations = false } = {}) {
  before(assertBuilt);
  afterEach(async () => {
    const preview = current();
    if (preview) {
      assert.deepEqual(preview.errors, [], 'no page errors');
      if (violations) assert.deepEqual(await preview.page.evaluate(() => window.__violations), [], 'no CSP violations');
    }
    await preview?.close();
    forget();
  });
  after(closeBrowser);
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
  sessions.clear();
}

export const LABELS = {
  canvas: 'Business Model Canvas',
  allSegments: 'All segments',
  segmentFilter: 'Highlight the cards of a segment',
  segments: 'Segments',
  problems: 'Problems',
  noProblems: 'No problems',
  lock: 'Lock',
  unlock: 'Unlock',
  export: 'Export…',
  outdated: 'The file has YAML syntax errors: the canvas shows its last valid state.',
  status: 'Status',
  tags: 'Tags',
  cardHint: 'Enter or double-click: edit it in the source. Space or click: show it there.',
  severity: { error: 'Has errors', warning: 'Has warnings', information: 'Has information', hint: 'Has hints' },
  // Each feature's strings (src/extension/preview/*Labels.ts), one line each.
  editing: {"addCard": "Add a card to {0}", "newCardName": "Name of the new card: Enter adds it, Escape cancels", "rename": "Rename (F2)", "renameField": "New name of {0}: Enter renames, Escape cancels", "details": "Details (Alt+Enter)", "delete": "Delete (Delete)", "undo": "Undo (Ctrl+Z)", "redo": "Redo (Ctrl+Shift+Z)", "detailsTitle": "Details of {0}", "close": "Close", "notSet": "Not set", "removeValue": "Remove", "subField": "{0}: {1}", "entry": "{0}, entry {1}", "addEntry": "Add an entry to {0}", "removeEntry": "Remove entry {1} of {0}", "onePerLine": "One per line", "unknownValue": "{0} (unknown)", "keysTitle": "Editing keys", "keyAdd": "Alt+N or Insert: add a card after the focused one (or the + button of a block)", "keyRename": "F2: rename the focused card", "keyDetails": "Alt+Enter: show and edit every field of the focused card", "keyDelete": "Delete: delete the focused card", "keyReorder": "Alt+Up / Alt+Down: move the card up or down in its block", "keyMove": "Alt+Left / Alt+Right: move the card to the previous or next block", "keyDrag": "Or drag a card within its block or into another one", "keyTouch": "On a touch screen: drag with one finger to pan, pinch with two to zoom, hold a card still for a moment to drag it", "keyUndo": "Ctrl+Z: undo; Ctrl+Shift+Z or Ctrl+Y: redo", "added": "Added {0} to {1}", "renamed": "Renamed {0} to {1}", "moved": "Moved {0} to {1}, position {2}", "deleted": "Deleted {0} from {1}. Ctrl+Z brings it back.", "fieldSet": "Set {0} of {1}", "fieldRemoved": "Removed {0} of {1}", "undone": "Undo", "redone": "Redo", "refused": "Not changed: {0}", "cannotMove": "{0} cannot move further that way", "disabled": "Editing is off until the YAML syntax errors are fixed."},
  zoom: {"group": "Zoom", "zoomIn": "Zoom in (+)", "zoomOut": "Zoom out (-)", "actualSize": "Actual size, 100% (1)", "fit": "Fit", "fitWidth": "Fit to width (0)", "level": "Zoom {0}", "keys": "Keys: Ctrl+= or + zooms in, Ctrl+- or - zooms out, Ctrl+0 or 1 is 100%, 0 fits the width (Cmd for Ctrl on macOS). Ctrl+wheel (Cmd+wheel on macOS) zooms around the pointer. Scroll, or drag empty space, to pan."},
  health: { region: 'Canvas health', blocks: '{0}/{1} blocks', oneProblem: '{0} problem', problems: '{0} problems', oneHypothesis: '{0} hypothesis untested', hypotheses: '{0} hypotheses untested', separator: '{0} · {1}', nextEmptyBlock: 'Go to the next empty block', showProblems: 'Go to the problems', nextHypothesis: 'Go to the next untested hypothesis' },
};

const sessions = new Map();
let loads = 0;

/**
 * One page for the whole run (opening a page costs about a second here); each preview reloads it.
 * `touch`: another page, of a context with a touch screen (hasTouch), for the touch tests.
 */
async function sharedPage(touch = false) {
  if (sessions.has(touch)) return sessions.get(touch);
  const b = await launch();
  const context = await b.newContext({ hasTouch: touch });
  const page = await context.newPage();
  const session = { context, page, html: '', errors: [], served: new Map() };
  sessions.set(touch, session);
  page.on('pageerror', (e) => session.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') session.errors.push(m.text());
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: session.html });
    if (path === '/theme.css') return route.fulfill({ status: 200, contentType: 'text/css', body: THEME_CSS });
    const served = session.served.get(path);
    if (served) return route.fulfill({ status: 200, contentType: served.type, body: served.body });
    const file = join(ROOT, path);
    if (!file.startsWith(ROOT) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  // Runs before the page's own script in every load; its settings come in the URL's fragment.
  await page.addInitScript(() => {
    const { state, theme } = JSON.parse(decodeURIComponent(location.hash.slice(1)) || '{}');
    window.__posted = [];
    window.__xss = [];
    window.__violations = [];
    window.__state = state;
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => window.__state,
      setState: (s) => {
        window.__state = JSON.parse(JSON.stringify(s));
      },
    });
    // VS Code puts the theme kind on <body>.
    if (theme) document.addEventListener('DOMContentLoaded', () => document.body?.classList.add(theme));
  });
  return session;
}

/**
 * The preview page as the extension builds it. `init` is embedded as the extension embeds it;
 * `state` is what `getState` returns (a reload). Resolves once the page posted `ready`.
 */
export async function openPreview({ init, state, width = 1400, height = 900, theme = 'vscode-dark', touch = false } = {}) {
  const { previewHtml } = await loadLib();
  const s = await sharedPage(touch);
  const nonce = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  s.html = previewHtml(
    { cspSource: ORIGIN, nonce, scriptUri: `${ORIGIN}/dist/webview/preview.js`, styleUris: [...['preview', 'links', 'editing', 'zoom', 'health'].map((name) => `${ORIGIN}/media/${name}.css`), `${ORIGIN}/theme.css`] },
    { uri: 'file:///w/test.canvas.yaml', fileName: 'test.canvas.yaml', locked: false, labels: LABELS, ...init },
  );
  s.errors.length = 0;
  await s.page.setViewportSize({ width, height });
  await s.page.goto(`${ORIGIN}/index.html?load=${++loads}#${encodeURIComponent(JSON.stringify({ state, theme }))}`);
  await s.page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  return new PreviewPage(s.page, s.errors, s.html);
}

/** Stand-ins for the variables VS Code defines in a webview (dark theme). */
const THEME_CSS = `:root {
  --vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-editor-font-family: monospace;
  --vscode-foreground: #cccccc; --vscode-editor-background: #1e1e1e; --vscode-descriptionForeground: #9d9d9d;
  --vscode-panel-border: #444444; --vscode-focusBorder: #0078d4; --vscode-badge-background: #616161;
  --vscode-badge-foreground: #f8f8f8; --vscode-editorError-foreground: #f14c4c; --vscode-editorWarning-foreground: #cca700;
  --vscode-editorInfo-foreground: #3794ff; --vscode-list-hoverBackground: #2a2d2e; --vscode-textLink-foreground: #3794ff;
  --vscode-button-background: #0e639c; --vscode-button-foreground: #ffffff; --vscode-button-secondaryBackground: #3a3d41;
  --vscode-button-secondaryForeground: #cccccc; --vscode-dropdown-background: #3c3c3c; --vscode-dropdown-foreground: #f0f0f0;
}`;

/**
 * Loads `body` as a document of its own at `path` (an export, say) in the shared page, with the
 * same recorders (`__xss`, `__violations`) installed first.
 */
export async function openDocument(path, body, type) {
  const s = await sharedPage();
  s.served.set(path, { body, type });
  s.errors.length = 0;
  await s.page.goto(`${ORIGIN}${path}?load=${++loads}#${encodeURIComponent(JSON.stringify({}))}`);
  return s.page;
}

export class PreviewPage {
  constructor(page, errors, html) {
    this.page = page;
    this.errors = errors;
    this.html = html;
  }

  /** Delivers a host message the way VS Code does (a `message` event on the window), synchronously. */
  post(message) {
    return this.page.evaluate((m) => window.dispatchEvent(new MessageEvent('message', { data: m })), message);
  }

  posted(type) {
    return this.page.evaluate((t) => window.__posted.filter((m) => !t || m.type === t), type);
  }

  clearPosted() {
    return this.page.evaluate(() => (window.__posted.length = 0));
  }

  state() {
    return this.page.evaluate(() => window.__state);
  }

  /** Sections in DOM order: block key, heading text, card names. */
  blocks() {
    return this.page.$$eval('main section.block', (sections) =>
      sections.map((s) => ({
        key: s.dataset.block,
        heading: s.querySelector('h2 .block-title')?.textContent,
        labelledBy: s.getAttribute('aria-labelledby'),
        guide: s.querySelector('.guide')?.hidden ? undefined : s.querySelector('.guide')?.textContent,
        cards: [...s.querySelectorAll('li.card')].map((c) => c.querySelector('.card-name')?.textContent),
      })),
    );
  }

  /** The page is shared: the next preview reloads it. */
  async close() {}
}
