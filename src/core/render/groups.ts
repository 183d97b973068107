/**
 * The sides of a kind that has them (the value proposition canvas): how each is drawn and its
 * heading. Which blocks belong to a side, and where, comes from the vocabulary (`group`, `cell`).
 */
import type { GroupView } from './viewTypes';

/** Headings of the sides (a catalogue: translations key on it). */
export const GROUP_TITLES: Readonly<Record<string, string>> = {
  'value-map': 'Value Map',
  'customer-profile': 'Customer Profile',
};

/** The value map is drawn as a square, the customer profile as a circle (Osterwalder et al.). */
export const GROUP_SHAPES: Readonly<Record<string, GroupView['shape']>> = {
  'value-map': 'square',
  'customer-profile': 'circle',
};
