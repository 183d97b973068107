/**
 * The CLI's own user-facing texts, in English: keyed by that text in the l10n bundles like the
 * core's tables (scripts/export-l10n.mjs reads this table from dist/cli.js) and translated with the
 * core's translator (src/core/l10n.ts; `--locale`, LC_ALL/LC_MESSAGES/LANG, see locale.ts).
 * Options, formats, codes and file names inside them stay as they are.
 */
import { translate } from '../core/l10n';

export const CLI_MESSAGES = {
  // Usage and help
  usageHeading: 'Usage:',
  usageMore: 'Run "canvas-as-code {0} --help" for more.',
  overviewText:
    'Canvas as Code checks, draws and compares Business Model Canvas files (*.canvas.yaml).\nRun "canvas-as-code <command> --help" for a command\'s options and exit status.\n' +
    'Every command takes --locale LANG (en or ko), the language of its messages; by default LC_ALL, LC_MESSAGES or LANG decides.',
  unknownCommand: 'unknown command "{0}"',
  unknownOption: 'unknown option "{0}"',
  localeNeedsValue: '--locale needs a language (en or ko), got nothing',
  // Arguments
  cannotReadArguments: 'cannot read the arguments: {0}',
  needsValue: '{0} needs a value',
  takesNoValue: '{0} takes no value, got {1}',
  nothing: 'nothing',
  formatMust: '--format must be {0}, got {1}',
  or: '{0} or {1}',
  jobsMust: '--jobs must be a positive integer, got {0}',
  maxWarningsMust: '--max-warnings must be a whole number, got {0}',
  configNeedsFile: '--config needs a file (a .canvas-as-code.yaml), got nothing',
  stdinOnce: '- (standard input) can be given only once: it holds one canvas',
  validateNeedsFiles: 'validate needs at least one file, directory or glob (or - for standard input)',
  configAndNoConfig: '--config and --no-config cannot be used together',
  fixAndDryRun: '--fix and --fix-dry-run cannot be used together',
  fixNoStdin: '--fix cannot write back to - (standard input); use --fix-dry-run to print the diff',
  cannotWriteOutput: 'cannot write to standard output: {0}',
  // validate
  cannotRead: 'cannot read {0}: {1}',
  cannotValidate: 'cannot validate {0}: {1}',
  noFilesMatched: 'no canvas files matched "{0}"',
  summary: '{0} checked: {1} ({2}, {3}, {4}, {5}){6}',
  filesNotRead: '; {0} could not be read',
  oneFile: '1 file',
  files: '{0} files',
  oneProblem: '1 problem',
  problems: '{0} problems',
  oneError: '1 error',
  errors: '{0} errors',
  oneWarning: '1 warning',
  warnings: '{0} warnings',
  information: '{0} information',
  oneHint: '1 hint',
  hints: '{0} hints',
  tooManyWarnings: 'too many warnings: {0} found, --max-warnings allows {1}',
  // Reading a file
  fileTooLargeUnknown: 'file too large (more than the limit of {0} KB, {1})',
  fileTooLarge: 'file too large ({0} KB; the limit is {1} KB, {2})',
  noSuchFile: 'no such file or directory',
  permissionDenied: 'permission denied',
  notRegularFile: 'not a regular file ({0})',
  aDirectory: 'a directory',
  // render, diff, review, init, import, export, fix
  renderedPartly: '{0} has {1}; rendered what could be read',
  diffedPartly: '{0} has {1}; diffing what could be read',
  renderFormatMust: '--format must be html, svg or md, got {0}',
  renderNeedsFormat: 'render needs --format html, svg or md',
  needsFileName: '{0} needs a file name',
  diffFormatMust: '--format must be text, md or json, got {0}',
  diffTakesTwo: 'diff takes two canvases (a file or git:REV:path), got {0}',
  diffOneStdin: '- (standard input) can be only one side of a diff: it holds one canvas',
  notACanvas: '{0} is not a canvas ({1})',
  noCanvasKeys: 'no canvas, title or block key',
  reviewTakesNoFiles: 'review takes no files (it finds the changed canvases with git), got {0}',
  reviewFormatMust: '--format must be md, json or text, got {0}',
  initUnknownKind: 'unknown canvas kind {0}; the kinds are {1}',
  initBlankTitle: '--title needs a title that is not blank',
  initOneFile: 'init writes one file, got {0}: {1}',
  namesDirectory: '{0} names a directory, not a file',
  notCanvasName: '{0} does not end in .canvas.yaml or .canvas.yml, so the editor and validate would not treat it as a canvas',
  needsNameBefore: '{0} needs a name before {1}',
  created: 'created {0}',
  wrote: 'wrote {0}',
  notImported: '{0} was not imported; nothing was written',
  notExported: '{0} was not exported; nothing was written',
  cannotWrite: 'cannot write {0}: {1}',
  exportFormatMust: '--format must be text or json, got {0}',
  exportJsonNeedsOutput: '--format json prints the report on standard output: give -o for the BMML file',
  cannotFix: 'cannot fix {0}: {1}',
  fixLeft: 'cannot fix {0}: {1}; left as it was',
  fixChanged: 'cannot fix {0}: it changed while read; left as it was',
  notUtf8: 'not UTF-8 text ({0})',
  oneValueKept: '1 value with no field in a canvas kept under x-bmml:',
  valuesKept: '{0} values with no field in a canvas kept under x-bmml:',
  oneValueDropped: '1 value with no place in BMML dropped:',
  valuesDropped: '{0} values with no place in BMML dropped:',
  // review
  reviewNotDiffed: '(not diffed: a side could not be read)',
  reviewNotDiffedMarkdown: '_Not diffed: a side could not be read._',
  reviewAffected: 'affected: {0} (unchanged, links to this business model)',
  reviewProblemsHeading: '**Problems** ({0})',
  reviewProblemLine: '- **{0}** line {1}, column {2}: {3} ({4})',
  reviewAffectedMarkdown: '**Affected:** {0} (unchanged, links to this business model; {1})',
  reviewHeading: 'Canvas review {0}',
  reviewHeadingMarkdown: '**Canvas review** ({0}): {1}',
  reviewWorkTree: 'work tree',
  reviewNoCanvases: 'No canvases changed',
  reviewSummary: '{0} changed: {1} added, {2} deleted, {3} modified, {4} renamed, {5} copied; {6}, {7}',
  oneCanvas: '1 canvas',
  canvases: '{0} canvases',
  reviewFromMarkdown: '_{0} from_ {1}',
  // a changed canvas's status in a review (the JSON keeps the English word)
  statusAdded: 'added',
  statusDeleted: 'deleted',
  statusModified: 'modified',
  statusRenamed: 'renamed',
  statusCopied: 'copied',
  // a problem's severity in a review (the JSON keeps the English word)
  severityError: 'error',
  severityWarning: 'warning',
  severityInformation: 'information',
  severityHint: 'hint',
} as const;

export type CliMessageId = keyof typeof CLI_MESSAGES;

/** A CLI text in the installed catalogue's language, filled with args. */
export function cliText(id: CliMessageId, ...args: readonly unknown[]): string {
  return translate(CLI_MESSAGES[id], args);
}

/** "1 file" / "3 files" in the CLI's language. */
export function countText(n: number, one: CliMessageId, many: CliMessageId): string {
  return n === 1 ? cliText(one) : cliText(many, n);
}
