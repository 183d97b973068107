import * as vscode from 'vscode';
import type { PreviewLabels } from '../../shared/protocol';
import { editingLabels } from './editingLabels';
import { healthLabels } from './healthLabels';
import { zoomLabels } from './zoomLabels';

/** The webview's strings, translated here: the page itself has no l10n. */
export function previewLabels(): PreviewLabels {
  return {
    canvas: vscode.l10n.t('Canvas'),
    allSegments: vscode.l10n.t('All segments'),
    segmentFilter: vscode.l10n.t('Highlight the cards of a segment'),
    segments: vscode.l10n.t('Segments'),
    problems: vscode.l10n.t('Problems'),
    noProblems: vscode.l10n.t('No problems'),
    lock: vscode.l10n.t('Lock'),
    unlock: vscode.l10n.t('Unlock'),
    export: vscode.l10n.t('Export…'),
    outdated: vscode.l10n.t('The file has YAML syntax errors: the canvas shows its last valid state.'),
    status: vscode.l10n.t('Status'),
    tags: vscode.l10n.t('Tags'),
    cardHint: vscode.l10n.t('Enter or double-click: edit it in the source. Space or click: show it there.'),
    severity: {
      error: vscode.l10n.t('Has errors'),
      warning: vscode.l10n.t('Has warnings'),
      information: vscode.l10n.t('Has information'),
      hint: vscode.l10n.t('Has hints'),
    },
    editing: editingLabels(),
    zoom: zoomLabels(),
    health: healthLabels(),
  };
}

export function previewTitle(resource: vscode.Uri, locked: boolean): string {
  const name = resource.path.split('/').pop() ?? resource.path;
  return locked ? vscode.l10n.t('[Preview] {0}', name) : vscode.l10n.t('Preview {0}', name);
}

export function fileNameOf(resource: vscode.Uri): string {
  return resource.path.split('/').pop() ?? resource.path;
}
