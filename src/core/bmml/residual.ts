/**
 * Taking the fields we map out of a copy of a BMML entry: what is left over is what has no field of
 * ours, kept under `x-bmml` as BMML wrote it (so export puts it back where it was).
 */
import { isPlainObject, Path, Plain } from './readBmml';

export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)])) as T;
  return value;
}

/**
 * Removes `path` from `rest` and returns its value when `accept` takes it (else leaves it). A parent
 * mapping emptied by the removal goes too (`for: {}` left by taking its only sub-key).
 */
export function take(rest: Plain, path: readonly string[], accept: (value: unknown) => boolean): unknown {
  const parents: Plain[] = [rest];
  let node: unknown = rest;
  for (const key of path.slice(0, -1)) {
    node = isPlainObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    if (!isPlainObject(node)) return undefined;
    parents.push(node);
  }
  const last = path[path.length - 1];
  const parent = parents[parents.length - 1];
  if (!Object.hasOwn(parent, last) || !accept(parent[last])) return undefined;
  const value = parent[last];
  delete parent[last];
  for (let i = parents.length - 1; i > 0 && Object.keys(parents[i]).length === 0; i--) delete parents[i - 1][path[i - 1]];
  return value;
}

export const isText = (value: unknown): value is string => typeof value === 'string';
export const isScalarValue = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);
export const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The paths of what is left (`for.key_resources`, `size`), for the list of what went under x-bmml. */
export function leftoverPaths(rest: Plain, base: Path): Path[] {
  const paths: Path[] = [];
  for (const [key, value] of Object.entries(rest)) {
    if ((key === 'for' || key === 'from') && isPlainObject(value) && Object.keys(value).length) for (const sub of Object.keys(value)) paths.push([...base, key, sub]);
    else paths.push([...base, key]);
  }
  return paths;
}

/** `customer_segments[0].for.key_resources`: a path as BMML users read it. */
export function pathText(path: Path): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text ? `.${key}` : key;
  return text;
}
