import type { EditIntent, HostMessage } from '../../shared/protocol';
import type { EditingLabels } from '../../shared/labels/editing';
import type { Host } from '../host';
import type { ViewStore } from '../viewStore';
import type { EditingBar } from './bar';
import { format } from './format';
import { CardPlace, focusCard } from './locate';
import { epochNow, recordEdit } from './timings';

interface Pending {
  version: number;
  sentAt: number;
  /** Read out once applied. */
  announce: string;
  focus?: CardPlace;
}

/** Keys pressed while an edit is on its way, replayed in turn (a held Alt+Down is not unbounded). */
const MAX_QUEUED = 20;
/** How long an applied edit that changed nothing (no newer view comes) holds the queued keys. */
const NO_VIEW_WAIT_MS = 3000;
/** How long an unanswered edit holds them (a host that never answers must not stop the keys). */
const NO_ANSWER_WAIT_MS = 10000;

/**
 * Sends the page's gestures to the host as edit intents on the shown version, and hears the
 * answers: an applied edit is announced and the focus follows its card once the updated view is
 * drawn; a refused one shows and announces the host's reason (the host posts the view again).
 * Keys pressed while an edit is on its way wait for its view (`whenIdle`): made on the old view,
 * they would be refused as stale, or act on a card that has moved.
 */
export class EditSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Where the focus goes when a view newer than `after` is drawn. */
  private focusAfter: { after: number; place: CardPlace } | undefined;
  /** The last edit sent, until its answer and its view are in. */
  private inFlight: { id: number; version: number; answered: boolean } | undefined;
  private readonly queue: (() => void)[] = [];
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: Host,
    private readonly main: HTMLElement,
    private readonly store: ViewStore,
    private readonly bar: EditingBar,
    private readonly labels: EditingLabels,
  ) {
    store.onChange(() => {
      this.followFocus();
      const flight = this.inFlight;
      if (flight?.answered && this.viewAfter(flight.version)) this.settle();
    });
  }

  /** Editing is possible: a view is shown and it is not the last good one of a broken text. */
  get enabled(): boolean {
    const shown = this.store.current;
    return shown !== undefined && !shown.outdated;
  }

  /** Whether a gesture may start; when not, says why. */
  allowed(): boolean {
    if (this.enabled) return true;
    this.bar.announce(this.labels.disabled, true);
    return false;
  }

  /** Runs `gesture` now, or once the edit on its way is answered and drawn. */
  whenIdle(gesture: () => void): void {
    if (!this.inFlight) gesture();
    else if (this.queue.length < MAX_QUEUED) this.queue.push(gesture);
  }

  /**
   * Posts `intent` on the shown version; `announce` is read out once applied, `focus` is where the
   * card will be. False (nothing sent, the reason announced) while editing is off.
   */
  send(intent: EditIntent, announce: string, focus?: CardPlace): boolean {
    const shown = this.store.current;
    if (!shown || !this.allowed()) return false;
    const id = this.nextId++;
    const version = shown.view.version ?? 0;
    const sentAt = epochNow();
    this.pending.set(id, { version, sentAt, announce, focus });
    const flight = (this.inFlight = { id, version, answered: false });
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.inFlight === flight && this.settle(), NO_ANSWER_WAIT_MS);
    this.host.post({ type: 'edit', id, uri: shown.uri, version, intent, sentAt });
    return true;
  }

  /** Reads out `text` (and shows it) without an edit. */
  announce(text: string): void {
    this.bar.announce(text);
  }

  undo(redo: boolean): void {
    this.host.post({ type: redo ? 'redo' : 'undo' });
    this.bar.announce(redo ? this.labels.redone : this.labels.undone);
  }

  /** The host's answer to an edit. */
  answered(message: Extract<HostMessage, { type: 'edited' }>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    recordEdit({ id: message.id, sentAt: pending.sentAt, appliedAt: message.appliedAt, ok: message.ok });
    const flight = this.inFlight?.id === message.id ? this.inFlight : undefined;
    if (!message.ok) {
      this.bar.announce(format(this.labels.refused, message.message ?? ''), true);
      // What was pressed after a refused edit was meant for a canvas that did not come.
      this.queue.length = 0;
      if (flight) this.settle();
      return;
    }
    this.bar.announce(pending.announce);
    if (pending.focus) {
      this.focusAfter = { after: pending.version, place: pending.focus };
      this.followFocus();
    }
    if (!flight) return;
    flight.answered = true;
    clearTimeout(this.settleTimer);
    if (this.viewAfter(flight.version)) this.settle();
    else this.settleTimer = setTimeout(() => this.inFlight === flight && this.settle(), NO_VIEW_WAIT_MS);
  }

  private viewAfter(version: number): boolean {
    const shown = this.store.current?.view.version;
    return shown !== undefined && shown > version;
  }

  /** The edit on its way is done: the keys that waited run, until one of them sends an edit. */
  private settle(): void {
    clearTimeout(this.settleTimer);
    this.inFlight = undefined;
    while (!this.inFlight && this.queue.length) this.queue.shift()!();
  }

  /** Moves the focus to the edited card once a view newer than the edited one is drawn. */
  private followFocus(): void {
    const waiting = this.focusAfter;
    if (!waiting || !this.viewAfter(waiting.after)) return;
    this.focusAfter = undefined;
    // Not while the user types somewhere else (the detail panel, a new card's name).
    const active = document.activeElement;
    if (active && active !== document.body && !active.classList.contains('card') && !active.closest('.card-actions')) return;
    focusCard(this.main, waiting.place);
  }
}
