import * as vscode from 'vscode';
import type { CanvasDiagnostic, ValidationResult } from '../core';
import type { CanvasDocumentCache } from './documentCache';
import { isCanvasDocument } from './languages';
import { sameDiagnostics } from './sameDiagnostics';
import { SECTION } from './settings';
import { toVscodeDiagnostics } from './toVscode';

/** Typing pauses shorter than this are coalesced into one validation. */
const TYPING_DELAY_MS = 120;

/**
 * Publishes diagnostics for open canvas documents as the user types (no save needed) and clears
 * them when a document is closed or its file is deleted.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly validated = new vscode.EventEmitter<vscode.TextDocument>();
  /**
   * A canvas was validated, its diagnostics published or found unchanged. What follows the
   * validation (the health status bar) listens here: an unchanged publication fires no
   * onDidChangeDiagnostics, yet the canvas may have changed (a card added to an empty block).
   */
  readonly onDidValidate = this.validated.event;

  /** `extra`: more diagnostics of a document besides its own validation's (links across files). */
  constructor(
    readonly collection: vscode.DiagnosticCollection,
    private readonly cache: CanvasDocumentCache,
    private readonly extra?: (document: vscode.TextDocument, result: ValidationResult) => CanvasDiagnostic[],
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.validateNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        this.cache.clear();
        this.validateAllOpen();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.canvas.{yaml,yml}', true, true, false);
    this.disposables.push(watcher, watcher.onDidDelete((uri) => this.forget(uri)));
    // Activation returns at once: the canvases already open are validated on the next turn, not
    // inside activate() (where the first validation also pays for a cold JIT).
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  validateAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.validateNow(document);
  }

  validateNow(document: vscode.TextDocument): void {
    if (!isCanvasDocument(document)) return;
    this.cancel(document.uri);
    const result = this.cache.get(document);
    const extra = this.extra?.(document, result) ?? [];
    const diagnostics = extra.length ? [...result.diagnostics, ...extra].sort((a, b) => a.start - b.start || a.end - b.end) : result.diagnostics;
    const published = toVscodeDiagnostics(diagnostics, (o) => document.positionAt(o));
    // Unchanged (a key typed in a valid canvas): nothing to tell the workbench (see sameDiagnostics).
    if (!this.collection.has(document.uri) || !sameDiagnostics(this.collection.get(document.uri) ?? [], published)) this.collection.set(document.uri, published);
    this.validated.fire(document);
  }

  private schedule(document: vscode.TextDocument, delayMs = TYPING_DELAY_MS): void {
    if (!isCanvasDocument(document)) return;
    this.cancel(document.uri);
    const version = document.version;
    this.pending.set(
      document.uri.toString(),
      setTimeout(() => {
        this.pending.delete(document.uri.toString());
        // A newer edit has its own timer; a closed document needs nothing.
        if (!document.isClosed && document.version === version) this.validateNow(document);
      }, delayMs),
    );
  }

  private cancel(uri: vscode.Uri): void {
    const timer = this.pending.get(uri.toString());
    if (timer !== undefined) clearTimeout(timer);
    this.pending.delete(uri.toString());
  }

  private forget(uri: vscode.Uri): void {
    this.cancel(uri);
    // Closing any other document is no business of ours.
    if (this.collection.has(uri)) this.collection.delete(uri);
  }

  dispose(): void {
    this.validated.dispose();
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
}
