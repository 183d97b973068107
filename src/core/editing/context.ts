import { Document, isAlias, isMap, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from '../edits';
import { ListStyle, listStyleOf } from '../codeActions/sequences';
import { aliasedAnchors, isFlow, pairOf } from '../codeActions/yamlNodes';
import type { Card, CanvasModel } from '../model';
import { BlockInfo, KindInfo, kindInfo } from '../schema';
import type { Span } from '../types';
import type { ValidationResult } from '../validate';
import { CardAt, EditResult, Refusal } from './types';
import { EDITING_MESSAGES } from './messages';

/** What every edit reads: the text, its YAML tree and model, the kind, the file's list style. */
export interface EditContext {
  text: string;
  doc: Document.Parsed;
  root: YAMLMap;
  model: CanvasModel;
  kind: KindInfo;
  style: ListStyle;
  /** Anchored nodes that an alias repeats: editing inside one would change (or break) the copies too. */
  aliased: Span[];
}

/** A block of the kind, and how the file holds it (no pair when the block is not written). */
export interface BlockAt {
  info: BlockInfo;
  pair?: Pair;
  /** The block's list, when it is one with items (an empty `[]` is treated as no list). */
  seq?: YAMLSeq;
  /** Items written in the block. */
  count: number;
}

/** A card to edit, with the list item it is written as. */
export interface CardFound extends BlockAt {
  card: Card;
  item: Node;
  seq: YAMLSeq;
  pair: Pair;
}

/**
 * Reads what an edit needs from a validation result of `text`; refuses a file that could not be
 * parsed, has YAML syntax errors, or is no mapping of keys: an edit must never corrupt it.
 */
export function editContext(text: string, result: ValidationResult): EditContext {
  const { parsed, model } = result;
  if (!parsed || !model) throw new Refusal('tooLarge');
  if (parsed.hasSyntaxErrors) throw new Refusal('syntaxErrors');
  const root = parsed.doc.contents;
  if (!isMap(root) || isFlow(root) || !root.items.length) throw new Refusal('notACanvas');
  return { text, doc: parsed.doc, root, model, kind: kindInfo(model.kind), style: listStyleOf(text, root), aliased: aliasedAnchors(text, root) };
}

export function blockAt(context: EditContext, block: string): BlockAt {
  const info = context.kind.blockByKey.get(block);
  if (!info) throw new Refusal('unknownBlock', [block, context.kind.kind]);
  const pair = pairOf(context.root, block);
  const value = pair?.value;
  if (isAlias(value)) throw new Refusal('blockAliased', [block]);
  if (isSeq(value) && value.items.length) return { info, pair, seq: value, count: value.items.length };
  const entry = context.model.blocks.get(block);
  if (pair && entry && !entry.isList && !isSeq(value)) throw new Refusal('blockNotList', [block]);
  return { info, pair, count: 0 };
}

/** The card at a block and index; refuses an index out of range, an item that is no card, an alias. */
export function cardAt(context: EditContext, { block, index }: CardAt): CardFound {
  const found = blockAt(context, block);
  if (!Number.isInteger(index) || index < 0 || index >= found.count || !found.seq || !found.pair) {
    throw new Refusal('indexOutOfRange', [String(index), block, String(found.count)]);
  }
  const item = found.seq.items[index] as Node;
  if (isAlias(item)) throw new Refusal('aliasedCard', [String(index), block]);
  const card = context.model.blocks.get(block)?.cards.find((c) => c.index === index);
  if (!card || !item?.range) throw new Refusal('notACard', [String(index), block]);
  return { ...found, seq: found.seq, pair: found.pair, card, item };
}

/** Refuses when `span` reaches into a node that an alias repeats elsewhere. */
export function refuseIfAliased(context: EditContext, span: Span, at: CardAt): void {
  if (context.aliased.some((a) => a.start < span.end && span.start < a.end)) throw new Refusal('repeatedByAlias', [String(at.index), at.block]);
}

/** Runs an edit, turning a refusal (or, never expected, a bug) into its `{ error, args }` result. */
export function runEdit(compute: () => TextEdit[]): EditResult {
  try {
    return { edits: compute() };
  } catch (error) {
    if (error instanceof Refusal) return { error: EDITING_MESSAGES[error.message], args: error.args };
    return { error: EDITING_MESSAGES.internalError, args: [String(error)] };
  }
}
