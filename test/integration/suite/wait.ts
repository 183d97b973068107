// Waiting without sleeping: every wait is a condition re-checked on an event (or a short poll where
// VS Code has no event), bounded by a deadline whose error says what was last seen.
import * as vscode from 'vscode';

export const DEFAULT_DEADLINE_MS = 15_000;
const POLL_MS = 25;

export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * Resolve with `probe()`'s first truthy value; re-probe on `event` (if given) and every POLL_MS.
 * `describe` explains, on timeout, what was being waited for and what was last seen.
 */
export function waitFor<T>(
  probe: () => T | undefined | null | false,
  describe: () => string,
  { event, deadlineMs = DEFAULT_DEADLINE_MS }: { event?: vscode.Event<unknown>; deadlineMs?: number } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const disposables: { dispose(): void }[] = [];
    const finish = (settle: () => void) => {
      for (const d of disposables) d.dispose();
      settle();
    };
    const check = () => {
      let value: T | undefined | null | false;
      try {
        value = probe();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (value) finish(() => resolve(value as T));
    };
    const poll = setInterval(check, POLL_MS);
    const deadline = setTimeout(() => finish(() => reject(new DeadlineError(`gave up after ${deadlineMs} ms: ${describe()}`))), deadlineMs);
    disposables.push({ dispose: () => clearInterval(poll) }, { dispose: () => clearTimeout(deadline) });
    if (event) disposables.push(event(check));
    check();
  });
}

/** The next firing of `event` that satisfies `filter`, or a DeadlineError. Subscribe before acting. */
export function nextEvent<T>(event: vscode.Event<T>, filter: (e: T) => boolean, what: string, deadlineMs = DEFAULT_DEADLINE_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new DeadlineError(`no ${what} within ${deadlineMs} ms`));
    }, deadlineMs);
    const listener = event((e) => {
      if (!filter(e)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(e);
    });
  });
}
