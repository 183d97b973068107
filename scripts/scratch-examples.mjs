// `npm start` opens a scratch copy of examples/, never the tracked files (the unit tests read them:
// an edit made while trying the extension would break them). The copy is made afresh on each start.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Replace `target` with a fresh copy of `source` (any earlier content, edits included, is removed)
 * and return `target`. Refuses a target inside the source or the source itself.
 */
export function scratchCopy(source, target) {
  const rel = (a, b) => (b + '/').startsWith(a.replace(/\/+$/, '') + '/');
  if (rel(source, target) || rel(target, source)) throw new Error(`scratch copy: ${target} overlaps ${source}`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, '..'), { recursive: true });
  cpSync(source, target, { recursive: true });
  return target;
}
