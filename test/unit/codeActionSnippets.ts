/**
 * The canvas the quick-fix tests edit, and the broken variants of it they fix: shared by the unit
 * tests (codeActions.test.ts) and the property test (codeActionsProperty.test.ts), which applies
 * every offered fix to each of them and to seeded mutations of them.
 */

/** A clean canvas with comments around what the fixes touch: every comment must survive. */
export const BASE = `# yaml-language-server: $schema=../schemas/canvas.schema.json
canvas: business-model
title: Rides   # the title
customer-segments:
  # riders first
  - id: riders   # the larger side
    name: Riders
    type: mass-market
  - id: drivers
    name: Drivers
    type: mass-market
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders, drivers]   # both sides
channels:
  - id: app
    name: App
    segments:
      - riders   # first
      - drivers
customer-relationships:
  - name: Self-service
    type: self-service
    segments:
      - riders
      - drivers
    channels: [app]
revenue-streams:
  - name: Ride fees
    type: usage-fee
    segments: [riders]
key-resources: [Drivers]
key-activities: [Matching]
key-partnerships: [Insurers]
cost-structure: [Incentives]
# end of canvas
`;

/** `text` with its first `from` replaced by `to` (which must be there: a fixture that no longer matches fails loudly). */
export function edit(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`fixture text ${String(from)} not found`);
  return text.replace(from, to);
}

export const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

/** [from, to] edits of BASE, one per broken canvas the unit tests fix (several edits: applied in turn). */
const BASE_EDITS: [string | RegExp, string][][] = [
  [['    type: usage-fee\n', '    tpye: usage-fee   # typo\n']],
  [['    type: usage-fee\n', '    type: usage-fee\n    tpye: again\n']],
  [['    name: Drivers\n', '    name: Drivers\n    checks: { loud: true }\n']],
  [['type: self-service', 'type: self-servce']],
  [['type: self-service', "type: 'self-servce'"]],
  [
    ['  - id: drivers\n', '  - id: Drivers Pool\n'],
    ['segments: [riders, drivers]', 'segments: [riders, Drivers Pool]'],
  ],
  [['segments: [riders]\nkey', 'segments: ["Riders"]\nkey']],
  [['  - id: fast\n', '  - id: 2024\n']],
  [['segments: [riders]\nkey', 'segments: riders   # one\nkey']],
  [['canvas: business-model\n', '']],
  [['title: Rides   # the title\n', '']],
  [['    name: Fast pickup\n', '']],
  [['  - name: Ride fees\n    type', '  - type']],
  [['key-resources: [Drivers]', 'key-resources: [{ type: human }]']],
  [['  - id: drivers\n', '  - id: "riders"   # again\n']],
  [
    ['  - id: drivers\n', '  - id: riders-2\n  - id: riders\n    name: Twice\n'],
    ['segments: [riders]\nkey', 'segments: [riders-3]\nkey'],
  ],
  [['  - id: drivers\n', '  - id: v-2\n    name: V\n  - id: v-2\n']],
  [['segments: [riders, drivers]   # both sides', 'segments: [riders, ghost, drivers]   # both sides']],
  [['segments: [riders, drivers]   # both', 'segments: [ridrs, drivers]   # both']],
  [['channels: [app]', `channels: ['ap']`]],
  [
    ['segments: [riders, drivers]   # both sides', 'segments: [riders, ghost, drivers]   # both sides'],
    [/customer-segments:[^]*?value-propositions:/, 'customer-segments: [ { id: riders, name: Riders }, Drivers ]  # who\nvalue-propositions:'],
  ],
  [
    ['channels: [app]', 'channels: [app, web]'],
    [/channels:\n {2}- id: app[^]*?customer-relationships:/, 'channels: []\ncustomer-relationships:'],
  ],
  [
    ['channels: [app]', 'channels: [app, web]'],
    [/channels:\n {2}- id: app[^]*?customer-relationships:/, 'channels:   # later\ncustomer-relationships:'],
  ],
  [
    ['channels: [app]', 'channels: [app, web]'],
    [/channels:\n {2}- id: app[^]*?customer-relationships:/, 'customer-relationships:'],
  ],
  [['channels: [app]', 'channels: [app, fast]']],
  [['segments: [riders, drivers]   #', 'segments: [ghost, riders, drivers]   #']],
  [['segments: [riders, drivers]   #', 'segments: [riders, drivers , ghost ]   #']],
  [['segments: [riders]\nkey', 'segments: [ "ghost" ]   # tbd\nkey']],
  [['segments: [riders, drivers]   # both sides', 'segments: [\n      riders,\n      ghost,\n      drivers,\n    ]']],
  [['      - riders   # first\n', '      - riders   # first\n      - ghost   # gone\n']],
  [['      - drivers\ncustomer-relationships', '      - drivers\n      # keep me\n      - ghost\ncustomer-relationships']],
  [['    segments:\n      - riders   # first\n      - drivers\n', '    segments:   # who\n      - ghost\n']],
  [
    ['  - id: drivers\n    name: Drivers\n    type: mass-market\n', ''],
    ['    type: usage-fee\n    segments: [riders]\n', '    type: usage-fee   # per ride\n'],
  ],
  [
    ['  - id: drivers\n    name: Drivers\n    type: mass-market\n', ''],
    ['segments: [riders]\nkey', 'segments:   # later\nkey'],
  ],
  [
    ['  - id: drivers\n    name: Drivers\n    type: mass-market\n', ''],
    ['segments: [riders]\nkey', 'segments: # later\nkey'],
  ],
  [
    ['  - id: drivers\n    name: Drivers\n    type: mass-market\n', ''],
    ['  - name: Ride fees\n    type: usage-fee\n    segments: [riders]\n', '  - Ride fees\n'],
  ],
  [
    ['  - id: drivers\n    name: Drivers\n    type: mass-market\n', ''],
    ['  - name: Ride fees\n    type: usage-fee\n    segments: [riders]\n', '  - Tips\n  - name: Ride fees\n    segments: [riders]\n'],
  ],
  [
    ['  - id: drivers\n    name: Drivers\n    type: mass-market\n', ''],
    [
      '  - name: Self-service\n    type: self-service\n    segments:\n      - riders\n      - drivers\n    channels: [app]\n',
      '  - Hotline\n  - { name: Self-service,\n      type: self-service }   # flow\n',
    ],
  ],
  [
    ['  - id: drivers\n    name: Drivers\n    type: mass-market\n', ''],
    [
      'customer-relationships:\n  - name: Self-service\n    type: self-service\n    segments:\n      - riders\n      - drivers\n    channels: [app]\n',
      'customer-relationships: [ Hotline, { name: Self-service,\n    type: self-service } ]   # flow\n',
    ],
  ],
  [['    segments: [riders]\nkey', '\nkey']],
  [['      - riders\n      - drivers\n    channels', '      - riders\n    channels']],
  [['    type: mass-market\nvalue', '    type: mass-market\n  - Night owls   # new\nvalue']],
  [['  - id: drivers\n    name: Drivers\n', '  - name: Drivers\n']],
  [['key-partnerships: [Insurers]\n', '']],
  [['key-activities: [Matching]', 'key-activities: []']],
  [['key-activities: [Matching]', 'key-activities:   # soon']],
  [['key-activities: [Matching]', 'key-activities: ~']],
  [['key-activities: [Matching]', 'key-activities: null   # soon']],
];

const PLATFORM = BASE.replace(/type: mass-market/g, 'type: multi-sided-platform');

/** Every canvas the unit tests offer fixes on (LF; the property test adds CRLF, BOM and the rest). */
export const SNIPPETS: string[] = [
  BASE,
  ...BASE_EDITS.map((edits) => edits.reduce((text, [from, to]) => edit(text, from, to), BASE)),
  PLATFORM,
  edit(PLATFORM, '    name: Riders\n    type: multi-sided-platform\n', '    name: Riders\n    type: multi-sided-platform\n    segmentation:\n      - basis: geographic\n        criteria: [Seoul]   # launch\n'),
  edit(PLATFORM, '  - id: drivers\n', '  - id: fleets\n    name: Fleets\n    type: multi-sided-platform\n  - id: drivers\n'),
  edit(BASE, 'type: mass-market', 'type: multi-sided-platform'),
  'canvas: business-model\ntitle: Wide\ncustomer-segments:\n    -   id: riders\n        name: Riders\nvalue-propositions:\n    -   name: V\n        segments: [riders, urban-ghost]\n',
  'canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: a\n    name: A\nvalue-propositions:\n  - name: V\n    segments:\n      - a\n      - ghost',
  'canvas: business-model\ntitle: T\ncustomer-segments:\n  - id: a\n    name: A\nvalue-propositions:\n  - name: V\n    segments:\n      - ghost',
  'canvas: business-model\ntitle: T\ncustomer-segments:\n- id: a\n  name: A',
];
