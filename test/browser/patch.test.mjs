// Patches in the preview page (issue 15 item 3), in real headless Chromium: the host's patch
// (src/core/render/viewPatch.ts, made by the real core from two texts) redraws only the cards it
// touches, keeps every other card element, moves, adds and removes; a patch on another base asks
// for the whole view (`resync`); every update drawn is timed for the benchmark.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { openPreview, ROOT, previewHooks } from './harness.mjs';
import { bigCanvas, SMALL, viewOf } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';
const FILE = 'test.canvas.yaml';

let patchLib;
/** diffView, as the host runs it, bundled once. */
async function loadPatchLib() {
  if (patchLib) return patchLib;
  const outfile = join(ROOT, 'out', 'test', 'browser', 'patch-lib.cjs');
  mkdirSync(join(ROOT, 'out', 'test', 'browser'), { recursive: true });
  await esbuild.build({ entryPoints: [join(ROOT, 'src/core/render/viewPatch.ts')], bundle: true, format: 'cjs', platform: 'node', target: 'es2022', outfile, logLevel: 'warning' });
  patchLib = createRequire(import.meta.url)(outfile);
  return patchLib;
}

/** The patch message the host posts for `previous` → `next`. */
async function patchMessage(previous, next, { base = previous.version, uri = URI, timing } = {}) {
  const { diffView } = await loadPatchLib();
  return { type: 'patch', uri, fileName: FILE, base, patch: diffView(previous, next), outdated: false, ...(timing ? { timing } : {}) };
}

/** Marks every card element and records which cards the next updates touch (in `window.__mutated`). */
function watchCards(page) {
  return page.evaluate(() => {
    document.querySelectorAll('li.card').forEach((c) => (c.__identity = c.dataset.key));
    window.__mutated = new Set();
    new MutationObserver((records) => {
      for (const r of records) {
        const card = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest?.('li.card');
        if (card && !card.__identity) continue; // a new card being filled
        if (card) window.__mutated.add(card.dataset.key);
        for (const node of r.addedNodes) if (node.classList?.contains('card')) window.__mutated.add(`${node.__identity ? 'moved' : 'added'} ${node.dataset.key}`);
        for (const node of r.removedNodes) if (node.classList?.contains('card')) window.__mutated.add(`removed ${node.dataset.key}`);
      }
    }).observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** What changed since watchCards, and which old card elements are still the same elements. */
function watched(page) {
  return page.evaluate(() => ({
    mutated: [...window.__mutated].sort(),
    kept: [...document.querySelectorAll('li.card')].filter((c) => c.__identity === c.dataset.key).map((c) => c.dataset.key),
  }));
}

const names = (page, block) => page.$$eval(`section[data-block="${block}"] li.card .card-name`, (l) => l.map((n) => n.textContent));

describe('preview patches', function () {
  let preview;
  previewHooks(() => preview, () => (preview = undefined));

  it('a key typed: only that card’s element changes, every other card element is kept, focus and scroll too', async () => {
    const before = await viewOf(SMALL, 1);
    preview = await openPreview({ init: { view: before }, width: 1000, height: 300 });
    const page = preview.page;
    await page.evaluate(() => {
      document.querySelector('li.card[data-key="value-propositions/fast"]').focus();
      window.scrollTo(0, 200);
    });
    const scroll = await page.evaluate(() => window.scrollY);
    await watchCards(page);
    const after = await viewOf(SMALL.replace('name: Steady income', 'name: Steady incomex'), 2);
    await preview.post(await patchMessage(before, after));
    const { mutated, kept } = await watched(page);
    assert.deepEqual(mutated, ['value-propositions/income']);
    assert.equal(kept.length, 6, `every card element kept: ${kept}`);
    assert.deepEqual(await names(page, 'value-propositions'), ['Fast pickup', 'Steady incomex', 'Fair prices']);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.key), 'value-propositions/fast', 'focus kept');
    assert.equal(await page.evaluate(() => window.scrollY), scroll, 'scroll kept');
    assert.deepEqual((await preview.posted('rendered')).map((m) => [m.version, m.cards]), [[1, 6], [2, 6]]);
    assert.deepEqual(await preview.posted('resync'), []);
  });

  it('moves a card (the same element), adds and removes cards, and a patch on a patch', async () => {
    const text = `${SMALL}key-partnerships:\n  - id: insurer\n    name: Insurer\n  - id: bank\n    name: Bank\n`;
    const v1 = await viewOf(text, 1);
    preview = await openPreview({ init: { view: v1 } });
    const page = preview.page;
    await watchCards(page);
    // Bank before Insurer: a move.
    const moved = text.replace('  - id: insurer\n    name: Insurer\n  - id: bank\n    name: Bank\n', '  - id: bank\n    name: Bank\n  - id: insurer\n    name: Insurer\n');
    const v2 = await viewOf(moved, 2);
    await preview.post(await patchMessage(v1, v2));
    assert.deepEqual(await names(page, 'key-partnerships'), ['Bank', 'Insurer']);
    let seen = await watched(page);
    assert.equal(seen.kept.length, 8, 'both moved cards are the same elements');
    assert.ok(seen.mutated.every((m) => /key-partnerships/.test(m)), `only the moved block changed: ${seen.mutated}`);
    // Income removed, a web channel added: the other elements stay.
    const edited = moved.replace('  - id: income\n    name: Steady income\n    segments: [drivers]\n', '').replace('channels:\n', 'channels:\n  - id: web\n    name: Web\n    segments: [riders]\n');
    const v3 = await viewOf(edited, 3);
    await page.evaluate(() => (window.__mutated = new Set()));
    await preview.post(await patchMessage(v2, v3));
    seen = await watched(page);
    assert.deepEqual(await names(page, 'value-propositions'), ['Fast pickup', 'Fair prices']);
    assert.deepEqual(await names(page, 'channels'), ['Web', 'App']);
    assert.deepEqual(seen.mutated, ['added channels/web', 'removed value-propositions/income']);
    assert.equal(seen.kept.length, 7, `the 7 cards left are the same elements: ${seen.kept}`);
    // What the patches drew is what a fresh page draws from the whole view.
    const patched = await preview.blocks();
    preview = await openPreview({ init: { view: v3 } });
    assert.deepEqual(patched, await preview.blocks());
  });

  it('a patch on another base (or file) draws nothing and asks for the whole view', async () => {
    const v1 = await viewOf(SMALL, 1);
    preview = await openPreview({ init: { view: v1 } });
    const v3 = await viewOf(SMALL.replace('Fast pickup', 'Fast'), 3);
    // Made on version 2, which the page never saw.
    await preview.post(await patchMessage({ ...v1, version: 2 }, v3));
    await preview.post(await patchMessage(v1, v3, { uri: 'file:///w/other.canvas.yaml' }));
    assert.deepEqual(await preview.posted('resync'), [{ type: 'resync' }, { type: 'resync' }]);
    assert.deepEqual(await names(preview.page, 'value-propositions'), ['Fast pickup', 'Steady income', 'Fair prices']);
    assert.deepEqual((await preview.posted('rendered')).map((m) => m.version), [1]);
    // The whole view, as the host answers, is drawn; then patches fit again.
    await preview.post({ type: 'view', uri: URI, fileName: FILE, view: v3, outdated: false });
    const v4 = await viewOf(SMALL.replace('Fast pickup', 'Faster'), 4);
    await preview.post(await patchMessage(v3, v4));
    assert.deepEqual(await names(preview.page, 'value-propositions'), ['Faster', 'Steady income', 'Fair prices']);
    assert.deepEqual((await preview.posted('rendered')).map((m) => m.version), [1, 3, 4]);
    assert.equal((await preview.posted('resync')).length, 2);
  });

  it('typing into a 1,000-card canvas: each key redraws one card, and the result is the whole view', async () => {
    const text = bigCanvas(1000);
    let previous = await viewOf(text, 1);
    preview = await openPreview({ init: { view: previous } });
    const page = preview.page;
    await watchCards(page);
    let typed = text;
    for (const [i, key] of [...'abc'].entries()) {
      typed = typed.replace(/name: channels card 7[a-z]*/, (m) => m + key);
      const next = await viewOf(typed, i + 2);
      await preview.post(await patchMessage(previous, next));
      previous = next;
    }
    const { mutated, kept } = await watched(page);
    assert.deepEqual(mutated, ['channels/channels-7']);
    assert.equal(kept.length, 1000);
    assert.equal(await page.$eval('li.card[data-key="channels/channels-7"] .card-name', (n) => n.textContent), 'channels card 7abc');
    const patched = await preview.blocks();
    preview = await openPreview({ init: { view: previous } });
    assert.deepEqual(patched, await preview.blocks());
  });

  it('times every update drawn: the host’s change and post, the page’s receipt and paint', async () => {
    const v1 = await viewOf(SMALL, 1);
    preview = await openPreview({ init: { view: v1 } });
    const page = preview.page;
    const origin = await page.evaluate(() => performance.timeOrigin + performance.now());
    const v2 = await viewOf(SMALL.replace('Fast pickup', 'Fast'), 2);
    await preview.post(await patchMessage(v1, v2, { timing: { changeAt: origin - 5, postedAt: origin - 2 } }));
    await preview.post({ type: 'view', uri: URI, fileName: FILE, view: await viewOf(SMALL, 3), outdated: false, timing: { changeAt: origin - 1, postedAt: origin } });
    await page.waitForFunction(() => window.__canvasAsCodeTimings?.updates.every((u) => u.paintedAt !== undefined));
    const { updates, edits } = await page.evaluate(() => window.__canvasAsCodeTimings);
    assert.ok(Array.isArray(edits), 'edits is there for the editing gestures');
    assert.deepEqual(updates.map((u) => [u.version, u.changeAt, u.postedAt]), [[2, origin - 5, origin - 2], [3, origin - 1, origin]]);
    for (const u of updates) assert.ok(u.receivedAt >= origin && u.paintedAt >= u.receivedAt, JSON.stringify(u));
  });
});
