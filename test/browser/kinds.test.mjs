// Each canvas kind in its own layout, in real headless Chromium: the Lean sheet, the value
// proposition's square and circle with their fit lines (following resizes and edits), and
// real-world text (CJK, emoji sequences, RTL, YAML punctuation) wrapping with nothing overflowing.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCompareLib, loadLib, openPreview, ROOT, previewHooks } from './harness.mjs';
import { realWorldCanvas, viewOf, VPC } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';
const LEAN = readFileSync(join(ROOT, 'test', 'fixtures', 'render', 'lean.canvas.yaml'), 'utf8');
const viewMessage = (view) => ({ type: 'view', uri: URI, fileName: 'test.canvas.yaml', view, outdated: false });

/** Boxes of the blocks, relative to the page, by block key. */
function blockBoxes(page) {
  return page.$$eval('main section.block', (sections) =>
    Object.fromEntries(sections.map((s) => [s.dataset.block, (({ left, top, right, bottom, width }) => ({ left, top, right, bottom, width }))(s.getBoundingClientRect())])),
  );
}

/**
 * Each drawn fit line with its ends, and the boxes of the cards it joins, all in the overlay's
 * coordinates (the canvas's padding box).
 */
function fitLines(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const origin = main.getBoundingClientRect();
    const rel = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - origin.left - main.clientLeft, top: r.top - origin.top - main.clientTop, right: r.right - origin.left - main.clientLeft, bottom: r.bottom - origin.top - main.clientTop };
    };
    const card = (key) => document.querySelector(`li.card[data-key="${CSS.escape(key)}"]`);
    return [...document.querySelectorAll('svg.fit-lines path.fit')].map((path) => {
      const numbers = path.getAttribute('d').match(/-?\d+(\.\d+)?/g).map(Number);
      return {
        from: path.dataset.from,
        to: path.dataset.to,
        route: path.dataset.route,
        current: path.classList.contains('current'),
        start: numbers.slice(0, 2),
        // 'M x1 y1 L x2 y2' across; 'M x1 y1 H gutter V y2 H x2' aside.
        end: path.dataset.route === 'aside' ? [numbers[4], numbers[3]] : numbers.slice(-2),
        fromBox: rel(card(path.dataset.from)),
        toBox: rel(card(path.dataset.to)),
      };
    });
  });
}

const near = (a, b) => Math.abs(a - b) <= 0.6;

/** Every line starts on its first card's facing edge and ends on the second's, at mid height. */
function assertEndsOnCards(lines) {
  for (const line of lines) {
    const { fromBox: f, toBox: t } = line;
    const midF = (f.top + f.bottom) / 2;
    const midT = (t.top + t.bottom) / 2;
    if (line.route === 'across') {
      assert.ok(near(line.start[0], f.right) && near(line.start[1], midF), `${line.from} → ${line.to} starts on the right edge: ${line.start} vs ${f.right},${midF}`);
      assert.ok(near(line.end[0], t.left) && near(line.end[1], midT), `${line.from} → ${line.to} ends on the left edge: ${line.end} vs ${t.left},${midT}`);
    } else {
      assert.ok(near(line.start[0], f.right) && near(line.start[1], midF), `${line.from} starts on its right edge`);
      assert.ok(near(line.end[0], t.right) && near(line.end[1], midT), `${line.to} ends on its right edge`);
    }
  }
}

/** Waits until every line's ends match its cards again (the overlay redraws on the next layout). */
async function waitForLinesOnCards(page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    const origin = main.getBoundingClientRect();
    const paths = [...document.querySelectorAll('svg.fit-lines path.fit')];
    return (
      paths.length > 0 &&
      paths.every((path) => {
        const n = path.getAttribute('d').match(/-?\d+(\.\d+)?/g).map(Number);
        const f = document.querySelector(`li.card[data-key="${CSS.escape(path.dataset.from)}"]`).getBoundingClientRect();
        return Math.abs(n[1] - (f.top + f.height / 2 - origin.top - main.clientTop)) <= 0.6 && Math.abs(n[0] - (f.right - origin.left - main.clientLeft)) <= 0.6;
      })
    );
  });
}

const PAIRS = [
  'pain-relievers/live → pains/waiting',
  'pain-relievers/fixed → pains/overcharged',
  'pain-relievers/fixed → pains/waiting',
  'gain-creators/tracking → gains/predictable',
  'gain-creators/pool → gains/cheap',
  'gain-creators/pool → gains/predictable',
];

describe('canvas kinds in the preview', function () {
  let preview;
  previewHooks(() => preview, () => (preview = undefined));

  it('lean: the twelve blocks in the five-column sheet, existing alternatives under the problem, costs and revenues below', async () => {
    const { kindInfo } = await loadLib();
    preview = await openPreview({ init: { view: await viewOf(LEAN) } });
    const blocks = await preview.blocks();
    assert.deepEqual(blocks.map((b) => b.key), kindInfo('lean').blocks.map((b) => b.key));
    assert.equal(await preview.page.$eval('main', (m) => m.getAttribute('aria-label')), 'Lean Canvas: 동네 병원 예약 — Lean Canvas');
    assert.equal(await preview.page.$eval('body > .kind', (k) => k.textContent), 'Lean Canvas');
    const box = await blockBoxes(preview.page);
    const columns = [
      ['problem', 'existing-alternatives'],
      ['solution', 'key-metrics'],
      ['unique-value-proposition', 'high-level-concept'],
      ['unfair-advantage', 'channels'],
      ['customer-segments', 'early-adopters'],
    ];
    for (const [i, [upper, lower]] of columns.entries()) {
      assert.ok(near(box[upper].left, box[lower].left) && near(box[upper].bottom, box[lower].top), `${lower} under ${upper}`);
      if (i > 0) assert.ok(near(box[upper].left, box[columns[i - 1][0]].right), `${upper} right of ${columns[i - 1][0]}`);
      assert.ok(Math.abs(box[upper].width - box.problem.width) <= 1, `${upper} as wide as the others`);
    }
    const bottom = Math.max(...columns.flat().map((k) => box[k].bottom));
    assert.ok(near(box['cost-structure'].top, bottom) && near(box['revenue-streams'].top, bottom), 'costs and revenues below the sheet');
    assert.ok(near(box['cost-structure'].right, box['revenue-streams'].left) && near(box['cost-structure'].left, box.problem.left) && near(box['revenue-streams'].right, box['early-adopters'].right));
  });

  it('value proposition: the value map square left, the customer profile circle right, each with its blocks', async () => {
    preview = await openPreview({ init: { view: await viewOf(VPC) } });
    const groups = await preview.page.$$eval('main > section.group', (sections) =>
      sections.map((s) => ({
        key: s.dataset.group,
        shape: s.dataset.shape,
        title: s.querySelector('.group-title').textContent,
        blocks: [...s.querySelectorAll('section.block')].map((b) => b.dataset.block),
        box: s.querySelector('.group-grid').getBoundingClientRect().toJSON(),
        ring: getComputedStyle(s.querySelector('.group-ring'), '::before').borderTopLeftRadius,
      })),
    );
    assert.deepEqual(
      groups.map((g) => [g.key, g.shape, g.title, g.blocks]),
      [
        ['value-map', 'square', 'Value Map', ['products-and-services', 'pain-relievers', 'gain-creators']],
        ['customer-profile', 'circle', 'Customer Profile', ['customer-jobs', 'pains', 'gains']],
      ],
    );
    const [map, profile] = groups;
    assert.ok(map.box.right < profile.box.left, 'the square left of the circle');
    assert.ok(Math.abs(map.box.width - map.box.height) <= 1, `the value map is square: ${map.box.width} x ${map.box.height}`);
    assert.equal(profile.ring, '50%', 'the profile is drawn as a circle');
    const box = await blockBoxes(preview.page);
    // The square: products on the left, gain creators over pain relievers on the right.
    assert.ok(near(box['products-and-services'].right, box['gain-creators'].left) && near(box['gain-creators'].bottom, box['pain-relievers'].top));
    // The circle: gains over pains on the left (facing the value map), jobs on the right.
    assert.ok(near(box.gains.right, box['customer-jobs'].left) && near(box.gains.bottom, box.pains.top));
    assert.equal(await preview.page.$eval('.canvas-links', (p) => p.textContent), 'Business model: ./ride-hailing.canvas.yaml · Customer segment: riders · Value proposition: fast-pickup');
    assert.deepEqual(
      await preview.page.$eval('li.card[data-key="pains/waiting"]', (c) => [c.querySelector('.badge.type')?.textContent, c.querySelector('.rating').textContent]),
      [undefined, 'Severity: High'],
    );
    assert.equal(await preview.page.$eval('li.card[data-key="pain-relievers/fixed"] .refs', (p) => p.textContent), 'Relieves: Being overcharged, Waiting in the rain');
  });

  it('value proposition: a fit line joins each reliever or creator to each pain or gain it names, edge to edge; none for a dangling id', async () => {
    preview = await openPreview({ init: { view: await viewOf(VPC) } });
    const lines = await fitLines(preview.page);
    assert.deepEqual(lines.map((l) => `${l.from} → ${l.to}`), PAIRS);
    assert.ok(lines.every((l) => l.route === 'across'));
    assertEndsOnCards(lines);
    // The overlay covers the canvas and takes no clicks.
    assert.deepEqual(await preview.page.$eval('svg.fit-lines', (s) => [getComputedStyle(s).pointerEvents, s.getAttribute('aria-hidden')]), ['none', 'true']);
  });

  it('value proposition: the lines follow a narrower preview, a stacked one (routed beside the cards) and a card that grows', async () => {
    preview = await openPreview({ init: { view: await viewOf(VPC, 1) }, width: 1400 });
    const before = await fitLines(preview.page);
    await preview.page.setViewportSize({ width: 1000, height: 900 });
    await waitForLinesOnCards(preview.page);
    const narrower = await fitLines(preview.page);
    assert.notDeepEqual(narrower.map((l) => l.start), before.map((l) => l.start), 'the lines moved');
    assertEndsOnCards(narrower);
    // Below 600 px the two sides stack (at 600 px the layout holds, see layout.test.mjs).
    await preview.page.setViewportSize({ width: 500, height: 900 });
    await waitForLinesOnCards(preview.page);
    const stacked = await fitLines(preview.page);
    assert.deepEqual(stacked.map((l) => `${l.from} → ${l.to}`), PAIRS);
    assert.ok(stacked.every((l) => l.route === 'aside'), 'one side above the other: the lines go round');
    assertEndsOnCards(stacked);
    // A longer name wraps the pain over more lines: its line ends at its new middle.
    await preview.page.setViewportSize({ width: 1400, height: 900 });
    const longer = VPC.replace('name: Waiting in the rain', `name: ${'Waiting in the rain for a taxi that never comes '.repeat(4)}`);
    await preview.post(viewMessage(await viewOf(longer, 2)));
    await waitForLinesOnCards(preview.page);
    const grown = await fitLines(preview.page);
    const waiting = grown.find((l) => l.to === 'pains/waiting');
    assert.ok(waiting.toBox.bottom - waiting.toBox.top > 80, `the pain card grew: ${waiting.toBox.bottom - waiting.toBox.top}`);
    assertEndsOnCards(grown);
  });

  it('value proposition: a click reveals the card; the card under the cursor lights its lines', async () => {
    const view = await viewOf(VPC);
    preview = await openPreview({ init: { view } });
    const fixed = view.blocks.find((b) => b.key === 'pain-relievers').cards.find((c) => c.key === 'fixed');
    await preview.page.click('li.card[data-key="pain-relievers/fixed"] .card-name');
    assert.deepEqual(await preview.posted('reveal'), [{ type: 'reveal', key: 'fixed', span: fixed.span, focus: false }]);
    await preview.post({ type: 'cursor', offset: fixed.span.start + 2 });
    const lit = (await fitLines(preview.page)).filter((l) => l.current).map((l) => `${l.from} → ${l.to}`);
    assert.deepEqual(lit, ['pain-relievers/fixed → pains/overcharged', 'pain-relievers/fixed → pains/waiting']);
    assert.equal(await preview.page.$eval('li.card[data-key="pain-relievers/fixed"]', (c) => c.classList.contains('current')), true);
    const waiting = view.blocks.find((b) => b.key === 'pains').cards.find((c) => c.key === 'waiting');
    await preview.post({ type: 'cursor', offset: waiting.span.start + 1 });
    assert.deepEqual((await fitLines(preview.page)).filter((l) => l.current).map((l) => l.from), ['pain-relievers/live', 'pain-relievers/fixed']);
  });

  it('value proposition: compare mode marks cards in both sides and the lines stay on them', async () => {
    const { buildCompare, validateCanvas } = await loadCompareLib();
    const edited = VPC.replace('  - { id: live, name: Live arrival time, relieves: [waiting] }\n', '').replace('name: Being overcharged', 'name: Being overcharged at night');
    preview = await openPreview({ init: { view: await viewOf(edited) } });
    await preview.post({ type: 'compare', uri: URI, version: 1, compare: buildCompare(VPC, validateCanvas(edited)) });
    const marked = await preview.page.$$eval('li.card.compare-mark', (l) => l.map((c) => c.dataset.key));
    assert.deepEqual(marked, ['pains/overcharged']);
    const removed = await preview.page.$$eval('section.block[data-block="pain-relievers"] li.compare-removed .card-name', (l) => l.map((n) => n.textContent));
    assert.deepEqual(removed, ['Live arrival time']);
    await waitForLinesOnCards(preview.page);
    const lines = await fitLines(preview.page);
    assert.deepEqual(lines.map((l) => `${l.from} → ${l.to}`), PAIRS.filter((p) => !p.startsWith('pain-relievers/live')));
    assertEndsOnCards(lines);
  });

  it('one file changing its kind (business model → value proposition → lean) redraws in the new layout, nothing stale', async () => {
    const { kindInfo } = await loadLib();
    preview = await openPreview({ init: { view: await viewOf('canvas: business-model\ntitle: T\nchannels: [App]\n', 1) } });
    await preview.post(viewMessage(await viewOf(VPC, 2)));
    assert.deepEqual(await preview.page.$$eval('main > section.group', (l) => l.map((g) => g.dataset.group)), ['value-map', 'customer-profile']);
    assert.equal((await fitLines(preview.page)).length, PAIRS.length);
    await preview.post(viewMessage(await viewOf(LEAN, 3)));
    assert.deepEqual(await preview.page.$$eval('main > *', (l) => l.map((e) => e.dataset.block ?? e.tagName)), kindInfo('lean').blocks.map((b) => b.key));
    assert.equal(await preview.page.$eval('main', (m) => [m.dataset.kind, m.classList.contains('grouped')].join()), 'lean,false');
    assert.equal(await preview.page.$$eval('svg.fit-lines', (l) => l.length), 0);
    assert.deepEqual((await preview.posted('rendered')).map((m) => m.version), [1, 2, 3]);
  });

  it('value proposition: the PNG export rasterises its SVG (ellipse, fit lines and all) at the SVG’s size', async () => {
    const { renderSvg } = await loadLib();
    const view = await viewOf(VPC);
    preview = await openPreview({ init: { view } });
    const svg = renderSvg(view);
    const [, width, height] = svg.match(/<svg [^>]*width="(\d+)" height="(\d+)"/);
    await preview.post({ type: 'rasterize', id: 3, svg, scale: 1 });
    await preview.page.waitForFunction(() => window.__posted.some((m) => m.type === 'rasterized'));
    const [reply] = await preview.posted('rasterized');
    assert.equal(reply.error, undefined);
    const png = Buffer.from(reply.dataUrl.split(',')[1], 'base64');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(width), Number(height)]);
  });

  for (const kind of ['business-model', 'lean', 'value-proposition']) {
    for (const width of [1400, 640]) {
      it(`${kind} at ${width} px: long Korean, Japanese, Chinese, Spanish, emoji, RTL and YAML punctuation wrap inside their blocks`, async () => {
        const view = await viewOf(await realWorldCanvas(kind));
        preview = await openPreview({ init: { view }, width, height: 900 });
        // Blocks' cards off screen skip layout (content-visibility): lay them all out to measure them.
        const report = await preview.page.evaluate(() => {
          for (const list of document.querySelectorAll('.cards')) list.style.contentVisibility = 'visible';
          const overflowing = [];
          for (const el of document.querySelectorAll('main *')) {
            if (el.closest('svg') || el.clientWidth === 0) continue;
            if (el.scrollWidth > el.clientWidth) overflowing.push(`${el.tagName}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
          }
          const escaping = [];
          for (const section of document.querySelectorAll('main section.block')) {
            const frame = section.getBoundingClientRect();
            for (const el of section.querySelectorAll('li.card, li.card *')) {
              const r = el.getBoundingClientRect();
              if (r.width && (r.right > frame.right + 0.5 || r.left < frame.left - 0.5)) escaping.push(`${section.dataset.block}: ${el.tagName}.${el.className} ${r.left}-${r.right} outside ${frame.left}-${frame.right}`);
              if (r.height && (r.bottom > frame.bottom + 0.5 || r.top < frame.top - 0.5)) escaping.push(`${section.dataset.block}: ${el.tagName}.${el.className} ${r.top}-${r.bottom} below or above ${frame.top}-${frame.bottom}`);
            }
            // Nothing wider or taller than its block's content either (the measure of "no element overflowing").
            if (section.scrollWidth > section.clientWidth) escaping.push(`${section.dataset.block} scrolls: ${section.scrollWidth} > ${section.clientWidth}`);
          }
          // Blocks grow with their cards: none reaches into another, none out of its group's grid.
          const frames = [...document.querySelectorAll('main section.block')].map((s) => [s.dataset.block, s.getBoundingClientRect()]);
          for (const [i, [a, ra]] of frames.entries())
            for (const [b, rb] of frames.slice(i + 1))
              if (ra.left < rb.right - 0.5 && rb.left < ra.right - 0.5 && ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5) escaping.push(`${a} overlaps ${b}`);
          for (const grid of document.querySelectorAll('main .group-grid')) {
            if (grid.scrollHeight > grid.clientHeight) escaping.push(`a group's grid overflows: ${grid.scrollHeight} > ${grid.clientHeight}`);
          }
          return {
            overflowing,
            escaping: escaping.slice(0, 5),
            page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
            cards: document.querySelectorAll('li.card').length,
          };
        });
        assert.deepEqual(report.overflowing.slice(0, 5), []);
        assert.deepEqual(report.escaping, []);
        assert.equal(report.page, true, 'the page does not scroll sideways');
        assert.equal(report.cards, view.blocks.reduce((n, b) => n + b.cards.length, 0));
        // The text is all there, as written (wrapping changes no character).
        const names = await preview.page.$$eval('li.card .card-name', (l) => l.map((n) => n.textContent));
        assert.deepEqual(names.slice().sort(), view.blocks.flatMap((b) => b.cards.map((c) => c.name)).sort());
      });
    }
  }
});
