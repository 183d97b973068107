// The workbench benchmark's arithmetic, pure so that it can be tested exactly
// (test/unit/workbenchMatch.test.ts): which paint showed which keystroke, the shares of each
// keystroke's latency, and their percentiles.
//
// The driver types `typed` into one card's name, one key at a time. Three records meet here, all
// in epoch milliseconds on one machine:
//   keys     the keydown of each typed key in the workbench page (in order, one per key)
//   changes  each change event as it reached the extension host (document version, inserted text)
//   paints   each frame the preview painted with a new card name: how many typed keys it shows
// A key's paint is the first paint that shows it (several keys may share one: coalesced); a key
// with no such paint was dropped.
import { quantile } from '../stats.mjs';

/** How many keys of `typed` the painted `name` shows after `base`; -1 when it is not such a name. */
export function keysShown(name, base, typed) {
  if (typeof name !== 'string' || !name.startsWith(base)) return -1;
  const shown = name.slice(base.length);
  return typed.startsWith(shown) ? shown.length : -1;
}

/**
 * Pairs each typed key with its change event and its paint.
 * @param {{ typed: string,
 *   keys: { at: number, key?: string }[],
 *   changes: { at: number, version: number, edits: { text: string }[] }[],
 *   paints: { at: number, shown: number }[] }} records
 * @returns {{ rows: { index: number, keyAt: number, changeAt?: number, version?: number, paintAt?: number,
 *   shown?: number, endToEnd?: number, extension?: number, workbench?: number }[],
 *   dropped: number, coalesced: number, anomalies: string[] }}
 */
export function pairKeys({ typed, keys, changes, paints }) {
  const anomalies = [];
  if (keys.length !== typed.length) anomalies.push(`${keys.length} keydown events for ${typed.length} keys typed`);
  if (changes.length !== typed.length) anomalies.push(`${changes.length} change events for ${typed.length} keys typed`);
  // Paints in time order; a paint showing fewer keys than an earlier one is out of order.
  const ordered = paints.filter((p) => p.shown >= 0).slice().sort((a, b) => a.at - b.at);
  const unreadable = paints.length - ordered.length;
  if (unreadable) anomalies.push(`${unreadable} paints showed a name that is not the typed one`);
  let most = 0;
  for (const p of ordered) {
    if (p.shown < most) anomalies.push(`a paint at ${p.at.toFixed(1)} showed ${p.shown} keys after one that showed ${most}`);
    most = Math.max(most, p.shown);
  }

  const rows = [];
  let cursor = 0; // first paint that may show key i: paints are ordered, so it only moves on
  let dropped = 0;
  let coalesced = 0;
  for (let i = 0; i < typed.length; i++) {
    const key = keys[i];
    const row = { index: i, keyAt: key?.at };
    if (key?.key !== undefined && key.key !== typed[i]) anomalies.push(`keydown ${i} was '${key.key}', typed '${typed[i]}'`);
    const change = changes[i];
    if (change) {
      const text = change.edits.map((e) => e.text).join('');
      if (text !== typed[i]) anomalies.push(`change ${i} (version ${change.version}) inserted '${text}', typed '${typed[i]}'`);
      else {
        row.changeAt = change.at;
        row.version = change.version;
      }
      if (i > 0 && changes[i - 1] && change.version !== changes[i - 1].version + 1) {
        anomalies.push(`change ${i} has version ${change.version} after ${changes[i - 1].version}`);
      }
    }
    while (cursor < ordered.length && ordered[cursor].shown < i + 1) cursor++;
    const paint = ordered[cursor];
    if (!paint) {
      dropped++;
      rows.push(row);
      continue;
    }
    row.paintAt = paint.at;
    row.shown = paint.shown;
    if (paint.shown > i + 1) coalesced++;
    if (key && paint.at < key.at) anomalies.push(`key ${i} painted before it was pressed`);
    if (key) row.endToEnd = paint.at - key.at;
    if (row.changeAt !== undefined) row.extension = paint.at - row.changeAt;
    if (key && row.changeAt !== undefined) row.workbench = row.changeAt - key.at;
    rows.push(row);
  }
  return { rows, dropped, coalesced, anomalies };
}

/**
 * For each paired key, the preview's own record of the update that drew it (the first update of a
 * version at or after the key's: `window.__canvasAsCodeTimings.updates`), as shares: host (change
 * to posted), transport (posted to received by the page), page (received to painted).
 * @param {{ version?: number }[]} rows
 * @param {{ version: number, changeAt: number, postedAt: number, receivedAt: number, paintedAt: number }[]} updates
 */
export function updateShares(rows, updates) {
  const sorted = updates.filter((u) => Number.isFinite(u.version)).slice().sort((a, b) => a.version - b.version);
  const out = { host: [], transport: [], page: [], total: [] };
  let cursor = 0;
  for (const row of rows) {
    if (row.version === undefined) continue;
    while (cursor < sorted.length && sorted[cursor].version < row.version) cursor++;
    const u = sorted[cursor];
    if (!u) break;
    out.host.push(u.postedAt - u.changeAt);
    out.transport.push(u.receivedAt - u.postedAt);
    out.page.push(u.paintedAt - u.receivedAt);
    out.total.push(u.paintedAt - u.changeAt);
  }
  return out;
}

/** p50, p95 and max of the finite values (interpolated quantiles, as bench/stats.mjs). */
export function percentiles(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return { n: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}
