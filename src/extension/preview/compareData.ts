/**
 * The comparison the preview draws, computed in the host from the old text and the current
 * document's validation result: the semantic diff (`diffCanvases`) turned into marks on the cards
 * of the current view (by position) and the old view's cards that were removed. No `vscode` here:
 * the browser tests build it too.
 */
import { diffCanvases, type FieldChange } from '../../core/diff';
import { buildCanvasView } from '../../core/render/buildView';
import type { CardView } from '../../core/render/viewTypes';
import { kindInfo } from '../../core/kinds';
import { validateCanvas, type ValidationResult } from '../../core/validate';
import type { CompareLabels, CompareMark, ComparePayload } from '../../shared/protocol';

export interface CompareTexts {
  labels: CompareLabels;
  /** "moved from Key Activities" */
  movedFrom(blockTitle: string): string;
  titleChanged(from: string, to: string): string;
  descriptionChanged: string;
  /** How an unset value reads. */
  none: string;
}

export const ENGLISH_TEXTS: CompareTexts = {
  labels: {
    heading: 'Compared with HEAD',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    moved: 'moved',
    showPlain: 'Show plain view',
    showChanges: 'Show changes',
    equal: 'No changes',
  },
  movedFrom: (title) => `moved from ${title}`,
  titleChanged: (from, to) => `title: ${from} → ${to}`,
  descriptionChanged: 'description changed',
  none: '(none)',
};

const MAX_VALUE = 80;
function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VALUE ? oneLine.slice(0, MAX_VALUE - 1) + '…' : oneLine;
}

export function changeLine(change: FieldChange, none = ENGLISH_TEXTS.none): string {
  if (change.kind === 'value') return `${change.field}: ${change.from === undefined ? none : clip(change.from)} → ${change.to === undefined ? none : clip(change.to)}`;
  return `${change.field}: ${[...change.gained.map((x) => `+${x}`), ...change.lost.map((x) => `−${x}`)].join(' ')}`;
}

/**
 * Compares `newResult` (the shown document) with `oldText` (undefined: the file did not exist, so
 * every card is added).
 */
export function buildCompare(oldText: string | undefined, newResult: Pick<ValidationResult, 'model'>, texts: CompareTexts = ENGLISH_TEXTS): ComparePayload {
  const oldResult = oldText === undefined ? undefined : validateCanvas(oldText);
  const oldModel = oldResult?.model;
  const newModel = newResult.model;
  const diff = diffCanvases(oldModel, newModel);
  // A card moves within one canvas: the shown file's kind names the block it came from.
  const blockByKey = kindInfo(newModel?.kind ?? oldModel?.kind ?? 'business-model').blockByKey;
  const oldView = oldResult ? buildCanvasView(oldResult) : undefined;

  // Model index (position in the YAML sequence) → position in the block's view cards.
  const positionIn = (model: typeof newModel, block: string, index: number): number =>
    model?.blocks.get(block)?.cards.findIndex((card) => card.index === index) ?? -1;

  const blocks: ComparePayload['blocks'] = [];
  for (const block of diff.blocks) {
    const marks: CompareMark[] = [];
    const mark = (index: number, kind: CompareMark['kind'], details: string[]) => {
      const position = positionIn(newModel, block.block, index);
      if (position >= 0) marks.push({ position, kind, details });
    };
    for (const card of block.added) mark(card.index, 'added', []);
    for (const card of block.changed) mark(card.index, 'changed', card.changes.map((c) => changeLine(c, texts.none)));
    for (const card of block.moved)
      mark(card.index, 'moved', [texts.movedFrom(blockByKey.get(card.from)?.title ?? card.from), ...card.changes.map((c) => changeLine(c, texts.none))]);
    const removed: CardView[] = [];
    const oldCards = oldView?.blocks.find((b) => b.key === block.block)?.cards ?? [];
    for (const card of block.removed) {
      const position = positionIn(oldModel, block.block, card.index);
      if (position >= 0 && oldCards[position]) removed.push(oldCards[position]);
    }
    if (marks.length || removed.length) blocks.push({ block: block.block, marks, removed });
  }
  const details: string[] = [];
  if (diff.title) details.push(texts.titleChanged(diff.title.from ?? texts.none, diff.title.to ?? texts.none));
  if (diff.description) details.push(texts.descriptionChanged);
  for (const change of diff.fields) details.push(`${change.field}: ${change.from ?? texts.none} → ${change.to ?? texts.none}`);
  return { labels: texts.labels, equal: diff.equal, summary: diff.summary, details, blocks };
}
