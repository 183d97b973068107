import * as vscode from 'vscode';
import { linkFixes } from '../../core/links';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_SELECTOR, toRange } from '../providers/spans';
import { DIAGNOSTIC_SOURCE } from '../toVscode';
import type { LinkDiagnostics } from './linkDiagnostics';

/** Quick fix of a link problem under the cursor: the id the business model most likely meant. */
export function registerLinkQuickFixes(cache: CanvasDocumentCache, links: LinkDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    CANVAS_SELECTOR,
    {
      provideCodeActions(document, _range, context) {
        const published = links.lastFor(document);
        if (!published.length) return [];
        const { model } = cache.get(document);
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          const start = document.offsetAt(diagnostic.range.start);
          const end = document.offsetAt(diagnostic.range.end);
          const core = published.find((d) => d.code === diagnostic.code && d.start === start && d.end === end);
          if (!core) continue;
          for (const fix of linkFixes(document.getText(), core, model)) {
            const action = new vscode.CodeAction(vscode.l10n.t(fix.titleTemplate, ...fix.titleArgs), vscode.CodeActionKind.QuickFix);
            action.diagnostics = [diagnostic];
            action.isPreferred = fix.isPreferred;
            action.edit = new vscode.WorkspaceEdit();
            for (const e of fix.edits) action.edit.replace(document.uri, toRange(document, e), e.newText);
            actions.push(action);
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
