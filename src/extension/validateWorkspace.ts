import * as vscode from 'vscode';
import { checkSize, LineIndex, validateCanvas } from '../core';
import type { CanvasDiagnostic, ValidationResult } from '../core';
import { CANVAS_GLOB } from './languages';
import { validationOptions } from './settings';
import { localize, toVscodeDiagnostics } from './toVscode';

export const VALIDATE_WORKSPACE_COMMAND = 'canvasAsCode.validateWorkspace';

/**
 * The text VS Code shows for a file it has not opened: UTF-16 (LE or BE) when the file starts with
 * its byte order mark, as VS Code detects it, else UTF-8. A BOM is not part of the document text,
 * so offsets are taken without it.
 */
export function decode(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offsets to positions for a text that is not open in an editor. */
export function positionsOf(text: string): (offset: number) => vscode.Position {
  const index = new LineIndex(text);
  return (offset) => {
    const p = index.positionAt(offset);
    return new vscode.Position(p.line, p.character);
  };
}

/** "Canvas: Validate Workspace": every canvas's problems in the Problems panel, open or not. */
export async function validateWorkspace(
  collection: vscode.DiagnosticCollection,
  /** More problems of a canvas besides its own validation's (links across files). */
  extra?: (uri: vscode.Uri, result: ValidationResult) => Promise<CanvasDiagnostic[]>,
): Promise<number> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Validating canvases'), cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles(CANVAS_GLOB, '**/node_modules/**', undefined, token);
      let problems = 0;
      for (const [index, uri] of uris.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const options = { ...validationOptions(uri), localize };
        let text: string;
        try {
          if (!open) {
            // Judged before reading: a FIFO, socket or device named *.canvas.yaml is never opened
            // (reading a FIFO waits for a writer forever), and a huge file is not read to be refused.
            const stat = await vscode.workspace.fs.stat(uri);
            if ((stat.type & vscode.FileType.File) === 0) continue;
            const tooLarge = checkSize(stat.size, options);
            if (tooLarge) {
              collection.set(uri, toVscodeDiagnostics(tooLarge.diagnostics, () => new vscode.Position(0, 0)));
              problems += tooLarge.diagnostics.length;
              continue;
            }
          }
          text = open ? open.getText() : decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // deleted between the search and the read
        }
        const result = validateCanvas(text, options);
        const more = extra ? await extra(uri, result) : [];
        const diagnostics = more.length ? [...result.diagnostics, ...more].sort((a, b) => a.start - b.start || a.end - b.end) : result.diagnostics;
        const positionAt = open ? (o: number) => open.positionAt(o) : positionsOf(text);
        collection.set(uri, toVscodeDiagnostics(diagnostics, positionAt));
        problems += diagnostics.length;
        if (index % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 0)); // stay responsive
      }
      return problems;
    },
  );
}
