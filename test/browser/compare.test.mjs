// Compare mode of the preview page in real headless Chromium: the host's comparison (built by the
// real core and src/extension/preview/compareData.ts) posted to the page, as the extension does.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCompareLib, openPreview, ROOT, previewHooks } from './harness.mjs';
import { SMALL, viewOf } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';

const OLD = `${SMALL}key-partnerships:
  - id: insurer
    name: Insurer
`;

// Added: Safety first (value propositions). Removed: Steady income, Insurer (its block is empty now).
// Changed: Fast pickup (status, segments). Moved: App, channels → customer relationships.
const NEW = SMALL.replace(
  `  - id: fast
    name: Fast pickup
    segments: [riders]
  - id: income
    name: Steady income
    segments: [drivers]
`,
  `  - id: fast
    name: Fast pickup
    status: validated
    segments: [riders, drivers]
  - id: safety
    name: Safety first
    segments: [riders]
`,
).replace(
  `channels:
  - id: app`,
  `customer-relationships:
  - id: app`,
);

async function comparePayload(oldText, newText) {
  const { buildCompare, validateCanvas, ENGLISH_TEXTS } = await loadCompareLib();
  return buildCompare(oldText, validateCanvas(newText), ENGLISH_TEXTS);
}

function marks(preview) {
  return preview.page.$$eval('main li.card', (cards) =>
    cards.map((c) => ({
      name: c.querySelector('.card-name')?.textContent,
      block: c.closest('section').dataset.block,
      classes: [...c.classList].filter((k) => k.startsWith('compare-')).sort(),
      title: c.getAttribute('title') ?? undefined,
      note: c.querySelector('.compare-note')
        ? {
            kind: c.querySelector('.compare-note').dataset.kind,
            badge: c.querySelector('.compare-note .compare-badge').textContent,
            changes: [...c.querySelectorAll('.compare-note .compare-changes li')].map((l) => l.textContent),
          }
        : undefined,
    })),
  );
}

describe('preview page: compare mode', function () {
  let preview;
  previewHooks(() => preview, () => (preview = undefined));

  async function openCompared() {
    const view = await viewOf(NEW, 2);
    preview = await openPreview({ init: { view } });
    await preview.post({ type: 'compare', uri: URI, version: 2, compare: await comparePayload(OLD, NEW) });
    return preview;
  }

  it('the host side: the diff becomes marks by position and the removed cards of the old view', async () => {
    const payload = await comparePayload(OLD, NEW);
    assert.deepEqual(payload.summary, { added: 1, removed: 2, changed: 1, moved: 1 });
    const vp = payload.blocks.find((b) => b.block === 'value-propositions');
    assert.deepEqual(vp.marks.map((m) => [m.position, m.kind]).sort(), [[0, 'changed'], [1, 'added']]);
    assert.deepEqual(vp.marks.find((m) => m.kind === 'changed').details.sort(), ['segments: +drivers', 'status: (none) → validated']);
    assert.deepEqual(vp.removed.map((c) => c.name), ['Steady income']);
    const everythingAdded = await comparePayload(undefined, NEW);
    assert.equal(everythingAdded.summary.added, 6);
    assert.equal(everythingAdded.summary.removed + everythingAdded.summary.changed + everythingAdded.summary.moved, 0);
  });

  it('marks added cards green, changed and moved ones amber, each with its badge in words, and shows removed cards struck in their block', async () => {
    await openCompared();
    const all = await marks(preview);
    const byName = (name) => all.find((c) => c.name === name);
    assert.deepEqual(byName('Safety first').classes, ['compare-added', 'compare-mark']);
    assert.deepEqual(byName('Fast pickup').classes, ['compare-changed', 'compare-mark']);
    assert.deepEqual(byName('App').classes, ['compare-mark', 'compare-moved']);
    assert.equal(byName('App').block, 'customer-relationships');
    assert.deepEqual(byName('Urban riders').classes, [], 'an unchanged card is not marked');
    assert.deepEqual(byName('Steady income'), { name: 'Steady income', block: 'value-propositions', classes: ['compare-removed'], title: undefined, note: { kind: 'removed', badge: 'removed', changes: [] } });
    assert.deepEqual(byName('Safety first').note, { kind: 'added', badge: 'added', changes: [] });
    assert.equal(byName('Urban riders').note, undefined);
    assert.equal(byName('Insurer').block, 'key-partnerships');
    assert.deepEqual(byName('Insurer').classes, ['compare-removed']);
    // The removed card's block has no card of its own: its list is shown, its guide is not.
    const kp = await preview.page.$eval('section[data-block="key-partnerships"]', (s) => ({
      list: s.querySelector('ul.cards').hidden,
      guide: s.querySelector('.guide').hidden,
    }));
    assert.deepEqual(kp, { list: false, guide: true });
    // Its text struck through, its badge not; in the theme's colours (Git decorations), never a fixed colour.
    const style = await preview.page.$eval('li.compare-removed', (c) => [c.querySelector('.card-head'), c.querySelector('.compare-badge')].map((e) => getComputedStyle(e).textDecorationLine));
    assert.deepEqual(style, ['line-through', 'none']);
    const css = readFileSync(join(ROOT, 'media', 'preview.css'), 'utf8');
    const compareCss = css.slice(css.indexOf('/* Compare mode'));
    assert.match(compareCss, /--vscode-gitDecoration-addedResourceForeground/);
    assert.match(compareCss, /--vscode-gitDecoration-deletedResourceForeground/);
    assert.match(compareCss, /--vscode-gitDecoration-modifiedResourceForeground/);
    assert.doesNotMatch(compareCss, /#[0-9a-f]{3,6}\b|rgb\(/i, 'only theme variables');
    // Removed cards are not the file's cards: clicking one reveals nothing.
    await preview.clearPosted();
    await preview.page.click('li.compare-removed');
    assert.deepEqual(await preview.posted('reveal'), []);
  });

  it('reveals a marked card as the plain view does (a click stays, a double-click or Enter goes to the editor); a removed card never', async () => {
    await openCompared();
    const view = await viewOf(NEW, 2);
    const fast = view.blocks.flatMap((b) => b.cards).find((c) => c.name === 'Fast pickup');
    const reveal = (focus) => ({ type: 'reveal', key: fast.key, span: fast.span, focus });
    await preview.clearPosted();
    await preview.page.click('li.compare-changed .card-name');
    await preview.page.dblclick('li.compare-changed .card-name');
    await preview.page.keyboard.press('Enter');
    assert.deepEqual(await preview.posted('reveal'), [reveal(false), reveal(false), reveal(true), reveal(true)]);
    await preview.clearPosted();
    await preview.page.dblclick('li.compare-removed .card-name');
    await preview.page.focus('li.compare-removed');
    await preview.page.keyboard.press('Enter');
    assert.deepEqual(await preview.posted('reveal'), []);
    // Nor does a removed card tell screen readers how to reveal it.
    assert.deepEqual(await preview.page.$$eval('li.compare-removed', (l) => l.map((c) => c.getAttribute('aria-describedby'))), [null, null]);
  });

  it('writes each card’s field changes on the card, visible without hovering, read after its name, no tooltip', async () => {
    await openCompared();
    const all = await marks(preview);
    const fast = all.find((c) => c.name === 'Fast pickup');
    assert.deepEqual(fast.note, { kind: 'changed', badge: 'changed', changes: ['status: (none) → validated', 'segments: +drivers'] });
    assert.equal(fast.title, undefined, 'no native tooltip: the text is on the card');
    const app = all.find((c) => c.name === 'App');
    assert.deepEqual(app.note, { kind: 'moved', badge: 'moved', changes: ['moved from Channels'] });
    // Visible: laid out with a real size, inside its card, not clipped away.
    const box = await preview.page.$eval('li.compare-changed', (card) => {
      const note = card.querySelector('.compare-note');
      const r = note.getBoundingClientRect();
      const c = card.getBoundingClientRect();
      return {
        visible: r.width > 40 && r.height > 20 && getComputedStyle(note).visibility === 'visible',
        inside: r.left >= c.left && r.right <= c.right + 0.5 && r.top >= c.top && r.bottom <= c.bottom + 0.5,
        after: note.previousElementSibling?.className,
        badgeColor: getComputedStyle(note.querySelector('.compare-badge')).color,
      };
    });
    assert.deepEqual(box, { visible: true, inside: true, after: 'card-head', badgeColor: box.badgeColor });
    // In the accessibility tree, after the name.
    const snapshot = await preview.page.locator('li.compare-changed').first().ariaSnapshot();
    assert.match(snapshot, /Fast pickup[\s\S]*changed[\s\S]*status: \(none\) → validated[\s\S]*segments: \+drivers/);
    // Theme colours only.
    const css = readFileSync(join(ROOT, 'media', 'preview.css'), 'utf8');
    const noteCss = css.slice(css.indexOf('/* What changed, written on the card'), css.indexOf('body.vscode-high-contrast .compare-badge'));
    assert.doesNotMatch(noteCss, /#[0-9a-f]{3,6}\b|rgb\(/i);
    // A canvas change redraws the card and its note once, never twice.
    await preview.post({ type: 'compare', uri: URI, version: 2, compare: await comparePayload(OLD, NEW) });
    assert.equal(await preview.page.$$eval('li.compare-changed .compare-note', (l) => l.length), 1);
  });

  it('shows a summary bar with the counts and toggles back to the plain view and again', async () => {
    await openCompared();
    const bar = () =>
      preview.page.$eval('.compare-bar', (b) => ({
        hidden: b.hidden,
        heading: b.querySelector('.compare-heading').textContent,
        counts: [...b.querySelectorAll('.compare-count')].map((c) => c.textContent),
        toggle: b.querySelector('button.compare-toggle').textContent,
        pressed: b.querySelector('button.compare-toggle').getAttribute('aria-pressed'),
      }));
    assert.deepEqual(await bar(), {
      hidden: false,
      heading: 'Compared with HEAD',
      counts: ['1 added', '2 removed', '1 changed', '1 moved'],
      toggle: 'Show plain view',
      pressed: 'false',
    });
    // The bar comes before the canvas (its zoom stage: the bar is not zoomed).
    assert.equal(await preview.page.evaluate(() => document.querySelector('.compare-bar').nextElementSibling?.firstElementChild?.firstElementChild?.id), 'canvas');

    await preview.page.click('button.compare-toggle');
    assert.equal((await bar()).toggle, 'Show changes');
    assert.equal((await bar()).pressed, 'true');
    let all = await marks(preview);
    assert.ok(all.every((c) => c.classes.length === 0 && c.title === undefined && c.note === undefined), 'plain view: no marks');
    assert.ok(!all.some((c) => c.name === 'Steady income' || c.name === 'Insurer'), 'plain view: no removed cards');
    const kp = await preview.page.$eval('section[data-block="key-partnerships"]', (s) => [s.querySelector('ul.cards').hidden, s.querySelector('.guide').hidden]);
    assert.deepEqual(kp, [true, false], 'the empty block shows its guide again');

    await preview.page.keyboard.press('Tab'); // the toggle is a real button: keyboard works too
    await preview.page.focus('button.compare-toggle');
    await preview.page.keyboard.press('Enter');
    all = await marks(preview);
    assert.equal(all.filter((c) => c.classes.includes('compare-removed')).length, 2);
    assert.equal((await bar()).toggle, 'Show plain view');
  });

  it('keeps the marks through a new view, and ends compare mode on an empty comparison message', async () => {
    await openCompared();
    // A new version (an unrelated edit): the view is patched, then the host posts the new comparison.
    const next = NEW.replace('title: Ride-hailing', 'title: Ride-hailing 2');
    await preview.post({ type: 'view', uri: URI, fileName: 'test.canvas.yaml', view: await viewOf(next, 3), outdated: false });
    await preview.post({ type: 'compare', uri: URI, version: 3, compare: await comparePayload(OLD, next) });
    const all = await marks(preview);
    assert.equal(all.filter((c) => c.classes.includes('compare-removed')).length, 2, 'removed cards are drawn once');
    assert.deepEqual(all.find((c) => c.name === 'Safety first').classes, ['compare-added', 'compare-mark']);
    assert.match(await preview.page.$eval('.compare-details', (d) => d.textContent), /title: Ride-hailing → Ride-hailing 2/);

    await preview.post({ type: 'compare', uri: URI, version: 3, compare: undefined });
    assert.equal(await preview.page.$eval('.compare-bar', (b) => b.hidden), true);
    assert.equal((await marks(preview)).filter((c) => c.classes.length).length, 0);
  });

  it('says "No changes" when the versions are equal', async () => {
    preview = await openPreview({ init: { view: await viewOf(SMALL, 1) } });
    await preview.post({ type: 'compare', uri: URI, version: 1, compare: await comparePayload(SMALL, SMALL) });
    assert.equal(await preview.page.$eval('.compare-counts', (c) => c.textContent), 'No changes');
    assert.equal((await marks(preview)).filter((c) => c.classes.length).length, 0);
  });
});
