import * as vscode from 'vscode';
import type { WebviewMessage } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';
import { isCanvasDocument } from '../languages';
import { COMPARE_COMMAND, compareWith, type CompareOptions } from './compareCommand';
import { exportCanvas, type ExportOptions } from './exportCanvas';
import { PreviewManager } from './previewManager';
import type { PreviewLinks } from './segmentLinks';

export const PREVIEW_COMMANDS = {
  showPreview: 'canvasAsCode.showPreview',
  showPreviewToSide: 'canvasAsCode.showPreviewToSide',
  showLockedPreviewToSide: 'canvasAsCode.showLockedPreviewToSide',
  toggleLock: 'canvasAsCode.preview.toggleLock',
  showSource: 'canvasAsCode.preview.showSource',
  export: 'canvasAsCode.export',
  /** Internal (not contributed): what the integration tests observe and inject. */
  state: 'canvasAsCode.preview._state',
  receive: 'canvasAsCode.preview._receive',
} as const;

/** A command whose failure becomes an error message instead of a silent rejection. */
function failable<A extends unknown[], R>(title: string, run: (...args: A) => R | Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', title, error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  };
}

/**
 * The canvas a command means: the file it was invoked on (explorer, editor title), else the active
 * canvas editor, else the focused preview's file.
 */
function resourceOf(arg: unknown, manager: PreviewManager): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const editor = vscode.window.activeTextEditor;
  if (editor && isCanvasDocument(editor.document)) return editor.document.uri;
  return manager.current()?.resource;
}

function noCanvas(): undefined {
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a canvas file (*.canvas.yaml) to preview or export it.'));
  return undefined;
}

/** The live preview and the export: commands, the panel serializer, and the tests' internal hooks. */
export function registerPreview(context: vscode.ExtensionContext, cache: CanvasDocumentCache, links?: PreviewLinks): vscode.Disposable {
  const exportFrom = (source: vscode.Uri, options: ExportOptions = {}) =>
    exportCanvas(source, options, {
      cache,
      rasterize: async (resource, svg) => (await manager.readyPreviewOf(resource)).rasterize(svg),
    });
  const manager: PreviewManager = new PreviewManager(context.extensionUri, cache, (resource) => {
    void vscode.commands.executeCommand(PREVIEW_COMMANDS.export, resource);
  }, links);

  const show = (sideBySide: boolean, locked: boolean) =>
    failable(vscode.l10n.t('Opening the canvas preview'), (arg?: unknown) => {
      const resource = resourceOf(arg, manager);
      if (!resource) return noCanvas();
      manager.show(resource, { sideBySide, locked });
      return undefined;
    });

  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand(PREVIEW_COMMANDS.showPreview, show(false, false)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.showPreviewToSide, show(true, false)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.showLockedPreviewToSide, show(true, true)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.toggleLock, () => manager.toggleLock()),
    vscode.commands.registerCommand(
      PREVIEW_COMMANDS.showSource,
      failable(vscode.l10n.t('Showing the canvas source'), async () => {
        const resource = manager.current()?.resource;
        if (!resource) return noCanvas();
        const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === resource.toString());
        await vscode.window.showTextDocument(shown?.document ?? (await vscode.workspace.openTextDocument(resource)), {
          viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
        });
        return undefined;
      }),
    ),
    vscode.commands.registerCommand(
      PREVIEW_COMMANDS.export,
      failable(vscode.l10n.t('Exporting the canvas'), (arg?: unknown, options?: ExportOptions) => {
        const source = resourceOf(arg, manager);
        if (!source) return noCanvas();
        return exportFrom(source, options ?? {});
      }),
    ),
    vscode.commands.registerCommand(
      COMPARE_COMMAND,
      failable(vscode.l10n.t('Comparing the canvas'), (arg?: unknown, options?: CompareOptions) => {
        const resource = resourceOf(arg, manager);
        if (!resource) return noCanvas();
        return compareWith(manager, resource, options, arg instanceof vscode.Uri);
      }),
    ),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.state, () => manager.snapshot()),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.receive, async (index: number, message: WebviewMessage) => {
      await manager.all()[index]?.receive(message);
      return manager.all()[index]?.snapshot();
    }),
  );
}
