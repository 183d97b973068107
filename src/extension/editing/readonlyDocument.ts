import * as vscode from 'vscode';

/**
 * Whether VS Code treats `document`'s file as read-only, as far as an extension can tell: its file
 * system does not write (a provider registered `isReadonly`), `files.readonlyInclude` matches it
 * and `files.readonlyExclude` does not, or `files.readonlyFromPermissions` is on and the file's
 * permissions say read-only. (A file set read-only for the session from the editor is not visible
 * to extensions.) `workspace.applyEdit` changes such a document all the same, in both extension
 * hosts (the editor only stops the keyboard), so an edit must be refused before it is applied.
 */
export async function isReadonlyDocument(document: vscode.TextDocument): Promise<boolean> {
  if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) return true;
  if (document.isUntitled) return false;
  const files = vscode.workspace.getConfiguration('files', document.uri);
  if (matchesAny(files.get('readonlyInclude'), document) && !matchesAny(files.get('readonlyExclude'), document)) return true;
  if (files.get('readonlyFromPermissions') !== true) return false;
  try {
    const { permissions = 0 } = await vscode.workspace.fs.stat(document.uri);
    return (permissions & vscode.FilePermission.Readonly) !== 0;
  } catch {
    return false; // not readable as a file: applyEdit decides
  }
}

/** `globs` as the settings write them (`{ "glob": true }`), relative to the file's workspace folder or absolute. */
function matchesAny(globs: unknown, document: vscode.TextDocument): boolean {
  if (!globs || typeof globs !== 'object') return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return Object.entries(globs as Record<string, unknown>).some(
    ([pattern, on]) =>
      on === true &&
      (vscode.languages.match({ pattern }, document) > 0 || (!!folder && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, pattern) }, document) > 0)),
  );
}
