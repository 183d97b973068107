import * as vscode from 'vscode';
import { setCatalogue } from '../core';
import { activateCanvasAsCode } from './activate';

/**
 * The one entry of both extension hosts (package.json "main" and "browser"): the Node host and the
 * web-worker host (vscode.dev, github.dev) run the same bundle, built without Node built-ins.
 */
export function activate(context: vscode.ExtensionContext): void {
  // The core's texts (messages, the vocabulary in hover, completion and the preview) in VS Code's
  // display language: the bundle VS Code loaded for it (l10n/bundle.l10n.<locale>.json), else English.
  setCatalogue(vscode.l10n.bundle, vscode.env.language);
  activateCanvasAsCode(context);
}

export function deactivate(): void {}
