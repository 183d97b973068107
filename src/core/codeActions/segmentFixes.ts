import { isMap } from 'yaml';
import type { TextEdit } from '../edits';
import type { Card } from '../model';
import { isValidId } from '../rename';
import { cardLabel } from '../rules/context';
import { action } from './actions';
import { cardNoun, freeId } from './blocks';
import { addReferences, prependPair, stickyNoteToMap } from './cards';
import { kebabCase, yamlString } from './text';
import type { CodeAction, FixContext } from './types';
import { pairOf } from './yamlNodes';

// The same block and field names the rules use (rules/segmentRules.ts, rules/orphanCard.ts).
const SEGMENTS = 'customer-segments';
const VALUE_PROPOSITIONS = 'value-propositions';
const RELATIONSHIPS = 'customer-relationships';
const PLATFORM = 'multi-sided-platform';
const SEGMENTS_FIELD = 'segments';
const LINKED_FIELD = 'linked';

/** The card a card-level diagnostic is shown on (on its label). */
function cardAt(context: FixContext, blocks?: readonly string[]): Card | undefined {
  const { start, end } = context.diagnostic;
  return context.model.cards.find((c) => c.labelSpan.start === start && c.labelSpan.end === end && (!blocks || blocks.includes(c.block)));
}

/** Segments that can be named, once each (a duplicated id is one choice). */
function namedSegments(cards: readonly Card[], except?: Card): Card[] {
  const seen = new Set<string>();
  return cards.filter((c) => {
    if (c.block !== SEGMENTS || !c.id || c === except || seen.has(c.id.value)) return false;
    seen.add(c.id.value);
    return true;
  });
}

/** `orphan-card`: add a segment to its `segments` (preferred when the canvas has one segment). */
export function orphanCardFixes(context: FixContext): CodeAction[] {
  const card = cardAt(context);
  if (!card) return [];
  const segments = namedSegments(context.model.cards).filter((segment) => isValidId(segment.id!.value));
  return segments.flatMap((segment) =>
    action(
      context,
      'addReference',
      [segment.id!.value, SEGMENTS_FIELD],
      addReferences(context.text, card, SEGMENTS_FIELD, [segment.id!.value], context.style),
      segments.length === 1,
    ),
  );
}

/**
 * `unserved-segment` and `segment-without-relationship`: name the segment in the `segments` of a
 * value proposition (or relationship), one fix per card that could.
 */
export function segmentNotNamedFixes(context: FixContext): CodeAction[] {
  const block = context.diagnostic.code === 'unserved-segment' ? VALUE_PROPOSITIONS : RELATIONSHIPS;
  return nameInFieldFixes(context, { target: SEGMENTS, namers: block, field: SEGMENTS_FIELD });
}

/** A card no card of another block names: the target's block, the block whose cards should name it, and in which field. */
export interface NotNamed {
  target: string;
  namers: string;
  field: string;
}

/**
 * A card that no card of `namers` names in `field` (a segment no value proposition serves, a pain
 * no pain reliever relieves): one fix per card that could name it. A card without an id cannot be
 * named: each fix then also gives it one, from its name (an id alone would leave it unnamed,
 * unless a reference to that id is already there).
 */
export function nameInFieldFixes(context: FixContext, { target, namers, field }: NotNamed): CodeAction[] {
  const named = cardAt(context, [target]);
  if (!named) return [];
  const kind = context.model.kind;
  const candidates = context.model.cards.filter((card) => card.block === namers);
  if (named.id) {
    const id = named.id.value;
    if (!isValidId(id)) return [];
    return candidates.flatMap((card) =>
      action(context, 'addToField', [id, field, cardNoun(namers, kind), cardLabel(card)], addReferences(context.text, card, field, [id], context.style)),
    );
  }
  const base = kebabCase(named.name ?? '') || kebabCase(cardNoun(named.block, kind));
  const id = freeId(context.model, base);
  const pair = `id: ${yamlString(id)}`;
  let idEdit: TextEdit | undefined;
  if (isMap(named.node)) idEdit = pairOf(named.node, 'id') ? undefined : prependPair(context.text, named.node, pair);
  else idEdit = stickyNoteToMap(context.text, named, [pair], []);
  if (!idEdit) return [];
  // A card of the block already names the id (a reference that named nothing so far): the id alone serves.
  const alreadyNamed = candidates.some((card) => card.references.some((r) => r.field === field && r.id === id));
  if (alreadyNamed) return action(context, 'addId', [id], idEdit, true);
  return candidates.flatMap((card) => {
    const edits = addReferences(context.text, card, field, [id], context.style);
    return action(context, 'addIdAndField', [id, field, cardNoun(namers, kind), cardLabel(card)], edits && [idEdit, ...edits], candidates.length === 1);
  });
}

/**
 * `unlinked-platform-side`: name the other platform sides in `linked`. None when there is no other
 * side to name (an empty `linked: []` would leave the problem as it is).
 */
export function unlinkedPlatformSideFixes(context: FixContext): CodeAction[] {
  const { start, end } = context.diagnostic;
  const segment = context.model.cards.find((c) => c.block === SEGMENTS && c.type?.start === start && c.type.end === end);
  if (!segment) return [];
  const others = namedSegments(context.model.cards, segment)
    .filter((c) => c.type?.value === PLATFORM && c.id!.value !== segment.id?.value && isValidId(c.id!.value))
    .map((c) => c.id!.value);
  if (!others.length) return [];
  const edits = addReferences(context.text, segment, LINKED_FIELD, others, context.style);
  return action(context, 'linkSides', [others.join(', ')], edits, others.length === 1);
}
