import type { EditingLabels } from '../../shared/labels/editing';
import type { ViewStore } from '../viewStore';
import { format } from './format';
import { inlineField } from './inlineField';
import { CardAt, listIndex } from './locate';
import type { EditSession } from './session';

/**
 * Renames a card in place (F2 or its pencil button): its name becomes a text field over the card.
 * A redraw of the card while typing (another update) puts the field back with what was typed.
 */
export class InlineRename {
  private editing: { domKey: string; input: HTMLInputElement } | undefined;

  constructor(
    private readonly main: HTMLElement,
    store: ViewStore,
    private readonly session: EditSession,
    private readonly labels: EditingLabels,
  ) {
    store.onChange(() => this.reattach());
  }

  start(at: CardAt): void {
    if (!this.session.allowed()) return;
    this.editing?.input.blur();
    const { block, position, card } = at;
    const input = inlineField({
      className: 'rename-card',
      label: format(this.labels.renameField, card.name),
      value: card.name,
      commit: (text) => {
        const name = text.trim();
        if (!name || name === card.name) return;
        this.session.send(
          { command: 'renameCard', block: block.key, index: listIndex(block, position), name },
          format(this.labels.renamed, card.name, name),
          { block: block.key, position },
        );
      },
      done: (cancelled) => {
        const el = this.cardElement();
        this.editing = undefined;
        el?.classList.remove('renaming');
        if (cancelled) el?.focus();
      },
    });
    this.editing = { domKey: at.el.dataset.key ?? '', input };
    this.place(at.el, input);
    input.focus();
    input.select();
  }

  private cardElement(): HTMLElement | null {
    return this.editing ? this.main.querySelector<HTMLElement>(`li.card[data-key="${CSS.escape(this.editing.domKey)}"]`) : null;
  }

  private place(li: HTMLElement, input: HTMLInputElement): void {
    li.classList.add('renaming');
    const head = li.querySelector('.card-head');
    if (head) head.before(input);
    else li.prepend(input);
  }

  /** After an update: a card redrawn under the field gets it back; a card gone ends the rename. */
  private reattach(): void {
    const editing = this.editing;
    if (!editing || editing.input.isConnected) return;
    const li = this.cardElement();
    if (!li) {
      this.editing = undefined;
      return;
    }
    this.place(li, editing.input);
    editing.input.focus();
  }
}
