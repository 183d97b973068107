#!/usr/bin/env node
// Sums a Chromium trace (the workbench benchmark's --profile writes one of the renderer while keys
// are typed) by event name and by frame: where the renderer's main thread spent its time (script,
// style, layout, paint), and how much of it was the preview's frame rather than the workbench's.
//
// Usage: node bench/workbench/trace.mjs FILE.json [--keys N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** Total duration (ms) per top-level event name on each renderer main thread, split by frame URL. */
export function summariseTrace(trace) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const frames = new Map();
  for (const e of events) {
    const data = e.args?.data;
    for (const f of data?.frames ?? []) if (f.frame && f.url) frames.set(f.frame, f.url);
    if (data?.frame && data.url) frames.set(data.frame, data.url);
  }
  const kind = (frame) => {
    const url = frames.get(frame) ?? '';
    return url.includes('/webview/') || url.includes('vscode-webview') || url.includes('preview') ? 'preview' : url ? 'workbench' : 'unknown';
  };
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const totals = new Map();
  // Only complete events (ph X) on main threads; nested ones are counted under their own name too.
  for (const e of events) {
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`) || !e.dur) continue;
    const frame = e.args?.data?.frame ?? e.args?.beginData?.frame ?? e.args?.frame;
    const key = `${e.name}\t${frame ? kind(frame) : '-'}`;
    totals.set(key, (totals.get(key) ?? 0) + e.dur / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { keys: { type: 'string' }, top: { type: 'string', default: '30' } } });
  const rows = summariseTrace(JSON.parse(readFileSync(positionals[0], 'utf8')));
  const per = values.keys ? Number(values.keys) : undefined;
  for (const [key, ms] of rows.slice(0, Number(values.top))) {
    const [name, frame] = key.split('\t');
    console.log(`${ms.toFixed(1).padStart(9)} ms${per ? `  ${(ms / per).toFixed(2).padStart(7)} ms/key` : ''}  ${frame.padEnd(9)} ${name}`);
  }
}
