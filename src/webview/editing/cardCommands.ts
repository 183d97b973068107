import type { BlockView } from '../../core/render/viewTypes';
import type { EditingLabels } from '../../shared/labels/editing';
import type { ViewStore } from '../viewStore';
import { format } from './format';
import { CardAt, listIndex } from './locate';
import type { EditSession } from './session';

/**
 * The gestures on a card that need no field of their own: delete and move (by key, button or drag),
 * each sent as one intent with its announcement and where the focus goes next.
 */
export class CardCommands {
  constructor(
    private readonly store: ViewStore,
    private readonly session: EditSession,
    private readonly labels: EditingLabels,
  ) {}

  delete(at: CardAt): void {
    const { block, position, card } = at;
    // The focus goes to the card that takes its place, else the one before.
    const next = position < block.cards.length - 1 ? position : position - 1;
    this.session.send(
      { command: 'deleteCard', block: block.key, index: listIndex(block, position) },
      format(this.labels.deleted, card.name, block.title),
      next >= 0 ? { block: block.key, position: next } : undefined,
    );
  }

  /** Up (-1) or down (+1) within its block. */
  moveWithin(at: CardAt, step: 1 | -1): void {
    const target = at.position + step;
    if (target < 0 || target >= at.block.cards.length) {
      if (this.session.allowed()) this.cannotMove(at);
      return;
    }
    // Before the card above, or after the card below (before the one after it).
    this.moveTo(at, at.block, step < 0 ? target : target + 1);
  }

  /** To the end of the previous (-1) or next (+1) block in layout order. */
  moveAcross(at: CardAt, step: 1 | -1): void {
    const blocks = this.store.current?.view.blocks ?? [];
    const target = blocks[blocks.findIndex((b) => b.key === at.block.key) + step];
    if (!target) {
      if (this.session.allowed()) this.cannotMove(at);
      return;
    }
    this.moveTo(at, target, target.cards.length);
  }

  /**
   * Moves the card so that it lands before the card now at `before` in `to` (its length: last).
   * Nothing is sent when that is where it is.
   */
  moveTo(at: CardAt, to: BlockView, before: number): void {
    const same = to.key === at.block.key;
    const position = same && before > at.position ? before - 1 : before;
    if (same && position === at.position) return;
    const from = listIndex(at.block, at.position);
    let toIndex = listIndex(to, before);
    if (same && toIndex > from) toIndex -= 1;
    this.session.send(
      { command: 'moveCard', block: at.block.key, index: from, toBlock: to.key, toIndex },
      format(this.labels.moved, at.card.name, to.title, position + 1),
      { block: to.key, position },
    );
  }

  private cannotMove(at: CardAt): void {
    this.session.announce(format(this.labels.cannotMove, at.card.name));
  }
}
