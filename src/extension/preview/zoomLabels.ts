import * as vscode from 'vscode';
import type { ZoomLabels } from '../../shared/labels/zoom';

/** The preview's zoom strings, translated here (the page has no l10n of its own; it fills in {0}). */
export function zoomLabels(): ZoomLabels {
  return {
    group: vscode.l10n.t('Zoom'),
    zoomIn: vscode.l10n.t('Zoom in (+)'),
    zoomOut: vscode.l10n.t('Zoom out (-)'),
    actualSize: vscode.l10n.t('Actual size, 100% (1)'),
    fit: vscode.l10n.t('Fit'),
    fitWidth: vscode.l10n.t('Fit to width (0)'),
    level: vscode.l10n.t('Zoom {0}'),
    keys: vscode.l10n.t('Keys: Ctrl+= or + zooms in, Ctrl+- or - zooms out, Ctrl+0 or 1 is 100%, 0 fits the width (Cmd for Ctrl on macOS). Ctrl+wheel (Cmd+wheel on macOS) zooms around the pointer. Scroll, or drag empty space, to pan.'),
  };
}
