import * as vscode from 'vscode';
import type { CanvasDocumentCache } from '../documentCache';
import { LinkDiagnostics } from './linkDiagnostics';
import { LinkedFiles } from './linkedFiles';
import { registerLinkNavigation } from './linkNavigation';
import { registerLinkAssist } from './linkAssist';
import { registerLinkQuickFixes } from './linkQuickFixes';
import { LinkRename } from './linkRename';
import { WorkspaceLinks } from './workspaceLinks';

export interface Links extends vscode.Disposable {
  diagnostics: LinkDiagnostics;
  rename: LinkRename;
  workspace: WorkspaceLinks;
}

/**
 * Canvases linked across files (a value-proposition canvas naming its business model): link
 * diagnostics and their quick fix, navigation, rename, completion and hover across files, the
 * reverse index for the preview. Activation
 * only creates these; nothing is read or scanned until a feature asks.
 */
export function registerLinks(cache: CanvasDocumentCache): Links {
  const files = new LinkedFiles(cache);
  const diagnostics = new LinkDiagnostics(files);
  const workspace = new WorkspaceLinks(cache);
  const rename = new LinkRename(cache, files, diagnostics, workspace);
  const navigation = registerLinkNavigation(cache, files, diagnostics, workspace);
  const quickFixes = registerLinkQuickFixes(cache, diagnostics);
  const assist = registerLinkAssist(cache, files, diagnostics);
  const disposable = vscode.Disposable.from(navigation, quickFixes, assist, workspace, diagnostics, files);
  return { diagnostics, rename, workspace, dispose: () => disposable.dispose() };
}
