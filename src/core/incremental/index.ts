import { YAMLSeq } from 'yaml';
import { DiagnosticSink } from '../diagnosticSink';
import { nestingTooDeep, parseYaml, plainValue, type ParsedCanvas } from '../parse';
import { itemsSatisfySchema } from '../schemaDiagnostics';
import type { ValidationOptions } from '../types';
import { diagnose, validateCanvas, ValidationResult } from '../validate';
import { findCardRegion, hasAnchorsOrAliases, isSelfContainedList } from './cardRegion';
import { shiftSubtree, spliceItems } from './spliceDocument';
import { spliceModel } from './spliceModel';
import { changedWindow } from './textWindow';

/**
 * Validates `text`, a new version of the text `previous` was validated from, re-reading only the
 * cards the edit touched when that is safe: the changed lines are whole list items of one block
 * in a file without syntax errors, and neither the old nor the new items hold anchors or aliases.
 * The schema and the rules then run on the updated document and model, so the diagnostics equal
 * those of `validateCanvas(text, options)`. Anywhere else it validates in full.
 *
 * `previous` is consumed: its YAML document is updated in place and must not be used afterwards
 * (its model is left as it was). `options` must be those `previous` was validated with.
 */
export function revalidateCanvas(previous: ValidationResult, text: string, options: ValidationOptions = {}): ValidationResult {
  let result: ValidationResult | undefined;
  try {
    result = revalidateIncrementally(previous, text, options);
  } catch {
    // A bug in the shortcut must cost speed, never correctness: parse the whole text afresh.
    result = undefined;
  }
  return result ?? validateCanvas(text, options);
}

function revalidateIncrementally(previous: ValidationResult, text: string, options: ValidationOptions): ValidationResult | undefined {
  const { parsed, model } = previous;
  if (!parsed || !model || parsed.hasSyntaxErrors || parsed.doc.errors.length || parsed.value === null || typeof parsed.value !== 'object') return undefined;
  if (options.maxLength !== undefined && text.length > options.maxLength) return undefined;
  const oldText = parsed.text;
  if (oldText === text) return undefined;
  const window = changedWindow(oldText, text);
  const region = findCardRegion(parsed.doc, oldText, window);
  if (!region) return undefined;
  const delta = text.length - oldText.length;
  const newEnd = region.end + delta;
  if (!isSelfContainedList(text, region.start, newEnd, region.indent)) return undefined;
  const oldItems = region.seq.items.slice(region.first, region.last + 1);
  if (oldItems.some(hasAnchorsOrAliases)) return undefined;
  // An anchor on the block's list or on the whole canvas: an alias elsewhere repeats the cards
  // being edited (`key-resources: *acts`), so its block would keep the old ones.
  if (region.seq.anchor || (parsed.doc.contents as { anchor?: string } | null)?.anchor) return undefined;

  // A copy, not a slice: the new cards' strings would otherwise keep this whole version of the
  // text alive, and a thousand edits would hold a thousand copies of a big file.
  const source = detachedCopy(text, region.start, newEnd);
  // The rest of the text is unchanged and had no NUL (binary files never validate incrementally).
  if (source.includes('\u0000') || nestingTooDeep(source) !== -1) return undefined;
  // Parsed as `parseCanvas` parses: a region must be read exactly as the whole file is.
  const fragment = parseYaml(source);
  const list = fragment.contents;
  if (fragment.errors.length || fragment.warnings.length || !(list instanceof YAMLSeq) || list.flow || !list.range) return undefined;
  if (list.items.length === 0 || list.range[0] !== region.indent || hasAnchorsOrAliases(list)) return undefined;
  const values = (plainValue(list) ?? fragment.toJS()) as unknown[];
  const blockValue = (parsed.value as Record<string, unknown>)[region.blockKey];
  if (!Array.isArray(blockValue) || !Array.isArray(values) || values.length !== list.items.length) return undefined;

  shiftSubtree(list, region.start);
  const newItems = list.items.slice();
  const seqRange = list.range as [number, number, number];
  if (!spliceItems(parsed.doc, region, newItems, seqRange, delta)) return undefined;
  blockValue.splice(region.first, region.last - region.first + 1, ...values);
  const newModel = spliceModel(model, parsed.doc, region, newItems, delta);
  // A canvas the schema accepted stays accepted when its new items are: the schema need not run on
  // all 8,000 cards again. Otherwise it runs in full, with its exact messages and places.
  const schemaValid = parsed.schemaValid === true && itemsSatisfySchema(parsed.value as Record<string, unknown>, region.blockKey, values);
  const newParsed: ParsedCanvas = { text, doc: parsed.doc, value: parsed.value, hasSyntaxErrors: false, schemaValid };
  const result = diagnose(newParsed, newModel, new DiagnosticSink(options.severities, options.localize));
  result.incremental = true;
  return result;
}

/** A substring that shares no memory with `text` (V8 slices point into their parent string). */
function detachedCopy(text: string, start: number, end: number): string {
  // Concatenating makes a new string; slicing it flattens that into fresh memory of this size.
  return (text.slice(start, end) + '\n').slice(0, -1);
}
