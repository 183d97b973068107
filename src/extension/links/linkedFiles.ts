import * as vscode from 'vscode';
import type { LinkRead } from '../../core/links';
import type { CanvasDocumentCache } from '../documentCache';
import { validationOptions } from '../settings';
import { decode } from '../validateWorkspace';

/** The open document of `uri`, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

const kb = (n: number) => String(Math.ceil(n / 1024));

/**
 * Reads a file that a link names, through vscode.workspace.fs (the web host has no Node): a
 * folder, a missing file and a file over canvasAsCode.maxFileSizeKB are told apart, judged from
 * stat before anything is read.
 */
export async function readFromDisk(uri: vscode.Uri): Promise<LinkRead> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { problem: 'directory' };
    if ((stat.type & vscode.FileType.File) === 0) return { problem: 'unreadable', args: ['not a regular file'] };
    const max = validationOptions(uri).maxLength;
    if (max !== undefined && stat.size > max) return { problem: 'tooLarge', args: [kb(stat.size), kb(max)] };
    return { text: decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    const code = (error as { code?: string } | undefined)?.code ?? '';
    if (code === 'FileNotFound' || code === 'EntryNotFound' || code === 'ENOENT') return { problem: 'missing' };
    if (code === 'FileIsADirectory') return { problem: 'directory' };
    return { problem: 'unreadable', args: [error instanceof Error ? error.message : String(error)] };
  }
}

/**
 * The texts of linked canvases: an open document as edited (unsaved too, with the validation the
 * document cache already has), any other file as on disk, read once until it changes. Lookups are
 * synchronous, for diagnostics: a file not read yet starts its read, and `onDidLoad` says when it
 * is there.
 */
export class LinkedFiles implements vscode.Disposable {
  private readonly disk = new Map<string, LinkRead>();
  private readonly loading = new Map<string, Promise<LinkRead>>();
  private readonly open = new Map<string, { version: number; read: LinkRead }>();
  private readonly loaded = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLoad = this.loaded.event;

  constructor(private readonly cache: CanvasDocumentCache) {}

  /** What is known of `uri` now; undefined while its first read is under way. */
  peek(uri: vscode.Uri): LinkRead | undefined {
    const key = uri.toString();
    const document = openDocument(uri);
    if (document) {
      const known = this.open.get(key);
      if (known && known.version === document.version) return known.read;
      const read: LinkRead = { text: document.getText(), result: this.cache.get(document) };
      this.open.set(key, { version: document.version, read });
      return read;
    }
    const read = this.disk.get(key);
    if (read) return read;
    void this.load(uri);
    return undefined;
  }

  /** The text of `uri`, waiting for the read if needed. */
  async read(uri: vscode.Uri): Promise<LinkRead> {
    return this.peek(uri) ?? (await this.load(uri));
  }

  private load(uri: vscode.Uri): Promise<LinkRead> {
    const key = uri.toString();
    const started = this.loading.get(key);
    if (started) return started;
    const pending: Promise<LinkRead> = readFromDisk(uri).then((read) => {
      // Forgotten meanwhile (the file changed): that newer read, if any, is the one to keep.
      if (this.loading.get(key) === pending) {
        this.loading.delete(key);
        this.disk.set(key, read);
        this.loaded.fire(uri);
      }
      return read;
    });
    this.loading.set(key, pending);
    return pending;
  }

  /** The file changed, was created or deleted, or its editor closed: read it again when asked. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.disk.delete(key);
    this.loading.delete(key);
    this.open.delete(key);
  }

  /** Settings changed (the size limit): every file is read again when next asked for. */
  clear(): void {
    this.disk.clear();
    this.loading.clear();
    this.open.clear();
  }

  dispose(): void {
    this.loaded.dispose();
    this.disk.clear();
    this.loading.clear();
    this.open.clear();
  }
}
