import * as vscode from 'vscode';
import { buildCanvasView } from '../../core/render/buildView';
import { renderHtml } from '../../core/render/html';
import { renderMarkdown } from '../../core/render/markdownExport';
import { renderSvg } from '../../core/render/svg';
import type { CanvasView } from '../../core/render/viewTypes';
import type { CanvasDocumentCache } from '../documentCache';

export const EXPORT_FORMATS = ['html', 'svg', 'png', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Arguments of the export command when called by code (tests, other commands): no prompts. */
export interface ExportOptions {
  format?: ExportFormat;
  target?: vscode.Uri | string;
}

const EXTENSION: Record<ExportFormat, string> = { html: 'html', svg: 'svg', png: 'png', markdown: 'md' };

function formatLabel(format: ExportFormat): string {
  switch (format) {
    case 'html':
      return vscode.l10n.t('HTML page (standalone)');
    case 'svg':
      return vscode.l10n.t('SVG image (GitHub renders it)');
    case 'png':
      return vscode.l10n.t('PNG image');
    case 'markdown':
      return vscode.l10n.t('Markdown (a table per block)');
  }
}

/** `name.canvas.yaml` → `name.<ext>` beside it (any scheme: virtual workspaces too). */
export function defaultTarget(source: vscode.Uri, format: ExportFormat): vscode.Uri {
  const path = source.path.replace(/(\.canvas)?\.ya?ml$/i, '') + '.' + EXTENSION[format];
  return source.with({ path });
}

export interface ExportDeps {
  cache: CanvasDocumentCache;
  /** PNG only: the SVG drawn by a preview page. */
  rasterize(source: vscode.Uri, svg: string): Promise<Uint8Array>;
}

async function contents(view: CanvasView, format: ExportFormat, source: vscode.Uri, deps: ExportDeps): Promise<Uint8Array> {
  const encode = (text: string) => new TextEncoder().encode(text);
  switch (format) {
    case 'html':
      return encode(renderHtml(view, { standalone: true }));
    case 'svg':
      return encode(renderSvg(view));
    case 'markdown':
      return encode(renderMarkdown(view));
    case 'png':
      return deps.rasterize(source, renderSvg(view));
  }
}

/**
 * "Canvas: Export…": asks for the format and the file unless `options` give them, renders with
 * the core renderers (the CLI's), writes through `workspace.fs`. Returns the written file.
 */
export async function exportCanvas(source: vscode.Uri, options: ExportOptions, deps: ExportDeps): Promise<vscode.Uri | undefined> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString()) ?? (await vscode.workspace.openTextDocument(source));
  const format =
    options.format ??
    (
      await vscode.window.showQuickPick(
        EXPORT_FORMATS.map((f) => ({ label: formatLabel(f), format: f })),
        { title: vscode.l10n.t('Export the canvas as'), placeHolder: vscode.l10n.t('Format') },
      )
    )?.format;
  if (!format) return undefined;
  if (!EXPORT_FORMATS.includes(format)) throw new Error(vscode.l10n.t('Unknown export format: {0}', String(format)));
  const interactive = options.target === undefined;
  const target =
    typeof options.target === 'string'
      ? vscode.Uri.parse(options.target, true)
      : (options.target ??
        (await vscode.window.showSaveDialog({
          defaultUri: defaultTarget(source, format),
          filters: { [formatLabel(format)]: [EXTENSION[format]] },
          saveLabel: vscode.l10n.t('Export'),
          title: vscode.l10n.t('Export the canvas'),
        })));
  if (!target) return undefined;
  const result = deps.cache.get(document);
  const view = buildCanvasView(result, { version: document.version, lineOf: (offset) => document.positionAt(offset) });
  await vscode.workspace.fs.writeFile(target, await contents(view, format, source, deps));
  if (interactive) void vscode.window.showInformationMessage(vscode.l10n.t('Canvas exported to {0}', vscode.workspace.asRelativePath(target)));
  return target;
}
