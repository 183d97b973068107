import * as vscode from 'vscode';
import { validateCanvas } from '../core';
import type { ValidationResult } from '../core';
import { validationOptions } from './settings';
import { localize } from './toVscode';

interface Entry {
  version: number;
  result: ValidationResult;
}

/**
 * One validation per document version: diagnostics, completion, hover and navigation all read the
 * same parsed document and model, so no provider parses again.
 */
export class CanvasDocumentCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString()));
  }

  get(document: vscode.TextDocument): ValidationResult {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.result;
    const result = validateCanvas(document.getText(), { ...validationOptions(document.uri), localize });
    this.entries.set(key, { version: document.version, result });
    return result;
  }

  /** Settings changed: every cached result may carry old severities. */
  clear(): void {
    this.entries.clear();
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}
