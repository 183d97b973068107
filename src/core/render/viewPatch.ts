import type { BlockView, CanvasView, CardView, ProblemView } from './viewTypes';

/**
 * What changed from one view of a canvas to the next, small enough to post on every keystroke: a
 * 1,000-card view is about 330 KB of JSON, a one-key edit's patch a few hundred bytes. Pure data
 * (JSON), made by `diffView` and applied by `applyViewPatch`, which gives back a view deep-equal to
 * the next one whatever the two views are (property-tested in test/unit/viewPatch.test.ts).
 */
export interface ViewPatch {
  /**
   * Every text offset at or after `at` in the previous view (card spans, block key spans, problem
   * spans) moves by `by`: what typing does to everything written after the edited card. Applied
   * first; everything else in the patch is already in the next view's offsets.
   */
  shift?: TextShift;
  /** Top-level fields whose value changed, whole (`blocks` only when the list of block keys changed). */
  set?: Partial<CanvasView>;
  /** Optional top-level fields the next view no longer has (description, version). */
  unset?: (keyof CanvasView)[];
  /** The blocks that changed, by key, in view order. */
  blocks?: BlockPatch[];
}

export interface TextShift {
  at: number;
  by: number;
}

export interface BlockPatch {
  key: string;
  /** Block fields whose value changed, whole (title, present, keySpan …; never `key` or `cards`). */
  set?: Partial<Omit<BlockView, 'key' | 'cards'>>;
  /** Optional block fields the next view no longer has (group, keySpan). */
  unset?: (keyof BlockView)[];
  /** Keys of the cards that left the block. */
  removed?: string[];
  /** Cards new to the block and their index in the next block's list (ascending). */
  added?: { at: number; card: CardView }[];
  /** Cards kept whose content (or span, beyond the shift) changed, whole. */
  changed?: CardView[];
  /** The next order of the block's card keys: only when cards moved (removing and adding does not give it). */
  order?: string[];
  /** The whole list, when a card key repeats in the block (views from buildView never repeat one). */
  cards?: CardView[];
}

/** Equal JSON values (objects compared by their defined fields; `undefined` fields count as absent). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    count++;
    if (!sameValue(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) count--;
  return count === 0;
}

const move = (offset: number, shift: TextShift | undefined) => (shift && offset >= shift.at ? offset + shift.by : offset);

function moveSpan<T extends { start: number; end: number }>(span: T, shift: TextShift | undefined): T {
  if (!shift || span.end < shift.at) return span;
  return { ...span, start: move(span.start, shift), end: move(span.end, shift) };
}

function moveCard(card: CardView, shift: TextShift | undefined): CardView {
  const span = moveSpan(card.span, shift);
  return span === card.span ? card : { ...card, span };
}

function moveBlock(block: BlockView, shift: TextShift | undefined): BlockView {
  if (!shift) return block;
  const cards = block.cards.map((card) => moveCard(card, shift));
  const moved: BlockView = { ...block, cards };
  if (block.keySpan) moved.keySpan = moveSpan(block.keySpan, shift);
  return moved;
}

const moveProblems = (problems: ProblemView[], shift: TextShift | undefined) => (shift ? problems.map((p) => ({ ...p, span: moveSpan(p.span, shift) })) : problems);

/** Equal cards once `previous` is shifted (compared without copying it). */
function sameCard(previous: CardView, next: CardView, shift: TextShift | undefined): boolean {
  if (move(previous.span.start, shift) !== next.span.start || move(previous.span.end, shift) !== next.span.end) return false;
  let count = 0;
  for (const key in previous) {
    const value = (previous as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    count++;
    if (key !== 'span' && !sameValue(value, (next as unknown as Record<string, unknown>)[key])) return false;
  }
  for (const key in next) if ((next as unknown as Record<string, unknown>)[key] !== undefined) count--;
  return count === 0;
}

/**
 * The one text edit that explains most of the offsets: from the end of the text back, the run of
 * matching cards (and block keys) that all moved by the same amount. Only a guess: whatever it
 * does not explain is sent as a change, so a wrong guess makes a bigger patch, never a wrong view.
 * Two linear passes over the offsets (no sorting): it runs on every key typed.
 */
function guessShift(previous: CanvasView, next: CanvasView): TextShift | undefined {
  // Offsets before and after, side by side: [before, after, before, after, …].
  const offsets: number[] = [];
  previous.blocks.forEach((block, i) => {
    const other = next.blocks[i];
    if (block.keySpan && other.keySpan) offsets.push(block.keySpan.start, other.keySpan.start);
    // Cards by position while the keys line up (typing), by key from the first that does not.
    let byKey: Map<string, CardView> | undefined;
    block.cards.forEach((card, j) => {
      if (!byKey && other.cards[j]?.key !== card.key) byKey = new Map(other.cards.map((c) => [c.key, c]));
      const same = byKey ? byKey.get(card.key) : other.cards[j];
      if (same) offsets.push(card.span.start, same.span.start, card.span.end, same.span.end);
    });
  });
  // The move of the last offset of the text, and the last offset that moved otherwise.
  let last = -1;
  let by = 0;
  for (let i = 0; i < offsets.length; i += 2) {
    if (offsets[i] > last) {
      last = offsets[i];
      by = offsets[i + 1] - offsets[i];
    }
  }
  if (by === 0) return undefined;
  let otherwise = -1;
  for (let i = 0; i < offsets.length; i += 2) {
    if (offsets[i + 1] - offsets[i] !== by && offsets[i] > otherwise) otherwise = offsets[i];
  }
  let at = Infinity;
  for (let i = 0; i < offsets.length; i += 2) {
    if (offsets[i + 1] - offsets[i] === by && offsets[i] > otherwise && offsets[i] < at) at = offsets[i];
  }
  return { at, by };
}

function diffBlock(previous: BlockView, next: BlockView, shift: TextShift | undefined): BlockPatch | undefined {
  const patch: BlockPatch = { key: next.key };
  const set: Partial<BlockView> = {};
  const unset: (keyof BlockView)[] = [];
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]) as Set<keyof BlockView>;
  for (const key of keys) {
    if (key === 'key' || key === 'cards') continue;
    const before = key === 'keySpan' && previous.keySpan ? moveSpan(previous.keySpan, shift) : previous[key];
    const after = next[key];
    if (after === undefined) {
      if (before !== undefined) unset.push(key);
    } else if (!sameValue(before, after)) (set as Record<string, unknown>)[key] = after;
  }
  if (Object.keys(set).length) patch.set = set;
  if (unset.length) patch.unset = unset;

  const aligned = previous.cards.length === next.cards.length && previous.cards.every((c, i) => c.key === next.cards[i].key);
  if (aligned && new Set(next.cards.map((c) => c.key)).size === next.cards.length) {
    // The same cards in the same order (typing): only what changed, compared in place.
    const changed = next.cards.filter((card, i) => !sameCard(previous.cards[i], card, shift));
    if (changed.length) patch.changed = changed;
    return Object.keys(patch).length > 1 ? patch : undefined;
  }
  const before = new Map(previous.cards.map((c) => [c.key, c]));
  const after = new Map(next.cards.map((c) => [c.key, c]));
  if (before.size !== previous.cards.length || after.size !== next.cards.length) {
    if (!sameValue(previous.cards.map((c) => moveCard(c, shift)), next.cards)) patch.cards = next.cards;
  } else {
    const removed = previous.cards.filter((c) => !after.has(c.key)).map((c) => c.key);
    const added: { at: number; card: CardView }[] = [];
    const changed: CardView[] = [];
    next.cards.forEach((card, at) => {
      const old = before.get(card.key);
      if (!old) added.push({ at, card });
      else if (!sameCard(old, card, shift)) changed.push(card);
    });
    if (removed.length) patch.removed = removed;
    if (added.length) patch.added = added;
    if (changed.length) patch.changed = changed;
    const order = orderAfter(previous.cards.map((c) => c.key), removed, added);
    if (order.some((key, i) => key !== next.cards[i].key)) patch.order = next.cards.map((c) => c.key);
  }
  return Object.keys(patch).length > 1 ? patch : undefined;
}

/** The keys once `removed` are taken out and `added` put in at their indices (ascending). */
function orderAfter(keys: string[], removed: readonly string[], added: readonly { at: number; card: { key: string } }[]): string[] {
  const gone = new Set(removed);
  const order = gone.size ? keys.filter((k) => !gone.has(k)) : keys.slice();
  for (const { at, card } of added) order.splice(at, 0, card.key);
  return order;
}

/** What turns `previous` into `next` (see `ViewPatch`); an empty object when nothing changed. */
export function diffView(previous: CanvasView, next: CanvasView): ViewPatch {
  const patch: ViewPatch = {};
  const sameBlocks = previous.blocks.length === next.blocks.length && previous.blocks.every((b, i) => b.key === next.blocks[i].key);
  const shift = sameBlocks ? guessShift(previous, next) : undefined;
  if (shift) patch.shift = shift;
  const set: Partial<CanvasView> = {};
  const unset: (keyof CanvasView)[] = [];
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]) as Set<keyof CanvasView>;
  for (const key of keys) {
    if (key === 'blocks') continue;
    const before = key === 'problems' ? moveProblems(previous.problems, shift) : previous[key];
    const after = next[key];
    if (after === undefined) {
      if (before !== undefined) unset.push(key);
    } else if (!sameValue(before, after)) (set as Record<string, unknown>)[key] = after;
  }
  if (!sameBlocks) set.blocks = next.blocks;
  else {
    const blocks: BlockPatch[] = [];
    previous.blocks.forEach((block, i) => {
      const changed = diffBlock(block, next.blocks[i], shift);
      if (changed) blocks.push(changed);
    });
    if (blocks.length) patch.blocks = blocks;
  }
  if (Object.keys(set).length) patch.set = set;
  if (unset.length) patch.unset = unset;
  return patch;
}

function applyBlockPatch(block: BlockView, patch: BlockPatch): BlockView {
  const next: BlockView = { ...block, ...patch.set };
  for (const key of patch.unset ?? []) delete next[key];
  if (patch.cards) {
    next.cards = patch.cards;
    return next;
  }
  const changed = new Map((patch.changed ?? []).map((c) => [c.key, c]));
  const gone = new Set(patch.removed ?? []);
  const cards = block.cards.filter((c) => !gone.has(c.key)).map((c) => changed.get(c.key) ?? c);
  for (const { at, card } of patch.added ?? []) cards.splice(at, 0, card);
  if (patch.order) {
    const byKey = new Map(cards.map((c) => [c.key, c]));
    next.cards = patch.order.map((key) => byKey.get(key)!).filter((c) => c !== undefined);
  } else next.cards = cards;
  return next;
}

/** The view `patch` (from `diffView(view, next)`) turns `view` into: `next`, new objects where anything changed. */
export function applyViewPatch(view: CanvasView, patch: ViewPatch): CanvasView {
  const { shift } = patch;
  const next: CanvasView = { ...view, problems: moveProblems(view.problems, shift), ...patch.set };
  for (const key of patch.unset ?? []) delete next[key];
  if (patch.set?.blocks) return next;
  const patches = new Map((patch.blocks ?? []).map((b) => [b.key, b]));
  next.blocks = view.blocks.map((block) => {
    const moved = moveBlock(block, shift);
    const blockPatch = patches.get(block.key);
    return blockPatch ? applyBlockPatch(moved, blockPatch) : moved;
  });
  return next;
}

/** The cards a patch touches (added or changed), by block key: what the page redraws. */
export function touchedCards(patch: ViewPatch): Map<string, Set<string>> {
  const touched = new Map<string, Set<string>>();
  for (const block of patch.blocks ?? []) {
    const keys = new Set<string>();
    for (const { card } of block.added ?? []) keys.add(card.key);
    for (const card of block.changed ?? []) keys.add(card.key);
    for (const card of block.cards ?? []) keys.add(card.key);
    touched.set(block.key, keys);
  }
  return touched;
}
