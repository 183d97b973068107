/**
 * A one-line text field typed in place (a new card's name, a card's new name): Enter or leaving the
 * field commits, Escape cancels; either way it is gone afterwards. Clicks inside stay inside (the
 * canvas would take them for a card's reveal).
 */
export function inlineField(options: {
  className: string;
  label: string;
  value?: string;
  commit: (text: string) => void;
  /** After a commit or cancel; `cancelled`: Escape. */
  done: (cancelled: boolean) => void;
}): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'text';
  input.className = `inline-field ${options.className}`;
  input.setAttribute('aria-label', options.label);
  input.title = options.label;
  input.value = options.value ?? '';
  let closed = false;
  const close = (commit: boolean) => {
    if (closed) return;
    closed = true;
    const text = input.value;
    input.remove();
    if (commit) options.commit(text);
    options.done(!commit);
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(false);
    }
  });
  input.addEventListener('blur', () => {
    // A redraw of its card takes the field out (blurring it first) and its owner puts it back in the
    // same task: only a field still out of focus afterwards was left.
    setTimeout(() => {
      if (input.isConnected && document.activeElement !== input) close(true);
    }, 0);
  });
  for (const type of ['click', 'dblclick', 'pointerdown'] as const) input.addEventListener(type, (event) => event.stopPropagation());
  return input;
}
