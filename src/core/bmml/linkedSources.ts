/**
 * Which value-proposition canvases go into a business model's BMML: those whose `business-model`
 * resolves, by the rules of links across files (core/links: relative to the canvas, inside the
 * root, no URL, absolute path, control character or non-canvas name), to the business model. The
 * CLI and the editor both ask here, so export includes exactly what validate and the editor link.
 */
import { formatTemplate } from '../messages';
import { validateCanvas } from '../validate';
import { LINK_MESSAGES, linksOf, linksTo, readLink, resolveLinkPath } from '../links';
import type { VpcLink } from '../links';
import type { CanvasSource } from './exportContext';
import { bmmlProblem } from './messages';
import type { BmmlProblem } from './messages';

/** A canvas file that may link to the business model. */
export interface LinkCandidate {
  /** Its host path ("/"-separated, absolute), as core/links takes it. */
  file: string;
  /** Its name in the report (relative to the business model's folder). */
  name: string;
  text: string;
  /** The root its link may not lead out of (the CLI's project root, the editor's workspace folder). */
  root: string;
}

export interface LinkedSources {
  /** The canvases linked to the business model, by name. */
  sources: CanvasSource[];
  /** One warning (`linkRefused`) per value-proposition canvas whose path core/links refuses. */
  refused: BmmlProblem[];
}

/**
 * The candidates linked to `businessModel` (a host path). `isBusinessModel` decides whether an
 * accepted target is that file when the strings differ (the CLI: the same file through a symbolic
 * link that stays inside the root); by default only the same path is.
 */
export function canvasesLinkedTo(
  businessModel: string,
  candidates: Iterable<LinkCandidate>,
  isBusinessModel: (target: string, root: string) => boolean = () => false,
): LinkedSources {
  const links: VpcLink[] = [];
  const byFile = new Map<string, LinkCandidate>();
  const refused: BmmlProblem[] = [];
  for (const candidate of candidates) {
    // Cheap first: a value-proposition canvas names its kind in its text.
    if (candidate.file === businessModel || !candidate.text.includes('value-proposition')) continue;
    const model = validateCanvas(candidate.text).model;
    const written = linksOf(model)?.businessModel;
    if (!written) continue;
    const resolved = resolveLinkPath(written.value, candidate.file, candidate.root);
    if ('problem' in resolved) {
      refused.push(bmmlProblem('warning', 'linkRefused', [candidate.name, formatTemplate(LINK_MESSAGES[resolved.problem], resolved.args)]));
      continue;
    }
    const link = readLink(candidate.file, model, candidate.root);
    if (!link) continue;
    byFile.set(candidate.file, candidate);
    links.push(link.target !== businessModel && isBusinessModel(link.target, candidate.root) ? { ...link, target: businessModel } : link);
  }
  const sources = linksTo(businessModel, links).map((link) => {
    const { name, text } = byFile.get(link.file)!;
    return { name, text };
  });
  sources.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  refused.sort((a, b) => (a.args[0] < b.args[0] ? -1 : a.args[0] > b.args[0] ? 1 : 0));
  return { sources, refused };
}
