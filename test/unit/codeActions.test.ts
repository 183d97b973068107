import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { applyEdits, codeActions, validateCanvas } from '../../src/core';
import type { CodeAction } from '../../src/core';
import { BASE, crlf, edit } from './codeActionSnippets';

/** The diagnostics with this code (and, if given, this text under them) and their quick fixes. */
function fixesOf(text: string, code: string, at?: string): CodeAction[][] {
  const result = validateCanvas(text);
  const found = result.diagnostics.filter((d) => d.code === code && (at === undefined || text.slice(d.start, d.end) === at));
  assert.ok(found.length, `a ${code} diagnostic${at === undefined ? '' : ` on "${at}"`} in ${JSON.stringify(result.diagnostics.map((d) => d.code))}`);
  return found.map((diagnostic) => codeActions(text, diagnostic, result.parsed!, result.model!));
}

/** The fixes of the diagnostic with this code that starts at `start` (one must). */
function fixesAt(text: string, code: string, start: number): CodeAction[] {
  const result = validateCanvas(text);
  const diagnostic = result.diagnostics.find((d) => d.code === code && d.start === start);
  assert.ok(diagnostic, `a ${code} diagnostic at ${start}`);
  return codeActions(text, diagnostic, result.parsed!, result.model!);
}

/** Titles of the fixes of the first such diagnostic, with a star on the preferred one. */
function titles(text: string, code: string, at?: string): string[] {
  return fixesOf(text, code, at)[0].map((a) => (a.isPreferred ? '* ' : '') + a.title);
}

function count(text: string, code: string): number {
  return validateCanvas(text).diagnostics.filter((d) => d.code === code).length;
}

/**
 * Applies the fix with this title, to the text with LF and with CRLF line breaks: the result must be
 * exactly `expected` (with the same line breaks) and, unless the fix is a first step, have fewer
 * problems of that code.
 */
function expectFix(text: string, code: string, at: string | undefined, title: string, expected: string, firstStep = false): void {
  for (const [input, output] of [
    [text, expected],
    [crlf(text), crlf(expected)],
  ]) {
    const actions = fixesOf(input, code, at).flat();
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix, `"${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.diagnosticCode, code);
    const result = applyEdits(input, fix.edits);
    assert.equal(result, output);
    if (!firstStep) assert.ok(count(result, code) < count(input, code), `fewer ${code} after "${title}"`);
  }
}

describe('quick fixes', () => {
  it('the base canvas has no problem to fix', () => {
    assert.deepEqual(validateCanvas(BASE).diagnostics, []);
  });

  describe('schema', () => {
    it('an unknown key: the closest key (preferred) or an x- extension key', () => {
      const text = edit(BASE, '    type: usage-fee\n', '    tpye: usage-fee   # typo\n');
      assert.deepEqual(titles(text, 'schema'), ['* Change "tpye" to "type"', 'Rename "tpye" to the extension key "x-tpye"']);
      expectFix(text, 'schema', 'tpye', 'Change "tpye" to "type"', BASE.replace('    type: usage-fee\n', '    type: usage-fee   # typo\n'));
      expectFix(text, 'schema', 'tpye', 'Rename "tpye" to the extension key "x-tpye"', BASE.replace('    type: usage-fee\n', '    x-tpye: usage-fee   # typo\n'));
    });

    it('an unknown key whose closest key is already there: only the extension key', () => {
      const text = edit(BASE, '    type: usage-fee\n', '    type: usage-fee\n    tpye: again\n');
      assert.deepEqual(titles(text, 'schema'), ['Rename "tpye" to the extension key "x-tpye"']);
    });

    it('no fix for a key where extension keys are not allowed and nothing is close', () => {
      const text = edit(BASE, '    name: Drivers\n', '    name: Drivers\n    checks: { loud: true }\n');
      assert.deepEqual(titles(text, 'schema'), []);
    });

    it('an enumeration value: the closest value, inside the quotes it was written with', () => {
      expectFix(edit(BASE, 'type: self-service', 'type: self-servce'), 'schema', 'self-servce', 'Change "self-servce" to "self-service"', BASE);
      const quoted = edit(BASE, 'type: self-service', "type: 'self-servce'");
      assert.deepEqual(titles(quoted, 'schema'), ['* Change "self-servce" to "self-service"']);
      expectFix(quoted, 'schema', "'self-servce'", 'Change "self-servce" to "self-service"', edit(BASE, 'type: self-service', "type: 'self-service'"));
    });

    it('an id that is not kebab-case: its kebab-case form, references included', () => {
      const text = edit(edit(BASE, '  - id: drivers\n', '  - id: Drivers Pool\n'), 'segments: [riders, drivers]', 'segments: [riders, Drivers Pool]');
      const expected = edit(edit(BASE, '  - id: drivers\n', '  - id: drivers-pool\n'), 'segments: [riders, drivers]', 'segments: [riders, drivers-pool]');
      assert.deepEqual(titles(text, 'schema', 'Drivers Pool'), ['* Change the id to "drivers-pool" (kebab-case)']);
      // The other references to "drivers" stay: they named no card before the fix either.
      expectFix(text, 'schema', 'Drivers Pool', 'Change the id to "drivers-pool" (kebab-case)', expected);
    });

    it('a reference that is not kebab-case: its kebab-case form', () => {
      const text = edit(BASE, 'segments: [riders]\nkey', 'segments: ["Riders"]\nkey');
      expectFix(text, 'schema', '"Riders"', 'Change the reference to "riders" (kebab-case)', edit(BASE, 'segments: [riders]\nkey', 'segments: ["riders"]\nkey'));
    });

    it('a number where text is expected is quoted; text where a list is expected is put in one', () => {
      const text = edit(BASE, '  - id: fast\n', '  - id: 2024\n');
      expectFix(text, 'schema', '2024', 'Write 2024 as text: "2024"', edit(BASE, '  - id: fast\n', '  - id: "2024"\n'));
      const list = edit(BASE, 'segments: [riders]\nkey', 'segments: riders   # one\nkey');
      expectFix(list, 'schema', 'riders', 'Make riders a list: [riders]', edit(BASE, 'segments: [riders]\nkey', 'segments: [riders]   # one\nkey'));
    });

    it('a missing canvas kind goes first (after the modeline), a missing title after the canvas kind', () => {
      expectFix(edit(BASE, 'canvas: business-model\n', ''), 'schema', undefined, 'Add "canvas: business-model"', BASE);
      expectFix(edit(BASE, 'title: Rides   # the title\n', ''), 'schema', undefined, 'Add a title', edit(BASE, 'title: Rides   # the title\n', 'title: Untitled canvas\n'));
    });

    it('a card without a name gets one first: from its id, else a placeholder', () => {
      expectFix(edit(BASE, '    name: Fast pickup\n', ''), 'schema', undefined, 'Add a name to the card', edit(BASE, '    name: Fast pickup\n', '').replace('  - id: fast\n', '  - name: Fast\n    id: fast\n'));
      const text = edit(BASE, '  - name: Ride fees\n    type', '  - type');
      expectFix(text, 'schema', undefined, 'Add a name to the card', edit(BASE, '  - name: Ride fees\n', '  - name: New revenue stream\n'));
      const flow = edit(BASE, 'key-resources: [Drivers]', 'key-resources: [{ type: human }]');
      expectFix(flow, 'schema', undefined, 'Add a name to the card', edit(BASE, 'key-resources: [Drivers]', 'key-resources: [{ name: New key resource, type: human }]'));
    });
  });

  describe('duplicate-id', () => {
    it('gives the repeated card the first free numbered id, keeping its quotes and comments', () => {
      const text = edit(BASE, '  - id: drivers\n', '  - id: "riders"   # again\n');
      assert.deepEqual(titles(text, 'duplicate-id'), ['* Change the duplicate id to "riders-2"']);
      expectFix(text, 'duplicate-id', '"riders"', 'Change the duplicate id to "riders-2"', edit(BASE, '  - id: drivers\n', '  - id: "riders-2"   # again\n'));
    });

    it('skips ids other cards use and ids that references name; counts on from a numbered id', () => {
      const text = edit(
        edit(BASE, '  - id: drivers\n', '  - id: riders-2\n  - id: riders\n    name: Twice\n'),
        'segments: [riders]\nkey',
        'segments: [riders-3]\nkey',
      );
      assert.deepEqual(titles(text, 'duplicate-id'), ['* Change the duplicate id to "riders-4"']);
      const numbered = edit(BASE, '  - id: drivers\n', '  - id: v-2\n    name: V\n  - id: v-2\n');
      assert.deepEqual(titles(numbered, 'duplicate-id'), ['* Change the duplicate id to "v-3"']);
    });
  });

  describe('unknown-reference', () => {
    const ghost = edit(BASE, 'segments: [riders, drivers]   # both sides', 'segments: [riders, ghost, drivers]   # both sides');

    it('offers to create the card or remove the reference; with a close id, to change it first', () => {
      assert.deepEqual(titles(ghost, 'unknown-reference'), ['* Create the customer segment "ghost" in customer-segments', 'Remove "ghost" from segments']);
      const typo = edit(BASE, 'segments: [riders, drivers]   # both', 'segments: [ridrs, drivers]   # both');
      assert.deepEqual(titles(typo, 'unknown-reference'), [
        '* Change "ridrs" to "riders"',
        'Create the customer segment "ridrs" in customer-segments',
        'Remove "ridrs" from segments',
      ]);
      expectFix(typo, 'unknown-reference', 'ridrs', 'Change "ridrs" to "riders"', BASE);
      const quoted = edit(BASE, 'channels: [app]', `channels: ['ap']`);
      expectFix(quoted, 'unknown-reference', "'ap'", 'Change "ap" to "app"', edit(BASE, 'channels: [app]', `channels: ['app']`));
    });

    it('creates the card at the end of its block, in the block\'s indentation', () => {
      const expected = edit(ghost, '    type: mass-market\nvalue-propositions', '    type: mass-market\n  - id: ghost\n    name: Ghost\nvalue-propositions');
      expectFix(ghost, 'unknown-reference', 'ghost', 'Create the customer segment "ghost" in customer-segments', expected);
      const wide = 'canvas: business-model\ntitle: Wide\ncustomer-segments:\n    -   id: riders\n        name: Riders\nvalue-propositions:\n    -   name: V\n        segments: [riders, urban-ghost]\n';
      expectFix(
        wide,
        'unknown-reference',
        'urban-ghost',
        'Create the customer segment "urban-ghost" in customer-segments',
        wide.replace('        name: Riders\n', '        name: Riders\n    -   id: urban-ghost\n        name: Urban ghost\n'),
      );
    });

    it('creates the card in a flow block, in an empty block, and in a block that is not there', () => {
      const flow = edit(ghost, /customer-segments:[^]*?value-propositions:/.exec(ghost)![0], 'customer-segments: [ { id: riders, name: Riders }, Drivers ]  # who\nvalue-propositions:');
      expectFix(
        flow,
        'unknown-reference',
        'ghost',
        'Create the customer segment "ghost" in customer-segments',
        flow.replace('Drivers ]  # who', 'Drivers, { id: ghost, name: Ghost } ]  # who'),
      );
      const web = edit(BASE, 'channels: [app]', 'channels: [app, web]');
      const emptyFlow = edit(web, /channels:\n  - id: app[^]*?customer-relationships:/.exec(web)![0], 'channels: []\ncustomer-relationships:');
      expectFix(emptyFlow, 'unknown-reference', 'web', 'Create the channel "web" in channels', emptyFlow.replace('channels: []\n', 'channels: [{ id: web, name: Web }]\n'));
      const blank = emptyFlow.replace('channels: []\n', 'channels:   # later\n');
      expectFix(blank, 'unknown-reference', 'web', 'Create the channel "web" in channels', blank.replace('channels:   # later\n', 'channels:   # later\n  - id: web\n    name: Web\n'));
      const absent = emptyFlow.replace('channels: []\n', '');
      expectFix(absent, 'unknown-reference', 'web', 'Create the channel "web" in channels', absent.replace('cost-structure: [Incentives]\n', 'cost-structure: [Incentives]\nchannels:\n  - id: web\n    name: Web\n'));
    });

    it('does not create a card whose id another block already uses', () => {
      const text = edit(BASE, 'channels: [app]', 'channels: [app, fast]');
      assert.deepEqual(titles(text, 'unknown-reference'), ['Remove "fast" from channels']);
    });

    it('removes a reference from a flow list: first, middle, last, only item', () => {
      expectFix(ghost, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', BASE);
      const first = edit(BASE, 'segments: [riders, drivers]   #', 'segments: [ghost, riders, drivers]   #');
      expectFix(first, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', BASE);
      const last = edit(BASE, 'segments: [riders, drivers]   #', 'segments: [riders, drivers , ghost ]   #');
      expectFix(last, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', edit(BASE, 'segments: [riders, drivers]   #', 'segments: [riders, drivers ]   #'));
      const only = edit(BASE, 'segments: [riders]\nkey', 'segments: [ "ghost" ]   # tbd\nkey');
      expectFix(only, 'unknown-reference', '"ghost"', 'Remove "ghost" from segments', edit(BASE, 'segments: [riders]\nkey', 'segments: []   # tbd\nkey'));
    });

    it('removes a reference from a multi-line flow list with a trailing comma', () => {
      const text = edit(BASE, 'segments: [riders, drivers]   # both sides', 'segments: [\n      riders,\n      ghost,\n      drivers,\n    ]');
      expectFix(text, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', text.replace('      ghost,\n', ''));
    });

    it('removes a reference line from a block list; the only item leaves []', () => {
      const middle = edit(BASE, '      - riders   # first\n', '      - riders   # first\n      - ghost   # gone\n');
      expectFix(middle, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', BASE);
      const last = edit(BASE, '      - drivers\ncustomer-relationships', '      - drivers\n      # keep me\n      - ghost\ncustomer-relationships');
      expectFix(last, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', edit(BASE, '      - drivers\ncustomer-relationships', '      - drivers\n      # keep me\ncustomer-relationships'));
      const only = edit(BASE, '    segments:\n      - riders   # first\n      - drivers\n', '    segments:   # who\n      - ghost\n');
      expectFix(only, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', edit(BASE, '    segments:\n      - riders   # first\n      - drivers\n', '    segments: []   # who\n'));
    });

    it('removes the last line of a file that does not end with a line break', () => {
      const text = 'canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: a\n    name: A\nvalue-propositions:\n  - name: V\n    segments:\n      - a\n      - ghost';
      expectFix(text, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', text.replace('\n      - ghost', ''));
      const only = text.replace('      - a\n', '');
      expectFix(only, 'unknown-reference', 'ghost', 'Remove "ghost" from segments', only.replace('segments:\n      - ghost', 'segments: []'));
    });
  });

  describe('orphan-card', () => {
    const oneSegment = edit(BASE, '  - id: drivers\n    name: Drivers\n    type: mass-market\n', '');

    it('with one segment: adds it (preferred), to an existing list, a new field or a sticky note', () => {
      const noField = edit(oneSegment, '    type: usage-fee\n    segments: [riders]\n', '    type: usage-fee   # per ride\n');
      assert.deepEqual(titles(noField, 'orphan-card'), ['* Add "riders" to segments']);
      expectFix(noField, 'orphan-card', undefined, 'Add "riders" to segments', noField.replace('# per ride\n', '# per ride\n    segments: [riders]\n'));
      const emptyList = edit(oneSegment, 'segments: [riders]\nkey', 'segments: [ ]\nkey');
      expectFix(emptyList, 'orphan-card', undefined, 'Add "riders" to segments', oneSegment);
      const blank = edit(oneSegment, 'segments: [riders]\nkey', 'segments:\nkey');
      assert.deepEqual(titles(blank, 'orphan-card'), ['* Add "riders" to segments']);
      const fixed = (comment: string) => edit(oneSegment, 'segments: [riders]\nkey', `segments: [riders]${comment}\nkey`);
      expectFix(edit(blank, 'segments:\nkey', 'segments:   # later\nkey'), 'orphan-card', undefined, 'Add "riders" to segments', fixed('  # later'));
      expectFix(edit(blank, 'segments:\nkey', 'segments: # later\nkey'), 'orphan-card', undefined, 'Add "riders" to segments', fixed(' # later'));
      const sticky = edit(oneSegment, '  - name: Ride fees\n    type: usage-fee\n    segments: [riders]\n', '  - Ride fees\n');
      expectFix(sticky, 'orphan-card', 'Ride fees', 'Add "riders" to segments', edit(oneSegment, '    type: usage-fee\n', ''));
      const flowSticky = edit(oneSegment, '  - name: Ride fees\n    type: usage-fee\n    segments: [riders]\n', '  - Tips\n  - name: Ride fees\n    segments: [riders]\n');
      expectFix(flowSticky, 'orphan-card', 'Tips', 'Add "riders" to segments', flowSticky.replace('  - Tips\n', '  - name: Tips\n    segments: [riders]\n'));
    });

    it('in a flow card and a flow sticky note', () => {
      const text = edit(
        oneSegment,
        '  - name: Self-service\n    type: self-service\n    segments:\n      - riders\n      - drivers\n    channels: [app]\n',
        '  - Hotline\n  - { name: Self-service,\n      type: self-service }   # flow\n',
      );
      expectFix(text, 'orphan-card', 'Self-service', 'Add "riders" to segments', text.replace('type: self-service }', 'type: self-service, segments: [riders] }'));
      const flow = edit(
        text,
        'customer-relationships:\n  - Hotline\n  - { name: Self-service,\n      type: self-service }   # flow\n',
        'customer-relationships: [ Hotline, { name: Self-service,\n    type: self-service } ]   # flow\n',
      );
      expectFix(flow, 'orphan-card', 'Hotline', 'Add "riders" to segments', flow.replace('[ Hotline,', '[ { name: Hotline, segments: [riders] },'));
    });

    it('with several segments: one fix per segment, none preferred', () => {
      const text = edit(BASE, '    segments: [riders]\nkey', '\nkey');
      assert.deepEqual(titles(text, 'orphan-card'), ['Add "riders" to segments', 'Add "drivers" to segments']);
    });
  });

  describe('unserved-segment and segment-without-relationship', () => {
    it('names the segment in a value proposition, one fix per value proposition', () => {
      const text = edit(edit(BASE, 'segments: [riders, drivers]   # both', 'segments: [riders]   # both'), '  - id: app\n', '  - id: cheap\n    name: Cheap\n    segments: [riders]\n  - id: app\n');
      const moved = text.replace('  - id: cheap\n    name: Cheap\n    segments: [riders]\n  - id: app\n', '  - id: app\n').replace('  - id: fast\n', '  - id: cheap\n    name: Cheap\n    segments: [riders]\n  - id: fast\n');
      assert.deepEqual(titles(moved, 'unserved-segment'), [
        'Add "drivers" to the segments of value proposition "Cheap"',
        'Add "drivers" to the segments of value proposition "Fast pickup"',
      ]);
      expectFix(moved, 'unserved-segment', undefined, 'Add "drivers" to the segments of value proposition "Fast pickup"', moved.replace('[riders]   # both', '[riders, drivers]   # both'));
    });

    it('names the segment in a relationship, in its block list', () => {
      const text = edit(BASE, '      - riders\n      - drivers\n    channels', '      - riders\n    channels');
      expectFix(text, 'segment-without-relationship', 'Drivers', 'Add "drivers" to the segments of customer relationship "Self-service"', BASE);
    });

    it('a segment without an id gets one from its name first', () => {
      const text = edit(BASE, '    type: mass-market\nvalue', '    type: mass-market\n  - Night owls   # new\nvalue');
      // An id alone would leave the segment unserved: the fix also names it (issue 12: a fix removes its problem).
      const title = 'Give the card the id "night-owls" and add it to the segments of value proposition "Fast pickup"';
      assert.deepEqual(titles(text, 'unserved-segment', 'Night owls'), [`* ${title}`]);
      expectFix(
        text,
        'unserved-segment',
        'Night owls',
        title,
        text.replace('  - Night owls   # new', '  - id: night-owls\n    name: Night owls   # new').replace('[riders, drivers]   # both', '[riders, drivers, night-owls]   # both'),
      );
      // A reference to the id is already there (naming nothing so far): the id alone serves.
      const map = edit(BASE, '  - id: drivers\n    name: Drivers\n', '  - name: Drivers\n');
      expectFix(map, 'segment-without-relationship', 'Drivers', 'Give the card the id "drivers"', BASE);
    });
  });

  describe('unlinked-platform-side', () => {
    const platform = BASE.replace(/type: mass-market/g, 'type: multi-sided-platform');

    it('links the other side, after the last field however deep', () => {
      assert.deepEqual(titles(platform, 'unlinked-platform-side'), ['* Link to the other platform side: linked: [drivers]']);
      const nested = edit(platform, '    name: Riders\n    type: multi-sided-platform\n', '    name: Riders\n    type: multi-sided-platform\n    segmentation:\n      - basis: geographic\n        criteria: [Seoul]   # launch\n');
      expectFix(nested, 'unlinked-platform-side', undefined, 'Link to the other platform side: linked: [drivers]', nested.replace('# launch\n', '# launch\n    linked: [drivers]\n'));
    });

    it('names every other side; with none, offers nothing (an empty linked: [] would leave the problem)', () => {
      const three = edit(platform, '  - id: drivers\n', '  - id: fleets\n    name: Fleets\n    type: multi-sided-platform\n  - id: drivers\n');
      assert.deepEqual(titles(three, 'unlinked-platform-side'), ['Link to the other platform side: linked: [fleets, drivers]']);
      const alone = edit(BASE, 'type: mass-market', 'type: multi-sided-platform');
      assert.deepEqual(titles(alone, 'unlinked-platform-side'), []);
    });
  });

  describe('empty-block', () => {
    it('adds a missing block after the last key, before a closing comment', () => {
      const text = edit(BASE, 'key-partnerships: [Insurers]\n', '');
      assert.deepEqual(titles(text, 'empty-block'), ['Add the key-partnerships block with a first card']);
      expectFix(text, 'empty-block', undefined, 'Add the key-partnerships block with a first card', text.replace('cost-structure: [Incentives]\n', 'cost-structure: [Incentives]\nkey-partnerships:\n  - name: New key partnership\n'));
    });

    it('in the file\'s list indentation, also without a final line break', () => {
      const text = 'canvas: business-model\ntitle: T\ncustomer-segments:\n- id: a\n  name: A';
      expectFix(text, 'empty-block', undefined, 'Add the cost-structure block with a first card', text + '\ncost-structure:\n- name: New cost');
    });

    it('adds a first card to an empty or blank block', () => {
      const empty = edit(BASE, 'key-activities: [Matching]', 'key-activities: []');
      expectFix(empty, 'empty-block', 'key-activities', 'Add a first card to key-activities', edit(BASE, 'key-activities: [Matching]', 'key-activities: [{ name: New key activity }]'));
      const blank = edit(BASE, 'key-activities: [Matching]', 'key-activities:   # soon');
      expectFix(blank, 'empty-block', 'key-activities', 'Add a first card to key-activities', edit(BASE, 'key-activities: [Matching]', 'key-activities:   # soon\n  - name: New key activity'));
      const tilde = edit(BASE, 'key-activities: [Matching]', 'key-activities: ~');
      expectFix(tilde, 'empty-block', 'key-activities', 'Add a first card to key-activities', edit(BASE, 'key-activities: [Matching]', 'key-activities:\n  - name: New key activity'));
      const commented = edit(BASE, 'key-activities: [Matching]', 'key-activities: null   # soon');
      expectFix(commented, 'empty-block', 'key-activities', 'Add a first card to key-activities', edit(BASE, 'key-activities: [Matching]', 'key-activities:   # soon\n  - name: New key activity'));
    });
  });

  describe('issue 12: no fix trades its problem for another or reaches past its range', () => {
    const bom = (text: string) => '\uFEFF' + text;

    it('after a UTF-8 BOM, a block, a title and a canvas kind are added at column 0', () => {
      const text = bom('canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: a\n    name: A\n');
      expectFix(text, 'empty-block', undefined, 'Add the cost-structure block with a first card', text + 'cost-structure:\n  - name: New cost\n');
      const untitled = bom('canvas: business-model\ncustomer-segments:\n  - id: a\n    name: A\n');
      expectFix(untitled, 'schema', undefined, 'Add a title', untitled.replace('business-model\n', 'business-model\ntitle: Untitled canvas\n'));
      const kindless = bom('title: T\ncustomer-segments:\n  - id: a\n    name: A\n');
      expectFix(kindless, 'schema', undefined, 'Add "canvas: business-model"', bom('canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: a\n    name: A\n'));
    });

    it('a non-kebab-case reference to a card renames the card\'s id with it (the reference alone would name nothing)', () => {
      const text = edit(edit(BASE, '  - id: drivers\n', '  - id: Drivers Pool\n'), 'segments: [riders, drivers]', 'segments: [riders, Drivers Pool]');
      const expected = edit(edit(BASE, '  - id: drivers\n', '  - id: drivers-pool\n'), 'segments: [riders, drivers]', 'segments: [riders, drivers-pool]');
      for (const [input, output] of [
        [text, expected],
        [crlf(text), crlf(expected)],
      ]) {
        const fixes = fixesAt(input, 'schema', input.indexOf('[riders, Drivers Pool]') + '[riders, '.length);
        assert.deepEqual(fixes.map((f) => f.title), ['Change the id to "drivers-pool" (kebab-case)']);
        assert.equal(applyEdits(input, fixes[0].edits), output);
      }
    });

    it('a non-kebab-case reference that names nothing: the closest id, never a kebab-case form that names nothing either', () => {
      const close = edit(BASE, 'segments: [riders]\nkey', 'segments: [Riders_2]\nkey');
      assert.deepEqual(titles(close, 'schema', 'Riders_2'), ['* Change "Riders_2" to "riders"']);
      expectFix(close, 'schema', 'Riders_2', 'Change "Riders_2" to "riders"', BASE);
      const far = edit(BASE, 'segments: [riders]\nkey', 'segments: [Zebra Crossing]\nkey');
      assert.deepEqual(titles(far, 'schema', 'Zebra Crossing'), []);
    });

    it('"make it a list" only when the item is valid in the list: an id that names a card, a value the items accept', () => {
      for (const value of ['Drivers Pool', 'ghost', '"riders, drivers"']) {
        assert.deepEqual(titles(edit(BASE, 'segments: [riders]\nkey', `segments: ${value}\nkey`), 'schema', value), [], value);
      }
      const objects = edit(BASE, '    name: Riders\n', '    name: Riders\n    segmentation: geographic\n');
      assert.deepEqual(titles(objects, 'schema', 'geographic'), []);
      const two = edit(BASE, 'segments: [riders]\nkey', 'segments: riders, drivers\nkey');
      expectFix(two, 'schema', 'riders, drivers', 'Make riders, drivers a list: [riders, drivers]', edit(BASE, 'segments: [riders]\nkey', 'segments: [riders, drivers]\nkey'));
    });

    it('"write as text" only when the text is valid there: id: 3.5 is no id either way', () => {
      assert.deepEqual(titles(edit(BASE, '  - id: fast\n', '  - id: 3.5\n'), 'schema', '3.5'), []);
    });

    it('an unknown reference is not changed to a close id that is itself not kebab-case', () => {
      const text = edit(edit(BASE, '  - id: riders   # the larger side\n', '  - id: Riders   # the larger side\n'), 'segments: [riders]\nkey', 'segments: [ridrs]\nkey');
      assert.deepEqual(titles(text, 'unknown-reference', 'ridrs'), ['* Create the customer segment "ridrs" in customer-segments', 'Remove "ridrs" from segments']);
    });

    it('a duplicate id that its own block\'s references name: they follow it', () => {
      // The segment "app" comes first; the channel "app" is the duplicate, and channels: [app] names it.
      const text = edit(BASE, '  - id: drivers\n', '  - id: app\n    name: App users\n  - id: drivers\n');
      const expected = text.replace('  - id: app\n    name: App\n', '  - id: app-2\n    name: App\n').replace('channels: [app]', 'channels: [app-2]');
      assert.deepEqual(validateCanvas(expected).diagnostics.filter((d) => d.severity === 'error'), []);
      for (const [input, output] of [
        [text, expected],
        [crlf(text), crlf(expected)],
      ]) {
        const fixes = fixesAt(input, 'duplicate-id', input.indexOf('- id: app', input.indexOf('channels:')) + '- id: '.length);
        assert.deepEqual(fixes.map((f) => f.title), ['Change the duplicate id to "app-2"']);
        assert.equal(applyEdits(input, fixes[0].edits), output);
      }
    });

    it('no fix edits inside an anchored node that an alias repeats (it would change the aliasing card too)', () => {
      const shared = edit(
        edit(BASE, 'segments: [riders, drivers]   # both sides', 'segments: &both [riders, ghost]   # both sides'),
        '    type: usage-fee\n    segments: [riders]\n',
        '    type: usage-fee\n    segments: *both\n',
      );
      // Creating the card is fine (every copy then names it); removing it from the anchored list is not offered.
      assert.deepEqual(titles(shared, 'unknown-reference', 'ghost'), ['* Create the customer segment "ghost" in customer-segments']);
      const type = edit(edit(BASE, 'type: self-service', 'type: &kind self-servce'), '    type: usage-fee\n', '    type: *kind\n');
      assert.deepEqual(titles(type, 'schema', 'self-servce'), []);
      // A kebab-case id is renamed with every reference, the aliased ones included: that is what a rename is.
      const renamed = edit(edit(shared, 'ghost]', 'drivers]'), '  - id: drivers\n', '  - id: Drivers\n').replace(/- drivers\n/g, '- Drivers\n');
      expectFix(renamed, 'schema', 'Drivers', 'Change the id to "drivers" (kebab-case)', edit(edit(shared, 'ghost]', 'drivers]'), '', ''));
    });

    it('no fix for a reference written once but read by aliases in fields of different blocks', () => {
      const text = edit(edit(BASE, 'segments: [riders, drivers]   # both sides', 'segments: &both [riders, ghost]   # both sides'), 'channels: [app]', 'channels: *both');
      for (const fixes of fixesOf(text, 'unknown-reference', 'ghost')) assert.deepEqual(fixes.map((f) => f.title), []);
    });
  });

  describe('codes without a fix, and robustness', () => {
    it('none for yaml-syntax and failed-segment-check', () => {
      assert.deepEqual(titles(edit(BASE, 'title: Rides', 'title: [Rides'), 'yaml-syntax'), []);
      assert.deepEqual(titles(edit(BASE, '    name: Drivers\n', '    name: Drivers\n    checks: { reachable: false }\n'), 'failed-segment-check'), []);
    });

    it('none when the diagnostic is for another text', () => {
      const text = edit(BASE, 'type: self-service', 'type: self-servce');
      const result = validateCanvas(text);
      assert.deepEqual(codeActions(text + '\n', result.diagnostics[0], result.parsed!, result.model!), []);
    });

    it('never throws on half-typed files, and every fix keeps well-formed YAML well-formed', () => {
      const dir = join(__dirname, '../../../examples');
      const examples = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
      let fixes = 0;
      for (const [full, step] of [[BASE, 1], [crlf(BASE), 1], ...examples.map((e) => [e, 23] as const)] as const) {
        const lines = full.split('\n');
        for (let n = 1; n <= lines.length; n += step) {
          for (const cut of [lines.slice(0, n).join('\n'), lines.slice(0, n).join('\n').slice(0, -3)]) {
            const result = validateCanvas(cut);
            const wellFormed = parseDocument(cut).errors.length === 0;
            for (const diagnostic of result.diagnostics) {
              for (const fix of codeActions(cut, diagnostic, result.parsed!, result.model!)) {
                const fixed = applyEdits(cut, fix.edits);
                if (wellFormed) assert.deepEqual(parseDocument(fixed).errors, [], `${fix.title} on\n${cut}`);
                fixes++;
              }
            }
          }
        }
      }
      assert.ok(fixes > 100, `${fixes} fixes applied`);
    });
  });
});
