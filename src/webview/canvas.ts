import { touchedCards, type ViewPatch } from '../core/render/viewPatch';
import type { BlockView, CanvasView, CardView, CellView, GroupView } from '../core/render/viewTypes';
import { cardSignature, createCard, fillCard, type CardContext } from './cards';
import { FitLines } from './fitLines';
import { markdownFragments } from './markdown';

interface BlockDom {
  section: HTMLElement;
  title: HTMLElement;
  count: HTMLElement;
  guide: HTMLElement;
  list: HTMLUListElement;
}

interface GroupDom {
  section: HTMLElement;
  title: HTMLElement;
  /** Holds the grid with room around it for the group's shape (the profile's ellipse is its border). */
  ring: HTMLElement;
  grid: HTMLElement;
}

interface CardDom {
  el: HTMLLIElement;
  signature: string;
  card: CardView;
}

/**
 * The kind's blocks and their cards, patched in place: a new view reuses every block section and
 * every card element whose key it still has, redraws only cards whose content changed and moves
 * elements only where the order changed. No element is rebuilt for nothing, so focus, selection
 * and scroll position survive an update.
 */
export class CanvasDom {
  private readonly blocks = new Map<string, BlockDom>();
  private readonly groups = new Map<string, GroupDom>();
  private readonly fits: FitLines;
  private readonly cards = new Map<string, CardDom>();
  /** Cards in file order, for the card under the editor's cursor. */
  private ordered: CardDom[] = [];
  private highlighted: CardDom | undefined;
  private segment: string | undefined;

  constructor(readonly main: HTMLElement) {
    this.fits = new FitLines(main);
  }

  /** Applies `view`; returns the number of cards drawn. */
  render(view: CanvasView, context: CardContext): number {
    const seen = new Set<string>();
    const ordered: CardDom[] = [];
    const changed: CardDom[] = [];
    this.main.dataset.kind = view.kind;
    this.main.classList.toggle('grouped', view.groups.length > 0);
    setStyle(this.main, '--grid-columns', String(whole(view.grid.columns)));
    const groups = new Map(view.groups.map((group) => [group.key, this.group(group)]));
    for (const [key, dom] of this.groups) {
      if (!groups.has(key)) {
        dom.section.remove();
        this.groups.delete(key);
      }
    }
    // Groups first, in view order, then blocks outside any group.
    let previousInMain: HTMLElement | null = null;
    for (const dom of groups.values()) previousInMain = place(this.main, dom.section, previousInMain);
    const previous = new Map<HTMLElement, HTMLElement | null>();
    for (const block of view.blocks) {
      const dom = this.block(block);
      const group = block.group !== undefined ? view.groups.find((g) => g.key === block.group) : undefined;
      const parent = group ? groups.get(group.key)!.grid : this.main;
      setCell(dom.section, block.cell, group?.cell);
      // Blocks keep layout order; a view that reorders them (it should not) is followed.
      const after = parent === this.main ? previousInMain : (previous.get(parent) ?? null);
      const placed = place(parent, dom.section, after);
      if (parent === this.main) previousInMain = placed;
      else previous.set(parent, placed);
      this.patchCards(block, dom.list, context, seen, ordered, changed);
    }
    this.fill(changed, context);
    for (const [key, dom] of this.blocks) {
      if (!view.blocks.some((b) => b.key === key)) {
        dom.section.remove();
        this.blocks.delete(key);
      }
    }
    for (const key of this.cards.keys()) {
      if (!seen.has(key)) this.cards.delete(key); // its element left with its list's patch
    }
    this.ordered = ordered.sort((a, b) => a.card.span.start - b.card.span.start);
    if (this.highlighted && !seen.has(this.highlighted.el.dataset.key!)) this.highlighted = undefined;
    this.applyFilter();
    this.fits.update(view);
    this.fits.highlight(this.highlighted?.el.dataset.key);
    return ordered.length;
  }

  /**
   * Applies `view`, which `patch` made from the view drawn last: only the blocks the patch names are
   * walked and only its added and changed cards redrawn; every other card just takes its new data
   * (offsets moved by typing), so a key typed in a 1,000-card canvas touches one card's elements.
   * A patch that changes what every card may show (segments, layout, kind) draws the whole view.
   */
  update(view: CanvasView, patch: ViewPatch | undefined, context: CardContext): number {
    const set = patch?.set;
    if (!patch || set?.blocks || set?.segments || set?.groups || set?.grid || set?.kind) return this.render(view, context);
    const touched = touchedCards(patch);
    const seen = new Set<string>();
    const ordered: CardDom[] = [];
    const changed: CardDom[] = [];
    for (const block of view.blocks) {
      const only = touched.get(block.key);
      const dom = only ? this.block(block) : this.blocks.get(block.key);
      if (!dom) return this.render(view, context); // not drawn yet: nothing to patch
      if (only) this.patchCards(block, dom.list, context, seen, ordered, changed, only);
      else this.rebind(block, seen, ordered);
    }
    this.fill(changed, context);
    if (touched.size) {
      for (const key of this.cards.keys()) {
        if (!seen.has(key)) this.cards.delete(key); // its element left with its list's patch
      }
      this.ordered = ordered.sort((a, b) => a.card.span.start - b.card.span.start);
    }
    if (this.highlighted && !seen.has(this.highlighted.el.dataset.key!)) this.highlighted = undefined;
    this.applyFilter(changed);
    this.fits.update(view);
    this.fits.highlight(this.highlighted?.el.dataset.key);
    return ordered.length;
  }

  /** An untouched block's cards take their new data (their offsets moved); nothing is drawn. */
  private rebind(block: BlockView, seen: Set<string>, ordered: CardDom[]): void {
    let occurrences: Map<string, number> | undefined;
    for (const card of block.cards) {
      let key = `${block.key}/${card.key}`;
      if (seen.has(key)) {
        // A repeated key (see patchCards): numbered as there.
        occurrences ??= new Map();
        const n = (occurrences.get(card.key) ?? 0) + 1;
        occurrences.set(card.key, n);
        key = `${key}~${n}`;
      }
      seen.add(key);
      const dom = this.cards.get(key);
      if (!dom) continue;
      dom.card = card;
      ordered.push(dom);
    }
  }

  /** Lays the fit lines again (after something changed the cards' sizes, e.g. compare marks). */
  relayout(): void {
    this.fits.redraw();
  }

  /** Removes everything (another file is shown now). */
  clear(): void {
    for (const dom of this.blocks.values()) dom.section.remove();
    for (const dom of this.groups.values()) dom.section.remove();
    this.groups.clear();
    this.fits.clear();
    this.blocks.clear();
    this.cards.clear();
    this.ordered = [];
    this.highlighted = undefined;
  }

  private group(group: GroupView): GroupDom {
    let dom = this.groups.get(group.key);
    if (!dom) {
      const section = document.createElement('section');
      section.className = 'group';
      section.dataset.group = group.key;
      const headingId = `group-${group.key}`;
      section.setAttribute('aria-labelledby', headingId);
      const title = document.createElement('h2');
      title.className = 'group-title';
      title.id = headingId;
      const ring = document.createElement('div');
      ring.className = 'group-ring';
      const grid = document.createElement('div');
      grid.className = 'group-grid';
      ring.appendChild(grid);
      section.append(title, ring);
      dom = { section, title, ring, grid };
      this.groups.set(group.key, dom);
    }
    dom.section.dataset.shape = group.shape;
    setText(dom.title, group.title);
    setStyle(dom.grid, '--grid-columns', String(whole(group.cell.columns)));
    setStyle(dom.grid, '--grid-rows', String(whole(group.cell.rows)));
    return dom;
  }

  private block(block: BlockView): BlockDom {
    let dom = this.blocks.get(block.key);
    if (!dom) {
      const section = document.createElement('section');
      section.className = 'block';
      section.dataset.block = block.key;
      const headingId = `block-${block.key}`;
      section.setAttribute('aria-labelledby', headingId);
      const heading = document.createElement('h2');
      heading.id = headingId;
      const title = document.createElement('span');
      title.className = 'block-title';
      const count = document.createElement('span');
      count.className = 'count';
      heading.append(title, ' ', count);
      const guide = document.createElement('p');
      guide.className = 'guide';
      const list = document.createElement('ul');
      list.className = 'cards';
      list.setAttribute('aria-labelledby', headingId);
      section.append(heading, guide, list);
      dom = { section, title, count, guide, list };
      this.blocks.set(block.key, dom);
    }
    setText(dom.title, block.title);
    setText(dom.count, String(block.cards.length));
    setText(dom.guide, block.guide);
    dom.guide.hidden = block.cards.length > 0;
    dom.list.hidden = block.cards.length === 0;
    dom.section.classList.toggle('absent', !block.present);
    dom.section.dataset.question = block.question;
    return dom;
  }

  /** Redraws the cards whose content changed, their descriptions parsed in one go. */
  private fill(changed: CardDom[], context: CardContext): void {
    const withDescription = changed.filter((dom) => dom.card.description);
    const fragments = markdownFragments(withDescription.map((dom) => dom.card.description!));
    const descriptions = new Map(withDescription.map((dom, i) => [dom, fragments[i]]));
    for (const dom of changed) {
      fillCard(dom.el, dom.card, context, descriptions.get(dom));
      if (this.highlighted === dom) dom.el.classList.add('current');
    }
  }

  /** Places the block's cards in order; redraws those whose content changed (of `only`, when given: the rest are known unchanged). */
  private patchCards(block: BlockView, list: HTMLUListElement, context: CardContext, seen: Set<string>, ordered: CardDom[], changed: CardDom[], only?: ReadonlySet<string>): void {
    const occurrences = new Map<string, number>();
    // Keys are unique but for duplicate ids (an error the file may have): number the repeats.
    const keys = block.cards.map((card) => {
      const n = occurrences.get(card.key) ?? 0;
      occurrences.set(card.key, n + 1);
      return `${block.key}/${card.key}${n ? `~${n}` : ''}`;
    });
    const wanted = new Set(keys);
    let cursor = list.firstChild;
    for (const [i, card] of block.cards.entries()) {
      // A card that left goes first, so the cards after it are not moved for it.
      while (cursor && !wanted.has((cursor as HTMLElement).dataset?.key ?? '')) {
        const next = cursor.nextSibling;
        cursor.remove();
        cursor = next;
      }
      const key = keys[i];
      seen.add(key);
      let dom = this.cards.get(key);
      if (!dom) {
        dom = { el: createCard(key), signature: '', card };
        this.cards.set(key, dom);
      }
      dom.card = card;
      if (!only || only.has(card.key) || !dom.signature) {
        const signature = cardSignature(card, context);
        if (dom.signature !== signature) {
          dom.signature = signature;
          changed.push(dom);
        }
      }
      ordered.push(dom);
      if (dom.el === cursor) cursor = cursor.nextSibling;
      else list.insertBefore(dom.el, cursor);
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }

  /** The card drawn for a DOM key (`data-key`). */
  cardOf(el: Element | null): CardView | undefined {
    const key = el instanceof HTMLElement ? el.closest<HTMLElement>('.card')?.dataset.key : undefined;
    return key === undefined ? undefined : this.cards.get(key)?.card;
  }

  /** Marks the card whose text holds `offset` (the editor's cursor) and scrolls it into view. */
  highlightAt(offset: number | undefined): void {
    let found: CardDom | undefined;
    if (offset !== undefined) {
      // Cards do not nest: the last one starting at or before the offset is the only candidate.
      let lo = 0;
      let hi = this.ordered.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (this.ordered[mid].card.span.start <= offset) lo = mid + 1;
        else hi = mid - 1;
      }
      const candidate = this.ordered[hi];
      if (candidate && offset <= candidate.card.span.end) found = candidate;
    }
    if (found === this.highlighted) return;
    this.highlighted?.el.classList.remove('current');
    this.highlighted = found;
    this.fits.highlight(found?.el.dataset.key);
    if (!found) return;
    found.el.classList.add('current');
    found.el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Highlights every card tied to `segment` and dims the rest (undefined: no filter). */
  filter(segment: string | undefined): void {
    // The same filter: render and update already marked the cards they drew (no walk per key typed).
    if ((segment || undefined) === this.segment) return;
    this.segment = segment || undefined;
    this.applyFilter();
  }

  /** Marks the cards of the filtered segment (of `doms` only: the cards just redrawn). */
  private applyFilter(doms: Iterable<CardDom> = this.cards.values()): void {
    const segment = this.segment;
    this.main.classList.toggle('filtering', segment !== undefined);
    for (const dom of doms) {
      const linked = segment !== undefined && dom.card.segmentIds.includes(segment);
      if (dom.el.classList.contains('linked') !== linked) dom.el.classList.toggle('linked', linked);
    }
  }

  /** Moves focus to the card before or after `from` in reading order. */
  focusNext(from: HTMLElement, step: 1 | -1): void {
    const all = Array.from(this.main.querySelectorAll<HTMLElement>('.card'));
    const next = all[all.indexOf(from) + step];
    next?.focus();
  }
}

/** A positive whole number for a style (anything else from a view becomes 1). */
function whole(n: number): number {
  return Math.max(1, Math.floor(Number(n)) || 1);
}

function setStyle(el: HTMLElement, property: string, value: string): void {
  if (el.style.getPropertyValue(property) !== value) el.style.setProperty(property, value);
}

/** The block's place on its grid (the kind's, or its group's: then relative to the group's area). */
function setCell(section: HTMLElement, cell: CellView, area: CellView | undefined): void {
  setStyle(section, '--column', String(whole(cell.column - (area ? area.column - 1 : 0))));
  setStyle(section, '--columns', String(whole(cell.columns)));
  setStyle(section, '--row', String(whole(cell.row - (area ? area.row - 1 : 0))));
  setStyle(section, '--rows', String(whole(cell.rows)));
  // Wide blocks (the bottom row) lay their cards side by side.
  section.classList.toggle('wide', cell.columns >= 4);
}

/** Puts `el` right after `after` (first when null) in `parent`, moving it only when it is elsewhere. */
function place(parent: HTMLElement, el: HTMLElement, after: HTMLElement | null): HTMLElement {
  const expected: ChildNode | null = after ? after.nextSibling : parent.firstChild;
  if (el !== expected) parent.insertBefore(el, expected);
  return el;
}

/** Writes text only when it differs: an unchanged node is never touched. */
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
