import * as vscode from 'vscode';

export const PREVIEW_VIEW_TYPE = 'canvasAsCode.preview';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    // Only what ships and the page needs: the bundled script and the stylesheets.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The page's stylesheets in media/, one per feature. */
export const PREVIEW_STYLES = ['preview.css', 'links.css', 'editing.css', 'zoom.css', 'health.css'];
