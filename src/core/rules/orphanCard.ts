import { kindInfo, KindInfo } from '../schema';
import { cardLabel, Rule } from './context';

const SEGMENTS = 'customer-segments';

/**
 * Blocks whose cards carry a `segments` field are on the value side of the canvas: each of their
 * cards should be traceable to a segment. Read from the schema, not listed by hand. A business-model
 * rule (format.md): the Lean Canvas's `segments` fields are optional context.
 */
function traceableBlocks(): Map<string, string> {
  const info = kindInfo('business-model');
  let blocks = TRACEABLE_BLOCKS.get(info);
  if (!blocks) {
    blocks = new Map(info.blocks.filter((b) => b.key !== SEGMENTS && b.references.get('segments') === SEGMENTS).map((b) => [b.key, b.card.title ?? b.title]));
    TRACEABLE_BLOCKS.set(info, blocks);
  }
  return blocks;
}

/** Per KindInfo (a new one when the texts are translated): block key -> its card's title. */
const TRACEABLE_BLOCKS = new WeakMap<KindInfo, Map<string, string>>();

/** `orphan-card`: a value proposition, channel, relationship or revenue stream that names no segment. */
export const orphanCard: Rule = ({ model, sink, cardsOf }) => {
  if (model.kind !== 'business-model') return;
  for (const [block, title] of traceableBlocks()) {
    for (const card of cardsOf(block)) {
      if (card.references.some((r) => r.field === 'segments')) continue;
      sink.add('orphan-card', card.labelSpan, 'orphanCard', [title, cardLabel(card)]);
    }
  }
};
