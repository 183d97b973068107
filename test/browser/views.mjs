// Canvas views for the page, built by the real core from YAML (validate, then build the view).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLib, ROOT } from './harness.mjs';

export const LAYOUT = [
  'key-partnerships',
  'key-activities',
  'key-resources',
  'value-propositions',
  'customer-relationships',
  'channels',
  'customer-segments',
  'cost-structure',
  'revenue-streams',
];

export async function viewOf(text, version = 1) {
  const { validateCanvas, buildCanvasView } = await loadLib();
  return buildCanvasView(validateCanvas(text), { version });
}

export function examples() {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.canvas.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

export const SMALL = `canvas: business-model
title: Ride-hailing
description: Riders and **drivers**, see [the plan](https://example.com/plan).
customer-segments:
  - id: riders
    name: Urban riders
    type: mass-market
    color: "#2a9d8f"
    status: validated
    tags: [launch, b2c]
  - id: drivers
    name: Licensed drivers
    type: niche-market
    color: "#e9c46a"
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders]
  - id: income
    name: Steady income
    segments: [drivers]
  - id: both
    name: Fair prices
    segments: [riders, drivers]
channels:
  - id: app
    name: App
    segments: [riders, drivers]
`;

/** A canvas of `n` cards spread over the blocks (value propositions tied to segments). */
export function bigCanvas(n) {
  const segments = 5;
  const lines = ['canvas: business-model', `title: ${n} cards`, 'customer-segments:'];
  for (let i = 0; i < segments; i++) lines.push(`  - id: s${i}`, `    name: Segment ${i}`);
  const rest = LAYOUT.filter((b) => b !== 'customer-segments');
  const perBlock = Math.ceil((n - segments) / rest.length);
  let made = segments;
  for (const block of rest) {
    lines.push(`${block}:`);
    for (let i = 0; i < perBlock && made < n; i++, made++) {
      lines.push(`  - id: ${block}-${i}`, `    name: ${block} card ${i}`, `    description: Some *text* for card ${i}.`, `    tags: [t${i % 3}]`);
      if (block === 'value-propositions' || block === 'channels') lines.push(`    segments: [s${i % segments}]`);
    }
  }
  return lines.join('\n') + '\n';
}
