import { kindInfo } from '../schema';
import type { Rule } from './context';

/** `empty-block`: each block of the canvas's kind is present and has a card; shown with its guiding question. */
export const emptyBlock: Rule = ({ model, sink }) => {
  for (const block of kindInfo(model.kind).blocks) {
    const entry = model.blocks.get(block.key);
    if (!entry) {
      // Something missing is shown on its nearest parent key: the `canvas` key.
      const span = model.canvasKeySpan ?? { start: 0, end: 0 };
      sink.add('empty-block', span, 'emptyBlockMissing', [block.key, block.guide]);
    } else if (entry.isList && entry.itemCount === 0) {
      sink.add('empty-block', entry.keySpan, 'emptyBlockEmpty', [block.key, block.guide]);
    }
  }
};
