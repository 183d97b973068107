#!/usr/bin/env node
// Reads a V8 CPU profile (the workbench benchmark's --profile writes one of the extension host
// while keys are typed) and prints where the time went: self time per function, total (inclusive)
// time per function of our extension, and self time per script. Enough to find what runs per key
// without opening DevTools.
//
// Usage: node bench/workbench/profile.mjs FILE.cpuprofile [--top N] [--keys N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The profile's nodes with self and total time (ms), keyed by id; `ours` marks our bundle's frames. */
export function summariseProfile(profile, { ours = /dist\/extension\/extension\.js$/ } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0, parent: undefined }]));
  for (const n of byId.values()) for (const c of n.children ?? []) byId.get(c).parent = n;
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    // A sample's time is the gap to the next one (the last one has none: take the previous gap).
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    if (node) node.self += ms;
  }
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const scripts = new Map();
  const inclusive = new Map();
  let total = 0;
  let idle = 0;
  for (const n of byId.values()) {
    total += n.self;
    if (n.callFrame.functionName === '(idle)') idle += n.self;
    add(self, label(n), n.self);
    add(scripts, short(n.callFrame.url) || n.callFrame.functionName, n.self);
    // Inclusive time of our functions: each sample counted once per distinct function on its stack.
    if (!n.self) continue;
    const seen = new Set();
    for (let p = n; p; p = p.parent) {
      if (!ours.test(p.callFrame.url)) continue;
      const key = label(p);
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, n.self);
    }
  }
  return { total, idle, self: sorted(self), scripts: sorted(scripts), inclusive: sorted(inclusive) };
}

function add(map, key, ms) {
  map.set(key, (map.get(key) ?? 0) + ms);
}
const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
const short = (url) => (url ? url.replace(/^.*\/(node_modules|out|dist|extensions)\//, '$1/').replace(/^file:\/\//, '') : '');

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, keys: { type: 'string' } } });
  const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
  const top = Number(values.top);
  const s = summariseProfile(profile);
  const per = values.keys ? Number(values.keys) : undefined;
  const fmt = (ms) => `${ms.toFixed(1).padStart(9)} ms${per ? `  ${(ms / per).toFixed(2).padStart(7)} ms/key` : ''}`;
  console.log(`sampled ${s.total.toFixed(0)} ms, idle ${s.idle.toFixed(0)} ms, busy ${(s.total - s.idle).toFixed(0)} ms`);
  console.log('\nself time by script');
  for (const [k, v] of s.scripts.slice(0, top)) console.log(`${fmt(v)}  ${k}`);
  console.log('\nself time by function');
  for (const [k, v] of s.self.slice(0, top)) console.log(`${fmt(v)}  ${k}`);
  console.log('\ninclusive time of our functions');
  for (const [k, v] of s.inclusive.slice(0, top)) console.log(`${fmt(v)}  ${k}`);
}
