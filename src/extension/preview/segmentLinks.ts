import * as vscode from 'vscode';
import { canvasesBySegment } from '../../core/links';
import type { SegmentCanvases } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';
import type { WorkspaceLinks } from '../links/workspaceLinks';

/** What a business model's preview shows of the canvases linked to it, and opens on a click. */
export interface PreviewLinks {
  /** The value-proposition canvases on each segment of `document` (none unless it is a business model). */
  segmentsFor(document: vscode.TextDocument): Promise<SegmentCanvases[]>;
  /** The index changed: previews ask again. */
  readonly onDidChange: vscode.Event<void>;
}

/** The preview's view of the workspace's reverse link index (links/workspaceLinks.ts). */
export function previewLinks(cache: CanvasDocumentCache, workspace: WorkspaceLinks): PreviewLinks {
  return {
    onDidChange: workspace.onDidChange,
    async segmentsFor(document) {
      if (cache.get(document).model?.kind !== 'business-model') return [];
      await workspace.ready();
      const pointing = workspace.pointingAt(document.uri);
      const uriOf = new Map(pointing.map((e) => [e.link.file, e.uri]));
      return [...canvasesBySegment(document.uri.path, pointing.map((e) => e.link))].map(([segment, files]) => ({
        segment,
        canvases: files.map((file) => {
          const uri = uriOf.get(file)!;
          return { uri: uri.toString(), label: vscode.workspace.asRelativePath(uri, false) };
        }),
      }));
    },
  };
}
