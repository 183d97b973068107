import * as vscode from 'vscode';
import { codeActions } from '../../core';
import type { CanvasDiagnostic, CodeAction } from '../../core';
import type { CanvasDocumentCache } from '../documentCache';
import { DIAGNOSTIC_SOURCE } from '../toVscode';
import { CANVAS_SELECTOR, toRange } from './spans';

/** The core diagnostic a VS Code diagnostic was made from: same code, same offsets. */
function findCoreDiagnostic(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  candidates: readonly CanvasDiagnostic[],
): CanvasDiagnostic | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return candidates.find((d) => d.code === diagnostic.code && d.start === start && d.end === end);
}

/** Quick fixes for the canvas diagnostics under the cursor. */
/** A core fix as VS Code's quick fix for `diagnostic`: its localized title and its edits to `document`. */
export function toQuickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, fix: CodeAction): vscode.CodeAction {
  const action = new vscode.CodeAction(vscode.l10n.t(fix.titleTemplate, ...fix.titleArgs), vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred;
  action.edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) action.edit.replace(document.uri, toRange(document, e), e.newText);
  return action;
}

export function registerCodeActions(cache: CanvasDocumentCache): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    CANVAS_SELECTOR,
    {
      provideCodeActions(document, _range, context) {
        const result = cache.get(document);
        if (!result.parsed || !result.model) return [];
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          const core = findCoreDiagnostic(document, diagnostic, result.diagnostics);
          if (!core) continue;
          for (const fix of codeActions(document.getText(), core, result.parsed, result.model)) {
            actions.push(toQuickFix(document, diagnostic, fix));
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
