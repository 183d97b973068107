/**
 * The reverse index: which value-proposition canvases point at a business model, and at which of
 * its segments and value propositions. Built from each canvas's own model (no target is read), so
 * a workspace scan costs one parse per value-proposition canvas.
 */
import type { Located } from '../model';
import type { Span } from '../types';
import { LINKED_BLOCKS, LinkedModel, linksOf, IdLinkField } from './model';
import { resolveLinkPath } from './path';

/** One value-proposition canvas's link, resolved. */
export interface VpcLink {
  /** The value-proposition canvas. */
  file: string;
  /** The business model's path it resolves to. */
  target: string;
  businessModel: Located<string>;
  segment?: Located<string>;
  valueProposition?: Located<string>;
}

/** The link of a value-proposition canvas, or undefined (another kind, no link, a refused path). */
export function readLink(file: string, model: LinkedModel | undefined, root: string): VpcLink | undefined {
  const links = linksOf(model);
  if (!links) return undefined;
  const resolved = resolveLinkPath(links.businessModel.value, file, root);
  if ('problem' in resolved || resolved.path === file) return undefined;
  const link: VpcLink = { file, target: resolved.path, businessModel: links.businessModel };
  if (links.segment) link.segment = links.segment;
  if (links.valueProposition) link.valueProposition = links.valueProposition;
  return link;
}

/** A place in a value-proposition canvas that names a card of the business model. */
export interface LinkSite {
  file: string;
  field: IdLinkField;
  id: string;
  span: Span;
}

/** Every value-proposition canvas that points at `businessModel`, in the order given. */
export function linksTo(businessModel: string, links: Iterable<VpcLink>): VpcLink[] {
  const found: VpcLink[] = [];
  for (const link of links) if (link.target === businessModel) found.push(link);
  return found;
}

/**
 * The places that name the card `id` of `block` (customer-segments or value-propositions) of the
 * business model at `businessModel`, by file then position.
 */
export function sitesNaming(businessModel: string, block: string, id: string, links: Iterable<VpcLink>): LinkSite[] {
  const sites: LinkSite[] = [];
  for (const link of linksTo(businessModel, links)) {
    for (const field of ['segment', 'valueProposition'] as const) {
      const value = link[field];
      if (value && LINKED_BLOCKS[field] === block && value.value === id) {
        sites.push({ file: link.file, field, id, span: { start: value.start, end: value.end } });
      }
    }
  }
  return sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
}

/** For the business model's preview: each segment id with the value-proposition canvases on it. */
export function canvasesBySegment(businessModel: string, links: Iterable<VpcLink>): Map<string, string[]> {
  const bySegment = new Map<string, string[]>();
  for (const link of linksTo(businessModel, links)) {
    if (!link.segment) continue;
    const files = bySegment.get(link.segment.value);
    if (files) files.push(link.file);
    else bySegment.set(link.segment.value, [link.file]);
  }
  for (const files of bySegment.values()) files.sort();
  return bySegment;
}
