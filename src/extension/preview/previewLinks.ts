import * as vscode from 'vscode';
import type { HostMessage, SegmentCanvases } from '../../shared/protocol';
import type { PreviewLinks } from './segmentLinks';

/** Tells the page which segments of a business model have a value-proposition canvas, when that changes. */
export class LinksSync {
  private linked: SegmentCanvases[] = [];
  private linkedUri: string | undefined;

  constructor(
    private readonly links: PreviewLinks | undefined,
    private readonly post: (message: HostMessage) => void,
  ) {}

  /** Posts the links of `document` unless the page has exactly these already. */
  async postFor(document: vscode.TextDocument, stillWanted: () => boolean): Promise<void> {
    if (!this.links) return;
    let segments: SegmentCanvases[];
    try {
      segments = await this.links.segmentsFor(document);
    } catch {
      return; // deleted or unreadable: keep what is drawn
    }
    const uri = document.uri.toString();
    if (!stillWanted()) return;
    if (JSON.stringify(segments) === JSON.stringify(this.linked) && this.linkedUri === uri) return;
    this.linked = segments;
    this.linkedUri = uri;
    this.post({ type: 'links', uri, hint: vscode.l10n.t('Open the value proposition canvas'), segments });
  }

  /** A reloaded page has no links drawn: the next `postFor` posts them again. */
  forget(): void {
    this.linkedUri = undefined;
  }

  /** A canvas the last links offered (the only ones the page may ask to open). */
  offers(uri: string): boolean {
    return this.linked.some((s) => s.canvases.some((c) => c.uri === uri));
  }

  snapshot(): SegmentCanvases[] {
    return this.linked.map((s) => ({ segment: s.segment, canvases: s.canvases.map((c) => ({ ...c })) }));
  }
}
