import * as assert from 'node:assert/strict';
import { BLOCKS, buildCanvasView, LineIndex, SEGMENT_PALETTE, validateCanvas } from '../../src/core';
import type { CanvasView } from '../../src/core';
import { assignSegmentColors, hashString } from '../../src/core/render/colors';
import { CLEAN } from './helpers';

function viewOf(text: string, options?: Parameters<typeof buildCanvasView>[1]): CanvasView {
  return buildCanvasView(validateCanvas(text), options);
}

function block(view: CanvasView, key: string) {
  const found = view.blocks.find((b) => b.key === key);
  assert.ok(found, key);
  return found;
}

function card(view: CanvasView, key: string) {
  const found = view.blocks.flatMap((b) => b.cards).find((c) => c.key === key);
  assert.ok(found, key);
  return found;
}

const SEGMENTS = `canvas: business-model
title: Colours
customer-segments:
  - id: riders
    name: Riders
    type: mass-market
    color: '#112233'
  - id: drivers
    name: Drivers
    type: multi-sided-platform
    linked: [riders]
value-propositions:
  - id: fast
    name: Fast pickup
    type: performance
    status: validated
    tags: [mvp]
    segments: [riders, drivers, riders, ghost]
channels:
  - name: App
key-resources: [Drivers]
`;

/** A canvas whose segments are written in the given order (id: name), none with a colour. */
function segmentsCanvas(ids: string[]): string {
  return `canvas: business-model\ntitle: T\ncustomer-segments:\n${ids.map((id) => `  - id: ${id}\n    name: ${id}\n`).join('')}`;
}

function colorsOf(view: CanvasView): Record<string, string> {
  return Object.fromEntries(view.segments.map((s) => [s.id, s.color]));
}

describe('render: view model', () => {
  it('lays out all nine blocks in canvas order, with titles, questions and guides from the schema', () => {
    const view = viewOf('canvas: business-model\ntitle: Empty\n');
    assert.deepEqual(
      view.blocks.map((b) => b.key),
      ['key-partnerships', 'key-activities', 'key-resources', 'value-propositions', 'customer-relationships', 'channels', 'customer-segments', 'cost-structure', 'revenue-streams'],
    );
    assert.deepEqual(view.blocks.map((b) => b.key), BLOCKS.map((b) => b.key));
    for (const [i, b] of view.blocks.entries()) {
      assert.equal(b.title, BLOCKS[i].title);
      assert.equal(b.guide, BLOCKS[i].guide);
      assert.equal(b.question, BLOCKS[i].question);
      assert.equal(b.area, b.key);
      assert.deepEqual(b.cards, []);
      assert.equal(b.present, false);
      assert.equal(b.keySpan, undefined);
    }
    assert.equal(block(view, 'key-partnerships').title, 'Key Partnerships');
    assert.equal(block(view, 'revenue-streams').question, 'how much');
    assert.equal(view.title, 'Empty');
    assert.equal(view.description, undefined);
    assert.deepEqual(view.segments, []);
  });

  it('gives each card its key, id, name, type label, status label, tags, description and span', () => {
    const text = SEGMENTS;
    const view = viewOf(text);
    const fast = card(view, 'fast');
    const start = text.indexOf('  - id: fast') + 4;
    assert.deepEqual(fast, {
      key: 'fast',
      id: 'fast',
      name: 'Fast pickup',
      type: { value: 'performance', label: 'Performance' },
      status: 'validated',
      statusLabel: 'Validated',
      tags: ['mvp'],
      colors: ['#112233', '#e69f00'],
      segmentIds: ['riders', 'drivers'],
      values: { segments: ['riders', 'drivers', 'riders', 'ghost'] },
      span: { start, end: text.indexOf('channels:') },
      severity: 'error',
    });
    assert.deepEqual(card(view, 'drivers').type, { value: 'multi-sided-platform', label: 'Multi-sided platform' });
    const sticky = card(view, 'key-resources#0');
    assert.deepEqual(sticky, {
      key: 'key-resources#0',
      name: 'Drivers',
      tags: [],
      colors: [],
      segmentIds: [],
      span: { start: text.indexOf('Drivers]'), end: text.indexOf('Drivers]') + 7 },
    });
    assert.deepEqual(block(view, 'value-propositions').keySpan, { start: text.indexOf('value-propositions'), end: text.indexOf('value-propositions') + 18 });
    assert.equal(block(view, 'channels').present, true);
    assert.equal(card(view, 'channels#0').severity, 'warning');
  });

  it('keeps a type or status the schema does not know as its own label', () => {
    const view = viewOf('canvas: business-model\ntitle: T\nchannels:\n  - name: A\n    type: telepathy\n    status: maybe\n');
    assert.deepEqual(card(view, 'channels#0').type, { value: 'telepathy', label: 'telepathy' });
    assert.equal(card(view, 'channels#0').statusLabel, 'maybe');
    assert.equal(card(view, 'channels#0').severity, 'error');
  });

  it('colours a segment with its own colour, others from the palette; linked and referencing cards carry them', () => {
    const view = viewOf(SEGMENTS);
    assert.deepEqual(view.segments, [
      { id: 'riders', name: 'Riders', color: '#112233' },
      { id: 'drivers', name: 'Drivers', color: '#e69f00' },
    ]);
    // A segment card: its own colour first, then the sides it is linked to.
    assert.deepEqual(card(view, 'riders').colors, ['#112233']);
    assert.deepEqual(card(view, 'riders').segmentIds, ['riders']);
    assert.deepEqual(card(view, 'drivers').colors, ['#e69f00', '#112233']);
    assert.deepEqual(card(view, 'drivers').segmentIds, ['drivers', 'riders']);
    // Repeated and unknown references are dropped.
    assert.deepEqual(card(view, 'fast').segmentIds, ['riders', 'drivers']);
  });

  it('assigns palette colours deterministically, distinct, and stable when segments are added or reordered', () => {
    const ids = ['riders', 'drivers', 'business-travellers', 'children'];
    const first = colorsOf(viewOf(segmentsCanvas(ids)));
    assert.deepEqual(first, colorsOf(viewOf(segmentsCanvas(ids))));
    assert.equal(new Set(Object.values(first)).size, ids.length);
    for (const color of Object.values(first)) assert.ok(SEGMENT_PALETTE.includes(color), color);
    assert.deepEqual(first, { riders: '#0072b2', drivers: '#e69f00', 'business-travellers': '#cc79a7', children: '#009e73' });
    // Adding a segment at the end, or one at the start, or reordering: the others keep their colours.
    assert.deepEqual(colorsOf(viewOf(segmentsCanvas([...ids, 'adults']))), { ...first, adults: '#d55e00' });
    assert.deepEqual(colorsOf(viewOf(segmentsCanvas(['e', ...ids]))), { e: '#117733', ...first });
    assert.deepEqual(colorsOf(viewOf(segmentsCanvas(ids.slice().reverse()))), first);
  });

  it('hands out every palette colour before sharing one, and never the colour a segment chose', () => {
    const keys = Array.from({ length: SEGMENT_PALETTE.length + 2 }, (_, i) => ({ key: `segment-${i}` }));
    const colors = assignSegmentColors(keys);
    assert.equal(new Set(colors.slice(0, SEGMENT_PALETTE.length)).size, SEGMENT_PALETTE.length);
    assert.deepEqual(colors.slice(SEGMENT_PALETTE.length), keys.slice(SEGMENT_PALETTE.length).map((k) => SEGMENT_PALETTE[hashString(k.key) % SEGMENT_PALETTE.length]));
    const taken = SEGMENT_PALETTE[hashString('riders') % SEGMENT_PALETTE.length];
    const [own, riders] = assignSegmentColors([{ key: 'x', color: taken.toUpperCase() }, { key: 'riders' }]);
    assert.equal(own, taken.toUpperCase());
    assert.notEqual(riders, taken);
  });

  it('never passes a colour that is not a plain #rrggbb or name on to the renderers', () => {
    const text = `canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: evil\n    name: Evil\n    color: "red;background:url(https://x/)"\n`;
    const view = viewOf(text);
    assert.ok(SEGMENT_PALETTE.includes(view.segments[0].color), view.segments[0].color);
    assert.deepEqual(card(view, 'evil').colors, [view.segments[0].color]);
    assert.equal(card(view, 'evil').severity, 'error');
  });

  it('gives a segment without an id its card key, and cards with duplicate ids unique keys', () => {
    const text = `canvas: business-model\ntitle: T\ncustomer-segments:\n  - name: Anonymous\n  - id: a\n    name: A1\n  - id: a\n    name: A2\nvalue-propositions:\n  - id: a\n    name: V\n    segments: [a]\n`;
    const view = viewOf(text);
    assert.deepEqual(
      view.blocks.flatMap((b) => b.cards.map((c) => c.key)),
      ['value-propositions#0', 'customer-segments#0', 'a', 'customer-segments#2'],
    );
    assert.deepEqual(view.segments.map((s) => s.id), ['customer-segments#0', 'a', 'customer-segments#2']);
    assert.deepEqual(card(view, 'value-propositions#0').segmentIds, ['a']);
    assert.equal(card(view, 'customer-segments#2').severity, 'error');
  });

  it('marks each card with the most severe diagnostic inside it', () => {
    const view = viewOf(CLEAN.replace('    segments: [riders]\n    channels: [app]', '    segments: [ghost]\n    channels: [app]'));
    assert.equal(card(view, 'customer-relationships#0').severity, 'error');
    assert.equal(card(view, 'fast').severity, undefined);
    // The segment is now served by no relationship: information, the least severe problem in it.
    assert.equal(card(view, 'riders').severity, 'information');
    const both = viewOf(CLEAN.replace('  - id: fast\n    name: Fast pickup\n    segments: [riders]', '  - id: fast\n    name: Fast pickup\n    type: fastest\n    channels: [app]'));
    assert.equal(card(both, 'fast').severity, 'error');
  });

  it('lists problems in file order with 1-based lines and columns', () => {
    const text = 'canvas: business-model\ntitle: T\nchannels:\n  - id: app\n    name: App\n    segments: [ghost]\n';
    const view = viewOf(text);
    const unknown = view.problems.find((p) => p.code === 'unknown-reference');
    assert.deepEqual(unknown, {
      code: 'unknown-reference',
      severity: 'error',
      message: unknown?.message,
      span: { start: text.indexOf('ghost'), end: text.indexOf('ghost') + 5 },
      line: 6,
      column: 16,
    });
    assert.deepEqual(view.problems.map((p) => p.span.start), view.problems.map((p) => p.span.start).sort((a, b) => a - b));
    const index = new LineIndex(text);
    const custom = viewOf(text, { version: 7, lineOf: (offset) => ({ line: index.positionAt(offset).line + 100, character: 0 }) });
    assert.equal(custom.version, 7);
    assert.equal(custom.problems.find((p) => p.code === 'unknown-reference')?.line, 106);
    assert.equal(custom.problems.find((p) => p.code === 'unknown-reference')?.column, 1);
  });

  it('counts columns in CRLF and Korean text like the editor', () => {
    const text = 'canvas: business-model\r\ntitle: 의원\r\nchannels:\r\n  - name: 앱\r\n    segments: [유령]\r\n';
    const problem = viewOf(text).problems.find((p) => p.code === 'schema');
    assert.deepEqual([problem?.line, problem?.column], [5, 16]);
  });

  it('builds a view from the partial model of a file with syntax errors, and from no model at all', () => {
    const text = 'canvas: business-model\ntitle: Broken\ncustomer-segments:\n  - id: riders\n    name: Riders\nchannels:\n  - name: "unterminated\n';
    const result = validateCanvas(text);
    assert.ok(result.diagnostics.some((d) => d.code === 'yaml-syntax'));
    const view = buildCanvasView(result);
    assert.equal(view.title, 'Broken');
    assert.deepEqual(block(view, 'customer-segments').cards.map((c) => c.name), ['Riders']);
    assert.ok(view.problems.some((p) => p.code === 'yaml-syntax' && p.line === 8 && p.column === 1));

    const nothing = buildCanvasView({ diagnostics: [] });
    assert.equal(nothing.title, '');
    assert.equal(nothing.blocks.length, 9);
    assert.deepEqual(nothing.problems, []);
    const tooLarge = buildCanvasView(validateCanvas('x'.repeat(100), { maxLength: 10 }));
    assert.deepEqual([tooLarge.problems.length, tooLarge.problems[0].line, tooLarge.problems[0].column], [1, 1, 1]);
  });

  it('is plain data: it survives JSON (posted to the webview as is)', () => {
    const view = viewOf(SEGMENTS, { version: 3 });
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
  });
});
