import type * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';

/** What the preview's editing needs of the preview it serves (canvasPreview.ts implements it). */
export interface EditingPreview {
  readonly resource: vscode.Uri;
  readonly panel: vscode.WebviewPanel;
  post(message: HostMessage): void;
  /** Posts the current view in full again, even for an unchanged version (after a refused edit). */
  redraw(): void;
}

export type EditingMessage = Extract<WebviewMessage, { type: 'edit' | 'undo' | 'redo' }>;

/**
 * A gesture from the page: the smallest YAML edit, applied to the open document as one undo step,
 * answered with `edited`; or Undo/Redo in the file's editor. (Being built: issue 15.)
 */
export async function handlePreviewEdit(preview: EditingPreview, message: EditingMessage, cache: CanvasDocumentCache): Promise<void> {
  void cache;
  if (message.type === 'edit') preview.post({ type: 'edited', id: message.id, ok: false });
}
