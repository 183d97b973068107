import * as vscode from 'vscode';
import { validateCanvas } from '../../core';
import { readLink } from '../../core/links';
import type { VpcLink } from '../../core/links';
import type { CanvasDocumentCache } from '../documentCache';
import { CANVAS_GLOB, isCanvasDocument } from '../languages';
import { openDocument, readFromDisk } from './linkedFiles';
import { linkRootOf } from './linkPaths';

/** At most this many canvas files are looked at by one scan of the workspace. */
export const MAX_SCANNED_FILES = 2000;
/**
 * A value-proposition canvas says so in its `canvas:` line; other files are skipped unparsed (a
 * business model mentions both words too). Linear: no pattern here can backtrack across lines.
 */
export const MAYBE_VALUE_PROPOSITION = /^[ \t]*["']?canvas["']?[ \t]*:[ \t]*["']?value-proposition(?![\w-])/m;
const UPDATE_DELAY_MS = 300;

/** A value-proposition canvas of the workspace with its link, and the text its spans are in. */
export interface IndexedLink {
  uri: vscode.Uri;
  text: string;
  link: VpcLink;
}

/**
 * The reverse index of links: which value-proposition canvases of the workspace point at which
 * business model. Nothing is scanned at activation: the first feature that needs the index
 * (find references, rename, a business model's preview) starts one bounded scan (findFiles with a
 * limit, each file stat-ed against the size limit, files that cannot be value-proposition
 * canvases skipped unparsed); file system events and editors keep it current after that.
 */
export class WorkspaceLinks implements vscode.Disposable {
  /** Value-proposition canvases with a link, by uri string. */
  private readonly entries = new Map<string, IndexedLink>();
  private scan: Promise<void> | undefined;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** The index changed (after the scan, a file's link added, changed or gone). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly cache: CanvasDocumentCache) {
    const watcher = vscode.workspace.createFileSystemWatcher(CANVAS_GLOB);
    const onDisk = (uri: vscode.Uri) => {
      if (this.scan && !openDocument(uri)) this.later(uri);
    };
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidChange(onDisk),
      watcher.onDidCreate(onDisk),
      watcher.onDidDelete((uri) => {
        if (this.entries.delete(uri.toString())) this.changed.fire();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.scan && e.contentChanges.length && isCanvasDocument(e.document)) this.later(e.document.uri);
      }),
      // Closed with unsaved edits: what is on disk counts again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.scan && isCanvasDocument(d)) this.later(d.uri);
      }),
    );
  }

  /**
   * Resolves once the workspace has been scanned (the first call starts the scan) and the files
   * changed since are indexed again (their debounce is cut short: a rename must see them).
   */
  async ready(): Promise<void> {
    await (this.scan ??= this.scanWorkspace());
    const waiting = [...this.pending.keys()];
    for (const key of waiting) clearTimeout(this.pending.get(key));
    this.pending.clear();
    await Promise.all(waiting.map((key) => this.update(vscode.Uri.parse(key), true)));
  }

  /**
   * Every indexed link, with open editors' current text and model standing in for the disk (a
   * rename must see the text as it is now).
   */
  current(): IndexedLink[] {
    const found = new Map(this.entries);
    for (const document of vscode.workspace.textDocuments) {
      if (!isCanvasDocument(document)) continue;
      const key = document.uri.toString();
      const link = readLink(document.uri.path, this.cache.get(document).model, linkRootOf(document.uri));
      if (link) found.set(key, { uri: document.uri, text: document.getText(), link });
      else found.delete(key);
    }
    return [...found.values()];
  }

  /** The links that point at the business model `uri` (same file system). */
  pointingAt(uri: vscode.Uri): IndexedLink[] {
    return this.current().filter((e) => e.link.target === uri.path && e.uri.scheme === uri.scheme && e.uri.authority === uri.authority);
  }

  private async scanWorkspace(): Promise<void> {
    const uris = await vscode.workspace.findFiles(CANVAS_GLOB, '**/node_modules/**', MAX_SCANNED_FILES);
    for (const [i, uri] of uris.entries()) {
      await this.update(uri, false);
      if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 0)); // stay responsive
    }
    this.changed.fire();
  }

  private later(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.update(uri, true);
      }, UPDATE_DELAY_MS),
    );
  }

  /** Reads one file (its editor's text when open) and indexes its link, or drops it. */
  private async update(uri: vscode.Uri, notify: boolean): Promise<void> {
    const key = uri.toString();
    const document = openDocument(uri);
    let entry: IndexedLink | undefined;
    if (document) {
      const link = readLink(uri.path, this.cache.get(document).model, linkRootOf(uri));
      if (link) entry = { uri, text: document.getText(), link };
    } else {
      const read = await readFromDisk(uri);
      if ('text' in read && MAYBE_VALUE_PROPOSITION.test(read.text)) {
        const link = readLink(uri.path, validateCanvas(read.text).model, linkRootOf(uri));
        if (link) entry = { uri, text: read.text, link };
      }
    }
    const before = this.entries.get(key);
    if (entry) this.entries.set(key, entry);
    else this.entries.delete(key);
    if (notify && (before !== undefined || entry !== undefined)) this.changed.fire();
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
}
