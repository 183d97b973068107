import type { EditingLabels } from '../../shared/labels/editing';
import type { ViewStore } from '../viewStore';

export type CardAction = 'rename' | 'details' | 'delete';

/**
 * The buttons of the card under the pointer or the focus (rename, details, delete): one set,
 * moved to that card, and put back after an update redraws it. The keys do the same (keyboard.ts).
 */
export class CardActions {
  private readonly element: HTMLElement;
  private domKey: string | undefined;

  constructor(
    private readonly main: HTMLElement,
    store: ViewStore,
    labels: EditingLabels,
    run: (action: CardAction, card: HTMLElement) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'card-actions';
    for (const [action, symbol, label] of [
      ['rename', '✎', labels.rename],
      ['details', '⋯', labels.details],
      ['delete', '✕', labels.delete],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `card-action ${action}`;
      button.dataset.action = action;
      button.textContent = symbol;
      button.title = label;
      button.setAttribute('aria-label', label);
      this.element.appendChild(button);
    }
    this.element.addEventListener('click', (event) => {
      // The canvas takes a click on a card for a reveal: this one is the button's alone.
      event.stopPropagation();
      const button = (event.target as Element).closest<HTMLButtonElement>('button.card-action');
      const card = this.element.closest<HTMLElement>('li.card');
      if (button && card) run(button.dataset.action as CardAction, card);
    });
    this.element.addEventListener('dblclick', (event) => event.stopPropagation());
    this.element.addEventListener('pointerdown', (event) => event.stopPropagation());
    const follow = (event: Event) => {
      const card = (event.target as Element).closest?.<HTMLElement>('li.card');
      if (card && main.contains(card)) this.attach(card);
    };
    main.addEventListener('pointerover', follow);
    main.addEventListener('focusin', follow);
    store.onChange(() => {
      const disabled = store.current?.outdated ?? false;
      for (const button of this.element.querySelectorAll('button')) button.disabled = disabled;
      this.reattach();
    });
  }

  private attach(card: HTMLElement): void {
    this.domKey = card.dataset.key;
    if (this.element.parentElement !== card) card.appendChild(this.element);
  }

  /** A card redrawn (cards.ts empties it) gets its buttons back. */
  private reattach(): void {
    if (this.domKey === undefined || this.element.isConnected) return;
    const card = this.main.querySelector<HTMLElement>(`li.card[data-key="${CSS.escape(this.domKey)}"]`);
    if (card) card.appendChild(this.element);
  }
}
