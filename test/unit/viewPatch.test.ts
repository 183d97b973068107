// The preview's per-card patches (src/core/render/viewPatch.ts): for many pairs of views, applying
// the patch of (previous, next) to previous gives exactly next; and exact patches for typing,
// adding, removing, moving and the fields around the cards.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCanvasView, revalidateCanvas, validateCanvas } from '../../src/core';
import type { CanvasView } from '../../src/core';
import { applyViewPatch, diffView, sameValue } from '../../src/core/render/viewPatch';
import { canvasFiles } from './canvasText';
import { MUTATION_NAMES, MUTATIONS } from './canvasMutations';

const ROOT = join(__dirname, '../../..');
const importModule = new Function('path', 'return import(path)') as (path: string) => Promise<{ generateCanvas(cards: number, seed: number): string }>;

function viewOf(text: string, version?: number): CanvasView {
  return buildCanvasView(validateCanvas(text), version === undefined ? {} : { version });
}

/** `next` rebuilt from `previous` and the patch, through JSON as postMessage would carry it. */
function roundTrip(previous: CanvasView, next: CanvasView, what: string): void {
  const patch = JSON.parse(JSON.stringify(diffView(previous, next)));
  const applied = applyViewPatch(JSON.parse(JSON.stringify(previous)), patch);
  assert.deepEqual(JSON.parse(JSON.stringify(applied)), JSON.parse(JSON.stringify(next)), what);
}

/** Typing: `suffix` appended after the `n`th `name: …` value, one character at a time. */
function typed(text: string, n: number, suffix: string): string[] {
  const matches = [...text.matchAll(/name: [^\n]*/g)];
  const at = matches[n % matches.length];
  const end = at.index! + at[0].length;
  return [...suffix].map((_, i) => text.slice(0, end) + suffix.slice(0, i + 1) + text.slice(end));
}

/** The lines of the `n`th list item (a `- ` at `indent`) and where they are. */
function item(text: string, n: number): { start: number; end: number } | undefined {
  const starts = [...text.matchAll(/\n  - /g)].map((m) => m.index! + 1);
  if (!starts.length) return undefined;
  const start = starts[n % starts.length];
  const rest = text.slice(start + 1).search(/\n(?!   )/);
  return { start, end: rest < 0 ? text.length : start + 1 + rest + 1 };
}

/** Edits a canvas the way people do: type, add, delete and move cards, retitle, break the YAML. */
const EDITS: Record<string, (text: string, n: number) => string> = {
  type: (t, n) => typed(t, n, 'x')[0],
  typeSpace: (t, n) => typed(t, n, ' ')[0],
  erase: (t, n) => t.replace(/(name: [^\n]*)[^\n](\n)/, '$1$2'),
  duplicateCard: (t, n) => {
    const it = item(t, n);
    return it ? t.slice(0, it.end) + t.slice(it.start, it.end).replace(/id: ([a-z0-9-]+)/, 'id: $1-copy') + t.slice(it.end) : t;
  },
  deleteCard: (t, n) => {
    const it = item(t, n);
    return it ? t.slice(0, it.start) + t.slice(it.end) : t;
  },
  swapCards: (t, n) => {
    const a = item(t, n);
    const b = a && item(t.slice(a.end), 0);
    if (!a || !b || b.start !== 0) return t;
    const second = t.slice(a.end, a.end + b.end);
    return t.slice(0, a.start) + second + t.slice(a.start, a.end) + t.slice(a.end + b.end);
  },
  retitle: (t, n) => t.replace(/^title: .*$/m, `title: Retitled ${n}`),
  breakYaml: (t, n) => {
    const it = item(t, n);
    return it ? `${t.slice(0, it.start)}  - [unclosed\n${t.slice(it.start)}` : `${t}x: [\n`;
  },
  description: (t, n) => t.replace(/(description: )[^\n]*/, `$1Changed *${n}*`),
};

describe('view patches', () => {
  describe('exact patches', () => {
    const TEXT = `canvas: business-model
title: Rides
customer-segments:
  - id: riders
    name: Riders
value-propositions:
  - id: fast
    name: Fast
    segments: [riders]
  - id: cheap
    name: Cheap
    segments: [riders]
channels:
  - App
`;
    const card = (view: CanvasView, block: string, key: string) => view.blocks.find((b) => b.key === block)!.cards.find((c) => c.key === key)!;
    /**
     * The patch without the canvas's health summary (derived from the whole canvas and tested with
     * it): whatever other fields it has are exact.
     */
    const patchOf = (before: CanvasView, after: CanvasView) => {
      const patch = diffView(before, after);
      if (patch.set) delete (patch.set as Record<string, unknown>).health;
      return patch;
    };

    it('nothing changed: an empty patch', () => {
      assert.deepEqual(diffView(viewOf(TEXT, 1), viewOf(TEXT, 1)), {});
    });

    it('a key typed in a name: the version, the shift of everything after it and that one card', () => {
      const next = TEXT.replace('name: Fast', 'name: Faster');
      const before = viewOf(TEXT, 1);
      const after = viewOf(next, 2);
      const fastEnd = card(before, 'value-propositions', 'fast').span.end;
      assert.deepEqual(patchOf(before, after), {
        shift: { at: fastEnd, by: 2 },
        set: { version: 2 },
        blocks: [{ key: 'value-propositions', changed: [card(after, 'value-propositions', 'fast')] }],
      });
      // The card's span ends two characters later; the next card starts two later.
      assert.deepEqual(card(after, 'value-propositions', 'fast').span, { start: TEXT.indexOf('id: fast'), end: fastEnd + 2 });
      assert.equal(card(after, 'value-propositions', 'cheap').span.start, card(before, 'value-propositions', 'cheap').span.start + 2);
    });

    it('a card added: its index and itself, nothing else in its block', () => {
      const next = TEXT.replace('channels:\n  - App\n', 'channels:\n  - Web\n  - App\n');
      const after = viewOf(next, 2);
      assert.deepEqual(patchOf(viewOf(TEXT, 1), after), {
        // Web names no segment: one more problem.
        set: { version: 2, problems: after.problems },
        // A card without an id is keyed by its index: App is now channels#1, Web takes channels#0.
        blocks: [{ key: 'channels', added: [{ at: 1, card: card(after, 'channels', 'channels#1') }], changed: [card(after, 'channels', 'channels#0')] }],
      });
    });

    it('a card removed: its key; the cards after it shift back', () => {
      const start = TEXT.indexOf('  - id: cheap');
      const end = TEXT.indexOf('channels:');
      const after = viewOf(TEXT.slice(0, start) + TEXT.slice(end), 2);
      assert.deepEqual(patchOf(viewOf(TEXT, 1), after), {
        shift: { at: TEXT.indexOf('channels:'), by: start - end },
        set: { version: 2, problems: after.problems },
        blocks: [{ key: 'value-propositions', removed: ['cheap'] }],
      });
    });

    it('two cards swapped: the new order and the two cards (their spans moved)', () => {
      const fast = TEXT.slice(TEXT.indexOf('  - id: fast'), TEXT.indexOf('  - id: cheap'));
      const cheap = TEXT.slice(TEXT.indexOf('  - id: cheap'), TEXT.indexOf('channels:'));
      const after = viewOf(TEXT.replace(fast + cheap, cheap + fast), 2);
      assert.deepEqual(patchOf(viewOf(TEXT, 1), after), {
        set: { version: 2 },
        blocks: [{ key: 'value-propositions', changed: [card(after, 'value-propositions', 'cheap'), card(after, 'value-propositions', 'fast')], order: ['cheap', 'fast'] }],
      });
    });

    it('the title and a block key added: top-level fields and the block’s own fields', () => {
      const next = TEXT.replace('title: Rides', 'title: Rides!') + 'key-partnerships: []\n';
      const after = viewOf(next, 2);
      const partners = after.blocks.find((b) => b.key === 'key-partnerships')!;
      assert.deepEqual(patchOf(viewOf(TEXT, 1), after), {
        shift: { at: TEXT.indexOf('customer-segments:'), by: 1 },
        // The empty block's hint is gone.
        set: { version: 2, title: 'Rides!', problems: after.problems },
        blocks: [{ key: 'key-partnerships', set: { present: true, keySpan: partners.keySpan } }],
      });
    });

    it('a description removed and the version dropped: unset', () => {
      const before = viewOf(TEXT.replace('title: Rides\n', 'title: Rides\ndescription: Old\n'), 3);
      const patch = diffView(before, viewOf(TEXT));
      assert.deepEqual(patch.unset?.slice().sort(), ['description', 'version']);
      roundTrip(before, viewOf(TEXT), 'unset');
    });

    it('another kind: the blocks whole', () => {
      const lean = viewOf('canvas: lean\ntitle: L\nproblem:\n  - Slow\n', 2);
      const patch = diffView(viewOf(TEXT, 1), lean);
      assert.equal(patch.set?.blocks, lean.blocks);
      assert.equal(patch.blocks, undefined);
      roundTrip(viewOf(TEXT, 1), lean, 'kind change');
    });

    it('sameValue treats an undefined field as absent and compares arrays by order', () => {
      assert.equal(sameValue({ a: 1, b: undefined }, { a: 1 }), true);
      assert.equal(sameValue([1, 2], [2, 1]), false);
      assert.equal(sameValue({ a: [1] }, { a: { 0: 1 } }), false);
      assert.equal(sameValue(null, {}), false);
    });
  });

  // buildView reads a card's own fields once per card object (the incremental revalidation keeps
  // the objects of untouched cards): the view of an edited text must be the same either way.
  describe('the view of an incremental revalidation is the view of a fresh validation', () => {
    for (const file of canvasFiles(join(ROOT, 'examples'))) {
      it(file.split('/').pop()!, () => {
        let text = readFileSync(file, 'utf8');
        let result = validateCanvas(text);
        buildCanvasView(result);
        let step = 0;
        for (const [name, edit] of Object.entries(EDITS)) {
          for (const n of [1, 4]) {
            text = edit(text, n);
            result = revalidateCanvas(result, text);
            const incremental = buildCanvasView(result, { version: ++step });
            assert.deepEqual(incremental, viewOf(text, step), `${name} ${n} (step ${step})`);
          }
        }
        for (const key of 'typing') {
          text = typed(text, 2, key)[0];
          result = revalidateCanvas(result, text);
          assert.deepEqual(buildCanvasView(result, { version: ++step }), viewOf(text, step), `typed ${key}`);
        }
      });
    }
  });

  describe('applyViewPatch(previous, diffView(previous, next)) is next', () => {
    const files = canvasFiles(join(ROOT, 'examples'));

    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      it(`${file.split('/').pop()}: every edit, the canvas mutations, and typing a name through`, () => {
        const previous = viewOf(text, 1);
        let cases = 0;
        for (const [name, edit] of Object.entries(EDITS)) {
          for (let n = 0; n < 3; n++) {
            roundTrip(previous, viewOf(edit(text, n), 2), `${name} ${n}`);
            roundTrip(viewOf(edit(text, n), 2), previous, `${name} ${n} undone`);
            cases += 2;
          }
        }
        for (let k = 0; k < MUTATION_NAMES.length; k++) {
          for (let a = 0; a < 2; a++) {
            const mutated = MUTATIONS[MUTATION_NAMES[k]](text, a, a * 7 + k);
            roundTrip(previous, viewOf(mutated, 2), `${MUTATION_NAMES[k]}(${a})`);
            cases++;
          }
        }
        let last = previous;
        typed(text, 3, ' and more').forEach((step, i) => {
          const next = viewOf(step, i + 2);
          roundTrip(last, next, `typed ${i}`);
          last = next;
          cases++;
        });
        assert.ok(cases > 60, `${cases} pairs`);
      });
    }

    it('between the examples (other kinds, other cards)', () => {
      const views = files.map((f) => viewOf(readFileSync(f, 'utf8'), 1));
      for (const a of views) for (const b of views) roundTrip(a, b, `${a.title} → ${b.title}`);
    });

    it('generated canvases: typing in a 1,000-card canvas sends one card, and edits at random places', async () => {
      const { generateCanvas } = await importModule(join(ROOT, 'bench', 'generate.mjs'));
      for (const seed of [1, 2, 3]) {
        const text = generateCanvas(seed === 1 ? 1000 : 120, seed);
        const previous = viewOf(text, 1);
        for (const [name, edit] of Object.entries(EDITS)) {
          for (const n of seed === 1 ? [0, 61] : [0, 17, 61]) roundTrip(previous, viewOf(edit(text, n), 2), `seed ${seed}: ${name} ${n}`);
        }
        roundTrip(previous, viewOf(generateCanvas(60, seed + 10), 2), `seed ${seed}: another canvas`);
        if (seed === 1) {
          const next = viewOf(typed(text, 200, 'x')[0], 2);
          const patch = diffView(previous, next);
          const touched = (patch.blocks ?? []).flatMap((b) => [...(b.changed ?? []), ...(b.added ?? []).map((a) => a.card), ...(b.cards ?? [])]);
          assert.equal(touched.length, 1, 'one card sent');
          assert.ok(JSON.stringify(patch).length < 2000, `a small patch: ${JSON.stringify(patch).length} bytes`);
        }
      }
    });
  });
});
