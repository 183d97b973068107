import { readFileSync } from 'node:fs';
import { LineIndex, validateCanvas } from '../core';
import type { CanvasDiagnostic } from '../core';
import { expandArguments } from './files';

export interface CliDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** A UTF-8 BOM is not part of the text an editor shows, so columns are counted without it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function toCliDiagnostics(file: string, text: string, diagnostics: readonly CanvasDiagnostic[]): CliDiagnostic[] {
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const start = index.positionAt(d.start);
    const end = index.positionAt(d.end);
    return {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}

/** `validate <files or globs…> [--format text|json]`: exit 1 when any error is found. */
export function runValidate(args: readonly string[], format: 'text' | 'json', io: Io): number {
  const { files, unmatched } = expandArguments(args, io.cwd);
  for (const arg of unmatched) io.err(`canvas-as-code: no canvas file matches "${arg}"\n`);
  if (unmatched.length) return 2;
  const counts = { error: 0, warning: 0, information: 0, hint: 0 } as Record<string, number>;
  let first = true;
  if (format === 'json') io.out('[');
  for (const file of files) {
    let text: string;
    try {
      text = stripBom(readFileSync(file.startsWith('/') ? file : `${io.cwd}/${file}`, 'utf8'));
    } catch (error) {
      io.err(`canvas-as-code: cannot read ${file}: ${(error as Error).message}\n`);
      counts.error++;
      continue;
    }
    const found = toCliDiagnostics(file, text, validateCanvas(text).diagnostics);
    for (const d of found) {
      counts[d.severity]++;
      if (format === 'json') {
        io.out((first ? '\n  ' : ',\n  ') + JSON.stringify(d));
        first = false;
      } else {
        io.out(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
  }
  if (format === 'json') io.out(first ? ']\n' : '\n]\n');
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.err(
    `${plural(files.length, 'file')} checked: ${plural(total, 'problem')} ` +
      `(${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')})\n`,
  );
  return counts.error > 0 ? 1 : 0;
}
