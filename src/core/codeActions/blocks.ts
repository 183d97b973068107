import { isAlias, isMap, isScalar, isSeq, Node, Pair } from 'yaml';
import type { TextEdit } from '../edits';
import { formatTemplate } from '../messages';
import type { CanvasModel } from '../model';
import { CanvasKind, kindInfo } from '../schema';
import { modelIndex } from './modelIndex';
import { appendToFlow, appendToSequence, blockItem, fillEmptyValue, ItemText } from './sequences';
import { columnOf, eolOf, lineEndOf, lowerFirst, yamlString } from './text';
import { PLACEHOLDERS } from './titles';
import type { FixContext } from './types';
import { contentEnd, isFlow, pairOf } from './yamlNodes';

/** A card written from `key: value` entries (values already YAML text), for either list style. */
export function cardItem(entries: [string, string][]): ItemText {
  const pairs = entries.map(([key, value]) => `${key}: ${value}`);
  return { lines: pairs, flow: `{ ${pairs.join(', ')} }` };
}

/** What a card of a block (of a canvas of `kind`) is called: "customer segment", "cost" (the schema's card title). */
export function cardNoun(block: string, kind: CanvasKind): string {
  const info = kindInfo(kind).blockByKey.get(block);
  return lowerFirst(info?.card.title ?? info?.title ?? block);
}

/** A first card for an empty block: only a name to replace, `New key activity`. */
export function placeholderCard(block: string, kind: CanvasKind): ItemText {
  return cardItem([['name', yamlString(formatTemplate(PLACEHOLDERS.cardName, [cardNoun(block, kind)]))]]);
}

/**
 * Adds a card at the end of a block, in the style the block is written in; a block that is empty
 * gets its first item, and a block that is not there is added after the last key of the canvas.
 */
export function addCardToBlock(context: FixContext, block: string, item: ItemText): TextEdit[] | undefined {
  const { text, style } = context;
  const root = context.parsed.doc.contents;
  if (!isMap(root)) return undefined;
  const pair = pairOf(root, block);
  if (pair) {
    const value = pair.value;
    if (isAlias(value)) return undefined;
    if (isSeq(value)) {
      const edit = appendToSequence(text, value, [item]);
      return edit && [edit];
    }
    return isScalar(value) || value === null ? fillEmptyValue(text, pair, item, 'block', style) : undefined;
  }
  if (isFlow(root)) {
    const edit = appendToFlow(text, root, `${block}: [${item.flow}]`);
    return edit && [edit];
  }
  const firstKey = (root.items[0] as Pair | undefined)?.key as Node | undefined;
  const end = contentEnd(text, root);
  if (!firstKey?.range || end === undefined) return undefined;
  const at = lineEndOf(text, end);
  const eol = eolOf(text);
  const column = columnOf(text, firstKey.range[0]);
  const lines = ' '.repeat(column) + `${block}:` + eol + blockItem(item, column + style.listIndent, style.keyOffset, eol);
  return [{ start: at, end: at, newText: eol + lines }];
}

/**
 * A new id based on `base` that no card uses: `riders` -> `riders-2`, `riders-2` -> `riders-3`.
 * With `avoidReferences`, also one no reference names, so that a dangling reference does not
 * suddenly resolve to a card it never meant (a duplicate being renamed away).
 */
export function freeId(model: CanvasModel, base: string, avoidReferences = false): string {
  const index = modelIndex(model);
  const used = new Set(index.cardsById.keys());
  if (avoidReferences) for (const occurrence of index.occurrences) if (occurrence.reference) used.add(occurrence.reference.id);
  if (!used.has(base)) return base;
  const numbered = /^(.*[a-z0-9])-(\d+)$/.exec(base);
  const stem = numbered ? numbered[1] : base;
  for (let n = numbered ? Number(numbered[2]) + 1 : 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
