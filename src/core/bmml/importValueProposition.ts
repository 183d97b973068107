/**
 * The value-proposition canvases of an import. A BMML fit joins value propositions and segments;
 * our value-proposition canvas is one segment's profile beside one proposition's value map, with
 * the fit's mappings as `relieves`/`creates`. So each (proposition, segment) pair of a fit is one
 * canvas (tagged with its fit under x-bmml); a profile or value map that no fit uses gets a canvas
 * of its own, one side only. A profile in two fits is written in both canvases (export merges).
 */
import { entriesOf } from './importBusinessModel';
import { ImportContext, restOf } from './importContext';
import { fileSafe } from './ids';
import { isPlainObject, Plain } from './readBmml';
import { isIdList, isScalarValue, isText, leftoverPaths, take } from './residual';
import { DETAILS, FIT_LINKS, XBMML } from './vocabulary';

export interface PlannedCanvas {
  /** File name without the business model's stem and `.canvas.yaml`. */
  suffix: string;
  segment?: { id: string; index: number; entry: Plain };
  proposition?: { id: string; index: number; entry: Plain };
  fit?: { id: string; index: number; rest: Plain };
  /** reliever/creator id -> pain/gain ids, in mapping order. */
  links: Map<string, string[]>;
  /** Mappings that pair nothing of this canvas's two sides. */
  unplaced: { value: unknown; path: (string | number)[] }[];
}

export interface Plan {
  canvases: PlannedCanvas[];
  /** For the business model's x-bmml: fit ids in order, whole fits placed nowhere; or `fits` when it is no list. */
  fits: unknown;
  /** Proposition id -> the segments its fits pair it with: its `segments` (BMML has no other link between the two). */
  served: Map<string, string[]>;
}

const hasDetail = (entry: Plain, owner: string) => DETAILS.some((d) => d.owner === owner && Array.isArray(entry[d.key]) && (entry[d.key] as unknown[]).length > 0);

export function planCanvases(ctx: ImportContext, businessModelFile: string): Plan {
  const segments = new Map(entriesOf(ctx, 'customer_segments').flatMap(({ entry, index }) => (isText(entry.id) ? [[entry.id, { id: entry.id, index, entry }] as const] : [])));
  const propositions = new Map(entriesOf(ctx, 'value_propositions').flatMap(({ entry, index }) => (isText(entry.id) ? [[entry.id, { id: entry.id, index, entry }] as const] : [])));
  const canvases: PlannedCanvas[] = [];
  const paired = new Set<string>();
  const served = new Map<string, string[]>();
  const fits = ctx.data.fits;
  if (fits !== undefined && !Array.isArray(fits)) {
    ctx.warn('notList', ['fits'], ['fits'], true);
    ctx.keep(businessModelFile, ['fits']);
  }
  const order: unknown[] = [];
  (Array.isArray(fits) ? fits : []).forEach((fit, i) => {
    const rest = restOf(fit);
    const id = take(rest, ['id'], isText) as string | undefined;
    const vps = (take(rest, ['for', 'value_propositions'], isIdList) as string[] | undefined) ?? [];
    const css = (take(rest, ['for', 'customer_segments'], isIdList) as string[] | undefined) ?? [];
    if (!isPlainObject(fit) || id === undefined || !vps.length || !css.length) {
      ctx.warn('noFitPair', [isPlainObject(fit) && isText(fit.id) ? fit.id : `fits[${i}]`], ['fits', i]);
      order.push(fit);
      ctx.keep(businessModelFile, ['fits', i]);
      return;
    }
    const mappings = take(rest, ['mappings'], Array.isArray) as unknown[] | undefined;
    order.push(id);
    const pairs: PlannedCanvas[] = [];
    for (const vp of vps) {
      if (!propositions.has(vp)) ctx.warn('dangling', [`fit ${id}`, vp, 'value proposition'], ['fits', i, 'for', 'value_propositions', vps.indexOf(vp)]);
      for (const cs of css) {
        if (vp === vps[0] && !segments.has(cs)) ctx.warn('dangling', [`fit ${id}`, cs, 'customer segment'], ['fits', i, 'for', 'customer_segments', css.indexOf(cs)]);
        paired.add(vp).add(cs);
        const list = served.get(vp) ?? [];
        if (!list.includes(cs)) served.set(vp, [...list, cs]);
        const suffix = vps.length === 1 && css.length === 1 ? fileSafe(id, `fit-${i + 1}`) : `${fileSafe(id, `fit-${i + 1}`)}.${fileSafe(vp, 'vp')}.${fileSafe(cs, 'cs')}`;
        pairs.push({ suffix, segment: segments.get(cs) ?? { id: cs, index: -1, entry: {} }, proposition: propositions.get(vp) ?? { id: vp, index: -1, entry: {} }, fit: { id, index: i, rest }, links: new Map(), unplaced: [] });
      }
    }
    (mappings ?? []).forEach((mapping, j) => {
      const target = isIdList(mapping) && mapping.length === 2 ? placeMapping(ctx, pairs, mapping[0], mapping[1]) : undefined;
      if (target) return;
      ctx.warn('unplacedMapping', Array.isArray(mapping) ? [String(mapping[0]), String(mapping[1])] : [JSON.stringify(mapping), ''], ['fits', i, 'mappings', j]);
      pairs[0].unplaced.push({ value: mapping, path: ['fits', i, 'mappings', j] });
    });
    canvases.push(...pairs);
  });
  for (const segment of segments.values()) if (!paired.has(segment.id) && hasDetail(segment.entry, 'customer_segments')) canvases.push({ suffix: fileSafe(segment.id, `cs-${segment.index + 1}`), segment, links: new Map(), unplaced: [] });
  for (const vp of propositions.values()) if (!paired.has(vp.id) && hasDetail(vp.entry, 'value_propositions')) canvases.push({ suffix: fileSafe(vp.id, `vp-${vp.index + 1}`), proposition: vp, links: new Map(), unplaced: [] });
  return { canvases, fits: Array.isArray(fits) ? order : fits, served };
}

/** Records [reliever, pain] or [creator, gain] on the first pair of the fit whose two sides hold them. */
function placeMapping(ctx: ImportContext, pairs: PlannedCanvas[], from: string, to: string): PlannedCanvas | undefined {
  for (const pair of pairs) {
    for (const link of FIT_LINKS) {
      if (!ctx.detail(pair.proposition!.id, link.from).has(from) || !ctx.detail(pair.segment!.id, link.to).has(to)) continue;
      const list = pair.links.get(from) ?? [];
      if (!list.includes(to)) list.push(to);
      pair.links.set(from, list);
      return pair;
    }
  }
  return undefined;
}

/** The plain object of one planned value-proposition canvas. */
export function valuePropositionCanvas(ctx: ImportContext, plan: PlannedCanvas, file: string, businessModel: string): Plain {
  const vpName = plan.proposition ? nameOf(plan.proposition.entry, plan.proposition.id) : undefined;
  const csName = plan.segment ? nameOf(plan.segment.entry, plan.segment.id) : undefined;
  const canvas: Plain = { canvas: 'value-proposition', title: canvasTitle(vpName, csName), 'business-model': `./${businessModel}` };
  if (plan.segment) canvas.segment = plan.segment.id;
  if (plan.proposition) canvas['value-proposition'] = plan.proposition.id;
  const xbmml: Plain = {};
  for (const detail of DETAILS) {
    const owner = detail.owner === 'customer_segments' ? plan.segment : plan.proposition;
    if (!owner || owner.index < 0) continue;
    const items = owner.entry[detail.key];
    if (!Array.isArray(items) || !items.length) continue;
    const strays: unknown[] = [];
    canvas[detail.block] = items.flatMap((item, j) => {
      const path = [detail.owner, owner.index, detail.key, j];
      if (!isPlainObject(item)) {
        ctx.warn('notEntry', [`${detail.owner}[${owner.index}].${detail.key}`], path);
        ctx.keep(file, path);
        strays.push(item);
        return [];
      }
      const rest = restOf(item);
      const card: Plain = {};
      const id = take(rest, ['id'], isText) as string | undefined;
      if (id !== undefined) card.id = id;
      const text = take(rest, [detail.text], isScalarValue);
      if (text === undefined) ctx.warn('noName', [id !== undefined ? `${detail.noun} "${id}"` : `a ${detail.noun}`], path);
      card.name = text !== undefined ? String(text) : (id ?? `(${detail.noun})`);
      const link = FIT_LINKS.find((l) => l.from === detail.key);
      const targets = link && id !== undefined ? plan.links.get(id) : undefined;
      if (link && targets?.length) card[link.field] = targets;
      ctx.keepLeftovers(card, rest, path, file);
      return [card];
    });
    if (strays.length) xbmml[detail.key] = strays;
  }
  if (plan.fit) {
    xbmml.fit = Object.keys(plan.fit.rest).length ? { id: plan.fit.id, ...plan.fit.rest } : plan.fit.id;
    for (const path of leftoverPaths(plan.fit.rest, ['fits', plan.fit.index])) ctx.keep(file, path);
  }
  if (plan.unplaced.length) {
    xbmml.mappings = plan.unplaced.map((u) => u.value);
    for (const u of plan.unplaced) ctx.keep(file, u.path);
  }
  if (Object.keys(xbmml).length) canvas[XBMML] = xbmml;
  return canvas;
}

function nameOf(entry: Plain, id: string): string {
  return isScalarValue(entry.name) ? String(entry.name) : id;
}

/** The generated title of a value-proposition canvas (export recognises it and does not report it as dropped). */
export function canvasTitle(vpName: string | undefined, csName: string | undefined): string {
  if (vpName !== undefined && csName !== undefined) return `${vpName} for ${csName}`;
  if (csName !== undefined) return `${csName}: customer profile`;
  return `${vpName ?? ''}: value map`;
}
