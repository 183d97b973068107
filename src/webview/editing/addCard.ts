import type { BlockView } from '../../core/render/viewTypes';
import type { EditingLabels } from '../../shared/labels/editing';
import type { ViewStore } from '../viewStore';
import { format } from './format';
import { inlineField } from './inlineField';
import { blockSection, cardElements, listIndex } from './locate';
import type { EditSession } from './session';

/**
 * Adds cards: a "+" button under every block's list (empty blocks too), and Alt+N / Insert on a
 * card (after it). The new card's name is typed in place; Enter adds it, Escape cancels.
 */
export class AddCard {
  private open: { uri: string; input: HTMLInputElement } | undefined;

  constructor(
    private readonly main: HTMLElement,
    private readonly store: ViewStore,
    private readonly session: EditSession,
    private readonly labels: EditingLabels,
  ) {
    store.onChange(() => {
      // Another file: a name typed for this one is dropped.
      if (this.open && this.store.current?.uri !== this.open.uri) {
        const { input } = this.open;
        this.open = undefined;
        input.remove();
      }
      this.drawButtons();
    });
    this.drawButtons();
    main.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button.add-card');
      if (!button) return;
      event.stopPropagation();
      const block = this.block(button.dataset.block);
      if (block) this.start(block);
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

  /**
   * Opens the name field of a new card for `block`: right after the card `after` (its element),
   * else at the end. Escape goes back to `after`, else to the block's + button.
   */
  start(block: BlockView, after?: HTMLElement): void {
    if (!this.session.allowed()) return;
    const section = blockSection(this.main, block.key);
    if (!section) return;
    this.open?.input.blur();
    const uri = this.store.current?.uri;
    const afterKey = after?.dataset.key;
    const input = inlineField({
      className: 'new-card',
      label: this.labels.newCardName,
      commit: (text) => {
        const name = text.trim();
        // Where it goes in the canvas as it is now (it may have changed while the name was typed).
        const shown = this.store.current;
        const current = shown?.uri === uri ? this.block(block.key) : undefined;
        if (!name || !current) return;
        const position = afterKey === undefined ? current.cards.length : cardElements(section).findIndex((el) => el.dataset.key === afterKey) + 1;
        if (afterKey !== undefined && position === 0) return; // the card it was to follow is gone
        const append = position >= current.cards.length;
        this.session.send(
          append ? { command: 'addCard', block: block.key, name } : { command: 'addCard', block: block.key, name, index: listIndex(current, position) },
          format(this.labels.added, name, current.title),
          { block: block.key, position },
        );
      },
      done: (cancelled) => {
        this.open = undefined;
        const from = after;
        if (cancelled) (from?.isConnected ? from : section.querySelector<HTMLElement>(':scope > button.add-card'))?.focus();
      },
    });
    this.open = { uri: uri ?? '', input };
    const button = section.querySelector(':scope > button.add-card');
    if (button) button.before(input);
    else section.appendChild(input);
    input.focus();
  }
}
