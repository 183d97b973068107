import type { TextEdit } from '../edits';
import type { CanvasModel } from '../model';
import type { ParsedCanvas } from '../parse';
import type { CanvasDiagnostic } from '../types';
import type { ListStyle } from './sequences';

/** A quick fix: edits to the text the diagnostic was computed on, and a title to show. */
export interface CodeAction {
  /** English title; `titleTemplate` and `titleArgs` let the host localize it. */
  title: string;
  titleTemplate: string;
  titleArgs: string[];
  edits: TextEdit[];
  /** The one fix that is most likely right (VS Code applies it with "auto fix"). */
  isPreferred?: boolean;
  /** Safe to apply without a human choice (`validate --fix`): see SAFE_FIXES in titles.ts. */
  safe?: boolean;
  diagnosticCode: string;
}

/** What every fix reads: the text, the diagnostic, its YAML tree and model, the file's list style. */
export interface FixContext {
  text: string;
  diagnostic: CanvasDiagnostic;
  parsed: ParsedCanvas;
  model: CanvasModel;
  style: ListStyle;
}
