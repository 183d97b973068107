/**
 * Quick fixes for the core's diagnostics: pure edits on the text, computed from the YAML tree and
 * the model the diagnostics came from (no re-parsing). Each edit changes only what its title says
 * and keeps the rest of the file, comments and line breaks included, byte for byte.
 *
 * Fixes by code: `schema` (closest key or value, `x-` extension key, kebab-case id, text or list
 * for a wrong type, missing canvas/title/name); `duplicate-id` (first free numbered id);
 * `unknown-reference` (closest id, create the card, remove the reference); `orphan-card` (add a
 * segment); `unserved-segment` and `segment-without-relationship` (name the segment in a value
 * proposition's / relationship's segments, or give it an id first); `unlinked-platform-side`
 * (link the other sides); `empty-block` (add the block or a first card). None for `yaml-syntax`
 * (the text is not a tree to edit) or `failed-segment-check` (a judgement only the user can revise).
 */
import type { CanvasModel } from '../model';
import type { ParsedCanvas } from '../parse';
import type { CanvasDiagnostic } from '../types';
import { emptyBlockFixes } from './blockFixes';
import { duplicateIdFixes, unknownReferenceFixes } from './referenceFixes';
import { schemaFixes } from './schemaFixes';
import { orphanCardFixes, segmentNotNamedFixes, unlinkedPlatformSideFixes } from './segmentFixes';
import { listStyleOf } from './sequences';
import type { CodeAction, FixContext } from './types';

export type { CodeAction } from './types';
export { CODE_ACTION_TITLES } from './titles';

const FIXES: Partial<Record<string, (context: FixContext) => CodeAction[]>> = {
  schema: schemaFixes,
  'duplicate-id': duplicateIdFixes,
  'unknown-reference': unknownReferenceFixes,
  'orphan-card': orphanCardFixes,
  'unserved-segment': segmentNotNamedFixes,
  'segment-without-relationship': segmentNotNamedFixes,
  'unlinked-platform-side': unlinkedPlatformSideFixes,
  'empty-block': emptyBlockFixes,
};

/** The quick fixes for one diagnostic of `text`; [] when there is none (or the text changed shape). */
export function codeActions(text: string, diagnostic: CanvasDiagnostic, parsed: ParsedCanvas, model: CanvasModel): CodeAction[] {
  const fixes = FIXES[diagnostic.code];
  if (!fixes || parsed.text !== text) return [];
  try {
    return fixes({ text, diagnostic, parsed, model, style: listStyleOf(text, parsed.doc.contents) });
  } catch {
    // A half-typed document can have any shape: no fix is better than a failed request.
    return [];
  }
}
