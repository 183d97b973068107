import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCanvasView, measure, renderSvg, validateCanvas } from '../../src/core';
import { checkMarkup, Element, textContent } from '../fixtures/render/markupCheck';
import { CLEAN } from './helpers';

const ROOT = join(__dirname, '../../..');
const HOSTILE = readFileSync(join(ROOT, 'test/fixtures/render/hostile.canvas.yaml'), 'utf8');
const FONT_SIZES: Record<string, { size: number; bold?: boolean }> = { n: { size: 14, bold: true }, m: { size: 11 }, b: { size: 12 }, h: { size: 15, bold: true }, g: { size: 13 } };

function svgOf(text: string): string {
  return renderSvg(buildCanvasView(validateCanvas(text)));
}

function parse(svg: string) {
  const result = checkMarkup(svg, 'xml');
  assert.deepEqual(result.errors, []);
  return result;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const boxOf = (e: Element): Box => ({ x: +e.attributes.x, y: +e.attributes.y, width: +e.attributes.width, height: +e.attributes.height });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Blocks (their frame) and cards (their note, and their text lines) as drawn. */
function layout(svg: string) {
  const { root } = parse(svg);
  const blocks = root!.children.filter((g) => g.name === 'g' && g.attributes['aria-label']);
  return blocks.map((g) => ({
    title: g.attributes['aria-label'],
    frame: boxOf(g.children[0]),
    heading: g.children.filter((c) => c.name === 'text'),
    cards: g.children
      .filter((c) => c.name === 'g')
      .map((card) => ({ note: boxOf(card.children[0]), texts: card.children.filter((c) => c.name === 'text') })),
  }));
}

function canvasWith(cards: number, name: (i: number) => string): string {
  const items = Array.from({ length: cards }, (_, i) => `  - name: "${name(i)}"\n    description: "${'Line of a long description that wraps. '.repeat(i % 4)}"\n`).join('');
  return `canvas: business-model\ntitle: Long\nvalue-propositions:\n${items}cost-structure:\n${items}`;
}

describe('render: SVG', () => {
  it('is a well-formed standalone SVG with a title and description, and nothing active or external', () => {
    const svg = svgOf(CLEAN);
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1648" height="'));
    const { root, elements } = parse(svg);
    assert.equal(root?.name, 'svg');
    assert.equal(root?.attributes.role, 'img');
    assert.equal(root?.attributes['aria-labelledby'], 'canvas-title canvas-desc');
    assert.equal(root?.attributes.viewBox, `0 0 1648 ${root?.attributes.height}`);
    assert.deepEqual(root!.children.slice(0, 3).map((e) => e.name), ['title', 'desc', 'style']);
    assert.equal(textContent(root!.children[0]), 'Test canvas — Business Model Canvas');
    assert.equal(
      textContent(root!.children[1]),
      '9 cards: Key Partnerships 1, Key Activities 1, Key Resources 1, Value Propositions 1, Customer Relationships 1, Channels 1, Customer Segments 1, Cost Structure 1, Revenue Streams 1.',
    );
    assert.deepEqual([...new Set(elements.map((e) => e.name))].sort(), ['desc', 'g', 'rect', 'style', 'svg', 'text', 'title']);
    assert.equal(/<script|foreignObject|href|url\(|@import|<image|<use/i.test(svg), false);
  });

  it('draws the nine blocks in the canvas grid without gaps or overlaps', () => {
    const blocks = layout(svgOf(CLEAN));
    assert.deepEqual(
      blocks.map((b) => b.title),
      ['Key Partnerships', 'Key Activities', 'Key Resources', 'Value Propositions', 'Customer Relationships', 'Channels', 'Customer Segments', 'Cost Structure', 'Revenue Streams'],
    );
    const frame = (title: string) => blocks.find((b) => b.title === title)!.frame;
    const x = (title: string) => frame(title).x;
    // Five columns left to right; activities over resources, relationships over channels; costs and revenues below.
    assert.deepEqual(['Key Partnerships', 'Key Activities', 'Value Propositions', 'Customer Relationships', 'Customer Segments'].map(x), [24, 344, 664, 984, 1304]);
    assert.equal(x('Key Resources'), x('Key Activities'));
    assert.equal(frame('Key Resources').y, frame('Key Activities').y + frame('Key Activities').height);
    assert.equal(frame('Channels').y, frame('Customer Relationships').y + frame('Customer Relationships').height);
    assert.equal(frame('Key Partnerships').height, frame('Key Activities').height + frame('Key Resources').height);
    assert.equal(frame('Cost Structure').y, frame('Key Partnerships').y + frame('Key Partnerships').height);
    assert.deepEqual([frame('Cost Structure').width, frame('Revenue Streams').x], [800, 824]);
    for (const a of blocks) for (const b of blocks) if (a !== b) assert.equal(overlaps(a.frame, b.frame), false, `${a.title} / ${b.title}`);
  });

  it('grows blocks with their cards: no card overlaps another or leaves its block, and text stays inside its card', () => {
    const blocks = layout(svgOf(canvasWith(40, (i) => `Card ${i} ${'with a longer name '.repeat(i % 3)}`)));
    const vp = blocks.find((b) => b.title === 'Value Propositions')!;
    assert.equal(vp.cards.length, 40);
    assert.ok(vp.frame.height > 3000, String(vp.frame.height));
    for (const block of blocks) {
      for (const [i, card] of block.cards.entries()) {
        assert.ok(inside(card.note, block.frame), `${block.title} card ${i}`);
        for (const other of block.cards.slice(i + 1)) assert.equal(overlaps(card.note, other.note), false);
        for (const text of card.texts) {
          const font = FONT_SIZES[text.attributes.class];
          const width = measure(textContent(text), font.bold) * font.size;
          assert.ok(+text.attributes.x + width <= card.note.x + card.note.width, `"${textContent(text)}" is wider than its card`);
          assert.ok(+text.attributes.y > card.note.y && +text.attributes.y < card.note.y + card.note.height);
        }
      }
    }
    // The wide bottom blocks lay cards out in columns.
    const costs = blocks.find((b) => b.title === 'Cost Structure')!;
    assert.equal(new Set(costs.cards.map((c) => c.note.x)).size, 3);
  });

  it('wraps Korean text (each syllable counted double) and cuts words longer than a line', () => {
    const name = '서울 마포구 주민을 위한 가정의학 의원에서 아이부터 어르신까지 한 가족이 함께 진료받습니다';
    const long = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2);
    const blocks = layout(svgOf(`canvas: business-model\ntitle: 의원\nchannels:\n  - name: ${name}\n  - name: ${long}\n`));
    const [korean, latin] = blocks.find((b) => b.title === 'Channels')!.cards;
    const lines = korean.texts.filter((t) => t.attributes.class === 'n').map(textContent);
    assert.deepEqual(lines, ['서울 마포구 주민을 위한 가정의학', '의원에서 아이부터 어르신까지 한', '가족이 함께 진료받습니다']);
    assert.equal(lines.join(' '), name);
    const cut = latin.texts.filter((t) => t.attributes.class === 'n').map(textContent);
    assert.ok(cut.length >= 3, String(cut));
    assert.equal(cut.join(''), long);
  });

  it('escapes every string from a hostile file: the text reads as written, no element or attribute comes from it', () => {
    const svg = svgOf(HOSTILE);
    const { elements } = parse(svg);
    assert.deepEqual([...new Set(elements.map((e) => e.name))].filter((n) => !['svg', 'title', 'desc', 'style', 'rect', 'text', 'g', 'circle'].includes(n)), []);
    assert.equal(/<script|foreignObject|href|<img|<iframe|onerror=|onload=/i.test(svg.replace(/&lt;[^&]*&gt;/g, '')), false);
    for (const e of elements) {
      for (const name of Object.keys(e.attributes)) assert.ok(!/^on/i.test(name), name);
      if (e.attributes.fill) assert.match(e.attributes.fill, /^(#[0-9a-fA-F]{6}|none)$/);
    }
    const texts = elements.filter((e) => e.name === 'text').map(textContent);
    assert.ok(texts.includes(`<script>alert('title')</script>"><img src=x onerror=alert(1)>`), texts.slice(0, 3).join('\n'));
    assert.ok(texts.includes('--></p><!--'));
    assert.ok(texts.some((t) => t.includes('<b>tag</b>') && t.includes(']]>')));
    assert.equal(textContent(elements[1]), `<script>alert('title')</script>"><img src=x onerror=alert(1)> — Business Model Canvas`);
    assert.ok(texts.some((t) => t.startsWith('control \ufffd\ufffd\ufffd[31m chars')));
  });

  it('marks cards with problems and lists the problems below the canvas', () => {
    const svg = svgOf('canvas: business-model\ntitle: T\nchannels:\n  - name: App\n    segments: [ghost]\n');
    const card = layout(svg).find((b) => b.title === 'Channels')!.cards[0];
    assert.deepEqual(card.texts.map(textContent), ['App', 'Error']);
    assert.ok(svg.includes(`<circle cx="${card.note.x + card.note.width - 8}" cy="${card.note.y + 8}" r="4" fill="#b3261e"><title>Error</title></circle>`));
    const { elements } = parse(svg);
    const texts = elements.filter((e) => e.name === 'text').map(textContent);
    const heading = texts.findIndex((t) => /^Problems \(\d+\)$/.test(t));
    assert.ok(heading > 0);
    assert.ok(texts.slice(heading).some((t) => t.startsWith('Error · line 5, column 16 · unknown-reference: ')), texts.slice(heading).join('\n'));
  });
});
