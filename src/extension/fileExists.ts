import * as vscode from 'vscode';

/** Whether anything is at `uri`, through workspace.fs (so the web host and remote files work too). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
