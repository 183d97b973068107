import * as vscode from 'vscode';
import { linkAt, linkCompletions, linkHover, linkValueSite } from '../../core/links';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_SELECTOR, toRange } from '../providers/spans';
import type { LinkDiagnostics } from './linkDiagnostics';
import type { LinkedFiles } from './linkedFiles';
import { linkTargetOf } from './linkPaths';
import { openBusinessModel } from './businessModel';

/** Card documentation from the core: escaped, with its own bits of HTML (see providers/hover.ts). */
function markdown(text: string): vscode.MarkdownString {
  const contents = new vscode.MarkdownString(text);
  contents.supportHtml = true;
  return contents;
}

/**
 * In a value-proposition canvas: completion of `segment` / `value-proposition` with the ids of
 * the linked business model's cards, and a hover on those values showing the card.
 */
export function registerLinkAssist(cache: CanvasDocumentCache, files: LinkedFiles, links: LinkDiagnostics): vscode.Disposable {
  const businessModelOf = async (document: vscode.TextDocument) => {
    const { model } = cache.get(document);
    if (model?.kind !== 'value-proposition') return undefined;
    const target = linkTargetOf(document.uri, model);
    return target && (await openBusinessModel(target, files, links));
  };
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(
      CANVAS_SELECTOR,
      {
        async provideCompletionItems(document, position) {
          const site = linkValueSite(document.getText(), document.offsetAt(position));
          if (!site) return undefined;
          const businessModel = await businessModelOf(document);
          if (!businessModel) return undefined;
          const range = toRange(document, site.replace);
          return linkCompletions(businessModel.model, site.field).map((item) => {
            const completion = new vscode.CompletionItem(item.id, vscode.CompletionItemKind.Reference);
            if (item.detail !== undefined) completion.detail = item.detail;
            completion.documentation = markdown(item.documentation);
            completion.range = range;
            return completion;
          });
        },
      },
      ' ',
      ':',
    ),
    vscode.languages.registerHoverProvider(CANVAS_SELECTOR, {
      async provideHover(document, position) {
        const at = linkAt(cache.get(document).model, document.offsetAt(position));
        if (!at || at.field === 'businessModel') return undefined;
        const businessModel = await businessModelOf(document);
        const contents = businessModel && linkHover(businessModel.model, at.field, at.value.value);
        return contents ? new vscode.Hover(markdown(contents), toRange(document, at.value)) : undefined;
      },
    }),
  );
}
