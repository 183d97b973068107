import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCanvasView, fitEndpoints, graphemes, measure, renderHtml, renderMarkdown, renderSvg, validateCanvas, wrapText } from '../../src/core';
import { kindInfo } from '../../src/core/schema';
import type { CanvasView } from '../../src/core';
import MarkdownIt from 'markdown-it';
import { checkMarkup, Element, textContent } from '../fixtures/render/markupCheck';

const ROOT = join(__dirname, '../../..');
const LEAN = readFileSync(join(ROOT, 'test/fixtures/render/lean.canvas.yaml'), 'utf8');

function viewOf(text: string): CanvasView {
  return buildCanvasView(validateCanvas(text));
}

export const VPC = `canvas: value-proposition
title: Pickup riders can count on
business-model: ./ride-hailing.canvas.yaml
segment: riders
value-proposition: fast-pickup
customer-jobs:
  - { id: get-to-work, name: Get to work on time, type: functional }
pains:
  - { id: waiting, name: Waiting in the rain, severity: high }
  - { id: overcharged, name: Being overcharged, severity: medium }
gains:
  - { id: predictable, name: Knows the arrival time, relevance: expected }
products-and-services:
  - { id: app, name: Mobile app, jobs: [get-to-work] }
pain-relievers:
  - { name: Live arrival time, relieves: [waiting] }
  - { name: Fixed fare quoted upfront, relieves: [overcharged, waiting, waiting] }
gain-creators:
  - { name: Minute-by-minute tracking, creates: [predictable, ghost] }
`;

/** Text as canvases are really written (see test/browser/views.mjs for the preview's twin). */
const REAL_WORLD = [
  '서울 마포구에서 아이를 키우는 맞벌이 부모들은 아침마다 아이를 어린이집에 데려다주고 제시간에 출근하기 위해 매우 바쁜 시간을 보냅니다',
  '東京の通勤者は雨の日でも待たずに乗れる配車サービスを求めている。「確実に到着する」ことが何よりも大切です。',
  '我们的客户希望在雨天也能准时到达公司，而不必在街上等待出租车。我们通过实时到达时间和固定车费来解决这个问题。',
  'Los conductores quieren ingresos estables y previsibles durante toda la semana, incluso en temporada baja, sin depender de las propinas.',
  'Family trips 👨‍👩‍👧‍👦👩🏽‍💻🧑🏿‍🤝‍🧑🏻 with flags 🇰🇷🇯🇵🇨🇳🇪🇸🇸🇦🇮🇱 and more 🚕🌧️⏱️✅',
  'شراكة حصرية مع نقابة الأطباء المحلية لتقديم خدمة حجز المواعيد عبر الإنترنت في جميع أنحاء المدينة',
  "Naver & KakaoTalk: #hashtags, @mentions, [brackets], {braces}, 'quotes' & \"doubles\" | pipes > greater: colons",
  'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3),
  '가나다라마바사아자차카타파하'.repeat(6),
];

function realWorldCanvas(kind: 'business-model' | 'lean' | 'value-proposition'): string {
  const q = (text: string) => JSON.stringify(text);
  const lines = [`canvas: ${kind}`, `title: ${q(REAL_WORLD[0])}`, `description: ${q(REAL_WORLD[3])}`];
  kindInfo(kind).blocks.forEach((block, b) => {
    lines.push(`${block.key}:`);
    for (let i = 0; i < 3; i++) {
      lines.push(`  - id: ${block.key}-${i}`, `    name: ${q(REAL_WORLD[(b + i) % REAL_WORLD.length])}`, `    description: ${q(REAL_WORLD[(b + i + 4) % REAL_WORLD.length])}`);
      for (const [field, target] of block.references) lines.push(`    ${field}: [${target}-0]`);
    }
  });
  return lines.join('\n') + '\n';
}

const cellsOf = (view: CanvasView) => view.blocks.map((b) => `${b.key} ${b.cell.column},${b.cell.row} ${b.cell.columns}x${b.cell.rows}${b.group ? ` ${b.group}` : ''}`);

describe('render: every canvas kind', () => {
  describe('view model', () => {
    it('business model: the nine blocks on the 10 × 3 grid, cells read from the vocabulary', () => {
      const view = viewOf('canvas: business-model\ntitle: T\n');
      assert.equal(view.kind, 'business-model');
      assert.equal(view.kindTitle, 'Business Model Canvas');
      assert.deepEqual(view.grid, { columns: 10, rows: 3 });
      assert.deepEqual(cellsOf(view), [
        'key-partnerships 1,1 2x2',
        'key-activities 3,1 2x1',
        'key-resources 3,2 2x1',
        'value-propositions 5,1 2x2',
        'customer-relationships 7,1 2x1',
        'channels 7,2 2x1',
        'customer-segments 9,1 2x2',
        'cost-structure 1,3 5x1',
        'revenue-streams 6,3 5x1',
      ]);
      assert.deepEqual([view.groups, view.fits, view.links], [[], [], []]);
    });

    it('lean: the twelve blocks of the five-column sheet, titles and guides from its vocabulary', () => {
      const view = viewOf(LEAN);
      assert.equal(view.kind, 'lean');
      assert.equal(view.kindTitle, 'Lean Canvas');
      assert.deepEqual(view.grid, { columns: 10, rows: 3 });
      assert.deepEqual(cellsOf(view), [
        'problem 1,1 2x1',
        'existing-alternatives 1,2 2x1',
        'solution 3,1 2x1',
        'key-metrics 3,2 2x1',
        'unique-value-proposition 5,1 2x1',
        'high-level-concept 5,2 2x1',
        'unfair-advantage 7,1 2x1',
        'channels 7,2 2x1',
        'customer-segments 9,1 2x1',
        'early-adopters 9,2 2x1',
        'cost-structure 1,3 5x1',
        'revenue-streams 6,3 5x1',
      ]);
      const info = kindInfo('lean');
      assert.deepEqual(
        view.blocks.map((b) => [b.title, b.guide]),
        info.blocks.map((b) => [b.title, b.guide]),
      );
      assert.equal(view.blocks[0].title, 'Problem');
      assert.deepEqual(view.blocks[0].cards.map((c) => c.name), [
        '전화 예약은 대기 시간이 너무 길어서 환자들이 오전 내내 기다려야 합니다',
        'Los pacientes no saben cuánto tiempo esperarán en la sala de espera, y eso genera frustración',
      ]);
      // Its segments keep their colours and legend, as on the business model.
      assert.deepEqual(view.segments.map((s) => s.id), ['parents']);
      assert.deepEqual([view.groups, view.fits, view.links], [[], [], []]);
    });

    it('value proposition: the two sides as groups, links, ratings, references and resolved fits only', () => {
      const view = viewOf(VPC);
      assert.equal(view.kind, 'value-proposition');
      assert.equal(view.kindTitle, 'Value Proposition Canvas');
      assert.deepEqual(view.grid, { columns: 4, rows: 2 });
      assert.deepEqual(cellsOf(view), [
        'customer-jobs 4,1 1x2 customer-profile',
        'pains 3,2 1x1 customer-profile',
        'gains 3,1 1x1 customer-profile',
        'products-and-services 1,1 1x2 value-map',
        'pain-relievers 2,2 1x1 value-map',
        'gain-creators 2,1 1x1 value-map',
      ]);
      assert.deepEqual(view.groups, [
        { key: 'value-map', title: 'Value Map', shape: 'square', cell: { column: 1, row: 1, columns: 2, rows: 2 } },
        { key: 'customer-profile', title: 'Customer Profile', shape: 'circle', cell: { column: 3, row: 1, columns: 2, rows: 2 } },
      ]);
      assert.deepEqual(view.links, [
        { field: 'business-model', title: 'Business model', value: './ride-hailing.canvas.yaml' },
        { field: 'segment', title: 'Customer segment', value: 'riders' },
        { field: 'value-proposition', title: 'Value proposition', value: 'fast-pickup' },
      ]);
      // Many-to-many, each pair once; `ghost` names no gain: no fit (its diagnostic says why).
      assert.deepEqual(view.fits, [
        { field: 'jobs', fromBlock: 'products-and-services', from: 'app', toBlock: 'customer-jobs', to: 'get-to-work' },
        { field: 'relieves', fromBlock: 'pain-relievers', from: 'pain-relievers#0', toBlock: 'pains', to: 'waiting' },
        { field: 'relieves', fromBlock: 'pain-relievers', from: 'pain-relievers#1', toBlock: 'pains', to: 'overcharged' },
        { field: 'relieves', fromBlock: 'pain-relievers', from: 'pain-relievers#1', toBlock: 'pains', to: 'waiting' },
        { field: 'creates', fromBlock: 'gain-creators', from: 'gain-creators#0', toBlock: 'gains', to: 'predictable' },
      ]);
      assert.ok(view.problems.some((p) => p.code === 'unknown-reference' && p.message.includes('"ghost"')));
      const card = (key: string) => view.blocks.flatMap((b) => b.cards).find((c) => c.key === key)!;
      assert.deepEqual(card('pain-relievers#1').refs, [
        {
          field: 'relieves',
          title: 'Relieves',
          cards: [
            { block: 'pains', key: 'overcharged', name: 'Being overcharged' },
            { block: 'pains', key: 'waiting', name: 'Waiting in the rain' },
          ],
        },
      ]);
      assert.deepEqual(card('gain-creators#0').refs, [{ field: 'creates', title: 'Creates', cards: [{ block: 'gains', key: 'predictable', name: 'Knows the arrival time' }] }]);
      assert.deepEqual(card('waiting').ratings, [{ field: 'severity', title: 'Severity', value: 'high', label: 'High' }]);
      assert.deepEqual(card('predictable').ratings, [{ field: 'relevance', title: 'Relevance', value: 'expected', label: 'Expected' }]);
      assert.deepEqual(card('get-to-work').type, { value: 'functional', label: 'Functional' });
      assert.deepEqual([view.segments, card('waiting').segmentIds], [[], []]);
    });
  });

  describe('SVG', () => {
    const parse = (svg: string) => {
      const result = checkMarkup(svg, 'xml');
      assert.deepEqual(result.errors, []);
      return result.root!;
    };
    const box = (e: Element) => ({ x: +e.attributes.x, y: +e.attributes.y, width: +e.attributes.width, height: +e.attributes.height });
    const blocksOf = (root: Element) =>
      root.children
        .filter((g) => g.name === 'g' && g.attributes['aria-label'])
        .map((g) => ({ title: g.attributes['aria-label'], frame: box(g.children[0]), cards: g.children.filter((c) => c.name === 'g').map((c) => ({ note: box(c.children[0]), texts: c.children.filter((t) => t.name === 'text').map(textContent) })) }));

    it('lean: the five-column sheet — each column an upper and a lower block, costs and revenues below', () => {
      const svg = renderSvg(viewOf(LEAN));
      const root = parse(svg);
      assert.equal(textContent(root.children[0]), '동네 병원 예약 — Lean Canvas — Lean Canvas');
      const blocks = blocksOf(root);
      assert.deepEqual(
        blocks.map((b) => `${b.title} ${b.frame.x},${b.frame.y} ${b.frame.width}x${b.frame.height}`),
        [
          'Problem 24,140 320x220',
          'Existing Alternatives 24,360 320x220',
          'Solution 344,140 320x220',
          'Key Metrics 344,360 320x220',
          'Unique Value Proposition 664,140 320x220',
          'High-Level Concept 664,360 320x220',
          'Unfair Advantage 984,140 320x220',
          'Channels 984,360 320x220',
          'Customer Segments 1304,140 320x220',
          'Early Adopters 1304,360 320x220',
          'Cost Structure 24,580 800x170',
          'Revenue Streams 824,580 800x170',
        ],
      );
    });

    it('value proposition: the value map square, the profile ellipse through its rectangle, fit lines between card edges', () => {
      const svg = renderSvg(viewOf(VPC));
      const root = parse(svg);
      const square = root.children.find((e) => e.name === 'rect' && e.attributes.class === 'paper rule')!;
      assert.deepEqual(box(square), { x: 24, y: 245, width: 640, height: 640 });
      const ellipse = root.children.find((e) => e.name === 'ellipse')!;
      assert.deepEqual(['cx', 'cy', 'rx', 'ry'].map((a) => +ellipse.attributes[a]), [1204, 565, 420, 418.6]);
      const blocks = blocksOf(root);
      assert.deepEqual(
        blocks.map((b) => `${b.title} ${b.frame.x},${b.frame.y} ${b.frame.width}x${b.frame.height}`),
        [
          'Products & Services 24,245 320x640',
          'Pain Relievers 344,565 320x320',
          'Gain Creators 344,245 320x320',
          'Customer Jobs 1204,269 296x592',
          'Pains 908,565 296x296',
          'Gains 908,269 296x296',
        ],
      );
      // The profile's rectangle has its corners on the ellipse: (w/2)²/rx'² + (h/2)²/ry² = 1 with rx' = w/√2.
      const profile = { x: 908, y: 269, width: 592, height: 592 };
      assert.ok(Math.abs(+ellipse.attributes.ry - (profile.height / Math.SQRT2)) < 0.1);
      assert.ok(+ellipse.attributes.rx >= profile.width / Math.SQRT2);
      // One line per resolved fit between facing blocks; none for products → jobs (across the circle) or `ghost`.
      const lines = root.children.filter((e) => e.name === 'g' && e.attributes['aria-hidden'] === 'true').flatMap((g) => g.children.filter((l) => l.name === 'line'));
      const byName = (title: string, name: string) => blocks.find((b) => b.title === title)!.cards.find((c) => c.texts[0] === name)!.note;
      const expected = [
        ['Pain Relievers', 'Live arrival time', 'Pains', 'Waiting in the rain'],
        ['Pain Relievers', 'Fixed fare quoted upfront', 'Pains', 'Being overcharged'],
        ['Pain Relievers', 'Fixed fare quoted upfront', 'Pains', 'Waiting in the rain'],
        ['Gain Creators', 'Minute-by-minute tracking', 'Gains', 'Knows the arrival time'],
      ].map(([fb, fc, tb, tc]) => {
        const from = byName(fb, fc);
        const to = byName(tb, tc);
        // From the reliever's right edge to the pain's left edge, at mid height of each.
        return [from.x + from.width, from.y + from.height / 2, to.x, to.y + to.height / 2];
      });
      assert.deepEqual(lines.map((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => +l.attributes[a])), expected);
      assert.deepEqual(expected, [
        [654, 628.5, 918, 628.5],
        [654, 683.5, 918, 683.5],
        [654, 683.5, 918, 628.5],
        [654, 316, 918, 332.5],
      ]);
    });

    it('wraps a long CJK sentence between characters, keeps emoji sequences whole, and grows the block to hold it', () => {
      const chinese = '我们的客户希望在雨天也能准时到达公司，而不必在街上等待出租车。我们通过实时到达时间和固定车费来解决这个问题。';
      const emoji = 'Family trips 👨‍👩‍👧‍👦 and flags 🇰🇷🇯🇵🇪🇸 with thumbs 👍🏽 and more text to wrap around';
      const text = `canvas: value-proposition\ntitle: T\npains:\n  - { id: rain, name: "${chinese}", severity: high }\n  - { id: fam, name: "${emoji}" }\npain-relievers:\n  - { name: Live time, relieves: [rain, fam] }\n`;
      const blocks = blocksOf(parse(renderSvg(viewOf(text))));
      const pains = blocks.find((b) => b.title === 'Pains')!;
      const [rain, fam] = pains.cards;
      assert.deepEqual(rain.texts, [
        // 251 px of bold 14 px text: 17.9 em, sixteen characters of 1.1 em.
        '我们的客户希望在雨天也能准时到达',
        '公司，而不必在街上等待出租车。我',
        '们通过实时到达时间和固定车费来解',
        '决这个问题。',
        'Severity: High',
      ]);
      assert.equal(rain.texts.slice(0, 4).join(''), chinese);
      // A line may end between two flags, never inside one (two regional indicators) or a ZWJ family.
      assert.deepEqual(fam.texts, ['Family trips 👨‍👩‍👧‍👦 and flags 🇰🇷🇯🇵', '🇪🇸 with thumbs 👍🏽 and more', 'text to wrap around']);
      for (const line of fam.texts) assert.equal((line.match(/[\u{1f1e6}-\u{1f1ff}]/gu) ?? []).length % 2, 0, line);
      for (const card of pains.cards) {
        assert.ok(card.note.y + card.note.height <= pains.frame.y + pains.frame.height, 'the card stays inside its block');
      }
    });
  });

  describe('SVG with real-world text', () => {
    const FONTS: Record<string, { size: number; bold?: boolean }> = { n: { size: 14, bold: true }, m: { size: 11 }, b: { size: 12 } };
    const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.canvas.yaml'));
    const cases = [
      ...(['business-model', 'lean', 'value-proposition'] as const).map((kind) => ({ name: `${kind} with real-world text`, text: realWorldCanvas(kind), kind })),
      ...EXAMPLES.map((file) => {
        const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
        return { name: `examples/${file}`, text, kind: viewOf(text).kind };
      }),
    ];
    for (const { name, text, kind } of cases) {
      it(`${name}: every line of every card fits its card, every card its block, no block another`, () => {
        const svg = renderSvg(viewOf(text));
        const result = checkMarkup(svg, 'xml');
        assert.deepEqual(result.errors, []);
        const box = (e: Element) => ({ x: +e.attributes.x, y: +e.attributes.y, width: +e.attributes.width, height: +e.attributes.height });
        const blocks = result.root!.children.filter((g) => g.name === 'g' && g.attributes['aria-label']);
        assert.equal(blocks.length, kindInfo(kind).blocks.length);
        let lines = 0;
        for (const g of blocks) {
          const frame = box(g.children[0]);
          for (const card of g.children.filter((c) => c.name === 'g')) {
            const note = box(card.children[0]);
            assert.ok(note.x >= frame.x && note.x + note.width <= frame.x + frame.width && note.y >= frame.y && note.y + note.height <= frame.y + frame.height, `a card of ${g.attributes['aria-label']} leaves it`);
            for (const text of card.children.filter((t) => t.name === 'text')) {
              const font = FONTS[text.attributes.class];
              const width = measure(textContent(text), font.bold) * font.size;
              assert.ok(+text.attributes.x + width <= note.x + note.width, `"${textContent(text)}" is wider than its card`);
              assert.ok(+text.attributes.y < note.y + note.height, `"${textContent(text)}" is below its card`);
              lines++;
            }
          }
        }
        const frames = blocks.map((g) => box(g.children[0]));
        for (const [i, a] of frames.entries())
          for (const b of frames.slice(i + 1)) assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, 'blocks overlap');
        if (!name.endsWith('real-world text')) return;
        assert.ok(lines > kindInfo(kind).blocks.length * 3 * 3, `${lines} lines`);
        // Nothing of the text was dropped: every name's graphemes are there, in order.
        const texts = result.elements.filter((e) => e.name === 'text').map(textContent).join('');
        for (const written of REAL_WORLD) assert.ok(texts.replace(/ /g, '').includes(written.replace(/ /g, '').slice(0, 20)), written);
      });
    }
  });

  describe('Markdown', () => {
    it('lean: the kind, then a table (or the guiding question) per block in sheet order', () => {
      const md = renderMarkdown(viewOf('canvas: lean\ntitle: "Clinic: 예약"\nproblem:\n  - "Long | queues"\nearly-adopters:\n  - id: parents\n    name: Working parents\n'));
      const table = (row: string) => `| Card | Type | Status | Tags |\n| --- | --- | --- | --- |\n${row}`;
      const body = kindInfo('lean')
        .blocks.map((b) => `## ${b.title}\n\n${b.key === 'problem' ? table('| Long \\| queues | | | |') : b.key === 'early-adopters' ? table('| Working parents | | | |') : `*${b.guide}*`}`)
        .join('\n\n');
      assert.equal(md.split('\n\n## Problems')[0].replace(/\n$/, ''), `# Clinic: 예약\n\n*Lean Canvas*\n\n${body}`);
      assert.deepEqual(md.split('\n').filter((l) => l.startsWith('## ')).slice(0, 12), ['## Problem', '## Existing Alternatives', '## Solution', '## Key Metrics', '## Unique Value Proposition', '## High-Level Concept', '## Unfair Advantage', '## Channels', '## Customer Segments', '## Early Adopters', '## Cost Structure', '## Revenue Streams']);
    });

    it('value proposition: links, then each side with its blocks; ratings and references as columns', () => {
      const md = renderMarkdown(viewOf(VPC));
      assert.equal(
        md.split('\n## Problems')[0],
        `# Pickup riders can count on

*Value Proposition Canvas*

Business model: \`./ride-hailing.canvas.yaml\` · Customer segment: \`riders\` · Value proposition: \`fast-pickup\`

## Value Map

### Products & Services

| Card | Type | Status | Customer jobs | Tags |
| --- | --- | --- | --- | --- |
| Mobile app | | | Get to work on time | |

### Pain Relievers

| Card | Type | Status | Relieves | Tags |
| --- | --- | --- | --- | --- |
| Live arrival time | | | Waiting in the rain | |
| Fixed fare quoted upfront | | | Being overcharged, Waiting in the rain | |

### Gain Creators

| Card | Type | Status | Creates | Tags |
| --- | --- | --- | --- | --- |
| Minute-by-minute tracking | | | Knows the arrival time | |

## Customer Profile

### Customer Jobs

| Card | Type | Status | Tags |
| --- | --- | --- | --- |
| Get to work on time | Functional | | |

### Pains

| Card | Type | Status | Severity | Tags |
| --- | --- | --- | --- | --- |
| Waiting in the rain | | | High | |
| Being overcharged | | | Medium | |

### Gains

| Card | Type | Status | Relevance | Tags |
| --- | --- | --- | --- | --- |
| Knows the arrival time | | | Expected | |
`,
      );
    });
  });

  describe('HTML', () => {
    it('lean: the sheet on its grid; value proposition: the square and the circle with their blocks', () => {
      const lean = checkMarkup(renderHtml(viewOf(LEAN)), 'html');
      assert.deepEqual(lean.errors, []);
      const sections = lean.elements.filter((e) => e.name === 'section' && e.attributes['data-block']);
      assert.deepEqual(sections.slice(0, 2).map((s) => s.attributes.style), ['--column:1;--columns:2;--row:1;--rows:1', '--column:1;--columns:2;--row:2;--rows:1']);
      assert.equal(sections.length, 12);
      const vpc = checkMarkup(renderHtml(viewOf(VPC)), 'html');
      assert.deepEqual(vpc.errors, []);
      const groups = vpc.elements.filter((e) => e.name === 'section' && /\bgroup\b/.test(e.attributes.class ?? ''));
      assert.deepEqual(
        groups.map((g) => {
          const grid = g.children[1].children[0];
          return [g.attributes.class, textContent(g.children[0]), grid.attributes.style, grid.children.map((s) => `${s.attributes['data-block']} ${s.attributes.style}`)];
        }),
        [
          ['group group-square', 'Value Map', '--grid-columns:2;--grid-rows:2', [
            'products-and-services --column:1;--columns:1;--row:1;--rows:2',
            'pain-relievers --column:2;--columns:1;--row:2;--rows:1',
            'gain-creators --column:2;--columns:1;--row:1;--rows:1',
          ]],
          ['group group-circle', 'Customer Profile', '--grid-columns:2;--grid-rows:2', [
            'customer-jobs --column:2;--columns:1;--row:1;--rows:2',
            'pains --column:1;--columns:1;--row:2;--rows:1',
            'gains --column:1;--columns:1;--row:1;--rows:1',
          ]],
        ],
      );
      const refs = vpc.elements.filter((e) => e.name === 'p' && e.attributes.class === 'card-refs').map(textContent);
      assert.deepEqual(refs, ['Customer jobs: Get to work on time', 'Relieves: Waiting in the rain', 'Relieves: Being overcharged, Waiting in the rain', 'Creates: Knows the arrival time']);
    });
  });

  it('escapes a hostile value proposition everywhere: links, names in fits and references, ratings', () => {
    const hostile = `canvas: value-proposition
title: "<script>alert(1)</script>"
business-model: '"><img src=x onerror=alert(1)>.canvas.yaml'
segment: "</text><script>alert(2)</script>"
pains:
  - { id: p1, name: "</text><foreignObject><iframe src=javascript:alert(3)>", severity: "<b onclick=alert(4)>x</b>" }
pain-relievers:
  - { name: "]]><![CDATA[ & <!-- -->", relieves: [p1] }
`;
    const view = viewOf(hostile);
    assert.equal(view.fits.length, 1);
    const svg = renderSvg(view);
    const parsed = checkMarkup(svg, 'xml');
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual([...new Set(parsed.elements.map((e) => e.name))].sort(), ['circle', 'desc', 'ellipse', 'g', 'line', 'rect', 'style', 'svg', 'text', 'title']);
    // (Lines wrap at spaces: joined with one, they read as written.)
    const texts = parsed.elements.filter((e) => e.name === 'text').map(textContent).join(' ');
    assert.ok(texts.includes('</text><foreignObject><iframe src=javascript:alert(3)>'), texts);
    assert.ok(texts.includes('Relieves: </text><foreignObject><iframe src=javascript:alert(3)>'));
    assert.ok(texts.includes('Severity: <b onclick=alert(4)>x</b> · Error'));
    const html = renderHtml(view);
    const page = checkMarkup(html, 'html');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.elements.filter((e) => ['script', 'img', 'iframe', 'foreignObject', 'b'].includes(e.name)), []);
    for (const e of page.elements) for (const name of Object.keys(e.attributes)) assert.ok(!/^on/i.test(name), name);
    assert.ok(page.elements.some((e) => e.name === 'code' && textContent(e) === '"><img src=x onerror=alert(1)>.canvas.yaml'));
    // Markdown, rendered as GitHub would (raw HTML on): every tag from the file stays text.
    const md = renderMarkdown(view);
    const rendered = new MarkdownIt({ html: true, linkify: true }).render(md);
    assert.equal(/<(script|img|iframe|b |foreignObject|!\[CDATA)/i.test(rendered), false, rendered);
    assert.ok(md.includes('| \\<b onclick=alert(4)\\>x\\</b\\> |'), md);
    assert.ok(rendered.includes('<code>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.canvas.yaml</code>'), rendered);
  });

  describe('text wrapping', () => {
    it('takes grapheme clusters whole: ZWJ sequences, flags, skin tones, combining accents', () => {
      assert.deepEqual(graphemes('👨‍👩‍👧‍👦🇰🇷👍🏽e\u0301한'), ['👨‍👩‍👧‍👦', '🇰🇷', '👍🏽', 'e\u0301', '한']);
      assert.deepEqual([measure('👨‍👩‍👧‍👦'), measure('🇰🇷'), measure('e\u0301'), measure('한'), measure('漢字'), measure('ab')], [1.2, 1.2, 0.6, 1, 2, 1.2]);
      // Cut by grapheme even inside a word too long for any line.
      assert.deepEqual(wrapText('🇰🇷🇯🇵🇨🇳🇪🇸', 2.5), ['🇰🇷🇯🇵', '🇨🇳🇪🇸']);
      assert.deepEqual(wrapText('x👨‍👩‍👧‍👦y'.repeat(3), 2.5), ['x👨‍👩‍👧‍👦', 'yx👨‍👩‍👧‍👦', 'yx👨‍👩‍👧‍👦', 'y']);
    });

    it('breaks Chinese and Japanese between characters but never before closing punctuation; Korean at spaces', () => {
      // つ。 stays together (a line never starts with 。), 「 stays with 確.
      assert.deepEqual(wrapText('東京の通勤者は雨の日でも待つ。「確実」が大切。', 7), ['東京の通勤者は', '雨の日でも待', 'つ。「確実」が', '大切。']);
      assert.deepEqual(wrapText('我们的客户希望在雨天也能准时到达公司，而不必等待。', 6), ['我们的客户希', '望在雨天也能', '准时到达公', '司，而不必等', '待。']);
      assert.deepEqual(wrapText('아이를 키우는 맞벌이 부모들은 아침마다 바쁩니다', 10), ['아이를 키우는 맞벌이', '부모들은 아침마다', '바쁩니다']);
      assert.deepEqual(wrapText('Los conductores quieren ingresos estables', 12), ['Los conductores', 'quieren ingresos', 'estables']);
    });
  });

  it('wraps long text in one pass: 40 000 characters of emoji, CJK or Hangul give every line, nothing lost', () => {
    // (Intl.Segmenter took seconds for the emoji here: its cost grows faster than the text.)
    const emoji = '👨‍👩‍👧‍👦 ok 🇰🇷 '.repeat(4000);
    const lines = wrapText(emoji, 20);
    assert.equal(lines.length, 924);
    assert.equal(lines.join(' '), emoji.trim());
    const hangul = '가나다라마바사아'.repeat(5000);
    assert.deepEqual(new Set(wrapText(hangul, 20).map((l) => l.length)), new Set([20]));
    assert.equal(wrapText('雨'.repeat(40000), 10).length, 4000);
  });

  it('fit endpoints: facing edges at mid height; beside each other when stacked', () => {
    assert.deepEqual(fitEndpoints({ x: 0, y: 0, width: 100, height: 40 }, { x: 150, y: 100, width: 80, height: 20 }), { x1: 100, y1: 20, x2: 150, y2: 110, route: 'across' });
    assert.deepEqual(fitEndpoints({ x: 150, y: 100, width: 80, height: 20 }, { x: 0, y: 0, width: 100, height: 40 }), { x1: 150, y1: 110, x2: 100, y2: 20, route: 'across' });
    assert.deepEqual(fitEndpoints({ x: 10, y: 0, width: 100, height: 40 }, { x: 12, y: 300, width: 100, height: 41 }), { x1: 110, y1: 20, x2: 112, y2: 320.5, route: 'aside' });
  });
});
