import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCanvasView, canvasHealth, checkSize, HEALTH_MESSAGES, healthSummary, healthSummaryParts, validateCanvas } from '../../src/core';
import type { CanvasHealth, Localizer } from '../../src/core';

const ROOT = join(__dirname, '../../..');

/** The span of the `nth` occurrence of `needle` in `text` (0-based), to state expected spans exactly. */
function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    assert.notEqual(start, -1, `${needle} #${nth}`);
  }
  return { start, end: start + needle.length };
}

function healthOf(text: string): CanvasHealth {
  return canvasHealth(validateCanvas(text));
}

const NONE = { error: 0, warning: 0, information: 0, hint: 0 };

/** Shared with the browser and integration tests of health. */
const BUSINESS_MODEL = readFileSync(join(ROOT, 'test/fixtures/shared/health-check.canvas.yaml'), 'utf8');

describe('canvas health', () => {
  it('business model: filled blocks, empty and missing blocks where their problems are, untested hypotheses in file order', () => {
    const result = validateCanvas(BUSINESS_MODEL);
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.code} ${d.severity}`),
      [
        'empty-block hint',
        'empty-block hint',
        'empty-block hint',
        'empty-block hint',
        'orphan-card warning',
        'empty-block hint',
        'schema error',
        'orphan-card warning',
      ],
    );
    const canvasKey = spanOf(BUSINESS_MODEL, 'canvas');
    assert.deepEqual(canvasHealth(result), {
      blocksFilled: 4,
      blocksTotal: 9,
      problems: { error: 1, warning: 2, information: 0, hint: 5 },
      hypotheses: [
        {
          block: 'customer-segments',
          index: 0,
          key: 'riders',
          name: 'Urban riders',
          span: { start: spanOf(BUSINESS_MODEL, 'id: riders').start, end: spanOf(BUSINESS_MODEL, '  - id: drivers').start },
        },
        {
          block: 'value-propositions',
          index: 0,
          key: 'fast',
          name: 'Fast pickup',
          span: { start: spanOf(BUSINESS_MODEL, 'id: fast').start, end: spanOf(BUSINESS_MODEL, '  - Cheap rides').start },
        },
        // No name: its id names it.
        {
          block: 'customer-relationships',
          index: 0,
          key: 'app-support',
          name: 'app-support',
          span: { start: spanOf(BUSINESS_MODEL, 'id: app-support').start, end: spanOf(BUSINESS_MODEL, 'revenue-streams:').start },
        },
      ],
      emptyBlocks: [
        { block: 'key-partnerships', title: 'Key Partnerships', span: canvasKey },
        { block: 'key-activities', title: 'Key Activities', span: canvasKey },
        { block: 'key-resources', title: 'Key Resources', span: canvasKey },
        { block: 'channels', title: 'Channels', span: spanOf(BUSINESS_MODEL, 'channels') },
        { block: 'cost-structure', title: 'Cost Structure', span: canvasKey },
      ],
    });
    assert.equal(healthSummary(canvasHealth(result)), '4/9 blocks · 8 problems · 3 hypotheses untested');
  });

  it('lean: the kind’s twelve blocks, a hypothesis without id keyed as the view keys it', () => {
    const text = `canvas: lean
title: Lean health
problem:
  - name: Parents miss hospital visits
    status: hypothesis
customer-segments:
  - Adult children living far away
unfair-advantage: []
`;
    const result = validateCanvas(text);
    const health = canvasHealth(result);
    assert.deepEqual(health.hypotheses, [
      {
        block: 'problem',
        index: 0,
        key: 'problem#0',
        name: 'Parents miss hospital visits',
        span: { start: spanOf(text, 'name: Parents').start, end: spanOf(text, 'customer-segments:').start },
      },
    ]);
    assert.equal(health.blocksFilled, 2);
    assert.equal(health.blocksTotal, 12);
    assert.deepEqual(
      health.emptyBlocks.map((b) => `${b.block} ${b.title} ${b.span.start}`),
      [
        'existing-alternatives Existing Alternatives 0',
        'solution Solution 0',
        'key-metrics Key Metrics 0',
        'unique-value-proposition Unique Value Proposition 0',
        'high-level-concept High-Level Concept 0',
        `unfair-advantage Unfair Advantage ${spanOf(text, 'unfair-advantage').start}`,
        'channels Channels 0',
        'early-adopters Early Adopters 0',
        'cost-structure Cost Structure 0',
        'revenue-streams Revenue Streams 0',
      ],
    );
    assert.deepEqual(health.problems, { ...NONE, hint: result.diagnostics.length });
    assert.equal(result.diagnostics.length, 10);
    assert.equal(healthSummary(health), '2/12 blocks · 10 problems · 1 hypothesis untested');
  });

  it('value proposition: the six blocks, hypotheses in pains and relievers', () => {
    const text = `canvas: value-proposition
title: Safe rides
customer-jobs:
  - { id: get-home, name: Get home safely at night }
pains:
  - { id: unsafe, name: Feeling unsafe with a stranger, status: hypothesis }
gains:
  - Arrive relaxed
products-and-services:
  - Ride sharing app
pain-relievers:
  - { id: share-trip, name: Share the trip live, relieves: [unsafe], status: hypothesis }
gain-creators:
  - { id: calm, name: Calm music, status: validated }
`;
    const result = validateCanvas(text);
    assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.severity}`), ['uncreated-gain information']);
    assert.deepEqual(canvasHealth(result), {
      blocksFilled: 6,
      blocksTotal: 6,
      problems: { ...NONE, information: 1 },
      hypotheses: [
        { block: 'pains', index: 0, key: 'unsafe', name: 'Feeling unsafe with a stranger', span: spanOf(text, '{ id: unsafe, name: Feeling unsafe with a stranger, status: hypothesis }') },
        {
          block: 'pain-relievers',
          index: 0,
          key: 'share-trip',
          name: 'Share the trip live',
          span: spanOf(text, '{ id: share-trip, name: Share the trip live, relieves: [unsafe], status: hypothesis }'),
        },
      ],
      emptyBlocks: [],
    });
  });

  it('every example: all blocks filled, no problems, its untested hypotheses by key', () => {
    const expected: Record<string, [string, string[]]> = {
      'b2b-saas': ['9/9', ['large-enterprises', 'erp-sync', 'field-sales', 'dedicated-csm', 'key-activities#2', 'bank-joint-venture', 'shared-ml-platform']],
      'hospital-companion': ['12/12', ['lost-instructions', 'hospital-partners', 'hr-benefits', 'monthly-plan', 'revenue-streams#2']],
      'korean-clinic': ['9/9', ['corporate-checkups', 'premium-members', 'premium-checkup', 'corporate-manager']],
      'meal-kit-subscription': ['9/9', ['plant-based-cooks', 'plant-based-menu', 'supermarket-shelves', 'key-partnerships#3']],
      'ride-hailing': ['9/9', ['drivers', 'business-travellers', 'more-paid-trips', 'corporate-billing', 'key-partnerships#1']],
      'riders-safe-rides': ['6/6', []],
    };
    for (const [name, [blocks, keys]] of Object.entries(expected)) {
      const health = healthOf(readFileSync(join(ROOT, 'examples', `${name}.canvas.yaml`), 'utf8'));
      assert.equal(`${health.blocksFilled}/${health.blocksTotal}`, blocks, name);
      assert.deepEqual(health.problems, NONE, name);
      assert.deepEqual(health.emptyBlocks, [], name);
      assert.deepEqual(health.hypotheses.map((h) => h.key), keys, name);
    }
  });

  it('a file with YAML errors: what could be read, and its syntax problems counted', () => {
    const text = `canvas: business-model
title: Broken
customer-segments:
  - name: Riders
    status: hypothesis
  - name: "unterminated
`;
    const result = validateCanvas(text);
    assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.severity}`), ['yaml-syntax error']);
    assert.deepEqual(canvasHealth(result), {
      blocksFilled: 1,
      blocksTotal: 9,
      problems: { ...NONE, error: 1 },
      hypotheses: [{ block: 'customer-segments', index: 0, key: 'customer-segments#0', name: 'Riders', span: { start: spanOf(text, 'name: Riders').start, end: spanOf(text, '  - name: "unterminated').start } }],
      emptyBlocks: [
        ['key-partnerships', 'Key Partnerships'],
        ['key-activities', 'Key Activities'],
        ['key-resources', 'Key Resources'],
        ['value-propositions', 'Value Propositions'],
        ['customer-relationships', 'Customer Relationships'],
        ['channels', 'Channels'],
        ['cost-structure', 'Cost Structure'],
        ['revenue-streams', 'Revenue Streams'],
      ].map(([block, title]) => ({ block, title, span: spanOf(text, 'canvas') })),
    });
  });

  it('no model at all (a file over the size limit): the default kind, every block empty at the start, the one problem', () => {
    const result = checkSize(5000, { maxLength: 1024 })!;
    assert.equal(result.model, undefined);
    const health = canvasHealth(result);
    assert.equal(health.blocksFilled, 0);
    assert.equal(health.blocksTotal, 9);
    assert.deepEqual(health.problems, { ...NONE, error: 1 });
    assert.deepEqual(health.hypotheses, []);
    assert.deepEqual(health.emptyBlocks.map((b) => `${b.block} ${b.span.start}-${b.span.end}`), [
      'key-partnerships 0-0',
      'key-activities 0-0',
      'key-resources 0-0',
      'value-propositions 0-0',
      'customer-relationships 0-0',
      'channels 0-0',
      'customer-segments 0-0',
      'cost-structure 0-0',
      'revenue-streams 0-0',
    ]);
    assert.equal(healthSummary(health), '0/9 blocks · 1 problem · 0 hypotheses untested');
  });

  it('an empty file and other texts that are no canvas never throw', () => {
    const empty = validateCanvas('');
    assert.deepEqual(empty.diagnostics.map((d) => `${d.code} ${d.severity} ${d.start}-${d.end}`), ['schema error 0-0']);
    assert.equal(healthSummary(canvasHealth(empty)), '0/9 blocks · 1 problem · 0 hypotheses untested');
    assert.equal(canvasHealth(empty).emptyBlocks.length, 9);
    for (const text of ['- a list\n', 'just text', '\u0000binary', 'customer-segments: 5\n', 'customer-segments:\n  - 5\n  - [a]\n  - { status: hypothesis }\n']) {
      const health = healthOf(text);
      assert.equal(health.blocksTotal, 9, text);
    }
    // A card of only a status: named by its key.
    assert.deepEqual(healthOf('customer-segments:\n  - 5\n  - { status: hypothesis }\n').hypotheses.map((h) => `${h.key} ${h.name} ${h.index}`), ['customer-segments#1 customer-segments#1 1']);
    // A number is no card: the block is not filled.
    assert.equal(healthOf('customer-segments:\n  - 5\n').blocksFilled, 0);
  });

  it('names hypotheses by the keys the view gives their cards (a repeated id keeps the first)', () => {
    const text = `canvas: business-model
title: Twins
customer-segments:
  - { id: riders, name: First, status: hypothesis }
  - { id: riders, name: Second, status: hypothesis }
`;
    const result = validateCanvas(text);
    const view = buildCanvasView(result);
    const keys = view.blocks.find((b) => b.key === 'customer-segments')!.cards.map((c) => c.key);
    assert.deepEqual(keys, ['riders', 'customer-segments#1']);
    assert.deepEqual(canvasHealth(result).hypotheses.map((h) => h.key), keys);
    assert.deepEqual(view.health, {
      blocksFilled: 1,
      blocksTotal: 9,
      problems: canvasHealth(result).problems,
      hypotheses: ['riders', 'customer-segments#1'],
      emptyBlocks: ['key-partnerships', 'key-activities', 'key-resources', 'value-propositions', 'customer-relationships', 'channels', 'cost-structure', 'revenue-streams'],
    });
  });
});

describe('health summary', () => {
  const counts = (problems: number, hypotheses: number) => ({
    blocksFilled: 7,
    blocksTotal: 9,
    problems: { error: problems, warning: 0, information: 0, hint: 0 },
    hypotheses: Array.from({ length: hypotheses }),
  });

  it('says one or many', () => {
    assert.equal(healthSummary(counts(2, 3)), '7/9 blocks · 2 problems · 3 hypotheses untested');
    assert.equal(healthSummary(counts(1, 1)), '7/9 blocks · 1 problem · 1 hypothesis untested');
    assert.equal(healthSummary(counts(0, 0)), '7/9 blocks · 0 problems · 0 hypotheses untested');
    assert.deepEqual(healthSummaryParts(counts(1, 2)), { blocks: '7/9 blocks', problems: '1 problem', hypotheses: '2 hypotheses untested' });
  });

  it('adds up every severity', () => {
    assert.equal(healthSummary({ ...counts(0, 0), problems: { error: 1, warning: 2, information: 3, hint: 4 } }), '7/9 blocks · 10 problems · 0 hypotheses untested');
  });

  it('takes every text, the separator too, through the translator', () => {
    const korean: Record<string, string> = {
      [HEALTH_MESSAGES.blocks]: '블록 {0}/{1}',
      [HEALTH_MESSAGES.problems]: '문제 {0}개',
      [HEALTH_MESSAGES.oneProblem]: '문제 {0}개',
      [HEALTH_MESSAGES.hypotheses]: '검증 안 된 가설 {0}개',
      [HEALTH_MESSAGES.oneHypothesis]: '검증 안 된 가설 {0}개',
      [HEALTH_MESSAGES.separator]: '{0}, {1}',
    };
    const seen: string[] = [];
    const localize: Localizer = (template, args) => {
      seen.push(template);
      return (korean[template] ?? template).replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)]);
    };
    assert.equal(healthSummary(counts(2, 1), localize), '블록 7/9, 문제 2개, 검증 안 된 가설 1개');
    assert.deepEqual(new Set(seen), new Set([HEALTH_MESSAGES.blocks, HEALTH_MESSAGES.problems, HEALTH_MESSAGES.oneHypothesis, HEALTH_MESSAGES.separator]));
  });
});
