import { isMap, isScalar, Node, Scalar } from 'yaml';
import type { TextEdit } from '../edits';
import { formatTemplate, MESSAGES } from '../messages';
import { renameEdits } from '../rename';
import { canvasSchema, resolveRef, schemaAt } from '../schema';
import type { Span } from '../types';
import { spanOf } from '../yamlPath';
import { action } from './actions';
import { cardNoun, freeId } from './blocks';
import { prependPair } from './cards';
import { occurrenceOf } from './referenceFixes';
import { columnOf, eolOf, kebabCase, lineEndOf, nameFromId, replaceScalar, trimBack, yamlString } from './text';
import { PLACEHOLDERS } from './titles';
import type { CodeAction, FixContext } from './types';
import { contentEnd, FoundNode, nodeStartingAt, pairOf } from './yamlNodes';

/** The written text of a scalar as a string (the key or value the diagnostic points at). */
function scalarText(found: FoundNode | undefined): string | undefined {
  const node = found?.node;
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
}

/** An unknown key: the closest known key, and (where extension keys are allowed) `x-key`. */
function unknownKeyFixes(context: FixContext, found: FoundNode): CodeAction[] {
  const key = scalarText(found);
  const map = found.parent;
  if (key === undefined || !found.isKey || !isMap(map)) return [];
  const fixes: CodeAction[] = [];
  const { suggestion } = context.diagnostic;
  // Renaming to a key the mapping already has would only trade this problem for a duplicate key.
  if (suggestion && !pairOf(map, suggestion)) {
    fixes.push(...action(context, 'replaceWith', [key, suggestion], replaceScalar(context.text, spanOf(found.node) as Span, key, suggestion), true));
  }
  const schema = schemaAt(found.path, context.parsed.value);
  const extension = `x-${key}`;
  const allowsExtensions = Object.keys(schema?.patternProperties ?? {}).some((p) => new RegExp(p, 'u').test(extension));
  if (allowsExtensions && !pairOf(map, extension)) {
    fixes.push(...action(context, 'extensionKey', [key, extension], replaceScalar(context.text, spanOf(found.node) as Span, key, extension)));
  }
  return fixes;
}

/** A value of the wrong type that is plainly meant: `id: 2024` as text, `segments: riders` as a list. */
function wrongTypeFixes(context: FixContext, found: FoundNode): CodeAction[] {
  const node = found.node;
  if (found.isKey || !isScalar(node) || !node.range || node.value === null) return [];
  const { text } = context;
  const span = { start: node.range[0], end: trimBack(text, node.range[0], node.range[1]) };
  const written = text.slice(span.start, span.end);
  if (!written || /[\r\n]/.test(written)) return [];
  const types = [resolveRef(schemaAt(found.path, context.parsed.value) ?? {}).type ?? []].flat();
  if (types.includes('string') && typeof node.value !== 'string' && node.type === Scalar.PLAIN) {
    return action(context, 'quoteAsText', [written], { ...span, newText: JSON.stringify(written) }, true);
  }
  // A plain scalar with brackets or braces would not survive being put in a flow list.
  if (types.includes('array') && typeof node.value === 'string' && !(node.type === Scalar.PLAIN && /[[\]{}]/.test(written))) {
    return action(context, 'wrapInList', [written], { ...span, newText: `[${written}]` }, true);
  }
  return [];
}

/** An id or reference that is not kebab-case: its kebab-case form (an id keeps its references). */
function badIdFixes(context: FixContext): CodeAction[] {
  const hit = occurrenceOf(context, 'id') ?? occurrenceOf(context, 'reference');
  if (!hit) return [];
  const current = hit.reference ? hit.reference.id : hit.card.id!.value;
  const kebab = kebabCase(current);
  if (!kebab) return [];
  if (hit.reference) return action(context, 'kebabReference', [kebab], replaceScalar(context.text, hit, current, kebab), true);
  const newId = freeId(context.model, kebab);
  return action(context, 'kebabId', [newId], renameEdits(context.text, context.model, hit, newId), true);
}

/** A missing `canvas`, `title`, or card `name`: add it with a value to replace. */
function missingKeyFixes(context: FixContext, found: FoundNode): CodeAction[] {
  const missing = context.diagnostic.args[0];
  const map = found.parent;
  if (!found.isKey || !isMap(map) || pairOf(map, missing)) return [];
  const { text } = context;
  const root = context.parsed.doc.contents;
  if (map === root && missing === 'canvas') {
    const kind = String(resolveRef(canvasSchema.properties?.canvas ?? {}).enum?.[0] ?? '');
    if (!kind) return [];
    return action(context, 'addCanvasKind', [kind], prependPair(text, map, `canvas: ${yamlString(kind)}`), true);
  }
  if (map === root && missing === 'title') {
    const title = `title: ${yamlString(PLACEHOLDERS.title)}`;
    const canvas = pairOf(map, 'canvas');
    const canvasEnd = canvas && !map.flow ? contentEnd(text, canvas.value ?? canvas.key) : undefined;
    let edit: TextEdit | undefined;
    if (canvasEnd !== undefined) {
      const at = lineEndOf(text, canvasEnd);
      const column = columnOf(text, (canvas!.key as Node).range![0]);
      edit = { start: at, end: at, newText: eolOf(text) + ' '.repeat(column) + title };
    } else edit = prependPair(text, map, title);
    return action(context, 'addTitle', [], edit, true);
  }
  if (missing === 'name') {
    const card = context.model.cards.find((c) => c.node === map);
    if (!card) return [];
    const name = card.id ? nameFromId(card.id.value) : formatTemplate(PLACEHOLDERS.cardName, [cardNoun(card.block)]);
    return action(context, 'addName', [], prependPair(text, map, `name: ${yamlString(name)}`), true);
  }
  return [];
}

/** `schema`: fixes by the kind of problem (the message template says which). */
export function schemaFixes(context: FixContext): CodeAction[] {
  const { diagnostic, text } = context;
  const found = nodeStartingAt(context.parsed.doc.contents, diagnostic.start);
  switch (diagnostic.template) {
    case MESSAGES.unknownKeySuggest:
    case MESSAGES.unknownKey:
      return found ? unknownKeyFixes(context, found) : [];
    case MESSAGES.badEnumSuggest: {
      const value = scalarText(found);
      if (value === undefined || !diagnostic.suggestion || !found || found.isKey) return [];
      return action(context, 'replaceWith', [value, diagnostic.suggestion], replaceScalar(text, spanOf(found.node) as Span, value, diagnostic.suggestion), true);
    }
    case MESSAGES.badId:
      return badIdFixes(context);
    case MESSAGES.wrongType:
      return found ? wrongTypeFixes(context, found) : [];
    case MESSAGES.missingKey:
      return found ? missingKeyFixes(context, found) : [];
    default:
      return [];
  }
}
