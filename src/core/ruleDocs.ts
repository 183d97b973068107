/**
 * What each diagnostic code means, for tools that describe rules (the CLI's SARIF output). The
 * words are those of the `canvasAsCode.rules` setting (package.nls.json, `configuration.rules.<code>`,
 * the format.md table's wording): one text, read here, never copied.
 */
import nls from '../../package.nls.json';
import { DEFAULT_SEVERITIES } from './severity';
import { RULE_CODES } from './types';
import type { RuleCode, Severity } from './types';

export interface RuleDoc {
  code: RuleCode;
  /** One sentence, Markdown (code spans in backticks), as the setting shows it. */
  markdown: string;
  /** The same sentence as plain text (backticks dropped). */
  text: string;
  defaultSeverity: Severity;
}

const descriptions = nls as unknown as Readonly<Record<string, string | undefined>>;

/** One entry per code, in {@link RULE_CODES} order. */
export const RULE_DOCS: readonly RuleDoc[] = RULE_CODES.map((code) => {
  const markdown = descriptions[`configuration.rules.${code}`] ?? code;
  return { code, markdown, text: markdown.replace(/`/g, ''), defaultSeverity: DEFAULT_SEVERITIES[code] };
});
