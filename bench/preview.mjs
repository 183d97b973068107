// The preview's speed budget (issue 5), measured in real headless Chromium on the built webview
// page: first render of a 500-card canvas under 100 ms; a one-card edit of a 100-card canvas applied
// within one frame (16 ms). A benchmark, not a test: CI machines are too noisy for timed asserts.
// Usage: npm run bench:preview (after npm run build)
import { assertBuilt, closeBrowser, openPreview } from '../test/browser/harness.mjs';
import { bigCanvas, viewOf } from '../test/browser/views.mjs';
import os from 'node:os';

const URI = 'file:///w/test.canvas.yaml';
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

/** Milliseconds to apply `message` and lay the page out again. */
function timeMessage(page, message) {
  return page.evaluate((m) => {
    const start = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: m }));
    void document.body.offsetHeight; // style and layout, now
    return performance.now() - start;
  }, message);
}

async function firstRender() {
  const view = await viewOf(bigCanvas(500), 1);
  const times = [];
  // A fresh page per run; the first only warms Chromium's code cache, as an earlier preview would.
  for (let run = 0; run < 12; run++) {
    const preview = await openPreview({});
    const ms = await timeMessage(preview.page, { type: 'view', uri: URI, fileName: 'test.canvas.yaml', view, outdated: false });
    if (run > 0) times.push(ms);
  }
  return times;
}

async function oneCardEdit() {
  const text = bigCanvas(100);
  const preview = await openPreview({ init: { view: await viewOf(text, 1) } });
  const times = [];
  for (let version = 2; version < 42; version++) {
    const view = await viewOf(text.replace('name: channels card 3', `name: channels card 3 edit ${version}`), version);
    times.push(await timeMessage(preview.page, { type: 'view', uri: URI, fileName: 'test.canvas.yaml', view, outdated: false }));
  }
  return times;
}

assertBuilt();
console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
try {
  const rows = [
    ['first render, 500 cards', await firstRender(), 100],
    ['one-card edit, 100 cards', await oneCardEdit(), 16],
  ];
  for (const [what, times, budget] of rows) {
    const ms = median(times);
    console.log(`${what.padEnd(26)} median ${ms.toFixed(2).padStart(7)} ms  (min–max ${spread(times)})  budget ${budget} ms  ${ms < budget ? 'PASS' : 'FAIL'}`);
  }
} finally {
  await closeBrowser();
}
