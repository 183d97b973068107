import * as assert from 'node:assert/strict';
import { validateCanvas } from '../../src/core';
import { CLEAN, expectDiagnostics, messagesOf } from './helpers';

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture text "${from}" present`);
  return text.replace(from, to);
}

describe('semantic rules', () => {
  describe('duplicate-id', () => {
    it('reports every repeat on its id, pointing at the first', () => {
      const text = edit(edit(CLEAN, '  - id: app\n', '  - id: fast\n'), 'channels: [app]', 'channels: [fast]');
      expectDiagnostics(text, [['duplicate-id', 'error', '12:9-12:13']]);
      assert.equal(messagesOf(text)[0], 'Duplicate id "fast": it is already used by the card on line 8. Ids must be unique across the whole file.');
    });

    it('is silent when ids are unique', () => {
      expectDiagnostics(CLEAN, []);
    });
  });

  describe('unknown-reference', () => {
    it('reports a reference to no card, on the reference, suggesting the closest id', () => {
      const text = edit(CLEAN, 'segments: [riders]\nchannels', 'segments: [ridrs]\nchannels');
      expectDiagnostics(text, [
        ['unserved-segment', 'warning', '5:11-5:17'],
        ['unknown-reference', 'error', '10:16-10:21'],
      ]);
      const reference = validateCanvas(text).diagnostics[1];
      assert.equal(reference.message, '"ridrs" names no card in Customer Segments.');
      assert.equal(reference.suggestion, 'riders');
    });

    it('reports a reference to a card of the wrong block', () => {
      const text = edit(CLEAN, '    channels: [app]', '    channels: [fast]');
      expectDiagnostics(text, [['unknown-reference', 'error', '19:16-19:20']]);
      assert.equal(messagesOf(text)[0], '"fast" is a card in Value Propositions, but channels must name a card in Channels.');
    });
  });

  describe('unserved-segment and orphan-card', () => {
    it('a segment no value proposition names, and the value proposition that names none', () => {
      const text = edit(CLEAN, '    name: Fast pickup\n    segments: [riders]\n', '    name: Fast pickup\n    segments: []\n');
      expectDiagnostics(text, [
        ['unserved-segment', 'warning', '5:11-5:17'],
        ['orphan-card', 'warning', '9:11-9:22'],
      ]);
      assert.deepEqual(messagesOf(text), [
        'Segment "Riders" is not served: no value proposition names it in its segments.',
        'Value proposition "Fast pickup" names no customer segment: add segments: [...] so it is traceable to who it is for.',
      ]);
    });

    it('a sticky-note segment cannot be served: it has no id', () => {
      const text = edit(CLEAN, '    type: mass-market\n', '    type: mass-market\n  - Tourists\n');
      expectDiagnostics(text, [
        ['unserved-segment', 'warning', '7:5-7:13'],
        ['segment-without-relationship', 'information', '7:5-7:13'],
      ]);
      assert.equal(messagesOf(text)[0], 'Segment "Tourists" is not served: it has no id, so no value proposition can name it.');
    });
  });

  describe('segment-without-relationship', () => {
    it('a segment that no relationship names (and the relationship is then an orphan)', () => {
      const text = edit(CLEAN, '    type: self-service\n    segments: [riders]\n', '    type: self-service\n');
      expectDiagnostics(text, [
        ['segment-without-relationship', 'information', '5:11-5:17'],
        ['orphan-card', 'warning', '16:11-16:28'],
      ]);
    });
  });

  describe('unlinked-platform-side', () => {
    it('reports a platform side without linked sides on its type', () => {
      const text = edit(CLEAN, 'type: mass-market', 'type: multi-sided-platform');
      expectDiagnostics(text, [['unlinked-platform-side', 'warning', '6:11-6:31']]);
      assert.equal(messagesOf(text)[0], 'Segment "Riders" is a side of a multi-sided platform but is linked to no other side (add linked: [...]).');
    });

    it('is silent when the sides are linked', () => {
      const text = edit(
        edit(CLEAN, 'type: mass-market', 'type: multi-sided-platform\n    linked: [drivers]'),
        'value-propositions:',
        '  - id: drivers\n    name: Drivers\n    type: multi-sided-platform\n    linked: [riders]\nvalue-propositions:',
      );
      expectDiagnostics(text, [
        ['unserved-segment', 'warning', '9:11-9:18'],
        ['segment-without-relationship', 'information', '9:11-9:18'],
      ]);
    });
  });

  describe('failed-segment-check', () => {
    it('reports each check written as false on its key, with what the check means', () => {
      const text = edit(CLEAN, 'type: mass-market', 'type: mass-market\n    checks:\n      homogeneous: true\n      reachable: false\n      aligned: false');
      expectDiagnostics(text, [
        ['failed-segment-check', 'information', '9:7-9:16'],
        ['failed-segment-check', 'information', '10:7-10:14'],
      ]);
      assert.equal(messagesOf(text)[0], 'Segment "Riders" fails the "reachable" check: The segment\'s members can be reached.');
    });
  });

  describe('empty-block', () => {
    it('a missing block on the canvas key, an empty or blank block on its own key', () => {
      const text = edit(
        edit(edit(CLEAN, 'key-activities: [Matching]\n', 'key-activities: []\n'), 'cost-structure: [Incentives]\n', 'cost-structure:\n'),
        'key-partnerships: [Insurers]\n',
        '',
      );
      expectDiagnostics(text, [
        ['empty-block', 'hint', '1:1-1:7'],
        ['empty-block', 'hint', '25:1-25:15'],
        ['empty-block', 'hint', '26:1-26:15'],
      ]);
      assert.equal(
        messagesOf(text)[0],
        'The canvas has no key-partnerships block: Who are our key partners and suppliers, and which resources and activities do we get from them?',
      );
    });

    it('an empty canvas is valid apart from its nine empty-block hints', () => {
      const text = 'canvas: business-model\ntitle: Blank\n';
      const found = validateCanvas(text).diagnostics;
      assert.equal(found.length, 9);
      assert.ok(found.every((d) => d.code === 'empty-block' && d.severity === 'hint' && d.start === 0 && d.end === 6));
    });
  });
});
