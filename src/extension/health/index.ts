import * as vscode from 'vscode';
import type { CanvasDiagnostic } from '../../core';
import type { CanvasDocumentCache } from '../documentCache';
import { isCanvasDocument } from '../languages';
import { HealthPick } from './healthPick';
import { HealthStatusBar, SHOW_HEALTH_COMMAND } from './healthStatusBar';

export const HEALTH_COMMANDS = {
  show: SHOW_HEALTH_COMMAND,
  /** Internal (not contributed): what the integration tests observe (the status bar item, the open pick). */
  state: 'canvasAsCode.health._state',
  /** Internal: makes an entry of the open pick the active one, for the tests to accept it. */
  activate: 'canvasAsCode.health._activate',
} as const;

/**
 * Health at a glance: the status bar item of the active canvas and Show Health's quick pick.
 * `extraProblems`: the problems published besides a validation's own (links across files);
 * `validated`: fires when a canvas was validated (see DiagnosticsController.onDidValidate).
 */
export function registerHealth(
  cache: CanvasDocumentCache,
  extraProblems?: (document: vscode.TextDocument) => readonly CanvasDiagnostic[],
  validated?: vscode.Event<vscode.TextDocument>,
): vscode.Disposable {
  const statusBar = new HealthStatusBar(cache, extraProblems, validated);
  const pick = new HealthPick();
  return vscode.Disposable.from(
    statusBar,
    pick,
    vscode.commands.registerCommand(HEALTH_COMMANDS.show, async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isCanvasDocument(document)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a canvas file (*.canvas.yaml) to see its health.'));
        return undefined;
      }
      const editor = await pick.show(document, statusBar.report(document));
      // For the tests: where the cursor went.
      return editor && document.offsetAt(editor.selection.active);
    }),
    vscode.commands.registerCommand(HEALTH_COMMANDS.state, () => ({ status: statusBar.snapshot(), pick: pick.snapshot() })),
    vscode.commands.registerCommand(HEALTH_COMMANDS.activate, (index: number) => pick.activate(index)),
  );
}
