/**
 * Quick fixes for the core's diagnostics: pure edits on the text, computed from the YAML tree and
 * the model the diagnostics came from (no re-parsing). Each edit changes only what its title says
 * and keeps the rest of the file, comments and line breaks included, byte for byte.
 *
 * Fixes by code: `schema` (closest key or value, `x-` extension key, kebab-case id, text or list
 * for a wrong type, missing canvas/title/name); `duplicate-id` (first free numbered id);
 * `unknown-reference` (closest id, create the card, remove the reference); `orphan-card` (add a
 * segment); `unserved-segment` and `segment-without-relationship` (name the segment in a value
 * proposition's / relationship's segments, giving it an id too if it has none); `unlinked-platform-side`
 * (link the other sides); `empty-block` (add the block or a first card); `unrelieved-pain` and
 * `uncreated-gain` (name the pain or gain in a pain reliever's `relieves` / gain creator's
 * `creates`, giving it an id too if it has none). None for `yaml-syntax`
 * (the text is not a tree to edit) or `failed-segment-check` (a judgement only the user can revise).
 *
 * The contract (issue 12, checked by test/unit/codeActionsProperty.test.ts on every fixture and on
 * seeded mutations of them): a fix removes the problem it targets, creates no error of its own
 * making, and changes nothing outside its range. So a fix is not offered when it would only trade
 * its problem for another (a list item or a text the field would reject, a reference changed to a
 * form that names nothing, an empty `linked: []`), and no fix edits inside an anchored node that
 * an alias repeats elsewhere (other than the rename of a kebab-case id, which is meant to reach
 * every reference): the edit would silently change the aliasing card too. A fix may reveal what a
 * typo hid: a corrected block name then gets that block's own problems.
 *
 * `safe: true` marks the fixes `validate --fix` applies (the SAFE_FIXES of titles.ts: quote as
 * text, wrap in a list, kebab-case id or reference, unique id): no guess, placeholder or choice.
 */
import type { CanvasModel } from '../model';
import type { ParsedCanvas } from '../parse';
import type { TextEdit } from '../edits';
import type { CanvasDiagnostic, Span } from '../types';
import { emptyBlockFixes } from './blockFixes';
import { duplicateIdFixes, unknownReferenceFixes } from './referenceFixes';
import { schemaFixes } from './schemaFixes';
import { FIT_GAPS } from '../rules/fitRules';
import { nameInFieldFixes, orphanCardFixes, segmentNotNamedFixes, unlinkedPlatformSideFixes } from './segmentFixes';
import { listStyleOf } from './sequences';
import { CODE_ACTION_TITLES } from './titles';
import type { CodeAction, FixContext } from './types';
import { aliasedAnchors } from './yamlNodes';

export type { CodeAction } from './types';
export { CODE_ACTION_TITLES, SAFE_FIXES } from './titles';

const FIXES: Partial<Record<string, (context: FixContext) => CodeAction[]>> = {
  schema: schemaFixes,
  'duplicate-id': duplicateIdFixes,
  'unknown-reference': unknownReferenceFixes,
  'orphan-card': orphanCardFixes,
  'unserved-segment': segmentNotNamedFixes,
  'segment-without-relationship': segmentNotNamedFixes,
  'unlinked-platform-side': unlinkedPlatformSideFixes,
  'empty-block': emptyBlockFixes,
  'unrelieved-pain': (context) => nameInFieldFixes(context, fitGap('unrelieved-pain')),
  'uncreated-gain': (context) => nameInFieldFixes(context, fitGap('uncreated-gain')),
};

/** A gap in a value proposition's fit as the fixes see it: which card, named by which block's cards, in which field. */
function fitGap(code: keyof typeof FIT_GAPS) {
  const { profile, answer, field } = FIT_GAPS[code];
  return { target: profile, namers: answer, field };
}

/** The quick fixes for one diagnostic of `text`; [] when there is none (or the text changed shape). */
export function codeActions(text: string, diagnostic: CanvasDiagnostic, parsed: ParsedCanvas, model: CanvasModel): CodeAction[] {
  const fixes = FIXES[diagnostic.code];
  if (!fixes || parsed.text !== text) return [];
  try {
    const offered = fixes({ text, diagnostic, parsed, model, style: listStyleOf(text, parsed.doc.contents) });
    const anchors = offered.length ? aliasedAnchors(text, parsed.doc.contents) : [];
    return anchors.length ? offered.filter((fix) => fix.titleTemplate === CODE_ACTION_TITLES.kebabId || !fix.edits.some((edit) => inAnchor(edit, anchors))) : offered;
  } catch {
    // A half-typed document can have any shape: no fix is better than a failed request.
    return [];
  }
}

/**
 * Whether an edit changes an anchored node that an alias repeats. Such fixes are not offered: the
 * edit would silently change every card that aliases the node too (`segments: *a`), and the fix
 * targets one problem in one place. The one exception is the kebab-case id fix, a rename that
 * rewrites every reference to the id, the repeated ones included, as intended.
 */
function inAnchor(edit: TextEdit, anchors: readonly Span[]): boolean {
  return anchors.some((a) => (edit.start < a.end && edit.end > a.start) || (edit.start === edit.end && a.start < edit.start && edit.start <= a.end));
}
