import * as vscode from 'vscode';
import { complete } from '../../core/completion';
import type { CompletionItem } from '../../core/completion';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_SELECTOR, toRange } from './spans';

const KIND: Record<CompletionItem['kind'], vscode.CompletionItemKind> = {
  block: vscode.CompletionItemKind.Module,
  field: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Reference,
  snippet: vscode.CompletionItemKind.Snippet,
};

function toItem(document: vscode.TextDocument, item: CompletionItem): vscode.CompletionItem {
  const result = new vscode.CompletionItem(item.label, KIND[item.kind]);
  result.detail = item.detail;
  if (item.documentation) {
    // Escaped by the core (see providers/hover.ts): the only HTML is the core's own.
    const documentation = new vscode.MarkdownString(item.documentation);
    documentation.supportHtml = true;
    result.documentation = documentation;
  }
  result.insertText = item.isSnippet ? new vscode.SnippetString(item.insertText) : item.insertText;
  result.range = toRange(document, item.range);
  result.sortText = item.sortText;
  result.filterText = item.filterText;
  return result;
}

/** Blocks, fields, enumeration values, ids and snippets, from the schema and the cached model. */
export function registerCompletion(cache: CanvasDocumentCache): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    CANVAS_SELECTOR,
    {
      provideCompletionItems(document, position) {
        const { parsed, model } = cache.get(document);
        return complete(document.getText(), document.offsetAt(position), parsed, model).map((item) => toItem(document, item));
      },
    },
    ' ',
    ':',
    '[',
    ',',
    '-',
  );
}
