import { isMap } from 'yaml';
import { DiagnosticSink } from './diagnosticSink';
import { buildModel, CanvasModel } from './model';
import { parseCanvas, ParsedCanvas } from './parse';
import { runRules } from './rules';
import { reportSchemaProblems } from './schemaDiagnostics';
import type { CanvasDiagnostic, ValidationOptions } from './types';

export interface ValidationResult {
  diagnostics: CanvasDiagnostic[];
  /** Absent when the text was too large to parse (or binary). */
  parsed?: ParsedCanvas;
  /** What could be read of the canvas, also from a file with syntax errors. */
  model?: CanvasModel;
  /** True when this result was produced by revalidating only what an edit touched. */
  incremental?: boolean;
}

/**
 * Parses and validates a canvas: YAML syntax, then the schema, then the semantic rules. Never
 * throws; every problem comes back as a diagnostic with a span into `text`.
 */
const LONE_CR = /\r(?!\n)/g;

/**
 * The result for a file of `length` over `options.maxLength` (one diagnostic, nothing parsed), or
 * undefined when it is within the limit. Lets a host refuse a huge file from its size alone,
 * before reading it.
 */
export function checkSize(length: number, options: ValidationOptions = {}): ValidationResult | undefined {
  if (options.maxLength === undefined || length <= options.maxLength) return undefined;
  const sink = new DiagnosticSink(options.severities, options.localize);
  const kb = (n: number) => String(Math.round(n / 1024));
  sink.add('yaml-syntax', { start: 0, end: 0 }, 'tooLarge', [kb(length), kb(options.maxLength)]);
  return { diagnostics: sink.items };
}

export function validateCanvas(text: string, options: ValidationOptions = {}): ValidationResult {
  const tooLarge = checkSize(text.length, options);
  if (tooLarge) return tooLarge;
  const sink = new DiagnosticSink(options.severities, options.localize);
  // yaml breaks lines on LF only; a lone CR (old Mac line ends, a mixed file) would read as one
  // endless line. Each becomes LF: the same length, so every offset and range stays right.
  const parsed = parseCanvas(text.includes('\r') ? text.replace(LONE_CR, '\n') : text, sink);
  let model: CanvasModel | undefined;
  try {
    // The model is read even from broken YAML: completion and the preview need what is there.
    model = buildModel(parsed.doc);
  } catch (error) {
    reportInternalError(sink, error);
  }
  return diagnose(parsed, model, sink);
}

/**
 * The checks that follow parsing: the schema, then the rules. Shared by full and incremental
 * validation, so both report exactly the same problems for the same parsed document and model.
 */
export function diagnose(parsed: ParsedCanvas, model: CanvasModel | undefined, sink: DiagnosticSink): ValidationResult {
  const { text } = parsed;
  try {
    if (model && !parsed.hasSyntaxErrors) {
      // Known valid (an incremental check of the edited items): nothing for the schema to report.
      if (!parsed.schemaValid) reportSchemaProblems(parsed, sink);
      // Rules judge a canvas; a file that is not even a mapping has its one schema problem instead.
      if (isMap(parsed.doc.contents)) runRules(model, sink, text);
    }
  } catch (error) {
    reportInternalError(sink, error);
  }
  // The parser may point one past the end (an unterminated quote); spans always stay inside the text.
  for (const d of sink.items) {
    d.start = Math.min(Math.max(0, d.start), text.length);
    d.end = Math.min(Math.max(d.start, d.end), text.length);
  }
  const diagnostics = sink.items.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  return { diagnostics, parsed, model };
}

/** A bug in our own code must not take the editor down: report it where the user sees it. */
function reportInternalError(sink: DiagnosticSink, error: unknown): void {
  sink.add('schema', { start: 0, end: 0 }, 'schemaOther', ['Internal error', String(error)]);
}
