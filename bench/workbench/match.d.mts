// Types of match.mjs for the unit test (test/unit/workbenchMatch.test.ts).
export interface KeyRow {
  index: number;
  keyAt: number;
  changeAt?: number;
  version?: number;
  paintAt?: number;
  shown?: number;
  endToEnd?: number;
  extension?: number;
  workbench?: number;
}
export interface Pairing {
  rows: KeyRow[];
  dropped: number;
  coalesced: number;
  anomalies: string[];
}
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
export interface UpdateTiming {
  version: number;
  changeAt: number;
  postedAt: number;
  receivedAt: number;
  paintedAt: number;
}
export function keysShown(name: string | undefined, base: string, typed: string): number;
export function pairKeys(records: {
  typed: string;
  keys: { at: number; key?: string }[];
  changes: { at: number; version: number; edits: { text: string }[] }[];
  paints: { at: number; shown: number }[];
}): Pairing;
export function updateShares(
  rows: { version?: number }[],
  updates: UpdateTiming[],
): { host: number[]; transport: number[]; page: number[]; total: number[] };
export function percentiles(values: (number | undefined)[]): Percentiles;
