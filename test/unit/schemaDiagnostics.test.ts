import * as assert from 'node:assert/strict';
import { validateCanvas } from '../../src/core';
import { CLEAN, expectDiagnostics, messagesOf } from './helpers';

/** CLEAN with one edit; each case asserts code, severity and exact range. */
function edit(from: string, to: string): string {
  assert.ok(CLEAN.includes(from), `fixture text "${from}" present`);
  return CLEAN.replace(from, to);
}

describe('schema diagnostics', () => {
  it('the clean canvas has no problem at all', () => {
    expectDiagnostics(CLEAN, []);
  });

  describe('enumeration values', () => {
    it('are reported on the value, with the closest allowed value', () => {
      const text = edit('type: mass-market', 'type: mass-markt');
      expectDiagnostics(text, [['schema', 'error', '6:11-6:21']]);
      const [d] = validateCanvas(text).diagnostics;
      assert.equal(d.suggestion, 'mass-market');
      assert.equal(
        d.message,
        '"mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
      );
    });

    it('list the allowed values without a suggestion when nothing is close', () => {
      const text = edit('type: mass-market', 'type: banana');
      expectDiagnostics(text, [['schema', 'error', '6:11-6:17']]);
      assert.match(messagesOf(text)[0], /^"banana" is not a valid segment type\. Allowed values: mass-market, /);
      assert.equal(validateCanvas(text).diagnostics[0].suggestion, undefined);
    });

    it('cover status, the canvas kind and the format version', () => {
      expectDiagnostics(edit('    name: App\n', '    name: App\n    status: validatd\n'), [['schema', 'error', '14:13-14:21']]);
      expectDiagnostics(edit('canvas: business-model', 'canvas: leen'), [['schema', 'error', '1:9-1:13']]);
      expectDiagnostics(edit('title: Test canvas\n', 'title: Test canvas\nversion: 2\n'), [['schema', 'error', '3:10-3:11']]);
    });
  });

  describe('unknown keys', () => {
    it('are reported on the key itself, with the closest known key', () => {
      const text = edit('    type: usage-fee\n', '    tpye: usage-fee\n');
      expectDiagnostics(text, [['schema', 'error', '22:5-22:9']]);
      assert.equal(messagesOf(text)[0], 'Unknown key "tpye" in revenue stream. Did you mean "type"? (Extension keys start with "x-".)');
      assert.equal(validateCanvas(text).diagnostics[0].suggestion, 'type');
    });

    it('at the top level too', () => {
      expectDiagnostics(edit('title: Test canvas\n', 'title: Test canvas\ntitel: again\n'), [['schema', 'error', '3:1-3:6']]);
    });

    it('list the allowed keys when none is close', () => {
      const text = edit('    type: mass-market\n', '    type: mass-market\n    checks: {reachable: true, loud: true}\n');
      expectDiagnostics(text, [['schema', 'error', '7:31-7:35']]);
      assert.equal(
        messagesOf(text)[0],
        'Unknown key "loud" in segment checks. Allowed keys: homogeneous, distinct, substantial, aligned, identifiable, reachable. (Extension keys start with "x-".)',
      );
    });

    it('accept x- extension keys anywhere they are allowed, with any content', () => {
      expectDiagnostics(edit('title: Test canvas\n', 'title: Test canvas\nx-owner: {team: [a, b]}\n'), []);
      expectDiagnostics(edit('    type: mass-market\n', '    type: mass-market\n    x-source: interviews\n'), []);
    });

    it('name keys that are not text as such', () => {
      const text = edit('title: Test canvas\n', 'title: Test canvas\n1: x\n? [a, b]\n: y\n');
      expectDiagnostics(text, [
        ['schema', 'error', '3:1-3:2'],
        ['schema', 'error', '4:3-4:9'],
      ]);
      assert.deepEqual(messagesOf(text), ['Keys must be plain text; this key is the number 1.', 'Keys must be plain text; this key is a list.']);
    });
  });

  describe('missing keys', () => {
    it('a card without name is reported on its first key', () => {
      const text = edit('  - name: Ride fees\n    type: usage-fee', '  - type: usage-fee');
      expectDiagnostics(text, [['schema', 'error', '21:5-21:9']]);
      assert.equal(messagesOf(text)[0], 'Missing required key "name" in revenue stream.');
    });

    it('a missing title is reported on the canvas key', () => {
      expectDiagnostics(edit('title: Test canvas\n', ''), [['schema', 'error', '1:1-1:7']]);
    });

    it('a missing canvas key is reported on the first key', () => {
      const text = edit('canvas: business-model\n', '');
      expectDiagnostics(text, [
        ['schema', 'error', '1:1-1:6'],
        // With no canvas key, missing blocks have no better place either: there are none missing here.
      ]);
      assert.equal(messagesOf(text)[0], 'Missing required key "canvas" in business model canvas.');
    });
  });

  describe('wrong types and forms', () => {
    it('a scalar where a list belongs is reported on the value', () => {
      const text = edit('    name: App\n', '    name: App\n    phases: awareness\n');
      expectDiagnostics(text, [['schema', 'error', '14:13-14:22']]);
      assert.equal(messagesOf(text)[0], 'Phases must be a list, found text.');
    });

    it('a flow list where text belongs is reported on the whole flow value', () => {
      expectDiagnostics(edit('type: mass-market', 'type: [mass-market]'), [['schema', 'error', '6:11-6:24']]);
    });

    it('a block that is a mapping is reported on its key, not on its lines', () => {
      const text = edit('key-resources: [Drivers]', 'key-resources:\n  people: many\n  money: some');
      expectDiagnostics(text, [['schema', 'error', '24:1-24:14']]);
      assert.equal(messagesOf(text)[0], 'Key Resources must be a list or empty, found a mapping.');
    });

    it('a card that is neither text nor a mapping is one problem, not one per alternative', () => {
      const text = edit('key-resources: [Drivers]', 'key-resources: [42]');
      expectDiagnostics(text, [['schema', 'error', '24:17-24:19']]);
      assert.equal(messagesOf(text)[0], 'Key resource must be text or a mapping, found the number 42.');
    });

    it('an empty list item is reported on its dash', () => {
      expectDiagnostics(edit('key-resources: [Drivers]', 'key-resources:\n  -\n'), [['schema', 'error', '25:3-25:4']]);
    });

    it('ids that are not kebab-case, in a card and in a reference, each once', () => {
      const text = edit('  - id: app\n', '  - id: App_1\n').replace('channels: [app]', 'channels: [App_1]');
      expectDiagnostics(text, [
        ['schema', 'error', '12:9-12:14'],
        ['schema', 'error', '19:16-19:21'],
      ]);
      assert.match(messagesOf(text)[0], /^"App_1" is not a valid id: use kebab-case/);
    });

    it('colours, empty names, minimum priority and check values', () => {
      expectDiagnostics(edit('    type: mass-market\n', '    type: mass-market\n    color: "#12345"\n'), [['schema', 'error', '7:12-7:20']]);
      expectDiagnostics(edit('    type: mass-market\n', '    type: mass-market\n    color: teal\n'), []);
      expectDiagnostics(edit('name: Fast pickup', 'name: ""'), [['schema', 'error', '9:11-9:13']]);
      expectDiagnostics(edit('    type: mass-market\n', '    type: mass-market\n    priority: 0\n'), [['schema', 'error', '7:15-7:16']]);
      const checks = edit('    type: mass-market\n', '    type: mass-market\n    checks: {reachable: maybe}\n');
      expectDiagnostics(checks, [['schema', 'error', '7:25-7:30']]);
      assert.equal(messagesOf(checks)[0], 'Reachable must be true or false, found text.');
    });

    it('a problem reached through an alias is shown on the alias', () => {
      const text = edit('    segments: [riders]\n    channels: [app]', '    segments: &segs [riders]\n    channels: [app]').replace(
        '    type: usage-fee\n    segments: [riders]',
        '    type: usage-fee\n    segments: *segs\n    pricing: *segs',
      );
      expectDiagnostics(text, [['schema', 'error', '24:14-24:19']]);
    });

    it('a file that is not a mapping', () => {
      expectDiagnostics('just text\n', [['schema', 'error', '1:1-1:10']]);
      expectDiagnostics('- a\n- b\n', [['schema', 'error', '1:1-1:4']]);
      assert.equal(messagesOf('- a\n- b\n')[0], 'A canvas must be a YAML mapping of keys to values, found a list.');
    });
  });

  describe('file encodings and modelines', () => {
    it('CRLF line endings keep ranges right', () => {
      expectDiagnostics(edit('type: mass-market', 'type: mass-markt').replace(/\n/g, '\r\n'), [['schema', 'error', '6:11-6:21']]);
    });

    it('a byte order mark does not shift ranges on later lines', () => {
      expectDiagnostics('\uFEFF' + edit('type: mass-market', 'type: mass-markt'), [['schema', 'error', '6:11-6:21']]);
    });

    it('a yaml-language-server modeline breaks nothing', () => {
      expectDiagnostics('# yaml-language-server: $schema=../schemas/canvas.schema.json\n' + CLEAN, []);
    });
  });
});
