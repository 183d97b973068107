import * as vscode from 'vscode';
import type { EditingLabels } from '../../shared/labels/editing';

/** The preview's editing strings, translated here (the page has no l10n of its own; it fills in {0}, {1} …). */
export function editingLabels(): EditingLabels {
  return {
    addCard: vscode.l10n.t('Add a card to {0}'),
    newCardName: vscode.l10n.t('Name of the new card: Enter adds it, Escape cancels'),
    rename: vscode.l10n.t('Rename (F2)'),
    renameField: vscode.l10n.t('New name of {0}: Enter renames, Escape cancels'),
    details: vscode.l10n.t('Details (Alt+Enter)'),
    delete: vscode.l10n.t('Delete (Delete)'),
    undo: vscode.l10n.t('Undo (Ctrl+Z)'),
    redo: vscode.l10n.t('Redo (Ctrl+Shift+Z)'),
    detailsTitle: vscode.l10n.t('Details of {0}'),
    close: vscode.l10n.t('Close'),
    notSet: vscode.l10n.t('Not set'),
    removeValue: vscode.l10n.t('Remove'),
    inSource: vscode.l10n.t('Edit this field in the source.'),
    onePerLine: vscode.l10n.t('One per line'),
    unknownValue: vscode.l10n.t('{0} (unknown)'),
    keysTitle: vscode.l10n.t('Editing keys'),
    keyAdd: vscode.l10n.t('Alt+N or Insert: add a card after the focused one (or the + button of a block)'),
    keyRename: vscode.l10n.t('F2: rename the focused card'),
    keyDetails: vscode.l10n.t('Alt+Enter: show and edit every field of the focused card'),
    keyDelete: vscode.l10n.t('Delete: delete the focused card'),
    keyReorder: vscode.l10n.t('Alt+Up / Alt+Down: move the card up or down in its block'),
    keyMove: vscode.l10n.t('Alt+Left / Alt+Right: move the card to the previous or next block'),
    keyDrag: vscode.l10n.t('Or drag a card within its block or into another one'),
    keyUndo: vscode.l10n.t('Ctrl+Z: undo; Ctrl+Shift+Z or Ctrl+Y: redo'),
    added: vscode.l10n.t('Added {0} to {1}'),
    renamed: vscode.l10n.t('Renamed {0} to {1}'),
    moved: vscode.l10n.t('Moved {0} to {1}, position {2}'),
    deleted: vscode.l10n.t('Deleted {0} from {1}. Ctrl+Z brings it back.'),
    fieldSet: vscode.l10n.t('Set {0} of {1}'),
    fieldRemoved: vscode.l10n.t('Removed {0} of {1}'),
    undone: vscode.l10n.t('Undo'),
    redone: vscode.l10n.t('Redo'),
    refused: vscode.l10n.t('Not changed: {0}'),
    cannotMove: vscode.l10n.t('{0} cannot move further that way'),
    disabled: vscode.l10n.t('Editing is off until the YAML syntax errors are fixed.'),
  };
}
