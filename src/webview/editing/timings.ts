/** What the workbench benchmark reads of an edit (bench/workbench.mjs): epoch milliseconds. */
interface EditTiming {
  id: number;
  sentAt: number;
  appliedAt: number | undefined;
  ok: boolean;
}

interface Timings {
  updates: unknown[];
  edits: EditTiming[];
}

/** The most kept: a long session must not grow the page without bound. */
const MAX_EDITS = 5000;

/** Epoch milliseconds with fractions, comparable with the extension host's on one machine. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Records an answered edit in `window.__canvasAsCodeTimings.edits` (created when missing; the oldest dropped past 5,000). */
export function recordEdit(timing: EditTiming): void {
  const holder = window as unknown as { __canvasAsCodeTimings?: Partial<Timings> };
  const timings = (holder.__canvasAsCodeTimings ??= { updates: [], edits: [] });
  const edits = (timings.edits ??= []);
  edits.push(timing);
  if (edits.length > MAX_EDITS) edits.splice(0, edits.length - MAX_EDITS);
}
