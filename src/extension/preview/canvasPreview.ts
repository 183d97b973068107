import * as vscode from 'vscode';
import type { CanvasView } from '../../core/render/viewTypes';
import { buildCanvasView } from '../../core/render/buildView';
import type { Span } from '../../core';
import type { HostMessage, HostMessageType, PreviewInit, SegmentCanvases, WebviewMessage, WebviewMessageType } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';
import { SECTION } from '../settings';
import { buildCompare, type CompareTexts } from './compareData';
import { newNonce, previewHtml } from './html';
import { cardCursorOffset } from './revealTarget';
import { fileNameOf, previewLabels, previewTitle } from './labels';
import type { PreviewLinks } from './segmentLinks';
import { editAnswersOf, handlePreviewEdit, type EditAnswer, type EditingPreview } from './previewEditing';

export const PREVIEW_VIEW_TYPE = 'canvasAsCode.preview';

/** Typing faster than this is drawn at most once per interval (the first view is immediate). */
export const UPDATE_INTERVAL_MS = 150;
const RASTERIZE_TIMEOUT_MS = 20_000;
const LOG_LENGTH = 50;

/** What a preview asks of whoever manages it. */
export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  readonly cache: CanvasDocumentCache;
  toggleLock(preview: CanvasPreview): void;
  exportCanvas(resource: vscode.Uri): void;
  /** The value-proposition canvases linked to a business model's segments (segmentLinks.ts). */
  readonly links?: PreviewLinks;
  activated(preview: CanvasPreview): void;
  disposed(preview: CanvasPreview): void;
}

/** What the tests read through the internal state command. */
export interface PreviewSnapshot {
  uri: string;
  locked: boolean;
  visible: boolean;
  active: boolean;
  ready: boolean;
  postedVersion: number | undefined;
  /** The last view posted was the last good canvas of a text with syntax errors. */
  outdated: boolean;
  renderedVersion: number | undefined;
  renderedCards: number | undefined;
  posted: HostMessageType[];
  received: WebviewMessageType[];
  /** Compare mode: what the shown canvas is compared with, and the last summary posted. */
  compare?: { against: string; summary?: { added: number; removed: number; changed: number; moved: number }; equal?: boolean };
  /** The last `links` message's segments (value-proposition canvases per segment). */
  links: SegmentCanvases[];
  /** The last answers to the page's edit gestures (previewEditing.ts), oldest first. */
  edits: EditAnswer[];
}

/** Compare mode's source: the old text (undefined: the file is new there) and how to name it. */
export interface CompareSource {
  against: string;
  oldText: string | undefined;
  texts: CompareTexts;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    // Only what ships and the page needs: the bundled script and the stylesheet.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

const textOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One preview panel showing one canvas file, live: every edit (unsaved too) reaches the page as a
 * new view, throttled, through `postMessage`; the page patches its DOM. A locked preview stays on
 * its file; an unlocked one is moved to the active canvas editor by its manager.
 */
export class CanvasPreview implements vscode.Disposable, EditingPreview {
  private readonly disposables: vscode.Disposable[] = [];
  private isDisposed = false;
  /** The page has run its script and listens (it reloads whenever it is shown again). */
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Changes arrived during the current interval. */
  private trailing = false;
  /** Redraw even an unchanged version (severities changed). */
  private forceNext = false;
  /** What the page shows, as far as the host knows. */
  private shown: { uri: string; version: number | undefined } | undefined;
  /** The last view built from a text without syntax errors, per file. */
  private lastGood: { uri: string; view: CanvasView } | undefined;
  private lastView: CanvasView | undefined;
  private rendered: { version: number | undefined; cards: number } | undefined;
  private lastOutdated = false;
  private readonly posted: HostMessageType[] = [];
  private readonly received: WebviewMessageType[] = [];
  private nextRequest = 1;
  private readonly rasterRequests = new Map<number, { resolve(dataUrl: string): void; reject(error: Error): void }>();
  private readonly readyWaiters: { resolve(): void; reject(error: Error): void }[] = [];
  private compareSource: CompareSource | undefined;
  private lastCompare: PreviewSnapshot['compare'];
  private linked: SegmentCanvases[] = [];
  private linkedUri: string | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private isLocked: boolean,
    private readonly host: PreviewHost,
  ) {
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'canvas-file.svg');
    panel.title = previewTitle(resourceUri, isLocked);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: WebviewMessage) => void this.receive(message)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // A hidden page is torn down (no retainContextWhenHidden); shown again, it reloads and says `ready`.
        if (!webviewPanel.visible) this.ready = false;
        if (webviewPanel.active) host.activated(this);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isResource(e.document.uri) && e.contentChanges.length) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.isResource(e.textEditor.document.uri)) this.postCursor(e.textEditor);
      }),
      host.links?.onDidChange(() => void this.postLinks()) ?? { dispose() {} },
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Severities changed: the diagnostics controller clears the cache in its own listener, before
        // or after this one, so redraw after an interval rather than now.
        if (e.affectsConfiguration(SECTION, this.resourceUri)) this.scheduleRedraw();
      }),
    );
    void this.load();
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  get locked(): boolean {
    return this.isLocked;
  }

  isResource(uri: vscode.Uri): boolean {
    return uri.toString() === this.resourceUri.toString();
  }

  /** Shows another file (an unlocked preview following the active editor): drawn at once. */
  setResource(uri: vscode.Uri): void {
    if (this.isDisposed || this.isResource(uri)) return;
    this.resourceUri = uri;
    this.compareSource = undefined;
    this.lastCompare = undefined;
    this.panel.title = previewTitle(uri, this.isLocked);
    this.cancelTimer();
    void this.update();
  }

  setLocked(locked: boolean): void {
    if (this.isDisposed) return;
    this.isLocked = locked;
    this.panel.title = previewTitle(this.resourceUri, locked);
    if (this.ready) this.post({ type: 'locked', locked });
  }

  /** The page, built once with the current view in it; later views are posted. */
  private async load(): Promise<void> {
    const webview = this.panel.webview;
    const init: PreviewInit = { uri: this.resourceUri.toString(), fileName: fileNameOf(this.resourceUri), locked: this.isLocked, labels: previewLabels() };
    try {
      const document = await this.document();
      const { view, outdated } = this.viewOf(document);
      init.view = view;
      init.outdated = outdated;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot preview {0}: {1}', fileNameOf(this.resourceUri), textOf(error)));
    }
    if (this.isDisposed) return;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, ...path)).toString();
    this.shown = { uri: init.uri, version: init.view?.version };
    webview.html = previewHtml(
      {
        cspSource: webview.cspSource,
        nonce: newNonce(),
        scriptUri: asset('dist', 'webview', 'preview.js'),
        styleUris: ['preview.css', 'links.css', 'editing.css', 'zoom.css', 'health.css'].map((name) => asset('media', name)),
        language: vscode.env.language,
      },
      init,
    );
  }

  private async document(): Promise<vscode.TextDocument> {
    const open = vscode.workspace.textDocuments.find((d) => this.isResource(d.uri));
    return open ?? (await vscode.workspace.openTextDocument(this.resourceUri));
  }

  /**
   * The view of `document` from the shared cache (validated once per version). A text with syntax
   * errors keeps showing its last good canvas, with the current problems.
   */
  private viewOf(document: vscode.TextDocument): { view: CanvasView; outdated: boolean } {
    const result = this.host.cache.get(document);
    const fresh = buildCanvasView(result, { version: document.version, lineOf: (offset) => document.positionAt(offset) });
    const uri = document.uri.toString();
    const broken = !result.model || !result.parsed || result.parsed.hasSyntaxErrors;
    if (!broken) this.lastGood = { uri, view: fresh };
    if (broken && this.lastGood?.uri === uri) {
      this.lastView = { ...this.lastGood.view, problems: fresh.problems, version: fresh.version };
      return { view: this.lastView, outdated: true };
    }
    this.lastView = fresh;
    return { view: fresh, outdated: false };
  }

  /**
   * Throttle: a change after a quiet period is drawn at once; changes during the following
   * interval are drawn together when it ends (one view per interval while typing).
   */
  private schedule(): void {
    if (this.isDisposed) return;
    if (this.timer !== undefined) {
      this.trailing = true;
      return;
    }
    void this.update();
    this.quietPeriod();
  }

  /** Redraw after the interval, also an unchanged version (severities changed). */
  private scheduleRedraw(): void {
    this.forceNext = true;
    this.trailing = true;
    if (this.timer === undefined) this.quietPeriod();
  }

  private quietPeriod(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.trailing) return;
      this.trailing = false;
      void this.update();
      this.quietPeriod();
    }, UPDATE_INTERVAL_MS);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.trailing = false;
  }

  /** Posts the current view unless the page already shows this version of this file. */
  private async update(): Promise<void> {
    // A page that is not listening gets the latest view when it says `ready`.
    if (this.isDisposed || !this.ready) return;
    let document: vscode.TextDocument;
    try {
      document = await this.document();
    } catch {
      return; // deleted or unreadable: keep what is drawn
    }
    if (this.isDisposed || !this.ready || !this.isResource(document.uri)) return;
    const uri = document.uri.toString();
    const force = this.forceNext;
    this.forceNext = false;
    if (!force && this.shown?.uri === uri && this.shown.version === document.version) return;
    const { view, outdated } = this.viewOf(document);
    this.lastOutdated = outdated;
    this.shown = { uri, version: document.version };
    this.post({ type: 'view', uri, fileName: fileNameOf(document.uri), view, outdated });
    void this.postLinks();
    if (this.compareSource) this.postCompare(document);
  }

  /** Posts the current view in full again, even for an unchanged version (after a refused edit). */
  redraw(): void {
    this.forceNext = true;
    void this.update();
  }

  /** Compare mode on (`source`) or off (undefined): the page marks the changes since `source`. */
  async setCompare(source: CompareSource | undefined): Promise<void> {
    this.compareSource = source;
    this.lastCompare = source ? { against: source.against } : undefined;
    if (this.isDisposed || !this.ready) return;
    const document = await this.document();
    if (source) this.postCompare(document);
    else this.post({ type: 'compare', uri: document.uri.toString(), version: document.version, compare: undefined });
  }

  get comparing(): boolean {
    return this.compareSource !== undefined;
  }

  private postCompare(document: vscode.TextDocument): void {
    const source = this.compareSource;
    if (!source || !this.isResource(document.uri)) return;
    const compare = buildCompare(source.oldText, this.host.cache.get(document), source.texts);
    this.lastCompare = { against: source.against, summary: compare.summary, equal: compare.equal };
    this.post({ type: 'compare', uri: document.uri.toString(), version: document.version, compare });
  }

  private postCursor(editor: vscode.TextEditor): void {
    if (!this.ready) return;
    this.post({ type: 'cursor', offset: editor.document.offsetAt(editor.selection.active) });
  }

  post(message: HostMessage): void {
    // A disposed webview throws on postMessage; a hidden one drops messages (it reloads on show).
    if (this.isDisposed) return;
    this.log(this.posted, message.type);
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private log<T>(list: T[], item: T): void {
    list.push(item);
    if (list.length > LOG_LENGTH) list.shift();
  }

  /** Handles a message from the page (also called by the tests' internal command). */
  async receive(message: WebviewMessage): Promise<void> {
    if (this.isDisposed || !message || typeof message !== 'object') return;
    this.log(this.received, message.type);
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.shown = { uri: message.uri, version: message.version };
        this.post({ type: 'locked', locked: this.isLocked });
        await this.update();
        // A reloaded page has no links drawn: post them again.
        this.linkedUri = undefined;
        void this.postLinks();
        if (this.compareSource && !this.isDisposed) this.postCompare(await this.document());
        {
          const editor = vscode.window.visibleTextEditors.find((e) => this.isResource(e.document.uri));
          if (editor) this.postCursor(editor);
        }
        for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
        return;
      case 'rendered':
        this.rendered = { version: message.version, cards: message.cards };
        return;
      case 'reveal':
        await this.reveal(message);
        return;
      case 'openLink':
        await openWebLink(message.href);
        return;
      case 'openCanvas':
        // Only a canvas this preview offered: the page cannot make the host open anything else.
        if (this.linked.some((s) => s.canvases.some((c) => c.uri === message.uri))) {
          await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(message.uri, true), { viewColumn: vscode.ViewColumn.One });
        }
        return;
      case 'toggleLock':
        this.host.toggleLock(this);
        return;
      case 'export':
        this.host.exportCanvas(this.resourceUri);
        return;
      case 'edit':
      case 'undo':
      case 'redo':
        await handlePreviewEdit(this, message, this.host.cache);
        return;
      case 'rasterized': {
        const request = this.rasterRequests.get(message.id);
        this.rasterRequests.delete(message.id);
        if (message.dataUrl) request?.resolve(message.dataUrl);
        else request?.reject(new Error(message.error ?? 'rasterising failed'));
        return;
      }
    }
  }

  /**
   * Shows the source beside the preview (or where it is already shown) with the cursor at a card's
   * name (`key` set: see `cardCursorOffset`) or at the start of a problem's span. The selection is
   * always empty: a click used to select the card's whole text and focus the editor, so the next
   * key typed replaced the card (and auto-save wrote that).
   *
   * The gestures follow Markdown's preview and VS Code's Problems view: a click (or Space) on a
   * card or problem only points at it, the editor scrolls and its cursor moves but the preview
   * keeps the focus (`focus` false); a double-click or Enter (`focus` true) moves the focus to the
   * editor, to edit there, which is how a keyboard user jumps to the source.
   */
  async reveal(target: { key?: string; span: Span; focus?: boolean }): Promise<vscode.TextEditor> {
    const document = await this.document();
    const { key, span } = target;
    const offset = key === undefined ? span.start : cardCursorOffset(this.host.cache.get(document).model, key, span);
    // positionAt clamps an offset past the end (a view older than a deletion).
    const position = document.positionAt(Number.isFinite(offset) ? Math.max(0, offset) : 0);
    const cursor = new vscode.Selection(position, position);
    const existing = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const column = existing?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: cursor, preserveFocus: target.focus !== true });
    // Also set directly, so the editor returned has exactly this selection whatever the options did.
    editor.selection = cursor;
    editor.revealRange(cursor, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** Tells the page which segments have a value-proposition canvas (a business model's preview). */
  private async postLinks(): Promise<void> {
    const links = this.host.links;
    if (!links || this.isDisposed || !this.ready) return;
    let segments: SegmentCanvases[];
    try {
      const document = await this.document();
      segments = await links.segmentsFor(document);
    } catch {
      return; // deleted or unreadable: keep what is drawn
    }
    if (this.isDisposed || !this.ready) return;
    if (JSON.stringify(segments) === JSON.stringify(this.linked) && this.linkedUri === this.resourceUri.toString()) return;
    this.linked = segments;
    this.linkedUri = this.resourceUri.toString();
    this.post({ type: 'links', uri: this.linkedUri, hint: vscode.l10n.t('Open the value proposition canvas'), segments });
  }

  /** Resolves once the page listens (after a reload too). */
  whenReady(timeoutMs = 15_000): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(vscode.l10n.t('The preview did not load.'))), timeoutMs);
      this.readyWaiters.push({
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  }

  /** PNG bytes of `svg`, drawn by the page (both extension hosts lack a rasteriser of their own). */
  async rasterize(svg: string, scale = 2): Promise<Uint8Array> {
    await this.whenReady();
    const id = this.nextRequest++;
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.rasterRequests.delete(id);
        reject(new Error(vscode.l10n.t('The preview did not draw the image in time.')));
      }, RASTERIZE_TIMEOUT_MS);
      this.rasterRequests.set(id, {
        resolve: (url) => (clearTimeout(timer), resolve(url)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.post({ type: 'rasterize', id, svg, scale });
    });
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }

  snapshot(): PreviewSnapshot {
    return {
      uri: this.resourceUri.toString(),
      locked: this.isLocked,
      visible: !this.isDisposed && this.panel.visible,
      active: !this.isDisposed && this.panel.active,
      ready: this.ready,
      postedVersion: this.shown?.version,
      outdated: this.lastOutdated,
      renderedVersion: this.rendered?.version,
      renderedCards: this.rendered?.cards,
      posted: this.posted.slice(),
      received: this.received.slice(),
      ...(this.lastCompare ? { compare: { ...this.lastCompare } } : {}),
      links: this.linked.map((s) => ({ segment: s.segment, canvases: s.canvases.map((c) => ({ ...c })) })),
      edits: editAnswersOf(this.panel),
    };
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.cancelTimer();
    const closed = new Error(vscode.l10n.t('The preview was closed.'));
    for (const request of this.rasterRequests.values()) request.reject(closed);
    this.rasterRequests.clear();
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(closed);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.host.disposed(this);
  }
}

/** Opens an http(s) link from the page; anything else is refused (the page should not send it). */
export async function openWebLink(href: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(href, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'http' && uri.scheme !== 'https') return false;
  return vscode.env.openExternal(uri);
}
