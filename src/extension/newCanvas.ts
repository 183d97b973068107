import * as vscode from 'vscode';
import { exists } from './fileExists';
import { STARTER_KINDS, kindLabel, starterCanvas } from '../core';

export const NEW_CANVAS_COMMAND = 'canvasAsCode.newCanvas';

/** What a test or a keybinding passes to create a canvas without being asked anything. */
export interface NewCanvasArgs {
  /** The folder to create it in (a Uri, a URI string, or a path relative to the first workspace folder); default the workspace root. */
  folder?: vscode.Uri | string;
  /** One of STARTER_KINDS; default the first. */
  kind?: string;
  /** The file name (may contain `/` for a subfolder); default `<kind>.canvas.yaml`. */
  name?: string;
}

const CANVAS_NAME = /\.canvas\.ya?ml$/i;

function isArgs(value: unknown): value is NewCanvasArgs {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}

function workspaceRoot(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

function folderOf(folder: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (folder === undefined) return workspaceRoot();
  if (folder instanceof vscode.Uri) return folder;
  if (/^[a-z][\w+.-]+:/i.test(folder) && !/^[a-z]:[\\/]/i.test(folder)) return vscode.Uri.parse(folder);
  const root = workspaceRoot();
  if (folder.startsWith('/')) return root ? root.with({ path: folder }) : vscode.Uri.file(folder);
  return root && vscode.Uri.joinPath(root, folder);
}

/** Why `name` cannot be the new canvas's file name, or undefined when it can (existence is checked apart). */
export function fileNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return vscode.l10n.t('Enter a file name.');
  if (!CANVAS_NAME.test(trimmed)) return vscode.l10n.t('A canvas file name ends in .canvas.yaml or .canvas.yml.');
  if (trimmed.includes('\\') || trimmed.startsWith('/') || trimmed.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    return vscode.l10n.t('Enter a path inside this folder: names separated by /, without . or .. parts.');
  }
  return undefined;
}

/** A folder clicked in the explorer: a file stands for the folder it is in. */
async function clickedFolder(uri: vscode.Uri): Promise<vscode.Uri> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return uri;
  } catch {
    // not there: take it as given
    return uri;
  }
  return vscode.Uri.joinPath(uri, '..');
}

async function freeName(folder: vscode.Uri, kind: string): Promise<string> {
  for (let i = 1; i < 100; i++) {
    const name = i === 1 ? `${kind}.canvas.yaml` : `${kind}-${i}.canvas.yaml`;
    if (!(await exists(vscode.Uri.joinPath(folder, name)))) return name;
  }
  return `${kind}.canvas.yaml`;
}

async function create(folder: vscode.Uri, name: string, kind: string): Promise<vscode.Uri> {
  const problem = fileNameProblem(name);
  if (problem) throw new Error(problem);
  const uri = vscode.Uri.joinPath(folder, name.trim());
  if (await exists(uri)) throw new Error(vscode.l10n.t('{0} already exists; a new canvas never replaces a file.', vscode.workspace.asRelativePath(uri)));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterCanvas(kind)));
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  return uri;
}

/** Non-interactive: everything from the arguments (or their defaults); rejects instead of asking. */
async function createFromArgs(args: NewCanvasArgs): Promise<vscode.Uri> {
  const kind = args.kind ?? STARTER_KINDS[0];
  if (!STARTER_KINDS.includes(kind)) throw new Error(vscode.l10n.t('Unknown kind of canvas: {0}. Known kinds: {1}.', kind, STARTER_KINDS.join(', ')));
  const folder = folderOf(args.folder);
  if (!folder) throw new Error(vscode.l10n.t('Open a folder to create a canvas in.'));
  return create(folder, args.name ?? `${kind}.canvas.yaml`, kind);
}

/** Interactive: the kind, then the file name; undefined when cancelled. */
async function createAsking(clicked: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showQuickPick(
    STARTER_KINDS.map((kind) => ({ label: kindLabel(kind), description: kind, canvasKind: kind })),
    { title: vscode.l10n.t('New Canvas'), placeHolder: vscode.l10n.t('Which kind of canvas?') },
  );
  if (!picked) return undefined;
  const kind = picked.canvasKind;
  const folder = clicked ? await clickedFolder(clicked) : workspaceRoot();
  if (!folder) {
    // No folder to write to: an untitled canvas the user saves where they like.
    const document = await vscode.workspace.openTextDocument({ language: 'canvas-yaml', content: starterCanvas(kind) });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const value = await freeName(folder, kind);
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Canvas'),
    prompt: vscode.l10n.t('File name in {0}', vscode.workspace.asRelativePath(folder, true) || folder.path),
    value,
    valueSelection: [0, value.length - '.canvas.yaml'.length],
    validateInput: async (text) => {
      const problem = fileNameProblem(text);
      if (problem) return problem;
      if (await exists(vscode.Uri.joinPath(folder, text.trim()))) return vscode.l10n.t('{0} already exists.', text.trim());
      return undefined;
    },
  });
  if (name === undefined) return undefined;
  return create(folder, name, kind);
}

/**
 * "Canvas: New Canvas…": a starter canvas (no errors, no warnings) in the clicked folder or the
 * workspace root, opened. With an argument object it asks nothing and rejects on failure; from the
 * explorer it gets the clicked Uri; from the palette or the New File picker nothing.
 * Written with vscode.workspace.fs, so it works in the web host too.
 */
export async function newCanvas(arg?: unknown): Promise<vscode.Uri | undefined> {
  if (isArgs(arg)) {
    try {
      return await createFromArgs(arg);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
  try {
    return await createAsking(arg instanceof vscode.Uri ? arg : undefined);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the canvas: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

export function registerNewCanvas(): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_CANVAS_COMMAND, newCanvas);
}
