import type { Located } from '../model';
import type { Rule } from './context';

/** `duplicate-id`: ids are unique across the whole file; every repeat is shown, pointing at the first. */
export const duplicateId: Rule = ({ model, sink, lineOf }) => {
  const first = new Map<string, Located<string>>();
  for (const card of model.cards) {
    if (!card.id) continue;
    const earlier = first.get(card.id.value);
    if (earlier) sink.add('duplicate-id', card.id, 'duplicateId', [card.id.value, lineOf(earlier.start)]);
    else first.set(card.id.value, card.id);
  }
};
