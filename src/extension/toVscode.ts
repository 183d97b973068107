import * as vscode from 'vscode';
import { translate } from '../core';
import type { CanvasDiagnostic, Severity } from '../core';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'canvas-as-code';

/**
 * Core templates are English and keyed by that text, as vscode.l10n.t expects. Looked up in the
 * bundle VS Code loaded, installed into the core's translator at activation (extension.ts): the
 * same lookup, with its per-string fallback (a translation with other placeholders is not used).
 */
export function localize(template: string, args: readonly string[]): string {
  return translate(template, args);
}

/** Converts core diagnostics (offsets) to VS Code diagnostics (positions) on a text. */
export function toVscodeDiagnostics(
  diagnostics: readonly CanvasDiagnostic[],
  positionAt: (offset: number) => vscode.Position,
): vscode.Diagnostic[] {
  return diagnostics.map((d) => {
    const range = new vscode.Range(positionAt(d.start), positionAt(d.end));
    const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = d.code;
    return diagnostic;
  });
}
