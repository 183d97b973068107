/**
 * `export bmml`: a business-model canvas and the value-proposition canvases linked to it -> one
 * BMML v2 text, checked against BMML's schema before it is returned. Lossy by nature: every value
 * with no place in BMML is listed in `dropped`; what import kept under x-bmml is put back.
 */
import { visibleText } from '../visibleText';
import { schemaError, writeBmml } from './bmmlYaml';
import { entryOf, FieldTarget, mergeKept } from './exportCards';
import { CanvasSource, cardObject, DroppedValue, ExportContext, readCanvas, textOf } from './exportContext';
import { mergeValuePropositions } from './exportValueProposition';
import { baseName } from './ids';
import { bmmlProblem, BmmlProblem } from './messages';
import { isPlainObject, Plain } from './readBmml';
import { SECTIONS, XBMML } from './vocabulary';

export type { CanvasSource, DroppedValue } from './exportContext';

export interface BmmlExportInput {
  businessModel: CanvasSource;
  /** The value-proposition canvases linked to it (the host finds them). */
  valuePropositions?: readonly CanvasSource[];
}

export interface BmmlExportResult {
  /** The BMML text; absent when refused (see `problems`). */
  text?: string;
  dropped: DroppedValue[];
  /** What export changed to satisfy BMML (ids given a prefix, required meta filled in). */
  notes: BmmlProblem[];
  /** Errors that stopped the export. */
  problems: BmmlProblem[];
}

const DEFAULT_META: readonly [string, string][] = [
  ['portfolio', 'explore'],
  ['stage', 'ideation'],
];

/** Ids of our cards -> BMML ids, per block (card index -> id, and our id -> id for links). */
export interface IdTables {
  byIndex: Map<string, string[]>;
  byOurId: Map<string, Map<string, string>>;
}

function cardsOf(canvas: Plain, block: string): unknown[] {
  const cards = canvas[block];
  return Array.isArray(cards) ? cards : [];
}

function assignIds(ctx: ExportContext, bm: Plain): IdTables {
  const tables: IdTables = { byIndex: new Map(), byOurId: new Map() };
  for (const spec of SECTIONS) {
    const byIndex: string[] = [];
    const byOurId = new Map<string, string>();
    cardsOf(bm, spec.block).forEach((card, i) => {
      const id = cardObject(card)?.id;
      const kept = ctx.reserve(id, spec.prefix);
      if (kept) (byIndex[i] = kept), byOurId.set(kept, kept);
    });
    tables.byIndex.set(spec.block, byIndex);
    tables.byOurId.set(spec.block, byOurId);
  }
  for (const spec of SECTIONS) {
    const byIndex = tables.byIndex.get(spec.block)!;
    const byOurId = tables.byOurId.get(spec.block)!;
    cardsOf(bm, spec.block).forEach((card, i) => {
      const object = cardObject(card);
      if (!object || byIndex[i]) return;
      const ourId = typeof object.id === 'string' ? object.id : undefined;
      if (ourId !== undefined && byOurId.has(ourId)) return void (byIndex[i] = byOurId.get(ourId)!);
      byIndex[i] = ctx.generate(ourId, textOf(object.name), spec.prefix, spec.noun);
      if (ourId !== undefined) byOurId.set(ourId, byIndex[i]);
    });
  }
  return tables;
}

/** At most this many keys are taken out for the schema (each costs one validation of the whole file). */
const MAX_SCHEMA_DROPS = 200;

/**
 * Keys BMML's schema does not allow (what import kept of an unknown section or key, put back) are
 * taken out and reported, one validation at a time; any other schema problem is left for writeBmml
 * to refuse.
 */
function dropWhatSchemaRefuses(ctx: ExportContext, out: Plain, file: string): void {
  for (let n = 0; n < MAX_SCHEMA_DROPS; n++) {
    const error = schemaError(out);
    const key = error?.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
    if (typeof key !== 'string') return;
    const path = error!.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let parent: unknown = out;
    for (const part of path) parent = Array.isArray(parent) ? parent[Number(part)] : isPlainObject(parent) ? parent[part] : undefined;
    if (!isPlainObject(parent) || !Object.hasOwn(parent, key)) return;
    ctx.dropBmml(file, [...path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), key], parent[key]);
    delete parent[key];
  }
}

interface Served {
  vp: string;
  segments: unknown;
  path: (string | number)[];
}

/** A fit (with no mappings) for each segment a proposition names that no fit pairs it with yet. */
function addServingFits(ctx: ExportContext, fits: Plain[], served: readonly Served[], ids: IdTables, file: string): void {
  const segmentIds = ids.byOurId.get('customer-segments')!;
  const pairs = new Set<string>();
  for (const fit of fits) {
    const links = isPlainObject(fit.for) ? fit.for : {};
    for (const vp of Array.isArray(links.value_propositions) ? links.value_propositions : []) for (const cs of Array.isArray(links.customer_segments) ? links.customer_segments : []) pairs.add(`${vp} ${cs}`);
  }
  for (const { vp, segments, path } of served) {
    if (!Array.isArray(segments)) {
      ctx.drop(file, path, segments, 'noField', ['segments', 'value proposition']);
      continue;
    }
    segments.forEach((ourId, i) => {
      const cs = typeof ourId === 'string' ? segmentIds.get(ourId) : undefined;
      if (cs === undefined) return void ctx.drop(file, [...path, i], ourId, 'danglingRef', ['customer segment']);
      if (pairs.has(`${vp} ${cs}`)) return;
      pairs.add(`${vp} ${cs}`);
      fits.push({ id: ctx.generate(undefined, `${vp.replace(/^vp-/, '')}-${cs.replace(/^cs-/, '')}`, 'fit-', 'fit', true), for: { value_propositions: [vp], customer_segments: [cs] } });
    });
  }
}

export function exportBmml(input: BmmlExportInput): BmmlExportResult {
  const ctx = new ExportContext();
  const refuse = (problem: BmmlProblem): BmmlExportResult => ({ dropped: ctx.dropped, notes: ctx.notes, problems: [problem] });
  const read = readCanvas(input.businessModel);
  if ('error' in read) return refuse(bmmlProblem('error', 'notCanvas', [read.error]));
  const bm = read.data;
  if (bm.canvas !== 'business-model') return refuse(bmmlProblem('error', 'notBusinessModel', [visibleText(textOf(bm.canvas))]));
  const vpcs: { source: CanvasSource; data: Plain }[] = [];
  for (const source of input.valuePropositions ?? []) {
    const vpc = readCanvas(source);
    if ('error' in vpc) return refuse(bmmlProblem('error', 'notCanvas', [vpc.error]));
    if (vpc.data.canvas === 'value-proposition') vpcs.push({ source, data: vpc.data });
  }
  const file = input.businessModel.name;
  const ids = assignIds(ctx, bm);
  const xbmml = isPlainObject(bm[XBMML]) ? bm[XBMML] : {};
  if (bm[XBMML] !== undefined && !isPlainObject(bm[XBMML])) ctx.drop(file, [XBMML], bm[XBMML], 'xbmmlOverridden', []);

  const meta: Plain = { name: textOf(bm.title) };
  if (bm.description !== undefined) meta.tagline = textOf(bm.description);
  mergeKept(ctx, meta, xbmml.meta, { file, path: [XBMML, 'meta'] });
  for (const [key, value] of DEFAULT_META) {
    if (meta[key] !== undefined) continue;
    meta[key] = value;
    ctx.note('defaulted', [key, value]);
  }
  const out: Plain = { version: '2.0', meta };
  const sections = new Map<string, Plain[]>();
  const servedBy: Served[] = [];
  for (const spec of SECTIONS) {
    const fields = new Map<string, FieldTarget>([['name', { key: 'name' }]]);
    if (spec.description) fields.set('description', { key: 'description' });
    for (const link of spec.links) {
      const target = SECTIONS.find((s) => s.section === link.section)!;
      const table = ids.byOurId.get(target.block)!;
      fields.set(link.field, { preposition: link.preposition, section: link.section, ids: (id) => table.get(id), targetNoun: target.noun });
    }
    const entries = cardsOf(bm, spec.block).flatMap((card, i) => {
      let object = cardObject(card);
      if (object && spec.section === 'value_propositions' && 'segments' in object) {
        // Written as fits (below): BMML relates a proposition to a segment only through them.
        const { segments: served, ...rest } = object;
        servedBy.push({ vp: ids.byIndex.get(spec.block)![i], segments: served, path: [spec.block, i, 'segments'] });
        object = rest;
      }
      if (!object) {
        ctx.drop(file, [spec.block, i], card, 'noField', ['this kind of card', spec.noun]);
        return [];
      }
      return [entryOf(ctx, object, { file, path: [spec.block, i], noun: spec.noun, id: ids.byIndex.get(spec.block)![i], fields })];
    });
    if (bm[spec.block] !== undefined || Array.isArray(xbmml[spec.section])) sections.set(spec.section, entries);
  }
  const fits = mergeValuePropositions(ctx, vpcs, sections, ids, xbmml.fits);
  addServingFits(ctx, fits, servedBy, ids, file);
  for (const spec of SECTIONS) {
    const entries = sections.get(spec.section);
    if (spec.section === 'channels' && fits.length) out.fits = fits;
    if (!entries) continue;
    // Entries of the section that were no mappings in the BMML file, kept by import as they were.
    if (Array.isArray(xbmml[spec.section])) entries.push(...(xbmml[spec.section] as Plain[]));
    out[spec.section] = entries;
  }
  if (fits.length && !('fits' in out)) out.fits = fits;
  const known = new Set(['canvas', 'title', 'description', 'version', XBMML, ...SECTIONS.map((s) => s.block)]);
  for (const [key, value] of Object.entries(bm)) {
    if (!known.has(key)) ctx.drop(file, [key], value, key.startsWith('x-') ? 'extensionKey' : 'noField', [key, 'a business model']);
  }
  // Sections BMML v2 does not know, kept by import: put back as they were (the schema check decides).
  for (const [key, value] of Object.entries(xbmml)) {
    if (key === 'meta' || key === 'fits' || SECTIONS.some((s) => s.section === key && Array.isArray(value))) continue;
    if (out[key] === undefined) out[key] = value;
  }
  dropWhatSchemaRefuses(ctx, out, file);
  const header = ` Exported from ${visibleText(baseName(file))} by canvas-as-code export bmml (BMML v2).`;
  const written = writeBmml(out, header);
  if ('problem' in written) return refuse(written.problem);
  return { text: written.text, dropped: ctx.dropped, notes: ctx.notes, problems: [] };
}
