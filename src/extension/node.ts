import type * as vscode from 'vscode';
import { activateCanvasAsCode } from './activate';

export function activate(context: vscode.ExtensionContext): void {
  activateCanvasAsCode(context);
}

export function deactivate(): void {}
