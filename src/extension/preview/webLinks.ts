import * as vscode from 'vscode';

/** Opens an http(s) link from the page; anything else is refused (the page should not send it). */
export async function openWebLink(href: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(href, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'http' && uri.scheme !== 'https') return false;
  return vscode.env.openExternal(uri);
}
