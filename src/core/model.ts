import { Alias, Document, isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar } from 'yaml';
import { indexAliases } from './parse';
import { BlockInfo, CanvasKind, kindInfo, kindOf } from './schema';
import type { Span } from './types';
import { keyText, spanOf } from './yamlPath';

/** A value as written, with where it was written. */
export interface Located<T> extends Span {
  value: T;
}

export interface Reference extends Span {
  /** The card field holding the reference (`segments`, `linked`, `channels`, ...). */
  field: string;
  /** The block whose ids the field holds. */
  targetBlock: string;
  id: string;
}

export interface Card {
  block: string;
  index: number;
  /** The whole card (item) in the text. */
  span: Span;
  /** Where card-level problems are shown: the name (or the text of a sticky note). */
  labelSpan: Span;
  id?: Located<string>;
  name?: string;
  type?: Located<string>;
  references: Reference[];
  /** Segment checks written as false, with the span of their key. */
  failedChecks: Located<string>[];
  color?: string;
  status?: string;
  tags: string[];
  description?: string;
  /** The YAML node of the card (a map, or a scalar for a sticky note). */
  node: Node;
}

export interface BlockEntry {
  key: string;
  /** The span of the block's key in the file. */
  keySpan: Span;
  /** False when the block holds something other than a list or nothing (a schema problem). */
  isList: boolean;
  /** Items written in the block, cards or not. */
  itemCount: number;
  cards: Card[];
}

/** The fields by which a value-proposition canvas names the business model it zooms into. */
export interface CanvasLinks {
  /** `business-model`: the path of the business-model canvas, relative to this file. */
  businessModel?: Located<string>;
  /** `segment`: a customer-segments id in that file. */
  segment?: Located<string>;
  /** `value-proposition`: a value-propositions id in that file. */
  valueProposition?: Located<string>;
}

export interface CanvasModel {
  /** The `canvas:` value when it names a kind; business-model when it is missing or unknown. */
  kind: CanvasKind;
  /** The link fields, read when the kind has them (value-proposition); empty otherwise. */
  links: CanvasLinks;
  title?: string;
  description?: string;
  /** The `canvas` key, where problems about missing blocks are shown. */
  canvasKeySpan?: Span;
  blocks: Map<string, BlockEntry>;
  /** Every card in file order. */
  cards: Card[];
}

function scalarString(node: unknown): Located<string> | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object' || !node.range) return undefined;
  // A literal, not a spread of spanOf's result: this runs for every field of every card.
  return { start: node.range[0], end: node.range[1], value: String(node.value) };
}

function pairsOf(node: unknown): Pair[] {
  return isMap(node) ? (node.items as Pair[]) : [];
}

function readReferences(field: string, targetBlock: string, value: unknown, into: Reference[], aliases: Aliases): void {
  const items = isSeq(value) ? value.items : isScalar(value) ? [value] : [];
  for (const written of items) {
    const item = aliases.deref(written);
    const ref = scalarString(item);
    if (ref && typeof (item as Scalar).value === 'string') into.push({ field, targetBlock, id: ref.value, start: ref.start, end: ref.end });
  }
}

/**
 * Reads through aliases: an alias stands for its anchored node (dangling aliases give null). The
 * anchors of all aliases are found in one pass over the document, on the first alias met; yaml's
 * `Alias.resolve` walks the whole document for each alias, which is quadratic.
 */
class Aliases {
  private targets: Map<Alias, Node | undefined> | undefined;

  constructor(private readonly doc: Document) {}

  deref(node: unknown): unknown {
    if (!isAlias(node)) return node;
    const targets = (this.targets ??= indexAliases(this.doc.contents).targets);
    // An alias from outside the document: what yaml would find for it.
    const target = targets.has(node) ? targets.get(node) : node.resolve(this.doc);
    return isAlias(target) ? null : (target ?? null);
  }
}

function readCard(block: string, index: number, node: Node, aliases: Aliases, info: BlockInfo | undefined): Card | undefined {
  const span = spanOf(node);
  if (!span) return undefined;
  if (isScalar(node)) {
    if (typeof node.value !== 'string') return undefined;
    return { block, index, span, labelSpan: span, name: node.value, references: [], failedChecks: [], tags: [], node };
  }
  if (!isMap(node)) return undefined;
  const card: Card = { block, index, span, labelSpan: span, references: [], failedChecks: [], tags: [], node };
  let labelSet = false;
  for (const pair of node.items as Pair[]) {
    const key = keyText(pair.key);
    const value = aliases.deref(pair.value);
    switch (key) {
      case 'id':
        card.id = scalarString(value);
        break;
      case 'name': {
        const name = scalarString(value);
        if (name) {
          card.name = name.value;
          card.labelSpan = { start: name.start, end: name.end };
          labelSet = true;
        }
        break;
      }
      case 'type':
        card.type = scalarString(value);
        break;
      case 'color':
        card.color = scalarString(value)?.value;
        break;
      case 'status':
        card.status = scalarString(value)?.value;
        break;
      case 'description':
        card.description = scalarString(value)?.value;
        break;
      case 'tags':
        if (isSeq(value)) {
          for (const tag of value.items) {
            const text = scalarString(aliases.deref(tag));
            if (text) card.tags.push(text.value);
          }
        }
        break;
      case 'checks':
        for (const check of pairsOf(value)) {
          const checkKey = scalarString(check.key);
          const checkValue = aliases.deref(check.value);
          if (checkKey && isScalar(checkValue) && checkValue.value === false) card.failedChecks.push(checkKey);
        }
        break;
      default: {
        const target = key === undefined ? undefined : info?.references.get(key);
        if (target && key !== undefined) readReferences(key, target, value, card.references, aliases);
      }
    }
  }
  if (!labelSet) {
    const first = spanOf((node.items[0] as Pair | undefined)?.key as Node | undefined);
    if (first) card.labelSpan = first;
    else card.labelSpan = { start: span.start, end: Math.min(span.end, span.start + 1) };
  }
  return card;
}

/** Reads one item of a block's list (of a canvas of `kind`) as a card (undefined for items that are no card). */
export function readBlockItem(block: string, index: number, item: unknown, doc: Document, kind: CanvasKind): Card | undefined {
  const aliases = new Aliases(doc);
  return readCard(block, index, aliases.deref(item) as Node, aliases, kindInfo(kind).blockByKey.get(block));
}

/** The kind a document declares with `canvas:` (business-model when missing or unknown). */
export function declaredKind(doc: Document): CanvasKind {
  const aliases = new Aliases(doc);
  for (const pair of pairsOf(doc.contents)) {
    if (keyText(pair.key) === 'canvas') return kindOf(scalarString(aliases.deref(pair.value))?.value);
  }
  return kindOf(undefined);
}

/** The keys a file writes its links under (format.md), and where the model keeps each. */
export const LINK_FIELDS: Readonly<Record<string, keyof CanvasLinks>> = {
  'business-model': 'businessModel',
  segment: 'segment',
  'value-proposition': 'valueProposition',
};

/** Reads the canvas from the YAML tree, tolerating any shape (broken parts are skipped). */
export function buildModel(doc: Document): CanvasModel {
  const kind = declaredKind(doc);
  const { blockByKey, schema } = kindInfo(kind);
  const model: CanvasModel = { kind, links: {}, blocks: new Map(), cards: [] };
  const aliases = new Aliases(doc);
  for (const pair of pairsOf(doc.contents)) {
    const key = keyText(pair.key);
    if (key === undefined) continue;
    if (key === 'canvas') model.canvasKeySpan = spanOf(pair.key as Node);
    else if (Object.hasOwn(LINK_FIELDS, key) && schema.properties?.[key] && !blockByKey.has(key)) {
      const value = aliases.deref(pair.value);
      const link = scalarString(value);
      if (link && typeof (value as Scalar).value === 'string') model.links[LINK_FIELDS[key]] ??= link;
    }
    else if (key === 'title') model.title = scalarString(aliases.deref(pair.value))?.value;
    else if (key === 'description') model.description = scalarString(aliases.deref(pair.value))?.value;
    else if (blockByKey.has(key)) {
      const keySpan = spanOf(pair.key as Node);
      if (!keySpan || model.blocks.has(key)) continue;
      const value = aliases.deref(pair.value);
      const isEmpty = value === null || (isScalar(value) && value.value === null);
      const entry: BlockEntry = { key, keySpan, isList: isSeq(value) || isEmpty, itemCount: 0, cards: [] };
      if (isSeq(value)) {
        entry.itemCount = value.items.length;
        value.items.forEach((item, index) => {
          const card = readCard(key, index, aliases.deref(item) as Node, aliases, blockByKey.get(key));
          if (card) {
            entry.cards.push(card);
            model.cards.push(card);
          }
        });
      }
      model.blocks.set(key, entry);
    }
  }
  return model;
}
