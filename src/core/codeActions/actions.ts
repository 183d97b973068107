import type { TextEdit } from '../edits';
import { formatTemplate } from '../messages';
import { CODE_ACTION_TITLES, CodeActionTitle, SAFE_FIXES } from './titles';
import type { CodeAction, FixContext } from './types';

/** A quick fix for the context's diagnostic; nothing when there is no edit to make. */
export function action(
  context: FixContext,
  title: CodeActionTitle,
  args: string[],
  edits: TextEdit[] | TextEdit | undefined,
  isPreferred = false,
): CodeAction[] {
  const list = edits === undefined ? [] : Array.isArray(edits) ? edits : [edits];
  if (!list.length) return [];
  const template = CODE_ACTION_TITLES[title];
  const fix: CodeAction = {
    title: formatTemplate(template, args),
    titleTemplate: template,
    titleArgs: args,
    edits: list,
    diagnosticCode: context.diagnostic.code,
  };
  if (isPreferred) fix.isPreferred = true;
  if (SAFE_FIXES.has(title)) fix.safe = true;
  return [fix];
}
