import * as vscode from 'vscode';
import { hover } from '../../core/hover';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_SELECTOR, toRange } from './spans';

/** Schema documentation on keys and values; the referenced card on a reference. */
export function registerHover(cache: CanvasDocumentCache): vscode.Disposable {
  return vscode.languages.registerHoverProvider(CANVAS_SELECTOR, {
    provideHover(document, position) {
      const { parsed, model } = cache.get(document);
      const result = hover(document.getText(), document.offsetAt(position), parsed, model);
      if (!result) return undefined;
      // Descriptions are markdown by design; an untrusted MarkdownString runs no commands and strips unsafe HTML.
      const contents = new vscode.MarkdownString(result.contents);
      return new vscode.Hover(contents, toRange(document, result.span));
    },
  });
}
