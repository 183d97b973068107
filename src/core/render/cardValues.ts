import { isAlias, isMap, isScalar, isSeq, type Pair } from 'yaml';
import type { Card } from '../model';
import { keyText } from '../yamlPath';
import type { FieldData } from './viewTypes';

/** Fields the card view carries already in fields of its own. */
const CARRIED = new Set(['name', 'id', 'type', 'status', 'tags', 'description']);
/** Deeper than any field of the vocabulary nests (segmentation: list → entry → criteria). */
const MAX_DEPTH = 6;

/** Plain data of a YAML node; undefined for an alias (what it repeats is the anchor's business) or beyond `depth`. */
function plain(node: unknown, depth: number): FieldData | undefined {
  if (depth > MAX_DEPTH || isAlias(node)) return undefined;
  if (isScalar(node)) {
    const value = node.value;
    return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? value : String(value);
  }
  if (isSeq(node)) return node.items.map((item) => plain(item, depth + 1)).filter((v): v is FieldData => v !== undefined);
  if (isMap(node)) {
    const out: { [key: string]: FieldData } = {};
    for (const pair of node.items as Pair[]) {
      const key = keyText(pair.key);
      const value = key === undefined || key === '__proto__' ? undefined : plain(pair.value, depth + 1);
      if (value !== undefined) out[key!] = value;
    }
    return out;
  }
  return node === null || node === undefined ? null : undefined;
}

/** The fields written on a card that its view has no field of its own for, as plain data (undefined: none). */
export function cardValues(card: Card): Record<string, FieldData> | undefined {
  if (!isMap(card.node)) return undefined;
  let values: Record<string, FieldData> | undefined;
  for (const pair of card.node.items as Pair[]) {
    const key = keyText(pair.key);
    if (key === undefined || CARRIED.has(key) || key === '__proto__') continue;
    const value = plain(pair.value, 1);
    if (value !== undefined) (values ??= {})[key] = value;
  }
  return values;
}
