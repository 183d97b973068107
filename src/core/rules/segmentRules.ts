import type { Card } from '../model';
import { kindInfo, resolveRef } from '../schema';
import { cardLabel, Rule } from './context';

// The segment rules judge a business model's customer segments: they run for that kind only.

const SEGMENTS = 'customer-segments';
const VALUE_PROPOSITIONS = 'value-propositions';
const RELATIONSHIPS = 'customer-relationships';
const PLATFORM = 'multi-sided-platform';

/** Segment ids named by the cards of one block. */
function segmentsNamedBy(cards: readonly Card[]): Set<string> {
  const named = new Set<string>();
  for (const card of cards) for (const ref of card.references) if (ref.targetBlock === SEGMENTS) named.add(ref.id);
  return named;
}

/** `unserved-segment`: every segment should be the target of some value proposition. */
export const unservedSegment: Rule = ({ model, sink, cardsOf }) => {
  if (model.kind !== 'business-model') return;
  const served = segmentsNamedBy(cardsOf(VALUE_PROPOSITIONS));
  for (const segment of cardsOf(SEGMENTS)) {
    if (!segment.id) sink.add('unserved-segment', segment.labelSpan, 'unservedSegmentNoId', [cardLabel(segment)]);
    else if (!served.has(segment.id.value)) sink.add('unserved-segment', segment.labelSpan, 'unservedSegment', [cardLabel(segment)]);
  }
};

/** `segment-without-relationship`: every segment should be named by some customer relationship. */
export const segmentWithoutRelationship: Rule = ({ model, sink, cardsOf }) => {
  if (model.kind !== 'business-model') return;
  const related = segmentsNamedBy(cardsOf(RELATIONSHIPS));
  for (const segment of cardsOf(SEGMENTS)) {
    if (!segment.id || !related.has(segment.id.value)) {
      sink.add('segment-without-relationship', segment.labelSpan, 'segmentWithoutRelationship', [cardLabel(segment)]);
    }
  }
};

/** `unlinked-platform-side`: a side of a multi-sided platform names the other sides in `linked`. */
export const unlinkedPlatformSide: Rule = ({ model, sink, cardsOf }) => {
  if (model.kind !== 'business-model') return;
  for (const segment of cardsOf(SEGMENTS)) {
    if (segment.type?.value !== PLATFORM) continue;
    if (segment.references.some((r) => r.field === 'linked')) continue;
    sink.add('unlinked-platform-side', segment.type, 'unlinkedPlatformSide', [cardLabel(segment)]);
  }
};

/** `failed-segment-check`: each of the six segment tests written as false is its own finding. */
export const failedSegmentCheck: Rule = ({ model, sink, cardsOf }) => {
  if (model.kind !== 'business-model') return;
  const { schema, blockByKey } = kindInfo('business-model');
  const checks = resolveRef(blockByKey.get(SEGMENTS)?.card.properties?.checks ?? {}, schema);
  for (const segment of cardsOf(SEGMENTS)) {
    for (const check of segment.failedChecks) {
      const meaning = resolveRef(checks.properties?.[check.value] ?? {}, schema).description ?? '';
      sink.add('failed-segment-check', check, 'failedSegmentCheck', [cardLabel(segment), check.value, meaning]);
    }
  }
};
