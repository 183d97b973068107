import * as assert from 'node:assert/strict';
import { diffCanvases, diffToMarkdown, diffToText, validateCanvas } from '../../src/core';
import type { CanvasDiff } from '../../src/core';

const HEAD = 'canvas: business-model\ntitle: T\n';

function diff(oldText: string, newText: string): CanvasDiff {
  return diffCanvases(validateCanvas(HEAD + oldText).model, validateCanvas(HEAD + newText).model);
}

const BASE = `customer-segments:
  - id: riders
    name: Urban riders
    tags: [core]
  - id: drivers
    name: Licensed drivers
value-propositions:
  - id: fast
    name: Fast pickup
    type: performance
    segments: [riders]
`;

describe('diffCanvases', () => {
  it('a canvas with an id written twice is equal to itself (both cards are paired)', () => {
    const twice = 'customer-segments:\n  - id: a\n  - id: a\n';
    const d = diff(twice, twice);
    assert.equal(d.equal, true);
    assert.deepEqual(d.summary, { added: 0, removed: 0, changed: 0, moved: 0 });
  });

  it('equal canvases: equal, no blocks', () => {
    const d = diff(BASE, BASE);
    assert.equal(d.equal, true);
    assert.deepEqual(d.blocks, []);
    assert.deepEqual(d.summary, { added: 0, removed: 0, changed: 0, moved: 0 });
  });

  it('added and removed cards', () => {
    const d = diff(BASE, BASE.replace('  - id: drivers\n    name: Licensed drivers\n', '  - id: tourists\n    name: Tourists\n'));
    assert.equal(d.equal, false);
    assert.deepEqual(d.blocks, [
      { block: 'customer-segments', title: d.blocks[0].title, added: [{ id: 'tourists', name: 'Tourists', index: 1 }], removed: [{ id: 'drivers', name: 'Licensed drivers', index: 1 }], changed: [], moved: [], reordered: false },
    ]);
    assert.deepEqual(d.summary, { added: 1, removed: 1, changed: 0, moved: 0 });
  });

  it('changed fields: name, type, status, description, other scalars, tags and references gained and lost', () => {
    const next = BASE.replace('name: Fast pickup\n    type: performance\n    segments: [riders]', 'name: Faster pickup\n    type: price\n    status: validated\n    description: Under 5 minutes\n    x-owner: kim\n    segments: [drivers]').replace('tags: [core]', 'tags: [new]');
    const d = diff(BASE, next);
    assert.deepEqual(d.blocks.map((b) => [b.block, b.changed]), [
      [
        'value-propositions',
        [
          {
            id: 'fast',
            name: 'Faster pickup',
            index: 0,
            oldIndex: 0,
            changes: [
              { field: 'name', kind: 'value', from: 'Fast pickup', to: 'Faster pickup' },
              { field: 'type', kind: 'value', from: 'performance', to: 'price' },
              { field: 'status', kind: 'value', to: 'validated' },
              { field: 'description', kind: 'value', to: 'Under 5 minutes' },
              { field: 'segments', kind: 'list', gained: ['drivers'], lost: ['riders'] },
              { field: 'x-owner', kind: 'value', to: 'kim' },
            ],
          },
        ],
      ],
      ['customer-segments', [{ id: 'riders', name: 'Urban riders', index: 0, oldIndex: 0, changes: [{ field: 'tags', kind: 'list', gained: ['new'], lost: ['core'] }] }]],
    ]);
  });

  it('a renamed id is a change of id; references following the rename are not reported', () => {
    const d = diff(BASE, BASE.replace('id: riders', 'id: city-riders').replace('segments: [riders]', 'segments: [city-riders]'));
    assert.deepEqual(d.summary, { added: 0, removed: 0, changed: 1, moved: 0 });
    assert.deepEqual(d.blocks[0].changed, [{ id: 'city-riders', name: 'Urban riders', index: 0, oldIndex: 0, changes: [{ field: 'id', kind: 'value', from: 'riders', to: 'city-riders' }] }]);
  });

  it('reordered cards are not changes; the block says it was reordered', () => {
    const swapped = BASE.replace('  - id: riders\n    name: Urban riders\n    tags: [core]\n  - id: drivers\n    name: Licensed drivers\n', '  - id: drivers\n    name: Licensed drivers\n  - id: riders\n    name: Urban riders\n    tags: [core]\n');
    const d = diff(BASE, swapped);
    assert.equal(d.equal, true);
    assert.deepEqual(d.summary, { added: 0, removed: 0, changed: 0, moved: 0 });
    assert.deepEqual(d.blocks.map((b) => [b.block, b.reordered]), [['customer-segments', true]]);
  });

  it('a card moved to another block is a move with its field changes', () => {
    const old = 'key-resources:\n  - id: drivers\n    name: Drivers\n  - Office\n';
    const next = 'key-partnerships:\n  - id: drivers\n    name: Driver partners\n  - Office\n';
    const d = diff(old, next);
    assert.deepEqual(d.summary, { added: 0, removed: 0, changed: 0, moved: 2 });
    assert.deepEqual(d.blocks.map((b) => [b.block, b.moved]), [
      [
        'key-partnerships',
        [
          { id: 'drivers', name: 'Driver partners', index: 0, oldIndex: 0, from: 'key-resources', changes: [{ field: 'name', kind: 'value', from: 'Drivers', to: 'Driver partners' }] },
          { name: 'Office', index: 1, oldIndex: 1, from: 'key-resources', changes: [] },
        ],
      ],
    ]);
  });

  it('cards without ids match by name, then by position', () => {
    const old = 'cost-structure:\n  - Servers\n  - name: Salaries\n    type: fixed\n  - Marketing\n';
    const next = 'cost-structure:\n  - name: Salaries\n    type: variable\n  - Servers\n  - Advertising\n';
    const d = diff(old, next);
    assert.deepEqual(d.blocks, [
      {
        block: 'cost-structure',
        title: d.blocks[0].title,
        added: [],
        removed: [],
        changed: [
          { name: 'Salaries', index: 0, oldIndex: 1, changes: [{ field: 'type', kind: 'value', from: 'fixed', to: 'variable' }] },
          { name: 'Advertising', index: 2, oldIndex: 2, changes: [{ field: 'name', kind: 'value', from: 'Marketing', to: 'Advertising' }] },
        ],
        moved: [],
        reordered: true,
      },
    ]);
  });

  it('title and description changes, with Korean text', () => {
    const a = validateCanvas('canvas: business-model\ntitle: 서울 병원\ncustomer-segments:\n  - 환자\n').model;
    const b = validateCanvas('canvas: business-model\ntitle: 부산 병원\ndescription: 새 설명\ncustomer-segments:\n  - 외국인 환자\n').model;
    const d = diffCanvases(a, b);
    assert.deepEqual(d.title, { from: '서울 병원', to: '부산 병원' });
    assert.deepEqual(d.description, { to: '새 설명' });
    assert.deepEqual(d.blocks[0].changed, [{ name: '외국인 환자', index: 0, oldIndex: 0, changes: [{ field: 'name', kind: 'value', from: '환자', to: '외국인 환자' }] }]);
    assert.deepEqual(diffCanvases(a, a, { newTitle: 'X' }).title, { from: '서울 병원', to: 'X' });
  });

  it('a side with errors diffs its valid parts; a missing side is all added', () => {
    const broken = validateCanvas(HEAD + 'customer-segments:\n  - id: riders\n    name: Riders\n    bogus: [unclosed\n').model;
    const ok = validateCanvas(HEAD + 'customer-segments:\n  - id: riders\n    name: Riders\n').model;
    assert.equal(diffCanvases(broken, ok).summary.removed, 0);
    assert.deepEqual(diffCanvases(undefined, ok).summary, { added: 1, removed: 0, changed: 0, moved: 0 });
  });

  it('renders text and Markdown', () => {
    const d = diff(BASE, BASE.replace('  - id: drivers\n    name: Licensed drivers\n', '  - id: tourists\n    name: "*Tourists* @team"\n').replace('segments: [riders]', 'segments: [tourists]'));
    const vp = d.blocks[0].title;
    const title = d.blocks[1].title;
    assert.equal(
      diffToText(d),
      `1 added, 1 removed, 1 changed, 0 moved\n${vp}\n  ~ "Fast pickup" (fast)\n      segments: +tourists -riders\n${title}\n  + "*Tourists* @team" (tourists)\n  - "Licensed drivers" (drivers)\n`,
    );
    assert.equal(
      diffToMarkdown(d),
      `**Canvas changes:** 1 added, 1 removed, 1 changed, 0 moved\n\n**${vp}**\n- changed Fast pickup (\`fast\`): segments +\`tourists\` −\`riders\`\n\n**${title}**\n- **added** \\*Tourists\\* @\u200dteam (\`tourists\`)\n- ~~removed~~ ~~Licensed drivers (\`drivers\`)~~\n`,
    );
    assert.equal(diffToText(diff(BASE, BASE)), 'No changes\n');
  });

  it('text output escapes control, line-breaking and bidi characters in names, ids, field names and values', () => {
    const next = BASE.replace('    name: Urban riders\n', '    name: "Urban \\e[31mriders\\u202e"\n    "x-a\\n::error file=a::forged": "v\\r\\n::warning::x\\u009b"\n').replace('tags: [core]', 'tags: ["co\\e]0;re"]');
    const text = diffToText(diff(BASE, next));
    assert.equal(
      text.split('\n').slice(1).join('\n'),
      [
        'Customer Segments',
        '  ~ "Urban \\x1b[31mriders\\u202e" (riders)',
        '      name: "Urban riders" -> "Urban \\x1b[31mriders\\u202e"',
        '      tags: +co\\x1b]0;re -core',
        '      x-a\\n::error file=a::forged: (none) -> "v ::warning::x\\x9b"',
        '',
      ].join('\n'),
    );
    // No line of the report starts a GitHub workflow command, and no control character is left.
    for (const line of text.split('\n')) assert.doesNotMatch(line, /^\s*::/);
    assert.doesNotMatch(text.replace(/\n/g, ''), /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });

  it('tags gained only and references lost only', () => {
    const d = diff(BASE, BASE.replace('tags: [core]', 'tags: [core, seoul]').replace('    segments: [riders]\n', ''));
    assert.deepEqual(
      d.blocks.map((b) => b.changed.map((c) => [c.id, c.changes])),
      [[['fast', [{ field: 'segments', kind: 'list', gained: [], lost: ['riders'] }]]], [['riders', [{ field: 'tags', kind: 'list', gained: ['seoul'], lost: [] }]]]],
    );
  });

  it('repeated names pair up in place; a card without id found in another block by name is a move', () => {
    const old = 'key-activities:\n  - Hiring\n  - Hiring\n  - Sales\nkey-resources:\n  - Brand\n';
    const next = 'key-activities:\n  - Hiring v2\n  - Hiring\n  - Brand\nkey-resources:\n  - Sales\n';
    const d = diff(old, next);
    assert.deepEqual(d.summary, { added: 0, removed: 0, changed: 1, moved: 2 });
    const activities = d.blocks.find((b) => b.block === 'key-activities')!;
    assert.deepEqual(activities.changed, [{ name: 'Hiring v2', index: 0, oldIndex: 0, changes: [{ field: 'name', kind: 'value', from: 'Hiring', to: 'Hiring v2' }] }]);
    assert.deepEqual(activities.moved, [{ name: 'Brand', index: 2, oldIndex: 0, from: 'key-resources', changes: [] }]);
  });

  it('an id renamed and the card changed at once still matches by name', () => {
    const d = diff(BASE, BASE.replace('id: fast', 'id: quick').replace('type: performance', 'type: price'));
    assert.deepEqual(d.blocks[0].changed[0].changes, [
      { field: 'id', kind: 'value', from: 'fast', to: 'quick' },
      { field: 'type', kind: 'value', from: 'performance', to: 'price' },
    ]);
  });
});

describe('diff of a canvas\'s kind and links', () => {
  const vpc = (links: string) => `canvas: value-proposition\ntitle: T\n${links}pains:\n  - { id: wait, name: Waiting }\n`;

  it('reports a changed segment and a removed value proposition as changes of the canvas, in text and Markdown', () => {
    const before = vpc('business-model: ./bm.canvas.yaml\nsegment: riders\nvalue-proposition: fast\n');
    const after = vpc('business-model: ./bm.canvas.yaml\nsegment: drivers\n');
    const result = diffCanvases(validateCanvas(before).model, validateCanvas(after).model);
    assert.equal(result.equal, false);
    assert.deepEqual(result.fields, [
      { field: 'segment', from: 'riders', to: 'drivers' },
      { field: 'value-proposition', from: 'fast' },
    ]);
    assert.equal(diffToText(result), '0 added, 0 removed, 0 changed, 0 moved, segment changed, value-proposition changed\nsegment: "riders" -> "drivers"\nvalue-proposition: "fast" -> (none)\n');
    assert.equal(
      diffToMarkdown(result),
      '**Canvas changes:** 0 added, 0 removed, 0 changed, 0 moved, segment changed, value-proposition changed\n\n- `segment`: ~~riders~~ → **drivers**\n- `value-proposition`: ~~fast~~ → **_none_**\n',
    );
  });

  it('reports a changed kind; the same links written again are no change', () => {
    const same = vpc('segment: riders\n');
    assert.deepEqual(diffCanvases(validateCanvas(same).model, validateCanvas(same).model).fields, []);
    const lean = 'canvas: lean\ntitle: T\n';
    const bm = 'canvas: business-model\ntitle: T\n';
    const result = diffCanvases(validateCanvas(lean).model, validateCanvas(bm).model);
    assert.deepEqual(result.fields, [{ field: 'canvas', from: 'lean', to: 'business-model' }]);
    assert.equal(result.equal, false);
  });
});
