/** The business-model canvas of an import: meta, the nine sections, and x-bmml for the rest. */
import { ImportContext, restOf } from './importContext';
import { isPlainObject, Path, Plain } from './readBmml';
import { isIdList, isScalarValue, isText, take } from './residual';
import { DETAILS, SECTIONS, SectionMapping, TOP_LEVEL, XBMML } from './vocabulary';

/** The BMML entries of a section that are mappings (with their index); the others are strays. */
export function entriesOf(ctx: ImportContext, section: string): { entry: Plain; index: number }[] {
  const entries = ctx.data[section];
  return Array.isArray(entries) ? entries.flatMap((entry, index) => (isPlainObject(entry) ? [{ entry, index }] : [])) : [];
}

/** One BMML entry as a card of our block. */
function cardOf(ctx: ImportContext, spec: SectionMapping, entry: Plain, path: Path, file: string, served: ReadonlyMap<string, string[]>): Plain {
  const rest = restOf(entry);
  const card: Plain = {};
  const id = take(rest, ['id'], isText);
  if (id !== undefined) card.id = id;
  const name = take(rest, ['name'], isScalarValue);
  if (name === undefined) ctx.warn('noName', [id !== undefined ? `${spec.noun} "${id}"` : `a ${spec.noun}`], path);
  card.name = name !== undefined ? String(name) : ((id as string | undefined) ?? `(${spec.noun})`);
  if (spec.description) {
    const description = take(rest, ['description'], isScalarValue);
    if (description !== undefined) card.description = String(description);
  }
  // A proposition serves the segments its fits pair it with (export writes them back as those fits).
  const segments = spec.section === 'value_propositions' && typeof id === 'string' ? served.get(id) : undefined;
  if (segments) card.segments = segments;
  for (const link of spec.links) {
    const ids = take(rest, [link.preposition, link.section], isIdList) as string[] | undefined;
    if (ids === undefined) continue;
    card[link.field] = ids;
    const known = ctx.sectionIds.get(link.section) ?? new Set();
    ids.forEach((target, i) => {
      if (!known.has(target)) ctx.warn('dangling', [`${spec.section}[${path[1]}].${link.preposition}.${link.section}`, target, link.section.replace(/_/g, ' ').replace(/s$/, '')], [...path, link.preposition, link.section, i]);
    });
  }
  // The value-proposition detail goes to value-proposition canvases (importValueProposition.ts).
  for (const detail of DETAILS) if (detail.owner === spec.section) take(rest, [detail.key], Array.isArray);
  ctx.keepLeftovers(card, rest, path, file);
  return card;
}

/**
 * The business-model canvas (as a plain object in canvas key order). `fits`: what x-bmml keeps of
 * the fits (their ids in order, whole fits that fit no canvas), or the `fits` value that is no list.
 */
export function businessModelCanvas(ctx: ImportContext, file: string, fallbackTitle: string, fits: unknown, served: ReadonlyMap<string, string[]>): Plain {
  const canvas: Plain = { canvas: 'business-model' };
  const xbmml: Plain = {};
  const meta = ctx.data.meta;
  const metaRest = isPlainObject(meta) ? restOf(meta) : {};
  const title = take(metaRest, ['name'], isScalarValue);
  canvas.title = title !== undefined ? String(title) : fallbackTitle;
  const tagline = take(metaRest, ['tagline'], isScalarValue);
  if (tagline !== undefined) canvas.description = String(tagline);
  if (meta !== undefined && !isPlainObject(meta)) {
    xbmml.meta = meta;
    ctx.keep(file, ['meta']);
  } else if (Object.keys(metaRest).length) {
    xbmml.meta = metaRest;
    for (const key of Object.keys(metaRest)) ctx.keep(file, ['meta', key]);
  }
  for (const spec of SECTIONS) {
    const entries = ctx.data[spec.section];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) {
      ctx.warn('notList', [spec.section], [spec.section], true);
      xbmml[spec.section] = entries;
      ctx.keep(file, [spec.section]);
      continue;
    }
    const strays: unknown[] = [];
    canvas[spec.block] = entries.flatMap((entry, i) => {
      if (isPlainObject(entry)) return [cardOf(ctx, spec, entry, [spec.section, i], file, served)];
      ctx.warn('notEntry', [spec.section], [spec.section, i]);
      ctx.keep(file, [spec.section, i]);
      strays.push(entry);
      return [];
    });
    if (strays.length) xbmml[spec.section] = strays;
  }
  if (fits !== undefined && (!Array.isArray(fits) || fits.length)) xbmml.fits = fits;
  for (const [key, value] of Object.entries(ctx.data)) {
    if (TOP_LEVEL.has(key)) continue;
    ctx.warn('unknownSection', [key], [key], true);
    xbmml[key] = value;
    ctx.keep(file, [key]);
  }
  if (Object.keys(xbmml).length) canvas[XBMML] = xbmml;
  return canvas;
}
