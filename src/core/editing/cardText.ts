import { isAlias, isScalar, Node } from 'yaml';
import { blockItem, ItemText, itemDash, itemLines, writtenStart } from '../codeActions/sequences';
import { columnOf, eolOf, spaces } from '../codeActions/text';
import { contentEnd, isFlow } from '../codeActions/yamlNodes';
import { findFirst } from '../parse';
import type { Span } from '../types';
import { CardFound, EditContext, refuseIfAliased } from './context';
import type { CardText } from './insert';
import { Refusal } from './types';

/** A new card from its item text (`name: Fast pickup`, or the sticky note's text), in the block's own key offset. */
export function newCardText(context: EditContext, item: ItemText): CardText {
  const eol = eolOf(context.text);
  return { render: (dashColumn, keyOffset) => blockItem(item, dashColumn, keyOffset, eol), flow: item.flow };
}

/**
 * Where a card is written: in a block list, its whole lines with the comment lines above it (they
 * belong to it); in a flow list, the entry itself (its anchor included).
 */
export function cardRegion(context: EditContext, found: CardFound): Span {
  const { text } = context;
  if (isFlow(found.seq)) {
    const end = contentEnd(text, found.item);
    if (end === undefined) throw new Refusal('notEditable', [String(found.card.index), found.info.key]);
    return { start: writtenStart(text, found.item), end };
  }
  const lines = itemLines(text, found.item, true);
  if (!lines) throw new Refusal('notEditable', [String(found.card.index), found.info.key]);
  return lines;
}

/**
 * A card as it moves: refused when an alias elsewhere repeats a part of it, or when it holds an
 * alias (moved above its anchor, the alias would dangle). Its lines keep their shape, shifted to
 * the target list's dash column; its one-line form (for a flow list) is its text when on one line
 * with no comment.
 */
export function movingCardText(context: EditContext, found: CardFound, region: Span): CardText {
  const { text } = context;
  const at = { block: found.info.key, index: found.card.index };
  refuseIfAliased(context, region, at);
  if (findFirst(found.item, (node) => isAlias(node))) throw new Refusal('cardHasAlias', [String(at.index), at.block]);
  const eol = eolOf(text);
  if (isFlow(found.seq)) {
    const written = text.slice(region.start, region.end);
    if (/[\r\n]/.test(written)) throw new Refusal('notEditable', [String(at.index), at.block]);
    return { render: (dashColumn) => spaces(dashColumn) + '- ' + written, flow: written };
  }
  const dash = itemDash(text, found.item as Node)!;
  const from = columnOf(text, dash);
  const lines = text.slice(region.start, region.end).replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
  const oneLine = lines.length === 1 && (isScalar(found.item) || isFlow(found.item)) && !text.slice(found.item.range![1], region.end).includes('#');
  const flow = oneLine ? text.slice(writtenStart(text, found.item as Node), contentEnd(text, found.item)) : undefined;
  return { render: (dashColumn) => lines.map((line) => shift(line, dashColumn - from)).join(eol), flow };
}

/** A line moved right (spaces added) or left (only leading spaces taken away); a blank line stays empty. */
function shift(line: string, by: number): string {
  if (!line.trim()) return line;
  if (by >= 0) return spaces(by) + line;
  const leading = /^ */.exec(line)![0].length;
  return line.slice(Math.min(leading, -by));
}
