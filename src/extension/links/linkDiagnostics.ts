import * as vscode from 'vscode';
import type { CanvasDiagnostic, ValidationResult } from '../../core';
import { checkLinks, linksOf, LinkTargets } from '../../core/links';
import { CANVAS_GLOB } from '../languages';
import { SECTION, validationOptions } from '../settings';
import { localize } from '../toVscode';
import type { LinkedFiles } from './linkedFiles';
import { linkRootOf, linkTargetOf } from './linkPaths';

/** Edits of an open business model are coalesced like typing in the canvas itself. */
const TYPING_DELAY_MS = 120;

/**
 * The link problems of open value-proposition canvases, kept current when either side changes:
 * the canvas itself (it is validated again), its business model edited in an editor, closed, or
 * changed, created or deleted on disk (a file system watcher). `onDidInvalidate` names the open
 * canvases whose link diagnostics are out of date.
 */
export class LinkDiagnostics implements vscode.Disposable {
  /** Judged business models, by path: each validated once per text. */
  readonly targets = new LinkTargets();
  /** Open value-proposition canvases -> the business model each names (uri strings). */
  private readonly dependents = new Map<string, string>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The link problems last published per open canvas, with its version (for quick fixes). */
  private readonly published = new Map<string, { version: number; diagnostics: CanvasDiagnostic[] }>();
  private readonly invalidated = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidInvalidate = this.invalidated.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly files: LinkedFiles) {
    const watcher = vscode.workspace.createFileSystemWatcher(CANVAS_GLOB);
    const onDisk = (uri: vscode.Uri) => {
      this.files.forget(uri);
      this.changed(uri);
    };
    this.disposables.push(
      this.invalidated,
      files.onDidLoad((uri) => this.changed(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.dependents.delete(d.uri.toString());
        this.published.delete(d.uri.toString());
        // The file on disk stands for it now (its unsaved edits are gone).
        onDisk(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        // The size limit may have changed: read every business model again, check every canvas.
        this.files.clear();
        const open = [...this.dependents.keys()].map((key) => vscode.Uri.parse(key));
        if (open.length) this.invalidated.fire(open);
      }),
      watcher,
      watcher.onDidChange(onDisk),
      watcher.onDidCreate(onDisk),
      watcher.onDidDelete(onDisk),
    );
  }

  /**
   * The link problems of `document` (validated as `result`): none unless it is a value-proposition
   * canvas with a `business-model`. While the business model is being read, none: the read's end
   * invalidates the canvas.
   */
  diagnosticsFor(document: vscode.TextDocument, result: ValidationResult): CanvasDiagnostic[] {
    const key = document.uri.toString();
    const found = this.check(document.uri, result, true);
    if (found.length) this.published.set(key, { version: document.version, diagnostics: found });
    else this.published.delete(key);
    return found;
  }

  /** The link problems published for this version of `document` (none when it changed since). */
  lastFor(document: vscode.TextDocument): CanvasDiagnostic[] {
    const last = this.published.get(document.uri.toString());
    return last && last.version === document.version ? last.diagnostics : [];
  }

  /**
   * The link problems of a canvas that may not be open (Validate Workspace): waits for its
   * business model to be read.
   */
  async diagnosticsForFile(uri: vscode.Uri, result: ValidationResult): Promise<CanvasDiagnostic[]> {
    const target = linksOf(result.model) && linkTargetOf(uri, result.model);
    if (target) await this.files.read(target);
    return this.check(uri, result, false);
  }

  /** `watch`: an open canvas, checked again when its business model changes. */
  private check(uri: vscode.Uri, result: ValidationResult, watch: boolean): CanvasDiagnostic[] {
    const key = uri.toString();
    if (!linksOf(result.model)) {
      if (watch) this.dependents.delete(key);
      return [];
    }
    const target = linkTargetOf(uri, result.model);
    if (watch) {
      if (target) this.dependents.set(key, target.toString());
      else this.dependents.delete(key);
    }
    if (target && !this.files.peek(target)) return [];
    const { severities } = validationOptions(uri);
    const read = (path: string) => this.files.peek(uri.with({ path })) ?? { problem: 'missing' as const };
    return checkLinks(result.model, { file: uri.path, root: linkRootOf(uri), read, targets: this.targets, severities, localize }).diagnostics;
  }

  /** The business model `uri` may have changed: its dependents are out of date. */
  private changed(uri: vscode.Uri): void {
    const key = uri.toString();
    const stale: vscode.Uri[] = [];
    for (const [canvas, target] of this.dependents) if (target === key) stale.push(vscode.Uri.parse(canvas));
    if (stale.length) this.invalidated.fire(stale);
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    if (![...this.dependents.values()].includes(key)) return;
    const timer = this.pending.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.changed(uri);
      }, TYPING_DELAY_MS),
    );
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
}
