import type { DiagnosticSink } from '../diagnosticSink';
import { LineIndex } from '../lineIndex';
import type { CanvasModel } from '../model';

export interface RuleContext {
  model: CanvasModel;
  sink: DiagnosticSink;
  text: string;
  /** 1-based line of an offset, for messages that point elsewhere in the file. */
  lineOf(offset: number): number;
}

export function createRuleContext(model: CanvasModel, sink: DiagnosticSink, text: string): RuleContext {
  let index: LineIndex | undefined;
  return {
    model,
    sink,
    text,
    lineOf(offset) {
      index ??= new LineIndex(text);
      return index.positionAt(offset).line + 1;
    },
  };
}

export type Rule = (context: RuleContext) => void;

/** A card's name for messages: its name, else its id, else its position. */
export function cardLabel(card: { name?: string; id?: { value: string }; index: number }): string {
  return card.name ?? card.id?.value ?? `#${card.index + 1}`;
}
