import { isTextField } from './locate';

/** What each key does on a focused card (see EditingLabels' key help). */
export interface CardKeys {
  rename(card: HTMLElement): void;
  details(card: HTMLElement): void;
  delete(card: HTMLElement): void;
  add(card: HTMLElement): void;
  moveWithin(card: HTMLElement, step: 1 | -1): void;
  moveAcross(card: HTMLElement, step: 1 | -1): void;
  undo(redo: boolean): void;
}

/**
 * The keyboard twin of every gesture. Card keys are heard before the canvas's own (Enter reveals,
 * arrows move the focus), so Alt+Enter and Alt+arrows are the editor's alone. Undo and redo work
 * anywhere in the page but in a text field, which keeps its own.
 */
export function installKeys(main: HTMLElement, keys: CardKeys): void {
  main.addEventListener(
    'keydown',
    (event) => {
      const card = event.target as HTMLElement;
      if (!card.classList?.contains('card') || event.isComposing) return;
      const alt = event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      let handled = true;
      if (event.key === 'F2' && plain) keys.rename(card);
      else if (event.key === 'Enter' && alt) keys.details(card);
      else if ((event.key === 'Delete' || event.key === 'Backspace') && plain) keys.delete(card);
      else if ((event.key === 'Insert' && plain) || (alt && event.code === 'KeyN')) keys.add(card);
      else if (alt && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) keys.moveWithin(card, event.key === 'ArrowDown' ? 1 : -1);
      else if (alt && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) keys.moveAcross(card, event.key === 'ArrowRight' ? 1 : -1);
      else handled = false;
      if (!handled) return;
      event.preventDefault();
      event.stopPropagation();
    },
    { capture: true },
  );
  document.addEventListener('keydown', (event) => {
    if (isTextField(event.target) || event.altKey || !(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
    if (!redo && !(key === 'z' && !event.shiftKey)) return;
    event.preventDefault();
    // The webview's frame passes keys it hears on the window to the workbench, whose Undo would
    // act again: this one is the page's alone (as are the card keys above, stopped earlier).
    event.stopPropagation();
    keys.undo(redo);
  });
}
