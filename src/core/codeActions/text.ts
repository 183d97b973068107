import { parse } from 'yaml';
import type { Span } from '../types';

/**
 * The file's own line break (its first one: CRLF, LF or a lone CR), so an edit never mixes line
 * endings; LF in a file of one line.
 */
export function eolOf(text: string): string {
  const i = text.search(/[\r\n]/);
  if (i === -1 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

/**
 * Whether a lone CR ends a line: only in a file whose line breaks are lone CRs. Elsewhere (as for
 * the YAML parser) a CR not followed by LF is part of its line.
 */
const crBreaks = (text: string): boolean => eolOf(text) === '\r';

/** The start of the line holding `offset` (after an LF, a CRLF, or in a CR file a lone CR). */
export function lineStartOf(text: string, offset: number): number {
  const cr = crBreaks(text);
  let i = Math.min(offset, text.length);
  // Inside a CRLF pair, the line is the one the CR ends.
  if (text[i - 1] === '\r' && text[i] === '\n') i--;
  while (i > 0 && text[i - 1] !== '\n' && !(cr && text[i - 1] === '\r')) i--;
  return i;
}

/** The end of the line holding `offset`, before its line break. */
export function lineEndOf(text: string, offset: number): number {
  // On the LF of a CRLF: the line ends before its CR.
  if (text[offset] === '\n' && text[offset - 1] === '\r') return offset - 1;
  const cr = crBreaks(text);
  let i = offset;
  while (i < text.length && text[i] !== '\n' && !(cr && text[i] === '\r')) i++;
  return text[i] === '\n' && i > offset && text[i - 1] === '\r' ? i - 1 : i;
}

/** The start of the line after the one holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndOf(text, offset);
  if (end >= text.length) return text.length;
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}

/**
 * The column of an offset, as YAML counts indentation: a byte order mark at the start of the file
 * is not part of the first line (its keys are at column 0, and so must be the keys added after them).
 */
export function columnOf(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  return offset - start - (start === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
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
  return read === value && !/[,[\]{}#]/.test(value) && !YAML_11_SCALAR.test(value) ? value : JSON.stringify(value);
}

/** Plain words a YAML 1.1 reader takes for a boolean, and dates it takes for a timestamp: quoted for them. */
const YAML_11_SCALAR = /^(?:y|n|yes|no|on|off|true|false)$|^\d{4}-\d\d?-\d\d?(?:$|[Tt ])/i;

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
  // A line break inside single quotes would be folded to a space: such a value is written anew.
  const quoteKeepsIt = !(text[span.start] === "'" && /[\r\n]/.test(newValue));
  if (inner && inner.start !== span.start && quoteKeepsIt) {
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
