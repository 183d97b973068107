/** Keys to add to a mapping: the top-level keys and blocks, a card's fields, the keys of nested objects. */
import { JsonSchema, KindInfo } from '../schema';
import type { CursorContext } from './cursor';
import { blockMarkdown } from './markdown';
import { branches, describe, enumEntries, hasType, isObject, objectBranch, schemasAt } from './schemaPath';
import { choice } from './snippets';
import type { Draft } from './types';

/** What to insert for a key: the key alone after which a colon is already written, else the key and the start of its value. */
function insertion(key: string, schema: JsonSchema, context: CursorContext, root: JsonSchema): Pick<Draft, 'insertText' | 'isSnippet'> {
  if (context.colonAfter) return { insertText: key };
  const values = enumEntries([schema], root).map((e) => String(e.value));
  if (values.length === 1) return { insertText: `${key}: ${values[0]}` };
  if (values.length > 1) return { insertText: `${key}: ${choice(1, values)}`, isSnippet: true };
  const alternatives = branches(schema, root);
  // Lines after the first are relative to the line's indentation; the key may sit further right (after `- `).
  const pad = ' '.repeat(Math.max(0, context.column - context.lineIndent) + 2);
  const list = alternatives.find((s) => hasType(s, 'array'));
  if (list) {
    if (!context.flow && branches(list.items, root).some(isObject)) return { insertText: `${key}:\n${pad}- ` };
    return { insertText: `${key}: [$1]`, isSnippet: true };
  }
  if (alternatives.some(isObject)) return context.flow ? { insertText: `${key}: { $1 }`, isSnippet: true } : { insertText: `${key}:\n${pad}` };
  return { insertText: `${key}: ` };
}

/** The keys of a canvas of `kind` that may be added where the cursor is. */
export function keyItems(context: CursorContext, kind: KindInfo): Draft[] {
  const root = kind.schema;
  const object = objectBranch(schemasAt(context.path, root), root);
  const items: Draft[] = [];
  for (const [key, schema] of Object.entries(object?.properties ?? {})) {
    if (context.present.has(key)) continue;
    const block = context.path.length === 0 ? kind.blockByKey.get(key) : undefined;
    const { title, markdown } = describe([schema], root);
    items.push({
      label: key,
      kind: block ? 'block' : 'field',
      detail: title,
      documentation: block ? blockMarkdown(block) : markdown,
      ...insertion(key, schema, context, root),
    });
  }
  return items;
}
