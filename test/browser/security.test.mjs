// Nothing written in a canvas file runs or becomes markup: not in the preview page (as embedded and
// as posted), not in the exported HTML, not in the exported SVG opened in the browser.
import * as assert from 'node:assert/strict';
import { assertBuilt, closeBrowser, loadLib, openDocument, openPreview } from './harness.mjs';
import { viewOf } from './views.mjs';

const PAYLOAD = (tag) => `window.__xss.push('${tag}')`;

// Each field carries a different payload, so a failure names the field that let it through.
const HOSTILE = `canvas: business-model
title: "</title><script>${PAYLOAD('title')}</script>"
description: "<img src=x onerror=\\"${PAYLOAD('desc-img')}\\"> [click](javascript:${PAYLOAD('desc-js')}) <svg onload=${PAYLOAD('desc-svg')}></svg>"
customer-segments:
  - id: evil
    name: "<script>${PAYLOAD('name')}</script>"
    color: "red;background:url(javascript:alert(1))"
    type: "<style>body{display:none}</style>"
    status: "<b onmouseover=${PAYLOAD('status')}>x</b>"
    tags: ["\\"><img src=x onerror=${PAYLOAD('tag')}>", "' onfocus='${PAYLOAD('tag2')}' autofocus='"]
    description: "<iframe srcdoc='<script>parent.${PAYLOAD('iframe')}</script>'></iframe> **bold** [ok](https://example.com/ok) [bad](data:text/html,<script>alert(1)</script>) [vb](vbscript:msgbox) [js2](JaVaScRiPt:alert(1)) [sp]( javascript:alert(1))"
value-propositions:
  - name: "\\"><svg/onload=${PAYLOAD('vp')}>"
    segments: [evil]
    description: "<a href=\\"javascript:${PAYLOAD('anchor')}\\">raw anchor</a>"
`;

/** A view no core would build: unsafe colours, keys, titles and messages straight into the page. */
function handCrafted(view) {
  const evil = `"><img src=x onerror=${PAYLOAD('crafted')}>`;
  const blocks = view.blocks.map((b, i) => ({
    ...b,
    title: i === 0 ? `<script>${PAYLOAD('block-title')}</script>` : b.title,
    guide: i === 1 ? evil : b.guide,
    cards: b.cards.map((c) => ({ ...c, key: evil + c.key, colors: ['red;background:url(javascript:alert(1))', '#2a9d8f'], type: { value: evil, label: evil } })),
  }));
  return {
    ...view,
    version: (view.version ?? 1) + 1,
    blocks,
    segments: view.segments.map((s) => ({ ...s, name: evil, color: `"><script>${PAYLOAD('legend')}</script>` })),
    problems: [{ code: evil, severity: 'error', message: `<img src=x onerror=${PAYLOAD('problem')}>`, span: { start: 0, end: 1 }, line: 1, column: 1 }],
  };
}

async function assertInert(page, where) {
  const report = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      xss: window.__xss,
      violations: window.__violations,
      scripts: document.querySelectorAll('script:not([nonce])').length,
      // (An export's own stylesheet is the one <style> allowed, in <head>.)
      markup: all
        .filter((e) => /^(img|iframe|svg|style|object|embed|b|form|input)$/i.test(e.localName) && !(e.localName === 'style' && e.parentElement === document.head))
        .map((e) => e.localName),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    };
  });
  assert.deepEqual(report.xss, [], `${where}: no payload ran`);
  assert.equal(report.scripts, 0, `${where}: no script element from the file`);
  assert.deepEqual(report.markup, [], `${where}: no element from the file`);
  assert.deepEqual(report.handlers, [], `${where}: no event handler attribute`);
  for (const href of report.links) assert.match(href, /^https:\/\/example\.com\//, `${where}: only http(s) links`);
  return report;
}

describe('hostile canvases', function () {
  before(assertBuilt);
  after(closeBrowser);

  it('the preview page draws every string as text, embedded or posted, and runs nothing', async () => {
    const view = await viewOf(HOSTILE, 1);
    const preview = await openPreview({ init: { view, fileName: `"><script>${PAYLOAD('file')}</script>.canvas.yaml` } });
    const page = preview.page;
    let report = await assertInert(page, 'embedded view');
    assert.deepEqual(report.violations, [], 'nothing even tried to run');
    assert.deepEqual(report.links, ['https://example.com/ok']);
    assert.equal(await page.$eval('h1', (h) => h.textContent), `</title><script>${PAYLOAD('title')}</script>`);
    assert.equal(await page.title(), `</title><script>${PAYLOAD('title')}</script>`);
    assert.equal(await page.$eval('li.card[data-key="customer-segments/evil"] .card-name', (n) => n.textContent), `<script>${PAYLOAD('name')}</script>`);
    const tags = await page.$$eval('li.card[data-key="customer-segments/evil"] .tag', (l) => l.map((t) => t.textContent));
    assert.equal(tags[0], `"><img src=x onerror=${PAYLOAD('tag')}>`);
    // The unsafe colour never reaches a style: the core gave the segment a palette colour instead.
    const style = await page.$eval('li.card[data-key="customer-segments/evil"]', (c) => c.style.cssText);
    assert.doesNotMatch(style, /javascript|url\(/);
    // javascript:, data: and vbscript: links keep only their text.
    const description = await page.$eval('li.card[data-key="customer-segments/evil"] .card-description', (d) => d.textContent);
    assert.ok(description.includes('bad') && description.includes('vb') && description.includes('js2'), description);
    // Interacting with everything runs nothing either.
    for (const selector of ['li.card', '.chip', '.tag', '.problem-link', 'a']) {
      for (const el of await page.$$(selector)) await el.hover().catch(() => undefined);
    }
    await page.click('li.card[data-key="customer-segments/evil"]');
    await assertInert(page, 'after hovering and clicking');

    await preview.post({ type: 'view', uri: 'file:///w/test.canvas.yaml', fileName: 'x', view: handCrafted(view), outdated: false });
    report = await assertInert(page, 'hand-crafted view');
    assert.deepEqual(report.violations, []);
    const crafted = await page.$$eval('li.card', (cards) =>
      cards.map((c) => ({ style: c.style.cssText, bands: c.querySelectorAll('.band').length, badge: c.querySelector('.badge')?.textContent })),
    );
    for (const card of crafted) {
      assert.doesNotMatch(card.style, /javascript|url\(/, 'unsafe colours are dropped');
      assert.equal(card.bands, 1, 'only the safe colour is drawn');
      assert.match(card.badge, /^"><img/);
    }
    assert.equal(await page.$eval('section.block h2 .block-title', (t) => t.textContent), `<script>${PAYLOAD('block-title')}</script>`);
    assert.match(await page.$eval('.problem-link .message', (m) => m.textContent), /^<img src=x onerror=/);
  });

  it('clicking a javascript: link (if one were drawn) posts nothing and does not navigate', async () => {
    const view = await viewOf(HOSTILE, 1);
    const preview = await openPreview({ init: { view } });
    // Force an anchor the renderer would never make, to test the page's own guard.
    await preview.page.evaluate(() => {
      const a = document.createElement('a');
      a.setAttribute('href', 'javascript:window.__xss.push("forced")');
      a.id = 'forced';
      a.textContent = 'forced';
      document.querySelector('.canvas-description').appendChild(a);
    });
    await preview.page.click('#forced');
    assert.deepEqual(await preview.posted('openLink'), []);
    assert.deepEqual(await preview.page.evaluate(() => window.__xss), []);
  });

  it('the exported standalone HTML runs nothing when opened', async () => {
    const { renderHtml } = await loadLib();
    const html = renderHtml(await viewOf(HOSTILE, 1), { standalone: true });
    const page = await openDocument('/export.html', html, 'text/html');
    await assertInert(page, 'exported HTML');
    assert.ok((await page.textContent('body')).includes(`<script>${PAYLOAD('name')}</script>`), 'the name is shown as text');
  });

  it('the exported SVG runs nothing when opened as a document', async () => {
    const { renderSvg } = await loadLib();
    const svg = renderSvg(await viewOf(HOSTILE, 1));
    const page = await openDocument('/export.svg', svg, 'image/svg+xml');
    const report = await page.evaluate(() => ({
      xss: window.__xss,
      root: document.documentElement.localName,
      scripts: document.getElementsByTagName('script').length,
      foreign: document.getElementsByTagName('foreignObject').length,
      handlers: [...document.getElementsByTagName('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      text: document.documentElement.textContent,
    }));
    assert.equal(report.root, 'svg', 'a well-formed SVG document');
    assert.deepEqual(report.xss, []);
    assert.equal(report.scripts, 0);
    assert.equal(report.foreign, 0);
    assert.deepEqual(report.handlers, []);
    assert.ok(report.text.includes('<script>'), 'the name is text');
  });
});
