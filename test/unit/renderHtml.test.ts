import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCanvasView, renderHtml, validateCanvas } from '../../src/core';
import type { CanvasView } from '../../src/core';
import { checkMarkup, Element, textContent } from '../fixtures/render/markupCheck';
import { CLEAN } from './helpers';

const ROOT = join(__dirname, '../../..');
const HOSTILE = readFileSync(join(ROOT, 'test/fixtures/render/hostile.canvas.yaml'), 'utf8');

function htmlOf(text: string): string {
  return renderHtml(buildCanvasView(validateCanvas(text)), { standalone: true });
}

function parse(html: string) {
  const result = checkMarkup(html, 'html');
  assert.deepEqual(result.errors, []);
  return result;
}

const byName = (elements: Element[], name: string) => elements.filter((e) => e.name === name);
const hasClass = (e: Element, cls: string) => (e.attributes.class ?? '').split(' ').includes(cls);

describe('render: HTML', () => {
  it('is a complete standalone document: charset, viewport, CSP without scripts, inline CSS, light and dark', () => {
    const html = htmlOf(CLEAN);
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.ok(html.includes('<title>Test canvas — Business Model Canvas</title>'));
    assert.ok(html.includes('@media (prefers-color-scheme:dark)'));
    assert.ok(html.endsWith('</body>\n</html>\n'));
    assert.equal(/<script|<link|<img|<iframe|\ssrc=|url\(/i.test(html), false);
    const { root, elements } = parse(html);
    assert.equal(root?.name, 'html');
    assert.deepEqual(byName(elements, 'style').length, 1);
  });

  it('has a main landmark, one h1, and a headed section per block in canvas order', () => {
    const { elements } = parse(htmlOf(CLEAN));
    const main = byName(elements, 'main');
    assert.equal(main.length, 1);
    assert.equal(main[0].attributes['aria-labelledby'], 'canvas-title');
    const h1 = byName(elements, 'h1');
    assert.deepEqual(h1.map((e) => [e.attributes.id, textContent(e)]), [['canvas-title', 'Test canvas']]);
    const sections = byName(elements, 'section');
    assert.deepEqual(
      sections.map((s) => {
        const heading = s.children.find((c) => c.name === 'h2')!;
        assert.equal(s.attributes['aria-labelledby'], heading.attributes.id);
        return textContent(heading);
      }),
      ['Key Partnerships', 'Key Activities', 'Key Resources', 'Value Propositions', 'Customer Relationships', 'Channels', 'Customer Segments', 'Cost Structure', 'Revenue Streams'],
    );
    // Each block on its cell of the kind's grid (from the vocabulary), as CSS grid lines.
    assert.deepEqual(
      sections.map((s) => `${s.attributes['data-block']} ${s.attributes.style}`),
      [
        'key-partnerships --column:1;--columns:2;--row:1;--rows:2',
        'key-activities --column:3;--columns:2;--row:1;--rows:1',
        'key-resources --column:3;--columns:2;--row:2;--rows:1',
        'value-propositions --column:5;--columns:2;--row:1;--rows:2',
        'customer-relationships --column:7;--columns:2;--row:1;--rows:1',
        'channels --column:7;--columns:2;--row:2;--rows:1',
        'customer-segments --column:9;--columns:2;--row:1;--rows:2',
        'cost-structure --column:1;--columns:5;--row:3;--rows:1',
        'revenue-streams --column:6;--columns:5;--row:3;--rows:1',
      ],
    );
    assert.deepEqual(
      byName(elements, 'div').filter((d) => hasClass(d, 'grid')).map((d) => d.attributes.style),
      ['--grid-columns:10'],
    );
    // Cards are list items of a list in their block.
    for (const section of sections) {
      const list = section.children.find((c) => c.name === 'ul')!;
      assert.ok(hasClass(list, 'cards'));
      assert.equal(list.children.length, 1);
      assert.ok(list.children.every((li) => li.name === 'li' && hasClass(li, 'card')));
    }
    // A canvas with no problem shows no problems section.
    assert.equal(elements.some((e) => e.attributes.id === 'problems-heading'), false);
  });

  it('draws a card with its name, type badge, status, segments with their colours, tags and description', () => {
    const text = `canvas: business-model
title: Cards
customer-segments:
  - id: riders
    name: Riders
    color: "#2a9d8f"
    type: mass-market
    status: validated
value-propositions:
  - id: fast
    name: Fast pickup
    type: performance
    status: hypothesis
    tags: [mvp, seoul]
    description: Under **five** minutes.
    segments: [riders]
`;
    const html = htmlOf(text);
    assert.ok(
      html.includes(
        '<li class="card" data-key="fast" style="--tint:#2a9d8f"><span class="stripes" aria-hidden="true"><span style="background:#2a9d8f"></span></span>' +
          '<p class="card-name">Fast pickup</p>' +
          '<p class="card-meta"><span class="badge"><span class="sr-only">Type: </span>Performance</span> <span class="status status-hypothesis"><span class="sr-only">Status: </span>Hypothesis</span></p>' +
          '<div class="card-description"><p>Under <strong>five</strong> minutes.</p></div>' +
          '<p class="card-segments"><span class="sr-only">Segments: </span><span class="segment"><span class="swatch" style="background:#2a9d8f" aria-hidden="true"></span>Riders</span></p>' +
          '<ul class="tags" aria-label="Tags"><li>mvp</li><li>seoul</li></ul></li>',
      ),
      html,
    );
    assert.ok(html.includes('<ul class="legend" aria-label="Customer segments"><li><span class="swatch" style="background:#2a9d8f" aria-hidden="true"></span>Riders</li></ul>'));
    parse(html);
  });

  it('shows the guiding question in an empty block, and lists problems with lines and columns', () => {
    const html = htmlOf('canvas: business-model\ntitle: Half\nchannels:\n  - name: App\n    segments: [ghost]\n');
    assert.ok(html.includes('<h2 id="block-key-partnerships">Key Partnerships</h2>\n<p class="guide">Who are our key partners and suppliers, and which resources and activities do we get from them?</p>'));
    const { elements } = parse(html);
    const problems = elements.find((e) => e.attributes['aria-labelledby'] === 'problems-heading')!;
    assert.equal(problems.name, 'section');
    const items = problems.children.find((c) => c.name === 'ol')!.children;
    assert.equal(textContent(problems.children[0]), `Problems (${items.length})`);
    assert.ok(html.includes('<li><span class="flag flag-error">Error</span> Line 5, column 16: '), html);
    assert.ok(html.includes('<li class="card severity-error" data-key="channels#0">'));
  });

  it('escapes every string from a hostile file; nothing from it becomes markup, a link target or CSS', () => {
    const html = htmlOf(HOSTILE);
    const { elements } = parse(html);
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'p', 'h1', 'h2', 'div', 'ul', 'ol', 'li', 'span', 'section', 'strong', 'em', 'code', 'a']);
    assert.deepEqual(elements.filter((e) => !allowed.has(e.name)).map((e) => e.name), []);
    for (const e of elements) {
      for (const name of Object.keys(e.attributes)) assert.ok(!/^on/i.test(name), `attribute ${name} on <${e.name}>`);
      if (e.attributes.style) assert.match(e.attributes.style, /^(--column:\d+;--columns:\d+;--row:\d+;--rows:\d+|--grid-columns:\d+|--tint:#[0-9a-f]{6}|background:#[0-9a-f]{6})$/, e.attributes.style);
    }
    assert.equal(/<script|<img|<svg|<iframe|<style>body/i.test(html), false);
    // "javascript:" survives only as visible text (in a problem message), never in an attribute.
    for (const e of elements) for (const value of Object.values(e.attributes)) assert.equal(/javascript:|data:/i.test(value), false, value);
    assert.deepEqual(byName(elements, 'a').map((a) => a.attributes.href), []);
    assert.equal(textContent(byName(elements, 'h1')[0]), `<script>alert('title')</script>"><img src=x onerror=alert(1)>`);
    assert.ok(byName(elements, 'p').some((p) => textContent(p) === '--></p><!--'));
    assert.ok(byName(elements, 'li').some((li) => textContent(li) === '"onmouseover=alert(1) x="'));
    // Control characters and lone surrogates are replaced, so the page is well-formed text.
    assert.ok(html.includes('control \ufffd\ufffd\ufffd[31m chars \ufffd and a lone \ufffd surrogate'));
  });

  it('checks colours again when given a view it did not build', () => {
    const view: CanvasView = {
      kind: 'business-model',
      kindTitle: 'Business Model Canvas',
      grid: { columns: 10, rows: 3 },
      title: 'Hand-made',
      groups: [],
      fits: [],
      links: [],
      // A cell off the grid (and a hostile area name): the block gets a full-width row below the grid.
      blocks: [{ key: 'channels', title: 'Channels', guide: 'g', question: 'how', area: 'channels;x', cell: { column: 9, row: 1, columns: 5, rows: 1 }, present: true, cards: [
        { key: 'k"', name: 'N', tags: [], colors: ['red;background:url(x)', '#ABCDEF'], segmentIds: ['s'], span: { start: 0, end: 1 }, severity: 'error' },
      ] }],
      segments: [{ id: 's', name: 'S', color: '"><script>' }],
      problems: [],
    };
    const html = renderHtml(view);
    parse(html);
    assert.ok(html.includes('<li class="card severity-error" data-key="k&quot;" style="--tint:#8a8a8a"><span class="stripes" aria-hidden="true"><span style="background:#8a8a8a"></span><span style="background:#ABCDEF"></span></span>'));
    assert.ok(html.includes('<section class="block" data-block="channels" style="--column:1;--columns:10;--row:4;--rows:1" aria-labelledby="block-channels">'), html);
    assert.equal(html.includes('<script'), false);
  });

  it('renders only the main element when not standalone, and guesses the language', () => {
    const view = buildCanvasView(validateCanvas(CLEAN));
    const fragment = renderHtml(view, { standalone: false });
    assert.ok(fragment.startsWith('<main aria-labelledby="canvas-title">'));
    assert.ok(fragment.endsWith('</main>'));
    parse(fragment);
    assert.ok(renderHtml(buildCanvasView(validateCanvas('canvas: business-model\ntitle: 마포 의원\n'))).includes('<html lang="ko">'));
    assert.ok(renderHtml(view, { lang: 'de' }).includes('<html lang="de">'));
    assert.ok(renderHtml(view, { lang: '"><x' }).includes('<html lang="en">'));
  });
});
