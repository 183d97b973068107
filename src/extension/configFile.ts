import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, configCompletion, configHover, parseConfig } from '../core';
import type { CanvasConfig, ConfigDiagnostic } from '../core';
import { DIAGNOSTIC_SOURCE, localize } from './toVscode';

/**
 * The configuration file `.canvas-as-code.yaml` in the editor (format.md, "Configuration file"):
 * for each canvas, the nearest one up from its folder, read with vscode.workspace.fs (the web host
 * too: no Node fs), cached per folder, and watched: when one is created, changed or deleted, the
 * cache is dropped and {@link ConfigFiles.onDidChange} fires so open canvases are validated again.
 * The file itself gets diagnostics (parseConfig), completion and hover; its JSON schema is given
 * to Red Hat YAML in package.json.
 */
export const CONFIG_GLOB = '**/.canvas-as-code.{yaml,yml}';
export const CONFIG_SELECTOR: vscode.DocumentSelector = { pattern: CONFIG_GLOB };

export interface FoundConfig {
  uri: vscode.Uri;
  config: CanvasConfig;
}

function parentOf(uri: vscode.Uri): vscode.Uri | undefined {
  const path = uri.path.replace(/\/+$/, '');
  const cut = path.lastIndexOf('/');
  if (cut < 0 || path === '') return undefined;
  return uri.with({ path: cut === 0 ? '/' : path.slice(0, cut) });
}

export function isConfigDocument(document: vscode.TextDocument): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1));
}

function toDiagnostics(diagnostics: readonly ConfigDiagnostic[], positionAt: (offset: number) => vscode.Position): vscode.Diagnostic[] {
  return diagnostics.map((d) => {
    const diagnostic = new vscode.Diagnostic(new vscode.Range(positionAt(d.start), positionAt(d.end)), d.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = d.code;
    return diagnostic;
  });
}

/** Offsets to positions without a TextDocument (a file read from disk). */
function positionsOf(text: string): (offset: number) => vscode.Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, offset - starts[low]);
  };
}

export class ConfigFiles implements vscode.Disposable {
  /** Folder URI → the lookup under way or done. */
  private readonly pending = new Map<string, Promise<FoundConfig | null>>();
  /** Folder URI → its configuration once known (null: none up to the root). */
  private readonly known = new Map<string, FoundConfig | null>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** A configuration came in (first read) or changed on disk: validate again. */
  readonly onDidChange = this.changed.event;
  readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-config`);
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
    const reset = (uri: vscode.Uri, deleted = false) => {
      if (deleted) this.collection.delete(uri);
      this.invalidate();
    };
    this.disposables.push(
      this.changed,
      this.collection,
      watcher,
      watcher.onDidCreate((uri) => reset(uri)),
      watcher.onDidChange((uri) => reset(uri)),
      watcher.onDidDelete((uri) => reset(uri, true)),
      // The file as it is typed: its problems at once, not at the next save.
      vscode.workspace.onDidOpenTextDocument((d) => this.lint(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.lint(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => isConfigDocument(d) && this.invalidate()),
      vscode.languages.registerCompletionItemProvider(CONFIG_SELECTOR, {
        provideCompletionItems: (document, position) => {
          const items = configCompletion(document.getText(), document.offsetAt(position));
          return items.map((c) => {
            const item = new vscode.CompletionItem(c.label, c.kind === 'key' ? vscode.CompletionItemKind.Property : c.kind === 'rule' ? vscode.CompletionItemKind.Field : vscode.CompletionItemKind.EnumMember);
            item.insertText = c.insertText;
            item.documentation = new vscode.MarkdownString(c.documentation);
            item.range = new vscode.Range(document.positionAt(c.span.start), document.positionAt(c.span.end));
            return item;
          });
        },
      }, ':', ' '),
      vscode.languages.registerHoverProvider(CONFIG_SELECTOR, {
        provideHover: (document, position) => {
          const result = configHover(document.getText(), document.offsetAt(position));
          if (!result) return undefined;
          return new vscode.Hover(new vscode.MarkdownString(result.contents), new vscode.Range(document.positionAt(result.span.start), document.positionAt(result.span.end)));
        },
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.lint(document);
  }

  private lint(document: vscode.TextDocument): void {
    if (!isConfigDocument(document)) return;
    const { diagnostics } = parseConfig(document.getText(), document.uri.toString(), localize);
    this.collection.set(document.uri, toDiagnostics(diagnostics, (o) => document.positionAt(o)));
  }

  /** Forget every lookup (a configuration file appeared, changed or went) and say so. */
  invalidate(): void {
    this.generation++;
    this.pending.clear();
    this.known.clear();
    this.changed.fire();
  }

  /** The configuration of a canvas if already known: undefined while not looked up yet. */
  lookup(canvas: vscode.Uri): FoundConfig | null | undefined {
    if (canvas.scheme === 'untitled') return null;
    const dir = parentOf(canvas);
    return dir ? this.known.get(dir.toString()) : null;
  }

  /** Looks up the configuration of a canvas; onDidChange fires when a folder's lookup first completes. */
  load(canvas: vscode.Uri): Promise<FoundConfig | null> {
    const dir = canvas.scheme === 'untitled' ? undefined : parentOf(canvas);
    if (!dir) return Promise.resolve(null);
    const generation = this.generation;
    return this.find(dir).then((found) => {
      if (generation === this.generation && !this.known.has(dir.toString())) {
        this.known.set(dir.toString(), found);
        this.changed.fire();
      }
      return found;
    });
  }

  private find(dir: vscode.Uri): Promise<FoundConfig | null> {
    const key = dir.toString();
    let found = this.pending.get(key);
    if (!found) {
      found = this.search(dir);
      this.pending.set(key, found);
    }
    return found;
  }

  private async search(dir: vscode.Uri): Promise<FoundConfig | null> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(dir, name);
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue; // None here (or not readable): look further.
      }
      let text = new TextDecoder().decode(bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const { config, diagnostics } = parseConfig(text, uri.toString(), localize);
      // An open document shows its live problems; a closed one, those of the file on disk.
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.collection.set(uri, toDiagnostics(diagnostics, positionsOf(text)));
      return { uri, config };
    }
    const parent = parentOf(dir);
    return parent && parent.toString() !== dir.toString() ? this.find(parent) : null;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
