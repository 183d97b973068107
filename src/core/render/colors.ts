/**
 * Segment colours. A segment's own `color` wins; the others get a colour from a fixed palette,
 * chosen by a hash of the segment's id so that adding, removing or reordering segments leaves the
 * colours of the others alone (a collision moves on to the next free slot, in segment order).
 */

/**
 * Okabe–Ito (colour-blind safe) followed by Paul Tol's muted scheme: distinct for the common
 * colour-vision deficiencies, and dark or saturated enough to read as a stripe on paper or on a
 * dark background.
 */
export const SEGMENT_PALETTE: readonly string[] = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#cc79a7',
  '#332288',
  '#117733',
  '#882255',
  '#44aa99',
  '#999933',
];

/** Grey for anything that is not a colour we can trust (renderers never pass file text into CSS). */
export const FALLBACK_COLOR = '#8a8a8a';

// The schema's pattern for `color` (#rrggbb or a CSS colour name), plus #rgb for views built by hand.
const SAFE_COLOR = /^(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|[a-zA-Z]{3,20})$/;

/** True for a value that can be put in a style or fill attribute as is: no quotes, no semicolons. */
export function isSafeColor(value: unknown): value is string {
  return typeof value === 'string' && SAFE_COLOR.test(value);
}

export function safeColor(value: unknown): string {
  return isSafeColor(value) ? value : FALLBACK_COLOR;
}

/** FNV-1a over UTF-16 units: small, fast and the same in every runtime. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface SegmentKey {
  /** What the hash is taken of: the segment's id (or, without one, its name). */
  key: string;
  /** The colour the file sets, if any (already checked with isSafeColor). */
  color?: string;
}

/** One colour per segment, in the order given. Deterministic: the same segments give the same colours. */
export function assignSegmentColors(segments: readonly SegmentKey[]): string[] {
  const used = new Set<string>();
  for (const s of segments) if (s.color) used.add(s.color.toLowerCase());
  return segments.map((s) => {
    if (s.color) return s.color;
    const size = SEGMENT_PALETTE.length;
    const first = hashString(s.key) % size;
    for (let step = 0; step < size; step++) {
      const candidate = SEGMENT_PALETTE[(first + step) % size];
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
    // More segments than colours: share, but still by hash so the choice stays stable.
    return SEGMENT_PALETTE[first];
  });
}
