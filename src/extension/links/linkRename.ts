import * as vscode from 'vscode';
import type { Span } from '../../core';
import { LINK_MESSAGES, linkAt, linkedCard, linkedTargetAt, renameAcrossFiles } from '../../core/links';
import type { FileEdits, LinkedBusinessModel } from '../../core/links';
import type { CanvasDocumentCache } from '../documentCache';
import type { LinkDiagnostics } from './linkDiagnostics';
import type { LinkedFiles } from './linkedFiles';
import { linkTargetOf } from './linkPaths';
import { openBusinessModel, rangesIn } from './businessModel';
import type { WorkspaceLinks } from './workspaceLinks';

/**
 * Rename across links, for the canvas rename provider: a segment or value-proposition id renamed
 * in its business model is renamed in every value-proposition canvas that names it, and renaming
 * the `segment` / `value-proposition` value of a value-proposition canvas renames the business
 * model's id (with its in-file references) and every canvas naming it. One WorkspaceEdit; files
 * that are not open are edited too.
 */
export class LinkRename {
  constructor(
    private readonly cache: CanvasDocumentCache,
    private readonly files: LinkedFiles,
    private readonly links: LinkDiagnostics,
    private readonly workspace: WorkspaceLinks,
  ) {}

  /** The rename box for a `segment` / `value-proposition` value (inside its quotes); undefined elsewhere. */
  prepare(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } | undefined {
    const at = linkAt(this.cache.get(document).model, document.offsetAt(position));
    if (!at || at.field === 'businessModel') return undefined;
    const { value } = at;
    const quoted = value.end - value.start === value.value.length + 2;
    const span: Span = quoted ? { start: value.start + 1, end: value.end - 1 } : value;
    return { range: new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), placeholder: value.value };
  }

  /**
   * The edit renaming what is under `position` across files; undefined when it is no id that
   * another file can name (the in-file rename applies). Refusals throw with the reason.
   */
  async edits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    const { model } = this.cache.get(document);
    if (!model) return undefined;
    const offset = document.offsetAt(position);
    let businessModel: LinkedBusinessModel;
    let at: number;
    const link = linkAt(model, offset);
    if (link && link.field !== 'businessModel') {
      const target = linkTargetOf(document.uri, model);
      const opened = target && (await openBusinessModel(target, this.files, this.links));
      const card = opened && linkedCard(opened.model, link.field, link.value.value);
      if (!opened || !card?.id) throw new Error(vscode.l10n.t(LINK_MESSAGES.renameUnlinked, link.value.value));
      businessModel = { file: opened.uri.path, text: opened.text, model: opened.model };
      at = card.id.start;
    } else if (model.kind === 'business-model' && linkedTargetAt(model, offset)) {
      businessModel = { file: document.uri.path, text: document.getText(), model };
      at = offset;
    } else return undefined;
    await this.workspace.ready();
    const base = document.uri;
    const pointing = this.workspace.pointingAt(base.with({ path: businessModel.file }));
    const byFile = new Map(pointing.map((e) => [e.link.file, e]));
    const result = renameAcrossFiles(businessModel, at, newName, pointing.map((e) => e.link), (file) => byFile.get(file)?.text);
    if ('error' in result) throw new Error(vscode.l10n.t(result.template, ...result.args));
    const edit = new vscode.WorkspaceEdit();
    for (const { file, edits } of result as FileEdits[]) {
      const uri = byFile.get(file)?.uri ?? base.with({ path: file });
      const text = byFile.get(file)?.text ?? businessModel.text;
      const range = rangesIn(uri, text);
      for (const e of edits) edit.replace(uri, range(e), e.newText);
    }
    return edit;
  }
}
