import * as vscode from 'vscode';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_SELECTOR } from './spans';
import { tokenDelta } from './tokenDelta';

const LEGEND = new vscode.SemanticTokensLegend(['variable'], ['declaration']);

/** The tokens of `document`: card ids as declarations, references as uses, in document order. */
function buildTokens(cache: CanvasDocumentCache, document: vscode.TextDocument, resultId: string): vscode.SemanticTokens {
  const builder = new vscode.SemanticTokensBuilder(LEGEND);
  const model = cache.get(document).model;
  if (!model) return builder.build(resultId);
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
  return builder.build(resultId);
}

/**
 * Ids and references look like any other YAML scalar to the grammar: colour card ids as
 * declarations and references as uses, so a typo in a reference stands out. After the first
 * result VS Code asks for edits against it (`provideDocumentSemanticTokensEdits`): the change
 * since the last result, usually none while typing (see tokenDelta).
 */
export function registerSemanticTokens(cache: CanvasDocumentCache): vscode.Disposable {
  /** The last result given per document: what VS Code's next request for edits is based on. */
  const last = new Map<string, { resultId: string; data: Uint32Array }>();
  let counter = 0;
  const remember = (document: vscode.TextDocument, tokens: vscode.SemanticTokens): vscode.SemanticTokens => {
    last.set(document.uri.toString(), { resultId: tokens.resultId!, data: tokens.data });
    return tokens;
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidCloseTextDocument((d) => last.delete(d.uri.toString())),
    vscode.languages.registerDocumentSemanticTokensProvider(
      CANVAS_SELECTOR,
      {
        provideDocumentSemanticTokens(document) {
          return remember(document, buildTokens(cache, document, String(++counter)));
        },
        provideDocumentSemanticTokensEdits(document, previousResultId) {
          const previous = last.get(document.uri.toString());
          const tokens = remember(document, buildTokens(cache, document, String(++counter)));
          // VS Code lost or never had that result: it gets the whole array.
          if (previous?.resultId !== previousResultId) return tokens;
          const edit = tokenDelta(previous.data, tokens.data);
          return new vscode.SemanticTokensEdits(edit ? [new vscode.SemanticTokensEdit(edit.start, edit.deleteCount, edit.data)] : [], tokens.resultId);
        },
      },
      LEGEND,
    ),
  );
}
