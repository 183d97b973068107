import type * as vscode from 'vscode';
import { activateCanvasAsCode } from './activate';

/** Entry for web-worker extension hosts (vscode.dev, github.dev): same features, no Node APIs. */
export function activate(context: vscode.ExtensionContext): void {
  activateCanvasAsCode(context);
}

export function deactivate(): void {}
