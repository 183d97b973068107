import * as assert from 'node:assert/strict';
import { validateCanvas } from '../../src/core';
import { buildCompare } from '../../src/extension/preview/compareData';

describe('compare marks (the preview\'s diff against a revision)', () => {
  it('names the block a card moved from by the title of its own kind', () => {
    const head = 'canvas: value-proposition\ntitle: T\n';
    const oldText = `${head}pains:\n  - { id: wait, name: Waiting }\ngains: []\n`;
    const newText = `${head}pains: []\ngains:\n  - { id: wait, name: Waiting }\n`;
    const payload = buildCompare(oldText, validateCanvas(newText));
    assert.deepEqual(payload.blocks, [{ block: 'gains', marks: [{ position: 0, kind: 'moved', details: ['moved from Pains'] }], removed: [] }]);
  });

  it('keeps the business model\'s titles for a business model', () => {
    const head = 'canvas: business-model\ntitle: T\n';
    const oldText = `${head}key-activities:\n  - { id: build, name: Build }\nkey-resources: []\n`;
    const newText = `${head}key-activities: []\nkey-resources:\n  - { id: build, name: Build }\n`;
    const payload = buildCompare(oldText, validateCanvas(newText));
    assert.deepEqual(payload.blocks, [{ block: 'key-resources', marks: [{ position: 0, kind: 'moved', details: ['moved from Key Activities'] }], removed: [] }]);
  });
});
