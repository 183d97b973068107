/**
 * Whether text typed by a user (a CLI argument `git:REV:path`, the Compare command's input box)
 * may be handed to git as one revision. Git reads any argument that starts with `-` as an option
 * (`--output=/tmp/x` makes `git show` write a file), so such text never reaches it; nor do ranges
 * and other forms that name several commits, or control characters that could split git's output.
 * Pure (no Node, no vscode): the CLI and the extension's web-worker host both use it.
 */

/** The reasons, as English templates (localized by template, like the core's MESSAGES). */
export const REVISION_MESSAGES = {
  empty: 'no revision',
  control: 'a revision cannot hold control characters or line breaks',
  option: 'a revision cannot start with "-" (it would be read as an option)',
  exclusion: 'a revision cannot start with "^" (that excludes a commit; name one commit)',
  range: '"{0}" is a range; name one commit (HEAD, main, v1.0, a commit id)',
  several: '"{0}" names several commits; name one commit',
  tooLong: 'the revision is too long',
} as const;

export interface RevisionProblem {
  template: (typeof REVISION_MESSAGES)[keyof typeof REVISION_MESSAGES];
  args: string[];
}

// C0 controls and DEL (newline and NUL included).
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `rev` may not be passed to git as one revision, or undefined when it may (git still decides whether it names a commit). */
export function revisionProblem(rev: string): RevisionProblem | undefined {
  const problem = (template: RevisionProblem['template'], ...args: string[]): RevisionProblem => ({ template, args });
  if (!rev) return problem(REVISION_MESSAGES.empty);
  if (CONTROL.test(rev)) return problem(REVISION_MESSAGES.control);
  if (rev.startsWith('-')) return problem(REVISION_MESSAGES.option);
  if (rev.startsWith('^')) return problem(REVISION_MESSAGES.exclusion);
  if (rev.length > 1024) return problem(REVISION_MESSAGES.tooLong);
  if (rev.includes('..')) return problem(REVISION_MESSAGES.range, rev);
  if (/\^[@!-]/.test(rev)) return problem(REVISION_MESSAGES.several, rev);
  return undefined;
}
