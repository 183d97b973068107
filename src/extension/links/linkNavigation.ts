import * as vscode from 'vscode';
import { linkAt, linkedCard, linkedTargetAt, sitesNaming } from '../../core/links';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_SELECTOR, toRange } from '../providers/spans';
import type { LinkDiagnostics } from './linkDiagnostics';
import type { LinkedFiles } from './linkedFiles';
import { linkTargetOf } from './linkPaths';
import { openBusinessModel, rangesIn } from './businessModel';
import type { WorkspaceLinks } from './workspaceLinks';

/**
 * Navigation across links. Go to definition from a value-proposition canvas: `business-model` to
 * the file, `segment` / `value-proposition` to the card of the business model. Find references on
 * a segment or value-proposition id of a business model: the lines of the value-proposition
 * canvases that name it (the in-file references come from the canvas's own provider).
 */
export function registerLinkNavigation(cache: CanvasDocumentCache, files: LinkedFiles, links: LinkDiagnostics, workspace: WorkspaceLinks): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(CANVAS_SELECTOR, {
      async provideDefinition(document, position) {
        const { model } = cache.get(document);
        const at = linkAt(model, document.offsetAt(position));
        const target = at && linkTargetOf(document.uri, model);
        if (!at || !target) return undefined;
        const origin = toRange(document, at.value);
        if (at.field === 'businessModel') {
          const read = await files.read(target);
          if (!('text' in read)) return undefined;
          const start = new vscode.Range(0, 0, 0, 0);
          return [{ originSelectionRange: origin, targetUri: target, targetRange: start, targetSelectionRange: start }];
        }
        const businessModel = await openBusinessModel(target, files, links);
        const card = businessModel && linkedCard(businessModel.model, at.field, at.value.value);
        if (!businessModel || !card?.id) return undefined;
        const link: vscode.LocationLink = {
          originSelectionRange: origin,
          targetUri: target,
          targetRange: businessModel.range(card.span),
          targetSelectionRange: businessModel.range(card.id),
        };
        return [link];
      },
    }),
    vscode.languages.registerReferenceProvider(CANVAS_SELECTOR, {
      async provideReferences(document, position) {
        const { model } = cache.get(document);
        if (!model || model.kind !== 'business-model') return [];
        const target = linkedTargetAt(model, document.offsetAt(position));
        if (!target) return [];
        await workspace.ready();
        const pointing = workspace.pointingAt(document.uri);
        const byFile = new Map(pointing.map((e) => [e.link.file, e]));
        return sitesNaming(document.uri.path, target.block, target.id, pointing.map((e) => e.link)).map((site) => {
          const entry = byFile.get(site.file)!;
          return new vscode.Location(entry.uri, rangesIn(entry.uri, entry.text)(site.span));
        });
      },
    }),
  );
}
