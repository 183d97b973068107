import * as assert from 'node:assert/strict';
import { buildCanvasView, validateCanvas } from '../../src/core';
import type { CanvasView, FieldSpec } from '../../src/core/render/viewTypes';

function viewOf(text: string): CanvasView {
  return buildCanvasView(validateCanvas(text));
}

function fieldsOf(view: CanvasView, block: string): FieldSpec[] {
  const found = view.blocks.find((b) => b.key === block);
  assert.ok(found, block);
  return found.fields ?? [];
}

function cardOf(view: CanvasView, key: string) {
  const found = view.blocks.flatMap((b) => b.cards).find((c) => c.key === key);
  assert.ok(found, key);
  return found;
}

const STATUS: FieldSpec = {
  field: 'status',
  title: 'Status',
  kind: 'enum',
  options: [
    { value: 'hypothesis', label: 'Hypothesis' },
    { value: 'validated', label: 'Validated' },
    { value: 'invalidated', label: 'Invalidated' },
  ],
};
const ID: FieldSpec = { field: 'id', title: 'Id', kind: 'text' };
const NAME: FieldSpec = { field: 'name', title: 'Name', kind: 'text', required: true };
const DESCRIPTION: FieldSpec = { field: 'description', title: 'Description', kind: 'markdown' };
const TAGS: FieldSpec = { field: 'tags', title: 'Tags', kind: 'list' };
const NOTES: FieldSpec = { field: 'notes', title: 'Notes', kind: 'text' };

describe('render: view fields (the preview detail panel)', () => {
  it("gives a business model's segments block every field of its cards, in schema order", () => {
    assert.deepEqual(fieldsOf(viewOf('canvas: business-model\ntitle: T\n'), 'customer-segments'), [
      ID,
      NAME,
      DESCRIPTION,
      {
        field: 'type',
        title: 'Segment type',
        kind: 'enum',
        options: [
          { value: 'mass-market', label: 'Mass market' },
          { value: 'niche-market', label: 'Niche market' },
          { value: 'segmented', label: 'Segmented' },
          { value: 'behavioral', label: 'Behavioral' },
          { value: 'diversified', label: 'Diversified' },
          { value: 'high-net-worth', label: 'High net worth' },
          { value: 'multi-sided-platform', label: 'Multi-sided platform' },
        ],
      },
      { field: 'linked', title: 'Linked segments', kind: 'reference', target: 'customer-segments', multiple: true },
      {
        field: 'segmentation',
        title: 'Segmentation',
        kind: 'objectList',
        fields: [
          {
            field: 'basis',
            title: 'Segmentation basis',
            kind: 'enum',
            options: [
              { value: 'geographic', label: 'Geographic' },
              { value: 'demographic', label: 'Demographic' },
              { value: 'psychographic', label: 'Psychographic' },
              { value: 'behavioral', label: 'Behavioral' },
              { value: 'persona', label: 'Persona' },
              { value: 'predictive', label: 'Predictive' },
              { value: 'value', label: 'Value' },
              { value: 'firmographic', label: 'Firmographic' },
              { value: 'generational', label: 'Generational' },
              { value: 'lifestage', label: 'Life stage' },
              { value: 'seasonal', label: 'Seasonal' },
            ],
            required: true,
          },
          { field: 'criteria', title: 'Criteria', kind: 'list' },
          { field: 'description', title: 'Description', kind: 'markdown' },
        ],
      },
      {
        field: 'persona',
        title: 'Persona',
        kind: 'object',
        fields: [
          { field: 'name', title: 'Persona name', kind: 'text' },
          { field: 'description', title: 'Description', kind: 'markdown' },
          { field: 'goals', title: 'Goals', kind: 'list' },
          { field: 'motivations', title: 'Motivations', kind: 'list' },
          { field: 'pains', title: 'Pains', kind: 'list' },
          { field: 'barriers', title: 'Barriers', kind: 'list' },
        ],
      },
      { field: 'size', title: 'Size', kind: 'textOrNumber' },
      { field: 'growth', title: 'Growth', kind: 'text' },
      { field: 'priority', title: 'Priority', kind: 'number', integer: true },
      {
        field: 'checks',
        title: 'Segment checks',
        kind: 'object',
        fields: ['homogeneous', 'distinct', 'substantial', 'aligned', 'identifiable', 'reachable'].map((key) => ({
          field: key,
          title: key.charAt(0).toUpperCase() + key.slice(1),
          kind: 'boolean' as const,
        })),
      },
      { field: 'color', title: 'Colour', kind: 'color' },
      TAGS,
      STATUS,
      NOTES,
    ]);
  });

  it('reads enumeration lists (a channel phase) and several reference fields (a channel)', () => {
    assert.deepEqual(fieldsOf(viewOf('canvas: business-model\ntitle: T\n'), 'channels'), [
      ID,
      NAME,
      DESCRIPTION,
      { field: 'type', title: 'Channel type', kind: 'enum', options: [{ value: 'direct', label: 'Direct' }, { value: 'indirect', label: 'Indirect' }] },
      { field: 'ownership', title: 'Ownership', kind: 'enum', options: [{ value: 'own', label: 'Own' }, { value: 'partner', label: 'Partner' }] },
      {
        field: 'phases',
        title: 'Phases',
        kind: 'enumList',
        options: [
          { value: 'awareness', label: 'Awareness' },
          { value: 'evaluation', label: 'Evaluation' },
          { value: 'purchase', label: 'Purchase' },
          { value: 'delivery', label: 'Delivery' },
          { value: 'after-sales', label: 'After sales' },
        ],
      },
      { field: 'segments', title: 'Customer segments', kind: 'reference', target: 'customer-segments', multiple: true },
      { field: 'value-propositions', title: 'Value propositions', kind: 'reference', target: 'value-propositions', multiple: true },
      TAGS,
      STATUS,
      NOTES,
    ]);
  });

  it("gives each kind's blocks their own fields: a pain's severity and jobs, a lean metric's target", () => {
    const vpc = viewOf('canvas: value-proposition\ntitle: T\n');
    assert.deepEqual(fieldsOf(vpc, 'pains'), [
      ID,
      NAME,
      DESCRIPTION,
      {
        field: 'type',
        title: 'Pain type',
        kind: 'enum',
        options: [
          { value: 'undesired-outcome', label: 'Undesired outcome' },
          { value: 'obstacle', label: 'Obstacle' },
          { value: 'risk', label: 'Risk' },
        ],
      },
      {
        field: 'severity',
        title: 'Severity',
        kind: 'enum',
        options: [
          { value: 'low', label: 'Low' },
          { value: 'medium', label: 'Medium' },
          { value: 'high', label: 'High' },
        ],
      },
      { field: 'jobs', title: 'Customer jobs', kind: 'reference', target: 'customer-jobs', multiple: true },
      TAGS,
      STATUS,
      NOTES,
    ]);
    assert.deepEqual(
      fieldsOf(vpc, 'pain-relievers').find((f) => f.field === 'relieves'),
      { field: 'relieves', title: 'Relieves', kind: 'reference', target: 'pains', multiple: true },
    );
    const lean = viewOf('canvas: lean\ntitle: T\n');
    assert.deepEqual(fieldsOf(lean, 'key-metrics').map((f) => [f.field, f.kind]), [
      ['id', 'text'],
      ['name', 'text'],
      ['description', 'markdown'],
      ['type', 'enum'],
      ['target', 'textOrNumber'],
      ['tags', 'list'],
      ['status', 'enum'],
      ['notes', 'text'],
    ]);
  });

  it('carries the fields a card writes beyond name, id, type, status, tags and description, as plain data', () => {
    const text = [
      'canvas: business-model',
      'title: T',
      'customer-segments:',
      '  - id: riders',
      '    name: Riders',
      '    type: mass-market',
      '    status: validated',
      '    tags: [mvp]',
      '    description: Commuters',
      '    size: 1200000',
      '    priority: 2',
      "    color: '#112233'",
      '    notes: |',
      '      Two lines',
      '      here',
      '    persona: { name: Min-ji, description: Office worker }',
      '    checks:',
      '      homogeneous: true',
      '      reachable: false',
      '    segmentation:',
      '      - basis: geographic',
      '        criteria: [Seoul, Busan]',
      '    linked: [drivers]',
      '  - Drivers',
      '',
    ].join('\n');
    const view = viewOf(text);
    assert.deepEqual(cardOf(view, 'riders').values, {
      size: 1200000,
      priority: 2,
      color: '#112233',
      notes: 'Two lines\nhere\n',
      persona: { name: 'Min-ji', description: 'Office worker' },
      checks: { homogeneous: true, reachable: false },
      segmentation: [{ basis: 'geographic', criteria: ['Seoul', 'Busan'] }],
      linked: ['drivers'],
    });
    // A sticky note, and a card with only carried fields, have no values.
    assert.equal(cardOf(view, 'customer-segments#1').values, undefined);
    assert.equal('values' in cardOf(viewOf('canvas: business-model\ntitle: T\nchannels:\n  - name: App\n    tags: [x]\n'), 'channels#0'), false);
  });

  it('leaves aliases out of the values and keeps an empty field as null', () => {
    const text = 'canvas: business-model\ntitle: T\nchannels:\n  - name: App\n    phases: &p [awareness]\n  - name: Web\n    phases: *p\n    notes:\n';
    const view = viewOf(text);
    assert.deepEqual(cardOf(view, 'channels#0').values, { phases: ['awareness'] });
    assert.deepEqual(cardOf(view, 'channels#1').values, { notes: null });
  });

  it("gives a card its list position ('item') only when an item before it is no card", () => {
    const view = viewOf('canvas: business-model\ntitle: T\nchannels:\n  - name: App\n  - 42\n  - name: Web\n');
    const cards = view.blocks.find((b) => b.key === 'channels')!.cards;
    assert.deepEqual(cards.map((c) => [c.name, c.item]), [
      ['App', undefined],
      ['Web', 2],
    ]);
    assert.equal('item' in cards[0], false);
  });

  it('gives every block of every kind its fields, each with a title and the options or target its kind needs', () => {
    for (const kind of ['business-model', 'lean', 'value-proposition']) {
      const view = viewOf(`canvas: ${kind}\ntitle: T\n`);
      for (const block of view.blocks) {
        const fields = block.fields ?? [];
        assert.deepEqual(fields.slice(0, 3), [ID, NAME, DESCRIPTION], `${kind} ${block.key}`);
        for (const spec of fields) {
          assert.ok(spec.title, `${block.key}.${spec.field}`);
          assert.equal(spec.options !== undefined, spec.kind === 'enum' || spec.kind === 'enumList', `${block.key}.${spec.field}`);
          assert.equal(spec.target !== undefined && view.blocks.some((b) => b.key === spec.target), spec.kind === 'reference', `${block.key}.${spec.field}`);
        }
      }
    }
  });

  it('gives each view its own copies of the field specs (a receiver may change them)', () => {
    const a = viewOf('canvas: business-model\ntitle: T\n');
    a.blocks[0].fields![3].options![0].label = 'changed';
    const segments = (view: ReturnType<typeof viewOf>) => view.blocks.find((block) => block.key === 'customer-segments')!.fields!.find((f) => f.field === 'segmentation')!;
    segments(a).fields![0].options![0].label = 'changed';
    const b = viewOf('canvas: business-model\ntitle: T\n');
    assert.equal(b.blocks[0].fields![3].options![0].label, 'Strategic alliance');
    assert.equal(segments(b).fields![0].options![0].label, 'Geographic');
  });
});
