// Editor providers against full validation: the speed budget for completion, hover and
// definition. "Providers reuse the document parsed for its current version and never parse again:
// completion, hover and definition each answer in at most 5% of the time of a full validation of
// the same document, on a typical canvas and on the 750 KB / 8,000-card canvas of the benchmark."
//
// Per input, in rounds (one round = one new document version):
//   1. validate: validateCanvas(text), timed (in batches of ~5 ms on small inputs); the result of
//      the last call is this round's version: { parsed, model }.
//   2. first answer: each provider once on that fresh result, at a reference in a list, timed.
//      hover and definition build a per-model index (cards by id, sorted occurrences) on their
//      first call, so the first answer after an edit is their slowest: it is judged too. (It
//      also pays for caches just evicted by the validation: on a 2 KB canvas a completion right
//      after any validation, even on an older model, takes ~1.5x its warm time.)
//   3. every cursor position (about 200, see cursorPositions), each provider once, timed.
//   4. validate after a one-card edit: one character typed into the name of a card in the
//      middle, then validateCanvas on that text (batched like step 1; in odd rounds it comes
//      before step 1) (the core has no incremental validation, so this
//      is the time to fresh diagnostics after a keystroke; shown, not judged).
// The order of the providers rotates every round. Per position, the latency is the median over
// the rounds (a GC pause from the bench's own garbage should not decide a position); the table
// gives the median, p95 and max of those per-position latencies, and the p95 of the first
// answers, each also as a share of the median validate time of the same rounds.
// Verdict per provider and input: PASS when the p95 over positions is <= 5% of the median
// validation (the budget, as the brief words it) and, as a second check, the first answer
// after a new version is too, taken as its median over the rounds (one sample per round, so its
// p95 on a loaded machine is mostly scheduler noise: shown, not judged).
//
// complete, hover and definition are not all exported by dist/core.js: the caller bundles them
// (with validateCanvas, so the results handed to the providers come from the same code) the way
// dist/core.js is built, into bench/generated/ (git-ignored).

import { mulberry32 } from './generate.mjs';
import { quantile } from './stats.mjs';
export const PROVIDER_BUDGET = 0.05;

const now = () => performance.now();

const sorted = (values) => values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
const median = (values) => quantile(sorted(values), 0.5);

/** Up to `n` distinct items of `list`, picked with `rand`, in list order. */
function pick(list, n, rand) {
  const unique = [...new Set(list)];
  if (unique.length <= n) return unique;
  const chosen = new Set();
  while (chosen.size < n) chosen.add(unique[Math.floor(rand() * unique.length)]);
  return unique.filter((x) => chosen.has(x));
}

/** How many positions of each kind (about 200 in all when the text has that many). */
export const POSITION_KINDS = {
  key: 30, // on block keys and field keys (start, middle, before the colon), and at a field line's indentation
  'type-value': 25, // on a `type:` value (start, middle, end)
  reference: 35, // on an id in a reference field (middle, end), and just after `[` or `, ` in a flow list
  'card-id': 20, // on a card's own id
  'text-value': 25, // inside or at the end of a free-text value (name, description...)
  blank: 20, // blank lines (between blocks) and the end of the file
  'mid-card': 45, // any offset inside the cards of the middle tenth of the file
};

/**
 * About 200 cursor positions spread over the file, by kind; deterministic for a text. Positions
 * come from the text's lines and from the model's spans (ids, references, cards).
 * @returns {{ offset: number, kind: string }[]}
 */
export function cursorPositions(text, model, seed = 1) {
  const rand = mulberry32(seed * 7919 + text.length);
  const candidates = Object.fromEntries(Object.keys(POSITION_KINDS).map((k) => [k, []]));
  const mid = (start, end) => start + Math.floor((end - start) / 2);
  const flowGaps = []; // just after `[` or `, ` in a flow list; kept when the list holds references
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.trim() === '') candidates.blank.push(lineStart);
    const m = /^(\s*)(- )?([A-Za-z][\w-]*)(:)(\s*)(.*)$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) {
      const keyStart = lineStart + m[1].length + (m[2]?.length ?? 0);
      const keyEnd = keyStart + m[3].length;
      candidates.key.push(keyStart, mid(keyStart, keyEnd), keyEnd);
      if (m[1].length > 0) candidates.key.push(lineStart + m[1].length);
      const valueStart = keyEnd + 1 + m[5].length;
      const valueEnd = lineStart + line.length;
      if (m[6] && valueEnd > valueStart) {
        if (m[3] === 'type') candidates['type-value'].push(valueStart, mid(valueStart, valueEnd), valueEnd);
        else if (m[6].startsWith('[')) {
          for (let i = valueStart; i < valueEnd; i++) {
            if (text[i] === '[' || text[i] === ',') flowGaps.push({ offset: text[i + 1] === ' ' ? i + 2 : i + 1, lineStart, lineEnd });
          }
        } else if (m[3] !== 'id' && !/^[|>{]/.test(m[6])) candidates['text-value'].push(mid(valueStart, valueEnd), valueEnd);
      }
    }
    lineStart = lineEnd + 1;
  }
  candidates.blank.push(text.length);
  const referenceStarts = [];
  for (const card of model?.cards ?? []) {
    if (card.id) candidates['card-id'].push(mid(card.id.start, card.id.end), card.id.end);
    for (const r of card.references) {
      candidates.reference.push(mid(r.start, r.end), r.end);
      referenceStarts.push(r.start);
    }
  }
  referenceStarts.sort((a, b) => a - b);
  const hasReferenceIn = (start, end) => {
    let lo = 0;
    let hi = referenceStarts.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (referenceStarts[m] < start) lo = m + 1;
      else hi = m;
    }
    return lo < referenceStarts.length && referenceStarts[lo] < end;
  };
  for (const gap of flowGaps) if (hasReferenceIn(gap.lineStart, gap.lineEnd)) candidates.reference.push(gap.offset);
  const cards = (model?.cards ?? []).filter((c) => c.span.start >= text.length * 0.45 && c.span.end <= text.length * 0.55);
  for (const card of cards) for (let i = card.span.start; i < card.span.end; i++) candidates['mid-card'].push(i);
  return Object.entries(POSITION_KINDS).flatMap(([kind, n]) =>
    pick(
      candidates[kind].filter((o) => o >= 0 && o <= text.length),
      n,
      rand,
    ).map((offset) => ({ offset, kind })),
  );
}

/** The text with one character typed at the end of the name of a card near the middle. */
function oneCardEdit(text, model, round) {
  const named = (model?.cards ?? []).filter((c) => c.name && c.node && typeof c.labelSpan?.end === 'number');
  if (!named.length) return undefined;
  const card = named[(Math.floor(named.length / 2) + round) % named.length];
  let at = card.labelSpan.end;
  if (text[at - 1] === '"' || text[at - 1] === "'") at--; // inside a quoted name
  return text.slice(0, at) + 'x' + text.slice(at);
}

/**
 * Measures one input. `api` = { validateCanvas, complete, hover, definition }, all from one bundle.
 * @returns the numbers for the table
 */
export function measureProviders(api, text, budgetMs, { minRounds = 8, maxRounds = 200 } = {}) {
  const { validateCanvas, complete, hover, definition } = api;
  const base = validateCanvas(text);
  const positions = cursorPositions(text, base.model);
  const providers = {
    completion: (r, o) => complete(text, o, r.parsed, r.model),
    hover: (r, o) => hover(text, o, r.parsed, r.model),
    definition: (r, o) => definition(r.model, o),
  };
  const names = Object.keys(providers);
  const answered = Object.fromEntries(
    names.map((n) => [
      n,
      positions.filter(({ offset }) => {
        const a = providers[n](base, offset);
        return Array.isArray(a) ? a.length > 0 : a !== undefined;
      }).length,
    ]),
  );
  // The first answer on a fresh model: at a reference (what builds hover's and definition's index).
  const firstAt = positions.filter((p) => p.kind === 'reference').map((p) => p.offset);
  if (!firstAt.length) firstAt.push(positions[0]?.offset ?? 0);
  const editedDiagnostics = (() => {
    const edited = oneCardEdit(text, base.model, 0);
    return edited === undefined ? undefined : validateCanvas(edited).diagnostics.length;
  })();

  // Warm-up: JIT every path once or twice.
  const warmStart = now();
  let warmCalls = 0;
  while (warmCalls < 2 || (warmCalls < 200 && now() - warmStart < Math.min(1000, budgetMs / 5))) {
    const r = validateCanvas(text);
    for (const n of names) for (const { offset } of positions) providers[n](r, offset);
    warmCalls++;
  }
  const single = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    validateCanvas(text);
    single.push(now() - t0);
    if (single[i] > 50) break;
  }
  const perCall = median(single);
  const batch = Math.max(1, Math.round(5 / Math.max(perCall, 1e-3)));

  const validateMs = [];
  const editMs = []; // by round
  const first = Object.fromEntries(names.map((n) => [n, []]));
  const warm = Object.fromEntries(names.map((n) => [n, positions.map(() => [])]));
  const start = now();
  let round = 0;
  const timeEdit = (r) => {
    const edits = [];
    for (let i = 0; i < batch; i++) edits.push(oneCardEdit(text, base.model, r * batch + i));
    if (edits[0] === undefined) return;
    const t = now();
    for (const edited of edits) validateCanvas(edited);
    editMs[r] = (now() - t) / batch;
  };
  for (; round < minRounds || (round < maxRounds && now() - start < budgetMs); round++) {
    // The edit goes before the validation in odd rounds, after the providers in even ones: the
    // GC debt of whichever runs first is not always paid by the same one.
    if (round % 2 === 1) timeEdit(round);
    let result;
    const t0 = now();
    for (let i = 0; i < batch; i++) result = validateCanvas(text);
    validateMs.push((now() - t0) / batch);
    const order = names.map((_, i) => names[(i + round) % names.length]);
    const at = firstAt[(round * 7) % firstAt.length];
    for (const n of order) {
      const t = now();
      providers[n](result, at);
      first[n].push(now() - t);
    }
    for (const n of order) {
      const fn = providers[n];
      const samples = warm[n];
      // Positions in a rotating order too, so no position always follows the same one.
      const shift = (round * 37) % positions.length;
      for (let k = 0; k < positions.length; k++) {
        const i = (k + shift) % positions.length;
        const t = now();
        fn(result, positions[i].offset);
        samples[i].push(now() - t);
      }
    }
    if (round % 2 === 0) timeEdit(round);
  }

  const validate = median(validateMs);
  const rows = names.map((n) => {
    const perPosition = sorted(warm[n].map(median));
    const firstSorted = sorted(first[n]);
    const byKind = {};
    positions.forEach((p, i) => {
      (byKind[p.kind] ??= []).push(median(warm[n][i]));
    });
    const worstKind = Object.entries(byKind)
      .map(([kind, v]) => [kind, quantile(sorted(v), 0.95)])
      .sort((a, b) => b[1] - a[1])[0];
    const p95 = quantile(perPosition, 0.95);
    const firstP95 = quantile(firstSorted, 0.95);
    return {
      provider: n,
      answered: answered[n],
      median: quantile(perPosition, 0.5),
      p95,
      max: perPosition[perPosition.length - 1],
      firstMedian: quantile(firstSorted, 0.5),
      firstP95,
      worstKind,
      passPositions: p95 <= PROVIDER_BUDGET * validate,
      passFirst: quantile(firstSorted, 0.5) <= PROVIDER_BUDGET * validate,
    };
  });
  return {
    positions: positions.length,
    kinds: Object.fromEntries(Object.keys(POSITION_KINDS).map((k) => [k, positions.filter((p) => p.kind === k).length])),
    rounds: round,
    batch,
    validate,
    edit: editMs.length ? median(editMs) : NaN,
    // Per round, edit / validate: on a loaded machine the 8,000-card rounds vary by +-25%.
    editRatio: (() => {
      const r = sorted(editMs.map((e, i) => e / validateMs[i]));
      return { median: quantile(r, 0.5), q1: quantile(r, 0.25), q3: quantile(r, 0.75) };
    })(),
    editedDiagnostics,
    diagnostics: base.diagnostics.length,
    rows,
  };
}
