// What the tests need to know about the extension and its workspace: ids, diagnostics in the
// fixtures' 1-based notation, opening and closing canvases, scratch files.
import * as vscode from 'vscode';
import { waitFor } from './wait';

export const EXTENSION_ID = 'canvas-as-code.canvas-as-code';
export const LANGUAGE_ID = 'canvas-yaml';
export const SOURCE = 'canvas-as-code';
export const VALIDATE_WORKSPACE = 'canvasAsCode.validateWorkspace';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** One diagnostic as `test/fixtures/broken/*.expected.json` writes it (1-based lines and columns). */
export interface Problem {
  code: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

export function toProblem(d: vscode.Diagnostic): Problem {
  const { start, end } = d.range;
  return {
    code: codeOf(d),
    severity: SEVERITIES[d.severity],
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

/** `schema error 3:5-3:12`: one line per problem, for comparisons and failure messages. */
export const formatProblem = (p: Problem) => `${p.code} ${p.severity} ${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;

/** Our extension's diagnostics for `uri` (other extensions may publish their own). */
export function problemsOf(uri: vscode.Uri): Problem[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).map(toProblem);
}

const describeProblems = (uri: vscode.Uri) => () =>
  `${vscode.workspace.asRelativePath(uri)} has [${problemsOf(uri).map(formatProblem).join(', ')}]`;

/** Wait until our diagnostics for `uri` satisfy `accept`; re-checked on every diagnostics change. */
export function waitForProblems(uri: vscode.Uri, accept: (problems: Problem[]) => boolean, deadlineMs?: number): Promise<Problem[]> {
  return waitFor(
    () => {
      const problems = problemsOf(uri);
      return accept(problems) && problems;
    },
    describeProblems(uri),
    { event: vscode.languages.onDidChangeDiagnostics, deadlineMs },
  );
}

export const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

/**
 * Show `uri` in an editor and wait until the extension has published diagnostics for it (an empty
 * list counts: a clean file must be told apart from one not validated yet).
 *
 * The workbench opens it (`vscode.open`), not the extension host: `showTextDocument(uri)` and
 * `openTextDocument` make the main thread hold the document for minutes after its editor closes,
 * so `onDidCloseTextDocument` would not follow the close.
 */
export async function openCanvas(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const same = (u?: vscode.Uri) => u?.toString() === uri.toString();
  let published = isOpen(uri); // already validated when it was opened
  const listener = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some(same)) published = true;
  });
  try {
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    const editor = await waitFor(
      () => vscode.window.visibleTextEditors.find((e) => same(e.document.uri)),
      () => `no editor shows ${vscode.workspace.asRelativePath(uri)}`,
      { event: vscode.window.onDidChangeVisibleTextEditors },
    );
    await waitFor(
      () => published,
      () => `no diagnostics published for ${vscode.workspace.asRelativePath(uri)} after opening it`,
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    return editor;
  } finally {
    listener.dispose();
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return folder.uri;
}

let scratchCount = 0;

/** A new canvas file under `scratch/` that no editor has seen. */
export async function writeScratchCanvas(text: string, name = 'scratch'): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${name}-${++scratchCount}.canvas.yaml`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The extension, activated if it is not yet. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this extension host`);
  await extension.activate();
  return extension;
}
