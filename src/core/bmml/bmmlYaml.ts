/**
 * Writes BMML text and checks it before anyone gets it: BMML's reader (js-yaml) reads YAML 1.1
 * style, where an unquoted 2024-03-01 is a date and `yes` may be a boolean, so the text is written
 * with the `yaml` library's 1.1 schema (which quotes every such string), read back the 1.1 way,
 * compared with what was meant, and validated against BMML's own v2 schema (compiled ahead of
 * time, scripts/build-bmml-schema.mjs).
 */
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import validateBmml = require('../generated/validateBmml');
import { bmmlProblem, BmmlProblem } from './messages';

function styleLists(node: unknown): void {
  if (isSeq(node)) {
    // Id lists and fit tuples on one line, as BMML's examples write them.
    if (node.items.length > 0 && node.items.every((item) => isScalar(item) && typeof item.value === 'string' && !/[\n\r]/.test(item.value) && item.value.length <= 60)) node.flow = true;
    else for (const item of node.items) styleLists(item);
  } else if (isMap(node)) for (const pair of node.items) styleLists(pair.value);
}

function sameData(a: unknown, b: unknown): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return '';
    for (let i = 0; i < a.length; i++) {
      const at = sameData(a[i], b[i]);
      if (at !== undefined) return `/${i}${at}`;
    }
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !(a instanceof Date) && !(b instanceof Date) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return '';
    for (const key of keys) {
      const at = sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
      if (at !== undefined) return `/${key}${at}`;
    }
    return undefined;
  }
  return a === b ? undefined : '';
}

/** The BMML text of `data`, or the problem that stops it from being written. */
export function writeBmml(data: Record<string, unknown>, header: string): { text: string } | { problem: BmmlProblem } {
  const doc = new Document(data, { version: '1.1' });
  styleLists(doc.contents);
  doc.commentBefore = header;
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
  // Read back as BMML's reader would (1.1 scalars, merge keys): every value must be what was meant.
  const back = parseDocument(text, { version: '1.1', merge: true, prettyErrors: false }).toJS({ maxAliasCount: -1 });
  const differs = sameData(data, back);
  if (differs !== undefined) return { problem: bmmlProblem('error', 'reparseFailed', [differs || '/']) };
  if (!validateBmml(back)) {
    const error = validateBmml.errors?.[0];
    const detail = error ? `${error.message ?? error.keyword}${error.params && 'additionalProperty' in error.params ? ` "${String(error.params.additionalProperty)}"` : ''}` : 'invalid';
    return { problem: bmmlProblem('error', 'schemaFailed', [error?.instancePath || '/', detail]) };
  }
  return { text };
}

/** The first problem BMML's v2 schema finds in `data`, or undefined when it passes. */
export function schemaError(data: unknown): { instancePath: string; keyword: string; params: Record<string, unknown> } | undefined {
  if (validateBmml(data)) return undefined;
  const error = validateBmml.errors?.[0];
  return error ? { instancePath: error.instancePath, keyword: error.keyword, params: error.params as Record<string, unknown> } : { instancePath: '', keyword: 'invalid', params: {} };
}

/** Whether `data` passes BMML's v2 schema (for tests and hosts that check a file they did not write). */
export function isValidBmml(data: unknown): boolean {
  return validateBmml(data);
}
