// The preview's layout at the widths a preview beside an editor has: every kind keeps its grid at
// 1400, 800 and 600 px (the blocks where the kind's cells put them, nothing overflowing sideways)
// and stacks its blocks on purpose below 600 px (500 px), in document order, at full width.
import * as assert from 'node:assert/strict';
import { openPreview, previewHooks } from './harness.mjs';
import { realWorldCanvas, viewOf } from './views.mjs';

const KINDS = ['business-model', 'lean', 'value-proposition'];

/** Each block's box, the canvas's content box, and everything that scrolls or sticks out sideways. */
function measure(page) {
  return page.evaluate(() => {
    // Blocks' cards off screen skip layout (content-visibility): lay them all out to measure them.
    for (const list of document.querySelectorAll('.cards')) list.style.contentVisibility = 'visible';
    const box = (el) => (({ left, top, right, bottom, width, height }) => ({ left, top, right, bottom, width, height }))(el.getBoundingClientRect());
    const main = document.querySelector('main');
    const overflowing = [];
    for (const el of document.querySelectorAll('main section.block, main section.block *')) {
      if (el.closest('svg') || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth) overflowing.push(`${el.tagName}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    const outside = [];
    const page = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('main section.block, main li.card')) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > page + 0.5) outside.push(`${el.dataset.block ?? el.dataset.key} ${r.left}..${r.right}`);
    }
    return {
      blocks: Object.fromEntries([...document.querySelectorAll('main section.block')].map((s) => [s.dataset.block, box(s)])),
      order: [...document.querySelectorAll('main section.block')].map((s) => s.dataset.block),
      groups: Object.fromEntries([...document.querySelectorAll('main section.group')].map((g) => [g.dataset.group, box(g.querySelector('.group-ring'))])),
      main: box(main),
      sideways: document.documentElement.scrollWidth > page,
      overflowing: overflowing.slice(0, 5),
      outside: outside.slice(0, 5),
    };
  });
}

const overlap = (a0, a1, b0, b1) => a0 < b1 && b0 < a1;

/**
 * The kind's grid as drawn: two blocks whose cells share rows but not columns are side by side in
 * the cells' order; two that share columns but not rows are one above the other; blocks of one
 * row start at the same top.
 */
function assertGrid(view, drawn, label) {
  const cells = view.blocks.map((b) => ({ key: b.key, group: b.group ?? '', ...b.cell }));
  for (const a of cells)
    for (const b of cells) {
      if (a === b || a.group !== b.group) continue;
      const A = drawn.blocks[a.key];
      const B = drawn.blocks[b.key];
      const rows = overlap(a.row, a.row + a.rows, b.row, b.row + b.rows);
      const columns = overlap(a.column, a.column + a.columns, b.column, b.column + b.columns);
      if (rows && !columns && a.column < b.column) assert.ok(A.right <= B.left + 1, `${label}: ${a.key} is left of ${b.key} (${A.right} vs ${B.left})`);
      if (columns && !rows && a.row < b.row) assert.ok(A.bottom <= B.top + 1, `${label}: ${a.key} is above ${b.key} (${A.bottom} vs ${B.top})`);
      if (a.row === b.row) assert.ok(Math.abs(A.top - B.top) <= 1, `${label}: ${a.key} and ${b.key} start on one row (${A.top} vs ${B.top})`);
    }
  // Wider cells are wider blocks: a block's width follows its column span.
  const perColumn = cells.filter((c) => !c.group).map((c) => drawn.blocks[c.key].width / c.columns);
  if (perColumn.length) assert.ok(Math.max(...perColumn) - Math.min(...perColumn) <= 2, `${label}: columns of one width: ${perColumn.map((w) => w.toFixed(1))}`);
}

function assertClean(drawn, label) {
  assert.equal(drawn.sideways, false, `${label}: the page does not scroll sideways`);
  assert.deepEqual(drawn.overflowing, [], `${label}: nothing overflows its box`);
  assert.deepEqual(drawn.outside, [], `${label}: every block and card within the page`);
}

describe('preview page: layout from 1400 px down to 500 px', function () {
  let preview;
  previewHooks(() => preview, () => (preview = undefined));

  for (const kind of KINDS) {
    for (const width of [1400, 800, 600]) {
      it(`${kind} at ${width} px keeps its grid: blocks where its cells put them, nothing sideways`, async () => {
        const view = await viewOf(await realWorldCanvas(kind));
        preview = await openPreview({ init: { view }, width, height: 900 });
        const drawn = await measure(preview.page);
        const label = `${kind} at ${width}`;
        assertClean(drawn, label);
        assertGrid(view, drawn, label);
        // The canvas fills the page's width (16 px padding each side).
        assert.ok(Math.abs(drawn.main.width - (width - 32)) <= 1, `${label}: canvas ${drawn.main.width} wide`);
        if (kind === 'business-model') {
          // The top row: five blocks side by side, left to right as on paper.
          const top = ['key-partnerships', 'key-activities', 'value-propositions', 'customer-relationships', 'customer-segments'].map((k) => drawn.blocks[k]);
          for (let i = 1; i < top.length; i++) {
            assert.ok(Math.abs(top[i].top - top[0].top) <= 1 && top[i].left >= top[i - 1].right - 1, `${label}: top block ${i} beside the one before`);
          }
          // Each about a fifth of the canvas.
          for (const b of top) assert.ok(Math.abs(b.width - drawn.main.width / 5) <= 2, `${label}: ${b.width} of ${drawn.main.width}`);
          const cost = drawn.blocks['cost-structure'];
          const revenue = drawn.blocks['revenue-streams'];
          assert.ok(Math.abs(cost.top - revenue.top) <= 1 && cost.right <= revenue.left + 1, `${label}: costs and revenues side by side`);
        }
        if (kind === 'lean') {
          // Five columns: problem, solution, unique value proposition, unfair advantage, segments.
          const lefts = [...new Set(Object.values(drawn.blocks).filter((b) => b.top < drawn.main.top + 5).map((b) => Math.round(b.left)))];
          assert.equal(lefts.length, 5, `${label}: five blocks on the first row: ${lefts}`);
        }
        if (kind === 'value-proposition') {
          const map = drawn.groups['value-map'];
          const profile = drawn.groups['customer-profile'];
          assert.ok(map.right < profile.left, `${label}: the square left of the circle`);
          assert.equal(await preview.page.$eval('.group[data-shape="circle"] > .group-ring', (r) => getComputedStyle(r, '::before').borderRadius), '50%', `${label}: the profile is a circle`);
        }
      });
    }

    it(`${kind} at 500 px stacks its blocks on purpose: one column, in document order, full width`, async () => {
      const view = await viewOf(await realWorldCanvas(kind));
      preview = await openPreview({ init: { view }, width: 500, height: 900 });
      const drawn = await measure(preview.page);
      const label = `${kind} at 500`;
      assertClean(drawn, label);
      const boxes = drawn.order.map((key) => drawn.blocks[key]);
      // Document order is the grid's reading order (rows left to right): the order keys and screen readers follow.
      // (A value proposition's: the value map, on the left, then the profile.)
      const reading = [...view.groups.flatMap((g) => view.blocks.filter((b) => b.group === g.key)), ...view.blocks.filter((b) => b.group === undefined)];
      assert.deepEqual(drawn.order, reading.map((b) => b.key));
      for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i].top >= boxes[i - 1].bottom - 1, `${label}: ${drawn.order[i]} below ${drawn.order[i - 1]}`);
      // One column (a value proposition's groups have borders of their own: 2 px apart at most).
      const spread = (values) => Math.max(...values) - Math.min(...values);
      assert.ok(spread(boxes.map((b) => b.left)) <= 2, `${label}: one column: ${boxes.map((b) => b.left)}`);
      assert.ok(spread(boxes.map((b) => b.width)) <= 4, `${label}: of one width: ${boxes.map((b) => b.width)}`);
      if (kind === 'value-proposition') {
        assert.ok(drawn.groups['value-map'].bottom <= drawn.groups['customer-profile'].top, `${label}: the value map above the profile`);
      } else {
        assert.ok(Math.abs(boxes[0].width - drawn.main.width + 2) <= 2, `${label}: blocks as wide as the canvas: ${boxes[0].width} of ${drawn.main.width}`);
      }
    });
  }

  it('zoomed in at 600 px, the page scrolls sideways (only then)', async () => {
    const view = await viewOf(await realWorldCanvas('business-model'));
    preview = await openPreview({ init: { view }, width: 600, height: 900 });
    assert.equal((await measure(preview.page)).sideways, false);
    await preview.page.click('.zoom-in');
    assert.equal((await measure(preview.page)).sideways, true);
  });
});
