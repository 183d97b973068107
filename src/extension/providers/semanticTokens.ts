import * as vscode from 'vscode';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_SELECTOR } from './spans';

const LEGEND = new vscode.SemanticTokensLegend(['variable'], ['declaration']);

/**
 * Ids and references look like any other YAML scalar to the grammar: colour card ids as
 * declarations and references as uses, so a typo in a reference stands out.
 */
export function registerSemanticTokens(cache: CanvasDocumentCache): vscode.Disposable {
  return vscode.languages.registerDocumentSemanticTokensProvider(
    CANVAS_SELECTOR,
    {
      provideDocumentSemanticTokens(document) {
        const builder = new vscode.SemanticTokensBuilder(LEGEND);
        const model = cache.get(document).model;
        if (!model) return builder.build();
        const tokens: { start: number; end: number; declaration: boolean }[] = [];
        for (const card of model.cards) {
          if (card.id) tokens.push({ start: card.id.start, end: card.id.end, declaration: true });
          for (const ref of card.references) tokens.push({ start: ref.start, end: ref.end, declaration: false });
        }
        // The builder needs tokens in document order; aliases can put them out of order.
        tokens.sort((a, b) => a.start - b.start);
        let last = -1;
        for (const token of tokens) {
          if (token.start < last) continue;
          const start = document.positionAt(token.start);
          const end = document.positionAt(token.end);
          if (start.line !== end.line || end.character <= start.character) continue;
          builder.push(start.line, start.character, end.character - start.character, 0, token.declaration ? 1 : 0);
          last = token.end;
        }
        return builder.build();
      },
    },
    LEGEND,
  );
}
