import type { FieldValue } from '../../core/editing/types';
import type { EditingLabels } from '../../shared/labels/editing';
import type { ViewStore } from '../viewStore';
import { cardValue, EditTarget, fieldEditor } from './fieldEditors';
import { format } from './format';
import { CardAt, listIndex } from './locate';
import type { EditSession } from './session';

/**
 * A card's detail panel (Alt+Enter or its details button): every field its block's cards can
 * have, each edited with the control its kind takes (pickers of the schema's values and of the
 * canvas's ids, Markdown as text, lists one per line, a colour picker; an object's keys each with
 * their own, at a dotted path; a list of objects as entries to add and remove). A modal dialog: Escape or
 * Close returns to the card. It follows updates of the canvas while open.
 */
export class DetailPanel {
  private readonly dialog: HTMLDialogElement;
  private readonly heading: HTMLElement;
  private readonly form: HTMLElement;
  /**
   * The card shown: its block and its key in the view; `renamedKey`: its key once a change of its
   * id (which is its key) is drawn.
   */
  private shown: { block: string; key: string; domKey: string; renamedKey?: string } | undefined;

  constructor(
    private readonly main: HTMLElement,
    private readonly store: ViewStore,
    private readonly session: EditSession,
    private readonly labels: EditingLabels,
  ) {
    this.dialog = document.createElement('dialog');
    this.dialog.className = 'card-details';
    this.heading = document.createElement('h2');
    this.heading.id = 'card-details-title';
    this.dialog.setAttribute('aria-labelledby', this.heading.id);
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close-details';
    close.textContent = labels.close;
    close.addEventListener('click', () => this.dialog.close());
    this.form = document.createElement('div');
    this.form.className = 'details-fields';
    const header = document.createElement('div');
    header.className = 'details-header';
    header.append(this.heading, close);
    this.dialog.append(header, this.form);
    this.dialog.addEventListener('close', () => this.closed());
    // Keys typed here are the panel's, never the canvas's (zoom keys, undo on a checkbox); shortcuts
    // (Ctrl+S …) still reach the workbench.
    this.dialog.addEventListener('keydown', (event) => {
      if (!event.ctrlKey && !event.metaKey) event.stopPropagation();
    });
    document.body.appendChild(this.dialog);
    store.onChange(() => this.refresh());
  }

  open(at: CardAt): void {
    if (!this.session.allowed()) return;
    this.shown = { block: at.block.key, key: at.card.key, domKey: at.el.dataset.key ?? '' };
    this.draw();
    if (!this.dialog.open) this.dialog.showModal();
    this.form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  private find() {
    const view = this.store.current?.view;
    const shown = this.shown;
    const block = view?.blocks.find((b) => b.key === shown?.block);
    let position = block?.cards.findIndex((c) => c.key === shown?.key) ?? -1;
    if (position < 0 && shown?.renamedKey !== undefined && block) {
      position = block.cards.findIndex((c) => c.key === shown.renamedKey);
      if (position >= 0) {
        shown.key = shown.renamedKey;
        shown.domKey = `${block.key}/${shown.key}`;
        shown.renamedKey = undefined;
      }
    }
    return view && block && position >= 0 ? { view, block, position, card: block.cards[position] } : undefined;
  }

  private draw(): void {
    const found = this.find();
    if (!found) return;
    const { view, block, card } = found;
    this.heading.textContent = format(this.labels.detailsTitle, card.name);
    const editors = (block.fields ?? []).map((spec) =>
      fieldEditor(spec, { view, card, labels: this.labels, commit: (s, value) => this.commit(s, value) }),
    );
    this.form.replaceChildren(...editors);
  }

  private commit(spec: EditTarget, value: FieldValue): void {
    const found = this.find();
    if (!found) return;
    const { block, position, card } = found;
    const index = listIndex(block, position);
    if (spec.field === 'name') {
      if (typeof value === 'string' && value !== card.name) {
        this.session.send({ command: 'renameCard', block: block.key, index, name: value }, format(this.labels.renamed, card.name, value));
      }
      return;
    }
    if (value === null && cardValue(card, spec.field) === undefined) return;
    // A new id is a new key: the panel keeps the card (an id-less card is known by its place).
    if (spec.field === 'id' && this.shown) this.shown.renamedKey = typeof value === 'string' ? value : `${block.key}#${index}`;
    this.session.send(
      { command: 'setCardField', block: block.key, index, field: spec.field, value },
      format(value === null ? this.labels.fieldRemoved : this.labels.fieldSet, spec.title, card.name),
    );
  }

  /** Another view: the panel shows the card as it is now, keeping what is being typed; a card gone closes it. */
  private refresh(): void {
    if (!this.dialog.open || !this.shown) return;
    if (!this.find() || this.store.current?.outdated) {
      this.dialog.close();
      return;
    }
    const active = document.activeElement as HTMLElement | null;
    const field = active && this.form.contains(active) ? active.closest<HTMLElement>('.field')?.dataset.field : undefined;
    const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? { value: active.value, type: active.type, checkbox: active.type === 'checkbox' ? active.value : undefined } : undefined;
    this.draw();
    if (field === undefined) return;
    const wrap = this.form.querySelector<HTMLElement>(`.field[data-field="${CSS.escape(field)}"]`);
    const target = typing?.checkbox !== undefined
      ? Array.from(wrap?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []).find((b) => b.value === typing.checkbox)
      : wrap?.querySelector<HTMLElement>('input, select, textarea');
    if (!target) return;
    if (typing && typing.checkbox === undefined && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.type === typing.type) target.value = typing.value;
    target.focus();
  }

  private closed(): void {
    const shown = this.shown;
    this.shown = undefined;
    this.form.replaceChildren();
    const li = shown && this.main.querySelector<HTMLElement>(`li.card[data-key="${CSS.escape(shown.domKey)}"]`);
    li?.focus();
  }
}
