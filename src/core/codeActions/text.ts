import { parse } from 'yaml';
import type { Span } from '../types';

/** The file's own line break (its first one), so an edit never mixes LF into a CRLF file. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset`, before its line break. */
export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** The start of the line after the one holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

export function spaces(count: number): string {
  return ' '.repeat(Math.max(0, count));
}

/** Moves back over white space and line breaks (block scalars keep their final line break in their range). */
export function trimBack(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The first offset at or after `offset` that is not a space or tab. */
export function skipBlanks(text: string, offset: number): number {
  while (offset < text.length && (text[offset] === ' ' || text[offset] === '\t')) offset++;
  return offset;
}

/** The offset just past the `:` that follows a mapping key ending at `keyEnd` (undefined if none). */
export function colonAfter(text: string, keyEnd: number): number | undefined {
  const i = skipBlanks(text, keyEnd);
  return text[i] === ':' ? i + 1 : undefined;
}

/**
 * The text to write for a string value: plain when YAML reads it back as that same string, else
 * double-quoted (an id like `2024` or `true` would otherwise become a number or a boolean).
 */
export function yamlString(value: string): string {
  let read: unknown;
  try {
    read = parse(value, { logLevel: 'error' });
  } catch {
    read = undefined;
  }
  return read === value && !/[,[\]{}#]/.test(value) ? value : JSON.stringify(value);
}

/**
 * The part of a written scalar that holds its text: inside the quotes of a quoted scalar, the
 * scalar itself when plain. Undefined for forms whose text is not written verbatim (escapes,
 * block scalars, folded lines): those are replaced whole.
 */
export function innerSpan(text: string, span: Span, value: string): Span | undefined {
  const written = text.slice(span.start, span.end);
  if (written === value) return { start: span.start, end: span.end };
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.length === value.length + 2 && written.endsWith(quote) && written.slice(1, -1) === value) {
    return { start: span.start + 1, end: span.end - 1 };
  }
  return undefined;
}

/** Replaces the text of a written scalar by a new string, keeping its quotes. */
export function replaceScalar(text: string, span: Span, value: string, newValue: string): { start: number; end: number; newText: string } {
  const inner = innerSpan(text, span, value);
  if (inner && inner.start !== span.start) {
    // Inside quotes: escape what the quote style needs (kebab-case ids and enum values never do).
    const quote = text[span.start];
    const escaped = quote === "'" ? newValue.replace(/'/g, "''") : JSON.stringify(newValue).slice(1, -1);
    return { ...inner, newText: escaped };
  }
  return { start: span.start, end: trimBack(text, span.start, span.end), newText: yamlString(newValue) };
}

/** `urban-riders` -> `Urban riders`: a readable name for a card created from an id. */
export function nameFromId(id: string): string {
  const words = id.split('-').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `Urban Riders!` -> `urban-riders`; empty when nothing of the text fits an id (e.g. Korean text). */
export function kebabCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toLowerCase() ? text[0].toLowerCase() + text.slice(1) : text;
}
