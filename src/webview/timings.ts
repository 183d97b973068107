import type { UpdateTiming } from '../shared/protocol';

/** One drawn update, in epoch milliseconds (`performance.timeOrigin + performance.now()`). */
export interface UpdateEntry {
  version: number | undefined;
  /** From the host (protocol's `UpdateTiming`): the change reached it, the message was posted. */
  changeAt: number | undefined;
  postedAt: number | undefined;
  /** The page's `message` event fired. */
  receivedAt: number;
  /** The next frame after the update was painted. */
  paintedAt: number | undefined;
}

/** Read by the speed benchmark (bench/workbench.mjs) from the webview's frame; never shown. */
export interface CanvasTimings {
  updates: UpdateEntry[];
  /** Filled by the editing gestures (src/webview/editing). */
  edits: unknown[];
}

const CAP = 5_000;

export const epochNow = (): number => performance.timeOrigin + performance.now();

/** `window.__canvasAsCodeTimings`, created if missing (another part of the page may create it first). */
export function canvasTimings(): CanvasTimings {
  const holder = window as unknown as { __canvasAsCodeTimings?: Partial<CanvasTimings> };
  const timings = (holder.__canvasAsCodeTimings ??= {});
  timings.updates ??= [];
  timings.edits ??= [];
  return timings as CanvasTimings;
}

/** Calls `done` once the frame showing what was just drawn has been painted. */
export function afterPaint(done: () => void): void {
  requestAnimationFrame(() => {
    // rAF runs before the paint; the first task after it runs once the frame is out.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Records an update drawn now (`receivedAt`: when its message arrived); its paint time follows. */
export function recordUpdate(version: number | undefined, timing: UpdateTiming | undefined, receivedAt: number): void {
  const { updates } = canvasTimings();
  const entry: UpdateEntry = { version, changeAt: timing?.changeAt, postedAt: timing?.postedAt, receivedAt, paintedAt: undefined };
  updates.push(entry);
  if (updates.length > CAP) updates.splice(0, updates.length - CAP);
  afterPaint(() => (entry.paintedAt = epochNow()));
}
