import * as assert from 'node:assert/strict';
import { applyEdits, prepareRename, rename, validateCanvas } from '../../src/core';
import type { CanvasModel, TextEdit } from '../../src/core';
import { rangeOf } from './helpers';

const TEXT = `canvas: business-model
title: Rename
customer-segments:
  - id: riders   # riders are the main side
    name: Urban riders
    description: riders want speed
    type: multi-sided-platform
    linked: ['drivers']
  - id: "drivers"
    name: Drivers
    type: multi-sided-platform
    linked: [riders]
value-propositions:
  - id: riders-app
    name: Riders app
    segments:
      - riders
      - "drivers"
channels:
  - id: riders
    name: Riders channel (a duplicate id in another block)
    segments: [riders]
customer-relationships:
  - name: Help
    segments: [riders]
    channels: [riders]
`;

const model = (text: string): CanvasModel => validateCanvas(text).model!;

function at(text: string, needle: string, nth = 0, delta = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset !== -1, `"${needle}" #${i} in the text`);
  }
  return offset + delta;
}

/** Edits as [range, new text], to compare exactly. */
function shown(text: string, edits: readonly TextEdit[]): [string, string][] {
  return edits.map((e) => [rangeOf(text, e.start, e.end), e.newText]);
}

function renamed(text: string, offset: number, newName: string): string {
  const result = rename(text, model(text), offset, newName);
  assert.ok('edits' in result, JSON.stringify(result));
  return applyEdits(text, result.edits);
}

describe('rename', () => {
  describe('prepareRename', () => {
    it('gives the id or reference under the cursor, inside its quotes', () => {
      const m = model(TEXT);
      const span = (offset: number) => {
        const result = prepareRename(m, offset);
        assert.ok('span' in result, JSON.stringify(result));
        return [rangeOf(TEXT, result.span.start, result.span.end), result.text];
      };
      assert.deepEqual(span(at(TEXT, 'riders')), ['4:9-4:15', 'riders']);
      assert.deepEqual(span(at(TEXT, 'riders', 0, 6)), ['4:9-4:15', 'riders']);
      assert.deepEqual(span(at(TEXT, "'drivers'", 0, 2)), ['8:15-8:22', 'drivers']);
      assert.deepEqual(span(at(TEXT, '"drivers"')), ['9:10-9:17', 'drivers']);
      assert.deepEqual(span(at(TEXT, '- riders', 0, 2)), ['17:9-17:15', 'riders']);
    });

    it('refuses anything that is not an id or a reference', () => {
      const refusal = {
        error: 'Only a card id, or a reference to one, can be renamed.',
        template: 'Only a card id, or a reference to one, can be renamed.',
        args: [],
      };
      const m = model(TEXT);
      assert.deepEqual(prepareRename(m, at(TEXT, 'Urban riders', 0, 7)), refusal);
      assert.deepEqual(prepareRename(m, at(TEXT, 'riders want')), refusal);
      assert.deepEqual(prepareRename(m, at(TEXT, 'riders are')), refusal);
      assert.deepEqual(prepareRename(m, 0), refusal);
    });
  });

  describe('rename', () => {
    const EXPECTED = TEXT.replace('  - id: riders   #', '  - id: urban   #')
      .replace('    linked: [riders]', '    linked: [urban]')
      .replace('      - riders\n', '      - urban\n')
      .replace('    segments: [riders]\ncustomer', '    segments: [urban]\ncustomer')
      .replace('    segments: [riders]\n    channels', '    segments: [urban]\n    channels');

    it('renames the id and every reference to it, and nothing else', () => {
      const result = rename(TEXT, model(TEXT), at(TEXT, 'riders'), 'urban');
      assert.ok('edits' in result);
      assert.deepEqual(shown(TEXT, result.edits), [
        ['4:9-4:15', 'urban'],
        ['12:14-12:20', 'urban'],
        ['17:9-17:15', 'urban'],
        ['22:16-22:22', 'urban'],
        ['25:16-25:22', 'urban'],
      ]);
      // Not the name, the description, the comment, riders-app, nor the channel "riders" and its reference.
      assert.equal(applyEdits(TEXT, result.edits), EXPECTED);
    });

    it('the same from any reference, and in a CRLF file', () => {
      assert.equal(renamed(TEXT, at(TEXT, '- riders', 0, 4), 'urban'), EXPECTED);
      assert.equal(renamed(TEXT, at(TEXT, 'segments: [riders]\ncustomer', 0, 13), 'urban'), EXPECTED);
      const crlf = (s: string) => s.replace(/\n/g, '\r\n');
      assert.equal(renamed(crlf(TEXT), at(crlf(TEXT), 'linked: [riders]', 0, 9), 'urban'), crlf(EXPECTED));
    });

    it('renames the channel, not the segment, from a channels reference', () => {
      const text = renamed(TEXT, at(TEXT, 'channels: [riders]', 0, 11), 'web');
      assert.equal(text, TEXT.replace('  - id: riders\n    name: Riders channel', '  - id: web\n    name: Riders channel').replace('channels: [riders]', 'channels: [web]'));
    });

    it('keeps quotes, and quotes a plain id YAML would read as a number', () => {
      const text = renamed(TEXT, at(TEXT, '"drivers"'), 'fleet');
      assert.equal(text, TEXT.replace("['drivers']", "['fleet']").replace('id: "drivers"', 'id: "fleet"').replace('- "drivers"', '- "fleet"'));
      const numeric = renamed(TEXT, at(TEXT, 'riders'), '2024');
      assert.equal(numeric, EXPECTED.replace(/\burban\b/g, '"2024"'));
      assert.deepEqual(
        validateCanvas(numeric).diagnostics.filter((d) => d.code === 'schema' || d.code === 'unknown-reference'),
        [],
      );
      assert.equal(renamed(TEXT, at(TEXT, '"drivers"'), '2024'), TEXT.replace(/(['"])drivers\1/g, '$12024$1'));
    });

    it('renames a dangling reference together with the others naming the same missing card', () => {
      const text = TEXT.replace('    channels: [riders]', '    channels: [web, riders, web]');
      assert.equal(renamed(text, at(text, 'web'), 'site'), text.replace('[web, riders, web]', '[site, riders, site]'));
    });

    it('with duplicate ids in one block, renames the targeted card and the references', () => {
      const text = TEXT.replace('  - id: "drivers"', '  - id: riders');
      const second = at(text, 'id: riders', 1, 4);
      const result = renamed(text, second, 'drivers');
      assert.equal(result, text.replace('  - id: riders\n    name: Drivers', '  - id: drivers\n    name: Drivers').replace(/linked: \[riders\]|      - riders\n|segments: \[riders\]/g, (m) => m.replace('riders', 'drivers')));
    });

    it('an unchanged id needs no edit; surrounding blanks in the new name are ignored', () => {
      assert.deepEqual(rename(TEXT, model(TEXT), at(TEXT, 'riders'), 'riders'), { edits: [] });
      assert.equal(renamed(TEXT, at(TEXT, 'riders'), ' urban '), EXPECTED);
    });

    it('refuses an empty id, one that is not kebab-case, and one another card has', () => {
      const m = model(TEXT);
      const offset = at(TEXT, 'riders');
      assert.deepEqual(rename(TEXT, m, offset, '  '), { error: 'The new id must not be empty.', template: 'The new id must not be empty.', args: [] });
      const bad = rename(TEXT, m, offset, 'Urban Riders');
      assert.ok('error' in bad);
      assert.equal(bad.error, '"Urban Riders" is not a valid id: use kebab-case (lower-case letters, digits and single hyphens, e.g. "urban-riders").');
      assert.deepEqual(bad.args, ['Urban Riders']);
      for (const name of ['urban--riders', '-urban', 'urban_riders', 'Urban']) assert.ok('error' in rename(TEXT, m, offset, name), name);
      const taken = rename(TEXT, m, offset, 'riders-app');
      assert.ok('error' in taken);
      assert.equal(taken.error, 'The id "riders-app" is already used by the card on line 14. Ids must be unique across the whole file.');
      assert.deepEqual(rename(TEXT, m, at(TEXT, 'Urban riders'), 'x'), {
        error: 'Only a card id, or a reference to one, can be renamed.',
        template: 'Only a card id, or a reference to one, can be renamed.',
        args: [],
      });
    });
  });

  it('never throws on half-typed files', () => {
    for (let cut = 0; cut <= TEXT.length; cut += 4) {
      const text = TEXT.slice(0, cut);
      const m = model(text);
      for (let offset = 0; offset <= text.length; offset += 7) {
        prepareRename(m, offset);
        const result = rename(text, m, offset, 'renamed-id');
        if ('edits' in result) applyEdits(text, result.edits);
      }
    }
  });
});
