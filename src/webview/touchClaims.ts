/**
 * Which gesture a finger on the canvas belongs to. A touch starts as nothing in particular: moved
 * past the slop it pans (zoom.ts), held still it drags the card under it (editing/dragDrop.ts), a
 * second finger turns it into a pinch (zoom.ts). Each asks for the finger before acting on it, so
 * one finger never pans and drags at once, whichever of them sees the finger's events first.
 */
export type TouchGesture = 'pan' | 'pinch' | 'drag';

/** How far (CSS pixels) a finger may wander and still be holding still: under it a touch is a press, over it a swipe. */
export const TOUCH_SLOP = 8;

const owners = new Map<number, TouchGesture>();

/** Takes pointer `id` for `gesture`; false when another gesture has it. */
export function claimTouch(id: number, gesture: TouchGesture): boolean {
  const owner = owners.get(id);
  if (owner !== undefined && owner !== gesture) return false;
  owners.set(id, gesture);
  return true;
}

/** Gives pointer `id` back, when `gesture` has it (a finger lifted, a gesture handed over). */
export function releaseTouch(id: number, gesture: TouchGesture): void {
  if (owners.get(id) === gesture) owners.delete(id);
}

export function touchOwner(id: number): TouchGesture | undefined {
  return owners.get(id);
}
