// PNG export under the preview's strict CSP, in real headless Chromium: the host's SVG (the core
// renderer, as exportCanvas.ts sends it) rasterised by the page (src/webview/rasterize.ts) raises no
// CSP violation in any frame, logs no error and loads nothing, for every kind and for a hostile SVG.
import * as assert from 'node:assert/strict';
import { assertBuilt, closeBrowser, loadLib, openPreview } from './harness.mjs';
import { realWorldCanvas, viewOf } from './views.mjs';

/**
 * Rasterises `svg` in the open preview and returns the reply, with every CSP violation (the page's
 * `securitypolicyviolation` events, and the browser's own log, which also sees image documents),
 * console error and request made meanwhile.
 */
async function exportPng(preview, svg, scale) {
  const page = preview.page;
  const cdp = await page.context().newCDPSession(page);
  const log = [];
  await cdp.send('Log.enable');
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error' || entry.level === 'warning' || /Content Security Policy/i.test(entry.text)) log.push(`${entry.source}: ${entry.text}`);
  });
  const requests = [];
  const onRequest = (request) => requests.push(request.url());
  page.on('request', onRequest);
  try {
    await preview.clearPosted();
    await preview.post({ type: 'rasterize', id: 11, svg, scale });
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rasterized'));
    const [reply] = await preview.posted('rasterized');
    return { reply, violations: await page.evaluate(() => window.__violations), log, errors: [...preview.errors], requests: requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:')) };
  } finally {
    page.off('request', onRequest);
    await cdp.detach();
  }
}

function pngSize(dataUrl) {
  const png = Buffer.from(dataUrl.split(',')[1], 'base64');
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('preview page: PNG export without a CSP violation', function () {
  let preview;
  before(assertBuilt);
  afterEach(async () => {
    await preview?.close();
    preview = undefined;
  });
  after(closeBrowser);

  for (const kind of ['business-model', 'lean', 'value-proposition']) {
    it(`${kind}: the exported SVG becomes a PNG at twice its size; no violation, no error, nothing loaded`, async () => {
      const { renderSvg } = await loadLib();
      const view = await viewOf(await realWorldCanvas(kind));
      preview = await openPreview({ init: { view } });
      const svg = renderSvg(view);
      const [, width, height] = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg).map(Number);
      const result = await exportPng(preview, svg, 2);
      assert.equal(result.reply.error, undefined);
      assert.deepEqual(pngSize(result.reply.dataUrl), [width * 2, height * 2]);
      assert.deepEqual(result.violations, [], 'no securitypolicyviolation event');
      assert.deepEqual(result.log, [], 'no CSP report or error in the browser log');
      assert.deepEqual(result.errors, [], 'no console error');
      assert.deepEqual(result.requests, [], 'the export loads nothing');
    });
  }

  it('a hostile SVG (style with @import, external image and font, script, event handler) loads and runs nothing, and still raises no violation', async () => {
    const view = await viewOf(await realWorldCanvas('business-model'));
    preview = await openPreview({ init: { view } });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">
<style>@import url("https://evil.test/x.css"); @font-face { font-family: x; src: url("https://evil.test/x.woff"); } text { font-family: x; }</style>
<script>parent.__xss.push('script')</script>
<image href="https://evil.test/x.png" width="10" height="10"/>
<rect width="200" height="100" fill="#2a9d8f" onload="parent.__xss.push('onload')"/>
<text x="10" y="50">Hi</text></svg>`;
    const result = await exportPng(preview, svg, 1);
    assert.equal(result.reply.error, undefined);
    assert.deepEqual(pngSize(result.reply.dataUrl), [200, 100]);
    assert.deepEqual(result.violations, []);
    assert.deepEqual(result.log, []);
    assert.deepEqual(result.requests, []);
    assert.deepEqual(await preview.page.evaluate(() => window.__xss), []);
  });

  it('the page’s policy allows images only from the extension and blob: (the rasteriser’s), nothing for connect, frames or objects', async () => {
    const { contentSecurityPolicy } = await loadLib();
    const csp = contentSecurityPolicy('https://webview.test', 'n0nce');
    assert.equal(
      csp,
      "default-src 'none'; style-src https://webview.test; font-src https://webview.test; img-src https://webview.test blob:; script-src 'nonce-n0nce'; base-uri 'none'; form-action 'none'",
    );
  });
});
