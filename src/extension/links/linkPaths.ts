import * as vscode from 'vscode';
import { dirnameOf, linksOf, resolveLinkPath } from '../../core/links';
import type { LinkedModel } from '../../core/links';

/**
 * The root a link may not lead out of: the workspace folder holding the canvas, else (a file
 * opened on its own) the canvas's own folder.
 */
export function linkRootOf(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.path ?? dirnameOf(uri.path);
}

/** The file a value-proposition canvas's `business-model` leads to (same scheme and authority), when the path is accepted. */
export function linkTargetOf(uri: vscode.Uri, model: LinkedModel | undefined): vscode.Uri | undefined {
  const links = linksOf(model);
  if (!links) return undefined;
  const resolved = resolveLinkPath(links.businessModel.value, uri.path, linkRootOf(uri));
  return 'path' in resolved && resolved.path !== uri.path ? uri.with({ path: resolved.path }) : undefined;
}
