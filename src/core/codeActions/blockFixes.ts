import { MESSAGES } from '../messages';
import { kindInfo } from '../schema';
import { action } from './actions';
import { addCardToBlock, placeholderCard } from './blocks';
import type { CodeAction, FixContext } from './types';

/** `empty-block`: add the missing block, or a first card to the empty one, with a name to replace. */
export function emptyBlockFixes(context: FixContext): CodeAction[] {
  const { diagnostic } = context;
  const block = diagnostic.args[0];
  if (!block || !kindInfo(context.model.kind).blockByKey.has(block)) return [];
  const missing = diagnostic.template === MESSAGES.emptyBlockMissing;
  if (missing && context.model.blocks.has(block)) return [];
  return action(context, missing ? 'addBlock' : 'addFirstCard', [block], addCardToBlock(context, block, placeholderCard(block, context.model.kind)));
}
