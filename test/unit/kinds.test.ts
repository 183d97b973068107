import * as assert from 'node:assert/strict';
import { applyEdits, codeActions, diffCanvases, diffToText, documentSymbols, rename, revalidateCanvas, validateCanvas } from '../../src/core';
import type { CanvasModel } from '../../src/core';
import { complete } from '../../src/core/completion';
import { hover } from '../../src/core/hover';
import { diagnose, messagesOf, rangeOf } from './helpers';

/** A Lean Canvas with every block filled and linked: zero findings. */
const LEAN = `canvas: lean
title: School runs
problem:
  - id: late-kids
    name: Kids late for school
    segments: [parents]
existing-alternatives:
  - name: Neighbours drive in turns
    type: workaround
    problems: [late-kids]
solution:
  - name: Shared vans booked by the week
    problems: [late-kids]
key-metrics:
  - name: Weekly bookings per family
    type: retention
    target: 3
unique-value-proposition:
  - name: On time, every school day
    segments: [parents]
high-level-concept: [Uber for school runs]
unfair-advantage:
  - name: Contracts with the school district
    type: insider-information
channels:
  - name: School newsletters
    type: inbound
    segments: [parents]
customer-segments:
  - id: parents
    name: Working parents
    type: customer
early-adopters:
  - name: Parents with two jobs
    segments: [parents]
cost-structure:
  - name: Van leases
    type: fixed
revenue-streams:
  - name: Weekly pass
    type: subscription
    segments: [parents]
`;

/** The Value Proposition Canvas of format.md: zero findings. */
const VPC = `canvas: value-proposition
title: Pickup riders can count on
business-model: ./ride-hailing.canvas.yaml
segment: riders
value-proposition: fast-pickup
customer-jobs:
  - { id: get-to-work, name: Get to work on time, type: functional }
pains:
  - { id: waiting, name: Waiting in the rain, severity: high }
gains:
  - { id: predictable, name: Knows the arrival time, relevance: expected }
products-and-services:
  - { id: app, name: Mobile app, jobs: [get-to-work] }
pain-relievers:
  - { name: Live arrival time, relieves: [waiting] }
gain-creators:
  - { name: Fixed fare quoted upfront, creates: [predictable] }
`;

function replace(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture text "${from}" present`);
  return text.replace(from, to);
}

/** The text without its cursor marker `|`, and the marker's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function labels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  const { parsed, model } = validateCanvas(text);
  return complete(text, offset, parsed, model).map((i) => i.label);
}

function hoverText(marked: string): string | undefined {
  const { text, offset } = cursor(marked);
  const { parsed, model } = validateCanvas(text);
  return hover(text, offset, parsed, model)?.contents;
}

const model = (text: string): CanvasModel => validateCanvas(text).model!;

describe('canvas kinds', () => {
  describe('reading a canvas', () => {
    it('the Lean and value-proposition examples have no finding; each model knows its kind', () => {
      assert.deepEqual(diagnose(LEAN), []);
      assert.deepEqual(diagnose(VPC), []);
      assert.equal(model(LEAN).kind, 'lean');
      assert.equal(model(VPC).kind, 'value-proposition');
      assert.deepEqual([...model(LEAN).blocks.keys()], ['problem', 'existing-alternatives', 'solution', 'key-metrics', 'unique-value-proposition', 'high-level-concept', 'unfair-advantage', 'channels', 'customer-segments', 'early-adopters', 'cost-structure', 'revenue-streams']);
      assert.deepEqual(
        model(LEAN).cards.find((c) => c.block === 'solution')!.references.map((r) => [r.field, r.targetBlock, r.id]),
        [['problems', 'problem', 'late-kids']],
      );
    });

    it('a missing or unknown canvas kind reads as a business model (and is reported)', () => {
      assert.equal(model('title: T\nkey-partnerships: [A]\n').kind, 'business-model');
      assert.equal(model('canvas: leen\ntitle: T\nproblem: [A]\n').kind, 'business-model');
      assert.deepEqual(diagnose('canvas: leen\ntitle: T\n').filter((d) => d[0] === 'schema'), [['schema', 'error', '1:9-1:13']]);
      assert.deepEqual(messagesOf('canvas: leen\ntitle: T\n', 'schema'), ['"leen" is not a valid canvas kind. Did you mean "lean"? Allowed values: business-model, lean, value-proposition.']);
    });

    it('the links of a value-proposition canvas, with where they are written', () => {
      const { links } = model(VPC);
      const at = (s: { start: number; end: number } | undefined) => s && [VPC.slice(s.start, s.end), rangeOf(VPC, s.start, s.end)];
      assert.deepEqual(at(links.businessModel), ['./ride-hailing.canvas.yaml', '3:17-3:43']);
      assert.deepEqual(at(links.segment), ['riders', '4:10-4:16']);
      assert.deepEqual(at(links.valueProposition), ['fast-pickup', '5:20-5:31']);
      assert.equal(links.businessModel?.value, './ride-hailing.canvas.yaml');
      // The same keys in a business model are unknown keys, not links.
      assert.deepEqual(model('canvas: business-model\ntitle: T\nsegment: riders\n').links, {});
    });
  });

  describe('schema errors, by the kind of the file', () => {
    it('a block of another kind is an unknown key, on the key', () => {
      const text = replace(LEAN, 'high-level-concept:', 'key-partnerships: [Insurers]\nhigh-level-concept:');
      assert.deepEqual(diagnose(text), [['schema', 'error', '21:1-21:17']]);
      assert.deepEqual(messagesOf(text), ['Unknown key "key-partnerships" in lean canvas: it is a block of the Business Model Canvas, a canvas that starts with canvas: business-model. (Extension keys start with "x-".)']);
      const vpc = replace(VPC, 'pains:', 'problem: [Rain]\npains:');
      assert.deepEqual(diagnose(vpc), [['schema', 'error', '8:1-8:8']]);
      assert.deepEqual(messagesOf(replace(VPC, 'pains:', 'pain: []\npains:')), ['Unknown key "pain" in value proposition canvas. Did you mean "pains"? (Extension keys start with "x-".)']);
    });

    it('a business model does not take the blocks of the other kinds', () => {
      const text = 'canvas: business-model\ntitle: T\nproblem: [Rain]\npains: []\n';
      assert.deepEqual(diagnose(text).filter((d) => d[0] === 'schema'), [['schema', 'error', '3:1-3:8'], ['schema', 'error', '4:1-4:6']]);
      assert.deepEqual(messagesOf(text, 'schema'), [
        'Unknown key "problem" in business model canvas: it is a block of the Lean Canvas, a canvas that starts with canvas: lean. (Extension keys start with "x-".)',
        'Unknown key "pains" in business model canvas: it is a block of the Value Proposition Canvas, a canvas that starts with canvas: value-proposition. (Extension keys start with "x-".)',
      ]);
      // The extension-key fix stays on offer.
      const result = validateCanvas(text);
      const problem = result.diagnostics.find((d) => d.code === 'schema')!;
      assert.deepEqual(codeActions(text, problem, result.parsed!, result.model!).map((a) => a.title), ['Rename "problem" to the extension key "x-problem"']);
    });

    it('a value outside an enumeration of the kind, with the closest value', () => {
      const text = replace(VPC, 'severity: high', 'severity: hgh');
      assert.deepEqual(diagnose(text), [['schema', 'error', '9:57-9:60']]);
      assert.deepEqual(messagesOf(text), ['"hgh" is not a valid severity. Did you mean "high"? Allowed values: low, medium, high.']);
      const lean = replace(LEAN, 'type: retention', 'type: retension');
      assert.deepEqual(diagnose(lean), [['schema', 'error', '16:11-16:20']]);
      assert.deepEqual(messagesOf(lean), ['"retension" is not a valid stage. Did you mean "retention"? Allowed values: acquisition, activation, retention, revenue, referral.']);
    });

    it('a reference that names no card of its block', () => {
      const text = replace(VPC, 'relieves: [waiting]', 'relieves: [wating]');
      assert.deepEqual(diagnose(text), [['unrelieved-pain', 'warning', '9:26-9:45'], ['unknown-reference', 'error', '15:43-15:49']]);
      assert.deepEqual(messagesOf(text, 'unknown-reference'), ['"wating" names no card in Pains.']);
      const wrong = replace(VPC, 'creates: [predictable]', 'creates: [waiting]');
      assert.deepEqual(messagesOf(wrong, 'unknown-reference'), ['"waiting" is a card in Pains, but creates must name a card in Gains.']);
      const lean = replace(LEAN, 'problems: [late-kids]\nsolution', 'problems: [late-kid]\nsolution');
      assert.deepEqual(diagnose(lean), [['unknown-reference', 'error', '10:16-10:24']]);
      assert.deepEqual(messagesOf(lean), ['"late-kid" names no card in Problem.']);
    });
  });

  describe('rules', () => {
    it('unrelieved-pain (warning) and uncreated-gain (information), on the card name', () => {
      const text = `canvas: value-proposition
title: Gaps
pains:
  - id: waiting
    name: Waiting in the rain
  - Fares that jump at night
gains:
  - { id: predictable, name: Knows the arrival time }
pain-relievers: [Umbrellas]
gain-creators:
  - { name: Live map, creates: [] }
`;
      assert.deepEqual(diagnose(text), [
        ['empty-block', 'hint', '1:1-1:7'],
        ['empty-block', 'hint', '1:1-1:7'],
        ['unrelieved-pain', 'warning', '5:11-5:30'],
        ['unrelieved-pain', 'warning', '6:5-6:29'],
        ['uncreated-gain', 'information', '8:30-8:52'],
      ]);
      assert.deepEqual(messagesOf(text).slice(2), [
        'Pain "Waiting in the rain" is not relieved: no pain reliever names it in its relieves.',
        'Pain "Fares that jump at night" is not relieved: it has no id, so no pain reliever can name it.',
        'Gain "Knows the arrival time" is not created: no gain creator names it in its creates.',
      ]);
      assert.deepEqual(diagnose(text, { severities: { 'unrelieved-pain': 'off', 'uncreated-gain': 'error', 'empty-block': 'off' } }), [['uncreated-gain', 'error', '8:30-8:52']]);
    });

    it('the segment rules are the business model\'s: a Lean segment nobody names is no finding', () => {
      const text = replace(LEAN, '    type: customer\n', '    type: customer\n  - id: tourists\n    name: Tourists\n');
      assert.deepEqual(diagnose(text), []);
    });

    it('empty-block: every block of the kind, on the canvas key', () => {
      assert.deepEqual(diagnose('canvas: value-proposition\ntitle: T\n'), Array(6).fill(['empty-block', 'hint', '1:1-1:7']));
      assert.deepEqual(diagnose('canvas: lean\ntitle: T\n').length, 12);
      assert.deepEqual(messagesOf('canvas: value-proposition\ntitle: T\n')[0], 'The canvas has no customer-jobs block: What functional, social and emotional jobs is this customer trying to get done, and which matter most to them?');
    });

    it('duplicate-id in a Lean Canvas', () => {
      const text = replace(LEAN, '  - id: parents\n', '  - id: late-kids\n');
      assert.deepEqual(diagnose(text).filter((d) => d[0] === 'duplicate-id'), [['duplicate-id', 'error', '30:9-30:18']]);
    });
  });

  describe('editor features', () => {
    it('completion offers the kind\'s top-level keys and blocks', () => {
      assert.deepEqual(labels('canvas: lean\ntitle: T\n|'), ['description', 'version', 'problem', 'existing-alternatives', 'solution', 'key-metrics', 'unique-value-proposition', 'high-level-concept', 'unfair-advantage', 'channels', 'customer-segments', 'early-adopters', 'cost-structure', 'revenue-streams']);
      assert.deepEqual(labels('canvas: value-proposition\ntitle: T\n|'), ['description', 'version', 'business-model', 'segment', 'value-proposition', 'customer-jobs', 'pains', 'gains', 'products-and-services', 'pain-relievers', 'gain-creators']);
    });

    it('completion offers every kind for canvas:, and the kind\'s enumeration values', () => {
      assert.deepEqual(labels('canvas: |\n'), ['business-model', 'lean', 'value-proposition']);
      assert.deepEqual(labels('canvas: value-proposition\npains:\n  - name: Rain\n    severity: |\n'), ['low', 'medium', 'high']);
      assert.deepEqual(labels('canvas: lean\nkey-metrics:\n  - name: Rides\n    type: |\n'), ['acquisition', 'activation', 'retention', 'revenue', 'referral']);
      assert.deepEqual(labels('canvas: value-proposition\ncustomer-jobs:\n  - {id: a, name: A}\nproducts-and-services:\n  - name: App\n    jobs: [|]\n'), ['a']);
    });

    it('hover shows the kind\'s words for a block, a field and a value', () => {
      assert.equal(
        hoverText('canvas: lean\ntitle: T\npro|blem: []\n'),
        '**Problem**\n\nThe top one to three problems of the customer segments, worth solving. *Why* would anyone want this? Name who has each problem in `segments`.\n\nQuestion: **why** · Position: first column, top\n\n*What are the top three problems our customers have, and how do we know they are real and painful enough to pay for?*',
      );
      assert.equal(hoverText(replace(VPC, 'severity: high', 'severity: hi|gh')), '**High**\n\nAn extreme pain: a deal breaker the customer would pay to get rid of.');
      assert.equal(hoverText(replace(VPC, 'relieves: [waiting]', 'relieves: [wa|iting]')), '**Waiting in the rain** · `waiting`\n\nPains');
    });

    it('a quick fix: the closest enumeration value, and a missing block', () => {
      const text = replace(VPC, 'severity: high', 'severity: hgh');
      const result = validateCanvas(text);
      const actions = codeActions(text, result.diagnostics[0], result.parsed!, result.model!);
      assert.deepEqual(actions.map((a) => a.title), ['Change "hgh" to "high"']);
      assert.equal(applyEdits(text, actions[0].edits), VPC);
      const lean = 'canvas: lean\ntitle: T\n';
      const empty = validateCanvas(lean);
      const add = codeActions(lean, empty.diagnostics[0], empty.parsed!, empty.model!);
      assert.deepEqual(add.map((a) => a.title), ['Add the problem block with a first card']);
      assert.equal(applyEdits(lean, add[0].edits), 'canvas: lean\ntitle: T\nproblem:\n  - name: New problem\n');
    });

    it('a quick fix for a gap in the fit: name the pain in a pain reliever, the gain in a gain creator', () => {
      const text = `canvas: value-proposition
title: Gaps
pains:
  - id: waiting
    name: Waiting in the rain
  - Fares that jump at night
gains:
  - { id: predictable, name: Knows the arrival time }
pain-relievers:
  - name: Live arrival time
gain-creators: [Live map]
`;
      const result = validateCanvas(text);
      const fixes = (code: string, n = 0) => {
        const d = result.diagnostics.filter((x) => x.code === code)[n];
        return codeActions(text, d, result.parsed!, result.model!);
      };
      const pain = fixes('unrelieved-pain');
      assert.deepEqual(pain.map((a) => a.title), ['Add "waiting" to the relieves of pain reliever "Live arrival time"']);
      assert.equal(applyEdits(text, pain[0].edits), text.replace('  - name: Live arrival time\n', '  - name: Live arrival time\n    relieves: [waiting]\n'));
      const noId = fixes('unrelieved-pain', 1);
      assert.deepEqual(noId.map((a) => [a.title, a.isPreferred]), [['Give the card the id "fares-that-jump-at-night" and add it to the relieves of pain reliever "Live arrival time"', true]]);
      const fixed = applyEdits(text, noId[0].edits);
      assert.deepEqual(diagnose(fixed).filter((d) => d[0] === 'unrelieved-pain'), [['unrelieved-pain', 'warning', '5:11-5:30']]);
      const gain = fixes('uncreated-gain');
      assert.deepEqual(gain.map((a) => a.title), ['Add "predictable" to the creates of gain creator "Live map"']);
      assert.equal(applyEdits(text, gain[0].edits), text.replace('gain-creators: [Live map]', 'gain-creators: [{ name: Live map, creates: [predictable] }]'));
    });

    it('rename of an id changes the card and the references to it', () => {
      const offset = VPC.indexOf('id: waiting') + 5;
      const result = rename(VPC, model(VPC), offset, 'soaked');
      assert.ok('edits' in result);
      const renamed = applyEdits(VPC, result.edits);
      assert.equal(renamed, VPC.replace('id: waiting', 'id: soaked').replace('relieves: [waiting]', 'relieves: [soaked]'));
      assert.deepEqual(diagnose(renamed), []);
    });

    it('rename in a Lean Canvas: a problem and the solutions and alternatives naming it', () => {
      const result = rename(LEAN, model(LEAN), LEAN.indexOf('late-kids') + 1, 'no-ride');
      assert.ok('edits' in result);
      assert.deepEqual(result.edits.map((e) => rangeOf(LEAN, e.start, e.end)), ['4:9-4:18', '10:16-10:25', '13:16-13:25']);
      assert.deepEqual(diagnose(applyEdits(LEAN, result.edits)), []);
    });

    it('the outline names the blocks with the kind\'s titles', () => {
      const symbols = documentSymbols(model(VPC));
      assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.children.length]), [
        ['customer-jobs', 'Customer Jobs', 1],
        ['pains', 'Pains', 1],
        ['gains', 'Gains', 1],
        ['products-and-services', 'Products & Services', 1],
        ['pain-relievers', 'Pain Relievers', 1],
        ['gain-creators', 'Gain Creators', 1],
      ]);
      assert.deepEqual(documentSymbols(model(LEAN))[0].detail, 'Problem');
    });

    it('an edit of canvas: validates the file in full, as the new kind', () => {
      const before = validateCanvas(LEAN);
      const edited = replace(LEAN, 'canvas: lean', 'canvas: business-model');
      const after = revalidateCanvas(before, edited);
      assert.equal(after.incremental, undefined);
      assert.equal(after.model?.kind, 'business-model');
      assert.deepEqual(after.diagnostics, validateCanvas(edited).diagnostics);
      // An edit inside a card stays incremental, and keeps the kind.
      const card = revalidateCanvas(validateCanvas(LEAN), replace(LEAN, 'Weekly pass', 'Monthly pass'));
      assert.equal(card.incremental, true);
      assert.equal(card.model?.kind, 'lean');
      assert.deepEqual(card.diagnostics, []);
    });

    it('the diff titles blocks with the kind\'s words', () => {
      const changed = replace(LEAN, 'Kids late for school', 'Kids late for school, again');
      assert.equal(diffToText(diffCanvases(model(LEAN), model(changed))), '0 added, 0 removed, 1 changed, 0 moved\nProblem\n  ~ "Kids late for school, again" (late-kids)\n      name: "Kids late for school" -> "Kids late for school, again"\n');
    });
  });
});
