/**
 * The canvas at the end of a link, judged once per text: a business model named by a hundred
 * value-proposition canvases (or re-checked on every keystroke in one of them) is validated once,
 * and again only when its text changes.
 */
import type { CanvasModel } from '../model';
import { isCanvasKind } from '../kinds';
import { validateCanvas } from '../validate';
import type { ValidationResult } from '../validate';
import { LineIndex } from '../lineIndex';
import { MESSAGES } from '../messages';
import type { LinkMessageId } from './messages';

/**
 * What the host found at a path. `result`: the host's own validation of exactly this text (an
 * open editor's), reused instead of validating again. Problems: `tooLarge` args are the size and
 * the limit in KB; `unreadable` args the reason; `outside`: the path is inside the root but the
 * file is not (a symbolic link leads out).
 */
export type LinkRead =
  | { text: string; result?: ValidationResult }
  | { problem: 'missing' | 'directory' | 'tooLarge' | 'unreadable' | 'outside'; args?: string[] };

/** Reads a linked file for the core (which has no file system). Must not throw. */
export type LinkReader = (path: string) => LinkRead;

/** A business-model canvas, or why the file is not one (message and arguments after the path). */
export type JudgedTarget = { model: CanvasModel; text: string } | { problem: LinkMessageId; args: string[] };

interface Entry {
  text: string;
  judged: JudgedTarget;
}

/** The kind a canvas's text declares (`canvas:`), when it is one the format knows. */
function declaredKind(result: ValidationResult): string | undefined {
  const value = result.parsed?.value as { canvas?: unknown } | undefined;
  const kind = value && typeof value === 'object' && !Array.isArray(value) ? value.canvas : undefined;
  return isCanvasKind(kind) ? kind : undefined;
}

/** Judges a validated text: a business model, or which problem to report. */
export function judgeTarget(text: string, result: ValidationResult): JudgedTarget {
  // Binary (a NUL character) or too large to parse: no canvas, whatever else the text holds.
  if (!result.parsed || !result.model || result.diagnostics.some((d) => d.template === MESSAGES.notText)) return { problem: 'notCanvas', args: [] };
  if (result.parsed.hasSyntaxErrors) {
    const first = result.diagnostics.find((d) => d.code === 'yaml-syntax');
    const line = first ? new LineIndex(text).positionAt(first.start).line + 1 : 1;
    return { problem: 'syntax', args: [String(line)] };
  }
  const kind = declaredKind(result);
  if (kind === undefined) return { problem: 'notCanvas', args: [] };
  if (kind === 'value-proposition') return { problem: 'valueProposition', args: [] };
  if (kind !== 'business-model') return { problem: 'otherKind', args: [kind] };
  return { model: result.model, text };
}

/**
 * The judged targets of one session (a CLI run, an editor window), by path. A path's entry is
 * reused while its text is the same string; a new text replaces it.
 */
export class LinkTargets {
  private readonly entries = new Map<string, Entry>();
  /** How many texts were validated here (tests and the bench check the cache with it). */
  validations = 0;

  judge(path: string, read: LinkRead): JudgedTarget {
    if ('problem' in read) {
      this.entries.delete(path);
      return { problem: read.problem, args: read.args ?? [] };
    }
    const cached = this.entries.get(path);
    if (cached && cached.text === read.text) return cached.judged;
    let result = read.result;
    if (!result) {
      this.validations++;
      result = validateCanvas(read.text);
    }
    const judged = judgeTarget(read.text, result);
    this.entries.set(path, { text: read.text, judged });
    return judged;
  }

  /** The business model last judged at `path` (undefined when none, or not a business model). */
  modelAt(path: string): { model: CanvasModel; text: string } | undefined {
    const judged = this.entries.get(path)?.judged;
    return judged && 'model' in judged ? judged : undefined;
  }

  forget(path: string): void {
    this.entries.delete(path);
  }

  clear(): void {
    this.entries.clear();
  }
}
