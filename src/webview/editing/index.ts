import type { HostMessage, PreviewLabels } from '../../shared/protocol';
import type { Host } from '../host';
import type { ViewStore } from '../viewStore';
import { AddCard } from './addCard';
import { EditingBar } from './bar';
import { CardActions, CardAction } from './cardActions';
import { CardCommands } from './cardCommands';
import { DetailPanel } from './detailPanel';
import { installDragDrop } from './dragDrop';
import { installKeys } from './keyboard';
import { CardAt, locateCard } from './locate';
import { InlineRename } from './rename';
import { EditSession } from './session';

export interface EditingDeps {
  host: Host;
  /** The canvas (`main`): block sections with their card lists. */
  main: HTMLElement;
  labels: PreviewLabels;
  store: ViewStore;
}

/**
 * Makes the preview an editor (issue 15): add, rename, detail panel, delete, reorder and move by
 * pointer and by key, undo and redo. Every gesture becomes one edit intent on the shown version;
 * the canvas is redrawn from the host's next view, never ahead of it.
 */
export function installEditing({ host, main, labels, store }: EditingDeps): void {
  const text = labels.editing;
  const bar = new EditingBar(main, text);
  const session = new EditSession(host, main, store, bar, text);
  const commands = new CardCommands(store, session, text);
  const rename = new InlineRename(main, store, session, text);
  const add = new AddCard(main, store, session, text);
  const panel = new DetailPanel(main, store, session, text);

  const at = (el: HTMLElement): CardAt | undefined => {
    const shown = store.current;
    return shown ? locateCard(shown.view, el) : undefined;
  };
  const withCard = (run: (card: CardAt) => void) => (el: HTMLElement) => {
    const card = at(el);
    if (card && session.allowed()) run(card);
  };
  const actions: Record<CardAction, (el: HTMLElement) => void> = {
    rename: withCard((card) => rename.start(card)),
    details: withCard((card) => panel.open(card)),
    delete: withCard((card) => commands.delete(card)),
  };
  new CardActions(main, store, text, (action, card) => actions[action](card));
  // A key pressed while an edit is on its way acts on the card focused once its view is drawn
  // (the focus follows the edited card): three quick Alt+Down move a card three places.
  const onFocused = (run: (el: HTMLElement) => void) => () =>
    session.whenIdle(() => {
      const el = document.activeElement;
      if (el instanceof HTMLElement && el.classList.contains('card')) run(el);
    });
  installKeys(main, {
    rename: onFocused(actions.rename),
    details: onFocused(actions.details),
    delete: onFocused(actions.delete),
    add: onFocused(withCard((card) => add.start(card.block, card.el))),
    moveWithin: (_el, step) => onFocused(withCard((card) => commands.moveWithin(card, step)))(),
    moveAcross: (_el, step) => onFocused(withCard((card) => commands.moveAcross(card, step)))(),
    undo: (redo) => session.undo(redo),
  });
  installDragDrop(main, store, (card, to, before) => commands.moveTo(card, to, before));
  bar.undoButton.addEventListener('click', () => session.undo(false));
  bar.redoButton.addEventListener('click', () => session.undo(true));

  const showState = () => {
    const off = store.current?.outdated ?? false;
    document.body.classList.toggle('editing-disabled', off);
    bar.setOff(off ? text.disabled : undefined);
  };
  store.onChange(showState);
  showState();

  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    if (event.data?.type === 'edited') session.answered(event.data);
  });
}
