import * as vscode from 'vscode';
import type { TextEdit } from '../../core';
import { cardIdChange } from '../../core/cardIdChange';
import type { CanvasDocumentCache } from '../documentCache';
import type { LinkRename } from '../links/linkRename';
import { renameEdit } from '../providers/rename';
import { localize } from '../toVscode';
import { badArgument, CARD_EDITS, type CardEditName } from './cardEdits';
import { isReadonlyDocument } from './readonlyDocument';

/**
 * What became of an edit: applied (`appliedAt`: when VS Code confirmed it, in epoch milliseconds
 * with fractions, comparable with the page's clock; undefined when there was nothing to change;
 * `computedAt`: when the engine had computed the edits, for the benchmarks' breakdown),
 * or refused with the localized reason and nothing changed.
 */
export type CardEditOutcome = { ok: true; appliedAt: number | undefined; computedAt?: number } | { ok: false; message: string };

const now = () => performance.timeOrigin + performance.now();

/**
 * The one way the extension edits a card, for the editing commands and the preview's gestures
 * alike: the core engine computes the smallest text edits on exactly `version` of `document` (the
 * current one when undefined), and they are applied as one WorkspaceEdit, so one undo step. A
 * version that is no longer the document's is refused, never applied to other text; so is an
 * argument of the wrong type, a read-only file (which applyEdit would change all the same),
 * anything the engine refuses, and an edit VS Code does not apply. Never throws.
 *
 * A card's id (`setCardField` with field `id`) is renamed as Rename Symbol renames it: the id and
 * every reference to it, in the file and in the value-proposition canvases that name it (renameId).
 */
export async function applyCardEdit(
  cache: CanvasDocumentCache,
  document: vscode.TextDocument,
  edit: CardEditName,
  request: Record<string, unknown>,
): Promise<CardEditOutcome> {
  const refused = (message: string): CardEditOutcome => ({ ok: false, message });
  try {
    const bad = badArgument(edit, request);
    if (bad !== undefined) return refused(badArgumentMessage(bad));
    if (await isReadonlyDocument(document)) return refused(notApplied(document));
    if (request.version !== undefined && request.version !== document.version) {
      return refused(vscode.l10n.t('The document changed since this edit was asked for (version {0}, now {1}); nothing was changed.', String(request.version), String(document.version)));
    }
    // Read and computed without an await in between: the edits are for exactly this version.
    const version = document.version;
    const text = document.getText();
    const validated = cache.get(document);
    if (edit === 'setCardField' && request.field === 'id') {
      const change = cardIdChange(text, validated, request as { block: string; index: number }, request.value);
      if ('error' in change) return refused(localize(change.template, change.args));
      if ('rename' in change) return await renameId(cache, document, version, change.rename);
      request = { ...request, value: change.setField.value };
    }
    const result = CARD_EDITS[edit].compute(text, validated, request as never);
    if ('error' in result) return refused(localize(result.error, result.args));
    if (!result.edits.length) return { ok: true, appliedAt: undefined };
    const computedAt = now();
    const workspaceEdit = new vscode.WorkspaceEdit();
    for (const { start, end, newText } of result.edits as TextEdit[]) {
      workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), newText);
    }
    const applied = document.version === version && (await vscode.workspace.applyEdit(workspaceEdit));
    if (!applied) return refused(notApplied(document));
    return { ok: true, appliedAt: now(), computedAt };
  } catch (error) {
    // applyEdit rejects on some hosts instead of resolving false (a file system that refuses writes).
    return refused(`${notApplied(document)} (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The rename across files that id changes make, as Rename Symbol's (set at activation: useLinkRename). */
let linkRename: LinkRename | undefined;

/** Id changes rename across files through `links` (links/linkRename.ts) until disposed; without it, in the file only. */
export function useLinkRename(links: LinkRename): vscode.Disposable {
  linkRename = links;
  return new vscode.Disposable(() => {
    if (linkRename === links) linkRename = undefined;
  });
}

/**
 * Renames the card id at `offset` by Rename Symbol's own edit (providers/rename.ts renameEdit, with
 * links/linkRename.ts), so the preview and the command make exactly the edits F2 makes: the id, its
 * references in the file, and the values naming it in other files, as one WorkspaceEdit (one undo
 * step in each file). Its refusal is the rename's own reason. Called directly, not through
 * vscode.executeDocumentRenameProvider: that would also ask other extensions' rename providers
 * (a YAML extension's, for a canvas opened as plain YAML), or none, and say nothing.
 */
async function renameId(cache: CanvasDocumentCache, document: vscode.TextDocument, version: number, { offset, newName }: { offset: number; newName: string }): Promise<CardEditOutcome> {
  let workspaceEdit: vscode.WorkspaceEdit | undefined;
  try {
    workspaceEdit = await renameEdit(cache, linkRename, document, document.positionAt(offset), newName);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const computedAt = now();
  // The provider ran asynchronously (it may read the linked files): the text must still be the one asked about.
  if (document.version !== version) return { ok: false, message: notApplied(document) };
  if (!workspaceEdit || workspaceEdit.size === 0) return { ok: true, appliedAt: undefined };
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return { ok: false, message: notApplied(document) };
  return { ok: true, appliedAt: now(), computedAt };
}

export const badArgumentMessage = (argument: string) => vscode.l10n.t('The argument {0} is missing or not of the right type.', argument);

const notApplied = (document: vscode.TextDocument) =>
  vscode.l10n.t('The edit could not be applied to {0} (the file may be read-only, or it changed meanwhile); nothing was changed.', document.uri.toString());
