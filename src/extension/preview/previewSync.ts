import type * as vscode from 'vscode';
import { buildCanvasView } from '../../core/render/buildView';
import { diffView } from '../../core/render/viewPatch';
import type { CanvasView } from '../../core/render/viewTypes';
import type { HostMessage } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';
import { fileNameOf } from './labels';

/** Epoch milliseconds with fractions, comparable with the page's clock (protocol's `UpdateTiming`). */
export const now = (): number => performance.timeOrigin + performance.now();

/**
 * A page that has not acknowledged an update after this long is taken to have dropped it (it was
 * hidden and reloads, say), and the next update goes out. A watchdog, never a delay: a page that
 * answers releases the next update at once.
 */
const ACK_TIMEOUT_MS = 2_000;

/**
 * How many updates may be on their way to the page at once. In code-server a message takes 15-30
 * ms to reach the page through the workbench's busy renderer, and the page's answer as long to
 * come back: with a single update in flight, a key typed while the last one travels waited for the
 * whole round trip (the p95 of change -> posted was 35-115 ms at 1,000 cards). Patches chain (each
 * is made against the one before, and messages arrive in order), so a few may travel together; a
 * page that really draws slower than keys arrive still gets fewer updates, never a backlog.
 */
export const MAX_IN_FLIGHT = 3;

/** What the sync needs of its preview. */
export interface SyncedPreview {
  readonly cache: CanvasDocumentCache;
  isDisposed(): boolean;
  isResource(uri: vscode.Uri): boolean;
  /** The shown file's document if it is open (no waiting), else undefined. */
  openDocument(): vscode.TextDocument | undefined;
  document(): Promise<vscode.TextDocument>;
  post(message: HostMessage): void;
  /** After each update posted: what goes with a view (links, the comparison). */
  afterUpdate(document: vscode.TextDocument): void;
}

type Force = 'none' | 'patch' | 'full';

/**
 * Keeps the page's canvas in step with the text, at the speed of typing: a change is posted at
 * once, as a patch on the view the page shows (src/core/render/viewPatch.ts) or as a whole view
 * (first load, another file, a page that lost track). At most MAX_IN_FLIGHT updates are on their
 * way: beyond that, later changes wait, and the page's `rendered` sends the latest text (so a slow
 * page is sent fewer updates, never a backlog). No fixed interval.
 */
export class ViewSync {
  /** The page has run its script and listens (it reloads whenever it is shown again). */
  private isReady = false;
  /** The last view posted was the last good canvas of a text with syntax errors. */
  outdated = false;
  /** What the page shows, as far as the host knows: the base of the next patch. */
  private page: { uri: string; version: number | undefined; view: CanvasView | undefined } | undefined;
  /** The view embedded in the page's HTML: what a (re)loaded page shows when it says `ready`. */
  private embedded: { uri: string; view: CanvasView } | undefined;
  /** The last view built from a text without syntax errors. */
  private lastGood: { uri: string; view: CanvasView } | undefined;
  /** The versions posted and not yet drawn by the page, oldest first (at most MAX_IN_FLIGHT). */
  private inFlight: (number | undefined)[] = [];
  /** Fires when the oldest update in flight went unanswered too long (see ACK_TIMEOUT_MS). */
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private updating = false;
  /** Changes arrived while an update was in flight. */
  private waiting = false;
  private force: Force = 'none';
  /** When the first change not yet posted reached the host. */
  private changeAt: number | undefined;

  constructor(private readonly preview: SyncedPreview) {}

  get ready(): boolean {
    return this.isReady;
  }

  /** The version last posted (or shown by the page when it loaded). */
  get postedVersion(): number | undefined {
    return this.page?.version;
  }

  /** The view to embed in a new page; it is the base of the first patch once the page is ready. */
  embed(document: vscode.TextDocument): { view: CanvasView; outdated: boolean } {
    const built = this.viewOf(document);
    this.embedded = { uri: document.uri.toString(), view: built.view };
    this.page = { uri: document.uri.toString(), version: built.view.version, view: undefined };
    return built;
  }

  /** The text changed (`at`: when the event reached the host). */
  changed(at = now()): void {
    this.changeAt ??= at;
    this.request();
  }

  /** Draw the current text again even if its version is drawn (severities changed): a patch will do. */
  refresh(): void {
    if (this.force === 'none') this.force = 'patch';
    this.request();
  }

  /** Post the whole current view again, even for an unchanged version (after a refused edit). */
  redraw(): void {
    this.force = 'full';
    this.request();
  }

  /** Another file is shown: drawn at once, whatever was in flight. */
  resourceChanged(): void {
    this.release();
    this.request();
  }

  /** The page listens; it shows `version` of `uri` (the view embedded in it). */
  pageReady(uri: string, version: number | undefined): void {
    this.isReady = true;
    this.release();
    // Changes made while no page listened are not a key's latency: the next update is timed from now.
    this.changeAt = undefined;
    const embedded = this.embedded?.uri === uri && this.embedded.view.version === version ? this.embedded.view : undefined;
    this.page = { uri, version, view: embedded };
  }

  /** The page was hidden: it is torn down (no retainContextWhenHidden) and reloads when shown. */
  pageHidden(): void {
    this.isReady = false;
    this.release();
  }

  /** The page drew `version` (and so every update posted before it): the next ones may go. */
  rendered(version?: number): void {
    if (version === undefined) this.release();
    else {
      const drawn = this.inFlight.findIndex((v) => v === version);
      // An answer for a version not in flight (posted before a release): nothing more is known.
      if (drawn >= 0) this.inFlight.splice(0, drawn + 1);
      if (!this.inFlight.length) this.release();
      else this.watch();
    }
    if (this.waiting) this.request();
  }

  /** The page could not apply a patch (another base): it gets the whole view. */
  resync(): void {
    this.force = 'full';
    this.release();
    this.request();
  }

  /** Posts now, unless an update is in flight (then when the page answers) or the page is not listening. */
  request(): void {
    // A page that is not listening gets the latest view when it says `ready`.
    if (!this.isReady || this.preview.isDisposed()) return;
    if (this.inFlight.length >= MAX_IN_FLIGHT || this.updating) {
      this.waiting = true;
      return;
    }
    this.waiting = false;
    void this.update();
  }

  dispose(): void {
    this.release();
    this.isReady = false;
  }

  /** Nothing is taken to be in flight any more. */
  private release(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.inFlight = [];
  }

  /** (Re)arms the watchdog for the oldest update in flight. */
  private watch(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.watchdog = undefined;
      this.inFlight = [];
      if (this.waiting) this.request();
    }, ACK_TIMEOUT_MS);
  }

  private async update(): Promise<void> {
    this.updating = true;
    try {
      let document = this.preview.openDocument();
      if (!document) {
        try {
          document = await this.preview.document();
        } catch {
          return; // deleted or unreadable: keep what is drawn
        }
      }
      if (this.preview.isDisposed() || !this.isReady || !this.preview.isResource(document.uri)) return;
      this.post(document);
    } finally {
      this.updating = false;
      if (this.waiting && this.inFlight.length < MAX_IN_FLIGHT) this.request();
    }
  }

  private post(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const force = this.force;
    this.force = 'none';
    const page = this.page;
    if (force === 'none' && page?.uri === uri && page.version === document.version) {
      this.changeAt = undefined;
      return;
    }
    const changeAt = this.changeAt ?? now();
    this.changeAt = undefined;
    const { view, outdated } = this.viewOf(document);
    this.outdated = outdated;
    const fileName = fileNameOf(document.uri);
    if (force !== 'full' && page?.uri === uri && page.view) {
      const patch = diffView(page.view, view);
      this.preview.post({ type: 'patch', uri, fileName, base: page.view.version, patch, outdated, timing: { changeAt, postedAt: now() } });
    } else {
      this.preview.post({ type: 'view', uri, fileName, view, outdated, timing: { changeAt, postedAt: now() } });
    }
    this.page = { uri, version: document.version, view };
    this.inFlight.push(view.version);
    if (this.inFlight.length === 1) this.watch();
    this.preview.afterUpdate(document);
  }

  /**
   * The view of `document` from the shared cache (validated once per version, incrementally). A
   * text with syntax errors keeps showing its last good canvas, with the current problems.
   */
  private viewOf(document: vscode.TextDocument): { view: CanvasView; outdated: boolean } {
    const result = this.preview.cache.get(document);
    const fresh = buildCanvasView(result, { version: document.version, lineOf: (offset) => document.positionAt(offset) });
    const uri = document.uri.toString();
    const broken = !result.model || !result.parsed || result.parsed.hasSyntaxErrors;
    if (!broken) this.lastGood = { uri, view: fresh };
    if (broken && this.lastGood?.uri === uri) return { view: { ...this.lastGood.view, problems: fresh.problems, version: fresh.version }, outdated: true };
    return { view: fresh, outdated: false };
  }
}
