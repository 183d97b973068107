/**
 * Every canvas kind through the real CLI (bin/canvas-as-code.js, as a user runs it): the Lean and
 * value-proposition examples rendered in each format with their own blocks and none of the
 * business model's, semantic diff of two revisions of each, review of a changed value-proposition
 * canvas in a temporary git repository, and init of each kind validating clean.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { kindInfo } from '../../src/core';
import type { CanvasKind } from '../../src/core';

const ROOT = join(__dirname, '../../..');
const BIN = join(ROOT, 'bin/canvas-as-code.js');
const LEAN = 'examples/hospital-companion.canvas.yaml';
const VPC = 'examples/riders-safe-rides.canvas.yaml';

/** The real CLI, as a user runs it. */
function cli(args: string[], cwd = ROOT): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const dirs: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'canvas-kinds-cli-'));
  dirs.push(dir);
  return dir;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const titlesOf = (kind: CanvasKind) => kindInfo(kind).blocks.map((b) => b.title);
/** The business model's block titles that the kind does not share (Channels, Cost Structure… are shared by the Lean Canvas). */
const businessModelOnly = (kind: CanvasKind) => titlesOf('business-model').filter((t) => !titlesOf(kind).includes(t));

interface KindCase {
  kind: CanvasKind;
  file: string;
  label: string;
  /** Markdown headings in order: the Lean Canvas's twelve blocks; the value map, then the customer profile. */
  markdownHeadings: string[];
  /** The HTML's block sections, in order, as id and title. */
  htmlBlocks: string[];
  /** The SVG's headings (class "h"), in order. */
  svgHeadings: string[];
  /** The SVG's text summary of what it draws. */
  svgSummary: string;
  /** Real-world text of the example every format shows. */
  title: string;
}

const LEAN_TITLES = ['Problem', 'Existing Alternatives', 'Solution', 'Key Metrics', 'Unique Value Proposition', 'High-Level Concept', 'Unfair Advantage', 'Channels', 'Customer Segments', 'Early Adopters', 'Cost Structure', 'Revenue Streams'];
const LEAN_KEYS = ['problem', 'existing-alternatives', 'solution', 'key-metrics', 'unique-value-proposition', 'high-level-concept', 'unfair-advantage', 'channels', 'customer-segments', 'early-adopters', 'cost-structure', 'revenue-streams'];

const CASES: KindCase[] = [
  {
    kind: 'lean',
    file: LEAN,
    label: 'Lean Canvas',
    markdownHeadings: LEAN_TITLES.map((t) => `## ${t}`),
    htmlBlocks: LEAN_KEYS.map((k, i) => `${k} ${LEAN_TITLES[i]}`),
    svgHeadings: LEAN_TITLES,
    svgSummary:
      '35 cards: Problem 3, Existing Alternatives 5, Solution 3, Key Metrics 4, Unique Value Proposition 2, High-Level Concept 1, Unfair Advantage 2, Channels 3, Customer Segments 3, Early Adopters 2, Cost Structure 4, Revenue Streams 3.',
    title: '동행메이트: 부모님 병원 동행 서비스 🏥',
  },
  {
    kind: 'value-proposition',
    file: VPC,
    label: 'Value Proposition Canvas',
    markdownHeadings: ['## Value Map', '### Products & Services', '### Pain Relievers', '### Gain Creators', '## Customer Profile', '### Customer Jobs', '### Pains', '### Gains'],
    htmlBlocks: ['products-and-services Products &amp; Services', 'pain-relievers Pain Relievers', 'gain-creators Gain Creators', 'customer-jobs Customer Jobs', 'pains Pains', 'gains Gains'],
    svgHeadings: ['Value Map', 'Products &amp; Services', 'Pain Relievers', 'Gain Creators', 'Customer Profile', 'Customer Jobs', 'Pains', 'Gains'],
    svgSummary: '27 cards: Customer Jobs 4, Pains 5, Gains 4, Products &amp; Services 4, Pain Relievers 6, Gain Creators 4.',
    title: 'Getting home safely after 22:00 🌙',
  },
];

describe('every canvas kind through the real CLI', function () {
  this.timeout(60000);
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('the examples', () => {
    it('hold a Lean canvas in Korean and a value-proposition canvas linked to a segment and a value proposition of ride-hailing.canvas.yaml; validate finds nothing', () => {
      const lean = parse(readFileSync(join(ROOT, LEAN), 'utf8'));
      const vpc = parse(readFileSync(join(ROOT, VPC), 'utf8'));
      const businessModel = parse(readFileSync(join(ROOT, 'examples/ride-hailing.canvas.yaml'), 'utf8'));
      assert.equal(lean.canvas, 'lean');
      assert.ok(/[\uac00-\ud7a3]{2}/.test(lean.problem[0].name), 'Korean text');
      assert.deepEqual(Object.keys(lean).filter((k) => LEAN_KEYS.includes(k)), LEAN_KEYS, 'all twelve blocks');
      assert.equal(vpc.canvas, 'value-proposition');
      assert.equal(vpc['business-model'], './ride-hailing.canvas.yaml');
      assert.ok(businessModel['customer-segments'].some((s: { id?: string }) => s.id === vpc.segment), `segment ${vpc.segment}`);
      assert.ok(businessModel['value-propositions'].some((v: { id?: string }) => v.id === vpc['value-proposition']), `value proposition ${vpc['value-proposition']}`);
      // Many-to-many fits: a pain relieved twice, a reliever relieving two pains.
      const relieved = (vpc['pain-relievers'] as { relieves: string[] }[]).flatMap((r) => r.relieves);
      assert.ok(relieved.filter((id) => id === 'unknown-driver').length >= 2);
      assert.ok((vpc['pain-relievers'] as { relieves: string[] }[]).some((r) => r.relieves.length >= 2));
      const count = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.canvas.yaml')).length;
      assert.deepEqual(cli(['validate', '--format', 'json', 'examples']), { code: 0, out: '[]\n', err: `${count} files checked: 0 problems (0 errors, 0 warnings, 0 information, 0 hints)\n` });
    });
  });

  for (const c of CASES) {
    describe(`${c.label} (${c.file})`, () => {
      const forbidden = businessModelOnly(c.kind);

      it('render --format md: the kind, then its blocks as headings, and none of the business model', () => {
        const { code, out, err } = cli(['render', c.file, '--format', 'md']);
        assert.deepEqual([code, err], [0, '']);
        assert.ok(out.startsWith(`# ${c.title}\n\n*${c.label}*\n\n`), out.slice(0, 200));
        assert.deepEqual(out.match(/^#{2,3} .*$/gm), c.markdownHeadings);
        for (const title of forbidden) assert.ok(!out.includes(title), `no "${title}"`);
      });

      it('render --format html: the kind and one section per block, in its layout order; none of the business model', () => {
        const { code, out, err } = cli(['render', c.file, '--format', 'html']);
        assert.deepEqual([code, err], [0, '']);
        assert.ok(out.includes(`<p class="kind">${c.label}</p>`));
        assert.ok(out.includes(escapeXml(c.title)));
        assert.deepEqual([...out.matchAll(/<h2 id="block-([a-z-]+)">([^<]*)<\/h2>/g)].map((m) => `${m[1]} ${m[2]}`), c.htmlBlocks);
        assert.deepEqual([...out.matchAll(/data-block="([a-z-]+)"/g)].map((m) => m[1]).sort(), kindInfo(c.kind).blocks.map((b) => b.key).sort());
        for (const title of forbidden) assert.ok(!out.includes(escapeXml(title)), `no "${title}"`);
      });

      it('render --format svg: one heading per block (and side), the summary of what it draws; none of the business model', () => {
        const { code, out, err } = cli(['render', c.file, '--format', 'svg']);
        assert.deepEqual([code, err], [0, '']);
        assert.ok(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[\s>]/.test(out), out.slice(0, 100));
        assert.deepEqual([...out.matchAll(/<text[^>]* class="h"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]), c.svgHeadings);
        assert.ok(out.includes(c.svgSummary), c.svgSummary);
        assert.ok(out.includes(`class="t" fill="#1f1f1f">${escapeXml(c.title)}</text>`), 'the title, whole');
        for (const title of forbidden) assert.ok(!out.includes(escapeXml(title)), `no "${title}"`);
      });
    });
  }

  describe('diff', () => {
    const LEAN_OLD = `canvas: lean
title: 동행메이트
problem:
  - id: missed-workdays
    name: 연차를 써야 한다
  - id: hospital-maze
    name: 병원 동선이 복잡하다
solution:
  - id: companion
    name: 동행 매니저
    problems: [missed-workdays]
unfair-advantage:
  - 병원 제휴
`;
    const LEAN_NEW = `canvas: lean
title: 동행메이트
problem:
  - id: missed-workdays
    name: "맞벌이 자녀는 연차를 써야 한다: 한 달에 두 번"
  - id: lost-instructions
    name: 진료 설명을 잊어버린다 📝
solution:
  - id: companion
    name: 동행 매니저
    problems: [missed-workdays, lost-instructions]
unfair-advantage:
  - 병원 제휴
`;
    const VPC_OLD = `canvas: value-proposition
title: Night rides
segment: riders
value-proposition: safe-rides
customer-jobs:
  - { id: get-home, name: Get home late, type: functional }
  - { id: expense, name: Expense the ride, type: supporting }
pains:
  - { id: unknown-driver, name: Unknown driver, severity: high }
gains:
  - { id: on-time, name: Home on time, relevance: required }
pain-relievers:
  - { id: driver-card, name: Driver card, relieves: [unknown-driver] }
gain-creators:
  - { id: live-eta, name: Live ETA, creates: [on-time] }
`;
    const VPC_NEW = `canvas: value-proposition
title: Night rides
segment: business-travellers
value-proposition: safe-rides
customer-jobs:
  - { id: get-home, name: Get home late, type: functional }
pains:
  - { id: unknown-driver, name: Unknown driver, severity: medium }
gains:
  - { id: on-time, name: Home on time, relevance: required }
  - { id: family-sees, name: "Family sees the trip: live 👀", relevance: desired }
pain-relievers:
  - { id: driver-card, name: Driver card, relieves: [unknown-driver] }
gain-creators:
  - { id: live-eta, name: Live ETA, creates: [on-time, family-sees] }
`;

    function sides(oldText: string, newText: string): string {
      const dir = temp();
      writeFileSync(join(dir, 'old.canvas.yaml'), oldText);
      writeFileSync(join(dir, 'new.canvas.yaml'), newText);
      return dir;
    }

    it('two revisions of a Lean canvas: the added, removed and changed cards of its own blocks (text, json, md)', () => {
      const dir = sides(LEAN_OLD, LEAN_NEW);
      assert.deepEqual(cli(['diff', 'old.canvas.yaml', 'new.canvas.yaml'], dir), {
        code: 1,
        err: '',
        out: `1 added, 1 removed, 2 changed, 0 moved
Problem
  + "진료 설명을 잊어버린다 📝" (lost-instructions)
  - "병원 동선이 복잡하다" (hospital-maze)
  ~ "맞벌이 자녀는 연차를 써야 한다: 한 달에 두 번" (missed-workdays)
      name: "연차를 써야 한다" -> "맞벌이 자녀는 연차를 써야 한다: 한 달에 두 번"
Solution
  ~ "동행 매니저" (companion)
      problems: +lost-instructions
`,
      });
      const json = JSON.parse(cli(['diff', 'old.canvas.yaml', 'new.canvas.yaml', '--format', 'json'], dir).out);
      assert.deepEqual(json.summary, { added: 1, removed: 1, changed: 2, moved: 0 });
      assert.deepEqual(
        json.blocks.map((b: { block: string; title: string; added: { id: string }[]; removed: { id: string }[]; changed: { id: string; changes: { field: string }[] }[] }) => ({
          block: b.block,
          title: b.title,
          added: b.added.map((c) => c.id),
          removed: b.removed.map((c) => c.id),
          changed: b.changed.map((c) => `${c.id}: ${c.changes.map((x) => x.field).join(', ')}`),
        })),
        [
          { block: 'problem', title: 'Problem', added: ['lost-instructions'], removed: ['hospital-maze'], changed: ['missed-workdays: name'] },
          { block: 'solution', title: 'Solution', added: [], removed: [], changed: ['companion: problems'] },
        ],
      );
      assert.deepEqual(json.blocks[1].changed[0].changes, [{ field: 'problems', kind: 'list', gained: ['lost-instructions'], lost: [] }]);
      assert.equal(
        cli(['diff', 'old.canvas.yaml', 'new.canvas.yaml', '--format', 'md'], dir).out,
        `**Canvas changes:** 1 added, 1 removed, 2 changed, 0 moved

**Problem**
- **added** 진료 설명을 잊어버린다 📝 (\`lost-instructions\`)
- ~~removed~~ ~~병원 동선이 복잡하다 (\`hospital-maze\`)~~
- changed 맞벌이 자녀는 연차를 써야 한다: 한 달에 두 번 (\`missed-workdays\`): name: ~~연차를 써야 한다~~ → **맞벌이 자녀는 연차를 써야 한다: 한 달에 두 번**

**Solution**
- changed 동행 매니저 (\`companion\`): problems +\`lost-instructions\`
`,
      );
      assert.deepEqual(cli(['diff', 'old.canvas.yaml', 'old.canvas.yaml'], dir), { code: 0, out: 'No changes\n', err: '' });
    });

    it('two revisions of a value-proposition canvas: another segment, a job removed, a pain rated down, a gain added and created (text, json)', () => {
      const dir = sides(VPC_OLD, VPC_NEW);
      assert.deepEqual(cli(['diff', 'old.canvas.yaml', 'new.canvas.yaml'], dir), {
        code: 1,
        err: '',
        out: `1 added, 1 removed, 2 changed, 0 moved, segment changed
segment: "riders" -> "business-travellers"
Customer Jobs
  - "Expense the ride" (expense)
Pains
  ~ "Unknown driver" (unknown-driver)
      severity: "high" -> "medium"
Gains
  + "Family sees the trip: live 👀" (family-sees)
Gain Creators
  ~ "Live ETA" (live-eta)
      creates: +family-sees
`,
      });
      const json = JSON.parse(cli(['diff', 'old.canvas.yaml', 'new.canvas.yaml', '--format', 'json'], dir).out);
      assert.deepEqual(json.summary, { added: 1, removed: 1, changed: 2, moved: 0 });
      assert.deepEqual(json.fields, [{ field: 'segment', from: 'riders', to: 'business-travellers' }]);
      assert.deepEqual(
        json.blocks.map((b: { block: string; title: string }) => `${b.block} ${b.title}`),
        ['customer-jobs Customer Jobs', 'pains Pains', 'gains Gains', 'gain-creators Gain Creators'],
      );
      assert.deepEqual(json.blocks[1].changed[0].changes, [{ field: 'severity', kind: 'value', from: 'high', to: 'medium' }]);
      assert.deepEqual(json.blocks[2].added, [{ index: 1, id: 'family-sees', name: 'Family sees the trip: live 👀' }]);
      assert.deepEqual(json.blocks[3].changed[0].changes, [{ field: 'creates', kind: 'list', gained: ['family-sees'], lost: [] }]);
    });
  });

  describe('review', () => {
    it('a value-proposition canvas changed on a branch: its semantic diff and the fit gap it opens (unrelieved-pain), text and json', () => {
      const dir = temp();
      const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, stdio: 'pipe', encoding: 'utf8' }).trim();
      git('init', '-q', '-b', 'main');
      for (const f of ['ride-hailing.canvas.yaml', 'riders-safe-rides.canvas.yaml']) copyFileSync(join(ROOT, 'examples', f), join(dir, f));
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      const base = git('rev-parse', 'HEAD');
      git('checkout', '-q', '-b', 'feature');
      const file = join(dir, 'riders-safe-rides.canvas.yaml');
      const text = readFileSync(file, 'utf8');
      const reliever = '  - id: e-receipts\n    name: E-receipts with the business number, kept for 5 years\n    relieves: [lost-receipts, surge-shock]\n';
      const severity = '    severity: medium\n    jobs: [get-home-late]\n';
      assert.ok(text.includes(reliever) && text.includes(severity));
      const changed = text.replace(reliever, '').replace(severity, '    severity: high\n    jobs: [get-home-late]\n');
      writeFileSync(file, changed);
      git('commit', '-q', '-am', 'drop e-receipts');
      const head = git('rev-parse', 'HEAD');
      const painLine = changed.split('\n').findIndex((l) => l.includes('name: "Paper receipts:')) + 1;
      const pain = '"Paper receipts: lost, faded, or missing the company\'s business number"';
      assert.deepEqual(cli(['review', '--base', 'main', '--head', 'feature'], dir), {
        code: 0,
        err: '',
        out: `Canvas review ${base.slice(0, 12)}..${head.slice(0, 12)}
1 canvas changed: 0 added, 0 deleted, 1 modified, 0 renamed, 0 copied; 0 errors, 1 warning

modified: riders-safe-rides.canvas.yaml
  0 added, 1 removed, 1 changed, 0 moved
  Pains
    ~ "Drivers refuse short trips at night: 'Mapo? Not going there.'" (refused-trips)
        severity: "medium" -> "high"
  Pain Relievers
    - "E-receipts with the business number, kept for 5 years" (e-receipts)
  ${painLine}:11 warning Pain "Paper receipts: lost, faded, or missing the company's business number" is not relieved: no pain reliever names it in its relieves. [unrelieved-pain]
`,
      });
      const json = JSON.parse(cli(['review', '--base', 'main', '--head', 'feature', '--format', 'json'], dir).out);
      assert.deepEqual(json.summary, { canvases: 1, added: 0, deleted: 0, modified: 1, renamed: 0, copied: 0, errors: 0, warnings: 1 });
      assert.deepEqual(json.canvases[0].diff.summary, { added: 0, removed: 1, changed: 1, moved: 0 });
      assert.deepEqual(json.canvases[0].problems, [
        {
          line: painLine,
          column: 11,
          endLine: painLine,
          endColumn: 11 + pain.length,
          severity: 'warning',
          code: 'unrelieved-pain',
          message: `Pain "Paper receipts: lost, faded, or missing the company's business number" is not relieved: no pain reliever names it in its relieves.`,
        },
      ]);
    });
  });

  describe('init', () => {
    const LABELS = { lean: 'Lean Canvas', 'value-proposition': 'Value Proposition Canvas' } as const;
    for (const kind of ['lean', 'value-proposition'] as const) {
      it(`--kind ${kind} writes a starter of that kind that validates with no finding, and renders as that kind`, () => {
        const dir = temp();
        assert.deepEqual(cli(['init', '--kind', kind, '--title', '야간 귀가: 안전하게 🌙'], dir), { code: 0, out: `created ${kind}.canvas.yaml\n`, err: '' });
        const text = readFileSync(join(dir, `${kind}.canvas.yaml`), 'utf8');
        assert.equal(parse(text).canvas, kind);
        assert.equal(parse(text).title, '야간 귀가: 안전하게 🌙');
        assert.deepEqual(cli(['validate', '--format', 'json', '.'], dir), { code: 0, out: '[]\n', err: '1 file checked: 0 problems (0 errors, 0 warnings, 0 information, 0 hints)\n' });
        const md = cli(['render', `${kind}.canvas.yaml`, '--format', 'md'], dir);
        assert.deepEqual([md.code, md.err], [0, '']);
        assert.ok(md.out.includes(`\n*${LABELS[kind]}*\n`), md.out.slice(0, 200));
      });
    }
  });
});
