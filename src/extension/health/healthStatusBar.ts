import * as vscode from 'vscode';
import { healthSummary, type CanvasDiagnostic } from '../../core';
import type { CanvasDocumentCache } from '../documentCache';
import { isCanvasDocument } from '../languages';
import { localize } from '../toVscode';
import { healthReport, healthTooltip, type HealthReport } from './healthItems';

export const SHOW_HEALTH_COMMAND = 'canvasAsCode.showHealth';

/** What the tests read of the item (through the internal state command). */
export interface HealthStatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  /** The canvas it describes. */
  uri?: string;
  version?: number;
}

/**
 * The status bar item of the active canvas editor: "7/9 blocks · 2 problems · 3 hypotheses
 * untested"; a click runs Show Health. Hidden while the active editor is no canvas.
 *
 * It reads the shared validation cache after the diagnostics of the canvas are published (their
 * event follows every validation, also the revalidation after a setting or a config file
 * changed), so it never validates a version the diagnostics would validate again, and adds no
 * work to each keystroke.
 */
export class HealthStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private shown: { uri: string; version: number } | undefined;
  /** Whether the item is shown (VS Code's item does not say). */
  private visible = false;

  constructor(
    private readonly cache: CanvasDocumentCache,
    private readonly extraProblems: (document: vscode.TextDocument) => readonly CanvasDiagnostic[] = () => [],
    validated?: vscode.Event<vscode.TextDocument>,
  ) {
    this.item = vscode.window.createStatusBarItem('canvasAsCode.health', vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('Canvas Health');
    this.item.command = SHOW_HEALTH_COMMAND;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((uri) => uri.toString() === active)) this.update();
      }),
      // A canvas renamed to another name, or its language changed, stops (or starts) being one.
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      // Validated with its diagnostics unchanged (no event above), the canvas may still have changed.
      validated?.((document) => {
        if (vscode.window.activeTextEditor?.document === document) this.update();
      }) ?? { dispose() {} },
    );
    // Nothing is validated inside activate(): the item first shows when the diagnostics of the
    // active canvas are published (the diagnostics controller validates open canvases next turn).
  }

  /** The health of `document` now (from the cache: validated at most once per version). */
  report(document: vscode.TextDocument): HealthReport {
    return healthReport(this.cache.get(document), this.extraProblems(document));
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isCanvasDocument(document)) {
      this.shown = undefined;
      this.item.hide();
      this.visible = false;
      return;
    }
    const { health } = this.report(document);
    const summary = healthSummary(health, localize);
    const tooltip = healthTooltip(health);
    this.shown = { uri: document.uri.toString(), version: document.version };
    // Diagnostics are published every other key while typing and the health rarely changes: each
    // property set is a message to the workbench's renderer, which the preview's updates wait behind.
    if (this.item.text === `$(checklist) ${summary}` && this.item.tooltip === tooltip && this.visible) return;
    this.item.text = `$(checklist) ${summary}`;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Canvas health: {0}', summary), role: 'button' };
    this.item.show();
    this.visible = true;
  }

  snapshot(): HealthStatusSnapshot {
    const tooltip = typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
    return { visible: this.shown !== undefined, text: this.item.text, tooltip, ...this.shown };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
