import type { EditingLabels } from '../../shared/labels/editing';
import type { ViewStore } from '../viewStore';
import { format } from './format';
import { inlineField } from './inlineField';
import { CardAt, listIndex, locateCard } from './locate';
import type { EditSession } from './session';

/**
 * Renames a card in place (F2 or its pencil button): its name becomes a text field over the card.
 * A redraw of the card while typing (another update) puts the field back with what was typed.
 */
export class InlineRename {
  private editing: { uri: string; domKey: string; input: HTMLInputElement } | undefined;

  constructor(
    private readonly main: HTMLElement,
    private readonly store: ViewStore,
    private readonly session: EditSession,
    private readonly labels: EditingLabels,
  ) {
    store.onChange(() => this.reattach());
  }

  start(at: CardAt): void {
    if (!this.session.allowed()) return;
    this.editing?.input.blur();
    const input = inlineField({
      className: 'rename-card',
      label: format(this.labels.renameField, at.card.name),
      value: at.card.name,
      commit: (text) => {
        // Where the card is now: the canvas may have changed while the name was typed.
        const shown = this.store.current;
        const now = shown && shown.uri === this.editing?.uri ? locateCard(shown.view, this.cardElement()) : undefined;
        const name = text.trim();
        if (!now || !name || name === now.card.name) return;
        const { block, position, card } = now;
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
    this.editing = { uri: this.store.current?.uri ?? '', domKey: at.el.dataset.key ?? '', input };
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
    if (!editing) return;
    if (this.store.current?.uri !== editing.uri) {
      // Another file: its card of the same key is another card.
      this.editing = undefined;
      editing.input.remove();
      return;
    }
    if (editing.input.isConnected) return;
    const li = this.cardElement();
    if (!li) {
      this.editing = undefined;
      return;
    }
    this.place(li, editing.input);
    editing.input.focus();
  }
}
