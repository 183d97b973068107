// Translations must not break the preview's layout (issue 16): the page in headless Chromium with
// the Korean catalogue, with a catalogue whose every text is very long, and with one whose every
// text is right-to-left (Arabic), each for every kind at 1400 and 800 px, over cards whose names are
// Korean, very long and right-to-left. Nothing may scroll sideways or stick out of its box, and every
// card must be laid out inside its block and the page.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, bundleTypeScript, closeBrowser, LABELS, openPreview, ROOT } from './harness.mjs';
import { realWorldCanvas } from './views.mjs';

const KINDS = ['business-model', 'lean', 'value-proposition'];
const WIDTHS = [1400, 800];
const ENGLISH = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8'));
const KOREAN = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.ko.json'), 'utf8'));

const LONG_WORD = '고객세그먼트가치제안핵심파트너십'.repeat(4);
const ARABIC = 'شراكة حصرية مع نقابة الأطباء المحلية لتقديم خدمة حجز المواعيد عبر الإنترنت';

/** A catalogue that turns every English text into `make(text)`, keeping its `{n}` placeholders. */
function catalogueOf(make) {
  return Object.fromEntries(Object.keys(ENGLISH).map((english) => [english, make(english, english.match(/\{\d+\}/g) ?? [])]));
}

const CATALOGUES = {
  Korean: KOREAN,
  'very long': catalogueOf((english) => `${english} ${LONG_WORD} ${'아주 긴 번역 '.repeat(12)}`),
  'right-to-left': catalogueOf((_english, placeholders) => [ARABIC, ...placeholders, ARABIC].join(' ')),
};

/** The core in one bundle, so the catalogue it installs is the one its view builder reads. */
function core() {
  return bundleTypeScript('l10n-lib', `
export { setCatalogue, lookup } from './src/core/l10n';
export { validateCanvas } from './src/core/validate';
export { buildCanvasView } from './src/core/render/buildView';
export { kindInfo } from './src/core/kinds';
`);
}

/** The preview's labels as the extension would send them with the catalogue installed. */
function translatedLabels(value, lookup) {
  if (typeof value === 'string') return lookup(value);
  return Object.fromEntries(Object.entries(value).map(([key, sub]) => [key, translatedLabels(sub, lookup)]));
}

/** What the page shows, measured: everything that overflows or sticks out, and each card's place. */
function measure(page) {
  return page.evaluate(() => {
    // Blocks' cards off screen skip layout (content-visibility): lay them all out to measure them.
    for (const list of document.querySelectorAll('.cards')) list.style.contentVisibility = 'visible';
    const root = document.documentElement;
    const pageWidth = root.clientWidth;
    const problems = [];
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
    if (root.scrollWidth > pageWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${pageWidth}`);
    for (const el of document.body.querySelectorAll('*')) {
      // Not drawn: inside SVG or a native select, screen-reader-only text, a closed <details>'s content.
      if (el.closest('svg, select, .sr-only') || el.closest('details:not([open])')?.querySelector(':scope > summary') !== el && el.closest('details:not([open]) > :not(summary)') || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth) problems.push(`${name(el)} overflows: ${el.scrollWidth} > ${el.clientWidth}`);
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < -0.5 || r.right > pageWidth + 0.5)) problems.push(`${name(el)} is outside the page: ${r.left}..${r.right} of 0..${pageWidth}`);
    }
    const blocks = [...document.querySelectorAll('main section.block')].map((section) => {
      const frame = section.getBoundingClientRect();
      const heading = section.querySelector('h2');
      const h = heading.getBoundingClientRect();
      if (h.left < frame.left - 0.5 || h.right > frame.right + 0.5 || h.top < frame.top - 0.5 || h.bottom > frame.bottom + 0.5) problems.push(`${section.dataset.block}: its heading is outside the block`);
      const cards = [...section.querySelectorAll('li.card')].map((card) => {
        const r = card.getBoundingClientRect();
        const style = getComputedStyle(card);
        const inside = r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5 && r.top >= frame.top - 0.5 && r.bottom <= frame.bottom + 0.5;
        const shown = r.width > 0 && r.height > 0 && style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) > 0;
        if (!inside || !shown) problems.push(`${section.dataset.block}: card ${card.dataset.key} is ${shown ? 'outside its block' : 'not shown'}`);
        return card.querySelector('.card-name')?.textContent;
      });
      return { key: section.dataset.block, title: section.querySelector('h2 .block-title')?.textContent, frame: [frame.left, frame.top, frame.right, frame.bottom], cards };
    });
    for (const [i, a] of blocks.entries())
      for (const b of blocks.slice(i + 1))
        if (a.frame[0] < b.frame[2] - 0.5 && b.frame[0] < a.frame[2] - 0.5 && a.frame[1] < b.frame[3] - 0.5 && b.frame[1] < a.frame[3] - 0.5) problems.push(`${a.key} overlaps ${b.key}`);
    return { problems, blocks: blocks.map(({ key, title, cards }) => ({ key, title, cards })) };
  });
}

describe('Translated preview layout: Korean, very long and right-to-left texts', function () {
  this.timeout(120000);
  before(assertBuilt);
  after(async () => {
    (await core()).setCatalogue(undefined);
    await closeBrowser();
  });

  for (const [language, catalogue] of Object.entries(CATALOGUES)) {
    for (const kind of KINDS) {
      for (const width of WIDTHS) {
        it(`${language}, ${kind} at ${width} px: no sideways overflow, every heading and card inside its block`, async () => {
          const { setCatalogue, lookup, validateCanvas, buildCanvasView, kindInfo } = await core();
          const text = await realWorldCanvas(kind);
          setCatalogue(catalogue);
          const view = buildCanvasView(validateCanvas(text), { version: 1 });
          const titles = kindInfo(kind).blocks.map((b) => [b.key, b.title]);
          const labels = translatedLabels(LABELS, lookup);
          setCatalogue(undefined);

          const preview = await openPreview({ init: { view, labels }, width, height: 900 });
          const { problems, blocks } = await measure(preview.page);
          assert.deepEqual(problems.slice(0, 8), [], `${problems.length} layout problems`);
          assert.deepEqual(preview.errors, []);
          // The headings are the catalogue's; every block and card is there, the names as written.
          const byKey = new Map(view.blocks.map((b) => [b.key, b.cards.map((c) => c.name)]));
          const titleOf = new Map(titles);
          assert.deepEqual(blocks.map((b) => b.key).sort(), [...byKey.keys()].sort());
          assert.deepEqual(
            blocks.map((b) => [b.key, b.title, b.cards]),
            blocks.map((b) => [b.key, titleOf.get(b.key), byKey.get(b.key)]),
          );
        });
      }
    }
  }

  it('the catalogues really differ from English: a translated heading, and a label in the toolbar', async () => {
    const { setCatalogue, kindInfo, lookup } = await core();
    setCatalogue(CATALOGUES['right-to-left']);
    try {
      assert.equal(kindInfo('business-model').blocks[0].title, `${ARABIC} ${ARABIC}`);
      assert.equal(lookup(LABELS.lock), `${ARABIC} ${ARABIC}`);
    } finally {
      setCatalogue(undefined);
    }
    assert.equal(kindInfo('business-model').blocks[0].title, 'Key Partnerships');
  });
});
