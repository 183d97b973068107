import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCanvas } from '../../src/core';
import { complete, CompletionItem } from '../../src/core/completion';
import { hover } from '../../src/core/hover';

/** The text without its cursor marker `|`, and the marker's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset !== -1 && marked.indexOf('|', offset + 1) === -1, 'one cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Completes at the marker with the parse and model validateCanvas made, as the extension does. */
function completeAt(marked: string): { items: CompletionItem[]; text: string; offset: number } {
  const { text, offset } = cursor(marked);
  const { parsed, model } = validateCanvas(text);
  return { items: complete(text, offset, parsed, model), text, offset };
}

const labels = (marked: string) => completeAt(marked).items.map((i) => i.label);

/** Every item replaces the same range: its text, and its start relative to the cursor. */
function replaced(marked: string): { text: string; from: number } {
  const { items, text, offset } = completeAt(marked);
  assert.ok(items.length > 0, 'some items');
  const { start, end } = items[0].range;
  for (const item of items) assert.deepEqual(item.range, { start, end });
  return { text: text.slice(start, end), from: start - offset };
}

function item(marked: string, label: string): CompletionItem {
  const found = completeAt(marked).items.find((i) => i.label === label);
  assert.ok(found, `item ${label}`);
  return found;
}

const TOP_KEYS = ['canvas', 'title', 'description', 'version'];
/** An empty file offers a starter canvas of each kind. */
const NEW_CANVASES = ['New Business Model Canvas', 'New Lean Canvas', 'New Value Proposition Canvas'];
const BLOCK_KEYS = [
  'key-partnerships',
  'key-activities',
  'key-resources',
  'value-propositions',
  'customer-relationships',
  'channels',
  'customer-segments',
  'cost-structure',
  'revenue-streams',
];
const SEGMENT_FIELDS = ['id', 'name', 'description', 'type', 'linked', 'segmentation', 'persona', 'size', 'growth', 'priority', 'checks', 'color', 'tags', 'status', 'notes'];
const SEGMENT_TYPES = ['mass-market', 'niche-market', 'segmented', 'behavioral', 'diversified', 'high-net-worth', 'multi-sided-platform'];

/** A canvas with ids in three blocks, to complete references against. */
const CANVAS = `canvas: business-model
title: Ride-hailing
customer-segments:
  - id: riders
    name: Urban riders
    type: multi-sided-platform
    linked: [drivers]
  - id: drivers
    name: Licensed drivers
  - id: tourists
    name: Tourists
value-propositions:
  - id: fast-pickup
    name: Pickup in under 5 minutes
    segments: [riders]
channels:
  - id: app
    name: Mobile app
    segments: [riders, drivers]
`;

function withCursor(text: string, before: string, after = ''): string {
  const at = text.indexOf(before + after);
  assert.ok(at !== -1, `fixture text "${before}${after}" present`);
  return text.slice(0, at + before.length) + '|' + text.slice(at + before.length);
}

describe('completion', () => {
  it('reads a lone carriage return as a line break, as editors do: no item spans one', () => {
    const text = 'canvas: business-model\rtitle: T\r';
    const { parsed, model } = validateCanvas(text);
    for (let offset = 0; offset <= text.length; offset++) {
      for (const item of complete(text, offset, parsed, model)) {
        assert.ok(!text.slice(item.range.start, item.range.end).includes('\r'), `item ${item.label} at ${offset} spans a line break`);
      }
    }
  });

  it('returns on texts whose first line is empty, at the start (it once looped forever there)', () => {
    for (const text of ['\n%', '\n\n%', '\n#c\n%', '\n']) {
      for (let offset = 0; offset <= text.length; offset++) {
        const { parsed, model } = validateCanvas(text);
        assert.ok(Array.isArray(complete(text, offset, parsed, model)), `completion at ${offset} of ${JSON.stringify(text)}`);
      }
    }
  });

  describe('an empty file', () => {
    it('offers a whole canvas first, then the top-level keys and blocks in canvas order', () => {
      assert.deepEqual(labels('|'), [...NEW_CANVASES, ...TOP_KEYS, ...BLOCK_KEYS]);
      assert.deepEqual(replaced('|'), { text: '', from: 0 });
    });

    it('the canvas snippet: the starter canvas, its title, description, card names and ids as placeholders (an id and its references mirrored)', () => {
      const snippet = item('|', 'New Business Model Canvas');
      assert.equal(snippet.kind, 'snippet');
      assert.equal(snippet.isSnippet, true);
      assert.equal(snippet.filterText, 'canvas');
      assert.equal(snippet.detail, 'canvas: business-model');
      assert.equal(
        snippet.insertText,
        '# Business Model Canvas (business-model)\n' +
          '# Replace the example cards with your own. A card is a plain string or a mapping with at least\n' +
          '# `name`; give a card an `id` to refer to it. Cards on the right side name the customer\n' +
          '# segments they serve in `segments`, so every segment is served and looked after.\n' +
          'canvas: business-model\n' +
          'title: ${1:My business model}\n' +
          'description: ${2:One paragraph about the business or the idea this canvas explores.}\n' +
          'version: 1\n' +
          '\n' +
          '# Who are our key partners and suppliers, and which resources and activities do we get from them?\n' +
          'key-partnerships:\n' +
          '  - name: ${3:A partner or supplier we rely on}\n' +
          '\n' +
          '# What key activities do our value propositions, channels, customer relationships and revenue streams require?\n' +
          'key-activities:\n' +
          '  - name: ${4:The most important thing we do}\n' +
          '    value-propositions: [${5:main-offer}]\n' +
          '\n' +
          '# What key resources do our value propositions, channels, customer relationships and revenue streams require?\n' +
          'key-resources:\n' +
          '  - name: ${6:The asset we cannot do without}\n' +
          '    value-propositions: [${5:main-offer}]\n' +
          '\n' +
          '# What value do we deliver to our customers, and which of their problems are we helping to solve?\n' +
          'value-propositions:\n' +
          '  - id: ${5:main-offer}\n' +
          '    name: ${7:The problem we solve for them}\n' +
          '    segments: [${8:first-customers}]\n' +
          '\n' +
          '# What type of relationship does each of our customer segments expect us to establish and maintain with them?\n' +
          'customer-relationships:\n' +
          '  - name: ${9:How we win and keep them}\n' +
          '    segments: [${8:first-customers}]\n' +
          '\n' +
          '# Through which channels do our customer segments want to be reached?\n' +
          'channels:\n' +
          '  - name: ${10:How we reach them}\n' +
          '    segments: [${8:first-customers}]\n' +
          '\n' +
          '# For whom are we creating value, and who are our most important customers?\n' +
          'customer-segments:\n' +
          '  - id: ${8:first-customers}\n' +
          '    name: ${11:The customers we serve first}\n' +
          '\n' +
          '# What are the most important costs in our business model, and which resources and activities are the most expensive?\n' +
          'cost-structure:\n' +
          '  - name: ${12:Our largest cost}\n' +
          '\n' +
          '# For what value are our customers really willing to pay, and how would they prefer to pay?\n' +
          'revenue-streams:\n' +
          '  - name: ${13:What they pay us for}\n' +
          '    segments: [${8:first-customers}]\n' +
          '    value-propositions: [${5:main-offer}]\n',
      );
    });

    it('the snippet, inserted as it is, is a canvas with no problem at all; filled in, it has no error', () => {
      const insert = item('|', 'New Business Model Canvas').insertText;
      assert.deepEqual(validateCanvas(insert.replace(/\$\{\d+:([^}]*)\}/g, '$1')).diagnostics, []);
      const filled = insert.replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, value: string) => (/^[a-z-]+$/.test(value) ? `id-${n}` : `Card ${n}`));
      assert.deepEqual(
        validateCanvas(filled).diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
    });

    it('a file with only a modeline and comments counts as empty', () => {
      assert.deepEqual(labels('# yaml-language-server: $schema=../schemas/canvas.schema.json\n# draft\n|'), [
        ...NEW_CANVASES,
        ...TOP_KEYS,
        ...BLOCK_KEYS,
      ]);
    });

    it('a first word being typed replaces that word', () => {
      assert.deepEqual(labels('ca|'), [...NEW_CANVASES, ...TOP_KEYS, ...BLOCK_KEYS]);
      assert.deepEqual(replaced('ca|'), { text: 'ca', from: -2 });
    });
  });

  describe('top level', () => {
    it('offers only the keys and blocks not yet written, with their title and documentation', () => {
      assert.deepEqual(labels(CANVAS + '|'), ['description', 'version', ...BLOCK_KEYS.filter((k) => !['value-propositions', 'channels', 'customer-segments'].includes(k))]);
      const block = item(CANVAS + '|', 'key-partnerships');
      assert.equal(block.kind, 'block');
      assert.equal(block.detail, 'Key Partnerships');
      assert.equal(block.insertText, 'key-partnerships:\n  - ');
      assert.equal(
        block.documentation,
        'The network of suppliers and partners that make the business model work. *How* is the value produced?\n\n' +
          'Question: **how** · Position: left column, full height\n\n' +
          '*Who are our key partners and suppliers, and which resources and activities do we get from them?*',
      );
      const version = item(CANVAS + '|', 'version');
      assert.deepEqual([version.kind, version.detail, version.insertText], ['field', 'Format version', 'version: 1']);
      assert.equal(item(CANVAS + '|', 'description').insertText, 'description: ');
    });

    it('on an empty line between two blocks, at column 0', () => {
      const marked = CANVAS.replace('    name: Tourists\n', '    name: Tourists\n|\n');
      assert.deepEqual(labels(marked), ['description', 'version', 'key-partnerships', 'key-activities', 'key-resources', 'customer-relationships', 'cost-structure', 'revenue-streams']);
    });

    it('a partly typed key: the range covers the typed prefix (the file is broken there)', () => {
      const marked = 'canvas: business-model\ntitle: T\nchannels:\n  - App\nrev|';
      assert.deepEqual(labels(marked), ['description', 'version', ...BLOCK_KEYS.filter((k) => k !== 'channels')]);
      assert.deepEqual(replaced(marked), { text: 'rev', from: -3 });
    });

    it('the cursor inside a written key: the whole key is replaced by the key alone', () => {
      const marked = 'canvas: business-model\ncust|omer-segments:\n  - Riders\n';
      assert.deepEqual(replaced(marked), { text: 'customer-segments', from: -4 });
      assert.equal(item(marked, 'customer-segments').insertText, 'customer-segments');
    });

    it('offers the values of canvas and version', () => {
      const canvas = item('canvas: |', 'business-model');
      assert.deepEqual([canvas.kind, canvas.detail, canvas.insertText], ['value', 'Business Model Canvas', 'business-model']);
      assert.deepEqual(labels('canvas: business-model\nversion: |'), ['1']);
      assert.equal(item('canvas: business-model\nversion: |', '1').detail, 'Version 1');
    });
  });

  describe('in a card', () => {
    it('after `- ` in customer segments: a new-card snippet, then every field', () => {
      const marked = 'customer-segments:\n  - |';
      assert.deepEqual(labels(marked), ['New card: Customer segment', ...SEGMENT_FIELDS]);
      const snippet = item(marked, 'New card: Customer segment');
      assert.equal(
        snippet.insertText,
        'id: ${1}\n  name: ${2}\n  type: ${3|mass-market,niche-market,segmented,behavioral,diversified,high-net-worth,multi-sided-platform|}',
      );
      assert.deepEqual([snippet.kind, snippet.isSnippet, snippet.detail], ['snippet', true, 'Customer Segments']);
      assert.deepEqual(replaced(marked), { text: '', from: 0 });
    });

    it('the new card of each block has its type and its references to other blocks', () => {
      const snippet = (block: string) => completeAt(`${block}:\n  - |`).items[0].insertText;
      assert.equal(
        snippet('value-propositions'),
        'id: ${1}\n  name: ${2}\n  type: ${3|newness,performance,customization,getting-the-job-done,design,brand-status,price,cost-reduction,risk-reduction,accessibility,convenience-usability|}\n  segments: [${4}]',
      );
      assert.equal(
        snippet('customer-relationships'),
        'id: ${1}\n  name: ${2}\n  type: ${3|personal-assistance,dedicated-personal-assistance,self-service,automated-services,communities,co-creation|}\n  segments: [${4}]\n  channels: [${5}]',
      );
      assert.equal(
        snippet('revenue-streams'),
        'id: ${1}\n  name: ${2}\n  type: ${3|asset-sale,usage-fee,subscription,lending-renting-leasing,licensing,brokerage-fee,advertising|}\n  segments: [${4}]\n  value-propositions: [${5}]',
      );
      assert.equal(snippet('cost-structure'), 'id: ${1}\n  name: ${2}\n  type: ${3|fixed,variable,economies-of-scale,economies-of-scope|}\n  resources: [${4}]\n  activities: [${5}]');
    });

    it('after `- ` in channels: the channel fields', () => {
      assert.deepEqual(labels('channels:\n  - |'), ['New card: Channel', 'id', 'name', 'description', 'type', 'ownership', 'phases', 'segments', 'value-propositions', 'tags', 'status', 'notes']);
    });

    it('after `- ` in key resources, also in a block that is not the last', () => {
      assert.deepEqual(labels('key-resources:\n  - |\nchannels:\n  - App\n'), ['New card: Key resource', 'id', 'name', 'description', 'type', 'value-propositions', 'tags', 'status', 'notes']);
    });

    it('at the field indentation of a card: only the fields it does not have yet (above and below the cursor)', () => {
      const marked = 'customer-segments:\n  - id: riders\n    name: Riders\n    |\n    type: mass-market\n    tags: [a]\n  - id: other\n    size: 3\n';
      assert.deepEqual(labels(marked), SEGMENT_FIELDS.filter((f) => !['id', 'name', 'type', 'tags'].includes(f)));
      assert.deepEqual(replaced(marked), { text: '', from: 0 });
    });

    it('field insertions: enumerations as choices, lists of ids in brackets, nested lists and objects indented', () => {
      const marked = 'customer-segments:\n  - id: riders\n    |';
      assert.deepEqual(
        ['type', 'linked', 'segmentation', 'checks', 'size'].map((f) => item(marked, f).insertText),
        [
          'type: ${1|mass-market,niche-market,segmented,behavioral,diversified,high-net-worth,multi-sided-platform|}',
          'linked: [$1]',
          'segmentation:\n  - ',
          'checks:\n  ',
          'size: ',
        ],
      );
      const linked = item(marked, 'linked');
      assert.deepEqual([linked.kind, linked.detail, linked.isSnippet], ['field', 'Linked segments', true]);
      assert.equal(linked.documentation, 'The other sides of a multi-sided platform: ids of the segments this one needs and is needed by — e.g. riders `linked: [drivers]`.');
    });

    it('after `- ` the next lines are indented to the key, past the dash', () => {
      assert.equal(item('customer-segments:\n  - |', 'segmentation').insertText, 'segmentation:\n    - ');
      assert.equal(item('customer-segments:\n  - |', 'persona').insertText, 'persona:\n    ');
    });

    it('a partly typed field: the range covers the prefix; the word itself is not counted as written', () => {
      const marked = 'customer-segments:\n  - id: riders\n    ty|';
      assert.deepEqual(labels(marked), SEGMENT_FIELDS.filter((f) => f !== 'id'));
      assert.deepEqual(replaced(marked), { text: 'ty', from: -2 });
    });

    it('the cursor inside an existing field: the key alone replaces the whole key', () => {
      const marked = 'customer-segments:\n  - id: riders\n    ty|pe: mass-market\n';
      assert.deepEqual(replaced(marked), { text: 'type', from: -2 });
      assert.equal(item(marked, 'type').insertText, 'type');
      assert.ok(!labels(marked).includes('id'));
    });

    it('keys of nested objects: segment checks, persona, a segmentation entry', () => {
      assert.deepEqual(labels('customer-segments:\n  - name: R\n    checks:\n      homogeneous: true\n      |'), ['distinct', 'substantial', 'aligned', 'identifiable', 'reachable']);
      assert.equal(item('customer-segments:\n  - name: R\n    checks:\n      |', 'reachable').insertText, 'reachable: ${1|true,false|}');
      assert.deepEqual(labels('customer-segments:\n  - name: R\n    persona:\n      |'), ['name', 'description', 'goals', 'motivations', 'pains', 'barriers']);
      assert.deepEqual(labels('customer-segments:\n  - name: R\n    segmentation:\n      - |'), ['basis', 'criteria', 'description']);
    });

    it('a card written as a flow mapping', () => {
      const marked = 'key-resources: [ { name: Driver network, ty| } ]';
      assert.deepEqual(labels(marked), ['id', 'description', 'type', 'value-propositions', 'tags', 'status', 'notes']);
      assert.equal(item(marked, 'type').insertText, 'type: ${1|physical,intellectual,human,financial|}');
      assert.equal(item(marked, 'tags').insertText, 'tags: [$1]');
      assert.deepEqual(replaced(marked), { text: 'ty', from: -2 });
    });
  });

  describe('new cards', () => {
    it('under a block key with no card yet: the new-card snippet with its dash', () => {
      const marked = 'canvas: business-model\nvalue-propositions:\n  |';
      assert.deepEqual(labels(marked), ['New card: Value proposition']);
      assert.equal(
        item(marked, 'New card: Value proposition').insertText,
        '- id: ${1}\n  name: ${2}\n  type: ${3|newness,performance,customization,getting-the-job-done,design,brand-status,price,cost-reduction,risk-reduction,accessibility,convenience-usability|}\n  segments: [${4}]',
      );
    });

    it('on an empty line at the dash column between two cards', () => {
      const marked = 'cost-structure:\n  - name: Servers\n  |\n  - name: Salaries\n';
      assert.deepEqual(labels(marked), ['New card: Cost']);
      assert.equal(completeAt(marked).items[0].insertText, '- id: ${1}\n  name: ${2}\n  type: ${3|fixed,variable,economies-of-scale,economies-of-scope|}\n  resources: [${4}]\n  activities: [${5}]');
    });

    it('a cursor right after the dash: insertions start with a space', () => {
      const items = completeAt('customer-segments:\n  -|').items;
      assert.deepEqual(
        items.slice(0, 3).map((i) => i.insertText),
        [' id: ${1}\n  name: ${2}\n  type: ${3|mass-market,niche-market,segmented,behavioral,diversified,high-net-worth,multi-sided-platform|}', ' id: ', ' name: '],
      );
    });

    it('a list at the column of its key (`key:` then `- ` at column 0)', () => {
      assert.deepEqual(labels('channels:\n- |'), ['New card: Channel', 'id', 'name', 'description', 'type', 'ownership', 'phases', 'segments', 'value-propositions', 'tags', 'status', 'notes']);
    });
  });

  describe('enumeration values', () => {
    it('a card type, with its label and markdown description', () => {
      const marked = 'customer-segments:\n  - id: riders\n    type: |';
      assert.deepEqual(labels(marked), SEGMENT_TYPES);
      const niche = item(marked, 'niche-market');
      assert.deepEqual([niche.kind, niche.detail, niche.insertText], ['value', 'Niche market', 'niche-market']);
      assert.equal(niche.documentation, 'A narrowly defined group with specialised needs — e.g. a pet taxi, soap for allergic skin.');
      assert.deepEqual(replaced(marked), { text: '', from: 0 });
    });

    it('the type of each block is its own enumeration', () => {
      assert.deepEqual(labels('key-resources:\n  - name: Fleet\n    type: |'), ['physical', 'intellectual', 'human', 'financial']);
      assert.deepEqual(labels('key-activities:\n  - name: Matching\n    type: |'), ['production', 'problem-solving', 'platform-network']);
      assert.deepEqual(labels('customer-relationships:\n  - name: Help\n    type: |\n    segments: []\n'), [
        'personal-assistance',
        'dedicated-personal-assistance',
        'self-service',
        'automated-services',
        'communities',
        'co-creation',
      ]);
    });

    it('a partly typed value: the range covers the prefix, and the rest of the word when the cursor is inside it', () => {
      assert.deepEqual(replaced('customer-segments:\n  - id: riders\n    type: mu|'), { text: 'mu', from: -2 });
      assert.deepEqual(replaced('customer-segments:\n  - id: riders\n    type: mu|lti\n    name: R\n'), { text: 'multi', from: -2 });
    });

    it('the other enumerated fields: pricing, ownership, status, segmentation basis', () => {
      assert.deepEqual(labels('revenue-streams:\n  - name: Fees\n    pricing: |'), [
        'fixed',
        'dynamic',
        'list-price',
        'product-feature-dependent',
        'customer-segment-dependent',
        'volume-dependent',
        'negotiation',
        'yield-management',
        'real-time-market',
      ]);
      assert.deepEqual(labels('channels:\n  - name: App\n    ownership: |'), ['own', 'partner']);
      assert.deepEqual(labels('channels:\n  - name: App\n    status: v|'), ['hypothesis', 'validated', 'invalidated']);
      assert.equal(item('channels:\n  - name: App\n    status: v|', 'hypothesis').documentation, 'An assumption not yet tested — e.g. *riders will pay a surge premium at night*.');
      assert.deepEqual(labels('customer-segments:\n  - name: R\n    segmentation:\n      - basis: |'), [
        'geographic',
        'demographic',
        'psychographic',
        'behavioral',
        'persona',
        'predictive',
        'value',
        'firmographic',
        'generational',
        'lifestage',
        'seasonal',
      ]);
    });

    it('channel phases in a flow list and in a block list, without those already listed', () => {
      assert.deepEqual(labels('channels:\n  - name: App\n    phases: [awareness, |, delivery]\n'), ['evaluation', 'purchase', 'after-sales']);
      assert.deepEqual(labels('channels:\n  - name: App\n    phases:\n      - purchase\n      - |\n'), ['awareness', 'evaluation', 'delivery', 'after-sales']);
      assert.equal(item('channels:\n  - name: App\n    phases: [|]', 'after-sales').detail, 'After sales');
    });

    it('relationship motivations and partnership motivations', () => {
      assert.deepEqual(labels('customer-relationships:\n  - name: Help\n    motivations: [retention, |]'), ['acquisition', 'boosting-sales']);
      assert.deepEqual(labels('key-partnerships:\n  - name: Insurers\n    motivations: [|]'), ['optimization-and-economy-of-scale', 'reduction-of-risk', 'acquisition-of-resources']);
    });

    it('segment checks are booleans, in a flow mapping and in a block mapping', () => {
      const flow = 'customer-segments:\n  - name: R\n    checks: { homogeneous: true, distinct: | }\n';
      assert.deepEqual(labels(flow), ['true', 'false']);
      assert.deepEqual([item(flow, 'false').detail, item(flow, 'false').documentation], ['Distinct', 'The segment is clearly different from the other segments.']);
      assert.deepEqual(labels('customer-segments:\n  - name: R\n    checks:\n      reachable: f|'), ['true', 'false']);
      assert.deepEqual(labels('customer-segments:\n  - name: R\n    checks: { homogeneous: true, | }\n'), ['distinct', 'substantial', 'aligned', 'identifiable', 'reachable']);
    });

    it('in a flow mapping written over several lines', () => {
      const head = 'customer-segments:\n  - name: R\n    checks: { homogeneous: true, distinct: true,\n              ';
      assert.deepEqual(labels(head + 'aligned: tr| }\n'), ['true', 'false']);
      assert.deepEqual(replaced(head + 'aligned: tr| }\n'), { text: 'tr', from: -2 });
      assert.deepEqual(labels(head + '|\n'), ['substantial', 'aligned', 'identifiable', 'reachable']);
      assert.equal(item(head + '|\n', 'aligned').insertText, 'aligned: ${1|true,false|}');
    });

    it('a cursor right after the colon: the value comes with its space', () => {
      assert.equal(item('channels:\n  - name: App\n    ownership:|', 'own').insertText, ' own');
    });

    it('nothing for free text', () => {
      assert.deepEqual(labels('customer-segments:\n  - id: riders\n    name: |'), []);
      assert.deepEqual(labels('title: |'), []);
    });
  });

  describe('references', () => {
    it('segments in a flow list without a prefix: the segment ids with their names', () => {
      const marked = withCursor(CANVAS, '    segments: [', 'riders]\nchannels');
      // The cursor before `riders`: the word there is replaced, riders is the word itself.
      assert.deepEqual(replaced(marked), { text: 'riders', from: 0 });
      const empty = CANVAS.replace('    segments: [riders]\nchannels', '    segments: [|]\nchannels');
      const items = completeAt(empty).items;
      assert.deepEqual(
        items.map((i) => [i.label, i.kind, i.detail, i.insertText]),
        [
          ['riders', 'reference', 'Urban riders', 'riders'],
          ['drivers', 'reference', 'Licensed drivers', 'drivers'],
          ['tourists', 'reference', 'Tourists', 'tourists'],
        ],
      );
      assert.equal(items[0].documentation, '**Urban riders** · `riders`\n\nCustomer Segments · Multi-sided platform');
      assert.deepEqual(replaced(empty), { text: '', from: 0 });
    });

    it('with a prefix, and after ids already listed (which are not offered again)', () => {
      const prefixed = CANVAS.replace('segments: [riders, drivers]', 'segments: [riders, dr|]');
      assert.deepEqual(labels(prefixed), ['drivers', 'tourists']);
      assert.deepEqual(replaced(prefixed), { text: 'dr', from: -2 });
      const after = CANVAS.replace('segments: [riders, drivers]', 'segments: [riders, |, tourists]');
      assert.deepEqual(labels(after), ['drivers']);
    });

    it('in a broken flow list `segments: [ri` (the file does not parse)', () => {
      const marked = CANVAS + 'revenue-streams:\n  - name: Fees\n    segments: [ri|';
      assert.deepEqual(labels(marked), ['riders', 'drivers', 'tourists']);
      assert.deepEqual(replaced(marked), { text: 'ri', from: -2 });
      const middle = CANVAS.replace('    segments: [riders]\nchannels', '    segments: [tourists, ri|\nchannels');
      assert.deepEqual(labels(middle), ['riders', 'drivers']);
    });

    it('in a block list', () => {
      const marked = CANVAS + 'revenue-streams:\n  - name: Fees\n    segments:\n      - drivers\n      - |\n';
      assert.deepEqual(labels(marked), ['riders', 'tourists']);
      const prefixed = CANVAS + 'revenue-streams:\n  - name: Fees\n    segments:\n      - t|\n      - riders\n';
      assert.deepEqual(labels(prefixed), ['drivers', 'tourists']);
      assert.deepEqual(replaced(prefixed), { text: 't', from: -1 });
    });

    it('under the key, before the dash: the id comes with its dash', () => {
      const marked = CANVAS + 'revenue-streams:\n  - name: Fees\n    segments:\n      |';
      assert.deepEqual(
        completeAt(marked).items.map((i) => i.insertText),
        ['- riders', '- drivers', '- tourists'],
      );
    });

    it('linked offers the other segments, never the card itself', () => {
      const marked = CANVAS.replace('    linked: [drivers]', '    linked: [|]');
      assert.deepEqual(labels(marked), ['drivers', 'tourists']);
      const block = CANVAS.replace('    linked: [drivers]', '    linked:\n      - |');
      assert.deepEqual(labels(block), ['drivers', 'tourists']);
    });

    it('each reference field offers the ids of its own block only', () => {
      const relationship = CANVAS + 'customer-relationships:\n  - name: Help\n    channels: [|]\n';
      assert.deepEqual(labels(relationship), ['app']);
      assert.equal(item(relationship, 'app').detail, 'Mobile app');
      const resource = CANVAS + 'key-resources:\n  - name: Fleet\n    value-propositions: [|]\n';
      assert.deepEqual(labels(resource), ['fast-pickup']);
    });

    it('a card id used twice is offered once', () => {
      const marked = CANVAS.replace('  - id: tourists', '  - id: drivers') + 'revenue-streams:\n  - name: Fees\n    segments: [|]\n';
      assert.deepEqual(labels(marked), ['riders', 'drivers']);
    });
  });

  describe('half-typed and unusual text', () => {
    it('a trailing `type: ` line at the end of the file', () => {
      assert.deepEqual(labels('customer-segments:\n  - id: riders\n    name: Riders\n    type: |'), SEGMENT_TYPES);
      assert.deepEqual(labels('customer-segments:\n  - id: riders\n    name: Riders\n    type: | '), SEGMENT_TYPES);
    });

    it('a broken line earlier in the file: indentation still says where the cursor is', () => {
      const marked = 'customer-segments:\n  - id: riders\n  - id: drivers\nvalue-propositions:\n  - id: cheap\n    segments: [ri\n  - id: x\n    segments:\n      - drivers\n      - |\nchannels:\n  - id: app\n';
      assert.deepEqual(labels(marked), ['riders']);
      const key = 'customer-segments:\n  - id: riders\n    type: [\n  - id: drivers\n    name: D\n    |\n';
      assert.deepEqual(labels(key), SEGMENT_FIELDS.filter((f) => f !== 'id' && f !== 'name'));
    });

    it('CRLF line breaks', () => {
      const text = CANVAS.replace(/\n/g, '\r\n');
      const marked = text.replace('segments: [riders, drivers]', 'segments: [riders, |]');
      assert.deepEqual(labels(marked), ['drivers', 'tourists']);
      const field = 'customer-segments:\r\n  - id: riders\r\n    ty|\r\n    name: R\r\n';
      assert.deepEqual(labels(field), SEGMENT_FIELDS.filter((f) => f !== 'id' && f !== 'name'));
      assert.deepEqual(replaced(field), { text: 'ty', from: -2 });
      const value = 'customer-segments:\r\n  - id: riders\r\n    type: |\r\n';
      assert.deepEqual(labels(value), SEGMENT_TYPES);
      assert.deepEqual(replaced(value), { text: '', from: 0 });
    });

    it('Korean text: names as details, ranges in UTF-16 offsets', () => {
      const text = `canvas: business-model
title: 마포 온가족 의원
customer-segments:
  - id: children
    name: 소아 환자와 보호자
  - id: adults
    name: 성인 환자 (직장인)
value-propositions:
  - id: evening
    name: 평일 야간 진료
    segments: [children, 성|]
`;
      const { items, text: plain, offset } = completeAt(text);
      assert.deepEqual(
        items.map((i) => [i.label, i.detail]),
        [['adults', '성인 환자 (직장인)']],
      );
      assert.deepEqual(items[0].range, { start: offset - 1, end: offset });
      assert.equal(plain.slice(items[0].range.start, offset), '성');
    });

    it('a byte-order mark does not shift the top level', () => {
      assert.deepEqual(labels('\uFEFFcanvas: business-model\ntitle: T\n|'), ['description', 'version', ...BLOCK_KEYS]);
    });

    it('nothing in a comment, in a block scalar, or inside the indentation before text', () => {
      assert.deepEqual(labels('customer-segments:\n  - id: riders # the ty|'), []);
      assert.deepEqual(labels('customer-segments:\n  - id: riders\n    description: >\n      Riders who |\n'), []);
      assert.deepEqual(labels('customer-segments:\n  |  - id: riders\n'), []);
      assert.deepEqual(labels('customer-segments:\n  - name: riders\n    segments: [a, b] |'), []);
    });

    it('a quoted value being typed', () => {
      const marked = 'channels:\n  - name: App\n    ownership: "pa|';
      assert.deepEqual(labels(marked), ['own', 'partner']);
      assert.deepEqual(replaced(marked), { text: 'pa', from: -2 });
    });

    it('offsets past the end are clamped', () => {
      const text = 'canvas: business-model\n';
      const { parsed, model } = validateCanvas(text);
      assert.deepEqual(
        complete(text, text.length + 10, parsed, model).map((i) => i.label),
        ['title', 'description', 'version', ...BLOCK_KEYS],
      );
    });

    it('without the cached parse and model, the same items (parsed as a fallback)', () => {
      const marked = CANVAS.replace('segments: [riders, drivers]', 'segments: [riders, |]');
      const { text, offset } = cursor(marked);
      assert.deepEqual(complete(text, offset), completeAt(marked).items);
    });

    it('items keep their order through sortText', () => {
      const items = completeAt('customer-segments:\n  - |').items;
      const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      assert.deepEqual(sorted, items);
      assert.equal(items[0].sortText, '00');
    });
  });

  describe('at every position', () => {
    const example = readFileSync(join(__dirname, '../../../examples/korean-clinic.canvas.yaml'), 'utf8');

    /** No throw; every range is on the cursor's line and holds the cursor (moved off a `\r\n`); a hover span holds it too. */
    function checkEverywhere(text: string, offsets: Iterable<number>): number {
      const { parsed, model } = validateCanvas(text);
      let answered = 0;
      for (const at of offsets) {
        const offset = text[at - 1] === '\r' && text[at] === '\n' ? at - 1 : at;
        const items = complete(text, at, parsed, model);
        if (items.length) answered++;
        for (const { range } of items) {
          assert.ok(range.start <= offset && offset <= range.end && !/[\r\n]/.test(text.slice(range.start, range.end)), `range at ${offset}`);
        }
        const result = hover(text, at, parsed, model);
        if (result) assert.ok(result.span.start <= offset && offset <= result.span.end, `hover at ${offset}`);
      }
      return answered;
    }

    it('every offset of an example canvas (CRLF)', () => {
      const text = example.replace(/\n/g, '\r\n');
      const answered = checkEverywhere(text, Array.from({ length: text.length + 1 }, (_, i) => i));
      assert.ok(answered > text.length / 10, `completions at ${answered} offsets`);
    });

    it('the example typed line by line: the cursor at the end of a half-written line (every third)', () => {
      const lines = example.split('\n');
      for (let n = 1; n < lines.length; n += 3) {
        const text = lines.slice(0, n).join('\n') + '\n' + lines[n].slice(0, Math.ceil(lines[n].length / 2));
        checkEverywhere(text, [text.length]);
      }
    });
  });
});
