// The health summary in the preview's header (issue 15, item 5), in real headless Chromium: its
// line for each kind, following the views the host posts, theme-styled, and each part going to what
// it counts (the next empty block, the problems, the next untested hypothesis).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertBuilt, closeBrowser, openPreview } from './harness.mjs';
import { examples, viewOf } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';
const viewMessage = (view) => ({ type: 'view', uri: URI, fileName: 'test.canvas.yaml', view, outdated: false });

/** Shared with the unit and integration tests of health. */
const BUSINESS_MODEL = readFileSync(new URL('../fixtures/shared/health-check.canvas.yaml', import.meta.url), 'utf8');

/** The summary as drawn: where it is, its text, its parts. */
function summary(page) {
  return page.evaluate(() => {
    const health = document.querySelector('.health');
    if (!health) return undefined;
    const part = (name) => {
      const b = health.querySelector(`.health-${name}`);
      const style = getComputedStyle(b);
      return { text: b.textContent, tag: b.tagName, title: b.title, disabled: b.getAttribute('aria-disabled'), severity: b.dataset.severity, color: style.color, background: style.backgroundColor };
    };
    return {
      inHeader: health.parentElement?.matches('header.page-header') ?? false,
      afterHeading: health.previousElementSibling?.matches('.heading') ?? false,
      hidden: health.hidden,
      role: health.getAttribute('role'),
      label: health.getAttribute('aria-label'),
      text: health.textContent,
      blocks: part('blocks'),
      problems: part('problems'),
      hypotheses: part('hypotheses'),
    };
  });
}

/** Clicks a part; what has the focus then (a card's key, a block's key, or a problem link). */
async function go(page, part) {
  await page.click(`.health-${part}`);
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (focused?.matches('li.card')) return `card ${focused.dataset.key}`;
    if (focused?.matches('section.block')) return `block ${focused.dataset.block}`;
    if (focused?.matches('.problem-link')) return `problem ${focused.dataset.index}`;
    return focused?.tagName;
  });
}

describe('preview health summary', function () {
  before(assertBuilt);
  after(closeBrowser);

  it('a business model: the line in the header after the title, its parts as theme-styled buttons', async () => {
    const view = await viewOf(BUSINESS_MODEL);
    const preview = await openPreview({ init: { view } });
    const drawn = await summary(preview.page);
    assert.deepEqual(drawn, {
      inHeader: true,
      afterHeading: true,
      hidden: false,
      role: 'group',
      label: 'Canvas health',
      text: '4/9 blocks · 8 problems · 3 hypotheses untested',
      // dark theme of the harness: descriptionForeground, editorError-foreground, foreground.
      blocks: { text: '4/9 blocks', tag: 'BUTTON', title: 'Go to the next empty block', disabled: 'false', severity: undefined, color: 'rgb(157, 157, 157)', background: 'rgba(0, 0, 0, 0)' },
      problems: { text: '8 problems', tag: 'BUTTON', title: 'Go to the problems', disabled: 'false', severity: 'error', color: 'rgb(241, 76, 76)', background: 'rgba(0, 0, 0, 0)' },
      hypotheses: { text: '3 hypotheses untested', tag: 'BUTTON', title: 'Go to the next untested hypothesis', disabled: 'false', severity: undefined, color: 'rgb(204, 204, 204)', background: 'rgba(0, 0, 0, 0)' },
    });
    assert.deepEqual(preview.errors, []);
    assert.deepEqual(await preview.page.evaluate(() => window.__violations), []);
  });

  it('every example of every kind: its own line', async () => {
    const lines = {};
    for (const { name, text } of examples()) {
      const preview = await openPreview({ init: { view: await viewOf(text) } });
      lines[name] = (await summary(preview.page)).text;
      assert.deepEqual(preview.errors, [], name);
    }
    assert.deepEqual(lines, {
      'b2b-saas.canvas.yaml': '9/9 blocks · 0 problems · 7 hypotheses untested',
      'hospital-companion.canvas.yaml': '12/12 blocks · 0 problems · 5 hypotheses untested',
      'korean-clinic.canvas.yaml': '9/9 blocks · 0 problems · 4 hypotheses untested',
      'meal-kit-subscription.canvas.yaml': '9/9 blocks · 0 problems · 4 hypotheses untested',
      'ride-hailing.canvas.yaml': '9/9 blocks · 0 problems · 5 hypotheses untested',
      'riders-safe-rides.canvas.yaml': '6/6 blocks · 0 problems · 0 hypotheses untested',
    });
  });

  it('a value proposition and a Lean Canvas with gaps: one problem, one hypothesis, the kind’s block count', async () => {
    const preview = await openPreview({
      init: { view: await viewOf('canvas: value-proposition\ntitle: VP\npains:\n  - { id: unsafe, name: Feeling unsafe, status: hypothesis }\npain-relievers:\n  - { id: share, name: Share the trip, relieves: [unsafe] }\n') },
    });
    const vp = await summary(preview.page);
    assert.equal(vp.text, '2/6 blocks · 4 problems · 1 hypothesis untested');
    // Only hints (empty blocks): the problems part takes no alarm colour.
    assert.equal(vp.problems.severity, 'hint');
    assert.equal(vp.problems.color, 'rgb(157, 157, 157)');
    await preview.post(viewMessage(await viewOf('canvas: lean\ntitle: Lean\nproblem:\n  - Parents miss visits\n', 2)));
    assert.equal((await summary(preview.page)).text, '1/12 blocks · 11 problems · 0 hypotheses untested');
    // Nothing untested: the part is marked as having nowhere to go.
    assert.equal((await summary(preview.page)).hypotheses.disabled, 'true');
  });

  it('follows the posted views: counts change, the buttons (and the focus) stay', async () => {
    const preview = await openPreview({ init: { view: await viewOf(BUSINESS_MODEL) } });
    await preview.page.focus('.health-hypotheses');
    const validated = BUSINESS_MODEL.replace('    status: hypothesis\n  - id: drivers', '    status: validated\n  - id: drivers').replace('channels: []', 'channels: [App]');
    await preview.post(viewMessage(await viewOf(validated, 2)));
    const after = await summary(preview.page);
    assert.equal(after.text, '5/9 blocks · 8 problems · 2 hypotheses untested');
    assert.equal(await preview.page.evaluate(() => document.activeElement?.classList.contains('health-hypotheses')), true);
    // Every block filled, no problems, nothing untested.
    const clean = examples().find((e) => e.name === 'riders-safe-rides.canvas.yaml').text;
    await preview.post(viewMessage(await viewOf(clean, 3)));
    const done = await summary(preview.page);
    assert.equal(done.text, '6/6 blocks · 0 problems · 0 hypotheses untested');
    assert.deepEqual([done.blocks.disabled, done.problems.disabled, done.problems.severity, done.hypotheses.disabled], ['true', 'true', 'none', 'true']);
    assert.deepEqual(preview.errors, []);
  });

  it('each part goes to what it counts: the next untested card, the next empty block, the problems', async () => {
    const preview = await openPreview({ init: { view: await viewOf(BUSINESS_MODEL) } });
    const page = preview.page;
    assert.deepEqual(
      [await go(page, 'hypotheses'), await go(page, 'hypotheses'), await go(page, 'hypotheses'), await go(page, 'hypotheses')],
      ['card customer-segments/riders', 'card value-propositions/fast', 'card customer-relationships/app-support', 'card customer-segments/riders'],
    );
    assert.deepEqual(
      [await go(page, 'blocks'), await go(page, 'blocks'), await go(page, 'blocks'), await go(page, 'blocks'), await go(page, 'blocks'), await go(page, 'blocks')],
      ['block key-partnerships', 'block key-activities', 'block key-resources', 'block channels', 'block cost-structure', 'block key-partnerships'],
    );
    assert.equal(await go(page, 'problems'), 'problem 0');
    // The keyboard: Enter on a part is its click.
    await page.focus('.health-hypotheses');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'value-propositions/fast');
    // Going somewhere posts nothing to the host (no reveal, no edit).
    assert.deepEqual((await preview.posted()).map((m) => m.type).filter((t) => t !== 'ready' && t !== 'rendered'), []);
    assert.deepEqual(preview.errors, []);
  });

  it('hidden for a view without health (one made by hand)', async () => {
    const view = await viewOf(BUSINESS_MODEL);
    delete view.health;
    const preview = await openPreview({ init: { view } });
    assert.equal((await summary(preview.page)).hidden, true);
  });
});
