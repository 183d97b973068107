import * as vscode from 'vscode';
import { LineIndex } from '../../core';
import type { CanvasModel, Span } from '../../core';
import type { LinkDiagnostics } from './linkDiagnostics';
import type { LinkedFiles } from './linkedFiles';
import { openDocument } from './linkedFiles';

/** A business model read for navigation or rename: its model and text, and ranges in it. */
export interface OpenedBusinessModel {
  uri: vscode.Uri;
  text: string;
  model: CanvasModel;
  range(span: Span): vscode.Range;
}

/** Ranges in a file's text: through its editor when open (the same text), else counted in the text. */
export function rangesIn(uri: vscode.Uri, text: string): (span: Span) => vscode.Range {
  const document = openDocument(uri);
  if (document && document.getText() === text) return (span) => new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  const index = new LineIndex(text);
  const position = (offset: number) => {
    const p = index.positionAt(offset);
    return new vscode.Position(p.line, p.character);
  };
  return (span) => new vscode.Range(position(span.start), position(span.end));
}

/** The business model at `uri`, or undefined when the file is not one (missing, another kind, broken). */
export async function openBusinessModel(uri: vscode.Uri, files: LinkedFiles, links: LinkDiagnostics): Promise<OpenedBusinessModel | undefined> {
  const read = await files.read(uri);
  const judged = links.targets.judge(uri.path, read);
  if (!('model' in judged)) return undefined;
  return { uri, text: judged.text, model: judged.model, range: rangesIn(uri, judged.text) };
}
