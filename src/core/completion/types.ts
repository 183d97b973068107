import type { Span } from '../types';

export interface CompletionItem {
  label: string;
  kind: 'block' | 'field' | 'value' | 'reference' | 'snippet';
  /** One line next to the label: a title from the schema, or a card's name. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /**
   * The text to insert. Lines after the first are indented relative to the cursor's line, as VS Code
   * does by default (leave `keepWhitespace` off).
   */
  insertText: string;
  /** insertText uses VS Code snippet syntax (`${1:name}`, `${1|a,b|}`). */
  isSnippet?: boolean;
  /** The text replaced: the word at the cursor (its typed prefix and the rest of it), or empty at the cursor. */
  range: Span;
  /** Keeps the order given here: blocks in canvas order, fields and values in schema order, ids in file order. */
  sortText?: string;
  filterText?: string;
}

/** An item before its range and order are set. */
export type Draft = Omit<CompletionItem, 'range' | 'sortText'>;
