import { codeActions } from './codeActions';
import type { TextEdit } from './edits';
import { applyEdits } from './edits';
import { LineIndex } from './lineIndex';
import type { ValidationOptions } from './types';
import { validateCanvas } from './validate';
import type { ValidationResult } from './validate';

/** One fix {@link fixAll} applied: the diagnostic's code and 1-based place, the fix's title. */
export interface AppliedFix {
  code: string;
  title: string;
  /** 1-based line and column of the problem in the text as it was when the fix was applied. */
  line: number;
  column: number;
}

export interface FixAllOptions extends ValidationOptions {
  /** At most this many rounds of validate, fix, revalidate (default {@link MAX_FIX_PASSES}). */
  maxPasses?: number;
}

export interface FixAllResult {
  /** The fixed text (the input itself when nothing applied). */
  text: string;
  applied: AppliedFix[];
  /** The validation of the fixed text: what is left. */
  remaining: ValidationResult;
}

/** The bound on rounds: a fix that revealed another safe fix is applied in the next round. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the quick fixes that are safe without a human choice (`validate --fix`): validates, takes
 * for each diagnostic its one offered fix when that fix is `safe` (SAFE_FIXES in
 * codeActions/titles.ts), applies those whose edits overlap no other taken fix's, and revalidates;
 * until no safe fix applies or {@link MAX_FIX_PASSES} rounds are done. A fix is not applied when
 * the revalidated text has more errors than before (never expected: the property tests of the
 * quick fixes say a fix creates no error; this is the guard that keeps --fix from ever making a file
 * worse). The fixes are range edits: everything outside their ranges — comments, anchors, blank
 * lines, line breaks, a BOM — stays as it was, byte for byte. Idempotent: running it on its own
 * result applies nothing.
 */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const { maxPasses = MAX_FIX_PASSES, ...validation } = options;
  let current = text;
  let result = validateCanvas(current, validation);
  const applied: AppliedFix[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const { parsed, model } = result;
    if (!parsed || !model) break;
    const taken: { edits: TextEdit[]; fix: AppliedFix }[] = [];
    const index = new LineIndex(current);
    for (const diagnostic of result.diagnostics) {
      const offered = codeActions(current, diagnostic, parsed, model);
      if (offered.length !== 1 || !offered[0].safe) continue;
      const [fix] = offered;
      // Edits that touch (or insert at the edge of) a taken fix's wait for the next round.
      if (taken.some((t) => t.edits.some((a) => fix.edits.some((b) => overlaps(a, b))))) continue;
      if (fix.edits.some((a, i) => fix.edits.some((b, j) => i !== j && overlaps(a, b)))) continue;
      const at = index.positionAt(diagnostic.start);
      taken.push({ edits: fix.edits, fix: { code: diagnostic.code, title: fix.title, line: at.line + 1, column: at.character + 1 } });
    }
    if (!taken.length) break;
    const errors = errorCount(result);
    const next = applyEdits(
      current,
      taken.flatMap((t) => t.edits),
    );
    const nextResult = validateCanvas(next, validation);
    if (errorCount(nextResult) > errors) break;
    current = next;
    result = nextResult;
    applied.push(...taken.map((t) => t.fix));
  }
  return { text: current, applied, remaining: result };
}

function errorCount(result: ValidationResult): number {
  return result.diagnostics.filter((d) => d.severity === 'error').length;
}

/** Whether two edits overlap or meet (two insertions at one place would be applied in no sure order). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}
