// The preview's speed (issues 5 and 15), measured in Node and real headless Chromium on the built
// webview page. A benchmark, not a test: CI machines are too noisy for timed asserts.
//
// - First render of a 500-card canvas (< 100 ms).
// - Typing (issue 15 item 3, the extension's own share): one key appended to a card's name, again
//   and again, on generated canvases of 50 and 1,000 cards (bench/generate.mjs). Per key:
//   host = the document cache's incremental revalidation + buildCanvasView + diffView + the
//   message's JSON (what postMessage serialises); page = the message parsed, the patch applied, the
//   DOM patched, style and layout, and the next frame painted (requestAnimationFrame, then a task).
//   Budget: host + page p95 <= 10 ms at 50 cards, <= 20 ms at 1,000. "Before" is the path this
//   replaced: the whole view built, serialised, posted and compared per card on every update (and,
//   not counted here, held back by a fixed 150 ms throttle).
// Usage: npm run bench:preview (after npm run build); node bench/preview.mjs [--quick]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { assertBuilt, bundleTypeScript, closeBrowser, openPreview } from '../test/browser/harness.mjs';
import { bigCanvas, viewOf } from '../test/browser/views.mjs';
import { generateCanvas } from './generate.mjs';

const URI = 'file:///w/test.canvas.yaml';
const FILE = 'test.canvas.yaml';
export const TYPING_BUDGETS = { 50: 10, 1000: 20 };

const sorted = (values) => values.slice().sort((a, b) => a - b);
const quantile = (values, q) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))];
const median = (values) => quantile(values, 0.5);
const spread = (values) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

/** The host's part, as the extension runs it: validation (full and incremental), the view, the patch. */
function loadHostLib() {
  return bundleTypeScript(
    'preview-host',
    `
export { validateCanvas, revalidateCanvas } from './src/core';
export { buildCanvasView } from './src/core/render/buildView';
export { diffView } from './src/core/render/viewPatch';
export { LineIndex } from './src/core/lineIndex';
`,
    join('out', 'bench'),
  );
}

/** Milliseconds to apply `message` and lay the page out again. */
function timeMessage(page, message) {
  return page.evaluate((m) => {
    const start = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: m }));
    void document.body.offsetHeight; // style and layout, now
    return performance.now() - start;
  }, message);
}

/**
 * The page's share of one update: the message's JSON parsed (as the webview receives it), drawn,
 * laid out, and the next frame painted. Returns [drawn and laid out, painted] in ms.
 */
function timeUpdate(page, json) {
  return page.evaluate(
    (text) =>
      new Promise((resolve) => {
        const start = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data: JSON.parse(text) }));
        void document.body.offsetHeight;
        const drawn = performance.now() - start;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve([drawn, performance.now() - start]);
          channel.port2.postMessage(0);
        });
      }),
    json,
  );
}

async function firstRender(runs) {
  const view = await viewOf(bigCanvas(500), 1);
  const times = [];
  // A fresh page per run; the first only warms Chromium's code cache, as an earlier preview would.
  for (let run = 0; run <= runs; run++) {
    const preview = await openPreview({});
    const ms = await timeMessage(preview.page, { type: 'view', uri: URI, fileName: FILE, view, outdated: false });
    if (run > 0) times.push(ms);
  }
  return times;
}

/** The `name: ` value typed into: a card in the middle of the file. */
function typingTarget(text) {
  const names = [...text.matchAll(/\n +(?:- )?name: [^\n]*/g)];
  const middle = names[Math.floor(names.length / 2)];
  return middle.index + middle[0].length;
}

/**
 * Types `keys` keys into one card's name of a `cards`-card canvas. `mode` 'patch' is the preview
 * now; 'view' the whole view per key (before).
 */
async function typing(cards, keys, mode) {
  const { validateCanvas, revalidateCanvas, buildCanvasView, diffView, LineIndex } = await loadHostLib();
  let text = generateCanvas(cards, 1);
  const at = typingTarget(text);
  const viewFrom = (result, version) => {
    const lines = new LineIndex(result.parsed?.text ?? text);
    return buildCanvasView(result, { version, lineOf: (offset) => lines.positionAt(offset) });
  };
  let result = validateCanvas(text);
  let view = viewFrom(result, 1);
  const preview = await openPreview({ init: { view } });
  const rows = [];
  for (let key = 0; key < keys + 5; key++) {
    const version = key + 2;
    text = text.slice(0, at + key) + 'abcdefghijklmnopqrstuvwxyz'[key % 26] + text.slice(at + key);
    const t0 = performance.now();
    result = revalidateCanvas(result, text);
    const t1 = performance.now();
    const next = viewFrom(result, version);
    const t2 = performance.now();
    let message;
    if (mode === 'patch') message = { type: 'patch', uri: URI, fileName: FILE, base: view.version, patch: diffView(view, next), outdated: false };
    else message = { type: 'view', uri: URI, fileName: FILE, view: next, outdated: false };
    const t3 = performance.now();
    const json = JSON.stringify(message);
    const t4 = performance.now();
    view = next;
    const [drawn, painted] = await timeUpdate(preview.page, json);
    // The first keys warm both sides up.
    if (key >= 5) rows.push({ validate: t1 - t0, build: t2 - t1, diff: t3 - t2, json: t4 - t3, bytes: json.length, host: t4 - t0, drawn, painted, total: t4 - t0 + painted });
  }
  const posted = await preview.posted('resync');
  if (posted.length) throw new Error(`the page asked for ${posted.length} resyncs: a patch did not fit`);
  return rows;
}

export async function measurePreview({ quick = false } = {}) {
  assertBuilt();
  const keys = quick ? 40 : 120;
  const result = { firstRender: await firstRender(quick ? 5 : 11), typing: [] };
  for (const cards of [50, 1000]) {
    for (const mode of ['view', 'patch']) result.typing.push({ cards, mode, rows: await typing(cards, keys, mode) });
  }
  return result;
}

const ms = (x) => x.toFixed(2).padStart(7);

export function formatPreview(r) {
  const lines = [];
  const first = median(r.firstRender);
  lines.push(`first render, 500 cards: median ${ms(first)} ms (min–max ${spread(r.firstRender)})  budget 100 ms  ${first < 100 ? 'PASS' : 'FAIL'}`);
  lines.push('');
  lines.push('typing, one key per update (ms; p50 / p95):');
  lines.push('cards  path           validate        build         diff         json       bytes   host p95   page drawn    page painted    host+page      budget');
  for (const { cards, mode, rows } of r.typing) {
    const col = (k) => `${ms(median(rows.map((x) => x[k])))}/${ms(quantile(rows.map((x) => x[k]), 0.95)).trim()}`;
    const total95 = quantile(rows.map((x) => x.total), 0.95);
    const budget = TYPING_BUDGETS[cards];
    const verdict = mode === 'patch' ? `<= ${budget} ms ${total95 <= budget ? 'PASS' : 'FAIL'}` : '(before)';
    lines.push(
      `${String(cards).padStart(5)}  ${(mode === 'patch' ? 'patch (now)' : 'whole view').padEnd(13)} ${col('validate')} ${col('build')} ${col('diff')} ${col('json')} ${String(Math.round(median(rows.map((x) => x.bytes)))).padStart(8)} ${ms(quantile(rows.map((x) => x.host), 0.95))} ${col('drawn')} ${col('painted')} ${col('total')}  ${verdict}`,
    );
  }
  return lines.join('\n');
}

/** Summary rows for bench/run.mjs: the typing budgets. */
export function previewVerdicts(r) {
  return r.typing
    .filter((t) => t.mode === 'patch')
    .map(({ cards, rows }) => {
      const p95 = quantile(rows.map((x) => x.total), 0.95);
      return { name: `preview update per key typed, ${cards} cards: host + page to paint, p95`, measured: `${p95.toFixed(1)} ms`, limit: `<= ${TYPING_BUDGETS[cards]} ms`, pass: p95 <= TYPING_BUDGETS[cards] };
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${new Date().toISOString().slice(0, 16)}`);
  try {
    console.log(formatPreview(await measurePreview({ quick: process.argv.includes('--quick') })));
  } finally {
    await closeBrowser();
  }
}
