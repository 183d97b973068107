import * as vscode from 'vscode';
import type { Span } from '../../core';
import type { HostMessage, PreviewInit, WebviewMessage } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';
import { SECTION } from '../settings';
import { newNonce, previewHtml } from './html';
import { fileNameOf, previewLabels, previewTitle } from './labels';
import { PageRequests } from './pageRequests';
import { PREVIEW_STYLES, webviewOptions } from './panelOptions';
import { PreviewCompare, type CompareSource } from './previewCompare';
import { editAnswersOf, handlePreviewEdit, type EditingPreview } from './previewEditing';
import { LinksSync } from './previewLinks';
import { MessageLog, type PreviewSnapshot } from './previewSnapshot';
import { now, ViewSync } from './previewSync';
import { cardCursorOffset } from './revealTarget';
import type { PreviewLinks } from './segmentLinks';
import { openWebLink } from './webLinks';

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

const textOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One preview panel showing one canvas file, live: the panel, its page and the messages in and
 * out. Keeping the page in step with the text is ViewSync's (previewSync.ts), compare mode
 * PreviewCompare's, the segment links LinksSync's, export's rasterising PageRequests', gestures
 * previewEditing's. A locked preview stays on its file; an unlocked one is moved to the active
 * canvas editor by its manager.
 */
export class CanvasPreview implements vscode.Disposable, EditingPreview {
  private readonly disposables: vscode.Disposable[] = [];
  private isDisposed = false;
  /** The card (file and start) the page was last pointed at: see postCursor. */
  private cursorCard: string | undefined;
  private readonly sync: ViewSync;
  private readonly compare: PreviewCompare;
  private readonly linksSync: LinksSync;
  private readonly requests = new PageRequests();
  private readonly log = new MessageLog();
  private rendered: { version: number | undefined; cards: number } | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private isLocked: boolean,
    private readonly host: PreviewHost,
  ) {
    const post = (message: HostMessage) => this.post(message);
    this.sync = new ViewSync({
      cache: host.cache,
      isDisposed: () => this.isDisposed,
      isResource: (uri) => this.isResource(uri),
      openDocument: () => this.openDocument(),
      document: () => this.document(),
      post,
      afterUpdate: (document) => {
        void this.postLinks(document);
        this.compare.postFor(document);
      },
    });
    this.compare = new PreviewCompare(host.cache, post);
    this.linksSync = new LinksSync(host.links, post);
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'canvas-file.svg');
    panel.title = previewTitle(resourceUri, isLocked);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: WebviewMessage) => void this.receive(message)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // A hidden page is torn down (no retainContextWhenHidden); shown again, it reloads and says `ready`.
        if (!webviewPanel.visible) this.sync.pageHidden();
        if (webviewPanel.active) host.activated(this);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isResource(e.document.uri) && e.contentChanges.length) this.sync.changed(now());
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.isResource(e.textEditor.document.uri)) this.postCursor(e.textEditor);
      }),
      host.links?.onDidChange(() => void this.postLinks()) ?? { dispose() {} },
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Severities changed: the diagnostics controller clears the cache in its own listener, before
        // or after this one, so redraw once every listener of this event has run.
        if (e.affectsConfiguration(SECTION, this.resourceUri)) setTimeout(() => this.sync.refresh(), 0);
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

  get disposed(): boolean {
    return this.isDisposed;
  }

  get comparing(): boolean {
    return this.compare.comparing;
  }

  isResource(uri: vscode.Uri): boolean {
    return uri.toString() === this.resourceUri.toString();
  }

  /** Shows another file (an unlocked preview following the active editor): drawn at once. */
  setResource(uri: vscode.Uri): void {
    if (this.isDisposed || this.isResource(uri)) return;
    this.resourceUri = uri;
    this.compare.set(undefined);
    this.panel.title = previewTitle(uri, this.isLocked);
    this.sync.resourceChanged();
  }

  setLocked(locked: boolean): void {
    if (this.isDisposed) return;
    this.isLocked = locked;
    this.panel.title = previewTitle(this.resourceUri, locked);
    if (this.sync.ready) this.post({ type: 'locked', locked });
  }

  /** Posts the current view in full again, even for an unchanged version (after a refused edit). */
  redraw(): void {
    this.sync.redraw();
  }

  /** The page, built once with the current view in it; later updates are posted. */
  private async load(): Promise<void> {
    const webview = this.panel.webview;
    const init: PreviewInit = { uri: this.resourceUri.toString(), fileName: fileNameOf(this.resourceUri), locked: this.isLocked, labels: previewLabels() };
    try {
      const { view, outdated } = this.sync.embed(await this.document());
      init.view = view;
      init.outdated = outdated;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot preview {0}: {1}', fileNameOf(this.resourceUri), textOf(error)));
    }
    if (this.isDisposed) return;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, ...path)).toString();
    webview.html = previewHtml(
      {
        cspSource: webview.cspSource,
        nonce: newNonce(),
        scriptUri: asset('dist', 'webview', 'preview.js'),
        styleUris: PREVIEW_STYLES.map((name) => asset('media', name)),
        language: vscode.env.language,
      },
      init,
    );
  }

  private openDocument(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => this.isResource(d.uri));
  }

  private async document(): Promise<vscode.TextDocument> {
    return this.openDocument() ?? (await vscode.workspace.openTextDocument(this.resourceUri));
  }

  /** Compare mode on (`source`) or off (undefined): the page marks the changes since `source`. */
  async setCompare(source: CompareSource | undefined): Promise<void> {
    this.compare.set(source);
    if (this.isDisposed || !this.sync.ready) return;
    const document = await this.document();
    if (!this.isResource(document.uri)) return;
    if (source) this.compare.postFor(document);
    else this.compare.postOff(document);
  }

  /**
   * Points the page at the card under the editor's cursor. Only when that card changes: typing
   * moves the cursor on every key but stays in its card, and a message the page would ignore still
   * costs a trip through the workbench's renderer, which is what delays the next update's paint.
   */
  private postCursor(editor: vscode.TextEditor): void {
    if (!this.sync.ready) return;
    const offset = editor.document.offsetAt(editor.selection.active);
    const card = this.host.cache.get(editor.document).model?.cards.find((c) => c.span.start <= offset && offset <= c.span.end);
    const key = `${editor.document.uri.toString()}#${card?.span.start ?? -1}`;
    if (key === this.cursorCard) return;
    this.cursorCard = key;
    this.post({ type: 'cursor', offset });
  }

  post(message: HostMessage): void {
    // A disposed webview throws on postMessage; a hidden one drops messages (it reloads on show).
    if (this.isDisposed) return;
    // A whole view is drawn afresh: the next cursor event says where the cursor is again.
    if (message.type === 'view') this.cursorCard = undefined;
    this.log.sent(message.type);
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  /** Handles a message from the page (also called by the tests' internal command). */
  async receive(message: WebviewMessage): Promise<void> {
    if (this.isDisposed || !message || typeof message !== 'object') return;
    this.log.got(message.type);
    switch (message.type) {
      case 'ready':
        this.sync.pageReady(message.uri, message.version);
        this.post({ type: 'locked', locked: this.isLocked });
        this.sync.request();
        // A reloaded page has no links or comparison drawn: post them again.
        this.linksSync.forget();
        void this.postLinks();
        if (this.compare.comparing && !this.isDisposed) {
          const document = await this.document();
          if (this.isResource(document.uri)) this.compare.postFor(document);
        }
        {
          // A (re)loaded page has no card highlighted: it is told where the cursor is, whatever it was told before.
          this.cursorCard = undefined;
          const editor = vscode.window.visibleTextEditors.find((e) => this.isResource(e.document.uri));
          if (editor) this.postCursor(editor);
        }
        this.requests.ready();
        return;
      case 'rendered':
        this.rendered = { version: message.version, cards: message.cards };
        this.sync.rendered(message.version);
        return;
      case 'resync':
        this.sync.resync();
        return;
      case 'reveal':
        await this.reveal(message);
        return;
      case 'openLink':
        await openWebLink(message.href);
        return;
      case 'openCanvas':
        // Only a canvas this preview offered: the page cannot make the host open anything else.
        if (this.linksSync.offers(message.uri)) {
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
      case 'rasterized':
        this.requests.rasterized(message.id, message.dataUrl, message.error);
        return;
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
  private async postLinks(document?: vscode.TextDocument): Promise<void> {
    if (this.isDisposed || !this.sync.ready) return;
    try {
      document ??= await this.document();
    } catch {
      return; // deleted or unreadable: keep what is drawn
    }
    await this.linksSync.postFor(document, () => !this.isDisposed && this.sync.ready && this.isResource(document.uri));
  }

  /** Resolves once the page listens (after a reload too). */
  whenReady(timeoutMs?: number): Promise<void> {
    return this.requests.whenReady(this.sync.ready, timeoutMs);
  }

  /** PNG bytes of `svg`, drawn by the page (both extension hosts lack a rasteriser of their own). */
  async rasterize(svg: string, scale = 2): Promise<Uint8Array> {
    await this.whenReady();
    return this.requests.rasterize(svg, scale, (id) => this.post({ type: 'rasterize', id, svg, scale }));
  }

  snapshot(): PreviewSnapshot {
    const compare = this.compare.snapshot();
    return {
      uri: this.resourceUri.toString(),
      locked: this.isLocked,
      visible: !this.isDisposed && this.panel.visible,
      active: !this.isDisposed && this.panel.active,
      ready: this.sync.ready,
      postedVersion: this.sync.postedVersion,
      outdated: this.sync.outdated,
      renderedVersion: this.rendered?.version,
      renderedCards: this.rendered?.cards,
      posted: this.log.posted.slice(),
      received: this.log.received.slice(),
      ...(compare ? { compare } : {}),
      links: this.linksSync.snapshot(),
      edits: editAnswersOf(this.panel),
    };
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.sync.dispose();
    this.requests.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.host.disposed(this);
  }
}
