import type { CompareMark, ComparePayload } from '../shared/protocol';
import { createCard, fillCard, type CardContext } from './cards';

const KIND_CLASSES = ['compare-added', 'compare-changed', 'compare-moved'];

/**
 * Compare mode: a summary bar above the canvas, and marks on the drawn cards with the removed cards
 * of the old version shown struck in their block. Each marked card says what happened in words, on
 * the card, without hovering: a badge (added, changed, moved, removed) and its field changes one a
 * line ("status: hypothesis → validated"), in the theme's Git colours (the words carry the meaning,
 * the colours only repeat it). The marks are laid on after every render and taken off before the
 * next, so the canvas's own patching never sees them.
 */
export class CompareDom {
  readonly bar: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly counts: HTMLElement;
  private readonly details: HTMLElement;
  readonly toggle: HTMLButtonElement;
  private payload: ComparePayload | undefined;
  private showing = true;

  constructor(
    private readonly main: HTMLElement,
    private readonly redraw: () => void,
  ) {
    this.bar = document.createElement('div');
    this.bar.className = 'compare-bar';
    this.bar.setAttribute('role', 'region');
    this.bar.hidden = true;
    this.heading = document.createElement('strong');
    this.heading.className = 'compare-heading';
    this.counts = document.createElement('span');
    this.counts.className = 'compare-counts';
    this.counts.setAttribute('role', 'status');
    this.details = document.createElement('span');
    this.details.className = 'compare-details';
    this.toggle = document.createElement('button');
    this.toggle.type = 'button';
    this.toggle.className = 'compare-toggle';
    this.toggle.addEventListener('click', () => {
      this.showing = !this.showing;
      this.redraw();
    });
    this.bar.append(this.heading, this.counts, this.details, this.toggle);
    // Above the canvas and outside its zoom (the stage around it, see zoom.ts), like the legend.
    const stage = main.closest('.zoom-stage') ?? main;
    stage.parentElement?.insertBefore(this.bar, stage);
  }

  /** A new comparison (undefined: compare mode ends). */
  set(payload: ComparePayload | undefined): void {
    if (payload && !this.payload) this.showing = true;
    this.payload = payload;
    this.redraw();
  }

  /** Takes every mark off the canvas. */
  undecorate(): void {
    for (const el of Array.from(this.main.querySelectorAll('.compare-removed'))) el.remove();
    for (const el of Array.from(this.main.querySelectorAll('.compare-note'))) el.remove();
    for (const el of Array.from(this.main.querySelectorAll<HTMLElement>('.compare-mark'))) el.classList.remove('compare-mark', ...KIND_CLASSES);
    for (const section of Array.from(this.main.querySelectorAll<HTMLElement>('section.block'))) {
      const list = section.querySelector<HTMLElement>('ul.cards');
      const guide = section.querySelector<HTMLElement>('.guide');
      if (list && guide) {
        list.hidden = list.children.length === 0;
        guide.hidden = !list.hidden;
      }
    }
    document.body.classList.remove('comparing');
  }

  /** Draws the bar and, when shown, the marks (after the canvas rendered its view). */
  decorate(context: CardContext): void {
    const payload = this.payload;
    this.bar.hidden = !payload;
    if (!payload) return;
    const { labels, summary } = payload;
    this.heading.textContent = labels.heading;
    this.counts.replaceChildren();
    if (payload.equal) this.counts.textContent = labels.equal;
    else
      for (const kind of ['added', 'removed', 'changed', 'moved'] as const) {
        const count = document.createElement('span');
        count.className = `compare-count compare-count-${kind}`;
        count.dataset.kind = kind;
        count.textContent = `${summary[kind]} ${labels[kind]}`;
        this.counts.appendChild(count);
      }
    this.details.textContent = payload.details.join('; ');
    this.details.hidden = payload.details.length === 0;
    this.toggle.textContent = this.showing ? labels.showPlain : labels.showChanges;
    this.toggle.setAttribute('aria-pressed', String(!this.showing));
    if (!this.showing) return;
    document.body.classList.add('comparing');
    for (const block of payload.blocks) {
      const section = this.main.querySelector<HTMLElement>(`section.block[data-block="${CSS.escape(block.block)}"]`);
      const list = section?.querySelector<HTMLUListElement>('ul.cards');
      if (!section || !list) continue;
      const drawn = Array.from(list.children) as HTMLElement[];
      for (const mark of block.marks) {
        const el = drawn[mark.position];
        if (el) this.markCard(el, mark, labels[mark.kind]);
      }
      for (const card of block.removed) {
        const li = createCard('');
        // Not a card of the file: nothing to reveal, so no key and no hint about revealing.
        delete li.dataset.key;
        li.removeAttribute('aria-describedby');
        fillCard(li, card, context);
        li.classList.add('compare-removed');
        addNote(li, 'removed', labels.removed, []);
        list.appendChild(li);
      }
      if (block.removed.length) {
        list.hidden = false;
        const guide = section.querySelector<HTMLElement>('.guide');
        if (guide) guide.hidden = true;
      }
    }
  }

  private markCard(el: HTMLElement, mark: CompareMark, label: string): void {
    el.classList.add('compare-mark', `compare-${mark.kind}`);
    addNote(el, mark.kind, label, mark.details);
  }
}

/**
 * Writes what changed into the card, right under its name (read after it): the badge, then the
 * field changes as a list. Text from the file arrives as text nodes only.
 */
function addNote(card: HTMLElement, kind: CompareMark['kind'] | 'removed', label: string, details: string[]): void {
  const note = document.createElement('div');
  note.className = 'compare-note';
  note.dataset.kind = kind;
  const badge = document.createElement('span');
  badge.className = 'compare-badge';
  badge.textContent = label;
  note.appendChild(badge);
  if (details.length) {
    const list = document.createElement('ul');
    list.className = 'compare-changes';
    for (const detail of details) {
      const item = document.createElement('li');
      item.textContent = detail;
      list.appendChild(item);
    }
    note.appendChild(list);
  }
  const head = card.querySelector(':scope > .card-head');
  if (head) head.after(note);
  else card.prepend(note);
}
