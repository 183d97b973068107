import type { Card } from '../model';

/**
 * The key of every card, in file order: its id, else `block#index` (`~n` added to a repeat). Of two
 * cards sharing an id, the first written keeps it. The preview patches its DOM by these keys and
 * the health summary names its hypotheses by them, so both come from here.
 */
export function cardKeys(cards: readonly Card[]): Map<Card, string> {
  const keys = new Map<Card, string>();
  const taken = new Set<string>();
  for (const card of cards) {
    let key = card.id?.value && !taken.has(card.id.value) ? card.id.value : `${card.block}#${card.index}`;
    for (let n = 2; taken.has(key); n++) key = `${card.block}#${card.index}~${n}`;
    taken.add(key);
    keys.set(card, key);
  }
  return keys;
}
