// A business model's preview marks each segment that has a value-proposition canvas with a small
// button per canvas (src/webview/links.ts): drawn on the segment's card, kept across redraws,
// the canvas's name shown as text only, a click asks the host to open it and reveals nothing.
import * as assert from 'node:assert/strict';
import { assertBuilt, closeBrowser, openPreview } from './harness.mjs';
import { SMALL, viewOf } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';
const HOSTILE = '<img src=x onerror="window.__xss.push(1)">pickup.canvas.yaml';
const links = (segments, uri = URI) => ({ type: 'links', uri, hint: 'Open the value proposition canvas', segments });
const SEGMENTS = [
  {
    segment: 'riders',
    canvases: [
      { uri: 'file:///w/vpc/a.canvas.yaml', label: 'vpc/a.canvas.yaml' },
      { uri: 'file:///w/vpc/b.canvas.yaml', label: HOSTILE },
    ],
  },
  { segment: 'no-such-segment', canvases: [{ uri: 'file:///w/vpc/c.canvas.yaml', label: 'c' }] },
];

/** The badges as drawn: the card each sits on, its text, its accessible name, its uri. */
const badges = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.vpc-link')].map((b) => ({
      card: b.closest('.card')?.dataset.key,
      text: b.textContent,
      label: b.getAttribute('aria-label'),
      uri: b.dataset.uri,
    })),
  );

describe('preview: value-proposition canvases on segment cards', function () {
  let preview;
  before(assertBuilt);
  after(closeBrowser);

  beforeEach(async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL, 1) } });
    await preview.post(links(SEGMENTS));
  });

  it('draws one button per canvas on the segment card, the label as text only', async () => {
    assert.deepEqual(await badges(preview.page), [
      { card: 'customer-segments/riders', text: 'vpc/a.canvas.yaml', label: 'Open the value proposition canvas: vpc/a.canvas.yaml', uri: 'file:///w/vpc/a.canvas.yaml' },
      { card: 'customer-segments/riders', text: HOSTILE, label: `Open the value proposition canvas: ${HOSTILE}`, uri: 'file:///w/vpc/b.canvas.yaml' },
    ]);
    const inert = await preview.page.evaluate(() => ({ xss: window.__xss, images: document.querySelectorAll('.vpc-links img').length }));
    assert.deepEqual(inert, { xss: [], images: 0 });
    assert.deepEqual(preview.errors, []);
  });

  it('a click asks the host to open the canvas and does not reveal the card', async () => {
    await preview.clearPosted();
    await preview.page.click('.vpc-link >> nth=0');
    await preview.page.dblclick('.vpc-link >> nth=1');
    assert.deepEqual(await preview.posted(), [
      { type: 'openCanvas', uri: 'file:///w/vpc/a.canvas.yaml' },
      { type: 'openCanvas', uri: 'file:///w/vpc/b.canvas.yaml' },
      { type: 'openCanvas', uri: 'file:///w/vpc/b.canvas.yaml' },
    ]);
    await preview.clearPosted();
    await preview.page.focus('.vpc-link >> nth=0');
    await preview.page.keyboard.press('Enter');
    assert.deepEqual(await preview.posted(), [{ type: 'openCanvas', uri: 'file:///w/vpc/a.canvas.yaml' }]);
  });

  it('stays across a redraw of the card, follows the next links message, and is only for its own file', async () => {
    await preview.post({ type: 'view', uri: URI, fileName: 'test.canvas.yaml', view: await viewOf(SMALL.replace('Urban riders', 'City riders'), 2), outdated: false });
    assert.equal((await badges(preview.page)).length, 2);
    await preview.post(links([{ segment: 'riders', canvases: [{ uri: 'file:///w/vpc/a.canvas.yaml', label: 'only a' }] }]));
    assert.deepEqual((await badges(preview.page)).map((b) => b.text), ['only a']);
    await preview.post(links(SEGMENTS, 'file:///w/other.canvas.yaml'));
    assert.deepEqual(await badges(preview.page), []);
    await preview.post(links([]));
    assert.deepEqual(await badges(preview.page), []);
  });
});
