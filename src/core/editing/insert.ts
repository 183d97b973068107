import { Node, Pair } from 'yaml';
import type { TextEdit } from '../edits';
import { appendToFlow, commentLinesAbove, dashBefore, itemDash, itemLines, linesUnderKey, writtenStart } from '../codeActions/sequences';
import { columnOf, eolOf, lineEndOf, lineStartOf, nextLineStart, spaces } from '../codeActions/text';
import { contentEnd, isFlow, pairOf } from '../codeActions/yamlNodes';
import { BlockAt, blockAt, EditContext } from './context';
import { Refusal } from './types';

/** A card to write into a block, in the forms a list can take. */
export interface CardText {
  /** The card's lines (comment lines above it included), its dash at `dashColumn`; no line break around. */
  render(dashColumn: number, keyOffset: number): string;
  /** The card on one line, for a flow list (`[a, b]`); absent when it has no such form. */
  flow?: string;
}

/**
 * The edits that write `card` into `block` so that it ends up at `index` (appended when undefined):
 * into the list as written (block or flow), under the key of an empty block (`key:`, `~`, `[]`),
 * or as a new block key at the kind's canvas order position. `skip` is an item of the same block
 * that is being moved away: positions are counted without it.
 */
export function insertCard(context: EditContext, block: string, index: number | undefined, card: CardText, skip?: number): TextEdit[] {
  const found = blockAt(context, block);
  const items = (found.seq?.items ?? []).filter((_, i) => i !== skip) as Node[];
  const at = index ?? items.length;
  if (!Number.isInteger(at) || at < 0 || at > items.length) throw new Refusal('insertOutOfRange', [String(index), block, String(items.length)]);
  if (found.seq && context.aliased.some((a) => a.start <= found.seq!.range![0] && found.seq!.range![0] < a.end)) throw new Refusal('blockRepeated', [block]);
  if (!found.pair) return createBlock(context, found, card);
  if (!found.seq || !items.length) {
    // An empty block (or one whose only card is moving within it): written as block lines under the key.
    if (found.seq) return [];
    const edits = linesUnderKey(context.text, found.pair, (column) => card.render(column, context.style.keyOffset), context.style);
    if (!edits) throw new Refusal('blockNotList', [block]);
    return edits;
  }
  return isFlow(found.seq) ? intoFlowList(context, found, items, at, card) : intoBlockList(context, found, items, at, card);
}

function intoBlockList(context: EditContext, found: BlockAt, items: Node[], at: number, card: CardText): TextEdit[] {
  const { text } = context;
  const eol = eolOf(text);
  const neighbour = items[Math.min(at, items.length - 1)];
  const dash = itemDash(text, neighbour);
  if (dash === undefined) throw new Refusal('blockNotList', [found.info.key]);
  const first = found.seq!.items[0] as Node;
  const firstDash = dashBefore(text, first.range![0]);
  const keyOffset = firstDash === undefined ? context.style.keyOffset : first.range![0] - firstDash;
  const lines = card.render(columnOf(text, dash), keyOffset);
  if (at < items.length) {
    const place = itemLines(text, neighbour, true);
    if (!place) throw new Refusal('blockNotList', [found.info.key]);
    return [{ start: place.start, end: place.start, newText: lines + eol }];
  }
  return [afterLine(text, contentEnd(text, neighbour) ?? neighbour.range![1], lines)];
}

function intoFlowList(context: EditContext, found: BlockAt, items: Node[], at: number, card: CardText): TextEdit[] {
  if (card.flow === undefined) throw new Refusal('flowTarget', [found.info.key]);
  if (at < items.length) {
    const start = writtenStart(context.text, items[at]);
    return [{ start, end: start, newText: `${card.flow}, ` }];
  }
  // Appending after the last remaining item: the list as written, minus the item moving away, ends there.
  const last = items[items.length - 1];
  const end = contentEnd(context.text, last);
  if (last !== found.seq!.items[found.seq!.items.length - 1] && end !== undefined) return [{ start: end, end, newText: `, ${card.flow}` }];
  const edit = appendToFlow(context.text, found.seq!, card.flow);
  if (!edit) throw new Refusal('blockNotList', [found.info.key]);
  return [edit];
}

/** A line of its own after the line holding `offset` (at the start of the next line, so it never meets an edit of that line). */
function afterLine(text: string, offset: number, lines: string): TextEdit {
  const next = nextLineStart(text, offset);
  const eol = eolOf(text);
  if (next === text.length && !/[\r\n]$/.test(text)) return { start: next, end: next, newText: eol + lines };
  return { start: next, end: next, newText: lines + eol };
}

/**
 * A block the file does not have: its key goes where the kind's canvas order puts it, before the
 * next block written (and the comment lines above that one), else after the previous one, else at
 * the end. A blank line separates it when the file separates its blocks so.
 */
function createBlock(context: EditContext, found: BlockAt, card: CardText): TextEdit[] {
  const { text, root, kind, style } = context;
  const eol = eolOf(text);
  const firstKey = (root.items[0] as Pair).key as Node;
  const column = columnOf(text, firstKey.range![0]);
  const keyLines = spaces(column) + `${found.info.key}:` + eol + card.render(column + style.listIndent, style.keyOffset);
  const order = kind.blocks.map((b) => b.key);
  const position = order.indexOf(found.info.key);
  const written = (key: string) => pairOf(root, key);
  const next = order.slice(position + 1).map(written).find((p): p is Pair => Boolean((p?.key as Node | null)?.range));
  if (next) {
    const start = commentLinesAbove(text, lineStartOf(text, (next.key as Node).range![0]));
    const blank = start > 0 && isBlankLineBefore(text, start);
    return [{ start, end: start, newText: keyLines + eol + (blank ? eol : '') }];
  }
  const previous = order.slice(0, position).reverse().map(written).find((p): p is Pair => Boolean((p?.key as Node | null)?.range));
  const after = previous ?? (root.items[root.items.length - 1] as Pair);
  const end = contentEnd(text, after.value ?? after.key) ?? lineEndOf(text, (after.key as Node).range![0]);
  const blank = isBlankLineBefore(text, lineStartOf(text, (after.key as Node).range![0]));
  return [afterLine(text, end, (blank ? eol : '') + keyLines)];
}

/** Whether the line before the one starting at `lineStart` is blank. */
function isBlankLineBefore(text: string, lineStart: number): boolean {
  if (lineStart === 0) return false;
  const above = lineStartOf(text, lineStart - 1);
  return !text.slice(above, lineStart).trim();
}
