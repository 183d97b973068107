/**
 * The value-proposition canvases of an export: each canvas's customer profile goes back into its
 * segment (jobs, pains, gains), its value map into its proposition (products, relievers,
 * creators), and its `relieves`/`creates` become the mappings of a fit between the two (the fit
 * import tagged it with under x-bmml, else a new one). A profile written in two canvases is
 * merged: the first copy of a card wins, a different second copy is reported as dropped.
 */
import { entryOf, FieldTarget } from './exportCards';
import type { IdTables } from './exportBmml';
import { CanvasSource, cardObject, ExportContext, textOf } from './exportContext';
import { canvasTitle } from './importValueProposition';
import { isPlainObject, Plain } from './readBmml';
import { DETAILS, FIT_LINKS, XBMML } from './vocabulary';

const TOP_KEYS = new Set(['canvas', 'title', 'business-model', 'segment', 'value-proposition', XBMML, ...DETAILS.map((d) => d.block)]);

interface Vpc {
  source: CanvasSource;
  data: Plain;
}

interface Fit {
  entry: Plain;
  vps: string[];
  css: string[];
  mappings: unknown[];
}

function byId(entries: Plain[] | undefined): Map<string, Plain> {
  return new Map((entries ?? []).map((e) => [e.id as string, e]));
}

export function mergeValuePropositions(ctx: ExportContext, vpcs: readonly Vpc[], sections: Map<string, Plain[]>, ids: IdTables, fitOrder: unknown): Plain[] {
  const segments = byId(sections.get('customer_segments'));
  const propositions = byId(sections.get('value_propositions'));
  const segmentIds = ids.byOurId.get('customer-segments')!;
  const propositionIds = ids.byOurId.get('value-propositions')!;
  /** `owner|key|ourId` -> BMML id, shared by the canvases that hold copies of one profile. */
  const detailIds = new Map<string, string>();
  const sides = vpcs.map(({ data }) => ({
    segment: typeof data.segment === 'string' ? segmentIds.get(data.segment) : undefined,
    proposition: typeof data['value-proposition'] === 'string' ? propositionIds.get(data['value-proposition']) : undefined,
  }));
  const ownerOf = (i: number, owner: string) => (owner === 'customer_segments' ? sides[i].segment : sides[i].proposition);
  // First pass: ids that are already BMML ids are kept; second: the others get one.
  for (const pass of ['reserve', 'generate'] as const) {
    vpcs.forEach(({ data }, i) => {
      for (const detail of DETAILS) {
        const owner = ownerOf(i, detail.owner);
        if (!owner || !Array.isArray(data[detail.block])) continue;
        (data[detail.block] as unknown[]).forEach((card, j) => {
          const object = cardObject(card);
          if (!object) return;
          const key = typeof object.id === 'string' ? `${owner}|${detail.key}|${object.id}` : `${owner}|${detail.key}|#${i}.${j}`;
          if (detailIds.has(key)) return;
          const id = pass === 'reserve' ? ctx.reserve(object.id, detail.prefix) : ctx.generate(object.id, textOf(object.name), detail.prefix, detail.noun);
          if (id) detailIds.set(key, id);
        });
      }
    });
  }

  const fits = new Map<string, Fit>();
  vpcs.forEach(({ source, data }, i) => {
    const file = source.name;
    const { segment, proposition } = sides[i];
    const seg = segment ? segments.get(segment) : undefined;
    const vp = proposition ? propositions.get(proposition) : undefined;
    for (const [key, value] of Object.entries(data)) {
      if (!TOP_KEYS.has(key)) ctx.drop(file, [key], value, key.startsWith('x-') ? 'extensionKey' : 'noField', [key, 'a value-proposition canvas']);
    }
    const expected = canvasTitle(vp ? textOf(vp.name) : undefined, seg ? textOf(seg.name) : undefined);
    if (data.title !== undefined && textOf(data.title) !== expected) ctx.drop(file, ['title'], data.title, 'vpcTitle', []);
    const kept = isPlainObject(data[XBMML]) ? data[XBMML] : {};
    /** This canvas's pains and gains: our id -> BMML id, for `relieves` and `creates`. */
    const local = new Map<string, Map<string, string>>();
    const mappings: unknown[] = [];
    for (const detail of DETAILS) {
      const ownerId = ownerOf(i, detail.owner);
      const owner = detail.owner === 'customer_segments' ? seg : vp;
      const cards = Array.isArray(data[detail.block]) ? (data[detail.block] as unknown[]) : [];
      const table = new Map<string, string>();
      local.set(detail.key, table);
      const ownerNoun = detail.owner === 'customer_segments' ? 'customer segment' : 'value proposition';
      if (!owner || !ownerId) {
        if (data[detail.block] !== undefined) ctx.drop(file, [detail.block], data[detail.block], 'noHome', ['this canvas', ownerNoun]);
        continue;
      }
      const strays = Array.isArray(kept[detail.key]) ? (kept[detail.key] as Plain[]) : [];
      if (!cards.length && !strays.length) continue;
      const list = ((owner[detail.key] as Plain[] | undefined) ??= []);
      const existing = byId(list);
      const link = FIT_LINKS.find((l) => l.from === detail.key);
      cards.forEach((card, j) => {
        const object = cardObject(card);
        if (!object) return void ctx.drop(file, [detail.block, j], card, 'noField', ['this kind of card', detail.noun]);
        const key = typeof object.id === 'string' ? `${ownerId}|${detail.key}|${object.id}` : `${ownerId}|${detail.key}|#${i}.${j}`;
        const id = detailIds.get(key)!;
        if (typeof object.id === 'string') table.set(object.id, id);
        const { [link?.field ?? '']: targets, ...rest } = object;
        const fields = new Map<string, FieldTarget>([['name', { key: detail.text }]]);
        const entry = entryOf(ctx, link ? rest : object, { file, path: [detail.block, j], noun: detail.noun, id, fields });
        if (link && targets !== undefined) mappings.push({ from: id, targets, field: link.field, to: link.to, path: [detail.block, j, link.field] });
        const before = existing.get(id);
        if (!before) {
          list.push(entry);
          existing.set(id, entry);
        } else if (JSON.stringify(before) !== JSON.stringify(entry)) ctx.drop(file, [detail.block, j], card, 'conflict', [vpcs.find((v, k) => k < i && sides[k][detail.owner === 'customer_segments' ? 'segment' : 'proposition'] === ownerId)?.source.name ?? 'another canvas']);
      });
      for (const stray of strays) if (!list.some((e) => JSON.stringify(e) === JSON.stringify(stray))) list.push(stray);
    }
    for (const key of Object.keys(kept)) if (key !== 'fit' && key !== 'mappings' && !DETAILS.some((d) => d.key === key)) ctx.drop(file, [XBMML, key], kept[key], 'noField', [key, 'a value-proposition canvas']);
    if (!seg || !vp) {
      for (const m of mappings as { targets: unknown; path: (string | number)[] }[]) ctx.drop(file, m.path, m.targets, 'noHome', ['this canvas', 'value proposition and segment pair']);
      return;
    }
    const fitKept = kept.fit;
    const fitId = typeof fitKept === 'string' ? fitKept : isPlainObject(fitKept) && typeof fitKept.id === 'string' ? fitKept.id : undefined;
    let fit = fitId !== undefined ? fits.get(fitId) : undefined;
    if (!fit) {
      const id = (fitId !== undefined && ctx.reserve(fitId, 'fit-')) || ctx.generate(undefined, `${proposition!.replace(/^vp-/, '')}-${segment!.replace(/^cs-/, '')}`, 'fit-', 'fit', true);
      const entry: Plain = { id, for: { value_propositions: [], customer_segments: [] } };
      if (isPlainObject(fitKept)) for (const [key, value] of Object.entries(fitKept)) if (key !== 'id' && entry[key] === undefined) entry[key] = value;
      fit = { entry, vps: (entry.for as Plain).value_propositions as string[], css: (entry.for as Plain).customer_segments as string[], mappings: [] };
      fits.set(fitId ?? id, fit);
    }
    if (!fit.vps.includes(proposition!)) fit.vps.push(proposition!);
    if (!fit.css.includes(segment!)) fit.css.push(segment!);
    for (const m of mappings as { from: string; targets: unknown; to: string; path: (string | number)[] }[]) {
      if (!Array.isArray(m.targets)) {
        ctx.drop(file, m.path, m.targets, 'danglingRef', [m.to.replace(/s$/, '')]);
        continue;
      }
      m.targets.forEach((target, k) => {
        const to = typeof target === 'string' ? local.get(m.to)?.get(target) : undefined;
        if (to === undefined) ctx.drop(file, [...m.path, k], target, 'danglingRef', [`${m.to.replace(/s$/, '')} of this canvas`]);
        else fit!.mappings.push([m.from, to]);
      });
    }
    if (Array.isArray(kept.mappings)) fit.mappings.push(...kept.mappings);
  });
  return orderFits(fits, fitOrder);
}

/** Fits in the order import found them (x-bmml.fits), whole fits it kept there, then new ones. */
function orderFits(fits: Map<string, Fit>, order: unknown): Plain[] {
  const out: Plain[] = [];
  const done = new Set<Fit>();
  const emit = (fit: Fit) => {
    if (done.has(fit)) return;
    done.add(fit);
    if (fit.mappings.length) fit.entry.mappings = fit.mappings;
    out.push(fit.entry);
  };
  for (const item of Array.isArray(order) ? order : []) {
    if (typeof item === 'string') {
      const fit = fits.get(item);
      if (fit) emit(fit);
    } else out.push(item as Plain);
  }
  for (const fit of fits.values()) emit(fit);
  return out;
}
