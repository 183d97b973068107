// The workbench benchmark's pairing of keystrokes, change events and paints, and its percentiles
// (bench/workbench/match.mjs): exact results on hand-made records.
import * as assert from 'node:assert/strict';
import { keysShown, pairKeys, percentiles, updateShares } from '../../bench/workbench/match.mjs';

const change = (at: number, version: number, text: string) => ({ at, version, edits: [{ text }] });

describe('workbench benchmark: pairing and percentiles', () => {
  it('keysShown counts the typed keys after the base name, -1 for any other name', () => {
    assert.equal(keysShown('Bench target', 'Bench target', 'abc'), 0);
    assert.equal(keysShown('Bench targetab', 'Bench target', 'abc'), 2);
    assert.equal(keysShown('Bench targetabc', 'Bench target', 'abc'), 3);
    assert.equal(keysShown('Bench targetax', 'Bench target', 'abc'), -1);
    assert.equal(keysShown('Other', 'Bench target', 'abc'), -1);
    assert.equal(keysShown(undefined, 'Bench target', 'abc'), -1);
  });

  it('one paint per key: each key pairs with its own change and paint', () => {
    const r = pairKeys({
      typed: 'ab',
      keys: [{ at: 1000, key: 'a' }, { at: 1120, key: 'b' }],
      changes: [change(1030, 5, 'a'), change(1150, 6, 'b')],
      paints: [{ at: 1050, shown: 1 }, { at: 1175, shown: 2 }],
    });
    assert.deepEqual(r, {
      rows: [
        { index: 0, keyAt: 1000, changeAt: 1030, version: 5, paintAt: 1050, shown: 1, endToEnd: 50, extension: 20, workbench: 30 },
        { index: 1, keyAt: 1120, changeAt: 1150, version: 6, paintAt: 1175, shown: 2, endToEnd: 55, extension: 25, workbench: 30 },
      ],
      dropped: 0,
      coalesced: 0,
      anomalies: [],
    });
  });

  it('a paint showing two keys: the first is coalesced, both take its time; a key never painted is dropped', () => {
    const r = pairKeys({
      typed: 'abc',
      keys: [{ at: 0 }, { at: 120 }, { at: 240 }],
      changes: [change(30, 2, 'a'), change(150, 3, 'b'), change(270, 4, 'c')],
      paints: [{ at: 200, shown: 2 }],
    });
    assert.deepEqual(
      r.rows.map((x) => [x.index, x.paintAt, x.endToEnd, x.extension]),
      [
        [0, 200, 200, 170],
        [1, 200, 80, 50],
        [2, undefined, undefined, undefined],
      ],
    );
    assert.equal(r.coalesced, 1);
    assert.equal(r.dropped, 1);
    assert.deepEqual(r.anomalies, []);
  });

  it('paints are taken in time order whatever order they were collected in', () => {
    const r = pairKeys({
      typed: 'ab',
      keys: [{ at: 0 }, { at: 120 }],
      changes: [change(10, 1, 'a'), change(130, 2, 'b')],
      paints: [{ at: 160, shown: 2 }, { at: 40, shown: 1 }],
    });
    assert.deepEqual(r.rows.map((x) => x.paintAt), [40, 160]);
  });

  it('what does not add up is reported, not paired', () => {
    const r = pairKeys({
      typed: 'ab',
      keys: [{ at: 0, key: 'a' }, { at: 120, key: 'x' }],
      changes: [change(10, 1, 'a'), change(130, 3, 'bb')],
      paints: [{ at: 60, shown: 2 }, { at: 80, shown: 1 }, { at: 90, shown: -1 }],
    });
    assert.deepEqual(r.anomalies, [
      '1 paints showed a name that is not the typed one',
      'a paint at 80.0 showed 1 keys after one that showed 2',
      "keydown 1 was 'x', typed 'b'",
      "change 1 (version 3) inserted 'bb', typed 'b'",
      'change 1 has version 3 after 1',
      'key 1 painted before it was pressed',
    ]);
    assert.equal(r.rows[1].changeAt, undefined);
    assert.equal(r.rows[1].extension, undefined);
    assert.equal(r.rows[1].endToEnd, -60);
  });

  it('missing keydowns and change events are counted', () => {
    const r = pairKeys({ typed: 'ab', keys: [{ at: 0 }], changes: [], paints: [] });
    assert.deepEqual(r.anomalies, ['1 keydown events for 2 keys typed', '0 change events for 2 keys typed']);
    assert.equal(r.dropped, 2);
  });

  it('updateShares: the first update at or after each key version, split host / transport / page', () => {
    const updates = [
      { version: 7, changeAt: 100, postedAt: 104, receivedAt: 109, paintedAt: 120 },
      { version: 5, changeAt: 0, postedAt: 2, receivedAt: 5, paintedAt: 16 },
    ];
    assert.deepEqual(updateShares([{ version: 5 }, { version: 6 }, {}, { version: 7 }, { version: 8 }], updates), {
      host: [2, 4, 4],
      transport: [3, 5, 5],
      page: [11, 11, 11],
      total: [16, 20, 20],
    });
  });

  it('percentiles interpolate between sorted values and skip undefined', () => {
    assert.deepEqual(percentiles([5, 1, undefined, 3, 2, 4]), { n: 5, p50: 3, p95: 4.8, max: 5 });
    const none = percentiles([]);
    assert.equal(none.n, 0);
    assert.ok(Number.isNaN(none.p50) && Number.isNaN(none.p95) && Number.isNaN(none.max));
    const hundred = percentiles(Array.from({ length: 100 }, (_, i) => i + 1));
    assert.deepEqual([hundred.p50, hundred.p95, hundred.max], [50.5, 95.05, 100]);
  });
});
