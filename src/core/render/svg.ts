/**
 * The canvas as one standalone SVG, for READMEs and pull requests: no script, no foreignObject, no
 * external reference. SVG has no text flow, so text is wrapped here by an approximate measure and
 * every block grows to hold its cards: nothing overlaps however long the canvas is.
 * Light colours are presentation attributes (readable by any SVG tool); a dark variant overrides
 * them with CSS where the viewer prefers a dark scheme.
 */
import { lookup, translate } from '../l10n';
import { RENDER_MESSAGES as R } from './messages';
import { safeColor } from './colors';
import { cssToken, escapeXml } from './escape';
import { facing, fitEndpoints, type Box } from './fits';
import { groupBlocks, placeBlocks, rowHeights, type Cell } from './layout';
import { markdownToText } from './markdown';
import { measure, wrapText } from './textWrap';
import type { BlockView, CanvasView, CardView, GroupView, SegmentLegend } from './viewTypes';

const MARGIN = 24;
/** The drawing's width whatever the kind: 1600 px of canvas between the margins. */
const CONTENT_WIDTH = 1600;
const WIDTH = MARGIN * 2 + CONTENT_WIDTH;
/** Value proposition: the value map square's width and the gap the fit lines cross to the circle. */
const MAP_WIDTH = 640;
const FIT_GAP = 120;
const BLOCK_PAD = 10;
const BLOCK_HEAD = 30;
const CARD_GAP = 8;
const MIN_CARD = 240;
const CARD_PAD_LEFT = 15;
const CARD_PAD_RIGHT = 10;
const CARD_PAD_Y = 7;
const STRIPE = 6;

interface TextStyle {
  cls: string;
  size: number;
  line: number;
  bold?: boolean;
  fill: string;
}

const INK = '#1f1f1f';
const MUTED = '#5c5f66';
const STYLE = {
  kind: { cls: 'k', size: 12, line: 18, fill: MUTED },
  title: { cls: 't', size: 28, line: 34, bold: true, fill: INK },
  description: { cls: 'd', size: 14, line: 20, fill: INK },
  legend: { cls: 'l', size: 13, line: 20, fill: INK },
  heading: { cls: 'h', size: 15, line: 20, bold: true, fill: INK },
  guide: { cls: 'g', size: 13, line: 18, fill: MUTED },
  name: { cls: 'n', size: 14, line: 18, bold: true, fill: INK },
  meta: { cls: 'm', size: 11, line: 15, fill: MUTED },
  body: { cls: 'b', size: 12, line: 16, fill: INK },
  problem: { cls: 'p', size: 13, line: 18, fill: INK },
} satisfies Record<string, TextStyle>;

const SEVERITY_COLORS: Readonly<Record<string, string>> = { error: '#b3261e', warning: '#8a5300', information: '#1a5fb4', hint: '#5c5f66' };
/** A problem's severity as a word (translated); an unknown one as written. */
function severityLabel(severity: string): string | undefined {
  return severity === 'error' || severity === 'warning' || severity === 'information' || severity === 'hint' ? lookup(R[severity]) : undefined;
}

const CSS = `text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
${Object.values(STYLE)
  .map((s: TextStyle) => `.${s.cls}{font-size:${s.size}px${s.bold ? ';font-weight:700' : ''}}`)
  .join('')}.k{letter-spacing:.06em}.g{font-style:italic}
@media (prefers-color-scheme:dark){.bg{fill:#18191b}.paper{fill:#202124}.rule{stroke:#3d3f44}.note{fill:#35322a}.t,.d,.l,.h,.n,.b,.p{fill:#e6e4df}.k,.g,.m{fill:#a4a7ad}.fit{stroke:#a4a7ad}}`;

/** Lines of text with one style, placed top-down; `y` is the top of the first line. */
function textLines(lines: readonly string[], style: TextStyle, x: number, y: number): string {
  return lines
    .map((line, i) => {
      const baseline = Math.round((y + i * style.line + style.line * 0.75) * 10) / 10;
      return `<text x="${x}" y="${baseline}" class="${style.cls}" fill="${style.fill}">${escapeXml(line)}</text>`;
    })
    .join('');
}

function wrap(text: string, width: number, style: TextStyle): string[] {
  return wrapText(text, width / style.size, style.bold);
}

interface Laid {
  height: number;
  /** Draws at a top-left corner. */
  draw(x: number, y: number): string;
}

interface LaidBlock extends Laid {
  /** Where each card lands when the block is drawn at (x, y), by card key. */
  cards(x: number, y: number): Map<string, Box>;
}

function layOutCard(card: CardView, width: number, legend: ReadonlyMap<string, SegmentLegend>, block: BlockView): Laid {
  const inner = width - CARD_PAD_LEFT - CARD_PAD_RIGHT;
  const parts: { lines: string[]; style: TextStyle }[] = [];
  parts.push({ lines: wrap(card.name || ' ', inner, STYLE.name), style: STYLE.name });
  const meta = [card.type?.label, card.status !== undefined ? card.statusLabel ?? card.status : undefined, ...(card.ratings ?? []).map((r) => `${r.title}: ${r.label}`)];
  const severity = cssToken(card.severity);
  if (severity) meta.push(severityLabel(severity) ?? severity);
  const metaText = meta.filter((m) => m !== undefined).join(' · ');
  if (metaText) parts.push({ lines: wrap(metaText, inner, STYLE.meta), style: STYLE.meta });
  if (card.description) parts.push({ lines: markdownToText(card.description).flatMap((p) => wrap(p, inner, STYLE.body)), style: STYLE.body });
  const isSegment = block.key === 'customer-segments';
  const others = isSegment ? card.segmentIds.slice(1) : card.segmentIds;
  if (others.length) {
    const names = others.map((id) => legend.get(id)?.name ?? id).join(', ');
    parts.push({ lines: wrap(`${lookup(isSegment ? R.linked : R.segments)}: ${names}`, inner, STYLE.meta), style: STYLE.meta });
  }
  for (const ref of card.refs ?? []) parts.push({ lines: wrap(`${ref.title}: ${ref.cards.map((c) => c.name || c.key).join(', ')}`, inner, STYLE.meta), style: STYLE.meta });
  if (card.tags.length) parts.push({ lines: wrap(card.tags.map((t) => '#' + t).join(' '), inner, STYLE.meta), style: STYLE.meta });
  const height = CARD_PAD_Y * 2 + parts.reduce((sum, p) => sum + p.lines.length * p.style.line, 0);
  const colors = card.colors.map(safeColor);
  return {
    height,
    draw(x, y) {
      let svg = `<g><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="3" class="note" fill="#fff4c2"/>`;
      if (colors.length) {
        svg += `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="3" fill="${colors[0]}" fill-opacity="0.16"/>`;
        const band = height / colors.length;
        colors.forEach((c, i) => {
          svg += `<rect x="${x}" y="${round(y + i * band)}" width="${STRIPE}" height="${round(band)}" fill="${c}"/>`;
        });
      }
      if (severity) {
        const color = SEVERITY_COLORS[severity] ?? SEVERITY_COLORS.error;
        svg += `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="3" fill="none" stroke="${color}" stroke-width="2"/>`;
        svg += `<circle cx="${x + width - 8}" cy="${y + 8}" r="4" fill="${color}"><title>${escapeXml(severityLabel(severity) ?? severity)}</title></circle>`;
      }
      let cursor = y + CARD_PAD_Y;
      for (const part of parts) {
        svg += textLines(part.lines, part.style, x + CARD_PAD_LEFT, cursor);
        cursor += part.lines.length * part.style.line;
      }
      return svg + '</g>';
    },
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A block's cards in columns (the shortest column takes the next card), or its guiding question. */
function layOutBlock(block: BlockView, width: number, legend: ReadonlyMap<string, SegmentLegend>): LaidBlock {
  const inner = width - BLOCK_PAD * 2;
  const heading = wrap(block.title, inner, STYLE.heading);
  const top = BLOCK_PAD + Math.max(BLOCK_HEAD, heading.length * STYLE.heading.line + 10);
  if (block.cards.length === 0) {
    const guide = wrap(block.guide, inner, STYLE.guide);
    return {
      height: top + guide.length * STYLE.guide.line + BLOCK_PAD,
      draw: (x, y) => textLines(heading, STYLE.heading, x + BLOCK_PAD, y + BLOCK_PAD) + textLines(guide, STYLE.guide, x + BLOCK_PAD, y + top),
      cards: () => new Map(),
    };
  }
  const columns = Math.max(1, Math.floor((inner + CARD_GAP) / (MIN_CARD + CARD_GAP)));
  const cardWidth = Math.floor((inner - CARD_GAP * (columns - 1)) / columns);
  const heights = Array<number>(columns).fill(0);
  const placed: { key: string; card: Laid; column: number; offset: number }[] = [];
  for (const card of block.cards) {
    const laid = layOutCard(card, cardWidth, legend, block);
    let column = 0;
    for (let c = 1; c < columns; c++) if (heights[c] < heights[column]) column = c;
    placed.push({ key: card.key, card: laid, column, offset: heights[column] });
    heights[column] += laid.height + CARD_GAP;
  }
  const cardX = (x: number, column: number) => x + BLOCK_PAD + column * (cardWidth + CARD_GAP);
  return {
    height: top + Math.max(...heights) - CARD_GAP + BLOCK_PAD + 4,
    draw: (x, y) => textLines(heading, STYLE.heading, x + BLOCK_PAD, y + BLOCK_PAD) + placed.map((p) => p.card.draw(cardX(x, p.column), y + top + p.offset)).join('\n'),
    cards: (x, y) => new Map(placed.map((p) => [p.key, { x: cardX(x, p.column), y: y + top + p.offset, width: cardWidth, height: p.card.height }])),
  };
}

/** Swatches and names, flowing over as many rows as they need. */
function legendRows(segments: readonly SegmentLegend[], width: number): { x: number; row: number; segment: SegmentLegend; name: string }[] {
  const items: { x: number; row: number; segment: SegmentLegend; name: string }[] = [];
  let x = 0;
  let row = 0;
  for (const segment of segments) {
    const name = wrap(segment.name, width - 20, STYLE.legend)[0] ?? '';
    const itemWidth = 18 + measure(name) * STYLE.legend.size + 20;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row++;
    }
    items.push({ x, row, segment, name });
    x += itemWidth;
  }
  return items;
}

function plainDescription(view: CanvasView): string {
  const text = view.description ? markdownToText(view.description).join(' ') : '';
  const cards = view.blocks.reduce((n, b) => n + b.cards.length, 0);
  const summary = translate(R.summary, [cards === 1 ? lookup(R.oneCard) : translate(R.cards, [cards]), view.blocks.map((b) => `${b.title} ${b.cards.length}`).join(', ')]);
  return text ? `${text} ${summary}` : summary;
}

/** Blocks on a grid of `width` px: row heights grown to hold every block; `minimum` the empty height of each row. */
function layOutGrid(placed: readonly { block: BlockView; cell: Cell }[], columns: number, width: number, legend: ReadonlyMap<string, SegmentLegend>, minimum: (row: number) => number) {
  const column = width / columns;
  const blocks = placed.map(({ block, cell }) => ({ block, cell, laid: layOutBlock(block, Math.floor(cell.columns * column), legend) }));
  const rows = rowHeights(
    blocks.map(({ cell, laid }) => ({ cell, height: laid.height })),
    minimum,
  );
  const rowTop = rows.map((_, r) => rows.slice(0, r).reduce((a, b) => a + b, 0));
  const height = rows.reduce((a, b) => a + b, 0);
  /** Draws the blocks with (x, y) the grid's top-left corner; fills `cards` with where each card landed. */
  const draw = (x: number, y: number, cards: Map<string, Box>, frame: string): string =>
    blocks
      .map(({ block, cell, laid }) => {
        const left = Math.round(x + cell.column * column);
        const top = y + rowTop[cell.row];
        const blockHeight = rows.slice(cell.row, cell.row + cell.rows).reduce((a, b) => a + b, 0);
        for (const [key, box] of laid.cards(left, top)) cards.set(key, box);
        return `<g aria-label="${escapeXml(block.title)}"><rect x="${left}" y="${top}" width="${Math.floor(cell.columns * column)}" height="${blockHeight}" class="rule" fill="none" stroke="#d4d0c6"${frame}/>\n${laid.draw(left, top)}</g>`;
      })
      .join('\n');
  return { height, draw };
}

function drawFits(view: CanvasView, cards: ReadonlyMap<string, Box>): string {
  const lines: string[] = [];
  for (const fit of view.fits) {
    const from = cards.get(fit.from);
    const to = cards.get(fit.to);
    if (!from || !to || !facing(view, fit)) continue;
    const { x1, y1, x2, y2 } = fitEndpoints(from, to);
    lines.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" class="fit" stroke="#5c5f66" stroke-width="1.5"/>`);
  }
  return lines.length ? `<g aria-hidden="true">${lines.join('')}</g>` : '';
}

const SQRT2 = Math.SQRT2;

/**
 * The value proposition canvas: the value map as a square on the left, the customer profile as a
 * circle (an ellipse when its text makes it taller or wider) on the right, centred on one line,
 * fit lines across the gap. Each group's blocks sit on the group's own part of the kind's grid.
 */
function layOutGroups(view: CanvasView, legend: ReadonlyMap<string, SegmentLegend>, y: number): { svg: string; height: number } {
  const out: string[] = [];
  const cards = new Map<string, Box>();
  const square = view.groups.find((g) => g.shape === 'square');
  const circle = view.groups.find((g) => g.shape === 'circle');
  const ellipseWidth = CONTENT_WIDTH - MAP_WIDTH - FIT_GAP;
  // The widest rectangle of the circle's proportions that an ellipse of this width holds, in whole columns.
  const circleColumns = Math.max(1, circle?.cell.columns ?? 1);
  const profileWidth = Math.floor(ellipseWidth / SQRT2 / circleColumns) * circleColumns;
  const headingTop = y;
  y += STYLE.heading.line + 8;
  const grid = (group: GroupView | undefined, width: number) =>
    group ? layOutGrid(groupBlocks(view, group.key), Math.max(1, group.cell.columns), width, legend, () => Math.ceil(width / Math.max(1, group.cell.rows))) : undefined;
  const map = grid(square, MAP_WIDTH);
  const profile = grid(circle, profileWidth);
  const mapHeight = map?.height ?? 0;
  const profileHeight = profile?.height ?? 0;
  const ellipseHeight = profileHeight * SQRT2;
  const height = Math.ceil(Math.max(mapHeight, ellipseHeight));
  if (square && map) {
    const top = Math.round(y + (height - mapHeight) / 2);
    out.push(textLines([square.title], STYLE.heading, MARGIN, headingTop));
    out.push(`<rect x="${MARGIN}" y="${top}" width="${MAP_WIDTH}" height="${mapHeight}" class="paper rule" fill="#ffffff" stroke="#d4d0c6" stroke-width="2"/>`);
    out.push(map.draw(MARGIN, top, cards, ''));
  }
  if (circle && profile) {
    const left = MARGIN + MAP_WIDTH + FIT_GAP + Math.round((ellipseWidth - profileWidth) / 2);
    const top = Math.round(y + (height - profileHeight) / 2);
    out.push(textLines([circle.title], STYLE.heading, MARGIN + MAP_WIDTH + FIT_GAP, headingTop));
    // Through the rectangle's corners: semi-axes of 1/√2 of its sides (rx also spans the whole width).
    out.push(
      `<ellipse cx="${round(left + profileWidth / 2)}" cy="${round(top + profileHeight / 2)}" rx="${round(ellipseWidth / 2)}" ry="${round(ellipseHeight / 2)}" class="paper rule" fill="#ffffff" stroke="#d4d0c6" stroke-width="2"/>`,
    );
    out.push(profile.draw(left, top, cards, ' stroke-dasharray="4 4"'));
  }
  out.push(drawFits(view, cards));
  return { svg: out.filter(Boolean).join('\n'), height: height + (y - headingTop) };
}

/** The canvas as a standalone SVG document. */
export function renderSvg(view: CanvasView): string {
  const legend = new Map(view.segments.map((s) => [s.id, s]));
  const contentWidth = CONTENT_WIDTH;
  const out: string[] = [];
  let y = MARGIN;

  out.push(textLines([view.kindTitle.toUpperCase()], STYLE.kind, MARGIN, y));
  y += STYLE.kind.line;
  const title = wrap(view.title.trim() || lookup(R.untitled), contentWidth, STYLE.title);
  out.push(textLines(title, STYLE.title, MARGIN, y));
  y += title.length * STYLE.title.line + 4;
  if (view.links.length) {
    const lines = wrap(view.links.map((l) => `${l.title}: ${l.value}`).join(' · '), contentWidth, STYLE.legend);
    out.push(textLines(lines, STYLE.legend, MARGIN, y));
    y += lines.length * STYLE.legend.line + 4;
  }
  if (view.description) {
    const lines = markdownToText(view.description).flatMap((p) => wrap(p, Math.min(contentWidth, 1100), STYLE.description));
    out.push(textLines(lines, STYLE.description, MARGIN, y));
    y += lines.length * STYLE.description.line;
  }
  if (view.segments.length) {
    y += 6;
    const items = legendRows(view.segments, contentWidth);
    for (const item of items) {
      const top = y + item.row * STYLE.legend.line;
      out.push(`<rect x="${MARGIN + item.x}" y="${top + 4}" width="12" height="12" rx="2" fill="${safeColor(item.segment.color)}"/>`);
      out.push(textLines([item.name], STYLE.legend, MARGIN + item.x + 18, top));
    }
    y += (items[items.length - 1].row + 1) * STYLE.legend.line;
  }
  y += 14;

  if (view.groups.length) {
    const groups = layOutGroups(view, legend, y);
    out.push(groups.svg);
    y += groups.height + 20;
  } else {
    const rows = Math.max(1, view.grid.rows);
    // Upper rows share 440 px when empty (two rows of 220 on the business model); the bottom row 170.
    const grid = layOutGrid(placeBlocks(view), Math.max(1, view.grid.columns), contentWidth, legend, (row) => (rows === 1 ? 220 : row < rows - 1 ? Math.round(440 / (rows - 1)) : 170));
    out.push(`<rect x="${MARGIN}" y="${y}" width="${contentWidth}" height="${grid.height}" class="paper rule" fill="#ffffff" stroke="#d4d0c6" stroke-width="2"/>`);
    const cards = new Map<string, Box>();
    out.push(grid.draw(MARGIN, y, cards, ''));
    out.push(drawFits(view, cards));
    y += grid.height + 20;
  }

  if (view.problems.length) {
    const heading = translate(R.problems, [view.problems.length]);
    out.push(textLines([heading], STYLE.heading, MARGIN, y));
    y += STYLE.heading.line + 4;
    for (const p of view.problems) {
      const severity = severityLabel(p.severity) ?? String(p.severity);
      const lines = wrap(`${severity} · ${translate(R.problemAt, [p.line, p.column])} · ${p.code}: ${p.message}`, contentWidth - 16, STYLE.problem);
      out.push(`<circle cx="${MARGIN + 5}" cy="${y + 9}" r="4" fill="${SEVERITY_COLORS[p.severity] ?? SEVERITY_COLORS.error}"/>`);
      out.push(textLines(lines, STYLE.problem, MARGIN + 16, y));
      y += lines.length * STYLE.problem.line + 2;
    }
    y += 10;
  }
  const height = Math.ceil(y + MARGIN - 14);
  const label = (view.title.trim() ? view.title + ' — ' : '') + view.kindTitle;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="canvas-title canvas-desc">
<title id="canvas-title">${escapeXml(label)}</title>
<desc id="canvas-desc">${escapeXml(plainDescription(view))}</desc>
<style>
${CSS}
</style>
<rect width="${WIDTH}" height="${height}" class="bg" fill="#f4f2ec"/>
${out.filter(Boolean).join('\n')}
</svg>
`;
}
