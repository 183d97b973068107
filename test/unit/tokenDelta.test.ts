// The semantic-token edits the extension answers VS Code with while the user types
// (src/extension/providers/tokenDelta.ts): exact edits for the typical changes, and for many random
// pairs of token arrays, the edit applied to the previous array gives exactly the next one.
import * as assert from 'node:assert/strict';
import { tokenDelta } from '../../src/extension/providers/tokenDelta';

const tokens = (...rows: number[][]): Uint32Array => Uint32Array.from(rows.flat());

/** VS Code's way of applying a SemanticTokensEdit. */
function apply(previous: Uint32Array, edit: ReturnType<typeof tokenDelta>): Uint32Array {
  if (!edit) return previous;
  return Uint32Array.from([...previous.subarray(0, edit.start), ...edit.data, ...previous.subarray(edit.start + edit.deleteCount)]);
}

describe('semantic token edits (tokenDelta)', () => {
  it('gives no edit for the same tokens (typing in a name moves no token: positions are relative)', () => {
    const a = tokens([1, 6, 3, 0, 1], [4, 13, 2, 0, 0]);
    assert.equal(tokenDelta(a, Uint32Array.from(a)), undefined);
  });

  it('replaces only the token whose length changed (an id typed into)', () => {
    const before = tokens([1, 6, 3, 0, 1], [4, 13, 2, 0, 0], [2, 6, 5, 0, 1]);
    const after = tokens([1, 6, 3, 0, 1], [4, 13, 3, 0, 0], [2, 6, 5, 0, 1]);
    assert.deepEqual(tokenDelta(before, after), { start: 5, deleteCount: 5, data: tokens([4, 13, 3, 0, 0]) });
  });

  it('inserts a token (a reference added) without touching the others', () => {
    const before = tokens([1, 6, 3, 0, 1], [2, 6, 5, 0, 1]);
    const after = tokens([1, 6, 3, 0, 1], [1, 4, 2, 0, 0], [1, 6, 5, 0, 1]);
    assert.deepEqual(tokenDelta(before, after), { start: 5, deleteCount: 5, data: tokens([1, 4, 2, 0, 0], [1, 6, 5, 0, 1]) });
  });

  it('deletes the tokens of a removed card, and empties to nothing', () => {
    const before = tokens([1, 6, 3, 0, 1], [3, 6, 4, 0, 1], [3, 6, 5, 0, 1]);
    assert.deepEqual(tokenDelta(before, tokens([1, 6, 3, 0, 1], [6, 6, 5, 0, 1])), { start: 5, deleteCount: 10, data: tokens([6, 6, 5, 0, 1]) });
    assert.deepEqual(tokenDelta(before, new Uint32Array()), { start: 0, deleteCount: 15, data: new Uint32Array() });
    assert.deepEqual(tokenDelta(new Uint32Array(), tokens([0, 2, 3, 0, 1])), { start: 0, deleteCount: 0, data: tokens([0, 2, 3, 0, 1]) });
  });

  it('keeps whole tokens when a match ends inside one (prefix and suffix aligned to 5)', () => {
    // The same deltaLine and deltaStart, another length: the token is replaced whole, from its start.
    const before = tokens([2, 4, 3, 0, 1]);
    const after = tokens([2, 4, 7, 0, 1]);
    assert.deepEqual(tokenDelta(before, after), { start: 0, deleteCount: 5, data: tokens([2, 4, 7, 0, 1]) });
  });

  it('rebuilds the next array from the previous one for 2,000 random pairs', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const randomTokens = (count: number) => Uint32Array.from({ length: count * 5 }, (_, i) => (i % 5 === 3 ? 0 : random(4)));
    for (let i = 0; i < 2000; i++) {
      const previous = randomTokens(random(8));
      const next = random(3) === 0 ? randomTokens(random(8)) : Uint32Array.from(previous);
      if (next.length && random(2)) next[random(next.length)] = random(4);
      const edit = tokenDelta(previous, next);
      assert.deepEqual(apply(previous, edit), next, `pair ${i}`);
      if (edit) {
        assert.equal(edit.start % 5, 0, `pair ${i}: start on a token`);
        assert.equal(edit.deleteCount % 5, 0, `pair ${i}: whole tokens deleted`);
        assert.equal(edit.data.length % 5, 0, `pair ${i}: whole tokens inserted`);
      }
    }
  });
});
