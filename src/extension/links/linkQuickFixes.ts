import * as vscode from 'vscode';
import { linkFixes } from '../../core/links';
import type { CanvasDocumentCache } from '../documentCache';
import { toQuickFix } from '../providers/codeActions';
import { CANVAS_SELECTOR } from '../providers/spans';
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
            actions.push(toQuickFix(document, diagnostic, fix));
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
