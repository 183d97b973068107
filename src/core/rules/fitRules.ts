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
  /** The profile's block (pains, gains) and the value map's block and field that should name its cards. */
  profile: string;
  answer: string;
  field: string;
  message: MessageId;
  messageNoId: MessageId;
}

/** The two gaps in the fit, by rule code; the quick fixes (codeActions/index.ts) name a card the same way. */
export const FIT_GAPS = {
  'unrelieved-pain': { profile: 'pains', answer: 'pain-relievers', field: 'relieves', message: 'unrelievedPain', messageNoId: 'unrelievedPainNoId' },
  'uncreated-gain': { profile: 'gains', answer: 'gain-creators', field: 'creates', message: 'uncreatedGain', messageNoId: 'uncreatedGainNoId' },
} as const satisfies Partial<Record<RuleCode, Gap>>;

function reportGaps({ model, sink, cardsOf }: RuleContext, code: keyof typeof FIT_GAPS): void {
  if (model.kind !== 'value-proposition') return;
  const gap: Gap = FIT_GAPS[code];
  const named = idsNamed(cardsOf(gap.answer), gap.field);
  for (const card of cardsOf(gap.profile)) {
    if (!card.id) sink.add(code, card.labelSpan, gap.messageNoId, [cardLabel(card)]);
    else if (!named.has(card.id.value)) sink.add(code, card.labelSpan, gap.message, [cardLabel(card)]);
  }
}

/** `unrelieved-pain`: every pain should be named by some pain reliever (in `relieves`). */
export const unrelievedPain: Rule = (context) => reportGaps(context, 'unrelieved-pain');

/** `uncreated-gain`: every gain should be named by some gain creator (in `creates`). */
export const uncreatedGain: Rule = (context) => reportGaps(context, 'uncreated-gain');

