import * as assert from 'node:assert/strict';
import { addCard, deleteCard, moveCard, renameCard, setCardField } from '../../src/core';
import { badArgument, CARD_EDITS, isCardEditName } from '../../src/extension/editing/cardEdits';

// The arguments of the editing commands and of the preview's gestures come from outside (a
// keybinding, another extension, the page): each edit names the first one that does not fit.
describe('card edits: the engine and the arguments of each edit', () => {
  it('maps each edit to its engine', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(CARD_EDITS).map(([name, { compute }]) => [name, compute])),
      { addCard, renameCard, moveCard, deleteCard, setCardField },
    );
  });

  it('knows the five edits and nothing inherited', () => {
    for (const name of ['addCard', 'renameCard', 'moveCard', 'deleteCard', 'setCardField']) assert.equal(isCardEditName(name), true, name);
    for (const name of ['toString', '__proto__', 'constructor', 'AddCard', '', 3, undefined, null, {}]) assert.equal(isCardEditName(name), false, String(name));
  });

  it('accepts complete arguments and ignores other keys', () => {
    assert.equal(badArgument('addCard', { block: 'channels', name: 'Web' }), undefined);
    assert.equal(badArgument('addCard', { block: 'channels', name: 'Web', index: 0, uri: 'x', extra: true }), undefined);
    assert.equal(badArgument('renameCard', { block: 'channels', index: 2, name: '' }), undefined);
    assert.equal(badArgument('moveCard', { block: 'a', index: 0, toBlock: 'b', toIndex: 3, version: 7 }), undefined);
    assert.equal(badArgument('deleteCard', { block: 'a', index: 0 }), undefined);
    for (const value of ['x', 3, 1.5, true, false, null, [], ['a', 'b'], { name: 'M', goals: ['a'] }, [{ basis: 'geographic', criteria: ['Seoul'] }], {}]) {
      assert.equal(badArgument('setCardField', { block: 'a', index: 0, field: 'status', value }), undefined, JSON.stringify(value));
    }
  });

  it('names the first argument missing or of the wrong type', () => {
    assert.equal(badArgument('addCard', {}), 'block');
    assert.equal(badArgument('addCard', { block: 'channels' }), 'name');
    assert.equal(badArgument('addCard', { block: 'channels', name: 7 }), 'name');
    assert.equal(badArgument('addCard', { block: 'channels', name: 'Web', index: '0' }), 'index');
    assert.equal(badArgument('addCard', { block: 'channels', name: 'Web', index: 0.5 }), 'index');
    assert.equal(badArgument('renameCard', { block: 'channels', name: 'Web' }), 'index');
    assert.equal(badArgument('moveCard', { block: 'a', index: 0, toIndex: 1 }), 'toBlock');
    assert.equal(badArgument('moveCard', { block: 'a', index: 0, toBlock: 'b', toIndex: Number.NaN }), 'toIndex');
    assert.equal(badArgument('deleteCard', { block: ['a'], index: 0 }), 'block');
    assert.equal(badArgument('setCardField', { block: 'a', index: 0, field: 'status' }), 'value');
    assert.equal(badArgument('setCardField', { block: 'a', index: 0, field: 'tags', value: ['a', 1] }), 'value');
    // An object's values are field values too: never null, a function, a class instance, a mixed list.
    for (const value of [{ a: null }, { a: () => 1 }, new Date(0), [{ a: 'x' }, 'b'], { a: { b: [1] } }, Number.POSITIVE_INFINITY]) {
      assert.equal(badArgument('setCardField', { block: 'a', index: 0, field: 'persona', value }), 'value', String(value));
    }
  });

  it('checks a version when one is given', () => {
    assert.equal(badArgument('deleteCard', { block: 'a', index: 0, version: 3 }), undefined);
    assert.equal(badArgument('deleteCard', { block: 'a', index: 0, version: '3' }), 'version');
    assert.equal(badArgument('deleteCard', { block: 'a', index: 0, version: 2.5 }), 'version');
    assert.equal(badArgument('deleteCard', { block: 'a', index: 0, version: null }), 'version');
  });
});
