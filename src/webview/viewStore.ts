import type { CanvasView } from '../core/render/viewTypes';

/** The canvas the page shows now, whole, whichever way it arrived (an embedded view, a posted view or a patch). */
export interface ShownView {
  uri: string;
  fileName: string;
  view: CanvasView;
  /** The view is the last good canvas of a text with syntax errors: edits would be refused. */
  outdated: boolean;
}

type Listener = (shown: ShownView) => void;

/**
 * The one place the page's features (editing, health, zoom …) read the shown canvas from, and hear
 * that it changed, without reaching into main.ts. main.ts sets it after every drawn update.
 */
export class ViewStore {
  private shown: ShownView | undefined;
  private readonly listeners = new Set<Listener>();

  get current(): ShownView | undefined {
    return this.shown;
  }

  set(shown: ShownView): void {
    this.shown = shown;
    for (const listener of this.listeners) listener(shown);
  }

  /** Calls `listener` after every update; returns what stops it. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const viewStore = new ViewStore();
