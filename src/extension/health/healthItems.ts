import * as vscode from 'vscode';
import { canvasHealth, kindInfo, type CanvasDiagnostic, type CanvasHealth, type Severity, type ValidationResult } from '../../core';
import { cardCursorOffset } from '../preview/revealTarget';

/** What the status bar and the quick pick show of one canvas: its health and where each entry leads. */
export interface HealthReport {
  health: CanvasHealth;
  /** Every problem counted, in file order (the validation's and the link problems published for this version). */
  problems: readonly CanvasDiagnostic[];
  result: ValidationResult;
}

/** `extra`: problems published besides the validation's own (links across files), so the counts match the Problems view. */
export function healthReport(result: ValidationResult, extra: readonly CanvasDiagnostic[] = []): HealthReport {
  const problems = extra.length ? [...result.diagnostics, ...extra].sort((a, b) => a.start - b.start || a.end - b.end) : result.diagnostics;
  return { health: canvasHealth({ model: result.model, diagnostics: problems }), problems, result };
}

export type HealthGroup = 'emptyBlock' | 'problem' | 'hypothesis';

export interface HealthPickItem extends vscode.QuickPickItem {
  group?: HealthGroup;
  /** Where picking it puts the cursor (an offset into the text); absent on separators and the all-clear line. */
  offset?: number;
}

const SEVERITY_ICON: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'info', hint: 'lightbulb' };

/**
 * Quick pick labels render `$(name)` as an icon; text from a canvas (a card's name, a message
 * quoting the file) must show as written, so its `$(` is escaped.
 */
export function literal(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/**
 * The quick pick's entries: empty blocks, problems, untested hypotheses, each group under a
 * separator, each entry with the offset its pick moves the cursor to (a block's key or the
 * `canvas` key for a missing one, a problem's start, a card's name as the preview's reveal does).
 */
export function healthPickItems(report: HealthReport, positionAt: (offset: number) => vscode.Position): HealthPickItem[] {
  const { health, problems, result } = report;
  const items: HealthPickItem[] = [];
  const separator = (label: string): HealthPickItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  if (health.emptyBlocks.length) {
    items.push(separator(vscode.l10n.t('Empty blocks')));
    const blocks = kindInfo(result.model?.kind ?? 'business-model').blockByKey;
    for (const empty of health.emptyBlocks) {
      items.push({
        group: 'emptyBlock',
        label: `$(circle-large-outline) ${literal(empty.title)}`,
        description: empty.block,
        detail: literal(blocks.get(empty.block)?.guide ?? ''),
        offset: empty.span.start,
      });
    }
  }
  if (problems.length) {
    items.push(separator(vscode.l10n.t('Problems')));
    for (const problem of problems) {
      const at = positionAt(problem.start);
      items.push({
        group: 'problem',
        label: `$(${SEVERITY_ICON[problem.severity]}) ${literal(problem.message)}`,
        description: `${at.line + 1}:${at.character + 1} ${problem.code}`,
        offset: problem.start,
      });
    }
  }
  if (health.hypotheses.length) {
    items.push(separator(vscode.l10n.t('Untested hypotheses')));
    const blocks = kindInfo(result.model?.kind ?? 'business-model').blockByKey;
    for (const hypothesis of health.hypotheses) {
      items.push({
        group: 'hypothesis',
        label: `$(beaker) ${literal(hypothesis.name)}`,
        description: literal(blocks.get(hypothesis.block)?.title ?? hypothesis.block),
        offset: cardCursorOffset(result.model, hypothesis.key, hypothesis.span),
      });
    }
  }
  if (!items.length) items.push({ label: vscode.l10n.t('Every block has a card, no problems, no untested hypotheses.') });
  return items;
}

/** The status bar item's tooltip: the summary's parts spelled out. */
export function healthTooltip(health: CanvasHealth): string {
  const { error, warning, information, hint } = health.problems;
  const lines = [
    vscode.l10n.t('Blocks with a card: {0} of {1}', health.blocksFilled, health.blocksTotal),
    ...(health.emptyBlocks.length ? [vscode.l10n.t('Empty: {0}', health.emptyBlocks.map((b) => b.title).join(', '))] : []),
    vscode.l10n.t('Problems: {0} errors, {1} warnings, {2} information, {3} hints', error, warning, information, hint),
    vscode.l10n.t('Untested hypotheses (status: hypothesis): {0}', health.hypotheses.length),
    vscode.l10n.t('Click to list them and go to one.'),
  ];
  return lines.join('\n');
}
