/** Snippets for a whole canvas and for a new card, built from the schema. */
import { BLOCKS, BlockInfo, canvasSchema, resolveRef } from '../schema';
import { paragraphs } from './markdown';
import { enumEntries, isIdField, referenceTarget } from './schemaPath';
import type { Draft } from './types';

/** Text inside a placeholder: `$`, `}` and `\` are snippet syntax. */
export function escapePlaceholder(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** `${n|a,b|}`: a choice among values. */
export function choice(n: number, values: readonly string[]): string {
  return `\${${n}|${values.map((v) => v.replace(/[$}\\,|]/g, '\\$&')).join(',')}|}`;
}

/**
 * The fields a new card starts with, in schema order: its id, the required fields, its first
 * enumerated field (the card's type) and its references to other blocks.
 */
function cardFields(block: BlockInfo): string[] {
  const lines: string[] = [];
  let n = 1;
  let enumerated = false;
  for (const [field, schema] of Object.entries(block.card.properties ?? {})) {
    const values = enumEntries([schema]).map((e) => String(e.value));
    const target = referenceTarget([schema]);
    if (isIdField(schema) || block.card.required?.includes(field)) lines.push(`${field}: \${${n++}}`);
    else if (values.length && !enumerated && (enumerated = true)) lines.push(`${field}: ${choice(n++, values)}`);
    else if (target && target !== block.key) lines.push(`${field}: [\${${n++}}]`);
  }
  return lines;
}

/** A new card for a block; `withDash` when the item's `- ` is not written yet. `pad`: the key column past the line's indentation. */
export function cardSnippet(block: BlockInfo, pad: number, withDash: boolean): Draft {
  const lines = cardFields(block);
  const indent = ' '.repeat(pad + (withDash ? 2 : 0));
  return {
    label: `New card: ${block.card.title ?? block.title}`,
    kind: 'snippet',
    detail: block.title,
    documentation: paragraphs(block.card.markdownDescription, `*${block.guide}*`),
    insertText: (withDash ? '- ' : '') + lines.join(`\n${indent}`),
    isSnippet: true,
    filterText: withDash ? undefined : lines[0]?.split(':')[0],
  };
}

/** A whole canvas: the required keys, then every block in canvas order with one placeholder card. */
export function canvasSnippet(): Draft | undefined {
  const properties = canvasSchema.properties ?? {};
  const kind = enumEntries(properties.canvas ? [properties.canvas] : [])[0];
  const lines: string[] = [];
  let n = 1;
  for (const key of canvasSchema.required ?? []) {
    const values = enumEntries(properties[key] ? [properties[key]] : []);
    const title = resolveRef(properties[key] ?? {}).title ?? key;
    lines.push(values.length === 1 ? `${key}: ${values[0].value}` : `${key}: \${${n++}:${escapePlaceholder(title)}}`);
  }
  for (const block of BLOCKS) {
    const field = block.card.required?.[0];
    lines.push(`${block.key}:`);
    lines.push(field ? `  - ${field}: \${${n++}:${escapePlaceholder(block.card.title ?? block.title)}}` : `  - \${${n++}}`);
  }
  if (!kind) return undefined;
  return {
    label: `New ${kind.label ?? String(kind.value)}`,
    kind: 'snippet',
    detail: `${lines[0]}`,
    documentation: kind.documentation,
    insertText: lines.join('\n') + '\n',
    isSnippet: true,
    filterText: lines[0].split(':')[0],
  };
}
