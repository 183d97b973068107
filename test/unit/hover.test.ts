import * as assert from 'node:assert/strict';
import { validateCanvas } from '../../src/core';
import { hover } from '../../src/core/hover';
import MarkdownIt from 'markdown-it';

/** Hovers at the marker `|` with the parse and model validateCanvas made; the span as the text it covers. */
function hoverAt(marked: string): { contents: string; covers: string } | undefined {
  const offset = marked.indexOf('|');
  assert.ok(offset !== -1 && marked.indexOf('|', offset + 1) === -1, 'one cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const { parsed, model } = validateCanvas(text);
  const result = hover(text, offset, parsed, model);
  return result && { contents: result.contents, covers: text.slice(result.span.start, result.span.end) };
}

/** The canvas with the cursor put before the n-th (default first) occurrence of `at`, `shift` characters in. */
function on(text: string, at: string, shift = 1, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(at, index + 1);
  assert.ok(index !== -1, `fixture text "${at}" present`);
  return text.slice(0, index + shift) + '|' + text.slice(index + shift);
}

const CANVAS = `canvas: business-model
title: Ride-hailing
version: 1
customer-segments:
  - id: riders
    name: Urban riders
    description: Commuters who *ride* daily.
    type: multi-sided-platform
    linked: [drivers]
    segmentation:
      - basis: geographic
        criteria: [Seoul]
    checks: { homogeneous: true }
  - id: drivers
    name: Licensed drivers
    linked:
      - riders
value-propositions:
  - id: fast-pickup
    name: Pickup in under 5 minutes
    segments: [riders, ghosts]
channels:
  - Word of mouth
`;

const RIDERS = '**Urban riders** · `riders`\n\nCustomer Segments · Multi-sided platform\n\nCommuters who *ride* daily.';

describe('hover', () => {
  it('a block key: title, description, question and position on the canvas, and its guide', () => {
    assert.deepEqual(hoverAt(on(CANVAS, 'customer-segments:', 3)), {
      contents:
        '**Customer Segments**\n\n' +
        'The groups of people or organisations the business aims to reach and serve. *Who* is the value for? Everything on the right side of the canvas should be traceable to a segment.\n\n' +
        'Question: **who** · Position: right column, full height\n\n' +
        '*For whom are we creating value, and who are our most important customers?*',
      covers: 'customer-segments',
    });
  });

  it('a top-level key and its enumerated value', () => {
    assert.deepEqual(hoverAt(on(CANVAS, 'canvas:', 0)), {
      contents: '**Canvas kind**\n\nThe kind of canvas this file describes, which decides its blocks: `business-model`, `lean` or `value-proposition`. Required.',
      covers: 'canvas',
    });
    assert.deepEqual(hoverAt(on(CANVAS, 'business-model', 14)), {
      contents: '**Business Model Canvas**\n\nThe nine-block **Business Model Canvas** of Osterwalder & Pigneur — e.g. a ride-hailing app, a SaaS product, a clinic.',
      covers: 'business-model',
    });
    assert.deepEqual(hoverAt(on(CANVAS, 'version: 1', 9)), {
      contents: '**Version 1**\n\nVersion 1 of the canvas file format (its 1.1 additions included).',
      covers: '1',
    });
  });

  it('a card field key: its title and description', () => {
    assert.deepEqual(hoverAt(on(CANVAS, 'type:', 2)), {
      contents: '**Segment type**\n\nThe market approach this segment stands for.',
      covers: 'type',
    });
    assert.deepEqual(hoverAt(on(CANVAS, 'segments: [riders', 0)), {
      contents:
        '**Customer segments**\n\nThe customer segments this card is for: ids of cards in **Customer Segments** — e.g. `[riders, drivers]`. Everything on the right side of the canvas should be traceable to a segment.',
      covers: 'segments',
    });
  });

  it('an enumeration value: its label and description', () => {
    assert.deepEqual(hoverAt(on(CANVAS, 'multi-sided-platform', 5)), {
      contents:
        "**Multi-sided platform**\n\nTwo or more interdependent groups that need each other — e.g. eBay buyers and sellers, a ride-hailing app's riders and drivers. Each side is its own segment; name the other sides in `linked`.",
      covers: 'multi-sided-platform',
    });
  });

  it('nested keys and values: a segmentation basis, a segment check', () => {
    assert.deepEqual(hoverAt(on(CANVAS, 'geographic', 3)), {
      contents: '**Geographic**\n\nWhere customers are: country, region, state, city; urban, suburban or rural; climate — e.g. *Seoul, Busan*.',
      covers: 'geographic',
    });
    assert.deepEqual(hoverAt(on(CANVAS, 'homogeneous', 4)), {
      contents: '**Homogeneous**\n\nMembers of the segment are alike: they share the needs and traits that define it.',
      covers: 'homogeneous',
    });
  });

  it('a reference: the card it names (flow list, block list, and at either end of the id)', () => {
    assert.deepEqual(hoverAt(on(CANVAS, 'riders, ghosts', 0)), { contents: RIDERS, covers: 'riders' });
    assert.deepEqual(hoverAt(on(CANVAS, 'riders, ghosts', 6)), { contents: RIDERS, covers: 'riders' });
    assert.deepEqual(hoverAt(on(CANVAS, '- riders', 4)), { contents: RIDERS, covers: 'riders' });
    assert.deepEqual(hoverAt(on(CANVAS, '[drivers]', 3)), { contents: '**Licensed drivers** · `drivers`\n\nCustomer Segments', covers: 'drivers' });
  });

  it('a card own id: the card summary', () => {
    assert.deepEqual(hoverAt(on(CANVAS, 'id: riders', 6)), { contents: RIDERS, covers: 'riders' });
    assert.deepEqual(hoverAt(on(CANVAS, 'id: fast-pickup', 6)), {
      contents: '**Pickup in under 5 minutes** · `fast-pickup`\n\nValue Propositions',
      covers: 'fast-pickup',
    });
  });

  it('nothing on free text, an unknown reference, a sticky note, whitespace or a comment', () => {
    assert.equal(hoverAt(on(CANVAS, 'Urban riders', 3)), undefined);
    assert.equal(hoverAt(on(CANVAS, 'ghosts', 2)), undefined);
    assert.equal(hoverAt(on(CANVAS, 'Word of mouth', 2)), undefined);
    assert.equal(hoverAt(on(CANVAS, '  - id: riders', 1)), undefined);
    assert.equal(hoverAt('# a comment |here\ncanvas: business-model\n'), undefined);
  });

  it('in a card written as a flow mapping', () => {
    const text = 'key-resources: [ { name: Fleet, type: physical } ]\n';
    assert.deepEqual(hoverAt(on(text, 'type', 1)), { contents: '**Resource type**\n\nWhat kind of asset the key resource is.', covers: 'type' });
    assert.deepEqual(hoverAt(on(text, 'physical', 1)), {
      contents: '**Physical**\n\nPhysical assets — e.g. facilities, buildings, vehicles, machines, distribution networks.',
      covers: 'physical',
    });
  });

  it('extension keys have no documentation', () => {
    assert.equal(hoverAt('canvas: business-model\nx-owner|: me\n'), undefined);
  });

  it('CRLF text and Korean names', () => {
    const text = `canvas: business-model\r\ntitle: 마포 온가족 의원\r\ncustomer-segments:\r\n  - id: children\r\n    name: 소아 환자와 보호자\r\n    type: segmented\r\nvalue-propositions:\r\n  - name: 야간 진료\r\n    segments: [children]\r\n`;
    assert.deepEqual(hoverAt(on(text, '[children]', 4)), {
      contents: '**소아 환자와 보호자** · `children`\n\nCustomer Segments · Segmented',
      covers: 'children',
    });
    const block = hoverAt(on(text, 'value-propositions', 2));
    assert.equal(block?.covers, 'value-propositions');
    assert.equal(block?.contents, hoverAt(on(text.replace(/\r\n/g, '\n'), 'value-propositions', 2))?.contents);
  });

  it('in a file with a syntax error, on what the parser still read', () => {
    const text = 'customer-segments:\n  - id: riders\n    name: Riders\nvalue-propositions:\n  - name: Fast\n    segments: [riders, dr\n';
    assert.deepEqual(hoverAt(on(text, 'riders, dr', 2)), { contents: '**Riders** · `riders`\n\nCustomer Segments', covers: 'riders' });
  });

  it('without the cached parse and model, the same answer', () => {
    const marked = on(CANVAS, 'riders, ghosts', 2);
    const offset = marked.indexOf('|');
    const text = marked.replace('|', '');
    const { parsed, model } = validateCanvas(text);
    assert.deepEqual(hover(text, offset), hover(text, offset, parsed, model));
  });
  it('a hostile card stays text: no image (a remote load on hover), no HTML, no link but http(s)', () => {
    const hostile = `canvas: business-model
title: T
customer-segments:
  - id: evil
    name: "<img src=https://tracker.example/p.png> **bold** [x](command:workbench.action.quit)"
    type: "\`x\` <b>"
    description: "![pixel](https://tracker.example/p.png) and <script>alert(1)</script> [ok](https://example.com) [bad](command:x)"
value-propositions:
  - { name: V, segments: [evil] }
`;
    const result = hoverAt(on(hostile, 'evil]'));
    assert.ok(result);
    assert.equal(
      result.contents,
      '**\\<img src=https://tracker.example/p.png\\> \\*\\*bold\\*\\* \\[x\\](command:workbench.action.quit)** · `evil`\n\n' +
        'Customer Segments · `` `x` <b> ``\n\n' +
        // The image becomes a plain link to its URL (no load), the command link its text.
        '\\![pixel](https://tracker.example/p.png) and \\<script\\>alert(1)\\</script\\> [ok](https://example.com) bad',
    );
    // As a Markdown renderer that allows HTML draws it (VS Code sanitizes on top of this).
    const html = new MarkdownIt({ html: true }).render(result.contents);
    assert.doesNotMatch(html, /<img|<script|<b>|href="command/);
    assert.deepEqual([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]), ['https://tracker.example/p.png', 'https://example.com']);
  });
});
