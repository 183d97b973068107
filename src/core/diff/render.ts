/**
 * Renderers of a CanvasDiff: plain text for terminals and CI logs, compact Markdown for pull
 * request comments. Every text from a canvas (card names, ids, field names, values) is escaped:
 * {@link visibleText} for the terminal, markdownEscape.ts for Markdown.
 */
import { markdownCode, markdownText } from '../render/markdownEscape';
import { CANVAS_KINDS, kindInfo } from '../schema';
import { visibleText } from '../visibleText';
import type { BlockDiff, CanvasDiff, CardRef, DiffSummary, FieldChange } from './diff';
import { translate } from '../l10n';
import { DIFF_MESSAGES as M } from './messages';

const MAX_VALUE = 80;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VALUE ? oneLine.slice(0, MAX_VALUE - 1) + '…' : oneLine;
}


/** "2 added, 1 removed, 3 changed, 1 moved" (title and description changes appended). */
export function summaryLine(diff: CanvasDiff): string {
  if (diff.equal) return translate(M.noChanges);
  const s: DiffSummary = diff.summary;
  const parts = [translate(M.added, [s.added]), translate(M.removed, [s.removed]), translate(M.changed, [s.changed]), translate(M.moved, [s.moved])];
  if (diff.title) parts.push(translate(M.titleChanged));
  if (diff.description) parts.push(translate(M.descriptionChanged));
  for (const { field } of diff.fields) parts.push(translate(M.fieldChanged, [field]));
  return parts.join(', ');
}

/**
 * The title of the block a card moved from. The diff does not carry the kinds, and needs not: a
 * block key means the same block, with the same title, in every kind that has it (channels,
 * customer-segments, cost-structure and revenue-streams are in the business model and the Lean
 * Canvas alike; test/unit/vocabulary.test.ts holds to that).
 */
function blockTitle(key: string): string {
  for (const kind of CANVAS_KINDS) {
    const block = kindInfo(kind).blockByKey.get(key);
    if (block) return block.title;
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// Text

/** One line of canvas text for a terminal: clipped, then control, line-breaking and bidi characters made visible. */
function shown(text: string): string {
  return visibleText(clip(text));
}

function textLabel(card: CardRef): string {
  const name = card.name === undefined ? `#${card.index + 1}` : `"${shown(card.name)}"`;
  return card.id !== undefined ? `${name} (${visibleText(card.id)})` : name;
}

function textValue(value: string | undefined): string {
  return value === undefined ? translate(M.none) : `"${shown(value)}"`;
}

function textChange(change: FieldChange): string {
  const field = visibleText(change.field);
  if (change.kind === 'value') return `${field}: ${textValue(change.from)} -> ${textValue(change.to)}`;
  const parts = [...change.gained.map((x) => `+${visibleText(x)}`), ...change.lost.map((x) => `-${visibleText(x)}`)];
  return `${field}: ${parts.join(' ')}`;
}

function textBlock(block: BlockDiff, lines: string[]): void {
  lines.push(block.reordered ? translate(M.reordered, [visibleText(block.title)]) : visibleText(block.title));
  for (const card of block.added) lines.push(`  + ${textLabel(card)}`);
  for (const card of block.removed) lines.push(`  - ${textLabel(card)}`);
  for (const card of block.changed) {
    lines.push(`  ~ ${textLabel(card)}`);
    for (const change of card.changes) lines.push(`      ${textChange(change)}`);
  }
  for (const card of block.moved) {
    lines.push(`  > ${translate(M.movedFrom, [textLabel(card), visibleText(blockTitle(card.from))])}`);
    for (const change of card.changes) lines.push(`      ${textChange(change)}`);
  }
}

/** A terminal report: the summary, title and description changes, then each changed block. */
export function diffToText(diff: CanvasDiff): string {
  const lines: string[] = [summaryLine(diff)];
  if (diff.title) lines.push(translate(M.titleLine, [textValue(diff.title.from), textValue(diff.title.to)]));
  if (diff.description) lines.push(translate(M.descriptionLine, [textValue(diff.description.from), textValue(diff.description.to)]));
  for (const change of diff.fields) lines.push(`${change.field}: ${textValue(change.from)} -> ${textValue(change.to)}`);
  for (const block of diff.blocks) textBlock(block, lines);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Canvas text in a Markdown line: clipped to one short line, then escaped. */
function mdText(text: string): string {
  return markdownText(clip(text));
}

/** Canvas text as an inline code span (ids, references, tags), clipped. */
function code(text: string): string {
  return markdownCode(clip(text));
}

function mdLabel(card: CardRef): string {
  const name = card.name === undefined ? translate(M.markdownCard, [card.index + 1]) : mdText(card.name);
  return card.id !== undefined ? `${name} (${code(card.id)})` : name;
}

function mdValue(value: string | undefined): string {
  return value === undefined || clip(value) === '' ? translate(M.markdownNone) : mdText(value);
}

function mdChange(change: FieldChange): string {
  const field = mdText(change.field);
  if (change.kind === 'value') return `${field}: ~~${mdValue(change.from)}~~ → **${mdValue(change.to)}**`;
  const parts = [...change.gained.map((x) => `+${code(x)}`), ...change.lost.map((x) => `−${code(x)}`)];
  return `${field} ${parts.join(' ')}`;
}

export interface MarkdownDiffOptions {
  /** The canvas's file name: when given, the comment starts with it as a heading (`### \`path\``). */
  file?: string;
}

/**
 * A compact pull request comment: the summary line, then a bullet list per changed block. Safe to
 * post as is: no text from the canvas (or the file name) can add markup, HTML, links but http(s),
 * mentions, issue references or math (see markdownEscape.ts).
 */
export function diffToMarkdown(diff: CanvasDiff, options: MarkdownDiffOptions = {}): string {
  const lines: string[] = [];
  if (options.file !== undefined) lines.push(`### ${markdownCode(options.file)}`, '');
  lines.push(translate(M.markdownHeading, [summaryLine(diff)]));
  if (diff.title || diff.description || diff.fields.length) lines.push('');
  if (diff.title) lines.push(translate(M.markdownTitle, [mdValue(diff.title.from), mdValue(diff.title.to)]));
  if (diff.description) lines.push(translate(M.markdownDescription, [mdValue(diff.description.from), mdValue(diff.description.to)]));
  for (const change of diff.fields) lines.push(`- ${markdownCode(change.field)}: ~~${mdValue(change.from)}~~ → **${mdValue(change.to)}**`);
  for (const block of diff.blocks) {
    const items: string[] = [];
    for (const card of block.added) items.push(translate(M.markdownAdded, [mdLabel(card)]));
    for (const card of block.removed) items.push(translate(M.markdownRemoved, [mdLabel(card)]));
    for (const card of block.changed) items.push(translate(M.markdownChanged, [mdLabel(card), card.changes.map(mdChange).join('; ')]));
    for (const card of block.moved) {
      const details = card.changes.length ? `: ${card.changes.map(mdChange).join('; ')}` : '';
      items.push(translate(M.markdownMoved, [mdLabel(card), mdText(blockTitle(card.from)), details]));
    }
    if (block.reordered) items.push(translate(M.markdownReordered));
    lines.push('', `**${mdText(block.title)}**`, ...items);
  }
  return lines.join('\n') + '\n';
}
