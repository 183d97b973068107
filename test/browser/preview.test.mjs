// The preview page in real headless Chromium: layout, live patching, navigation, filter, state.
import * as assert from 'node:assert/strict';
import { openPreview, previewHooks } from './harness.mjs';
import { examples, LAYOUT, SMALL, viewOf } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';
const viewMessage = (view, { uri = URI, outdated = false } = {}) => ({ type: 'view', uri, fileName: uri.split('/').pop(), view, outdated });

describe('preview page', function () {
  let preview;
  previewHooks(() => preview, () => (preview = undefined));

  describe('the page', () => {
    it('loads under a strict CSP and says ready with the embedded version', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL, 3) } });
      const csp = await preview.page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'nonce-[0-9a-f]{32}'/);
      assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
      const ready = await preview.posted('ready');
      assert.deepEqual(ready, [{ type: 'ready', uri: URI, version: 3 }]);
      assert.deepEqual(await preview.page.evaluate(() => window.__violations), [], 'no CSP violations');
      assert.equal(await preview.page.$$eval('script:not([nonce])', (s) => s.length), 0, 'every script has the nonce');
      // The toolbar's controls are the platform's own (no web components), in the theme's colours.
      const controls = await preview.page.evaluate(() =>
        ['#segment-filter', '#problem-count', '#lock', '#export'].map((s) => {
          const e = document.querySelector(s);
          return [e.tagName, e.className, getComputedStyle(e).backgroundColor];
        }),
      );
      assert.deepEqual(controls, [
        ['SELECT', 'select', 'rgb(60, 60, 60)'],
        ['SPAN', 'badge counter', 'rgb(97, 97, 97)'],
        ['BUTTON', 'button secondary', 'rgb(58, 61, 65)'],
        ['BUTTON', 'button secondary', 'rgb(58, 61, 65)'],
      ]);
      assert.equal(await preview.page.evaluate(() => [...document.querySelectorAll('*')].some((e) => e.tagName.includes('-'))), false, 'no custom elements');
    });

    it('draws the nine blocks in layout order as headed sections in a labelled main landmark', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL) } });
      const blocks = await preview.blocks();
      assert.deepEqual(blocks.map((b) => b.key), LAYOUT);
      assert.deepEqual(blocks.map((b) => b.heading), [
        'Key Partnerships', 'Key Activities', 'Key Resources', 'Value Propositions', 'Customer Relationships',
        'Channels', 'Customer Segments', 'Cost Structure', 'Revenue Streams',
      ]);
      for (const b of blocks) {
        const heading = await preview.page.$eval(`#${b.labelledBy}`, (h) => h.tagName);
        assert.equal(heading, 'H2', `${b.key} is labelled by its heading`);
      }
      assert.equal(await preview.page.$eval('main', (m) => m.getAttribute('aria-label')), 'Business Model Canvas: Ride-hailing');
      assert.equal(await preview.page.$eval('h1', (h) => h.textContent), 'Ride-hailing');
      assert.deepEqual(blocks.find((b) => b.key === 'value-propositions').cards, ['Fast pickup', 'Steady income', 'Fair prices']);
      // Cards are list items of a list.
      assert.equal(await preview.page.$$eval('main ul.cards > li.card', (l) => l.length), 6);
      // The grid puts the blocks where the canvas has them: key partnerships left, segments right, costs below.
      const box = (key) => preview.page.$eval(`section[data-block="${key}"]`, (s) => s.getBoundingClientRect().toJSON());
      const [kp, vp, cs, cost, rev] = await Promise.all(['key-partnerships', 'value-propositions', 'customer-segments', 'cost-structure', 'revenue-streams'].map(box));
      assert.ok(kp.left < vp.left && vp.left < cs.left, 'partnerships | value propositions | segments');
      assert.ok(cost.top >= kp.bottom - 1 && rev.top === cost.top && rev.left > cost.left, 'costs and revenues below, side by side');
    });

    it('shows each empty block’s guiding question and hides it when the block has cards', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL) } });
      const blocks = await preview.blocks();
      const partnerships = blocks.find((b) => b.key === 'key-partnerships');
      assert.ok(partnerships.guide && partnerships.guide.length > 10, `guide text: ${partnerships.guide}`);
      assert.equal(blocks.find((b) => b.key === 'customer-segments').guide, undefined);
    });

    it('draws type badges, status, tags, segment colours and links', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL) } });
      const riders = await preview.page.$eval('li.card[data-key="customer-segments/riders"]', (c) => ({
        badge: c.querySelector('.badge.type')?.textContent,
        status: c.querySelector('.status')?.textContent,
        tags: [...c.querySelectorAll('.tag')].map((t) => t.textContent),
        bands: [...c.querySelectorAll('.stripe .band')].map((b) => getComputedStyle(b).backgroundColor),
      }));
      assert.equal(riders.badge, 'Mass market');
      assert.ok(riders.status === 'validated' || riders.status === 'Validated', riders.status);
      assert.deepEqual(riders.tags, ['launch', 'b2c']);
      assert.deepEqual(riders.bands, ['rgb(42, 157, 143)']);
      const both = await preview.page.$eval('li.card[data-key="value-propositions/both"]', (c) => ({
        bands: [...c.querySelectorAll('.stripe .band')].map((b) => getComputedStyle(b).backgroundColor),
        links: [...c.querySelectorAll('.links .link')].map((l) => l.textContent),
        label: c.querySelector('.links')?.getAttribute('aria-label'),
      }));
      assert.deepEqual(both.bands, ['rgb(42, 157, 143)', 'rgb(233, 196, 106)']);
      assert.deepEqual(both.links, ['Urban riders', 'Licensed drivers']);
      assert.equal(both.label, 'Segments');
    });

    for (const example of examples()) {
      it(`draws every card of examples/${example.name} in its block`, async () => {
        const view = await viewOf(example.text);
        preview = await openPreview({ init: { view } });
        const blocks = await preview.blocks();
        for (const block of view.blocks) {
          const drawn = blocks.find((b) => b.key === block.key);
          assert.deepEqual(drawn.cards, block.cards.map((c) => c.name), `cards of ${block.key}`);
        }
        assert.equal(await preview.page.$$eval('li.card', (l) => l.length), view.blocks.reduce((n, b) => n + b.cards.length, 0));
        const rendered = (await preview.posted('rendered')).at(-1);
        assert.equal(rendered.cards, view.blocks.reduce((n, b) => n + b.cards.length, 0));
      });
    }
  });

  describe('live updates', () => {
    it('patches the DOM: same card elements, focus and scroll position kept, only the changed card redrawn', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL, 1) }, width: 1000, height: 300 });
      const page = preview.page;
      await page.evaluate(() => {
        document.querySelectorAll('li.card').forEach((c) => (c.__identity = c.dataset.key));
        document.querySelector('li.card[data-key="value-propositions/fast"]').focus();
        window.scrollTo(0, 200);
        window.__mutated = new Set();
        new MutationObserver((records) => {
          for (const r of records) {
            const card = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest?.('li.card');
            if (card) window.__mutated.add(card.dataset.key);
            for (const node of r.addedNodes) if (node.classList?.contains('card')) window.__mutated.add(`added ${node.dataset.key}`);
            for (const node of r.removedNodes) if (node.classList?.contains('card')) window.__mutated.add(`removed ${node.dataset.key}`);
          }
        }).observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const scrollBefore = await page.evaluate(() => window.scrollY);
      assert.ok(scrollBefore > 0, 'the page scrolled');
      const edited = SMALL.replace('name: Steady income', 'name: Steady weekly income').replace('channels:\n', 'channels:\n  - id: web\n    name: Web\n    segments: [riders]\n');
      await preview.post({ type: 'view', uri: URI, fileName: 'test.canvas.yaml', view: await viewOf(edited, 2), outdated: false });
      const after = await page.evaluate(() => ({
        kept: [...document.querySelectorAll('li.card')].filter((c) => c.__identity === c.dataset.key).map((c) => c.dataset.key),
        focused: document.activeElement?.dataset?.key,
        scroll: window.scrollY,
        income: document.querySelector('li.card[data-key="value-propositions/income"] .card-name').textContent,
        // (A new card is filled after it is placed: its own inner changes are part of being added.)
        mutated: [...window.__mutated].filter((k) => !window.__mutated.has(`added ${k}`)).sort(),
      }));
      assert.equal(after.kept.length, 6, `all 6 old cards kept: ${after.kept}`);
      assert.equal(after.focused, 'value-propositions/fast', 'focus kept');
      assert.equal(after.scroll, scrollBefore, 'scroll kept');
      assert.equal(after.income, 'Steady weekly income');
      assert.deepEqual(after.mutated, ['added channels/web', 'value-propositions/income'], 'only the edited card changed, one was added');
      assert.deepEqual((await preview.posted('rendered')).map((m) => m.version), [1, 2]);
    });

    it('drops a view older than the one drawn', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL, 5) } });
      await preview.post(viewMessage(await viewOf(SMALL.replace('Fast pickup', 'Old name'), 4)));
      assert.equal(await preview.page.$eval('li.card[data-key="value-propositions/fast"] .card-name', (n) => n.textContent), 'Fast pickup');
      await preview.post(viewMessage(await viewOf(SMALL.replace('Fast pickup', 'New name'), 6)));
      assert.equal(await preview.page.$eval('li.card[data-key="value-propositions/fast"] .card-name', (n) => n.textContent), 'New name');
      assert.deepEqual((await preview.posted('rendered')).map((m) => m.version), [5, 6]);
    });

    it('starts over for another file (any version)', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL, 9) } });
      await preview.post(viewMessage(await viewOf('canvas: business-model\ntitle: Other\nchannels:\n  - name: Shop\n', 1), { uri: 'file:///w/other.canvas.yaml' }));
      assert.equal(await preview.page.$eval('h1', (h) => h.textContent), 'Other');
      assert.deepEqual(await preview.page.$$eval('li.card .card-name', (l) => l.map((n) => n.textContent)), ['Shop']);
      assert.equal((await preview.state()).uri, 'file:///w/other.canvas.yaml');
    });

    it('lists problems, marks cards with diagnostics, and shows the last good canvas when outdated', async () => {
      const broken = SMALL.replace('type: niche-market', 'type: nich-market');
      const brokenView = await viewOf(broken, 1);
      preview = await openPreview({ init: { view: brokenView } });
      const drivers = await preview.page.$eval('li.card[data-key="customer-segments/drivers"]', (c) => ({
        cls: c.className,
        mark: c.querySelector('.severity-mark')?.getAttribute('aria-label'),
      }));
      assert.match(drivers.cls, /severity-error/);
      assert.equal(drivers.mark, 'Has errors');
      const problems = await preview.page.$$eval('.problem-list .problem-link', (l) => l.map((b) => b.textContent));
      assert.ok(problems.some((p) => p.includes('schema')), problems.join(' | '));
      assert.equal(await preview.page.$eval('#problem-count', (b) => b.textContent), String(problems.length));
      // A problem is revealed like a card (see navigation): a click keeps the focus in the preview.
      await preview.clearPosted();
      await preview.page.click('.problem-list .problem-link');
      assert.deepEqual(await preview.posted('reveal'), [{ type: 'reveal', span: brokenView.problems[0].span, focus: false }]);
      assert.equal(await preview.page.$eval('.outdated', (o) => o.hidden), true);
      await preview.post(viewMessage(await viewOf(SMALL, 2), { outdated: true }));
      assert.equal(await preview.page.$eval('.outdated', (o) => o.hidden), false);
      assert.equal(await preview.page.$eval('.outdated', (o) => o.getAttribute('role')), 'status');
    });
  });

  describe('navigation', () => {
    // Issue 12, item 8: a click used to select the card's whole text in a focused editor, where the
    // next key typed replaced it. Now a click points at the card and keeps the focus here; a
    // double-click or Enter moves it to the editor (the host puts an empty cursor at the name).
    const allCards = (view) => view.blocks.flatMap((b) => b.cards.map((c) => ({ ...c, domKey: `${b.key}/${c.key}` })));
    const revealOf = (card, focus) => ({ type: 'reveal', key: card.key, span: card.span, focus });

    it('a click on a card reveals it and keeps the focus in the preview; a double-click moves it to the editor', async () => {
      const view = await viewOf(SMALL);
      preview = await openPreview({ init: { view } });
      const fast = view.blocks.find((b) => b.key === 'value-propositions').cards[0];
      await preview.page.click('li.card[data-key="value-propositions/fast"] .card-name');
      assert.deepEqual(await preview.posted('reveal'), [revealOf(fast, false)]);
      assert.equal(await preview.page.evaluate(() => document.activeElement?.dataset.key), 'value-propositions/fast', 'the clicked card has the focus');

      // A double-click is two clicks and a dblclick: the first click points, the dblclick goes to the editor.
      await preview.clearPosted();
      await preview.page.dblclick('li.card[data-key="value-propositions/fast"] .card-name');
      assert.deepEqual(await preview.posted('reveal'), [revealOf(fast, false), revealOf(fast, true)]);

      // Anywhere on the card, not only its name; never on a link inside it, and never outside a card.
      const riders = view.blocks.find((b) => b.key === 'customer-segments').cards[0];
      await preview.clearPosted();
      await preview.page.dblclick('li.card[data-key="customer-segments/riders"] .tag');
      await preview.page.click('section[data-block="key-partnerships"] .guide');
      await preview.page.dblclick('section[data-block="key-partnerships"] h2');
      assert.deepEqual(await preview.posted('reveal'), [revealOf(riders, false), revealOf(riders, true)]);
    });

    it('from the keyboard: Tab reaches the cards, Enter goes to the editor, Space reveals and stays', async () => {
      const view = await viewOf(SMALL);
      preview = await openPreview({ init: { view } });
      let focused;
      for (let i = 0; i < 30 && !focused; i++) {
        await preview.page.keyboard.press('Tab');
        focused = await preview.page.evaluate(() => (document.activeElement?.classList.contains('card') ? document.activeElement.dataset.key : undefined));
      }
      assert.ok(focused, 'a card takes focus by Tab');
      await preview.page.keyboard.press('ArrowDown');
      const next = await preview.page.evaluate(() => document.activeElement.dataset.key);
      assert.notEqual(next, focused, 'ArrowDown moves to the next card');
      const card = allCards(view).find((c) => c.domKey === next);
      await preview.clearPosted();
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await preview.posted('reveal'), [revealOf(card, true)]);
      await preview.clearPosted();
      const scrolled = await preview.page.evaluate(() => window.scrollY);
      await preview.page.keyboard.press(' ');
      assert.deepEqual(await preview.posted('reveal'), [revealOf(card, false)]);
      assert.equal(await preview.page.evaluate(() => window.scrollY), scrolled, 'Space did not scroll the page');
      // Screen readers read how to get there with each card.
      const hint = await preview.page.evaluate(() => {
        const el = document.activeElement;
        const ids = el.getAttribute('aria-describedby');
        return ids && document.getElementById(ids)?.textContent;
      });
      assert.equal(hint, 'Enter or double-click: edit it in the source. Space or click: show it there.');
    });

    it('a problem of the list: a click or Space reveals it, a double-click or Enter goes to the editor, each once', async () => {
      const brokenView = await viewOf(SMALL.replace('type: niche-market', 'type: nich-market'), 1);
      preview = await openPreview({ init: { view: brokenView } });
      const span = brokenView.problems[0].span;
      const button = '.problem-list li:first-child .problem-link';
      await preview.page.click(button);
      await preview.page.dblclick(button);
      assert.deepEqual(await preview.posted('reveal'), [
        { type: 'reveal', span, focus: false },
        { type: 'reveal', span, focus: false },
        { type: 'reveal', span, focus: true },
      ]);
      await preview.clearPosted();
      await preview.page.focus(button);
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await preview.posted('reveal'), [{ type: 'reveal', span, focus: true }], 'Enter: no click as well');
      await preview.clearPosted();
      await preview.page.keyboard.press(' ');
      assert.deepEqual(await preview.posted('reveal'), [{ type: 'reveal', span, focus: false }]);
    });

    it('the editor cursor highlights the card under it and scrolls it into view', async () => {
      const view = await viewOf(SMALL);
      preview = await openPreview({ init: { view }, width: 1000, height: 250 });
      const app = view.blocks.find((b) => b.key === 'channels').cards[0];
      await preview.post({ type: 'cursor', offset: app.span.start + 3 });
      const current = await preview.page.$$eval('li.card.current', (l) => l.map((c) => c.dataset.key));
      assert.deepEqual(current, ['channels/app']);
      const visible = await preview.page.$eval('li.card.current', (c) => {
        const r = c.getBoundingClientRect();
        return r.top >= -1 && r.bottom <= window.innerHeight + 1;
      });
      assert.ok(visible, 'scrolled into view');
      await preview.post({ type: 'cursor', offset: 0 });
      assert.equal(await preview.page.$$eval('li.card.current', (l) => l.length), 0, 'no card at the top of the file');
    });

    it('opens http(s) links through the host and never navigates', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL) } });
      const link = await preview.page.$eval('.canvas-description a', (a) => a.getAttribute('href'));
      assert.equal(link, 'https://example.com/plan');
      await preview.page.click('.canvas-description a');
      assert.deepEqual(await preview.posted('openLink'), [{ type: 'openLink', href: 'https://example.com/plan' }]);
      assert.equal(new URL(preview.page.url()).pathname, '/index.html');
    });
  });

  describe('segment filter', () => {
    it('a legend chip highlights the cards tied to its segment and dims the rest; again clears it', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL) } });
      const page = preview.page;
      await page.click('.legend .chip[data-segment="drivers"]');
      const linked = await page.$$eval('li.card.linked', (l) => l.map((c) => c.dataset.key).sort());
      assert.deepEqual(linked, ['channels/app', 'customer-segments/drivers', 'value-propositions/both', 'value-propositions/income']);
      await page.waitForFunction(() => getComputedStyle(document.querySelector('li.card[data-key="value-propositions/fast"]')).opacity === '0.3');
      assert.equal(await page.$eval('li.card[data-key="channels/app"]', (c) => getComputedStyle(c).opacity), '1');
      assert.equal(await page.$eval('.chip[data-segment="drivers"]', (c) => c.getAttribute('aria-pressed')), 'true');
      assert.equal((await preview.state()).segment, 'drivers');
      assert.equal(await page.$eval('#segment-filter', (s) => s.value), 'drivers');
      await page.click('.legend .chip[data-segment="drivers"]');
      assert.equal(await page.$$eval('li.card.linked', (l) => l.length), 0);
      assert.equal(await page.$eval('main', (m) => m.classList.contains('filtering')), false);
    });

    it('the toolbar select filters too, and the filter survives an update', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL, 1) } });
      const page = preview.page;
      await page.evaluate(() => {
        const select = document.getElementById('segment-filter');
        select.value = 'riders';
        select.dispatchEvent(new Event('change'));
      });
      const linked = () => page.$$eval('li.card.linked', (l) => l.map((c) => c.dataset.key).sort());
      assert.deepEqual(await linked(), ['channels/app', 'customer-segments/riders', 'value-propositions/both', 'value-propositions/fast']);
      await preview.post(viewMessage(await viewOf(SMALL.replace('segments: [drivers]', 'segments: [drivers, riders]'), 2)));
      assert.deepEqual(await linked(), ['channels/app', 'customer-segments/riders', 'value-propositions/both', 'value-propositions/fast', 'value-propositions/income']);
    });
  });

  describe('toolbar and state', () => {
    it('lock and export buttons post their messages; the lock state follows the host', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL) } });
      const page = preview.page;
      assert.equal(await page.$eval('#lock', (b) => b.textContent), 'Lock');
      await page.click('#lock');
      await page.click('#export');
      assert.deepEqual((await preview.posted()).filter((m) => m.type === 'toggleLock' || m.type === 'export').map((m) => m.type), ['toggleLock', 'export']);
      await preview.post({ type: 'locked', locked: true });
      assert.equal(await page.$eval('#lock', (b) => b.textContent), 'Unlock');
      assert.equal((await preview.state()).locked, true);
    });

    it('keeps the segment filter and scroll position across a reload (getState)', async () => {
      const view = await viewOf(SMALL);
      preview = await openPreview({ init: { view }, state: { uri: URI, locked: false, segment: 'riders', scrollX: 0, scrollY: 150 }, width: 900, height: 300 });
      assert.equal(await preview.page.evaluate(() => window.scrollY), 150);
      assert.equal(await preview.page.$eval('main', (m) => m.classList.contains('filtering')), true);
      assert.equal(await preview.page.$eval('.chip[data-segment="riders"]', (c) => c.getAttribute('aria-pressed')), 'true');
      // State of another file is not applied.
      await preview.close();
      preview = await openPreview({ init: { view }, state: { uri: 'file:///w/other.canvas.yaml', locked: false, segment: 'riders', scrollY: 150 } });
      assert.equal(await preview.page.evaluate(() => window.scrollY), 0);
      assert.deepEqual(await preview.state(), { uri: URI, locked: false });
    });

    it('rasterises an SVG to a PNG data URL for the export', async () => {
      preview = await openPreview({ init: { view: await viewOf(SMALL) } });
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80"><rect width="120" height="80" fill="#2a9d8f"/><text x="10" y="40">Hi</text></svg>';
      await preview.post({ type: 'rasterize', id: 7, svg, scale: 2 });
      await preview.page.waitForFunction(() => window.__posted.some((m) => m.type === 'rasterized'));
      const [reply] = await preview.posted('rasterized');
      assert.equal(reply.id, 7);
      assert.match(reply.dataUrl, /^data:image\/png;base64,/);
      const png = Buffer.from(reply.dataUrl.split(',')[1], 'base64');
      assert.equal(png.readUInt32BE(16), 240, 'width at scale 2');
      assert.equal(png.readUInt32BE(20), 160, 'height at scale 2');
    });
  });
});
