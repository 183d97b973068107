/**
 * The fit of a value-proposition canvas: the value map should answer the customer profile. A pain
 * no pain reliever names, or a gain no gain creator names, is a gap in the fit.
 */
import type { Card } from '../model';
import type { MessageId } from '../messages';
import type { RuleCode } from '../types';
import { cardLabel, Rule, RuleContext } from './context';

/** The ids the cards of one block name in one reference field. */
function idsNamed(cards: readonly Card[], field: string): Set<string> {
  const named = new Set<string>();
  for (const card of cards) for (const ref of card.references) if (ref.field === field) named.add(ref.id);
  return named;
}

interface Gap {
  code: RuleCode;
  /** The profile's block (pains, gains) and the value map's block and field that should name its cards. */
  profile: string;
  answer: string;
  field: string;
  message: MessageId;
  messageNoId: MessageId;
}

function reportGaps({ model, sink, cardsOf }: RuleContext, gap: Gap): void {
  if (model.kind !== 'value-proposition') return;
  const named = idsNamed(cardsOf(gap.answer), gap.field);
  for (const card of cardsOf(gap.profile)) {
    if (!card.id) sink.add(gap.code, card.labelSpan, gap.messageNoId, [cardLabel(card)]);
    else if (!named.has(card.id.value)) sink.add(gap.code, card.labelSpan, gap.message, [cardLabel(card)]);
  }
}

/** `unrelieved-pain`: every pain should be named by some pain reliever (in `relieves`). */
export const unrelievedPain: Rule = (context) =>
  reportGaps(context, { code: 'unrelieved-pain', profile: 'pains', answer: 'pain-relievers', field: 'relieves', message: 'unrelievedPain', messageNoId: 'unrelievedPainNoId' });

/** `uncreated-gain`: every gain should be named by some gain creator (in `creates`). */
export const uncreatedGain: Rule = (context) =>
  reportGaps(context, { code: 'uncreated-gain', profile: 'gains', answer: 'gain-creators', field: 'creates', message: 'uncreatedGain', messageNoId: 'uncreatedGainNoId' });
