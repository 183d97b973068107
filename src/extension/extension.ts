import type * as vscode from 'vscode';
import { activateCanvasAsCode } from './activate';

/**
 * The one entry of both extension hosts (package.json "main" and "browser"): the Node host and the
 * web-worker host (vscode.dev, github.dev) run the same bundle, built without Node built-ins.
 */
export function activate(context: vscode.ExtensionContext): void {
  activateCanvasAsCode(context);
}

export function deactivate(): void {}
