/**
 * The canvas as Markdown: title, description, then one table per block. Text from the file is
 * escaped so it stays text in any Markdown renderer (no raw HTML, no links but http(s)).
 */
import { escapeMarkdownText, sanitizeMarkdown } from './markdown';
import type { BlockView, CanvasView, CardView, SegmentLegend } from './viewTypes';

const SEVERITY_LABELS: Readonly<Record<string, string>> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };

/** One table cell: Markdown-escaped, pipes escaped, line breaks as <br> (GFM cells are one line). */
export function markdownCell(text: string): string {
  return escapeMarkdownText(text.trim())
    .replace(/\r\n?|\n/g, '<br>')
    .replace(/^([#>+\-=])/, '\\$1');
}

/** Text on one line (a heading or list item). */
function markdownLine(text: string): string {
  return escapeMarkdownText(text.replace(/\s+/g, ' ').trim());
}

function segmentsOf(card: CardView, block: BlockView, legend: ReadonlyMap<string, SegmentLegend>): string {
  // A segment card's first segment is itself: list the sides it is linked to.
  const ids = block.key === 'customer-segments' ? card.segmentIds.slice(1) : card.segmentIds;
  return ids.map((id) => markdownCell(legend.get(id)?.name ?? id)).join(', ');
}

function table(block: BlockView, legend: ReadonlyMap<string, SegmentLegend>): string {
  const header = '| Card | Type | Status | Segments | Tags |\n| --- | --- | --- | --- | --- |';
  const rows = block.cards.map((card) => {
    const cells = [
      markdownCell(card.name),
      card.type ? markdownCell(card.type.label) : '',
      card.status !== undefined ? markdownCell(card.statusLabel ?? card.status) : '',
      segmentsOf(card, block, legend),
      card.tags.map(markdownCell).join(', '),
    ];
    return `| ${cells.join(' | ')} |`.replace(/ {2}\|/g, ' |');
  });
  return [header, ...rows].join('\n');
}

/** The canvas as a Markdown document (GitHub-flavoured tables). */
export function renderMarkdown(view: CanvasView): string {
  const legend = new Map(view.segments.map((s) => [s.id, s]));
  const parts: string[] = [`# ${view.title.trim() ? markdownLine(view.title) : 'Untitled canvas'}`];
  if (view.description?.trim()) parts.push(sanitizeMarkdown(view.description));
  for (const block of view.blocks) {
    parts.push(`## ${markdownLine(block.title)}`);
    parts.push(block.cards.length ? table(block, legend) : `*${markdownLine(block.guide)}*`);
  }
  if (view.problems.length) {
    parts.push(`## Problems (${view.problems.length})`);
    parts.push(
      view.problems
        .map((p) => `- ${SEVERITY_LABELS[p.severity] ?? markdownLine(p.severity)}, line ${p.line}, column ${p.column}: ${markdownLine(p.message)} (${markdownLine(p.code)})`)
        .join('\n'),
    );
  }
  return parts.join('\n\n') + '\n';
}
