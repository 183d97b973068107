// Touch on the preview in real headless Chromium with a touch screen (a hasTouch context, fingers
// sent by CDP's Input.dispatchTouchEvent, so the browser's own touch handling runs): one finger
// pans, two pinch-zoom around their midpoint, a card held still is dragged, a quick swipe from a
// card pans and leaves the card where it is. The mouse's and keyboard's behaviour is the zoom's
// and editing's tests' (zoom.test.mjs, editing.test.mjs), unchanged.
import * as assert from 'node:assert/strict';
import { openPreview, previewHooks } from './harness.mjs';
import { SMALL, viewOf } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';
const VERSION = 5;
const card = (key) => `li.card[data-key="${key}"]`;

/** Fingers on the page's touch screen, by id; each call is one touch event of the whole hand. */
class Fingers {
  constructor(cdp) {
    this.cdp = cdp;
    this.points = new Map();
  }

  static async on(page) {
    return new Fingers(await page.context().newCDPSession(page));
  }

  send(type) {
    return this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: [...this.points].map(([id, p]) => ({ id, x: p.x, y: p.y })) });
  }

  async down(id, x, y) {
    this.points.set(id, { x, y });
    await this.send('touchStart');
  }

  /** Moves fingers (id -> [x, y]) together in `steps` even steps, ending exactly there. */
  async move(to, steps = 4) {
    const from = new Map([...this.points].map(([id, p]) => [id, { ...p }]));
    for (let step = 1; step <= steps; step++) {
      for (const [id, [x, y]] of Object.entries(to)) {
        const start = from.get(Number(id));
        this.points.set(Number(id), { x: start.x + ((x - start.x) * step) / steps, y: start.y + ((y - start.y) * step) / steps });
      }
      await this.send('touchMove');
    }
  }

  /** A touchEnd releases the fingers it lists (the others stay down). */
  async up(id) {
    const p = this.points.get(id);
    this.points.delete(id);
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [{ id, x: p.x, y: p.y }] });
  }
}

describe('preview page: touch', function () {
  let preview;
  previewHooks(() => preview, () => (preview = undefined), { violations: true });

  let clock = false;
  async function open({ zoom, width = 1000, height = 400 } = {}) {
    preview = await openPreview({ init: { view: await viewOf(SMALL, VERSION) }, width, height, touch: true, ...(zoom ? { state: { uri: URI, locked: false, zoom } } : {}) });
    // A clock the tests can stop (a swipe must be quick whatever the machine's load); it runs as usual unless paused.
    if (!clock) await preview.page.clock.install();
    clock = true;
    await preview.clearPosted();
    return { page: preview.page, fingers: await Fingers.on(preview.page) };
  }
  const scroll = () => preview.page.evaluate(() => [window.scrollX, window.scrollY]);
  const box = (selector) => preview.page.$eval(selector, (e) => e.getBoundingClientRect().toJSON());
  const intents = async () => (await preview.posted('edit')).map((e) => e.intent);
  /**
   * Waits until the page has handled the fingers' last moves: the browser hands touch moves to the
   * page with its next frame, after CDP has answered. The assertion after it says what was seen.
   */
  const until = (predicate, arg) => preview.page.waitForFunction(predicate, arg, { timeout: 5000 }).catch(() => undefined);

  it('tells the browser the canvas handles fingers itself; the page outside it only scrolls', async () => {
    const { page } = await open();
    assert.deepEqual(await page.evaluate(() => [getComputedStyle(document.querySelector('.zoom-stage')).touchAction, getComputedStyle(document.documentElement).touchAction]), ['none', 'pan-x pan-y']);
  });

  it('one finger dragged on empty canvas pans, exactly as far as it moved', async () => {
    const { page, fingers } = await open({ zoom: 2 });
    await page.evaluate(() => window.scrollTo(300, 100));
    const guide = await box('section[data-block="key-partnerships"] .guide');
    assert.ok(guide.top >= 0 && guide.top < 400, `the guide is in view: ${guide.top}`);
    const x = Math.max(guide.left + 10, 10);
    const y = guide.top + 5;
    await fingers.down(1, x, y);
    await fingers.move({ 1: [x - 60, y - 30] });
    await until(() => document.querySelector('.zoom-stage').classList.contains('panning'));
    assert.equal(await page.$eval('.zoom-stage', (s) => s.classList.contains('panning')), true, 'panning');
    await fingers.move({ 1: [x - 120, y - 40] });
    await fingers.up(1);
    assert.deepEqual(await scroll(), [420, 140]);
    assert.equal(await page.$eval('.zoom-stage', (s) => s.classList.contains('panning')), false, 'the pan ended');
    assert.deepEqual(await intents(), []);
    assert.equal((await preview.state()).zoom, 2, 'a pan leaves the level');
  });

  it('two fingers pinch-zoom around their midpoint, kept in the page state, within 25-400 %', async () => {
    const { page, fingers } = await open({ width: 1000, height: 600 });
    // The midpoint on a card: the same point of that card stays under it.
    const target = await box(card('value-propositions/income'));
    const mid = { x: target.left + target.width / 2, y: target.top + target.height / 2 };
    const fraction = async () => {
      const b = await box(card('value-propositions/income'));
      return [(mid.x - b.left) / b.width, (mid.y - b.top) / b.height];
    };
    const [fx, fy] = await fraction();
    await fingers.down(1, mid.x - 50, mid.y);
    await fingers.down(2, mid.x + 50, mid.y);
    await fingers.move({ 1: [mid.x - 100, mid.y], 2: [mid.x + 100, mid.y] });
    await until(() => window.__state.zoom === 2);
    assert.equal(await page.$eval('.zoom-announcer', (a) => a.textContent), '', 'not announced while the fingers move');
    await fingers.up(1);
    await fingers.up(2);
    assert.equal((await preview.state()).zoom, 2, 'twice as far apart: 200 %, in the page state');
    assert.equal(await page.$eval('.zoom-level', (l) => l.textContent), '200%');
    assert.equal(await page.$eval('.zoom-announcer', (a) => a.textContent), 'Zoom 200%', 'announced once the pinch ends');
    const [gx, gy] = await fraction();
    assert.ok(Math.abs(gx - fx) < 0.01 && Math.abs(gy - fy) < 0.01, `the card's point stays under the fingers: ${[fx, fy]} -> ${[gx, gy]}`);
    assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).closest('li.card')?.dataset.key, mid), 'value-propositions/income');
    assert.deepEqual(await intents(), [], 'a pinch over a card edits nothing');
    // Past the limits: ten times closer from 200 % would be 20 %, and stops at 25 %; three times
    // farther than at the start of the same pinch would be 600 %, and stops at 400 %.
    await fingers.down(1, mid.x - 100, mid.y);
    await fingers.down(2, mid.x + 100, mid.y);
    await fingers.move({ 1: [mid.x - 10, mid.y], 2: [mid.x + 10, mid.y] });
    await until(() => window.__state.zoom === 0.25);
    assert.equal((await preview.state()).zoom, 0.25);
    await fingers.move({ 1: [mid.x - 300, mid.y], 2: [mid.x + 300, mid.y] });
    await until(() => window.__state.zoom === 4);
    assert.equal((await preview.state()).zoom, 4);
    await fingers.up(2);
    await fingers.up(1);
  });

  it('two fingers moved together pan with the zoom; lifting one goes on panning with the other', async () => {
    const { page, fingers } = await open({ zoom: 2 });
    await page.evaluate(() => window.scrollTo(300, 100));
    await fingers.down(1, 200, 200);
    await fingers.down(2, 300, 200);
    await fingers.move({ 1: [170, 180], 2: [270, 180] }, 2);
    await until(() => window.scrollX === 330 && window.scrollY === 120);
    assert.deepEqual(await scroll(), [330, 120], 'the midpoint moved by (-30, -20)');
    assert.equal((await preview.state()).zoom, 2, 'the same distance: the same level');
    await fingers.up(2);
    await fingers.move({ 1: [140, 170] }, 2);
    await until(() => window.scrollX === 360 && window.scrollY === 130);
    assert.deepEqual(await scroll(), [360, 130], 'the finger left moved by (-30, -10)');
    await fingers.up(1);
  });

  it('a card held still for a moment is picked up and dragged: the exact move', async () => {
    const { page, fingers } = await open({ width: 1400, height: 900 });
    const from = await box(card('value-propositions/fast'));
    await fingers.down(1, from.left + 20, from.top + 10);
    // A tremble under the slop (8 px) is still holding.
    await fingers.move({ 1: [from.left + 24, from.top + 13] }, 1);
    await page.waitForFunction((s) => document.querySelector(s).classList.contains('dragging'), card('value-propositions/fast'));
    const to = await box(card('value-propositions/both'));
    await fingers.move({ 1: [to.left + 20, to.top + to.height / 2 + 10] });
    await until(() => !document.querySelector('.drop-indicator').hidden);
    assert.equal(await page.$eval('.drop-indicator', (i) => i.hidden), false, 'a drop line is shown');
    await fingers.up(1);
    assert.deepEqual(await intents(), [{ command: 'moveCard', block: 'value-propositions', index: 0, toBlock: 'value-propositions', toIndex: 2 }]);
    assert.deepEqual(await preview.posted('reveal'), [], 'a drop is no tap');
    assert.deepEqual(await scroll(), [0, 0], 'the drag did not pan');
    assert.equal(await page.$eval('.drop-indicator', (i) => i.hidden), true);
  });

  it('a quick swipe from a card pans and does not move the card', async () => {
    const { page, fingers } = await open({ zoom: 2 });
    await page.$eval(card('value-propositions/fast'), (c) => c.scrollIntoView({ block: 'center', inline: 'center' }));
    const start = await scroll();
    const from = await box(card('value-propositions/fast'));
    // The time of the page stands still (no hold can end), so the swipe is quick whatever the machine's load.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    try {
      await fingers.down(1, from.left + 20, from.top + 10);
      await fingers.move({ 1: [from.left - 30, from.top - 40] });
      await fingers.up(1);
      assert.deepEqual(await scroll(), [start[0] + 50, start[1] + 50], 'panned as far as the finger moved');
      // Time goes on past the hold: nothing picks the card up after the swipe either.
      await page.clock.runFor(1000);
    } finally {
      await page.clock.resume();
    }
    assert.equal(await page.$eval(card('value-propositions/fast'), (c) => c.classList.contains('dragging')), false);
    assert.equal(await page.$eval('.drop-indicator', (i) => i.hidden), true);
    assert.deepEqual(await intents(), []);
  });

  it('a card dragged by a finger to the window\'s edge scrolls the page that way, a step a frame, and stops away from it', async () => {
    const { page, fingers } = await open({ zoom: 2 });
    await page.$eval(card('value-propositions/fast'), (c) => c.scrollIntoView({ block: 'center', inline: 'center' }));
    await page.evaluate(() => window.scrollTo(window.scrollX, 0));
    const start = await scroll();
    const from = await box(card('value-propositions/fast'));
    assert.ok(from.top > 0 && from.bottom < 380, `the card is in view, above the edge zone: ${from.top}-${from.bottom}`);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    try {
      await fingers.down(1, from.left + 20, from.top + 10);
      await page.clock.runFor(400);
      await until((s) => document.querySelector(s).classList.contains('dragging'), card('value-propositions/fast'));
      // 5 px from the bottom edge: 35 of the 40 px edge zone, ceil(12 * 35 / 40) = 11 px a frame.
      await page.evaluate(() => window.addEventListener('pointermove', (e) => (window.__fingerY = e.clientY)));
      await fingers.move({ 1: [from.left + 20, 395] }, 1);
      await until(() => window.__fingerY === 395);
      // Held there until the block's last card has come up into view (a frame at a time: bounded).
      for (let frames = 0; frames < 100; frames += 5) {
        await page.clock.runFor(5 * 16);
        const both = await box(card('value-propositions/both'));
        if (both.top + both.height * 0.75 < 300) break;
      }
      const [x, y] = await scroll();
      const end = await page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
      assert.equal(x, start[0], 'not sideways');
      assert.ok(y > start[1] && ((y - start[1]) % 11 === 0 || y === end), `scrolled down by 11 px steps, or to the page's end (${end}): ${start[1]} -> ${y}`);
      // Away from the edge it stops.
      await fingers.move({ 1: [from.left + 20, 200] });
      await until((y0) => window.scrollY === y0, y);
      await page.clock.runFor(200);
      assert.deepEqual(await scroll(), [x, y], 'no scrolling away from the edges');
      // Dropped below the block's last card, now in view.
      const to = await box(card('value-propositions/both'));
      const at = to.top + to.height * 0.75;
      assert.ok(at > 40 && at < 360, `the drop point is in view, out of the edge zones: ${at}`);
      await fingers.move({ 1: [to.left + 20, at] });
      await fingers.up(1);
    } finally {
      await page.clock.resume();
    }
    assert.deepEqual(await intents(), [{ command: 'moveCard', block: 'value-propositions', index: 0, toBlock: 'value-propositions', toIndex: 2 }]);
  });

  it('a tap on a card still shows it in the source, and a tap on a button presses it', async () => {
    const { page, fingers } = await open({ width: 1400, height: 900 });
    const at = await box(card('channels/app'));
    const plus = await box('section[data-block="key-partnerships"] > button.add-card');
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    try {
      await fingers.down(1, at.left + 20, at.top + 10);
      await fingers.up(1);
      await until(() => window.__posted.some((m) => m.type === 'reveal'));
      await fingers.down(1, plus.left + plus.width / 2, plus.top + plus.height / 2);
      await fingers.up(1);
      await until(() => !!document.querySelector('input.new-card'));
    } finally {
      await page.clock.resume();
    }
    assert.equal((await preview.posted('reveal')).length, 1, 'the card shown in the source');
    assert.equal(await page.$$eval('input.new-card', (i) => i.length), 1, 'the + button opened the name field');
    assert.deepEqual(await scroll(), [0, 0]);
  });

  it('a second finger during the hold makes a pinch, not a drag', async () => {
    const { page, fingers } = await open({ width: 1400, height: 900 });
    const from = await box(card('value-propositions/fast'));
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    try {
      await fingers.down(1, from.left + 20, from.top + 10);
      await fingers.down(2, from.left + 120, from.top + 10);
      await page.clock.runFor(1000);
      await fingers.move({ 1: [from.left - 30, from.top + 10], 2: [from.left + 170, from.top + 10] });
      await fingers.up(1);
      await fingers.up(2);
    } finally {
      await page.clock.resume();
    }
    assert.equal((await preview.state()).zoom, 2);
    assert.equal(await page.$eval(card('value-propositions/fast'), (c) => c.classList.contains('dragging')), false);
    assert.deepEqual(await intents(), []);
  });
});
