import * as vscode from 'vscode';
import { healthSummary } from '../../core';
import { localize } from '../toVscode';
import { healthPickItems, type HealthPickItem, type HealthReport } from './healthItems';

/** What the tests read of an open pick (through the internal state command). */
export interface HealthPickSnapshot {
  title: string;
  items: { label: string; description?: string; detail?: string; separator?: true; group?: string; offset?: number }[];
}

/**
 * Show Health's quick pick: every empty block, problem and untested hypothesis of `document`,
 * grouped; picking one shows the document with the cursor (an empty selection) at its place.
 * Resolves with the editor moved to, or undefined when dismissed.
 */
export class HealthPick {
  private open: { pick: vscode.QuickPick<HealthPickItem>; snapshot: HealthPickSnapshot } | undefined;

  async show(document: vscode.TextDocument, report: HealthReport): Promise<vscode.TextEditor | undefined> {
    this.open?.pick.hide();
    const items = healthPickItems(report, (offset) => document.positionAt(offset));
    const pick = vscode.window.createQuickPick<HealthPickItem>();
    const title = vscode.l10n.t('Canvas health: {0}', healthSummary(report.health, localize));
    pick.title = title;
    pick.placeholder = vscode.l10n.t('Go to an empty block, a problem or an untested hypothesis');
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.items = items;
    const snapshot: HealthPickSnapshot = {
      title,
      items: items.map((item) => ({
        label: item.label,
        ...(item.description !== undefined ? { description: item.description } : {}),
        ...(item.detail !== undefined ? { detail: item.detail } : {}),
        ...(item.kind === vscode.QuickPickItemKind.Separator ? { separator: true as const } : {}),
        ...(item.group ? { group: item.group } : {}),
        ...(item.offset !== undefined ? { offset: item.offset } : {}),
      })),
    };
    const open = { pick, snapshot };
    this.open = open;
    const picked = await new Promise<HealthPickItem | undefined>((resolve) => {
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0] ?? pick.activeItems[0]);
        pick.hide();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    if (this.open === open) this.open = undefined;
    pick.dispose();
    if (picked?.offset === undefined) return undefined;
    return revealOffset(document, picked.offset);
  }

  /** The open pick's entries, or undefined when none is open. */
  snapshot(): HealthPickSnapshot | undefined {
    return this.open?.snapshot;
  }

  /**
   * Makes the `index`th entry the active one (the tests then accept it as a user would, with
   * Enter). Resolves once the change has left for the workbench: the extension host sends a quick
   * pick's changes on its next turn, and a command sent before them would find the old entry.
   */
  async activate(index: number): Promise<boolean> {
    const pick = this.open?.pick;
    const item = pick?.items[index];
    if (!pick || !item || item.kind === vscode.QuickPickItemKind.Separator) return false;
    pick.activeItems = [item];
    await new Promise((resolve) => setTimeout(resolve, 0));
    return true;
  }

  dispose(): void {
    this.open?.pick.dispose();
    this.open = undefined;
  }
}

/** Shows `document` where it is already shown (else in the active group) with the cursor at `offset`. */
async function revealOffset(document: vscode.TextDocument, offset: number): Promise<vscode.TextEditor> {
  const position = document.positionAt(Math.max(0, offset));
  const cursor = new vscode.Selection(position, position);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn, selection: cursor });
  // Also set directly, so the editor has exactly this selection whatever the options did.
  editor.selection = cursor;
  editor.revealRange(cursor, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
