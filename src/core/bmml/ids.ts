/** Ids and file names derived from BMML ids and names. */

const SAFE = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** A kebab-case slug of any text (ASCII letters and digits; others dropped), or '' when none is left. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** A part of a file name made from an id: the id itself when it is plain kebab-case, else its slug. */
export function fileSafe(id: string, fallback: string): string {
  return SAFE.test(id) ? id : slugOf(id) || fallback;
}

/** Hands out names not given before (`x`, then `x-2`, `x-3`, ...). */
export class UniqueNames {
  private readonly used = new Set<string>();
  constructor(taken: Iterable<string> = []) {
    for (const name of taken) this.used.add(name);
  }
  take(name: string): string {
    let candidate = name;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${name}-${n}`;
    this.used.add(candidate);
    return candidate;
  }
  has(name: string): boolean {
    return this.used.has(name);
  }
}

/** The last segment of a path (either separator): names are kept relative to the business model's folder. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** `airbnb.bmml` -> `airbnb`; `model.canvas.yaml` -> `model`. */
export function stemOf(name: string): string {
  return baseName(name).replace(/\.canvas\.ya?ml$/i, '').replace(/\.(bmml|ya?ml)$/i, '') || 'model';
}
