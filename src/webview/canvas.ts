import type { BlockView, CanvasView, CardView } from '../core/render/viewTypes';
import { cardSignature, createCard, fillCard, type CardContext } from './cards';
import { markdownFragments } from './markdown';

interface BlockDom {
  section: HTMLElement;
  title: HTMLElement;
  count: HTMLElement;
  guide: HTMLElement;
  list: HTMLUListElement;
}

interface CardDom {
  el: HTMLLIElement;
  signature: string;
  card: CardView;
}

/**
 * The nine blocks and their cards, patched in place: a new view reuses every block section and
 * every card element whose key it still has, redraws only cards whose content changed and moves
 * elements only where the order changed. No element is rebuilt for nothing, so focus, selection
 * and scroll position survive an update.
 */
export class CanvasDom {
  private readonly blocks = new Map<string, BlockDom>();
  private readonly cards = new Map<string, CardDom>();
  /** Cards in file order, for the card under the editor's cursor. */
  private ordered: CardDom[] = [];
  private highlighted: CardDom | undefined;
  private segment: string | undefined;

  constructor(readonly main: HTMLElement) {}

  /** Applies `view`; returns the number of cards drawn. */
  render(view: CanvasView, context: CardContext): number {
    const seen = new Set<string>();
    const ordered: CardDom[] = [];
    const changed: CardDom[] = [];
    let previous: HTMLElement | null = null;
    for (const block of view.blocks) {
      const dom = this.block(block);
      // Blocks keep layout order; a view that reorders them (it should not) is followed.
      const expected: ChildNode | null = previous ? previous.nextSibling : this.main.firstChild;
      if (dom.section !== expected) this.main.insertBefore(dom.section, expected);
      previous = dom.section;
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
    return ordered.length;
  }

  /** Removes everything (another file is shown now). */
  clear(): void {
    for (const dom of this.blocks.values()) dom.section.remove();
    this.blocks.clear();
    this.cards.clear();
    this.ordered = [];
    this.highlighted = undefined;
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

  private patchCards(block: BlockView, list: HTMLUListElement, context: CardContext, seen: Set<string>, ordered: CardDom[], changed: CardDom[]): void {
    let cursor = list.firstChild;
    const occurrences = new Map<string, number>();
    for (const card of block.cards) {
      // Keys are unique but for duplicate ids (an error the file may have): number the repeats.
      const n = occurrences.get(card.key) ?? 0;
      occurrences.set(card.key, n + 1);
      const key = `${block.key}/${card.key}${n ? `~${n}` : ''}`;
      seen.add(key);
      const signature = cardSignature(card, context);
      let dom = this.cards.get(key);
      if (!dom) {
        dom = { el: createCard(key), signature: '', card };
        this.cards.set(key, dom);
      }
      dom.card = card;
      if (dom.signature !== signature) {
        dom.signature = signature;
        changed.push(dom);
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
    if (!found) return;
    found.el.classList.add('current');
    found.el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Highlights every card tied to `segment` and dims the rest (undefined: no filter). */
  filter(segment: string | undefined): void {
    this.segment = segment || undefined;
    this.applyFilter();
  }

  private applyFilter(): void {
    const segment = this.segment;
    this.main.classList.toggle('filtering', segment !== undefined);
    for (const dom of this.cards.values()) {
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

/** Writes text only when it differs: an unchanged node is never touched. */
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
