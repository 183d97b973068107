import * as vscode from 'vscode';
import type { HostMessage } from '../../shared/protocol';
import type { CanvasDocumentCache } from '../documentCache';
import { buildCompare, type CompareTexts } from './compareData';

/** Compare mode's source: the old text (undefined: the file is new there) and how to name it. */
export interface CompareSource {
  against: string;
  oldText: string | undefined;
  texts: CompareTexts;
}

/** What the tests read of compare mode: what the shown canvas is compared with, and the last summary posted. */
export interface CompareSnapshot {
  against: string;
  summary?: { added: number; removed: number; changed: number; moved: number };
  equal?: boolean;
}

/** Compare mode of one preview: the diff of every view posted against its source. */
export class PreviewCompare {
  private source: CompareSource | undefined;
  private last: CompareSnapshot | undefined;

  constructor(
    private readonly cache: CanvasDocumentCache,
    private readonly post: (message: HostMessage) => void,
  ) {}

  get comparing(): boolean {
    return this.source !== undefined;
  }

  /** On (`source`) or off (undefined); nothing is posted (see `post`/`postOff`). */
  set(source: CompareSource | undefined): void {
    this.source = source;
    this.last = source ? { against: source.against } : undefined;
  }

  /** Posts the comparison of `document` with the source, if compare mode is on. */
  postFor(document: vscode.TextDocument): void {
    const source = this.source;
    if (!source) return;
    const compare = buildCompare(source.oldText, this.cache.get(document), source.texts);
    this.last = { against: source.against, summary: compare.summary, equal: compare.equal };
    this.post({ type: 'compare', uri: document.uri.toString(), version: document.version, compare });
  }

  /** Tells the page compare mode ended. */
  postOff(document: vscode.TextDocument): void {
    this.post({ type: 'compare', uri: document.uri.toString(), version: document.version, compare: undefined });
  }

  snapshot(): CompareSnapshot | undefined {
    return this.last ? { ...this.last } : undefined;
  }
}
