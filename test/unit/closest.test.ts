import * as assert from 'node:assert/strict';
import { closest, editDistance } from '../../src/core/closest';

describe('closest', () => {
  it('counts edits, with a transposition as one', () => {
    assert.equal(editDistance('mass-markt', 'mass-market'), 1);
    assert.equal(editDistance('nihce', 'niche'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('ABC', 'abc'), 0);
  });

  it('suggests the nearest candidate when it is close', () => {
    const types = ['mass-market', 'niche-market', 'segmented'];
    assert.equal(closest('mass-markt', types), 'mass-market');
    assert.equal(closest('Niche Market', types), 'niche-market');
    assert.equal(closest('mass', types), 'mass-market');
    assert.equal(closest('segmnted', types), 'segmented');
  });

  it('suggests nothing when nothing is close', () => {
    assert.equal(closest('banana', ['mass-market', 'niche-market']), undefined);
    assert.equal(closest('', ['a']), undefined);
    assert.equal(closest('x', []), undefined);
  });
});
