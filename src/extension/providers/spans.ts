import * as vscode from 'vscode';
import type { Span } from '../../core';

export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** The selector every canvas feature registers for: the canvas language, in any scheme (virtual workspaces too). */
export const CANVAS_SELECTOR: vscode.DocumentSelector = [{ language: 'canvas-yaml' }];
