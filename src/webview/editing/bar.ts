import type { EditingLabels } from '../../shared/labels/editing';

/**
 * The editing bar above the canvas: the status line (a polite live region, so every edit, refusal
 * and the reason editing is off are read out as they are shown), Undo and Redo, and the list of
 * editing keys.
 */
export class EditingBar {
  readonly element: HTMLElement;
  readonly undoButton: HTMLButtonElement;
  readonly redoButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly reason: HTMLElement;

  constructor(main: HTMLElement, labels: EditingLabels) {
    this.element = document.createElement('div');
    this.element.className = 'editing-bar';
    this.reason = document.createElement('p');
    this.reason.className = 'editing-off';
    this.reason.hidden = true;
    this.reason.setAttribute('role', 'status');
    this.status = document.createElement('p');
    this.status.className = 'editing-status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.undoButton = button('editing-undo', '↶', labels.undo);
    this.redoButton = button('editing-redo', '↷', labels.redo);
    const keys = document.createElement('details');
    keys.className = 'editing-keys';
    const summary = document.createElement('summary');
    summary.textContent = labels.keysTitle;
    const list = document.createElement('ul');
    for (const text of [labels.keyAdd, labels.keyRename, labels.keyDetails, labels.keyDelete, labels.keyReorder, labels.keyMove, labels.keyDrag, labels.keyTouch, labels.keyUndo]) {
      const item = document.createElement('li');
      item.textContent = text;
      list.appendChild(item);
    }
    keys.append(summary, list);
    this.element.append(this.undoButton, this.redoButton, keys, this.reason, this.status);
    // Above the canvas and outside whatever holds it (the zoom stage: the bar is not zoomed), before
    // a bar that belongs to the canvas (compare's).
    let anchor: Element = main;
    while (anchor.parentElement && anchor.parentElement !== document.body) anchor = anchor.parentElement;
    while (anchor.previousElementSibling?.classList.contains('compare-bar')) anchor = anchor.previousElementSibling;
    anchor.before(this.element);
  }

  /** Shows and announces `text`; `error`: a refusal. */
  announce(text: string, error = false): void {
    this.status.classList.toggle('error', error);
    // The same words twice in a row are read again only if the region changes in between.
    if (this.status.textContent === text) this.status.textContent = '';
    this.status.textContent = text;
  }

  /** Editing is off (`reason` shown), or on again (undefined). */
  setOff(reason: string | undefined): void {
    this.reason.hidden = reason === undefined;
    this.reason.textContent = reason ?? '';
  }
}

function button(className: string, symbol: string, label: string): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = className;
  el.textContent = symbol;
  el.title = label;
  el.setAttribute('aria-label', label);
  return el;
}
