/** Snippets for a whole canvas and for a new card, built from the schema. */
import { translate } from '../l10n';
import { COMPLETION_MESSAGES } from './messages';
import { BlockInfo, isCanvasKind, JsonSchema, kindInfo } from '../schema';
import { joinStarter, kindLabel, STARTER_KINDS, starterLines } from '../starter';
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
function cardFields(block: BlockInfo, root: JsonSchema): string[] {
  const lines: string[] = [];
  let n = 1;
  let enumerated = false;
  for (const [field, schema] of Object.entries(block.card.properties ?? {})) {
    const values = enumEntries([schema], root).map((e) => String(e.value));
    const target = referenceTarget([schema], root);
    if (isIdField(schema, root) || block.card.required?.includes(field)) lines.push(`${field}: \${${n++}}`);
    else if (values.length && !enumerated && (enumerated = true)) lines.push(`${field}: ${choice(n++, values)}`);
    else if (target && target !== block.key) lines.push(`${field}: [\${${n++}}]`);
  }
  return lines;
}

/**
 * A new card for a block (of the kind whose schema is `root`); `withDash` when the item's `- ` is not
 * written yet. `pad`: the key column past the line's indentation.
 */
export function cardSnippet(block: BlockInfo, pad: number, withDash: boolean, root: JsonSchema): Draft {
  const lines = cardFields(block, root);
  const indent = ' '.repeat(pad + (withDash ? 2 : 0));
  return {
    label: translate(COMPLETION_MESSAGES.newCard, [block.card.title ?? block.title]),
    kind: 'snippet',
    detail: block.title,
    documentation: paragraphs(block.card.markdownDescription, `*${block.guide}*`),
    insertText: (withDash ? '- ' : '') + lines.join(`\n${indent}`),
    isSnippet: true,
    filterText: withDash ? undefined : lines[0]?.split(':')[0],
  };
}

/**
 * A whole canvas: the starter canvas of the first kind (src/core/starter.ts, the text `init` writes),
 * its title, description, card names and ids as placeholders (an id and the references to it are
 * one placeholder). Inserted as it is, it has no errors and no warnings.
 */
export function canvasSnippet(kind: string | undefined = STARTER_KINDS[0]): Draft | undefined {
  if (kind === undefined || !STARTER_KINDS.includes(kind) || !isCanvasKind(kind)) return undefined;
  const { schema } = kindInfo(kind);
  const entry = enumEntries(schema.properties?.canvas ? [schema.properties.canvas] : [], schema).find((e) => e.value === kind);
  const numbers = new Map<string, number>();
  const insertText = joinStarter(
    starterLines(kind),
    (s) => {
      let n = numbers.get(s.slot);
      if (n === undefined) numbers.set(s.slot, (n = numbers.size + 1));
      return `\${${n}:${escapePlaceholder(s.value)}}`;
    },
    escapePlaceholder,
  );
  return {
    label: translate(COMPLETION_MESSAGES.newCanvas, [kindLabel(kind)]),
    kind: 'snippet',
    detail: `canvas: ${kind}`,
    documentation: entry?.documentation,
    insertText,
    isSnippet: true,
    filterText: 'canvas',
  };
}
