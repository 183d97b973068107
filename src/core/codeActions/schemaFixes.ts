import { isMap, isScalar, Node, parse, Scalar } from 'yaml';
import { closest } from '../closest';
import type { TextEdit } from '../edits';
import { formatTemplate, MESSAGES } from '../messages';
import { isValidId, renameEdits } from '../rename';
import { JsonSchema, kindInfo, resolveRef, schemaAt } from '../schema';
import type { Span } from '../types';
import { spanOf } from '../yamlPath';
import { action } from './actions';
import { cardNoun, freeId } from './blocks';
import { prependPair } from './cards';
import { declarationOf } from './modelIndex';
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
  const schema = schemaAt(found.path, context.parsed.value, kindInfo(context.model.kind).schema);
  const extension = `x-${key}`;
  const allowsExtensions = Object.keys(schema?.patternProperties ?? {}).some((p) => new RegExp(p, 'u').test(extension));
  if (allowsExtensions && !pairOf(map, extension)) {
    fixes.push(...action(context, 'extensionKey', [key, extension], replaceScalar(context.text, spanOf(found.node) as Span, key, extension)));
  }
  return fixes;
}

/** Whether a schema (and one of its alternatives) accepts a string value: type, enumeration and pattern. */
function acceptsString(schema: JsonSchema | undefined, value: string, root: JsonSchema): boolean {
  if (!schema) return false;
  const resolved = resolveRef(schema, root);
  if (resolved.anyOf) return resolved.anyOf.some((branch) => acceptsString(branch, value, root));
  const types = [resolved.type ?? []].flat();
  if (types.length && !types.includes('string')) return false;
  if (resolved.enum && !resolved.enum.includes(value)) return false;
  return !resolved.pattern || new RegExp(resolved.pattern, 'u').test(value);
}

/**
 * The items `[written]` would hold, when every one is valid where it goes: accepted by the schema
 * of the list's items and, in a reference field, naming a card of the block the field points to.
 * Otherwise undefined: wrapping would trade "must be a list" for a problem with the item.
 */
function validListItems(context: FixContext, found: FoundNode, written: string): string[] | undefined {
  let items: unknown;
  try {
    items = parse(`[${written}]`, { logLevel: 'error' });
  } catch {
    return undefined;
  }
  if (!Array.isArray(items) || !items.length || !items.every((item): item is string => typeof item === 'string')) return undefined;
  const kind = kindInfo(context.model.kind);
  const itemSchema = resolveRef(schemaAt(found.path, context.parsed.value, kind.schema) ?? {}, kind.schema).items;
  if (!items.every((item) => acceptsString(itemSchema, item, kind.schema))) return undefined;
  // A field of a card (block / index / field): a reference field must name existing cards.
  const [block, , field] = found.path;
  const target = found.path.length === 3 ? kind.blockByKey.get(block)?.references.get(field) : undefined;
  if (target && !items.every((id) => declarationOf(context.model, target, id))) return undefined;
  return items;
}

/** A value of the wrong type that is plainly meant: `id: 2024` as text, `segments: riders` as a list. */
function wrongTypeFixes(context: FixContext, found: FoundNode): CodeAction[] {
  const node = found.node;
  if (found.isKey || !isScalar(node) || !node.range || node.value === null) return [];
  const { text } = context;
  const span = { start: node.range[0], end: trimBack(text, node.range[0], node.range[1]) };
  const written = text.slice(span.start, span.end);
  if (!written || /[\r\n]/.test(written)) return [];
  const root = kindInfo(context.model.kind).schema;
  const schema = resolveRef(schemaAt(found.path, context.parsed.value, root) ?? {}, root);
  const types = [schema.type ?? []].flat();
  // Only text the field accepts: `id: 3.5` as "3.5" would trade this problem for a bad id.
  if (types.includes('string') && typeof node.value !== 'string' && node.type === Scalar.PLAIN && acceptsString(schema, written, root)) {
    return action(context, 'quoteAsText', [written], { ...span, newText: JSON.stringify(written) }, true);
  }
  // A plain scalar with brackets or braces would not survive being put in a flow list.
  if (types.includes('array') && typeof node.value === 'string' && !(node.type === Scalar.PLAIN && /[[\]{}]/.test(written))) {
    if (!validListItems(context, found, written)) return [];
    return action(context, 'wrapInList', [written], { ...span, newText: `[${written}]` }, true);
  }
  return [];
}

/**
 * An id or reference that is not kebab-case. An id: its kebab-case form, with its references. A
 * reference that names a card: the same rename of that card's id (changing the reference alone
 * would leave it naming nothing). A reference that names no card: its kebab-case form only if that
 * names a card of the right block, else the closest id of that block; never a form that names
 * nothing, which would only trade this problem for an unknown reference.
 */
function badIdFixes(context: FixContext): CodeAction[] {
  const hit = occurrenceOf(context, 'id') ?? occurrenceOf(context, 'reference');
  if (!hit) return [];
  const { text, model } = context;
  const current = hit.reference ? hit.reference.id : hit.card.id!.value;
  const kebab = kebabCase(current);
  const reference = hit.reference;
  if (reference) {
    if (declarationOf(model, reference.targetBlock, current)) {
      if (!kebab) return [];
      const newId = freeId(model, kebab);
      return action(context, 'kebabId', [newId], renameEdits(text, model, hit, newId), true);
    }
    if (kebab && declarationOf(model, reference.targetBlock, kebab)) {
      return action(context, 'kebabReference', [kebab], replaceScalar(text, hit, current, kebab), true);
    }
    const ids = [...new Set(model.cards.filter((c) => c.block === reference.targetBlock && c.id && isValidId(c.id.value)).map((c) => c.id!.value))];
    const suggestion = closest(current, ids);
    return suggestion ? action(context, 'replaceReference', [current, suggestion], replaceScalar(text, hit, current, suggestion), true) : [];
  }
  if (!kebab) return [];
  const newId = freeId(model, kebab);
  return action(context, 'kebabId', [newId], renameEdits(text, model, hit, newId), true);
}

/** A missing `canvas`, `title`, or card `name`: add it with a value to replace. */
function missingKeyFixes(context: FixContext, found: FoundNode): CodeAction[] {
  const missing = context.diagnostic.args[0];
  const map = found.parent;
  if (!found.isKey || !isMap(map) || pairOf(map, missing)) return [];
  const { text } = context;
  const root = context.parsed.doc.contents;
  if (map === root && missing === 'canvas') {
    // The kind the file is read as without a `canvas` (its blocks decide nothing here): the default.
    const kind = context.model.kind;
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
    const name = card.id ? nameFromId(card.id.value) : formatTemplate(PLACEHOLDERS.cardName, [cardNoun(card.block, context.model.kind)]);
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
    case MESSAGES.unknownKeyOtherKind:
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
