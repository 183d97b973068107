/**
 * The minimal-edit engine (src/core/editing): each command on each form a canvas takes, with the
 * exact text it leaves (or the exact refusal). Block lists indented or not, 2 or 4 spaces, flow
 * lists and mappings, sticky notes, empty and missing blocks, comments, anchors and aliases, CRLF,
 * a BOM, a file without a final line break, names that need quoting.
 */
import * as assert from 'node:assert/strict';
import { addCard, applyEdits, deleteCard, EDITING_MESSAGES, moveCard, renameCard, setCardField, validateCanvas } from '../../src/core';
import type { EditResult, ValidationResult } from '../../src/core';
import { formatTemplate } from '../../src/core/messages';

const COMMANDS = { addCard, renameCard, moveCard, deleteCard, setCardField };
type Command = keyof typeof COMMANDS;

/** The text after the command, or `ERROR: ` and the refusal's English message. */
function run(text: string, command: Command, request: Record<string, unknown>): string {
  const result = (COMMANDS[command] as (t: string, r: ValidationResult, q: unknown) => EditResult)(text, validateCanvas(text), request);
  if ('error' in result) {
    assert.ok((Object.values(EDITING_MESSAGES) as string[]).includes(result.error), 'a template of EDITING_MESSAGES');
    return 'ERROR: ' + formatTemplate(result.error, result.args);
  }
  return applyEdits(text, result.edits);
}

const BASE = `canvas: business-model
title: T

customer-segments:
  # riders come first
  - id: riders
    name: Riders # who ride
  - id: drivers
    name: Drivers

value-propositions:
  - Fast pickup
  - Cheap rides
channels: [app, web]
`;
const FOUR = 'canvas: business-model\ncustomer-segments:\n    -   id: a\n        name: A\n    -   id: b\n        name: B\nchannels:\n';
const COMPACT = 'customer-segments:\n- id: a\n  name: A\nchannels: ~   # later\nkey-partnerships:\n  - name: P\n    description: |\n      line one\n        indented\n';
const FLOW = 'customer-segments: [{ id: a, name: A }, { id: b, name: B }]\nchannels: [web]\n';
const ANCHORS = 'customer-segments:\n  - &r id: riders\n    name: Riders\n    tags: &t [a]\n  - id: drivers\n    tags: *t\n  - *r\n';
const CRLF = 'canvas: lean\r\nproblem:\r\n  - Long waits\r\nsolution: []\r\n';
const BOM = '\uFEFFcanvas: lean\nproblem:\n- Long waits\n';
const NO_EOL = 'customer-segments:\n  - a\n  - b';
const PERSONA = 'customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n';
const SEG = 'customer-segments:\n  - id: r\n    name: R\n    segmentation:\n      - basis: geographic # where\n        criteria: [Seoul]\n      - basis: demographic\n    checks: { distinct: true }\n';
const CRLFP = 'canvas: business-model\r\ncustomer-segments:\r\n  - name: A\r\n    persona:\r\n      name: M\r\n';
const BOMP = '\uFEFFcustomer-segments:\n- name: A\n';
const FOURP = 'customer-segments:\n    -   name: A\n        status: hypothesis\n';
const CASES: [string, string, Command, Record<string, unknown>, string][] = [
  ['appends a mapping card after the last card', BASE, 'addCard', { block: 'customer-segments', name: 'Night owls' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n  - name: Night owls\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['inserts at index 0 above the first card and its comment', BASE, 'addCard', { block: 'customer-segments', name: 'Night: owls', index: 0 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  - name: \"Night: owls\"\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['adds a sticky note to a block of sticky notes, quoting yes', BASE, 'addCard', { block: 'value-propositions', name: 'yes', index: 1 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - \"yes\"\n  - Cheap rides\nchannels: [app, web]\n"],
  ['creates a missing block before the next block in canvas order', BASE, 'addCard', { block: 'key-partnerships', name: 'Insurers' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nkey-partnerships:\n  - name: Insurers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['creates a missing last block after the previous block in canvas order', BASE, 'addCard', { block: 'revenue-streams', name: 'Fees' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nrevenue-streams:\n  - name: Fees\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['appends to a flow list', BASE, 'addCard', { block: 'channels', name: 'Radio ads' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web, Radio ads]\n"],
  ['inserts into a flow list of mappings, quoting a leading dash', FLOW, 'addCard', { block: 'customer-segments', name: '- dash', index: 1 },
    "customer-segments: [{ id: a, name: A }, { name: \"- dash\" }, { id: b, name: B }]\nchannels: [web]\n"],
  ['keeps CRLF when appending', CRLF, 'addCard', { block: 'problem', name: 'No rides' },
    "canvas: lean\r\nproblem:\r\n  - Long waits\r\n  - No rides\r\nsolution: []\r\n"],
  ['turns block: [] into block lines (CRLF)', CRLF, 'addCard', { block: 'solution', name: 'Shuttle' },
    "canvas: lean\r\nproblem:\r\n  - Long waits\r\nsolution:\r\n  - name: Shuttle\r\n"],
  ['creates a missing block of a Lean canvas at the end (CRLF)', CRLF, 'addCard', { block: 'customer-segments', name: 'Parents' },
    "canvas: lean\r\nproblem:\r\n  - Long waits\r\nsolution: []\r\ncustomer-segments:\r\n  - name: Parents\r\n"],
  ['keeps the BOM and a list not indented under its key', BOM, 'addCard', { block: 'problem', name: 'x', index: 0 },
    "﻿canvas: lean\nproblem:\n- x\n- Long waits\n"],
  ['follows 4-space indentation and a wide dash offset', FOUR, 'addCard', { block: 'customer-segments', name: 'C', index: 1 },
    "canvas: business-model\ncustomer-segments:\n    -   id: a\n        name: A\n    -   name: C\n    -   id: b\n        name: B\nchannels:\n"],
  ['fills an empty block: with the file list style', FOUR, 'addCard', { block: 'channels', name: 'App' },
    "canvas: business-model\ncustomer-segments:\n    -   id: a\n        name: A\n    -   id: b\n        name: B\nchannels:\n    -   name: App\n"],
  ['fills block: ~ keeping its comment on the key line', COMPACT, 'addCard', { block: 'channels', name: 'App' },
    "customer-segments:\n- id: a\n  name: A\nchannels:   # later\n- name: App\nkey-partnerships:\n  - name: P\n    description: |\n      line one\n        indented\n"],
  ['appends to a file without a final line break', NO_EOL, 'addCard', { block: 'customer-segments', name: 'c' },
    "customer-segments:\n  - a\n  - b\n  - c"],
  ['creates a block before the next in canvas order in a file without a final line break', NO_EOL, 'addCard', { block: 'channels', name: 'c' },
    "channels:\n  - name: c\ncustomer-segments:\n  - a\n  - b"],
  ['keeps non-ASCII names verbatim', BASE, 'addCard', { block: 'value-propositions', name: '빠른 픽업 🚕' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\n  - 빠른 픽업 🚕\nchannels: [app, web]\n"],
  ['refuses an index past the end', 'customer-segments:\n  - a\n', 'addCard', { block: 'customer-segments', name: 'b', index: 2 },
    "ERROR: A card cannot go at position 2 of 'customer-segments' (it has 1)."],
  ['refuses a block of another kind', 'customer-segments:\n  - a\n', 'addCard', { block: 'problem', name: 'b' },
    "ERROR: 'problem' is not a block of a business-model canvas."],
  ['refuses an empty name', BASE, 'addCard', { block: 'channels', name: '  ' },
    "ERROR: A card needs a name."],
  ['refuses a file with YAML syntax errors', 'customer-segments:\n  - name: "open\n', 'addCard', { block: 'customer-segments', name: 'x' },
    "ERROR: The file has YAML syntax errors; fix them before editing the canvas this way."],
  ['refuses a block written as an alias', 'channels: &c [a]\ncustomer-segments: *c\n', 'addCard', { block: 'customer-segments', name: 'x' },
    "ERROR: The block 'customer-segments' is written as an alias ('*'); edit the list it repeats."],
  ['refuses a block that is not a list', 'customer-segments: riders\n', 'addCard', { block: 'customer-segments', name: 'x' },
    "ERROR: The block 'customer-segments' is not written as a list of cards."],
  ['refuses adding to a list an alias repeats', 'channels: &c [a]\nkey-resources: *c\n', 'addCard', { block: 'channels', name: 'x' },
    "ERROR: The block 'channels' is repeated elsewhere by an alias ('*'); a card added here would appear there too."],

  ['renames a name keeping the comment on its line, quoting #', BASE, 'renameCard', { block: 'customer-segments', index: 0, name: 'Commuters #1' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: \"Commuters #1\" # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['renames a sticky note to non-ASCII text', BASE, 'renameCard', { block: 'value-propositions', index: 1, name: '안전한 귀가' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - 안전한 귀가\nchannels: [app, web]\n"],
  ['renames in a flow mapping', FLOW, 'renameCard', { block: 'customer-segments', index: 1, name: "B's" },
    "customer-segments: [{ id: a, name: A }, { id: b, name: B's }]\nchannels: [web]\n"],
  ['keeps an anchor on the card', ANCHORS, 'renameCard', { block: 'customer-segments', index: 0, name: 'Commuters' },
    "customer-segments:\n  - &r id: riders\n    name: Commuters\n    tags: &t [a]\n  - id: drivers\n    tags: *t\n  - *r\n"],
  ['adds a missing name after the id', ANCHORS, 'renameCard', { block: 'customer-segments', index: 1, name: 'Drivers' },
    "customer-segments:\n  - &r id: riders\n    name: Riders\n    tags: &t [a]\n  - id: drivers\n    name: Drivers\n    tags: *t\n  - *r\n"],
  ['quotes a date', 'customer-segments:\n  - a\n', 'renameCard', { block: 'customer-segments', index: 0, name: '2024-05-01' },
    "customer-segments:\n  - \"2024-05-01\"\n"],
  ['quotes a leading *', 'customer-segments:\n  - a\n', 'renameCard', { block: 'customer-segments', index: 0, name: '*star' },
    "customer-segments:\n  - \"*star\"\n"],
  ['quotes a leading &', 'customer-segments:\n  - a\n', 'renameCard', { block: 'customer-segments', index: 0, name: '&anchor' },
    'customer-segments:\n  - "&anchor"\n'],
  ['quotes a leading !', 'customer-segments:\n  - a\n', 'renameCard', { block: 'customer-segments', index: 0, name: '!bang' },
    'customer-segments:\n  - "!bang"\n'],
  ["quotes a leading '", 'customer-segments:\n  - a\n', 'renameCard', { block: 'customer-segments', index: 0, name: "'tis" },
    'customer-segments:\n  - "\'tis"\n'],
  ['quotes a YAML 1.1 boolean (No)', 'customer-segments:\n  - name: a\n', 'renameCard', { block: 'customer-segments', index: 0, name: 'No' },
    'customer-segments:\n  - name: "No"\n'],
  ['quotes a number', 'customer-segments:\n  - a\n', 'renameCard', { block: 'customer-segments', index: 0, name: '42' },
    "customer-segments:\n  - \"42\"\n"],
  ['quotes ! & and "', 'customer-segments:\n  - a\n', 'renameCard', { block: 'customer-segments', index: 0, name: '!tag & "q"' },
    "customer-segments:\n  - \"!tag & \\\"q\\\"\"\n"],
  ['writes a multi-line name double-quoted (a single-quoted one would fold)', "customer-segments:\n  - 'a'\n", 'renameCard', { block: 'customer-segments', index: 0, name: 'two\nlines' },
    "customer-segments:\n  - \"two\\nlines\"\n"],
  ["keeps single quotes, doubling '", "customer-segments:\n  - 'a'\n", 'renameCard', { block: 'customer-segments', index: 0, name: "it's" },
    "customer-segments:\n  - 'it''s'\n"],
  ['replaces a block scalar name', 'customer-segments:\n  - name: |\n      Riders\n    id: r\n', 'renameCard', { block: 'customer-segments', index: 0, name: 'Commuters' },
    "customer-segments:\n  - name: Commuters\n    id: r\n"],
  ['refuses an alias card', ANCHORS, 'renameCard', { block: 'customer-segments', index: 2, name: 'x' },
    "ERROR: Card 2 of 'customer-segments' is an alias ('*') of another card; edit that card instead."],
  ['refuses an item that is no card', 'customer-segments:\n  - 42\n', 'renameCard', { block: 'customer-segments', index: 0, name: 'x' },
    "ERROR: Item 0 of 'customer-segments' is not a card."],

  ['deletes a card with the comment lines above it', BASE, 'deleteCard', { block: 'customer-segments', index: 0 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['deletes from a flow list', BASE, 'deleteCard', { block: 'channels', index: 1 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app]\n"],
  ['leaves block: [] after the last card (CRLF)', CRLF, 'deleteCard', { block: 'problem', index: 0 },
    "canvas: lean\r\nproblem: []\r\nsolution: []\r\n"],
  ['leaves block: [] keeping the comment on the key line', 'customer-segments: # who\n  - a   # only\nchannels: []\n', 'deleteCard', { block: 'customer-segments', index: 0 },
    "customer-segments: [] # who\nchannels: []\n"],
  ['leaves [] in a flow list', FLOW, 'deleteCard', { block: 'channels', index: 0 },
    "customer-segments: [{ id: a, name: A }, { id: b, name: B }]\nchannels: []\n"],
  ['deletes the last line of a file without a final line break', NO_EOL, 'deleteCard', { block: 'customer-segments', index: 1 },
    "customer-segments:\n  - a"],
  ['deletes a card whose field aliases another', ANCHORS, 'deleteCard', { block: 'customer-segments', index: 1 },
    "customer-segments:\n  - &r id: riders\n    name: Riders\n    tags: &t [a]\n  - *r\n"],
  ['refuses a card another card aliases', ANCHORS, 'deleteCard', { block: 'customer-segments', index: 0 },
    "ERROR: Card 0 of 'customer-segments' holds an anchor ('&') that an alias repeats elsewhere; this edit would change or break the copy."],
  ['refuses an alias card', ANCHORS, 'deleteCard', { block: 'customer-segments', index: 2 },
    "ERROR: Card 2 of 'customer-segments' is an alias ('*') of another card; edit that card instead."],
  ['refuses an index out of range', 'customer-segments:\n  - a\n', 'deleteCard', { block: 'customer-segments', index: 1 },
    "ERROR: There is no card 1 in 'customer-segments' (it has 1)."],

  ['moves down within a block, with its comment', BASE, 'moveCard', { block: 'customer-segments', index: 0, toBlock: 'customer-segments', toIndex: 1 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  - id: drivers\n    name: Drivers\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['moves to another block, the first place', BASE, 'moveCard', { block: 'customer-segments', index: 1, toBlock: 'value-propositions', toIndex: 0 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n\nvalue-propositions:\n  - id: drivers\n    name: Drivers\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['moves a sticky note into a flow list', BASE, 'moveCard', { block: 'value-propositions', index: 1, toBlock: 'channels', toIndex: 0 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\nchannels: [Cheap rides, app, web]\n"],
  ['moves out of a flow list', BASE, 'moveCard', { block: 'channels', index: 1, toBlock: 'value-propositions', toIndex: 2 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\n  - web\nchannels: [app]\n"],
  ['refuses a multi-line card into a flow list', BASE, 'moveCard', { block: 'customer-segments', index: 0, toBlock: 'channels', toIndex: 0 },
    "ERROR: 'channels' is written as a flow list ('[...]'); a card written over several lines cannot go into it."],
  ['re-indents to a list not indented under its key, block scalar kept', COMPACT, 'moveCard', { block: 'key-partnerships', index: 0, toBlock: 'customer-segments', toIndex: 1 },
    "customer-segments:\n- id: a\n  name: A\n- name: P\n  description: |\n    line one\n      indented\nchannels: ~   # later\nkey-partnerships: []\n"],
  ['re-indents to an indented list, leaving block: []', COMPACT, 'moveCard', { block: 'customer-segments', index: 0, toBlock: 'key-partnerships', toIndex: 0 },
    "customer-segments: []\nchannels: ~   # later\nkey-partnerships:\n  - id: a\n    name: A\n  - name: P\n    description: |\n      line one\n        indented\n"],
  ['moves into an empty block: (4 spaces)', FOUR, 'moveCard', { block: 'customer-segments', index: 1, toBlock: 'channels', toIndex: 0 },
    "canvas: business-model\ncustomer-segments:\n    -   id: a\n        name: A\nchannels:\n    -   id: b\n        name: B\n"],
  ['reorders a flow list', FLOW, 'moveCard', { block: 'customer-segments', index: 0, toBlock: 'customer-segments', toIndex: 1 },
    "customer-segments: [{ id: b, name: B }, { id: a, name: A }]\nchannels: [web]\n"],
  ['moves between flow lists', FLOW, 'moveCard', { block: 'customer-segments', index: 1, toBlock: 'channels', toIndex: 1 },
    "customer-segments: [{ id: a, name: A }]\nchannels: [web, { id: b, name: B }]\n"],
  ['moves up in a file without a final line break', NO_EOL, 'moveCard', { block: 'customer-segments', index: 1, toBlock: 'customer-segments', toIndex: 0 },
    "customer-segments:\n  - b\n  - a"],
  ['moves to a block it creates', 'customer-segments:\n  - a', 'moveCard', { block: 'customer-segments', index: 0, toBlock: 'revenue-streams', toIndex: 0 },
    "customer-segments: []\nrevenue-streams:\n  - a"],
  ['moves an anchored card no alias repeats', 'customer-segments:\n  - &c\n    id: riders\n    name: Riders\n  - Other\n', 'moveCard', { block: 'customer-segments', index: 0, toBlock: 'customer-segments', toIndex: 1 },
    "customer-segments:\n  - Other\n  - &c\n    id: riders\n    name: Riders\n"],
  ['to its own place: no edit', BASE, 'moveCard', { block: 'customer-segments', index: 1, toBlock: 'customer-segments', toIndex: 1 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['refuses a card holding an alias', ANCHORS, 'moveCard', { block: 'customer-segments', index: 1, toBlock: 'channels', toIndex: 0 },
    "ERROR: Card 1 of 'customer-segments' holds an alias ('*'); moving it could put it before its anchor."],
  ['refuses a card another card aliases', ANCHORS, 'moveCard', { block: 'customer-segments', index: 0, toBlock: 'customer-segments', toIndex: 1 },
    "ERROR: Card 0 of 'customer-segments' holds an anchor ('&') that an alias repeats elsewhere; this edit would change or break the copy."],
  ['refuses a target index out of range', BASE, 'moveCard', { block: 'customer-segments', index: 0, toBlock: 'customer-segments', toIndex: 2 },
    "ERROR: A card cannot go at position 2 of 'customer-segments' (it has 1)."],

  ['adds a field after the last one', BASE, 'setCardField', { block: 'customer-segments', index: 0, field: 'status', value: 'validated' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n    status: validated\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['writes an integer', BASE, 'setCardField', { block: 'customer-segments', index: 0, field: 'priority', value: 2 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n    priority: 2\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['removes the first field: the next key moves onto the dash line', BASE, 'setCardField', { block: 'customer-segments', index: 0, field: 'id', value: null },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['turns a sticky note into a mapping to hold a reference list', BASE, 'setCardField', { block: 'value-propositions', index: 0, field: 'segments', value: ['riders', 'drivers'] },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - name: Fast pickup\n    segments: [riders, drivers]\n  - Cheap rides\nchannels: [app, web]\n"],
  ['replaces a value keeping the comment after it', 'customer-segments:\n  - name: A\n    status: hypothesis # ask them\n', 'setCardField', { block: 'customer-segments', index: 0, field: 'status', value: 'validated' },
    "customer-segments:\n  - name: A\n    status: validated # ask them\n"],
  ['writes a tag list', 'channels:\n  - name: A\n', 'setCardField', { block: 'channels', index: 0, field: 'tags', value: ['x'] },
    "channels:\n  - name: A\n    tags: [x]\n"],
  ['writes a number where the field takes a string or a number', BASE, 'setCardField', { block: 'customer-segments', index: 1, field: 'size', value: 120000 },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n    size: 120000\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['refuses a boolean where no card field takes one', BASE, 'setCardField', { block: 'customer-segments', index: 1, field: 'size', value: true },
    "ERROR: The value does not fit the field 'size' (expected string | number)."],
  ['replaces a block list by block lines', 'value-propositions:\n  - name: A\n    segments:\n      - a\n      - b # second\n    status: validated\n', 'setCardField', { block: 'value-propositions', index: 0, field: 'segments', value: ['c', 'd'] },
    "value-propositions:\n  - name: A\n    segments:\n      - c\n      - d # second\n    status: validated\n"],
  ['replaces a block list by [] when emptied', 'value-propositions:\n  - name: A\n    segments: # refs\n      - a\n    status: validated\n', 'setCardField', { block: 'value-propositions', index: 0, field: 'segments', value: [] },
    "value-propositions:\n  - name: A\n    segments: [] # refs\n    status: validated\n"],
  ['fills an empty value', 'value-propositions:\n  - name: A\n    status:\n', 'setCardField', { block: 'value-propositions', index: 0, field: 'status', value: 'hypothesis' },
    "value-propositions:\n  - name: A\n    status: hypothesis\n"],
  ['writes a list with 4-space indentation', FOUR, 'setCardField', { block: 'customer-segments', index: 0, field: 'tags', value: ['x', 'y z'] },
    "canvas: business-model\ncustomer-segments:\n    -   id: a\n        name: A\n        tags: [x, y z]\n    -   id: b\n        name: B\nchannels:\n"],
  ['removes a block scalar field', COMPACT, 'setCardField', { block: 'key-partnerships', index: 0, field: 'description', value: null },
    "customer-segments:\n- id: a\n  name: A\nchannels: ~   # later\nkey-partnerships:\n  - name: P\n"],
  ['writes a multi-line description double-quoted', COMPACT, 'setCardField', { block: 'key-partnerships', index: 0, field: 'description', value: 'one\ntwo' },
    "customer-segments:\n- id: a\n  name: A\nchannels: ~   # later\nkey-partnerships:\n  - name: P\n    description: \"one\\ntwo\"\n"],
  ['adds to a flow mapping', FLOW, 'setCardField', { block: 'customer-segments', index: 0, field: 'status', value: 'hypothesis' },
    "customer-segments: [{ id: a, name: A, status: hypothesis }, { id: b, name: B }]\nchannels: [web]\n"],
  ['removes the first entry of a flow mapping', FLOW, 'setCardField', { block: 'customer-segments', index: 0, field: 'id', value: null },
    "customer-segments: [{ name: A }, { id: b, name: B }]\nchannels: [web]\n"],
  ['removes the last entry of a flow mapping', 'customer-segments: [{ name: A, status: hypothesis }]\n', 'setCardField', { block: 'customer-segments', index: 0, field: 'status', value: null },
    "customer-segments: [{ name: A }]\n"],
  ['sets the name of a sticky note without making it a mapping', BASE, 'setCardField', { block: 'value-propositions', index: 1, field: 'name', value: 'Safe rides' },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Safe rides\nchannels: [app, web]\n"],
  ['removing an absent field: no edit', BASE, 'setCardField', { block: 'customer-segments', index: 0, field: 'status', value: null },
    "canvas: business-model\ntitle: T\n\ncustomer-segments:\n  # riders come first\n  - id: riders\n    name: Riders # who ride\n  - id: drivers\n    name: Drivers\n\nvalue-propositions:\n  - Fast pickup\n  - Cheap rides\nchannels: [app, web]\n"],
  ['keeps CRLF when adding a field', CRLF, 'setCardField', { block: 'problem', index: 0, field: 'status', value: 'hypothesis' },
    "canvas: lean\r\nproblem:\r\n  - name: Long waits\r\n    status: hypothesis\r\nsolution: []\r\n"],
  ['sets a value-proposition field from its kind', 'canvas: value-proposition\npains:\n  - id: p\n    name: P\n', 'setCardField', { block: 'pains', index: 0, field: 'severity', value: 'high' },
    "canvas: value-proposition\npains:\n  - id: p\n    name: P\n    severity: high\n"],
  ['refuses a value outside the enumeration', BASE, 'setCardField', { block: 'value-propositions', index: 0, field: 'status', value: 'maybe' },
    "ERROR: The value does not fit the field 'status' (expected hypothesis | validated | invalidated)."],
  ['refuses a string for an integer', BASE, 'setCardField', { block: 'customer-segments', index: 0, field: 'priority', value: 'high' },
    "ERROR: The value does not fit the field 'priority' (expected integer)."],
  ['refuses an id that is not kebab-case in a reference list', BASE, 'setCardField', { block: 'value-propositions', index: 0, field: 'segments', value: ['Riders'] },
    "ERROR: The value does not fit the field 'segments' (expected [string])."],
  ['refuses an unknown field', BASE, 'setCardField', { block: 'value-propositions', index: 0, field: 'colour', value: 'x' },
    "ERROR: 'colour' is not a field of a card in 'value-propositions'."],
  ['refuses a field of another block', BASE, 'setCardField', { block: 'value-propositions', index: 0, field: 'color', value: '#fff' },
    "ERROR: 'color' is not a field of a card in 'value-propositions'."],
  ['refuses removing a required field', 'customer-segments:\n  - name: A\n', 'setCardField', { block: 'customer-segments', index: 0, field: 'name', value: null },
    "ERROR: 'name' is required on a card in 'customer-segments'; it can be changed but not removed."],
  ['refuses removing the only field', 'customer-segments:\n  - { status: validated }\n', 'setCardField', { block: 'customer-segments', index: 0, field: 'status', value: null },
    "ERROR: 'status' is the card's only field; delete the card instead."],
  ['refuses a field whose value an alias repeats', ANCHORS, 'setCardField', { block: 'customer-segments', index: 0, field: 'tags', value: ['b'] },
    "ERROR: Card 0 of 'customer-segments' holds an anchor ('&') that an alias repeats elsewhere; this edit would change or break the copy."],
  // Object fields (persona, checks, segmentation): a dotted path edits one key or entry; a whole value is checked against the schema.
  ['sets one key of an object: only its scalar changes, the comments stay', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.name', value: 'Ji-woo' },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Ji-woo # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['replaces a block list inside an object by block lines', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.goals', value: ['a', 'b'] },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - a\n        - b\n      pains: [rain]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['removes one key of an object', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.pains', value: null },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['adds a key after the last key of an object, a multi-line text double-quoted', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.description', value: 'line\ntwo' },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n      description: \"line\\ntwo\"\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['creates the object under a card that lacks it, at the card keys column', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'checks.distinct', value: true },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n    checks:\n      distinct: true\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['turns a sticky note into a mapping holding a new object', PERSONA, 'setCardField', { block: 'customer-segments', index: 1, field: 'persona.name', value: 'Ji-woo' },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n  - name: Drivers\n    persona:\n      name: Ji-woo\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['edits inside a flow mapping in place', PERSONA, 'setCardField', { block: 'customer-segments', index: 2, field: 'persona.goals', value: ['z'] },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [z] } }\n"],
  ['adds to a flow mapping in place', PERSONA, 'setCardField', { block: 'customer-segments', index: 2, field: 'persona.description', value: 'D' },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a], description: D } }\n"],
  ['removes from a flow mapping in place', PERSONA, 'setCardField', { block: 'customer-segments', index: 2, field: 'persona.name', value: null },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { goals: [a] } }\n"],
  ['replaces a flow object whole in flow style', PERSONA, 'setCardField', { block: 'customer-segments', index: 2, field: 'persona', value: { name: 'Kim', pains: ['cost'] } },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: Kim, pains: [cost] } }\n"],
  ['replaces a block object whole by block lines', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona', value: { name: 'Kim', goals: ['g'] } },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Kim\n      goals: [g]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['removing the last key of an object removes the object', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'checks.distinct', value: null },
    "customer-segments:\n  - id: r\n    name: R\n    segmentation:\n      - basis: geographic # where\n        criteria: [Seoul]\n      - basis: demographic\n"],
  ['adds a key to a flow object', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'checks.reachable', value: false },
    "customer-segments:\n  - id: r\n    name: R\n    segmentation:\n      - basis: geographic # where\n        criteria: [Seoul]\n      - basis: demographic\n    checks: { distinct: true, reachable: false }\n"],
  ['writes a list of objects as block lines', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation', value: [{ basis: 'geographic', criteria: ['Seoul', 'Busan'] }, { basis: 'demographic' }] },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n    segmentation:\n      - basis: geographic\n        criteria: [Seoul, Busan]\n      - basis: demographic\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['sets a key of a list entry', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation.1.criteria', value: ['20s'] },
    "customer-segments:\n  - id: r\n    name: R\n    segmentation:\n      - basis: geographic # where\n        criteria: [Seoul]\n      - basis: demographic\n        criteria: [20s]\n    checks: { distinct: true }\n"],
  ['appends an entry at the index after the last', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation.2', value: { basis: 'behavioral' } },
    "customer-segments:\n  - id: r\n    name: R\n    segmentation:\n      - basis: geographic # where\n        criteria: [Seoul]\n      - basis: demographic\n      - basis: behavioral\n    checks: { distinct: true }\n"],
  ['removes an entry with its comment', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation.0', value: null },
    "customer-segments:\n  - id: r\n    name: R\n    segmentation:\n      - basis: demographic\n    checks: { distinct: true }\n"],
  ['replaces an entry whole', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation.0', value: { basis: 'psychographic', criteria: ['a'] } },
    "customer-segments:\n  - id: r\n    name: R\n    segmentation:\n      - basis: psychographic\n        criteria: [a]\n      - basis: demographic\n    checks: { distinct: true }\n"],
  ['creates a list around its first entry', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation.0.basis', value: 'value' },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n    segmentation:\n      - basis: value\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
  ['keeps CRLF in an object key', CRLFP, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.goals', value: ['a'] },
    "canvas: business-model\r\ncustomer-segments:\r\n  - name: A\r\n    persona:\r\n      name: M\r\n      goals: [a]\r\n"],
  ['keeps CRLF when creating an object', CRLFP, 'setCardField', { block: 'customer-segments', index: 0, field: 'checks', value: { distinct: true, aligned: false } },
    "canvas: business-model\r\ncustomer-segments:\r\n  - name: A\r\n    persona:\r\n      name: M\r\n    checks:\r\n      distinct: true\r\n      aligned: false\r\n"],
  ['keeps a BOM and a list not indented under its key', BOMP, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation', value: [{ basis: 'geographic' }] },
    "﻿customer-segments:\n- name: A\n  segmentation:\n  - basis: geographic\n"],
  ['follows 4-space indentation', FOURP, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.name', value: 'M' },
    "customer-segments:\n    -   name: A\n        status: hypothesis\n        persona:\n            name: M\n"],
  ['keeps a comment on the key line when a scalar becomes an object', "customer-segments:\n  - name: A\n    persona: Min-ji # draft\n", 'setCardField', { block: 'customer-segments', index: 0, field: 'persona', value: { name: 'Min-ji' } },
    "customer-segments:\n  - name: A\n    persona: # draft\n      name: Min-ji\n"],
  ['fills an empty key with block lines', "customer-segments:\n  - name: A\n    checks: # later\n    status: hypothesis\n", 'setCardField', { block: 'customer-segments', index: 0, field: 'checks', value: { distinct: true } },
    "customer-segments:\n  - name: A\n    checks: # later\n      distinct: true\n    status: hypothesis\n"],
  ['refuses a value outside an enumeration inside an entry', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation', value: [{ basis: 'nope' }] },
    "ERROR: The value does not fit the field 'segmentation.0.basis' (expected geographic | demographic | psychographic | behavioral | persona | predictive | value | firmographic | generational | lifestage | seasonal)."],
  ['refuses an entry without its required key', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation', value: [{ criteria: ['a'] }] },
    "ERROR: The value of 'segmentation.0' needs 'basis'."],
  ['refuses a key the object lacks', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.nmae', value: 'x' },
    "ERROR: 'persona' has no key 'nmae' (it takes name, description, goals, motivations, pains, barriers)."],
  ['refuses a key the whole object value lacks', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona', value: { name: 'x', age: '29' } },
    "ERROR: 'persona' has no key 'age' (it takes name, description, goals, motivations, pains, barriers)."],
  ['refuses a path into a field that holds no keys', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'status.x', value: 'y' },
    "ERROR: 'status' holds no keys or entries; 'x' cannot be set inside it."],
  ['refuses a wrong type inside an object', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'checks.distinct', value: 'yes' },
    "ERROR: The value does not fit the field 'checks.distinct' (expected boolean)."],
  ['refuses an object for a field that takes a list of objects', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation', value: { basis: 'value' } },
    "ERROR: The value does not fit the field 'segmentation' (expected [{ basis, criteria?, description? }])."],
  ['refuses an object for a text field', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'status', value: { a: 'b' } },
    "ERROR: The value does not fit the field 'status' (expected hypothesis | validated | invalidated)."],
  ['refuses a segment that is no index', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation.first', value: { basis: 'value' } },
    "ERROR: 'segmentation' is a list; 'first' is not the index of one of its entries (0, 1, …)."],
  ['refuses an index past the entry after the last', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation.3', value: { basis: 'value' } },
    "ERROR: There is no entry 3 in 'segmentation' (it has 2)."],
  ['refuses removing a required key', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation.0.basis', value: null },
    "ERROR: 'basis' is required in 'segmentation.0'; it can be changed but not removed."],
  ['refuses a path into an object written as text', "customer-segments:\n  - name: A\n    persona: Min-ji\n", 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.name', value: 'M' },
    "ERROR: 'persona' is not written as a mapping or a list of entries; set it whole, or edit it in the text."],
  ['refuses a path into an aliased object', "customer-segments:\n  - name: A\n    persona: &p { name: M }\n  - name: B\n    persona: *p\n", 'setCardField', { block: 'customer-segments', index: 1, field: 'persona.name', value: 'N' },
    "ERROR: 'persona' is not written as a mapping or a list of entries; set it whole, or edit it in the text."],
  ['refuses an edit inside an object an alias repeats', "customer-segments:\n  - name: A\n    persona: &p { name: M }\n  - name: B\n    persona: *p\n", 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.name', value: 'N' },
    "ERROR: Card 0 of 'customer-segments' holds an anchor ('&') that an alias repeats elsewhere; this edit would change or break the copy."],
  ['refuses the last key of the card only field', "customer-segments:\n  - { checks: { distinct: true } }\n", 'setCardField', { block: 'customer-segments', index: 0, field: 'checks.distinct', value: null },
    "ERROR: 'checks' is the card's only field; delete the card instead."],
  ['replaces a list of entries whole, as block lines at its indentation', SEG, 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation', value: [{ basis: 'value' }] },
    "customer-segments:\n  - id: r\n    name: R\n    segmentation:\n      - basis: value\n    checks: { distinct: true }\n"],
  ['replaces a list of entries whole, keeping a comment after its key', 'customer-segments:\n  - name: A\n    segmentation: # bases\n      - basis: geographic\n', 'setCardField', { block: 'customer-segments', index: 0, field: 'segmentation', value: [{ basis: 'value', criteria: ['a b'] }] },
    "customer-segments:\n  - name: A\n    segmentation: # bases\n      - basis: value\n        criteria: [a b]\n"],
  ['a sticky note in a flow list becomes a flow mapping holding a flow object', 'customer-segments: [Night owls, Early birds]\n', 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.name', value: 'Owl' },
    "customer-segments: [{ name: Night owls, persona: { name: Owl } }, Early birds]\n"],
  ['refuses a null inside an object value, naming what the field takes', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona', value: { name: null } },
    "ERROR: The value does not fit the field 'persona' (expected { name?, description?, goals?, motivations?, pains?, barriers? })."],
  ['refuses no value at a dotted path, naming what the key takes', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'checks.distinct', value: undefined },
    "ERROR: The value does not fit the field 'checks.distinct' (expected boolean)."],
  ['removing a key not written: no edit', PERSONA, 'setCardField', { block: 'customer-segments', index: 0, field: 'persona.barriers', value: null },
    "customer-segments:\n  - id: riders\n    name: Riders\n    persona:\n      name: Min-ji # who\n      # goals first\n      goals:\n        - get to work\n      pains: [rain]\n    status: hypothesis\n  - Drivers\n  - { id: f, name: F, persona: { name: x, goals: [a] } }\n"],
];

describe('editing engine: exact results', () => {
  for (const command of Object.keys(COMMANDS) as Command[]) {
    describe(command, () => {
      for (const [title, text, name, request, expected] of CASES.filter((c) => c[2] === command)) {
        it(title, () => assert.equal(run(text, name, request), expected));
      }
    });
  }

  it('a refusal is a template and its arguments, for the host to localize', () => {
    const text = 'customer-segments:\n  - a\n';
    assert.deepEqual(deleteCard(text, validateCanvas(text), { block: 'customer-segments', index: 3 }), {
      error: EDITING_MESSAGES.indexOutOfRange,
      args: ['3', 'customer-segments', '1'],
    });
  });

  it('moving a card to its own place and removing an absent field give no edit at all', () => {
    const text = 'customer-segments:\n  - a\n  - name: b\n';
    const result = validateCanvas(text);
    assert.deepEqual(moveCard(text, result, { block: 'customer-segments', index: 0, toBlock: 'customer-segments', toIndex: 0 }), { edits: [] });
    assert.deepEqual(setCardField(text, result, { block: 'customer-segments', index: 1, field: 'status', value: null }), { edits: [] });
  });
});
