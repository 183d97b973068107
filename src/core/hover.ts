/**
 * Hover for canvas files: the schema's documentation of a block, a field or an enumeration value,
 * and the card an id names. Finds the scalar under the cursor by descending the tree.
 */
import { isScalar } from 'yaml';
import { cardMarkdown, blockMarkdown, bold, paragraphs } from './completion/markdown';
import { cardAt } from './completion/references';
import { describe, enumEntries, isIdField, referenceTarget, schemasAt } from './completion/schemaPath';
import { buildModel, CanvasModel, Card, declaredKind } from './model';
import type { ParsedCanvas } from './parse';
import { kindInfo } from './schema';
import type { Span } from './types';
import { clampOffset, documentOf, scalarAt } from './yamlContext';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  /** The hovered key or value. */
  span: Span;
}

/** Cards by id, built once per model (the extension keeps one model per document version). */
const idIndexes = new WeakMap<CanvasModel, Map<string, Card[]>>();

function cardsWithId(model: CanvasModel, id: string): Card[] {
  let index = idIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const card of model.cards) {
      if (!card.id) continue;
      const same = index.get(card.id.value);
      if (same) same.push(card);
      else index.set(card.id.value, [card]);
    }
    idIndexes.set(model, index);
  }
  return index.get(id) ?? [];
}

/**
 * The hover at `offset`. `parsed` and `model` are what validateCanvas returned for this very text
 * (the file is parsed here only when they are missing).
 */
export function hover(text: string, offset: number, parsed?: ParsedCanvas, model?: CanvasModel): HoverResult | undefined {
  const doc = documentOf(text, parsed);
  const at = scalarAt(doc, clampOffset(text, offset));
  if (!at) return undefined;
  const { path, span } = at;
  // The kind's schema documents the file (`canvas:` as written; business-model without one).
  const kind = model?.kind ?? declaredKind(doc);
  const { schema: root, blockByKey } = kindInfo(kind);
  const schemas = schemasAt(path, root);
  if (at.isKey) {
    const block = path.length === 1 ? blockByKey.get(String(path[0])) : undefined;
    if (block) return { contents: paragraphs(bold(block.title), blockMarkdown(block)), span };
    const { title, markdown } = describe(schemas, root);
    return title || markdown ? { contents: paragraphs(title && bold(title), markdown), span } : undefined;
  }
  if (!isScalar(at.node)) return undefined;
  const value = at.node.value;
  const canvas = () => model ?? buildModel(doc);
  // An id in a reference field (a list of ids, or a single id written without brackets).
  const last = path[path.length - 1];
  const target = referenceTarget(schemasAt(typeof last === 'number' ? path.slice(0, -1) : path, root), root);
  if (target) {
    if (typeof value !== 'string') return undefined;
    const cards = cardsWithId(canvas(), value);
    const card = cards.find((c) => c.block === target) ?? cards[0];
    return card && { contents: cardMarkdown(card, kind), span };
  }
  // A card's own id.
  const block = blockByKey.get(String(path[0]));
  if (block && path.length === 3 && schemas.some((s) => isIdField(s, root))) {
    const card = cardAt(canvas().blocks.get(block.key)?.cards ?? [], span.start);
    return card && { contents: cardMarkdown(card, kind), span };
  }
  const entry = enumEntries(schemas, root).find((e) => e.schema.enum && e.value === value);
  if (entry) return { contents: paragraphs(bold(entry.label ?? String(entry.value)), entry.documentation), span };
  return undefined;
}
