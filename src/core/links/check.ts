/**
 * Checks a value-proposition canvas against the business model it names: `unknown-canvas` on the
 * `business-model` value when the path is refused or leads to no business-model canvas, else
 * `unknown-reference` on `segment` / `value-proposition` when the id is not in that file.
 */
import { closest } from '../closest';
import { formatTemplate } from '../messages';
import { effectiveSeverity } from '../severity';
import type { CanvasDiagnostic, Localizer, RuleCode, SeverityOverrides, Span } from '../types';
import type { CanvasModel } from '../model';
import { LINK_MESSAGES, LinkMessageId } from './messages';
import { cardWithId, idsOf, LINKED_BLOCKS, LinkedModel, linksOf } from './model';
import { resolveLinkPath } from './path';
import type { LinkReader, LinkTargets } from './target';

export interface LinkCheckContext {
  /** The value-proposition canvas's own path ("/"-separated, absolute). */
  file: string;
  /** The workspace or project root: a link may not lead out of it. */
  root: string;
  read: LinkReader;
  /** Judged targets, shared by every check of a session. */
  targets: LinkTargets;
  severities?: SeverityOverrides;
  localize?: Localizer;
}

export interface LinkCheck {
  diagnostics: CanvasDiagnostic[];
  /** The path the link resolved to (also when no business model was found there). */
  target?: string;
  /** The business model found there. */
  businessModel?: { model: CanvasModel; text: string };
}

function diagnostic(
  code: RuleCode,
  span: Span,
  id: LinkMessageId,
  args: readonly string[],
  context: LinkCheckContext,
  suggestion?: string,
): CanvasDiagnostic | undefined {
  const severity = effectiveSeverity(code, context.severities);
  if (severity === 'off') return undefined;
  const template = LINK_MESSAGES[id];
  const found: CanvasDiagnostic = {
    code,
    severity,
    message: (context.localize ?? formatTemplate)(template, args),
    template,
    args: [...args],
    start: span.start,
    end: span.end,
  };
  if (suggestion !== undefined) found.suggestion = suggestion;
  return found;
}

/**
 * The link problems of a canvas (none unless it is a value-proposition canvas with a
 * `business-model`). Reads the target through `context.read` at most once and validates it only
 * when `context.targets` has not judged that text before. Never throws for a bad link.
 */
export function checkLinks(model: LinkedModel | undefined, context: LinkCheckContext): LinkCheck {
  const links = linksOf(model);
  if (!links) return { diagnostics: [] };
  const found: (CanvasDiagnostic | undefined)[] = [];
  const written = links.businessModel;
  const resolved = resolveLinkPath(written.value, context.file, context.root);
  if ('problem' in resolved) {
    found.push(diagnostic('unknown-canvas', written, resolved.problem, resolved.args, context));
    return { diagnostics: found.filter(isDefined) };
  }
  const target = resolved.path;
  if (target === context.file) {
    found.push(diagnostic('unknown-canvas', written, 'self', [], context));
    return { diagnostics: found.filter(isDefined), target };
  }
  const judged = context.targets.judge(target, context.read(target));
  if ('problem' in judged) {
    found.push(diagnostic('unknown-canvas', written, judged.problem, [written.value, ...judged.args], context));
    return { diagnostics: found.filter(isDefined), target };
  }
  for (const field of ['segment', 'valueProposition'] as const) {
    const id = links[field];
    if (!id) continue;
    const block = LINKED_BLOCKS[field];
    if (cardWithId(judged.model, block, id.value)) continue;
    const suggestion = closest(id.value, idsOf(judged.model, block));
    const message = field === 'segment' ? 'unknownSegment' : 'unknownValueProposition';
    const args = [id.value, written.value];
    if (suggestion !== undefined) found.push(diagnostic('unknown-reference', id, `${message}Suggest`, [...args, suggestion], context, suggestion));
    else found.push(diagnostic('unknown-reference', id, message, args, context));
  }
  return { diagnostics: found.filter(isDefined), target, businessModel: judged };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
