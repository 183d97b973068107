import type { Card } from '../model';
import { BLOCK_BY_KEY, resolveRef } from '../schema';
import { cardLabel, Rule } from './context';

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
export const unservedSegment: Rule = ({ sink, cardsOf }) => {
  const served = segmentsNamedBy(cardsOf(VALUE_PROPOSITIONS));
  for (const segment of cardsOf(SEGMENTS)) {
    if (!segment.id) sink.add('unserved-segment', segment.labelSpan, 'unservedSegmentNoId', [cardLabel(segment)]);
    else if (!served.has(segment.id.value)) sink.add('unserved-segment', segment.labelSpan, 'unservedSegment', [cardLabel(segment)]);
  }
};

/** `segment-without-relationship`: every segment should be named by some customer relationship. */
export const segmentWithoutRelationship: Rule = ({ sink, cardsOf }) => {
  const related = segmentsNamedBy(cardsOf(RELATIONSHIPS));
  for (const segment of cardsOf(SEGMENTS)) {
    if (!segment.id || !related.has(segment.id.value)) {
      sink.add('segment-without-relationship', segment.labelSpan, 'segmentWithoutRelationship', [cardLabel(segment)]);
    }
  }
};

/** `unlinked-platform-side`: a side of a multi-sided platform names the other sides in `linked`. */
export const unlinkedPlatformSide: Rule = ({ sink, cardsOf }) => {
  for (const segment of cardsOf(SEGMENTS)) {
    if (segment.type?.value !== PLATFORM) continue;
    if (segment.references.some((r) => r.field === 'linked')) continue;
    sink.add('unlinked-platform-side', segment.type, 'unlinkedPlatformSide', [cardLabel(segment)]);
  }
};

/** `failed-segment-check`: each of the six segment tests written as false is its own finding. */
export const failedSegmentCheck: Rule = ({ sink, cardsOf }) => {
  const checks = resolveRef(BLOCK_BY_KEY.get(SEGMENTS)?.card.properties?.checks ?? {});
  for (const segment of cardsOf(SEGMENTS)) {
    for (const check of segment.failedChecks) {
      const meaning = resolveRef(checks.properties?.[check.value] ?? {}).description ?? '';
      sink.add('failed-segment-check', check, 'failedSegmentCheck', [cardLabel(segment), check.value, meaning]);
    }
  }
};
