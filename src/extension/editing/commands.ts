import * as vscode from 'vscode';
import { addCard, deleteCard, moveCard, renameCard, setCardField } from '../../core';
import type { EditResult, TextEdit, ValidationResult } from '../../core';
import type { CanvasDocumentCache } from '../documentCache';
import { localize } from '../toVscode';

/**
 * The editing commands (format.md, "Extension commands for editing"): each takes one object, edits
 * the open document by the smallest text edit the core computes (src/core/editing), as one
 * WorkspaceEdit (one undo step), and resolves once it is applied. A refusal rejects with the
 * localized reason, and nothing changes.
 */
export const EDITING_COMMANDS = {
  addCard: 'canvasAsCode.addCard',
  renameCard: 'canvasAsCode.renameCard',
  moveCard: 'canvasAsCode.moveCard',
  deleteCard: 'canvasAsCode.deleteCard',
  setCardField: 'canvasAsCode.setCardField',
} as const;

type Compute = (text: string, result: ValidationResult, request: never) => EditResult;
type ArgType = 'string' | 'index' | 'optionalIndex' | 'value';

/** Each command's engine and the arguments it takes besides `uri` and `version`. */
const SIGNATURES: Record<keyof typeof EDITING_COMMANDS, { compute: Compute; args: Record<string, ArgType> }> = {
  addCard: { compute: addCard, args: { block: 'string', name: 'string', index: 'optionalIndex' } },
  renameCard: { compute: renameCard, args: { block: 'string', index: 'index', name: 'string' } },
  moveCard: { compute: moveCard, args: { block: 'string', index: 'index', toBlock: 'string', toIndex: 'index' } },
  deleteCard: { compute: deleteCard, args: { block: 'string', index: 'index' } },
  setCardField: { compute: setCardField, args: { block: 'string', index: 'index', field: 'string', value: 'value' } },
};

export function registerEditingCommands(cache: CanvasDocumentCache): vscode.Disposable {
  return vscode.Disposable.from(
    ...(Object.keys(SIGNATURES) as (keyof typeof EDITING_COMMANDS)[]).map((name) =>
      vscode.commands.registerCommand(EDITING_COMMANDS[name], (args: unknown) => editCard(cache, name, args)),
    ),
  );
}

async function editCard(cache: CanvasDocumentCache, name: keyof typeof EDITING_COMMANDS, args: unknown): Promise<void> {
  const { compute, args: expected } = SIGNATURES[name];
  const request = checkedArguments(args, expected);
  const uri = typeof request.uri === 'string' ? vscode.Uri.parse(request.uri) : (request.uri as vscode.Uri);
  const document = await vscode.workspace.openTextDocument(uri);
  if (request.version !== undefined && request.version !== document.version) {
    throw new Error(vscode.l10n.t('The document changed since this edit was asked for (version {0}, now {1}); nothing was changed.', String(request.version), String(document.version)));
  }
  // Read and computed without an await in between: the edits are for exactly this version.
  const version = document.version;
  const result = compute(document.getText(), cache.get(document), request as never);
  if ('error' in result) throw new Error(localize(result.error, result.args));
  if (!result.edits.length) return;
  const edit = new vscode.WorkspaceEdit();
  for (const { start, end, newText } of result.edits as TextEdit[]) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), newText);
  }
  if (document.version !== version || !(await vscode.workspace.applyEdit(edit))) {
    throw new Error(vscode.l10n.t('The edit could not be applied to {0} (the file may be read-only, or it changed meanwhile); nothing was changed.', document.uri.toString()));
  }
}

/** The argument object, with `uri` and the command's own arguments of the right types; rejects otherwise. */
function checkedArguments(args: unknown, expected: Record<string, ArgType>): Record<string, unknown> {
  const bad = (name: string) => new Error(vscode.l10n.t('The argument {0} is missing or not of the right type.', name));
  if (!args || typeof args !== 'object') throw bad('{ uri, ... }');
  const request = args as Record<string, unknown>;
  if (typeof request.uri !== 'string' && !(request.uri instanceof vscode.Uri)) throw bad('uri');
  if (request.version !== undefined && !Number.isInteger(request.version)) throw bad('version');
  for (const [name, type] of Object.entries(expected)) {
    const value = request[name];
    const fits =
      type === 'string' ? typeof value === 'string'
      : type === 'index' ? Number.isInteger(value)
      : type === 'optionalIndex' ? value === undefined || Number.isInteger(value)
      : value === null || ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!fits) throw bad(name);
  }
  return request;
}
