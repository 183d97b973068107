import { closest } from '../closest';
import { BLOCK_BY_KEY } from '../schema';
import type { Rule } from './context';

/** `unknown-reference`: a reference must name a card of the block its field points to. */
export const unknownReference: Rule = ({ model, sink, ids }) => {
  const { firstById, hasId, idsOf } = ids();
  for (const card of model.cards) {
    for (const ref of card.references) {
      if (hasId(ref.targetBlock, ref.id)) continue;
      // A reference the schema already rejected (e.g. not kebab-case) is one problem, not two.
      if (sink.hasAnyAt(ref.start)) continue;
      const target = BLOCK_BY_KEY.get(ref.targetBlock)?.title ?? ref.targetBlock;
      const actual = firstById.get(ref.id)?.block;
      const suggestion = closest(ref.id, [...new Set(idsOf(ref.targetBlock))]);
      if (actual) {
        const actualTitle = BLOCK_BY_KEY.get(actual)?.title ?? actual;
        sink.add('unknown-reference', ref, 'unknownReferenceWrongBlock', [ref.id, actualTitle, ref.field, target], suggestion);
      } else {
        sink.add('unknown-reference', ref, 'unknownReference', [ref.id, target], suggestion);
      }
    }
  }
};
