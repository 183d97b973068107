import * as assert from 'node:assert/strict';
import { applyEdits, rename, setCardField, validateCanvas } from '../../src/core';
import type { TextEdit } from '../../src/core';
import { cardIdChange } from '../../src/core/cardIdChange';
import { readLink, renameAcrossFiles } from '../../src/core/links';
import { rangeOf } from './helpers';

// A card's id changed by an edit (the preview's id field, setCardField with field `id`) is renamed
// as Rename Symbol renames it: the id and every reference, never the id alone.
const BM = `canvas: business-model
title: Ids
customer-segments:
  - id: riders # the main side
    name: Urban riders
  - id: "drivers"
    name: Drivers
    linked: [riders]
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders, drivers]
  - name: No id yet
channels:
  - id: riders
    name: A channel with a segment's id
customer-relationships:
  - name: Help
    segments:
      - riders
    channels: [riders]
`;

const at = (block: string, index: number) => ({ block, index });
const shown = (text: string, edits: readonly TextEdit[]) => edits.map((e) => [rangeOf(text, e.start, e.end), e.newText]);

describe('cardIdChange: a card id set by an edit renames its references', () => {
  it('a card with an id: renamed at its id, with exactly the edits of Rename Symbol', () => {
    const result = validateCanvas(BM);
    const change = cardIdChange(BM, result, at('customer-segments', 0), 'passengers');
    assert.ok('rename' in change, JSON.stringify(change));
    assert.equal(change.rename.offset, BM.indexOf('riders # the main'));
    assert.equal(change.rename.newName, 'passengers');
    const symbol = rename(BM, result.model!, change.rename.offset, 'passengers');
    assert.ok('edits' in symbol);
    assert.deepEqual(change.rename.edits, symbol.edits);
    assert.deepEqual(shown(BM, change.rename.edits), [
      ['4:9-4:15', 'passengers'],
      ['8:14-8:20', 'passengers'],
      ['12:16-12:22', 'passengers'],
      ['20:9-20:15', 'passengers'],
    ]);
    // The channel with the same text and the relationship's channel reference are another block's id: unchanged.
    assert.equal(
      applyEdits(BM, change.rename.edits),
      BM.replace('id: riders # the main', 'id: passengers # the main')
        .replace('linked: [riders]', 'linked: [passengers]')
        .replace('segments: [riders, drivers]', 'segments: [passengers, drivers]')
        .replace('      - riders\n', '      - passengers\n'),
    );
  });

  it('a quoted id keeps its quotes; the new id is trimmed; the same id changes nothing', () => {
    const result = validateCanvas(BM);
    const change = cardIdChange(BM, result, at('customer-segments', 1), '  cabbies ');
    assert.ok('rename' in change, JSON.stringify(change));
    assert.deepEqual(shown(BM, change.rename.edits), [
      ['6:10-6:17', 'cabbies'],
      ['12:24-12:31', 'cabbies'],
    ]);
    assert.equal(applyEdits(BM, change.rename.edits), BM.replace('id: "drivers"', 'id: "cabbies"').replace('riders, drivers]', 'riders, cabbies]'));
    const same = cardIdChange(BM, result, at('customer-segments', 1), 'drivers');
    assert.deepEqual(same, { rename: { offset: BM.indexOf('"drivers"'), newName: 'drivers', edits: [] } });
  });

  it('a taken, empty or non-kebab-case id is refused with the rename\'s own message', () => {
    const result = validateCanvas(BM);
    assert.deepEqual(cardIdChange(BM, result, at('customer-segments', 0), 'drivers'), {
      error: 'The id "drivers" is already used by the card on line 6. Ids must be unique across the whole file.',
      template: 'The id "{0}" is already used by the card on line {1}. Ids must be unique across the whole file.',
      args: ['drivers', '6'],
    });
    // Ids are unique across the whole file: the channel's `riders` is taken for a value proposition too.
    assert.equal((cardIdChange(BM, result, at('value-propositions', 0), 'riders') as { error: string }).error, 'The id "riders" is already used by the card on line 4. Ids must be unique across the whole file.');
    assert.equal((cardIdChange(BM, result, at('customer-segments', 0), ' ') as { error: string }).error, 'The new id must not be empty.');
    assert.equal(
      (cardIdChange(BM, result, at('customer-segments', 0), 'Urban Riders') as { error: string }).error,
      '"Urban Riders" is not a valid id: use kebab-case (lower-case letters, digits and single hyphens, e.g. "urban-riders").',
    );
  });

  it('a card without an id: the field edit sets the trimmed id, refused for the same reasons as a rename', () => {
    const result = validateCanvas(BM);
    const change = cardIdChange(BM, result, at('value-propositions', 1), ' no-id ');
    assert.deepEqual(change, { setField: { value: 'no-id' } });
    const set = setCardField(BM, result, { ...at('value-propositions', 1), field: 'id', value: 'no-id' });
    assert.ok('edits' in set, JSON.stringify(set));
    assert.equal(applyEdits(BM, set.edits), BM.replace('  - name: No id yet\n', '  - name: No id yet\n    id: no-id\n'));
    assert.equal((cardIdChange(BM, result, at('value-propositions', 1), 'fast') as { error: string }).error, 'The id "fast" is already used by the card on line 10. Ids must be unique across the whole file.');
    assert.equal((cardIdChange(BM, result, at('value-propositions', 1), '') as { error: string }).error, 'The new id must not be empty.');
    assert.equal((cardIdChange(BM, result, at('value-propositions', 1), 'No') as { template: string }).template, '"{0}" is not a valid id: use kebab-case (lower-case letters, digits and single hyphens, e.g. "urban-riders").');
  });

  it('what the field edit refuses or does itself is left to it: no text, removal, no such card, an alias, syntax errors', () => {
    const result = validateCanvas(BM);
    assert.deepEqual(cardIdChange(BM, result, at('customer-segments', 0), null), { setField: { value: null } });
    assert.deepEqual(cardIdChange(BM, result, at('customer-segments', 0), 7), { setField: { value: 7 } });
    assert.deepEqual(cardIdChange(BM, result, at('customer-segments', 9), 'x'), { setField: { value: 'x' } });
    assert.deepEqual(cardIdChange(BM, result, at('key-partners', 0), 'x'), { setField: { value: 'x' } });
    const aliased = `${BM}key-activities:\n  - &ops\n    id: ops\n    name: Dispatch\n  - *ops\n`;
    assert.deepEqual(cardIdChange(aliased, validateCanvas(aliased), at('key-activities', 1), 'dispatch'), { setField: { value: 'dispatch' } });
    assert.deepEqual(setCardField(aliased, validateCanvas(aliased), { ...at('key-activities', 1), field: 'id', value: 'dispatch' }), {
      error: "Card {0} of '{1}' is an alias ('*') of another card; edit that card instead.",
      args: ['1', 'key-activities'],
    });
    const broken = BM.replace('name: Drivers', 'name: "Drivers');
    assert.deepEqual(cardIdChange(broken, validateCanvas(broken), at('customer-segments', 0), 'passengers'), { setField: { value: 'passengers' } });
  });

  it('a linked segment: renaming from the card id renames the value-proposition canvases naming it too', () => {
    const file = '/ws/bm.canvas.yaml';
    const vpcFile = '/ws/vpc.canvas.yaml';
    const vpc = 'canvas: value-proposition\ntitle: Riders\nbusiness-model: ./bm.canvas.yaml\nsegment: riders\nvalue-proposition: fast\n';
    const result = validateCanvas(BM);
    const change = cardIdChange(BM, result, at('customer-segments', 0), 'passengers');
    assert.ok('rename' in change);
    const link = readLink(vpcFile, validateCanvas(vpc).model!, '/ws');
    assert.ok(link);
    const files = renameAcrossFiles({ file, text: BM, model: result.model! }, change.rename.offset, 'passengers', [link], (f) => (f === vpcFile ? vpc : undefined));
    assert.ok(Array.isArray(files), JSON.stringify(files));
    assert.deepEqual(files.map((f) => [f.file, f.edits]), [
      [file, change.rename.edits],
      [vpcFile, [{ start: vpc.indexOf('riders'), end: vpc.indexOf('riders') + 6, newText: 'passengers' }]],
    ]);
  });
});
