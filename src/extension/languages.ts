import * as vscode from 'vscode';

export const LANGUAGE_ID = 'canvas-yaml';
export const CANVAS_GLOB = '**/*.canvas.{yaml,yml}';

/** Canvas files are recognised by name, also when a user has them open as plain YAML. */
export function isCanvasDocument(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID || /\.canvas\.ya?ml$/i.test(document.uri.path);
}
