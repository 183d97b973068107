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
      // The core escapes every text from the canvas (names, ids, descriptions in a safe subset), so
      // the only HTML here is its own (`<span>$</span>` keeps a `$` from being read as math by
      // GitHub, `<br>`); untrusted, so it runs no commands, and VS Code still sanitizes the HTML.
      const contents = new vscode.MarkdownString(result.contents);
      contents.supportHtml = true;
      return new vscode.Hover(contents, toRange(document, result.span));
    },
  });
}
