/** Values of enumerated (and boolean) fields, each with its label and description from the schema. */
import type { JsonSchema } from '../schema';
import { describe, enumEntries } from './schemaPath';
import type { Draft } from './types';

export function valueItems(schemas: readonly JsonSchema[], present: ReadonlySet<string>, root: JsonSchema): Draft[] {
  const seen = new Set(present);
  const items: Draft[] = [];
  for (const entry of enumEntries(schemas, root)) {
    const value = String(entry.value);
    if (seen.has(value)) continue;
    seen.add(value);
    // A boolean has no label of its own: show the field's title and description instead.
    const field = entry.label === undefined ? describe([entry.schema], root) : undefined;
    items.push({
      label: value,
      kind: 'value',
      detail: entry.label ?? field?.title,
      documentation: entry.documentation ?? field?.markdown,
      insertText: value,
    });
  }
  return items;
}
