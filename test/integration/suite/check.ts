// Assertions that run in both extension hosts: Node's `assert` is missing from the web worker.

export class CheckError extends Error {
  override name = 'AssertionError';
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new CheckError(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new CheckError(`${message}: expected ${show(expected)}, got ${show(actual)}`);
}

/** The same elements as many times each, in any order (compared as JSON). */
export function sameMembers<T>(actual: readonly T[], expected: readonly T[], message: string): void {
  const unexpected = actual.map(show);
  const missing: string[] = [];
  for (const item of expected.map(show)) {
    const i = unexpected.indexOf(item);
    if (i >= 0) unexpected.splice(i, 1);
    else missing.push(item);
  }
  if (missing.length || unexpected.length) {
    const list = (items: string[]) => (items.length ? items.sort().join('\n      ') : '-');
    throw new CheckError(`${message}\n  missing:\n      ${list(missing)}\n  unexpected:\n      ${list(unexpected)}`);
  }
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
