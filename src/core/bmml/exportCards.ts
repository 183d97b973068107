/** One card of ours as a BMML entry: id, text, links, x-bmml put back, and every other field dropped. */
import { ExportContext } from './exportContext';
import { isPlainObject, Plain } from './readBmml';
import { XBMML } from './vocabulary';

/** A field of ours and the BMML place it goes to (`name`, `description`, or a link). */
export type FieldTarget = { key: string } | { preposition: 'for' | 'from'; section: string; ids: (ourId: string) => string | undefined; targetNoun: string };

export interface CardSpec {
  file: string;
  path: (string | number)[];
  noun: string;
  id: string;
  fields: ReadonlyMap<string, FieldTarget>;
}

/**
 * The BMML entry of `card` (an object; a plain-text card comes as `{name}`). Fields with no target
 * are dropped (reported), x- keys other than x-bmml too; x-bmml is merged back where the card's own
 * fields leave room.
 */
export function entryOf(ctx: ExportContext, card: Plain, spec: CardSpec): Plain {
  const entry: Plain = { id: spec.id };
  for (const [field, value] of Object.entries(card)) {
    if (field === 'id' || field === XBMML) continue;
    const target = spec.fields.get(field);
    if (!target) {
      ctx.drop(spec.file, [...spec.path, field], value, field.startsWith('x-') ? 'extensionKey' : 'noField', [field, spec.noun]);
      continue;
    }
    if ('key' in target) {
      entry[target.key] = typeof value === 'string' ? value : String(value ?? '');
      continue;
    }
    if (!Array.isArray(value)) {
      ctx.drop(spec.file, [...spec.path, field], value, 'noField', [field, spec.noun]);
      continue;
    }
    const ids: string[] = [];
    value.forEach((ourId, i) => {
      const id = typeof ourId === 'string' ? target.ids(ourId) : undefined;
      if (id === undefined) ctx.drop(spec.file, [...spec.path, field, i], ourId, 'danglingRef', [target.targetNoun]);
      else if (!ids.includes(id)) ids.push(id);
    });
    const link = (entry[target.preposition] ??= {}) as Plain;
    link[target.section] = ids;
  }
  mergeKept(ctx, entry, card[XBMML], spec);
  return entry;
}

/** Puts back what x-bmml kept, where the entry has no value of its own there. */
export function mergeKept(ctx: ExportContext, entry: Plain, kept: unknown, spec: { file: string; path: (string | number)[] }): void {
  if (kept === undefined) return;
  if (!isPlainObject(kept)) {
    ctx.drop(spec.file, [...spec.path, XBMML], kept, 'xbmmlOverridden', []);
    return;
  }
  for (const [key, value] of Object.entries(kept)) {
    const own = entry[key];
    if (own === undefined) entry[key] = value;
    else if (isPlainObject(own) && isPlainObject(value)) {
      for (const [sub, subValue] of Object.entries(value)) {
        if (own[sub] === undefined) own[sub] = subValue;
        else ctx.drop(spec.file, [...spec.path, XBMML, key, sub], subValue, 'xbmmlOverridden', []);
      }
    } else ctx.drop(spec.file, [...spec.path, XBMML, key], value, 'xbmmlOverridden', []);
  }
}
