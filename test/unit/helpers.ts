import * as assert from 'node:assert/strict';
import { LineIndex, validateCanvas } from '../../src/core';
import type { ValidationOptions } from '../../src/core';

/** One expected diagnostic: code, severity and range as "line:col-line:col" (1-based, like the CLI). */
export type Expected = [code: string, severity: string, range: string];

export function rangeOf(text: string, start: number, end: number): string {
  const index = new LineIndex(text);
  const s = index.positionAt(start);
  const e = index.positionAt(end);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

/** Validates and returns [code, severity, range] triples in file order. */
export function diagnose(text: string, options: ValidationOptions = {}): Expected[] {
  return validateCanvas(text, options).diagnostics.map((d) => [d.code, d.severity, rangeOf(text, d.start, d.end)]);
}

export function expectDiagnostics(text: string, expected: Expected[], options: ValidationOptions = {}): void {
  assert.deepEqual(diagnose(text, options), expected);
}

export function messagesOf(text: string, code?: string): string[] {
  return validateCanvas(text)
    .diagnostics.filter((d) => code === undefined || d.code === code)
    .map((d) => d.message);
}

/** The nine blocks, each with one card, all linked: a canvas with zero problems to mutate in tests. */
export const CLEAN = `canvas: business-model
title: Test canvas
customer-segments:
  - id: riders
    name: Riders
    type: mass-market
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders]
channels:
  - id: app
    name: App
    segments: [riders]
customer-relationships:
  - name: Self-service help
    type: self-service
    segments: [riders]
    channels: [app]
revenue-streams:
  - name: Ride fees
    type: usage-fee
    segments: [riders]
key-resources: [Drivers]
key-activities: [Matching]
key-partnerships: [Insurers]
cost-structure: [Incentives]
`;
