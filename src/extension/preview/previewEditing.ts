import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';
import { applyCardEdit, badArgumentMessage, type CardEditOutcome } from '../editing/applyCardEdit';
import { isCardEditName, type CardEditName } from '../editing/cardEdits';

/** What the preview's editing needs of the preview it serves (canvasPreview.ts implements it). */
export interface EditingPreview {
  readonly resource: vscode.Uri;
  readonly panel: vscode.WebviewPanel;
  post(message: HostMessage): void;
  /** Posts the current view in full again, even for an unchanged version (after a refused edit). */
  redraw(): void;
}

export type EditingMessage = Extract<WebviewMessage, { type: 'edit' | 'undo' | 'redo' }>;
export type EditedMessage = Extract<HostMessage, { type: 'edited' }>;

/** An answer as the tests read it (the preview's snapshot): the message and when the gesture arrived. */
export interface EditAnswer extends EditedMessage {
  /** When the handler got the gesture (epoch ms, like `appliedAt`): `appliedAt - receivedAt` is the host's share. */
  receivedAt: number;
  /** When the engine had computed the edit (applied edits only): the rest, to `appliedAt`, is VS Code applying it. */
  computedAt?: number;
}

const ANSWERS_KEPT = 20;
const answers = new WeakMap<vscode.WebviewPanel, EditAnswer[]>();

/** The last answers to `panel`'s gestures, oldest first (for the preview's snapshot). */
export function editAnswersOf(panel: vscode.WebviewPanel): EditAnswer[] {
  return (answers.get(panel) ?? []).map((answer) => ({ ...answer }));
}

const now = () => performance.timeOrigin + performance.now();

/**
 * A gesture from the page becomes the smallest YAML edit on the open document, applied as one undo
 * step by the same path as the editing commands (applyCardEdit), answered with `edited`; a refusal
 * (a stale version, a bad intent, the engine's reason, a read-only file) is answered with its reason
 * and the current view is drawn again, so whatever the page drew ahead of the edit is put right.
 * Undo/Redo run in the file's editor. Never throws: the page's message handler awaits it.
 */
export async function handlePreviewEdit(preview: EditingPreview, message: EditingMessage, cache: CanvasDocumentCache): Promise<void> {
  try {
    if (message.type === 'edit') await edit(preview, message, cache);
    else await undoOrRedo(preview, message.type);
  } catch {
    // Both paths catch what they expect; anything else must still not reach the page's handler.
  }
}

async function edit(preview: EditingPreview, message: Extract<EditingMessage, { type: 'edit' }>, cache: CanvasDocumentCache): Promise<void> {
  const receivedAt = now();
  const id = Number.isInteger(message.id) ? message.id : -1;
  const answer = (outcome: CardEditOutcome) => {
    const edited: EditedMessage = outcome.ok
      ? { type: 'edited', id, ok: true, ...(outcome.appliedAt !== undefined ? { appliedAt: outcome.appliedAt } : {}) }
      : { type: 'edited', id, ok: false, message: outcome.message };
    remember(preview.panel, { ...edited, receivedAt, ...(outcome.ok && outcome.computedAt !== undefined ? { computedAt: outcome.computedAt } : {}) });
    preview.post(edited);
    if (!outcome.ok) preview.redraw();
  };
  const intent: unknown = message.intent;
  if (!intent || typeof intent !== 'object' || !isCardEditName((intent as { command?: unknown }).command)) {
    return answer({ ok: false, message: badArgumentMessage('intent') });
  }
  // The page always names the version it drew: without one, the edit could land on other text.
  if (!Number.isInteger(message.version)) return answer({ ok: false, message: badArgumentMessage('version') });
  // The page drew another file than the preview shows now (it moved to the active editor meanwhile):
  // the same version number there is other text.
  if (message.uri !== preview.resource.toString()) {
    return answer({ ok: false, message: vscode.l10n.t('The preview shows another file now; nothing was changed.') });
  }
  let document: vscode.TextDocument;
  try {
    document = await documentOf(preview.resource);
  } catch (error) {
    return answer({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
  const { command, ...args } = intent as { command: CardEditName } & Record<string, unknown>;
  answer(await applyCardEdit(cache, document, command, { ...args, version: message.version }));
}

function remember(panel: vscode.WebviewPanel, answer: EditAnswer): void {
  const list = answers.get(panel) ?? [];
  list.push(answer);
  if (list.length > ANSWERS_KEPT) list.shift();
  answers.set(panel, list);
}

async function documentOf(resource: vscode.Uri): Promise<vscode.TextDocument> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource.toString());
  return open ?? (await vscode.workspace.openTextDocument(resource));
}

/** How often, and how far apart, Undo/Redo is tried while the page still holds the focus (see below). */
const UNDO_ATTEMPTS = 10;
const UNDO_RETRY_MS = 50;

/**
 * VS Code's own Undo/Redo of the preview's file (not of the page): they act on what has the focus,
 * so the file's editor is shown with the focus (where it is visible, else beside the preview), the
 * command runs there, and the focus goes back to the preview, where the user was.
 *
 * The workbench learns that the page lost the focus a moment after the editor took it (the page's
 * frame reports its blur by a message); a command run before that goes to the page and does
 * nothing (seen in the web-worker host, where the command arrives quickly). So it is tried again
 * until the document changes, a few times: an undo that happened has changed the document by the
 * time the command resolves, so one never runs twice; with nothing to undo it gives up after about
 * half a second.
 */
async function undoOrRedo(preview: EditingPreview, command: 'undo' | 'redo'): Promise<void> {
  const { panel } = preview;
  try {
    const document = await documentOf(preview.resource);
    for (let attempt = 0; attempt < UNDO_ATTEMPTS && !document.isClosed; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, UNDO_RETRY_MS));
      const version = document.version;
      const existing = vscode.window.visibleTextEditors.find((e) => e.document === document);
      const column = existing?.viewColumn ?? (panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
      await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
      await vscode.commands.executeCommand(command);
      if (document.version !== version) return;
    }
  } finally {
    panel.reveal(panel.viewColumn, false);
  }
}
