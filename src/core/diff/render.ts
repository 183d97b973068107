/** Renderers of a CanvasDiff: plain text for terminals, compact Markdown for pull request comments. */
import { BLOCK_BY_KEY } from '../schema';
import type { BlockDiff, CanvasDiff, CardRef, DiffSummary, FieldChange } from './diff';

const MAX_VALUE = 80;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VALUE ? oneLine.slice(0, MAX_VALUE - 1) + '…' : oneLine;
}

function plural(n: number, word: string): string {
  return `${n} ${word}`;
}

/** "2 added, 1 removed, 3 changed, 1 moved" (title and description changes appended). */
export function summaryLine(diff: CanvasDiff): string {
  if (diff.equal) return 'No changes';
  const s: DiffSummary = diff.summary;
  const parts = [plural(s.added, 'added'), plural(s.removed, 'removed'), plural(s.changed, 'changed'), plural(s.moved, 'moved')];
  if (diff.title) parts.push('title changed');
  if (diff.description) parts.push('description changed');
  return parts.join(', ');
}

function blockTitle(key: string): string {
  return BLOCK_BY_KEY.get(key)?.title ?? key;
}

// ---------------------------------------------------------------------------------------------
// Text

function textLabel(card: CardRef): string {
  const name = card.name === undefined ? `#${card.index + 1}` : `"${clip(card.name)}"`;
  return card.id !== undefined ? `${name} (${card.id})` : name;
}

function textValue(value: string | undefined): string {
  return value === undefined ? '(none)' : `"${clip(value)}"`;
}

function textChange(change: FieldChange): string {
  if (change.kind === 'value') return `${change.field}: ${textValue(change.from)} -> ${textValue(change.to)}`;
  const parts = [...change.gained.map((x) => `+${x}`), ...change.lost.map((x) => `-${x}`)];
  return `${change.field}: ${parts.join(' ')}`;
}

function textBlock(block: BlockDiff, lines: string[]): void {
  lines.push(`${block.title}${block.reordered ? ' (reordered)' : ''}`);
  for (const card of block.added) lines.push(`  + ${textLabel(card)}`);
  for (const card of block.removed) lines.push(`  - ${textLabel(card)}`);
  for (const card of block.changed) {
    lines.push(`  ~ ${textLabel(card)}`);
    for (const change of card.changes) lines.push(`      ${textChange(change)}`);
  }
  for (const card of block.moved) {
    lines.push(`  > ${textLabel(card)} moved from ${blockTitle(card.from)}`);
    for (const change of card.changes) lines.push(`      ${textChange(change)}`);
  }
}

/** A terminal report: the summary, title and description changes, then each changed block. */
export function diffToText(diff: CanvasDiff): string {
  const lines: string[] = [summaryLine(diff)];
  if (diff.title) lines.push(`Title: ${textValue(diff.title.from)} -> ${textValue(diff.title.to)}`);
  if (diff.description) lines.push(`Description: ${textValue(diff.description.from)} -> ${textValue(diff.description.to)}`);
  for (const block of diff.blocks) textBlock(block, lines);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown

const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '@': '&#64;' };

/** Escapes text for inline Markdown (GitHub flavour): no markup, links, HTML, table breaks or @mentions. */
export function escapeMarkdown(text: string): string {
  return clip(text).replace(/[\\`*_[\]<>|~&@]/g, (c) => ENTITIES[c] ?? '\\' + c);
}

function code(text: string): string {
  const clean = clip(text).replace(/`/g, "'");
  return '`' + clean + '`';
}

function mdLabel(card: CardRef): string {
  const name = card.name === undefined ? `card ${card.index + 1}` : escapeMarkdown(card.name);
  return card.id !== undefined ? `${name} (${code(card.id)})` : name;
}

function mdValue(value: string | undefined): string {
  return value === undefined || value === '' ? '_none_' : escapeMarkdown(value);
}

function mdChange(change: FieldChange): string {
  if (change.kind === 'value') return `${change.field}: ~~${mdValue(change.from)}~~ → **${mdValue(change.to)}**`;
  const parts = [...change.gained.map((x) => `+${code(x)}`), ...change.lost.map((x) => `−${code(x)}`)];
  return `${change.field} ${parts.join(' ')}`;
}

/** A compact pull request comment: the summary line, then a bullet list per changed block. */
export function diffToMarkdown(diff: CanvasDiff): string {
  const lines: string[] = [`**Canvas changes:** ${summaryLine(diff)}`];
  if (diff.title || diff.description) lines.push('');
  if (diff.title) lines.push(`- Title: ~~${mdValue(diff.title.from)}~~ → **${mdValue(diff.title.to)}**`);
  if (diff.description) lines.push(`- Description: ~~${mdValue(diff.description.from)}~~ → **${mdValue(diff.description.to)}**`);
  for (const block of diff.blocks) {
    const items: string[] = [];
    for (const card of block.added) items.push(`- **added** ${mdLabel(card)}`);
    for (const card of block.removed) items.push(`- ~~removed~~ ~~${mdLabel(card)}~~`);
    for (const card of block.changed) items.push(`- changed ${mdLabel(card)}: ${card.changes.map(mdChange).join('; ')}`);
    for (const card of block.moved) {
      const details = card.changes.length ? `: ${card.changes.map(mdChange).join('; ')}` : '';
      items.push(`- moved ${mdLabel(card)} from ${escapeMarkdown(blockTitle(card.from))}${details}`);
    }
    if (block.reordered) items.push('- _cards reordered_');
    lines.push('', `**${escapeMarkdown(block.title)}**`, ...items);
  }
  return lines.join('\n') + '\n';
}
