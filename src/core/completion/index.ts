/**
 * Completion for canvas files: block keys, card fields, enumeration values and card ids, read from
 * the schema and the model, at any cursor position in a half-typed file.
 */
import { buildModel, CanvasModel, declaredKind } from '../model';
import type { ParsedCanvas } from '../parse';
import { KindInfo, kindInfo } from '../schema';
import { STARTER_KINDS } from '../starter';
import { clampOffset, documentOf } from '../yamlContext';
import { CursorContext, cursorContext } from './cursor';
import { keyItems } from './keys';
import { referenceItems } from './references';
import { referenceTarget, schemasAt, shapeAt } from './schemaPath';
import { canvasSnippet, cardSnippet } from './snippets';
import type { CompletionItem, Draft } from './types';
import { valueItems } from './values';

export type { CompletionItem } from './types';

function drafts(context: CursorContext, kind: KindInfo, model: () => CanvasModel): Draft[] {
  const root = kind.schema;
  const block = context.path.length <= 2 ? kind.blockByKey.get(String(context.path[0])) : undefined;
  const pad = Math.max(0, context.column - context.lineIndent);
  switch (context.kind) {
    case 'key': {
      const items: Draft[] = [];
      // An empty file: a whole starter canvas of each kind (the default kind first).
      if (context.path.length === 0 && context.emptyDocument) {
        for (const starter of STARTER_KINDS) {
          const snippet = canvasSnippet(starter);
          if (snippet) items.push(snippet);
        }
      }
      if (block && context.path.length === 2 && context.afterDash && !context.flow) items.push(cardSnippet(block, pad, false, root));
      return items.concat(keyItems(context, kind));
    }
    case 'value':
      return valueItems(schemasAt([...context.path, context.key!], root), context.present, root);
    case 'item': {
      const target = referenceTarget(schemasAt(context.path, root), root);
      if (target) return referenceItems(target, context, model());
      if (block && context.path.length === 1) return context.needsDash ? [cardSnippet(block, pad, true, root)] : [];
      return valueItems(schemasAt([...context.path, 0], root), context.present, root);
    }
  }
}

/**
 * The completions at `offset`. `parsed` and `model` are what validateCanvas returned for this very
 * text (the file is parsed here only when they are missing).
 */
export function complete(text: string, offset: number, parsed?: ParsedCanvas, model?: CanvasModel): CompletionItem[] {
  // A lone carriage return ends a line for YAML and for editors; the line scans here look for \n.
  // Same length, so every offset (and the parsed document) still fits.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const at = clampOffset(text, offset);
  const doc = documentOf(text, parsed);
  // The kind decides the blocks and fields offered (`canvas:` as written; business-model without one).
  const kind = kindInfo(model?.kind ?? declaredKind(doc));
  const context = cursorContext(text, at, doc, (path) => shapeAt(path, kind.schema));
  if (!context) return [];
  // An item with no label (an id written as an empty string) is nothing a person can pick.
  const items = drafts(context, kind, () => model ?? buildModel(doc)).filter((item) => item.label !== '');
  const width = String(items.length).length;
  return items.map((item, i) => {
    let insertText = item.insertText;
    if (context.needsDash && item.kind !== 'snippet') insertText = `- ${insertText}`;
    if (context.needsSpace) insertText = ` ${insertText}`;
    return { ...item, insertText, range: { ...context.range }, sortText: String(i).padStart(width, '0') };
  });
}
