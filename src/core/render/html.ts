/**
 * The canvas as one standalone HTML document: inline CSS, no script at all, a CSP that forbids
 * scripts anyway. Every string from the file is escaped; colours are checked before they reach CSS.
 */
import { catalogueLanguage, lookup, translate } from '../l10n';
import { RENDER_MESSAGES as R } from './messages';
import { safeColor } from './colors';
import { cssToken, escapeHtml } from './escape';
import { groupBlocks, placeBlocks, type Cell } from './layout';
import { markdownToHtml } from './markdown';
import type { BlockView, CanvasView, CardView, GroupView, SegmentLegend } from './viewTypes';

export interface HtmlOptions {
  /** A whole document (default) or only the `<main>` element, for a host that brings its own page and CSS. */
  standalone?: boolean;
  /** The document language; by default guessed from the canvas text (Korean or Japanese, else English). */
  lang?: string;
}

/** The stylesheet of the standalone export (light, with a dark variant). */
export const CANVAS_CSS = `:root{color-scheme:light dark;--bg:#f4f2ec;--paper:#fff;--ink:#1f1f1f;--muted:#5c5f66;--line:#d4d0c6;--note:#fff4c2;--badge:rgba(0,0,0,.07);--error:#b3261e;--warning:#8a5300;--information:#1a5fb4;--hint:#5c5f66;--ok:#1e6b34}
@media (prefers-color-scheme:dark){:root{--bg:#18191b;--paper:#202124;--ink:#e6e4df;--muted:#a4a7ad;--line:#3d3f44;--note:#35322a;--badge:rgba(255,255,255,.1);--error:#f2b8b5;--warning:#f5c46b;--information:#9cc2ff;--hint:#a4a7ad;--ok:#8fd19e}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
main{max-width:1680px;margin:0 auto;padding:24px}
header{margin-bottom:16px}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .3em;overflow-wrap:anywhere}
.kind{margin:0;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.06em}
.description{max-width:80ch;overflow-wrap:anywhere}
.description p,.card-description p{margin:.3em 0}
.description ul,.description ol,.card-description ul,.card-description ol{margin:.3em 0;padding-left:1.3em}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--badge);padding:0 .2em;border-radius:3px}
a{color:var(--information)}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.2rem;padding:0;margin:.6rem 0 0}
.swatch{display:inline-block;width:.85em;height:.85em;border-radius:2px;margin-right:.35em;vertical-align:-.1em;border:1px solid rgba(0,0,0,.2)}
.grid{display:grid;grid-template-columns:repeat(var(--grid-columns),minmax(0,1fr));background:var(--paper);border:2px solid var(--line)}
.block{grid-column:var(--column)/span var(--columns);grid-row:var(--row)/span var(--rows);border:1px solid var(--line);padding:10px 10px 14px;min-width:0;min-height:11rem}
.links{margin:.2rem 0;color:var(--muted);overflow-wrap:anywhere}
.groups{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:0 4rem;align-items:center}
.group-title{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 .5rem}
.group .ring{container-type:inline-size}
.group .grid{grid-template-rows:repeat(var(--grid-rows),minmax(calc(100cqw / var(--grid-rows)),auto))}
.ring{position:relative;isolation:isolate}
.group-circle .ring{padding:14.65%}
.group-circle .grid{border:0;background:none}
.group-circle .ring::before{content:"";position:absolute;inset:0;border:2px solid var(--line);border-radius:50%;background:var(--paper);z-index:-1}
.group-circle .block{border-style:dashed}
.card-refs{margin:.3rem 0 0;font-size:.75rem;color:var(--muted)}
.block h2{font-size:.95rem;margin:0 0 .6rem}
.guide{margin:0;color:var(--muted);font-style:italic}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:8px;grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}
.card{position:relative;min-width:0;padding:7px 9px 8px 15px;background:var(--note);background:color-mix(in srgb,var(--tint,var(--note)) 16%,var(--note));border-radius:2px;box-shadow:0 1px 2px rgba(0,0,0,.18);overflow-wrap:anywhere}
.stripes{position:absolute;left:0;top:0;bottom:0;width:6px;display:flex;flex-direction:column}
.stripes span{flex:1}
.card-name{margin:0;font-weight:600}
.card-meta{margin:.25rem 0 0;display:flex;flex-wrap:wrap;gap:4px;font-size:.75rem}
.badge,.status,.flag{padding:0 .45em;border-radius:3px;background:var(--badge)}
.status-validated{color:var(--ok);font-weight:600}
.status-invalidated{text-decoration:line-through}
.status-hypothesis{font-style:italic}
.flag{font-weight:600}
.card-description{font-size:.85rem;margin-top:.2rem}
.card-segments{margin:.3rem 0 0;font-size:.75rem;color:var(--muted)}
.card-segments .swatch{width:.7em;height:.7em}
.tags{list-style:none;display:flex;flex-wrap:wrap;gap:2px 6px;padding:0;margin:.3rem 0 0;font-size:.75rem;color:var(--muted)}
.tags li::before{content:"#"}
.card.severity-error{box-shadow:0 0 0 2px var(--error)}
.card.severity-warning{box-shadow:0 0 0 2px var(--warning)}
.flag-error{color:var(--error)}.flag-warning{color:var(--warning)}.flag-information{color:var(--information)}.flag-hint{color:var(--hint)}
.problems{margin-top:20px}
.problems h2{font-size:1.1rem}
.problems ol{padding-left:1.4em}
.problems li{margin:.2em 0;overflow-wrap:anywhere}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
@media (max-width:960px){.grid,.groups{display:block}.block{min-height:0}.group .grid{grid-template-rows:none}.group-circle .ring{padding:0}.group-circle .ring::before{border-radius:2rem}}
@media print{body{background:#fff}main{max-width:none;padding:0}.card{break-inside:avoid}}`;

/** A problem's severity as a word (translated); an unknown one as written. */
function severityLabel(severity: string): string | undefined {
  return severity === 'error' || severity === 'warning' || severity === 'information' || severity === 'hint' ? lookup(R[severity]) : undefined;
}

function guessLang(view: CanvasView): string {
  const sample = view.title + ' ' + (view.description ?? '') + ' ' + view.blocks.map((b) => b.cards[0]?.name ?? '').join(' ');
  if (/[\u3131-\u318e\uac00-\ud7a3]/.test(sample)) return 'ko';
  if (/[\u3040-\u30ff]/.test(sample)) return 'ja';
  return 'en';
}

function segmentNames(card: CardView, legend: ReadonlyMap<string, SegmentLegend>, block: BlockView): string {
  // A segment card's own colour is its stripe; list only the other segments (its linked sides).
  const ids = block.key === 'customer-segments' ? card.segmentIds.slice(1) : card.segmentIds;
  if (ids.length === 0) return '';
  const label = escapeHtml(lookup(block.key === 'customer-segments' ? R.linked : R.segments));
  const names = ids.map((id) => {
    const segment = legend.get(id);
    const color = safeColor(segment?.color);
    return `<span class="segment"><span class="swatch" style="background:${color}" aria-hidden="true"></span>${escapeHtml(segment?.name ?? id)}</span>`;
  });
  return `<p class="card-segments"><span class="sr-only">${label}: </span>${names.join(', ')}</p>`;
}

function renderCard(card: CardView, legend: ReadonlyMap<string, SegmentLegend>, block: BlockView): string {
  const severity = cssToken(card.severity);
  const classes = ['card', ...(severity ? [`severity-${severity}`] : [])].join(' ');
  const colors = card.colors.map(safeColor);
  const style = colors.length ? ` style="--tint:${colors[0]}"` : '';
  const parts: string[] = [];
  if (colors.length) parts.push(`<span class="stripes" aria-hidden="true">${colors.map((c) => `<span style="background:${c}"></span>`).join('')}</span>`);
  parts.push(`<p class="card-name">${escapeHtml(card.name)}</p>`);
  const meta: string[] = [];
  if (card.type) meta.push(`<span class="badge"><span class="sr-only">${escapeHtml(lookup(R.type))}: </span>${escapeHtml(card.type.label)}</span>`);
  if (card.status !== undefined) {
    const status = cssToken(card.status);
    meta.push(`<span class="status${status ? ` status-${status}` : ''}"><span class="sr-only">${escapeHtml(lookup(R.status))}: </span>${escapeHtml(card.statusLabel ?? card.status)}</span>`);
  }
  for (const rating of card.ratings ?? []) meta.push(`<span class="badge">${escapeHtml(rating.title)}: ${escapeHtml(rating.label)}</span>`);
  if (severity) meta.push(`<span class="flag flag-${severity}">${escapeHtml(severityLabel(severity) ?? severity)}</span>`);
  if (meta.length) parts.push(`<p class="card-meta">${meta.join(' ')}</p>`);
  if (card.description) parts.push(`<div class="card-description">${markdownToHtml(card.description)}</div>`);
  parts.push(segmentNames(card, legend, block));
  for (const ref of card.refs ?? []) parts.push(`<p class="card-refs">${escapeHtml(ref.title)}: ${ref.cards.map((c) => escapeHtml(c.name || c.key)).join(', ')}</p>`);
  if (card.tags.length) parts.push(`<ul class="tags" aria-label="${escapeHtml(lookup(R.tags))}">${card.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`);
  return `<li class="${classes}" data-key="${escapeHtml(card.key)}"${style}>${parts.filter(Boolean).join('')}</li>`;
}

/** The cell as CSS custom properties (numbers only: nothing from the file reaches the style). */
function cellStyle(cell: Cell): string {
  const n = (x: number) => String(Math.max(1, Math.floor(Number(x)) || 1));
  return `--column:${n(cell.column + 1)};--columns:${n(cell.columns)};--row:${n(cell.row + 1)};--rows:${n(cell.rows)}`;
}

function renderBlock(block: BlockView, cell: Cell, legend: ReadonlyMap<string, SegmentLegend>): string {
  const headingId = `block-${cssToken(block.key) ?? 'unknown'}`;
  const body = block.cards.length
    ? `<ul class="cards">\n${block.cards.map((card) => renderCard(card, legend, block)).join('\n')}\n</ul>`
    : `<p class="guide">${escapeHtml(block.guide)}</p>`;
  return `<section class="block" data-block="${escapeHtml(block.key)}" style="${cellStyle(cell)}" aria-labelledby="${headingId}">\n<h2 id="${headingId}">${escapeHtml(block.title)}</h2>\n${body}\n</section>`;
}

function renderProblems(view: CanvasView): string {
  if (view.problems.length === 0) return '';
  const items = view.problems.map((p) => {
    const severity = cssToken(p.severity) ?? 'error';
    return `<li><span class="flag flag-${severity}">${escapeHtml(severityLabel(severity) ?? severity)}</span> ${escapeHtml(translate(R.problemLine, [p.line, p.column]))}: ${escapeHtml(p.message)} <code>${escapeHtml(p.code)}</code></li>`;
  });
  return `<section class="problems" aria-labelledby="problems-heading">\n<h2 id="problems-heading">${escapeHtml(translate(R.problems, [view.problems.length]))}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`;
}

/**
 * A group of blocks (the value map square, the customer profile circle) on its own grid, inside a
 * ring that leaves room for the shape: the circle is an ellipse through the grid's corners (for a
 * square grid; a static page cannot follow a taller one, whose corners then cross the line).
 */
function renderGroup(view: CanvasView, group: GroupView, legend: ReadonlyMap<string, SegmentLegend>): string {
  const blocks = groupBlocks(view, group.key).map(({ block, cell }) => renderBlock(block, cell, legend));
  const headingId = `group-${cssToken(group.key) ?? 'unknown'}`;
  return [
    `<section class="group group-${group.shape}" aria-labelledby="${headingId}">`,
    `<h2 class="group-title" id="${headingId}">${escapeHtml(group.title)}</h2>`,
    `<div class="ring">`,
    `<div class="grid" style="--grid-columns:${Math.max(1, Math.floor(group.cell.columns) || 1)};--grid-rows:${Math.max(1, Math.floor(group.cell.rows) || 1)}">`,
    ...blocks,
    `</div>`,
    `</div>`,
    `</section>`,
  ].join('\n');
}

/** The `<main>` element: header, the kind's blocks in layout order, the problems. */
export function renderCanvasMain(view: CanvasView): string {
  const legend = new Map(view.segments.map((s) => [s.id, s]));
  const title = escapeHtml(view.title.trim() ? view.title : lookup(R.untitled));
  const header = [`<header>`, `<p class="kind">${escapeHtml(view.kindTitle)}</p>`, `<h1 id="canvas-title">${title}</h1>`];
  if (view.links.length) header.push(`<p class="links">${view.links.map((l) => `${escapeHtml(l.title)}: <code>${escapeHtml(l.value)}</code>`).join(' · ')}</p>`);
  if (view.description) header.push(`<div class="description">${markdownToHtml(view.description)}</div>`);
  if (view.segments.length) {
    const items = view.segments.map((s) => `<li><span class="swatch" style="background:${safeColor(s.color)}" aria-hidden="true"></span>${escapeHtml(s.name)}</li>`);
    header.push(`<ul class="legend" aria-label="${escapeHtml(lookup(R.customerSegments))}">${items.join('')}</ul>`);
  }
  header.push('</header>');
  const body = view.groups.length
    ? [`<div class="groups">`, ...view.groups.map((group) => renderGroup(view, group, legend)), `</div>`]
    : [`<div class="grid" style="--grid-columns:${Math.max(1, Math.floor(view.grid.columns) || 1)}">`, ...placeBlocks(view).map(({ block, cell }) => renderBlock(block, cell, legend)), `</div>`];
  return [
    `<main aria-labelledby="canvas-title">`,
    ...header,
    ...body,
    renderProblems(view),
    `</main>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The canvas as HTML: a complete, script-free document by default. */
export function renderHtml(view: CanvasView, options: HtmlOptions = {}): string {
  const main = renderCanvasMain(view);
  if (options.standalone === false) return main;
  // Asked for, else the language the page's own words are in (a catalogue's), else the canvas's.
  const lang = cssToken(options.lang?.toLowerCase()) ?? catalogueLanguage() ?? guessLang(view);
  const title = (view.title.trim() ? view.title + ' — ' : '') + view.kindTitle;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="canvas-as-code">
<title>${escapeHtml(title)}</title>
<style>
${CANVAS_CSS}
</style>
</head>
<body>
${main}
</body>
</html>
`;
}
