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

/** A value proposition canvas: many-to-many fits, one reference to nothing (`ghost`), products naming jobs. */
export const VPC = `canvas: value-proposition
title: Pickup riders can count on
business-model: ./ride-hailing.canvas.yaml
segment: riders
value-proposition: fast-pickup
customer-jobs:
  - { id: get-to-work, name: Get to work on time, type: functional }
  - { id: feel-safe, name: Feel safe at night, type: emotional }
pains:
  - { id: waiting, name: Waiting in the rain, severity: high }
  - { id: overcharged, name: Being overcharged, severity: medium }
gains:
  - { id: predictable, name: Knows the arrival time, relevance: expected }
  - { id: cheap, name: Pays less than a taxi, relevance: desired }
products-and-services:
  - { id: app, name: Mobile app, jobs: [get-to-work] }
pain-relievers:
  - { id: live, name: Live arrival time, relieves: [waiting] }
  - { id: fixed, name: Fixed fare quoted upfront, relieves: [overcharged, waiting] }
gain-creators:
  - { id: tracking, name: Minute-by-minute tracking, creates: [predictable, ghost] }
  - { id: pool, name: Shared rides, creates: [cheap, predictable] }
`;

/** Text as canvases are really written: long sentences in many scripts, emoji sequences, RTL, YAML punctuation. */
export const REAL_WORLD_TEXTS = [
  '서울 마포구에서 아이를 키우는 맞벌이 부모들은 아침마다 아이를 어린이집에 데려다주고 제시간에 출근하기 위해 매우 바쁜 시간을 보냅니다',
  '東京の通勤者は雨の日でも待たずに乗れる配車サービスを求めている。「確実に到着する」ことが何よりも大切です。',
  '我们的客户希望在雨天也能准时到达公司，而不必在街上等待出租车。我们通过实时到达时间和固定车费来解决这个问题。',
  'Los conductores quieren ingresos estables y previsibles durante toda la semana, incluso en temporada baja, sin depender de las propinas.',
  'Family trips 👨‍👩‍👧‍👦👩🏽‍💻🧑🏿‍🤝‍🧑🏻 with flags 🇰🇷🇯🇵🇨🇳🇪🇸🇸🇦🇮🇱 and more 🚕🌧️⏱️✅',
  'شراكة حصرية مع نقابة الأطباء المحلية لتقديم خدمة حجز المواعيد عبر الإنترنت في جميع أنحاء المدينة',
  'שותפות בלעדית עם איגוד הרופאים המקומי לשירות הזמנת תורים מקוון בכל רחבי העיר',
  "Naver & KakaoTalk: #hashtags, @mentions, [brackets], {braces}, 'quotes' & \"doubles\" | pipes > greater: colons - dashes * stars ? % `ticks`",
  'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3),
  'https://example.com/a/very/long/path/without/any/spaces/that/goes/on/and/on/and/on/for/a/while/index.html?query=1&other=2',
  '가나다라마바사아자차카타파하'.repeat(6),
];

/** A canvas of `kind` with the real-world texts in every block: names, descriptions and tags. */
export async function realWorldCanvas(kind) {
  const { kindInfo } = await loadLib();
  const info = kindInfo(kind);
  const q = (text) => JSON.stringify(text);
  const lines = [`canvas: ${kind}`, `title: ${q(REAL_WORLD_TEXTS[0])}`, `description: ${q(REAL_WORLD_TEXTS[3])}`];
  info.blocks.forEach((block, b) => {
    lines.push(`${block.key}:`);
    for (let i = 0; i < 3; i++) {
      const text = REAL_WORLD_TEXTS[(b + i) % REAL_WORLD_TEXTS.length];
      lines.push(`  - id: ${block.key}-${i}`, `    name: ${q(text)}`, `    description: ${q(REAL_WORLD_TEXTS[(b + i + 5) % REAL_WORLD_TEXTS.length])}`, `    tags: [${q('태그-' + 'ラベル'.repeat(8))}]`);
      // Every reference field of the block names the first card of its target block.
      for (const [field, target] of block.references) lines.push(`    ${field}: [${target}-0]`);
    }
  });
  return lines.join('\n') + '\n';
}
