import * as vscode from 'vscode';
import { definition, documentSymbols, highlights, references } from '../../core';
import type { CanvasSymbol } from '../../core';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_SELECTOR, toRange } from './spans';

function toSymbol(document: vscode.TextDocument, symbol: CanvasSymbol): vscode.DocumentSymbol {
  const result = new vscode.DocumentSymbol(
    symbol.name,
    symbol.detail,
    symbol.kind === 'block' ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Object,
    toRange(document, symbol.span),
    toRange(document, symbol.selectionSpan),
  );
  result.children = symbol.children.map((child) => toSymbol(document, child));
  return result;
}

/** Outline and breadcrumbs (blocks → cards), go to definition, find references, highlights. */
export function registerNavigation(cache: CanvasDocumentCache): vscode.Disposable {
  const modelOf = (document: vscode.TextDocument) => cache.get(document).model;
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(
      CANVAS_SELECTOR,
      {
        provideDocumentSymbols(document) {
          const model = modelOf(document);
          return model ? documentSymbols(model).map((s) => toSymbol(document, s)) : [];
        },
      },
      { label: vscode.l10n.t('Canvas') },
    ),
    vscode.languages.registerDefinitionProvider(CANVAS_SELECTOR, {
      provideDefinition(document, position) {
        const model = modelOf(document);
        const target = model && definition(model, document.offsetAt(position));
        if (!target) return undefined;
        const link: vscode.LocationLink = {
          targetUri: document.uri,
          targetRange: toRange(document, target.cardSpan),
          targetSelectionRange: toRange(document, target.idSpan),
        };
        return [link];
      },
    }),
    vscode.languages.registerReferenceProvider(CANVAS_SELECTOR, {
      provideReferences(document, position, context) {
        const model = modelOf(document);
        if (!model) return [];
        return references(model, document.offsetAt(position), context.includeDeclaration).map(
          (span) => new vscode.Location(document.uri, toRange(document, span)),
        );
      },
    }),
    vscode.languages.registerDocumentHighlightProvider(CANVAS_SELECTOR, {
      provideDocumentHighlights(document, position) {
        const model = modelOf(document);
        if (!model) return [];
        return highlights(model, document.offsetAt(position)).map(
          (h) =>
            new vscode.DocumentHighlight(
              toRange(document, h),
              h.kind === 'write' ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read,
            ),
        );
      },
    }),
  );
}
