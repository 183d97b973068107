import * as vscode from 'vscode';
import type { PreviewState } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';
import { isCanvasDocument } from '../languages';
import { CanvasPreview, type PreviewHost } from './canvasPreview';
import { PREVIEW_VIEW_TYPE } from './panelOptions';
import type { PreviewSnapshot } from './previewSnapshot';
import { previewTitle } from './labels';
import type { PreviewLinks } from './segmentLinks';

export interface ShowOptions {
  sideBySide: boolean;
  locked: boolean;
}

/**
 * Every open preview: unlocked ones follow the active canvas editor, locked ones stay on their
 * file. Revives previews after a reload through the panel serializer (the page's `setState` is
 * what it is handed back).
 */
export class PreviewManager implements vscode.Disposable, PreviewHost {
  private readonly previews: CanvasPreview[] = [];
  private active: CanvasPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly cache: CanvasDocumentCache,
    private readonly onExport: (resource: vscode.Uri) => void,
    readonly links?: PreviewLinks,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.revive(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isCanvasDocument(editor.document)) return;
        for (const preview of this.previews) if (!preview.locked) preview.setResource(editor.document.uri);
      }),
    );
  }

  /** Opens (or moves and reveals) a preview of `resource`. */
  show(resource: vscode.Uri, { sideBySide, locked }: ShowOptions): CanvasPreview {
    const editorColumn = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    const column = sideBySide ? vscode.ViewColumn.Beside : editorColumn;
    const reusable = locked
      ? this.previews.find((p) => p.locked && p.isResource(resource))
      : (this.active && !this.active.locked ? this.active : undefined) ?? this.previews.find((p) => !p.locked);
    if (reusable) {
      reusable.setResource(resource);
      reusable.panel.reveal(sideBySide ? reusable.panel.viewColumn : column, sideBySide);
      return reusable;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(resource, locked),
      { viewColumn: column, preserveFocus: sideBySide },
      { enableFindWidget: true },
    );
    return this.adopt(panel, resource, locked);
  }

  private adopt(panel: vscode.WebviewPanel, resource: vscode.Uri, locked: boolean): CanvasPreview {
    const preview = new CanvasPreview(panel, resource, locked, this);
    this.previews.push(preview);
    if (panel.active) this.active = preview;
    return preview;
  }

  private revive(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = state as Partial<PreviewState> | undefined;
    let resource: vscode.Uri | undefined;
    try {
      resource = typeof saved?.uri === 'string' ? vscode.Uri.parse(saved.uri, true) : undefined;
    } catch {
      resource = undefined;
    }
    // Nothing to show: a panel without a file would only confuse.
    if (!resource) return panel.dispose();
    this.adopt(panel, resource, saved?.locked === true);
  }

  /** The preview a command without arguments means: the focused one, else the only one. */
  current(): CanvasPreview | undefined {
    if (this.active && !this.active.disposed) return this.active;
    return this.previews.length === 1 ? this.previews[0] : undefined;
  }

  /** A page to rasterise in (PNG export): any shown preview, else one of `resource` opened beside. */
  async readyPreviewOf(resource: vscode.Uri): Promise<CanvasPreview> {
    const preview =
      this.previews.find((p) => p.isResource(resource) && p.panel.visible) ??
      this.previews.find((p) => p.panel.visible) ??
      this.show(resource, { sideBySide: true, locked: false });
    if (!preview.panel.visible) preview.panel.reveal(preview.panel.viewColumn, true);
    await preview.whenReady();
    return preview;
  }

  toggleLock(preview: CanvasPreview | undefined = this.current()): void {
    preview?.setLocked(!preview.locked);
  }

  exportCanvas(resource: vscode.Uri): void {
    this.onExport(resource);
  }

  activated(preview: CanvasPreview): void {
    this.active = preview;
  }

  disposed(preview: CanvasPreview): void {
    const index = this.previews.indexOf(preview);
    if (index >= 0) this.previews.splice(index, 1);
    if (this.active === preview) this.active = undefined;
  }

  /** For the tests' internal commands. */
  all(): readonly CanvasPreview[] {
    return this.previews;
  }

  snapshot(): { panels: number; previews: PreviewSnapshot[] } {
    return { panels: this.previews.length, previews: this.previews.map((p) => p.snapshot()) };
  }

  dispose(): void {
    for (const preview of this.previews.slice()) preview.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
