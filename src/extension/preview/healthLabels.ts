import * as vscode from 'vscode';
import { HEALTH_MESSAGES, type HealthMessageId } from '../../core';
import type { HealthLabels } from '../../shared/labels/health';

/** The preview's health strings, translated here (the page has no l10n of its own). */
export function healthLabels(): HealthLabels {
  // The core's templates, keyed by their English text in the l10n bundle; the page fills them in.
  const template = (id: HealthMessageId) => vscode.l10n.t(HEALTH_MESSAGES[id]);
  return {
    region: vscode.l10n.t('Canvas health'),
    blocks: template('blocks'),
    oneProblem: template('oneProblem'),
    problems: template('problems'),
    oneHypothesis: template('oneHypothesis'),
    hypotheses: template('hypotheses'),
    separator: template('separator'),
    nextEmptyBlock: vscode.l10n.t('Go to the next empty block'),
    showProblems: vscode.l10n.t('Go to the problems'),
    nextHypothesis: vscode.l10n.t('Go to the next untested hypothesis'),
  };
}
