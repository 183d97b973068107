/** The diagnostic codes of format.md: stable, shown in the editor, the CLI and JSON output. */
export const RULE_CODES = [
  'yaml-syntax',
  'schema',
  'duplicate-id',
  'unknown-reference',
  'unserved-segment',
  'orphan-card',
  'segment-without-relationship',
  'unlinked-platform-side',
  'failed-segment-check',
  'empty-block',
  'unknown-canvas',
  'unrelieved-pain',
  'uncreated-gain',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';
export type SeverityOverrides = Partial<Record<string, SeveritySetting>>;

/** A half-open span of offsets into the text that was validated. */
export interface Span {
  start: number;
  end: number;
}

export interface CanvasDiagnostic extends Span {
  code: RuleCode;
  severity: Severity;
  /** English text, or the text the caller's localizer produced. */
  message: string;
  /** The untranslated template and its arguments, so any host can localize the message itself. */
  template: string;
  args: string[];
  /** A replacement the user most likely meant (closest enumeration value or key); quick fixes use it. */
  suggestion?: string;
}

/** Formats a message template with `{0}`-style placeholders; hosts pass one that translates first. */
export type Localizer = (template: string, args: readonly string[]) => string;

export interface ValidationOptions {
  severities?: SeverityOverrides;
  localize?: Localizer;
  /** Texts longer than this (in UTF-16 units) are not parsed; one diagnostic says why. */
  maxLength?: number;
}
