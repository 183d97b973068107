import type { DiagnosticSink } from '../diagnosticSink';
import type { CanvasModel } from '../model';
import { createRuleContext, Rule } from './context';
import { duplicateId } from './duplicateId';
import { emptyBlock } from './emptyBlock';
import { uncreatedGain, unrelievedPain } from './fitRules';
import { orphanCard } from './orphanCard';
import { failedSegmentCheck, segmentWithoutRelationship, unlinkedPlatformSide, unservedSegment } from './segmentRules';
import { unknownReference } from './unknownReference';

/** The semantic rules of format.md, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  duplicateId,
  unknownReference,
  unservedSegment,
  orphanCard,
  segmentWithoutRelationship,
  unlinkedPlatformSide,
  failedSegmentCheck,
  unrelievedPain,
  uncreatedGain,
  emptyBlock,
];

export function runRules(model: CanvasModel, sink: DiagnosticSink, text: string): void {
  const context = createRuleContext(model, sink, text);
  for (const rule of RULES) rule(context);
}
