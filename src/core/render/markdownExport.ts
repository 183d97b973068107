/**
 * The canvas as Markdown: title, kind, links, description, then one table per block (under its
 * group's heading when the kind has groups: the value map, then the customer profile). Text from the file goes
 * through markdownEscape.ts, so it stays text in GitHub's and any CommonMark renderer (no raw HTML,
 * no link but http(s), no mention, reference or math); descriptions keep their safe subset.
 */
import { lookup, translate } from '../l10n';
import { RENDER_MESSAGES as R } from './messages';
import { sanitizeMarkdown } from './markdown';
import { markdownCell, markdownCode, markdownHeading, markdownText } from './markdownEscape';
import type { BlockView, CanvasView, CardView, SegmentLegend } from './viewTypes';

interface Column {
  title: string;
  cell(card: CardView): string;
}

/** A problem's severity as a word (translated); an unknown one as written. */
function severityLabel(severity: string): string | undefined {
  return severity === 'error' || severity === 'warning' || severity === 'information' || severity === 'hint' ? lookup(R[severity]) : undefined;
}

/** Text on one line (a list item or emphasis): whitespace runs, line breaks included, as one space. */
function markdownLine(text: string): string {
  return markdownText(text.replace(/\s+/g, ' ').trim());
}

/** The segments a card is tied to, but for a segment card's first: itself (the sides it is linked to remain). */
function segmentIdsOf(card: CardView, block: BlockView): string[] {
  return block.key === 'customer-segments' ? card.segmentIds.slice(1) : card.segmentIds;
}

function segmentsOf(card: CardView, block: BlockView, legend: ReadonlyMap<string, SegmentLegend>): string {
  return segmentIdsOf(card, block).map((id) => markdownCell(legend.get(id)?.name ?? id)).join(', ');
}

/**
 * The block's columns: card, type and status always; the kind's ratings (severity, relevance) and
 * reference fields (relieves …) its cards use; segments on the business model (or where a card
 * has some); tags.
 */
function columns(view: CanvasView, block: BlockView, legend: ReadonlyMap<string, SegmentLegend>): Column[] {
  const out: Column[] = [
    { title: lookup(R.card), cell: (card) => markdownCell(card.name) },
    { title: lookup(R.type), cell: (card) => (card.type ? markdownCell(card.type.label) : '') },
    { title: lookup(R.status), cell: (card) => (card.status !== undefined ? markdownCell(card.statusLabel ?? card.status) : '') },
  ];
  const ratings = new Map<string, string>();
  const refs = new Map<string, string>();
  for (const card of block.cards) {
    for (const r of card.ratings ?? []) if (!ratings.has(r.field)) ratings.set(r.field, r.title);
    for (const r of card.refs ?? []) if (!refs.has(r.field)) refs.set(r.field, r.title);
  }
  for (const [field, title] of ratings) {
    out.push({ title: markdownCell(title), cell: (card) => markdownCell(card.ratings?.find((r) => r.field === field)?.label ?? '') });
  }
  if (view.kind === 'business-model' || block.cards.some((card) => segmentIdsOf(card, block).length)) {
    out.push({ title: lookup(R.segments), cell: (card) => segmentsOf(card, block, legend) });
  }
  for (const [field, title] of refs) {
    out.push({
      title: markdownCell(title),
      cell: (card) => (card.refs?.find((r) => r.field === field)?.cards ?? []).map((c) => markdownCell(c.name || c.key)).join(', '),
    });
  }
  out.push({ title: lookup(R.tags), cell: (card) => card.tags.map(markdownCell).join(', ') });
  return out;
}

function table(view: CanvasView, block: BlockView, legend: ReadonlyMap<string, SegmentLegend>): string {
  const cols = columns(view, block, legend);
  const header = `| ${cols.map((c) => c.title).join(' | ')} |\n|${' --- |'.repeat(cols.length)}`;
  const rows = block.cards.map((card) => `| ${cols.map((c) => c.cell(card)).join(' | ')} |`.replace(/ {2}\|/g, ' |'));
  return [header, ...rows].join('\n');
}

function blockParts(view: CanvasView, block: BlockView, level: number, legend: ReadonlyMap<string, SegmentLegend>): string[] {
  return [markdownHeading(level, block.title), block.cards.length ? table(view, block, legend) : `*${markdownLine(block.guide)}*`];
}

/** The canvas as a Markdown document (GitHub-flavoured tables). */
export function renderMarkdown(view: CanvasView): string {
  const legend = new Map(view.segments.map((s) => [s.id, s]));
  const parts: string[] = [markdownHeading(1, view.title.trim() ? view.title : lookup(R.untitled))];
  parts.push(`*${markdownLine(view.kindTitle)}*`);
  if (view.links.length) parts.push(view.links.map((l) => `${markdownLine(l.title)}: ${markdownCode(l.value)}`).join(' · '));
  if (view.description?.trim()) parts.push(sanitizeMarkdown(view.description));
  const grouped = new Set<string>();
  for (const group of view.groups) {
    parts.push(markdownHeading(2, group.title));
    for (const block of view.blocks.filter((b) => b.group === group.key)) {
      grouped.add(block.key);
      parts.push(...blockParts(view, block, 3, legend));
    }
  }
  for (const block of view.blocks) if (!grouped.has(block.key)) parts.push(...blockParts(view, block, 2, legend));
  if (view.problems.length) {
    parts.push(`## ${markdownLine(translate(R.problems, [view.problems.length]))}`);
    parts.push(
      view.problems
        .map((p) => `- ${markdownLine(severityLabel(p.severity) ?? p.severity)}, ${translate(R.problemAt, [p.line, p.column])}: ${markdownLine(p.message)} (${markdownLine(p.code)})`)
        .join('\n'),
    );
  }
  return parts.join('\n\n') + '\n';
}
