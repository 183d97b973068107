import * as vscode from 'vscode';
import { revalidateCanvas, validateCanvas } from '../core';
import type { ValidationResult } from '../core';
import { validationOptions } from './settings';
import { localize } from './toVscode';

interface Entry {
  version: number;
  result: ValidationResult;
}

/**
 * One validation per document version, incremental from the previous one: diagnostics,
 * completion, hover and navigation all read the same parsed document and model, so no provider
 * parses again.
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
    const options = { ...validationOptions(document.uri), localize };
    // From the version validated last (same settings: a settings change clears the cache), only
    // the cards an edit touched are read again; the old result is consumed and replaced here.
    const result = cached ? revalidateCanvas(cached.result, document.getText(), options) : validateCanvas(document.getText(), options);
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
