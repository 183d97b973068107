import { closest } from '../closest';
import { BLOCK_BY_KEY } from '../schema';
import type { Rule } from './context';

/** `unknown-reference`: a reference must name a card of the block its field points to. */
export const unknownReference: Rule = ({ model, sink }) => {
  const blockOfId = new Map<string, string>();
  for (const card of model.cards) if (card.id && !blockOfId.has(card.id.value)) blockOfId.set(card.id.value, card.block);
  const idsByBlock = new Map<string, Set<string>>();
  for (const card of model.cards) {
    if (!card.id) continue;
    let ids = idsByBlock.get(card.block);
    if (!ids) idsByBlock.set(card.block, (ids = new Set()));
    ids.add(card.id.value);
  }
  for (const card of model.cards) {
    for (const ref of card.references) {
      if (idsByBlock.get(ref.targetBlock)?.has(ref.id)) continue;
      // A reference the schema already rejected (e.g. not kebab-case) is one problem, not two.
      if (sink.hasAnyAt(ref.start)) continue;
      const target = BLOCK_BY_KEY.get(ref.targetBlock)?.title ?? ref.targetBlock;
      const actual = blockOfId.get(ref.id);
      const suggestion = closest(ref.id, [...(idsByBlock.get(ref.targetBlock) ?? [])]);
      if (actual) {
        const actualTitle = BLOCK_BY_KEY.get(actual)?.title ?? actual;
        sink.add('unknown-reference', ref, 'unknownReferenceWrongBlock', [ref.id, actualTitle, ref.field, target], suggestion);
      } else {
        sink.add('unknown-reference', ref, 'unknownReference', [ref.id, target], suggestion);
      }
    }
  }
};
