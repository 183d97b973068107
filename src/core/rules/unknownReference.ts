import { closest } from '../closest';
import { kindInfo } from '../schema';
import type { Rule } from './context';

/**
 * A suggestion compares the dangling id with every id of its block: a file with thousands of each
 * would spend minutes on it (issue 12). Past this many comparisons in one file, the remaining
 * dangling references are still reported, in the same words, without a suggested id.
 */
export const SUGGESTION_COMPARISONS = 50_000;

/** `unknown-reference`: a reference must name a card of the block its field points to. */
export const unknownReference: Rule = ({ model, sink, ids }) => {
  const { firstById, hasId, idsOf } = ids();
  const candidates = new Map<string, string[]>();
  const suggestions = new Map<string, string | undefined>();
  let budget = SUGGESTION_COMPARISONS;
  const { blockByKey } = kindInfo(model.kind);
  const suggest = (block: string, id: string): string | undefined => {
    const key = `${block}\u0000${id}`;
    if (suggestions.has(key)) return suggestions.get(key);
    let among = candidates.get(block);
    if (!among) candidates.set(block, (among = [...new Set(idsOf(block))]));
    let suggestion: string | undefined;
    if (among.length <= budget) {
      budget -= among.length;
      suggestion = closest(id, among);
    }
    suggestions.set(key, suggestion);
    return suggestion;
  };
  for (const card of model.cards) {
    for (const ref of card.references) {
      if (hasId(ref.targetBlock, ref.id)) continue;
      // A reference the schema already rejected (e.g. not kebab-case) is one problem, not two.
      if (sink.hasAnyAt(ref.start)) continue;
      const target = blockByKey.get(ref.targetBlock)?.title ?? ref.targetBlock;
      const actual = firstById.get(ref.id)?.block;
      const suggestion = suggest(ref.targetBlock, ref.id);
      if (actual) {
        const actualTitle = blockByKey.get(actual)?.title ?? actual;
        sink.add('unknown-reference', ref, 'unknownReferenceWrongBlock', [ref.id, actualTitle, ref.field, target], suggestion);
      } else {
        sink.add('unknown-reference', ref, 'unknownReference', [ref.id, target], suggestion);
      }
    }
  }
};
