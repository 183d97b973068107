import type * as vscode from 'vscode';

/**
 * Whether two lists of diagnostics say the same: ranges, messages, severities, sources, codes,
 * tags and related information, in order. The diagnostics controller publishes a document's
 * diagnostics only when they differ from what the collection holds: while typing in a valid
 * canvas they are the same on every key, and each publication is work for the workbench's
 * renderer (markers, decorations, the Problems view, the status bar) that the preview's update
 * waits behind.
 */
export function sameDiagnostics(a: readonly vscode.Diagnostic[], b: readonly vscode.Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i], b[i])) return false;
  return true;
}

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return (
    a.range.isEqual(b.range) &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.source === b.source &&
    sameCode(a.code, b.code) &&
    sameList(a.tags, b.tags, (x, y) => x === y) &&
    sameList(a.relatedInformation, b.relatedInformation, (x, y) => x.message === y.message && x.location.uri.toString() === y.location.uri.toString() && x.location.range.isEqual(y.location.range))
  );
}

function sameCode(a: vscode.Diagnostic['code'], b: vscode.Diagnostic['code']): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return a.value === b.value && a.target.toString() === b.target.toString();
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.length === b.length && a.every((x, i) => same(x, b[i]));
}
