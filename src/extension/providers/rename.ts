import * as vscode from 'vscode';
import { prepareRename, rename } from '../../core';
import type { CanvasDocumentCache } from '../documentCache';
import type { LinkRename } from '../links/linkRename';
import { CANVAS_SELECTOR, toRange } from './spans';

/**
 * Rename of a card id from the id or any reference; invalid new ids are refused with a reason.
 * `links`: ids other files name (a business model's segments and value propositions, and the
 * values naming them in value-proposition canvases) are renamed in every file (links/linkRename.ts).
 */
export function registerRename(cache: CanvasDocumentCache, links?: LinkRename): vscode.Disposable {
  return vscode.languages.registerRenameProvider(CANVAS_SELECTOR, {
    prepareRename(document, position) {
      const model = cache.get(document).model;
      if (!model) throw new Error(vscode.l10n.t('Only a card id, or a reference to one, can be renamed.'));
      const location = prepareRename(model, document.offsetAt(position));
      if ('error' in location) {
        const linked = links?.prepare(document, position);
        if (linked) return linked;
        throw new Error(vscode.l10n.t(location.template, ...location.args));
      }
      return { range: toRange(document, location.span), placeholder: location.text };
    },
    provideRenameEdits: (document, position, newName) => renameEdit(cache, links, document, position, newName),
  });
}

/**
 * Rename Symbol's edit of the id or reference at `position` to `newName`: across files through
 * `links` when other files name it, else in the file; undefined where nothing can be renamed.
 * Refusals throw with the localized reason. Also the preview's and setCardField's id change
 * (editing/applyCardEdit.ts), so both make exactly the same edits.
 */
export async function renameEdit(
  cache: CanvasDocumentCache,
  links: LinkRename | undefined,
  document: vscode.TextDocument,
  position: vscode.Position,
  newName: string,
): Promise<vscode.WorkspaceEdit | undefined> {
  const linked = await links?.edits(document, position, newName);
  if (linked) return linked;
  const { model } = cache.get(document);
  if (!model) return undefined;
  const result = rename(document.getText(), model, document.offsetAt(position), newName);
  if ('error' in result) throw new Error(vscode.l10n.t(result.template, ...result.args));
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(document.uri, toRange(document, e), e.newText);
  return edit;
}
