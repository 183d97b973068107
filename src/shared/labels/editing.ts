/**
 * Strings of the preview's editing gestures (add, rename, detail panel, move, delete, colour,
 * announcements), localized by the host (src/extension/preview/editingLabels.ts). Placeholders
 * ({0}, {1} …) are filled in by the page (src/webview/editing/format.ts).
 */
export interface EditingLabels {
  /** The + button of a block; {0}: the block's title. */
  addCard: string;
  /** The inline field of a new card's name. */
  newCardName: string;
  /** The rename button of a card. */
  rename: string;
  /** The inline field of a card's new name; {0}: its name now. */
  renameField: string;
  /** The button that opens a card's detail panel. */
  details: string;
  /** The delete button of a card. */
  delete: string;
  /** The undo button. */
  undo: string;
  /** The redo button. */
  redo: string;
  /** The detail panel's heading; {0}: the card's name. */
  detailsTitle: string;
  /** Closes the detail panel. */
  close: string;
  /** A picker's choice that removes the field. */
  notSet: string;
  /** Removes a field (the colour) from the card. */
  removeValue: string;
  /** The name of a key of an object field, in announcements; {0}: the field's title, {1}: the key's title. */
  subField: string;
  /** An entry of a list of objects (a segmentation basis); {0}: the field's title, {1}: its position (1 = first). */
  entry: string;
  /** Adds an entry to a list of objects; {0}: the field's title. */
  addEntry: string;
  /** Removes an entry of a list of objects; {0}: the field's title, {1}: its position (1 = first). */
  removeEntry: string;
  /** The hint of a list field (tags, touchpoints). */
  onePerLine: string;
  /** A written value the schema or the canvas does not know; {0}: the value. */
  unknownValue: string;
  /** The heading of the list of editing keys. */
  keysTitle: string;
  /** Help: the add key. */
  keyAdd: string;
  /** Help: the rename key. */
  keyRename: string;
  /** Help: the details key. */
  keyDetails: string;
  /** Help: the delete key. */
  keyDelete: string;
  /** Help: the reorder keys. */
  keyReorder: string;
  /** Help: the move keys. */
  keyMove: string;
  /** Help: drag and drop. */
  keyDrag: string;
  /** Help: the gestures on a touch screen (pan, pinch, hold to drag). */
  keyTouch: string;
  /** Help: the undo and redo keys. */
  keyUndo: string;
  /** Announced; {0}: the card's name, {1}: the block's title. */
  added: string;
  /** Announced; {0}: the old name, {1}: the new one. */
  renamed: string;
  /** Announced; {0}: the card's name, {1}: the block's title, {2}: its position (1 = first). */
  moved: string;
  /** Announced; {0}: the card's name, {1}: the block's title. */
  deleted: string;
  /** Announced; {0}: the field's title, {1}: the card's name. */
  fieldSet: string;
  /** Announced; {0}: the field's title, {1}: the card's name. */
  fieldRemoved: string;
  /** Announced after an undo from the preview. */
  undone: string;
  /** Announced after a redo from the preview. */
  redone: string;
  /** Shown and announced when the extension refused an edit; {0}: its reason. */
  refused: string;
  /** Announced when a card is already first or last; {0}: the card's name. */
  cannotMove: string;
  /** Why editing is off (the file has YAML syntax errors). */
  disabled: string;
}
