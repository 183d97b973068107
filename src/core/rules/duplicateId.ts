import type { Rule } from './context';

/** `duplicate-id`: ids are unique across the whole file; every repeat is shown, pointing at the first. */
export const duplicateId: Rule = ({ sink, lineOf, ids }) => {
  const { firstById, repeats } = ids();
  for (const repeat of repeats) {
    const first = firstById.get(repeat.value)!.id!;
    sink.add('duplicate-id', repeat, 'duplicateId', [repeat.value, lineOf(first.start)]);
  }
};
