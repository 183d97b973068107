import { MESSAGES, MessageId, formatTemplate } from './messages';
import { effectiveSeverity } from './severity';
import type { CanvasDiagnostic, Localizer, RuleCode, SeverityOverrides, Span } from './types';

/**
 * Collects diagnostics: applies the user's severities (dropping rules turned off), localizes, and
 * keeps one diagnostic per code and span so a problem is never reported twice.
 */
export class DiagnosticSink {
  readonly items: CanvasDiagnostic[] = [];
  private readonly seen = new Set<string>();
  private readonly starts = new Set<number>();
  private readonly schemaStarts = new Set<number>();

  constructor(
    private readonly severities: SeverityOverrides | undefined,
    private readonly localize: Localizer = formatTemplate,
  ) {}

  add(code: RuleCode, span: Span, id: MessageId, args: readonly unknown[] = [], suggestion?: string): void {
    const severity = effectiveSeverity(code, this.severities);
    if (severity === 'off') return;
    const textArgs = args.map(String);
    // Same code, place and message: the same problem found twice (several missing blocks share a place).
    const key = `${code}:${span.start}:${span.end}:${id}:${textArgs.join('\u0000')}`;
    if (this.seen.has(key)) return;
    // A card the schema already rejected at this spot is one problem: the rules stay quiet there.
    // (Missing blocks are only shown on the canvas key by convention; they are never a cascade.)
    if (code !== 'schema' && code !== 'yaml-syntax' && code !== 'empty-block' && this.schemaStarts.has(span.start)) return;
    this.seen.add(key);
    this.starts.add(span.start);
    if (code === 'schema') this.schemaStarts.add(span.start);
    const template = MESSAGES[id];
    const diagnostic: CanvasDiagnostic = {
      code,
      severity,
      message: this.localize(template, textArgs),
      template,
      args: textArgs,
      start: span.start,
      end: span.end,
    };
    if (suggestion !== undefined) diagnostic.suggestion = suggestion;
    this.items.push(diagnostic);
  }

  /** True when some diagnostic already starts at this offset (rules then stay quiet there). */
  hasAnyAt(start: number): boolean {
    return this.starts.has(start);
  }
}
