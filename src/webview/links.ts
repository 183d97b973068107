import type { SegmentCanvases, WebviewMessage } from '../shared/protocol';

const SEGMENTS = 'customer-segments';

/**
 * The badges that mark a business model's segments with a value-proposition canvas: one small
 * button per canvas on the segment's card, which asks the host to open it. The canvas's name is
 * file text: it only ever reaches the DOM as text content and attribute values. Cards are redrawn
 * by canvas.ts; `apply` puts the badges back after every render.
 */
export class SegmentLinksDom {
  private uri: string | undefined;
  private hint = '';
  private segments: SegmentCanvases[] = [];

  constructor(
    private readonly main: HTMLElement,
    private readonly post: (message: WebviewMessage) => void,
  ) {
    // On the badge itself, before the card's own handlers (reveal on click, double-click, Enter).
    const open = (event: Event) => {
      const button = (event.target as Element | null)?.closest?.<HTMLElement>('.vpc-link');
      if (!button) return;
      event.stopPropagation();
      event.preventDefault();
      if (event.type === 'click' && button.dataset.uri) this.post({ type: 'openCanvas', uri: button.dataset.uri });
    };
    for (const type of ['click', 'dblclick']) main.addEventListener(type, open, true);
    main.addEventListener('keydown', (event) => {
      if ((event.target as Element | null)?.closest?.('.vpc-link')) event.stopPropagation();
    }, true);
  }

  /** The host's latest word for the shown file. */
  set(uri: string, hint: string, segments: SegmentCanvases[]): void {
    this.uri = uri;
    this.hint = hint;
    this.segments = segments;
  }

  /** Draws the badges of the file `shownUri` onto its segment cards (drops those of another file). */
  apply(shownUri: string): void {
    for (const old of this.main.querySelectorAll('.vpc-links')) old.remove();
    if (shownUri !== this.uri) return;
    // canvas.ts keys a card's element `block/key` (a card's key is its id).
    const cards = new Map<string, HTMLElement>();
    for (const card of this.main.querySelectorAll<HTMLElement>(`[data-block="${SEGMENTS}"] .card`)) {
      if (card.dataset.key !== undefined) cards.set(card.dataset.key, card);
    }
    for (const { segment, canvases } of this.segments) {
      const card = cards.get(`${SEGMENTS}/${segment}`);
      if (!card || !canvases.length) continue;
      const row = document.createElement('div');
      row.className = 'vpc-links';
      for (const canvas of canvases) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'vpc-link';
        button.dataset.uri = canvas.uri;
        button.textContent = canvas.label;
        button.title = `${this.hint}: ${canvas.label}`;
        button.setAttribute('aria-label', `${this.hint}: ${canvas.label}`);
        row.append(button);
      }
      card.append(row);
    }
  }
}
