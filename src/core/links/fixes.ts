/**
 * The quick fix of a link problem: a `segment` or `value-proposition` value that names no card of
 * the business model, changed to the id the check suggested (a guess, so never applied without
 * a human choice).
 */
import { replaceScalar } from '../codeActions/text';
import { CODE_ACTION_TITLES } from '../codeActions/titles';
import type { CodeAction } from '../codeActions/types';
import { formatTemplate } from '../messages';
import { isValidId } from '../rename';
import type { CanvasDiagnostic } from '../types';
import { LinkedModel, linksOf } from './model';

export function linkFixes(text: string, diagnostic: CanvasDiagnostic, model: LinkedModel | undefined): CodeAction[] {
  const links = linksOf(model);
  const suggestion = diagnostic.suggestion;
  if (!links || diagnostic.code !== 'unknown-reference' || suggestion === undefined || !isValidId(suggestion)) return [];
  const value = [links.segment, links.valueProposition].find((v) => v && v.start === diagnostic.start && v.end === diagnostic.end);
  if (!value) return [];
  const titleTemplate = CODE_ACTION_TITLES.replaceReference;
  const titleArgs = [value.value, suggestion];
  return [
    {
      title: formatTemplate(titleTemplate, titleArgs),
      titleTemplate,
      titleArgs,
      edits: [replaceScalar(text, value, value.value, suggestion)],
      isPreferred: true,
      diagnosticCode: diagnostic.code,
    },
  ];
}
