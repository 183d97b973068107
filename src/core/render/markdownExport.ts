/**
 * The canvas as Markdown: title, description, then one table per block. Text from the file goes
 * through markdownEscape.ts, so it stays text in GitHub's and any CommonMark renderer (no raw HTML,
 * no link but http(s), no mention, reference or math); descriptions keep their safe subset.
 */
import { sanitizeMarkdown } from './markdown';
import { markdownCell, markdownHeading, markdownText } from './markdownEscape';
import type { BlockView, CanvasView, CardView, SegmentLegend } from './viewTypes';

const SEVERITY_LABELS: Readonly<Record<string, string>> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };

/** Text on one line (a list item or emphasis): whitespace runs, line breaks included, as one space. */
function markdownLine(text: string): string {
  return markdownText(text.replace(/\s+/g, ' ').trim());
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
  const parts: string[] = [markdownHeading(1, view.title.trim() ? view.title : 'Untitled canvas')];
  if (view.description?.trim()) parts.push(sanitizeMarkdown(view.description));
  for (const block of view.blocks) {
    parts.push(markdownHeading(2, block.title));
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
