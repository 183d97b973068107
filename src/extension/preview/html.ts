// The preview page, built once per panel (later views arrive by postMessage). Pure: no `vscode`
// import, so the browser tests load exactly this page.
import type { PreviewInit } from '../../shared/protocol';

export interface PageResources {
  /** `webview.cspSource`: the origin that serves the extension's files to the webview. */
  cspSource: string;
  /** A fresh nonce per page (see `newNonce`). */
  nonce: string;
  scriptUri: string;
  styleUris: string[];
  /** The page language (`vscode.env.language`). */
  language?: string;
}

/** 128 random bits as hex, from the platform's CSPRNG (Node 20+ and web workers both have it). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML attribute value or text content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The strict policy: nothing by default; the bundled script only by nonce (no inline script, no
 * eval); styles, fonts and images only from the extension (images also from blob:, for the PNG
 * export's rasterising).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} blob:`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewHtml(resources: PageResources, init: PreviewInit): string {
  const { cspSource, nonce, scriptUri, styleUris, language = 'en' } = resources;
  const styles = styleUris.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(cspSource, nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <meta id="canvas-preview-init" data-init="${escapeHtml(JSON.stringify(init))}">
    ${styles}
    <title>${escapeHtml(init.view?.title || init.fileName)}</title>
  </head>
  <body>
    <script nonce="${nonce}" src="${escapeHtml(scriptUri)}"></script>
  </body>
</html>`;
}
