import * as assert from 'node:assert/strict';
import { definition, documentSymbols, highlights, references, validateCanvas } from '../../src/core';
import type { CanvasModel, CanvasSymbol, Span } from '../../src/core';
import { rangeOf } from './helpers';

const TEXT = `canvas: business-model
title: Nav
customer-segments:
  - id: riders   # main side
    name: Riders
    type: mass-market
  - Tourists
value-propositions:
  - id: fast
    name: Fast pickup for riders
    segments: [riders, "riders"]
channels: [ { id: app, name: App, segments: [riders] } ]
customer-relationships:
  - name: Help
    segments:
      - riders
    channels: [app, fast]
`;

const model = (text: string): CanvasModel => validateCanvas(text).model!;

/** The offset of the n-th occurrence of `needle`, plus `delta` characters. */
function at(text: string, needle: string, nth = 0, delta = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset !== -1, `"${needle}" #${i} in the text`);
  }
  return offset + delta;
}

const range = (text: string, span: Span) => rangeOf(text, span.start, span.end);

function outline(text: string, symbols: CanvasSymbol[]): unknown[] {
  return symbols.map((s) => [s.kind, s.name, s.detail, range(text, s.span), range(text, s.selectionSpan), outline(text, s.children)]);
}

describe('navigation', () => {
  describe('documentSymbols', () => {
    it('blocks in file order with their cards: names, details and exact ranges', () => {
      assert.deepEqual(outline(TEXT, documentSymbols(model(TEXT))), [
        [
          'block',
          'customer-segments',
          'Customer Segments',
          '3:1-7:13',
          '3:1-3:18',
          [
            ['card', 'Riders', 'mass-market · riders', '4:5-6:22', '5:11-5:17', []],
            ['card', 'Tourists', '', '7:5-7:13', '7:5-7:13', []],
          ],
        ],
        ['block', 'value-propositions', 'Value Propositions', '8:1-11:33', '8:1-8:19', [['card', 'Fast pickup for riders', 'fast', '9:5-11:33', '10:11-10:33', []]]],
        ['block', 'channels', 'Channels', '12:1-12:55', '12:1-12:9', [['card', 'App', 'app', '12:13-12:55', '12:30-12:33', []]]],
        ['block', 'customer-relationships', 'Customer Relationships', '13:1-17:26', '13:1-13:23', [['card', 'Help', '', '14:5-17:26', '14:11-14:15', []]]],
      ]);
    });

    it('a card without a name is called by its id; a block with no card spans its key', () => {
      const text = 'canvas: business-model\ntitle: T\nkey-resources:\n  - id: fleet\n    type: physical\ncost-structure: []\n';
      assert.deepEqual(outline(text, documentSymbols(model(text))), [
        ['block', 'key-resources', 'Key Resources', '3:1-5:19', '3:1-3:14', [['card', 'fleet', 'physical · fleet', '4:5-5:19', '4:5-4:7', []]]],
        ['block', 'cost-structure', 'Cost Structure', '6:1-6:15', '6:1-6:15', []],
      ]);
    });
  });

  describe('definition', () => {
    it('from a reference, plain or quoted, in a flow or block list, to the card it names', () => {
      const m = model(TEXT);
      for (const offset of [at(TEXT, 'riders', 2), at(TEXT, '"riders"', 0, 3), at(TEXT, 'riders]'), at(TEXT, '- riders', 0, 2)]) {
        const target = definition(m, offset);
        assert.ok(target, `a definition at ${rangeOf(TEXT, offset, offset)}`);
        assert.deepEqual([range(TEXT, target.idSpan), range(TEXT, target.cardSpan), target.card.name], ['4:9-4:15', '4:5-6:22', 'Riders']);
      }
    });

    it('from the id itself to its own card, also with the cursor just after it', () => {
      const m = model(TEXT);
      assert.equal(range(TEXT, definition(m, at(TEXT, 'fast'))!.idSpan), '9:9-9:13');
      assert.equal(range(TEXT, definition(m, at(TEXT, 'fast', 0, 4))!.idSpan), '9:9-9:13');
      assert.equal(range(TEXT, definition(m, at(TEXT, 'app'))!.cardSpan), '12:13-12:55');
    });

    it('nothing for a reference to a card of another block, a name, or a blank', () => {
      const m = model(TEXT);
      assert.equal(definition(m, at(TEXT, 'fast]')), undefined);
      assert.equal(definition(m, at(TEXT, 'for riders', 0, 5)), undefined);
      assert.equal(definition(m, at(TEXT, 'riders   #', 0, 8)), undefined);
      assert.equal(definition(m, 0), undefined);
    });

    it('with duplicate ids, a reference goes to the first card of its block', () => {
      const text = TEXT.replace('  - Tourists\n', '  - id: riders\n    name: Riders again\n');
      assert.equal(range(text, definition(model(text), at(text, 'riders', 3))!.idSpan), '4:9-4:15');
    });
  });

  describe('references and highlights', () => {
    it('every reference to the id, from the id or from any reference, with the id if asked', () => {
      const m = model(TEXT);
      const refs = ['11:16-11:22', '11:24-11:32', '12:46-12:52', '16:9-16:15'];
      for (const offset of [at(TEXT, 'riders'), at(TEXT, 'riders', 2), at(TEXT, '- riders', 0, 8)]) {
        assert.deepEqual(references(m, offset, false).map((s) => range(TEXT, s)), refs);
        assert.deepEqual(references(m, offset, true).map((s) => range(TEXT, s)), ['4:9-4:15', ...refs]);
      }
    });

    it('only references of the right block: channels: [fast] is not a reference to the value proposition', () => {
      const m = model(TEXT);
      assert.deepEqual(references(m, at(TEXT, 'fast'), true).map((s) => range(TEXT, s)), ['9:9-9:13']);
      assert.deepEqual(references(m, at(TEXT, 'app'), true).map((s) => range(TEXT, s)), ['12:19-12:22', '17:16-17:19']);
    });

    it('a dangling reference finds its siblings', () => {
      const text = TEXT.replace('[app, fast]', '[ghost, app, ghost]');
      assert.deepEqual(references(model(text), at(text, 'ghost'), true).map((s) => range(text, s)), ['17:16-17:21', '17:28-17:33']);
    });

    it('highlights the id as written and its references as read', () => {
      const m = model(TEXT);
      assert.deepEqual(
        highlights(m, at(TEXT, '[app', 0, 1)).map((h) => [range(TEXT, h), h.kind]),
        [
          ['12:19-12:22', 'write'],
          ['17:16-17:19', 'read'],
        ],
      );
      assert.deepEqual(highlights(m, at(TEXT, 'Help')), []);
    });

    it('a reference read through an alias is one place, at its anchor', () => {
      const text = 'canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: a\n    name: A\nvalue-propositions:\n  - name: V\n    segments: &s [a]\n  - name: W\n    segments: *s\n';
      assert.deepEqual(highlights(model(text), at(text, 'a]')).map((h) => [range(text, h), h.kind]), [
        ['4:9-4:10', 'write'],
        ['8:19-8:20', 'read'],
      ]);
    });
  });

  it('never throws on half-typed files, at any offset', () => {
    for (let cut = 0; cut <= TEXT.length; cut += 3) {
      const text = TEXT.slice(0, cut);
      const m = model(text);
      assert.ok(Array.isArray(documentSymbols(m)));
      for (let offset = 0; offset <= text.length; offset += 5) {
        definition(m, offset);
        references(m, offset, true);
        highlights(m, offset);
      }
    }
  });
});
