// The speed budget, measured in Chromium on the built page: first render of a 500-card
// canvas under 100 ms, a one-card edit of a 100-card canvas applied within a frame (16 ms), and no
// growth of DOM nodes or heap over 1,000 updates. Times include the style and layout they cause.
import * as assert from 'node:assert/strict';
import { assertBuilt, closeBrowser, openPreview } from './harness.mjs';
import { bigCanvas, viewOf } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds to apply `message` and lay the page out again. */
function timeMessage(page, message) {
  return page.evaluate((m) => {
    const start = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: m }));
    void document.body.offsetHeight; // style and layout, now
    return performance.now() - start;
  }, message);
}

describe('speed budget', function () {
  this.timeout(120_000);
  before(assertBuilt);
  after(closeBrowser);

  it('draws a 500-card canvas in under 100 ms', async () => {
    const view = await viewOf(bigCanvas(500), 1);
    assert.equal(view.blocks.reduce((n, b) => n + b.cards.length, 0), 500);
    const times = [];
    // Each run is a fresh page; the first only warms Chromium's code cache, as any earlier
    // preview would have in VS Code.
    for (let run = 0; run < 8; run++) {
      const preview = await openPreview({});
      const ms = await timeMessage(preview.page, { type: 'view', uri: URI, fileName: 'test.canvas.yaml', view, outdated: false });
      if (run > 0) times.push(ms);
      assert.equal(await preview.page.$$eval('li.card', (l) => l.length), 500);
    }
    const ms = median(times);
    console.log(`      first render, 500 cards: median ${ms.toFixed(1)} ms of [${times.map((t) => t.toFixed(1)).join(', ')}]`);
    assert.ok(ms < 100, `median ${ms.toFixed(1)} ms`);
  });

  it('applies a one-card edit of a 100-card canvas within a frame (16 ms)', async () => {
    const text = bigCanvas(100);
    const preview = await openPreview({ init: { view: await viewOf(text, 1) } });
    const times = [];
    for (let version = 2; version < 22; version++) {
      const edited = text.replace('name: channels card 3', `name: channels card 3 edit ${version}`);
      const view = await viewOf(edited, version);
      times.push(await timeMessage(preview.page, { type: 'view', uri: URI, fileName: 'test.canvas.yaml', view, outdated: false }));
    }
    assert.equal(await preview.page.$eval('li.card[data-key="channels/channels-3"] .card-name', (n) => n.textContent), 'channels card 3 edit 21');
    const ms = median(times);
    console.log(`      one-card update, 100 cards: median ${ms.toFixed(2)} ms`);
    assert.ok(ms < 16, `median ${ms.toFixed(2)} ms`);
  });

  it('does not grow over 1,000 updates', async () => {
    const text = bigCanvas(100);
    const views = await Promise.all([0, 1, 2, 3].map((i) => viewOf(text.replace('name: key-resources card 2', `name: key-resources card 2 v${i}`), 1)));
    const preview = await openPreview({ init: { view: views[0] } });
    const cdp = await preview.page.context().newCDPSession(preview.page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes } = await cdp.send('Memory.getDOMCounters');
      return { heap: usedSize, nodes };
    };
    const run = (from, count) =>
      preview.page.evaluate(
        ({ views, from, count, uri }) => {
          for (let i = from; i < from + count; i++) {
            const view = { ...views[i % views.length], version: i + 2 };
            window.dispatchEvent(new MessageEvent('message', { data: { type: 'view', uri, fileName: 'x', view, outdated: false } }));
            window.dispatchEvent(new MessageEvent('message', { data: { type: 'cursor', offset: i * 37 } }));
          }
          window.__posted.length = 0; // the fake host's own log is not the page's memory
        },
        { views, from, count, uri: URI },
      );
    await run(0, 100); // warm up: code, caches, the first redraws
    const before = await measure();
    await run(100, 1000);
    const after = await measure();
    await cdp.detach();
    console.log(`      1,000 updates: heap ${(before.heap / 1e6).toFixed(2)} → ${(after.heap / 1e6).toFixed(2)} MB, DOM nodes ${before.nodes} → ${after.nodes}`);
    assert.ok(Math.abs(after.nodes - before.nodes) <= 20, `DOM nodes ${before.nodes} → ${after.nodes}`);
    assert.ok(after.heap - before.heap < 1_000_000, `heap grew by ${after.heap - before.heap} bytes`);
  });
});
