import * as vscode from 'vscode';
import type { CanvasDocumentCache } from '../documentCache';
import type { LinkRename } from '../links/linkRename';
import { applyCardEdit, badArgumentMessage, useLinkRename } from './applyCardEdit';
import { badArgument, CARD_EDITS, type CardEditName } from './cardEdits';

/**
 * The editing commands (format.md, "Extension commands for editing"): each takes one object, edits
 * the open document by the smallest text edit the core computes (src/core/editing), as one
 * WorkspaceEdit (one undo step), and resolves once it is applied. A refusal rejects with the
 * localized reason, and nothing changes. The preview's gestures take the same path (applyCardEdit).
 */
export const EDITING_COMMANDS = {
  addCard: 'canvasAsCode.addCard',
  renameCard: 'canvasAsCode.renameCard',
  moveCard: 'canvasAsCode.moveCard',
  deleteCard: 'canvasAsCode.deleteCard',
  setCardField: 'canvasAsCode.setCardField',
} as const satisfies Record<CardEditName, string>;

/** `links`: a card's id changed by these commands or the preview is renamed across files as Rename Symbol does. */
export function registerEditingCommands(cache: CanvasDocumentCache, links?: LinkRename): vscode.Disposable {
  return vscode.Disposable.from(
    ...(links ? [useLinkRename(links)] : []),
    ...(Object.keys(CARD_EDITS) as CardEditName[]).map((name) =>
      vscode.commands.registerCommand(EDITING_COMMANDS[name], (args: unknown) => editCard(cache, name, args)),
    ),
  );
}

async function editCard(cache: CanvasDocumentCache, name: CardEditName, args: unknown): Promise<void> {
  const bad = (argument: string) => new Error(badArgumentMessage(argument));
  if (!args || typeof args !== 'object') throw bad('{ uri, ... }');
  const request = args as Record<string, unknown>;
  if (typeof request.uri !== 'string' && !(request.uri instanceof vscode.Uri)) throw bad('uri');
  // Checked before the file is opened, so a wrong call names its argument, not a missing file.
  const wrong = badArgument(name, request);
  if (wrong !== undefined) throw bad(wrong);
  const uri = typeof request.uri === 'string' ? vscode.Uri.parse(request.uri) : request.uri;
  const outcome = await applyCardEdit(cache, await vscode.workspace.openTextDocument(uri), name, request);
  if (!outcome.ok) throw new Error(outcome.message);
}
