import type { BlockView } from '../../core/render/viewTypes';
import type { EditingLabels } from '../../shared/labels/editing';
import type { ViewStore } from '../viewStore';
import { format } from './format';
import { inlineField } from './inlineField';
import { blockSection, listIndex } from './locate';
import type { EditSession } from './session';

/**
 * Adds cards: a "+" button under every block's list (empty blocks too), and Alt+N / Insert on a
 * card (after it). The new card's name is typed in place; Enter adds it, Escape cancels.
 */
export class AddCard {
  private open: HTMLInputElement | undefined;

  constructor(
    private readonly main: HTMLElement,
    private readonly store: ViewStore,
    private readonly session: EditSession,
    private readonly labels: EditingLabels,
  ) {
    store.onChange(() => this.drawButtons());
    this.drawButtons();
    main.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button.add-card');
      if (!button) return;
      event.stopPropagation();
      const block = this.block(button.dataset.block);
      if (block) this.start(block, block.cards.length);
    });
  }

  private block(key: string | undefined): BlockView | undefined {
    return this.store.current?.view.blocks.find((b) => b.key === key);
  }

  /** One button per block section, made once and kept (its label follows the block's title). */
  private drawButtons(): void {
    const view = this.store.current?.view;
    if (!view) return;
    for (const block of view.blocks) {
      const section = blockSection(this.main, block.key);
      if (!section) continue;
      let button = section.querySelector<HTMLButtonElement>(':scope > button.add-card');
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'add-card';
        button.dataset.block = block.key;
        button.textContent = '+';
        section.appendChild(button);
      }
      const label = format(this.labels.addCard, block.title);
      if (button.title !== label) {
        button.title = label;
        button.setAttribute('aria-label', label);
      }
      button.disabled = this.store.current?.outdated ?? false;
    }
  }

  /** Opens the name field of a new card that goes to `position` among the block's cards; Escape goes back to `from`. */
  start(block: BlockView, position: number, from?: HTMLElement): void {
    if (!this.session.allowed()) return;
    const section = blockSection(this.main, block.key);
    if (!section) return;
    this.open?.blur();
    const append = position >= block.cards.length;
    const input = inlineField({
      className: 'new-card',
      label: this.labels.newCardName,
      commit: (text) => {
        const name = text.trim();
        const current = this.block(block.key) ?? block;
        if (!name) return;
        this.session.send(
          append ? { command: 'addCard', block: block.key, name } : { command: 'addCard', block: block.key, name, index: listIndex(current, position) },
          format(this.labels.added, name, block.title),
          { block: block.key, position: append ? current.cards.length : position },
        );
      },
      done: (cancelled) => {
        this.open = undefined;
        if (cancelled) (from?.isConnected ? from : section.querySelector<HTMLElement>(':scope > button.add-card'))?.focus();
      },
    });
    this.open = input;
    const button = section.querySelector(':scope > button.add-card');
    if (button) button.before(input);
    else section.appendChild(input);
    input.focus();
  }
}
