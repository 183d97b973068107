// Zoom and pan of the preview in real headless Chromium: the toolbar's buttons, the keys, Ctrl+wheel
// around the pointer, dragging empty space, the level kept in the page state, announced, and the
// value proposition's fit lines staying on their cards at every level.
import * as assert from 'node:assert/strict';
import { openPreview, previewHooks } from './harness.mjs';
import { SMALL, viewOf, VPC } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';

/** What the zoom shows and does to the page: the level's text, the announcement, the stage's and frame's geometry. */
function zoomState(preview) {
  return preview.page.evaluate(() => {
    const stage = document.querySelector('.zoom-stage');
    const frame = document.querySelector('.zoom-frame');
    return {
      level: document.querySelector('.zoom-level').textContent,
      levelName: document.querySelector('.zoom-level').getAttribute('aria-label'),
      announced: document.querySelector('.zoom-announcer').textContent,
      zoomed: stage.classList.contains('zoomed'),
      transform: getComputedStyle(frame).transform,
      stage: { width: stage.getBoundingClientRect().width, height: stage.getBoundingClientRect().height },
      frame: { width: frame.offsetWidth, height: frame.offsetHeight },
      body: document.body.clientWidth - 32,
      pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
}

/** Every fit line's two ends on screen (through the overlay's transform) against its cards' edges on screen. */
function linesOnScreen(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg.fit-lines path.fit')].map((path) => {
      const n = path.getAttribute('d').match(/-?\d+(\.\d+)?/g).map(Number);
      const end = path.dataset.route === 'aside' ? [n[4], n[3]] : n.slice(-2);
      const m = path.getScreenCTM();
      const screen = ([x, y]) => {
        const p = new DOMPoint(x, y).matrixTransform(m);
        return [p.x, p.y];
      };
      const box = (key) => document.querySelector(`li.card[data-key="${CSS.escape(key)}"]`).getBoundingClientRect().toJSON();
      return { from: path.dataset.from, to: path.dataset.to, route: path.dataset.route, start: screen(n.slice(0, 2)), end: screen(end), fromBox: box(path.dataset.from), toBox: box(path.dataset.to) };
    }),
  );
}

function assertLinesOnCards(lines, zoom) {
  assert.ok(lines.length > 0, 'lines drawn');
  const near = (a, b) => Math.abs(a - b) <= 1 * Math.max(1, zoom);
  for (const { from, to, route, start, end, fromBox: f, toBox: t } of lines) {
    assert.ok(near(start[0], f.right) && near(start[1], (f.top + f.bottom) / 2), `${from} → ${to} starts on its card's right edge at ${zoom}: ${start} vs ${f.right},${(f.top + f.bottom) / 2}`);
    const edge = route === 'across' ? t.left : t.right;
    assert.ok(near(end[0], edge) && near(end[1], (t.top + t.bottom) / 2), `${from} → ${to} ends on its card's edge at ${zoom}: ${end} vs ${edge},${(t.top + t.bottom) / 2}`);
  }
}

describe('preview page: zoom and pan', function () {
  let preview;
  previewHooks(() => preview, () => (preview = undefined), { violations: true });

  it('draws a labelled zoom group in the toolbar: out, the level (back to 100%), in, fit; its keys described', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL) } });
    const group = await preview.page.$eval('.toolbar .zoom-controls', (g) => ({
      role: g.getAttribute('role'),
      label: g.getAttribute('aria-label'),
      keys: document.getElementById(g.getAttribute('aria-describedby')).textContent,
      buttons: [...g.querySelectorAll('button')].map((b) => [b.className, b.textContent, b.getAttribute('aria-label'), b.title, b.type]),
      live: [g.querySelector('.zoom-announcer').getAttribute('role'), g.querySelector('.zoom-announcer').getAttribute('aria-live')],
    }));
    assert.deepEqual(group, {
      role: 'group',
      label: 'Zoom',
      keys: 'Keys: Ctrl+= or + zooms in, Ctrl+- or - zooms out, Ctrl+0 or 1 is 100%, 0 fits the width (Cmd for Ctrl on macOS). Ctrl+wheel (Cmd+wheel on macOS) zooms around the pointer. Scroll, or drag empty space, to pan.',
      buttons: [
        ['button secondary zoom-out', '\u2212', 'Zoom out (-)', 'Zoom out (-)', 'button'],
        ['button secondary zoom-level', '100%', 'Zoom 100%. Actual size, 100% (1)', 'Actual size, 100% (1)', 'button'],
        ['button secondary zoom-in', '+', 'Zoom in (+)', 'Zoom in (+)', 'button'],
        ['button secondary zoom-fit', 'Fit', 'Fit to width (0)', 'Fit to width (0)', 'button'],
      ],
      live: ['status', 'polite'],
    });
    const state = await zoomState(preview);
    assert.equal(state.zoomed, false);
    assert.equal(state.transform, 'none', 'at 100% the canvas is not transformed at all');
    assert.equal(state.announced, '', 'nothing announced before a change');
    assert.equal((await preview.state()).zoom, undefined);
  });

  it('the buttons step the level, scale the canvas and its stage, keep it in the state and announce it', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL) }, width: 1000, height: 600 });
    const at100 = await zoomState(preview);
    await preview.page.click('.zoom-in');
    let state = await zoomState(preview);
    assert.equal(state.level, '110%');
    assert.equal(state.levelName, 'Zoom 110%. Actual size, 100% (1)');
    assert.equal(state.announced, 'Zoom 110%');
    assert.equal(state.transform, 'matrix(1.1, 0, 0, 1.1, 0, 0)');
    // Zooming in magnifies the canvas as laid out at 100%: same frame, drawn 1.1 times, the page scrolls sideways.
    assert.equal(state.frame.width, at100.frame.width);
    assert.ok(Math.abs(state.stage.width - at100.frame.width * 1.1) < 0.5, `stage width ${state.stage.width}`);
    assert.equal(state.stage.height, Math.ceil(state.frame.height * 1.1));
    assert.equal(state.pageScrollsSideways, true);
    assert.equal((await preview.state()).zoom, 1.1);
    await preview.page.click('.zoom-in');
    await preview.page.click('.zoom-in');
    assert.equal((await zoomState(preview)).level, '150%');
    await preview.page.click('.zoom-out');
    assert.equal((await zoomState(preview)).level, '125%');
    // The level button goes back to 100%: no transform, no stage size of its own.
    await preview.page.click('.zoom-level');
    state = await zoomState(preview);
    assert.deepEqual([state.level, state.announced, state.zoomed, state.transform, state.pageScrollsSideways], ['100%', 'Zoom 100%', false, 'none', false]);
    assert.equal((await preview.state()).zoom, 1);
    // Zooming out lays the canvas out wider (width ÷ zoom) and draws it at the window's width.
    await preview.page.click('.zoom-out');
    await preview.page.click('.zoom-out');
    state = await zoomState(preview);
    assert.equal(state.level, '80%');
    assert.ok(Math.abs(state.frame.width - at100.frame.width / 0.8) < 1, `frame ${state.frame.width} vs ${at100.frame.width / 0.8}`);
    assert.ok(Math.abs(state.stage.width - at100.frame.width) < 1);
    assert.equal(state.pageScrollsSideways, false);
  });

  it('stops at 25% and 400%: the buttons that would go further say they are disabled and keep the focus', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL) }, state: { uri: URI, locked: false, zoom: 4 } });
    assert.equal((await zoomState(preview)).level, '400%');
    assert.equal(await preview.page.$eval('.zoom-in', (b) => b.getAttribute('aria-disabled')), 'true');
    await preview.page.click('.zoom-in', { force: true });
    assert.equal((await zoomState(preview)).level, '400%');
    // From the keyboard: the focus stays on the button at the limit (aria-disabled, not disabled).
    await preview.page.focus('.zoom-out');
    for (let i = 0; i < 15; i++) await preview.page.keyboard.press('Enter');
    assert.equal((await zoomState(preview)).level, '25%');
    assert.equal(await preview.page.evaluate(() => document.activeElement.className), 'button secondary zoom-out');
    assert.deepEqual(await preview.page.$$eval('.zoom-controls button', (l) => l.map((b) => b.getAttribute('aria-disabled'))), ['true', null, 'false', null]);
  });

  it('keys zoom: + = - 0 1 without modifiers (never while typing in a field), Ctrl+= Ctrl+- Ctrl+0 (Cmd on macOS) kept from the workbench', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL) }, width: 1000, height: 600 });
    const page = preview.page;
    await page.focus('li.card[data-key="value-propositions/fast"]');
    const level = async () => (await zoomState(preview)).level;
    await page.keyboard.press('+');
    assert.equal(await level(), '110%');
    await page.keyboard.press('=');
    assert.equal(await level(), '125%');
    await page.keyboard.press('-');
    assert.equal(await level(), '110%');
    await page.keyboard.press('1');
    assert.equal(await level(), '100%');
    // The focus stayed on the card.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'value-propositions/fast');
    // Ctrl+= / Ctrl+- / Ctrl+0 (Cmd on macOS) zoom the canvas and stop there: VS Code's webview frame
    // passes what bubbles up to the window on to the workbench (a listener like this one), where they
    // would zoom the whole window or focus the side bar.
    await page.evaluate(() => {
      window.__forwarded = [];
      window.addEventListener('keydown', (e) => {
        if (!['Control', 'Shift', 'Meta', 'Alt'].includes(e.key)) window.__forwarded.push(`${e.ctrlKey ? 'Ctrl+' : ''}${e.metaKey ? 'Cmd+' : ''}${e.key}`);
      });
    });
    await page.keyboard.press('Control+Equal');
    assert.equal(await level(), '110%');
    await page.keyboard.press('Control+Shift+Equal');
    assert.equal(await level(), '125%');
    await page.keyboard.press('Control+Minus');
    assert.equal(await level(), '110%');
    await page.keyboard.press('Control+0');
    assert.equal(await level(), '100%');
    await page.keyboard.press('Meta+Equal');
    assert.equal(await level(), '110%');
    await page.keyboard.press('Meta+0');
    assert.equal(await level(), '100%');
    // Other Ctrl keys (save, the command palette …) still reach the workbench.
    await page.keyboard.press('Control+KeyS');
    assert.deepEqual(await page.evaluate(() => window.__forwarded), ['Ctrl+s']);
    // Typing in a field: the keys are text, not zoom.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing';
      document.body.appendChild(input);
      input.focus();
    });
    await page.keyboard.type('+-=10');
    assert.equal(await page.$eval('#typing', (i) => i.value), '+-=10');
    assert.equal(await level(), '100%');
  });

  it('Ctrl+wheel zooms around the pointer: the point under it stays under it', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL) }, width: 1000, height: 400 });
    const page = preview.page;
    const card = 'li.card[data-key="customer-segments/riders"]';
    const before = await page.$eval(card, (c) => c.getBoundingClientRect().toJSON());
    const pointer = { x: before.left + before.width * 0.25, y: before.top + before.height * 0.5 };
    await page.mouse.move(pointer.x, pointer.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.waitForFunction(() => document.querySelector('.zoom-level').textContent !== '100%');
    const zoom = (await preview.state()).zoom;
    assert.equal(zoom, Math.round(Math.exp(0.2) * 1000) / 1000);
    assert.equal((await zoomState(preview)).level, '122%');
    const after = await page.$eval(card, (c) => c.getBoundingClientRect().toJSON());
    assert.ok(Math.abs(after.width - before.width * zoom) < 1, `the card is ${zoom} times as wide: ${after.width} vs ${before.width}`);
    // The same point of the card is under the pointer (the page scrolled to keep it there).
    assert.ok(Math.abs(after.left + (pointer.x - before.left) * zoom - pointer.x) < 1.5, `x: ${after.left} + ${(pointer.x - before.left) * zoom} vs ${pointer.x}`);
    assert.ok(Math.abs(after.top + (pointer.y - before.top) * zoom - pointer.y) < 1.5, `y: ${after.top} + ${(pointer.y - before.top) * zoom} vs ${pointer.y}`);
    assert.ok((await page.evaluate(() => window.scrollX)) > 0, 'scrolled sideways to keep the point');
    // Without Ctrl the wheel scrolls, as always.
    const y = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 100);
    await page.waitForFunction((y0) => window.scrollY !== y0, y);
    assert.equal((await preview.state()).zoom, zoom);
  });

  it('Ctrl+wheel over the header zooms the canvas too, and the browser never zooms the page itself', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL) }, width: 1000, height: 600 });
    const page = preview.page;
    await page.evaluate(() => window.addEventListener('wheel', (e) => (window.__prevented = e.defaultPrevented)));
    const title = await page.$eval('h1', (h) => h.getBoundingClientRect().toJSON());
    await page.mouse.move(title.left + 5, title.top + 5);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 100);
    await page.keyboard.up('Control');
    await page.waitForFunction(() => document.querySelector('.zoom-level').textContent !== '100%');
    assert.equal((await preview.state()).zoom, Math.round(Math.exp(-0.2) * 1000) / 1000);
    assert.equal((await zoomState(preview)).level, '82%');
    assert.equal(await page.evaluate(() => window.__prevented), true);
  });

  it('dragging empty canvas space pans; dragging from a card does not', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL) }, width: 1000, height: 400, state: { uri: URI, locked: false, zoom: 2 } });
    const page = preview.page;
    await page.evaluate(() => window.scrollTo(300, 100));
    // An empty block's guide text: canvas space, not a card.
    const guide = await page.$eval('section[data-block="key-partnerships"] .guide', (g) => g.getBoundingClientRect().toJSON());
    assert.ok(guide.top >= 0 && guide.top < 400, `the guide is in view: ${guide.top}`);
    const x = Math.max(guide.left + 10, 10);
    const y = guide.top + 5;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 60, y - 30, { steps: 3 });
    await page.mouse.move(x - 120, y - 40, { steps: 3 });
    await page.mouse.up();
    assert.deepEqual(await page.evaluate(() => [window.scrollX, window.scrollY]), [420, 140]);
    assert.equal(await page.$eval('.zoom-stage', (s) => s.classList.contains('panning')), false, 'the drag ended');
    // From a card: no pan (a click there reveals it, a drag is the editor's).
    await page.$eval('li.card[data-key="value-propositions/fast"]', (c) => c.scrollIntoView({ block: 'center', inline: 'center' }));
    const card = await page.$eval('li.card[data-key="value-propositions/fast"]', (c) => c.getBoundingClientRect().toJSON());
    const start = await page.evaluate(() => [window.scrollX, window.scrollY]);
    const at = { x: card.left + 20, y: card.top + 10 };
    assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).closest('li.card')?.dataset.key, at), 'value-propositions/fast');
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x - 50, at.y - 50, { steps: 3 });
    await page.mouse.up();
    assert.deepEqual(await page.evaluate(() => [window.scrollX, window.scrollY]), start);
  });

  it('keeps the level across a reload (page state) and a new view, for the same panel', async () => {
    const view = await viewOf(SMALL, 1);
    preview = await openPreview({ init: { view }, state: { uri: URI, locked: false, zoom: 1.5, scrollX: 0, scrollY: 0 }, width: 1000, height: 600 });
    let state = await zoomState(preview);
    assert.deepEqual([state.level, state.zoomed, state.transform], ['150%', true, 'matrix(1.5, 0, 0, 1.5, 0, 0)']);
    assert.equal(state.announced, '', 'a restored level is shown, not announced');
    assert.equal((await preview.state()).zoom, 1.5, 'in the new page state');
    // Another persisted change (the segment filter) keeps it.
    await preview.page.click('.legend .chip[data-segment="riders"]');
    assert.deepEqual([(await preview.state()).segment, (await preview.state()).zoom], ['riders', 1.5]);
    await preview.post({ type: 'view', uri: URI, fileName: 'test.canvas.yaml', view: await viewOf(SMALL.replace('Fast pickup', 'Faster pickup'), 2), outdated: false });
    state = await zoomState(preview);
    assert.equal(state.level, '150%');
    assert.equal(state.stage.height, Math.ceil(state.frame.height * 1.5), 'the stage follows the canvas');
    // A level out of range in a saved state is clamped.
    preview = await openPreview({ init: { view }, state: { uri: URI, locked: false, zoom: 40 } });
    assert.equal((await zoomState(preview)).level, '400%');
  });

  it('fit to width: 100% in a wide window; in a narrow one the whole grid drawn smaller instead of the stacked blocks', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL) }, width: 1000, height: 600, state: { uri: URI, locked: false, zoom: 2 } });
    await preview.page.click('.zoom-fit');
    assert.equal((await zoomState(preview)).level, '100%');
    assert.equal(await preview.page.evaluate(() => window.scrollX), 0);

    preview = await openPreview({ init: { view: await viewOf(SMALL) }, width: 500, height: 600 });
    // The spread of the five top blocks' tops: 0 side by side, hundreds of pixels stacked.
    const TOP = ['key-partnerships', 'key-activities', 'value-propositions', 'customer-relationships', 'customer-segments'];
    const spread = () => preview.page.$$eval('main section.block', (l, top) => {
      const tops = l.filter((s) => top.includes(s.dataset.block)).map((s) => s.getBoundingClientRect().top);
      return Math.max(...tops) - Math.min(...tops);
    }, TOP);
    assert.ok((await spread()) > 200, 'at 100% and 500 px the blocks are stacked');
    await preview.page.keyboard.press('0');
    const state = await zoomState(preview);
    // 468 px of room for a grid that needs 560: 83.5%.
    assert.equal((await preview.state()).zoom, 0.835);
    assert.equal(state.level, '84%');
    assert.ok((await spread()) < 1, 'the top five blocks side by side again');
    assert.equal(state.frame.width, 560);
    assert.equal(state.pageScrollsSideways, false);
  });

  it('value proposition: the fit lines stay on their cards zoomed in, zoomed out, and back at 100%', async () => {
    preview = await openPreview({ init: { view: await viewOf(VPC) }, width: 1400, height: 900 });
    const page = preview.page;
    assertLinesOnCards(await linesOnScreen(page), 1);
    const count = (await linesOnScreen(page)).length;
    for (const [press, zoom] of [[['+', '+', '+', '+', '+'], 2], [['1', '-', '-', '-', '-'], 0.67], [['1'], 1]]) {
      for (const key of press) await page.keyboard.press(key);
      assert.equal((await preview.state()).zoom, zoom);
      // The overlay redraws on the next layout (a ResizeObserver): wait for a frame.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const lines = await linesOnScreen(page);
      assert.equal(lines.length, count, `every line drawn at ${zoom}`);
      assertLinesOnCards(lines, zoom);
    }
  });
});
