import * as assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCanvas } from '../../src/core';
import { findLinkRoot, LinkSession } from '../../src/cli/links';
import { main } from '../../src/cli/main';
import { CLEAN } from './helpers';

// Issue 14, item 3 for the CLI: validate checks a value-proposition canvas against the business
// model it names, in every output format, reading each linked file once per run.

/** A complete value-proposition canvas (no problem of its own) linking to `businessModel`. */
export function vpcText(businessModel: string, segment = 'riders', valueProposition = 'fast'): string {
  return `canvas: value-proposition
title: Pickup riders can count on
business-model: ${businessModel}
segment: ${segment}
value-proposition: ${valueProposition}
customer-jobs:
  - { id: get-to-work, name: Get to work on time, type: functional }
pains:
  - { id: waiting, name: Waiting in the rain, severity: high }
gains:
  - { id: predictable, name: Knows the arrival time, relevance: expected }
products-and-services:
  - { id: app, name: Mobile app, jobs: [get-to-work] }
pain-relievers:
  - { name: Live arrival time, relieves: [waiting] }
gain-creators:
  - { name: Fixed fare quoted upfront, creates: [predictable] }
`;
}

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(['validate', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}

describe('CLI: links across files', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-links-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'bm'));
    mkdirSync(join(dir, 'vpc'));
    writeFileSync(join(dir, 'bm', 'ride.canvas.yaml'), CLEAN);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a link that resolves: no problems, exit 0', () => {
    writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../bm/ride.canvas.yaml'));
    assert.deepEqual(run(['vpc/a.canvas.yaml'], dir), { code: 0, out: '', err: '1 file checked: 0 problems (0 errors, 0 warnings, 0 information, 0 hints)\n' });
  });

  it('an unknown segment (with a suggestion) and a missing business model, text output', () => {
    writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../bm/ride.canvas.yaml', 'rider'));
    writeFileSync(join(dir, 'vpc', 'b.canvas.yaml'), vpcText('../bm/gone.canvas.yaml'));
    const result = run(['vpc'], dir);
    assert.equal(result.code, 1);
    assert.equal(
      result.out,
      'vpc/a.canvas.yaml:4:10 error unknown-reference "rider" names no customer segment in ../bm/ride.canvas.yaml. Did you mean "riders"?\n' +
        'vpc/b.canvas.yaml:3:17 error unknown-canvas No file "../bm/gone.canvas.yaml": the business-model canvas this names does not exist.\n',
    );
    assert.equal(result.err, '2 files checked: 2 problems (2 errors, 0 warnings, 0 information, 0 hints)\n');
  });

  it('json output of a link problem', () => {
    writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../bm/ride.canvas.yaml', 'riders', 'cheap'));
    const result = run(['vpc/a.canvas.yaml', '--format', 'json'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.out), [
      {
        file: 'vpc/a.canvas.yaml',
        line: 5,
        column: 20,
        endLine: 5,
        endColumn: 25,
        severity: 'error',
        code: 'unknown-reference',
        message: '"cheap" names no value proposition in ../bm/ride.canvas.yaml.',
      },
    ]);
  });

  it('sarif output of a link problem', () => {
    writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../../outside.canvas.yaml'));
    const result = run(['vpc/a.canvas.yaml', '--format', 'sarif'], dir);
    assert.equal(result.code, 1);
    const log = JSON.parse(result.out) as { runs: { results: unknown[]; tool: { driver: { rules: { id: string }[] } } }[] };
    assert.deepEqual(log.runs[0].results, [
      {
        ruleId: 'unknown-canvas',
        ruleIndex: log.runs[0].tool.driver.rules.findIndex((r) => r.id === 'unknown-canvas'),
        level: 'error',
        message: { text: '"../../outside.canvas.yaml" leads outside the workspace: a linked canvas must be inside the workspace folder.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'vpc/a.canvas.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 17, endLine: 3, endColumn: 42 },
            },
          },
        ],
      },
    ]);
  });

  it('github output of a link problem', () => {
    writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../vpc/a.canvas.yaml'));
    const result = run(['vpc/a.canvas.yaml', '--format', 'github'], dir);
    assert.equal(result.code, 1);
    assert.equal(
      result.out,
      '::error file=vpc/a.canvas.yaml,line=3,col=17,endLine=3,endColumn=37,title=unknown-canvas::business-model names this file itself: it must name a business-model canvas.\n',
    );
  });

  it('the link may not leave the root (the nearest folder with .git), also from a subfolder', () => {
    writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../../outside.canvas.yaml'));
    writeFileSync(join(dir, '..', 'outside.canvas.yaml'), CLEAN);
    try {
      const result = run(['a.canvas.yaml'], join(dir, 'vpc'));
      assert.equal(result.out, 'a.canvas.yaml:3:17 error unknown-canvas "../../outside.canvas.yaml" leads outside the workspace: a linked canvas must be inside the workspace folder.\n');
    } finally {
      rmSync(join(dir, '..', 'outside.canvas.yaml'), { force: true });
    }
  });

  it('a symbolic link inside the root that leads out of it is refused like ..', function () {
    const outside = mkdtempSync(join(tmpdir(), 'canvas-links-outside-'));
    try {
      writeFileSync(join(outside, 'real.canvas.yaml'), CLEAN);
      try {
        symlinkSync(join(outside, 'real.canvas.yaml'), join(dir, 'bm', 'link.canvas.yaml'));
        symlinkSync(join(dir, 'bm', 'ride.canvas.yaml'), join(dir, 'bm', 'inside.canvas.yaml'));
      } catch {
        this.skip(); // no symbolic links here (Windows without the privilege)
      }
      writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../bm/link.canvas.yaml'));
      writeFileSync(join(dir, 'vpc', 'b.canvas.yaml'), vpcText('../bm/inside.canvas.yaml'));
      const result = run(['vpc/a.canvas.yaml', 'vpc/b.canvas.yaml'], dir);
      assert.equal(result.out, 'vpc/a.canvas.yaml:3:17 error unknown-canvas "../bm/link.canvas.yaml" leads outside the workspace: a linked canvas must be inside the workspace folder.\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("a canvas outside the run's root links within its own project", () => {
    const other = mkdtempSync(join(tmpdir(), 'canvas-links-other-'));
    try {
      mkdirSync(join(other, '.git'));
      mkdirSync(join(other, 'vpc'));
      writeFileSync(join(other, 'bm.canvas.yaml'), CLEAN);
      writeFileSync(join(other, 'vpc', 'a.canvas.yaml'), vpcText('../bm.canvas.yaml', 'rider'));
      const result = run([join(other, 'vpc', 'a.canvas.yaml')], dir);
      assert.equal(result.out, `${join(other, 'vpc', 'a.canvas.yaml')}:4:10 error unknown-reference "rider" names no customer segment in ../bm.canvas.yaml. Did you mean "riders"?\n`);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('a linked lean canvas, a folder and a non-canvas are unknown-canvas errors', () => {
    writeFileSync(join(dir, 'bm', 'lean.canvas.yaml'), 'canvas: lean\ntitle: Lean\n');
    mkdirSync(join(dir, 'bm', 'folder.canvas.yaml'));
    writeFileSync(join(dir, 'bm', 'x.canvas.yaml'), '- just\n- a list\n');
    writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../bm/lean.canvas.yaml'));
    writeFileSync(join(dir, 'vpc', 'b.canvas.yaml'), vpcText('../bm/folder.canvas.yaml'));
    writeFileSync(join(dir, 'vpc', 'c.canvas.yaml'), vpcText('../bm/x.canvas.yaml'));
    const result = run(['vpc/a.canvas.yaml', 'vpc/b.canvas.yaml', 'vpc/c.canvas.yaml'], dir);
    assert.equal(result.code, 1);
    assert.equal(
      result.out,
      'vpc/a.canvas.yaml:3:17 error unknown-canvas "../bm/lean.canvas.yaml" is a lean canvas: business-model must name a business-model canvas.\n' +
        'vpc/b.canvas.yaml:3:17 error unknown-canvas "../bm/folder.canvas.yaml" is a folder, not a canvas file.\n' +
        'vpc/c.canvas.yaml:3:17 error unknown-canvas "../bm/x.canvas.yaml" is not a canvas: it has no "canvas:" key naming a kind of canvas.\n',
    );
  });

  it('the configuration file sets the severity of link problems', () => {
    writeFileSync(join(dir, '.canvas-as-code.yaml'), 'rules:\n  unknown-reference: warning\n');
    writeFileSync(join(dir, 'vpc', 'a.canvas.yaml'), vpcText('../bm/ride.canvas.yaml', 'nobody'));
    const result = run(['vpc/a.canvas.yaml'], dir);
    assert.equal(result.code, 0);
    assert.equal(result.out, 'vpc/a.canvas.yaml:4:10 warning unknown-reference "nobody" names no customer segment in ../bm/ride.canvas.yaml.\n');
  });

  it('reads and validates a business model once per run, however many canvases name it', () => {
    const session = new LinkSession(dir);
    const texts = ['riders', 'rider', 'nobody'].map((segment) => vpcText('../bm/ride.canvas.yaml', segment));
    const found = texts.map((text, i) => session.diagnose(join(dir, 'vpc', `${i}.canvas.yaml`), validateCanvas(text)).map((d) => d.message));
    assert.deepEqual(found, [
      [],
      ['"rider" names no customer segment in ../bm/ride.canvas.yaml. Did you mean "riders"?'],
      ['"nobody" names no customer segment in ../bm/ride.canvas.yaml.'],
    ]);
    assert.deepEqual(session.readLog, [join(dir, 'bm', 'ride.canvas.yaml')]);
  });

  it('the root: the nearest ancestor with .git or .canvas-as-code.yaml, else the working directory', () => {
    assert.equal(findLinkRoot(join(dir, 'vpc')), dir);
    const bare = mkdtempSync(join(tmpdir(), 'canvas-links-bare-'));
    try {
      mkdirSync(join(bare, 'a', 'b'), { recursive: true });
      writeFileSync(join(bare, 'a', '.canvas-as-code.yaml'), 'rules: {}\n');
      assert.equal(findLinkRoot(join(bare, 'a', 'b')), join(bare, 'a'));
      assert.equal(findLinkRoot(bare), bare);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('a canvas on standard input links from the working directory', () => {
    const stdin = join(dir, 'stdin.canvas.yaml');
    writeFileSync(stdin, vpcText('./bm/ride.canvas.yaml', 'rider'));
    const fd = openSync(stdin, 'r');
    try {
      let out = '';
      const code = main(['validate', '-'], { out: (t) => void (out += t), err: () => undefined, cwd: dir, stdin: fd });
      assert.equal(code, 1);
      assert.equal(out, '<stdin>:4:10 error unknown-reference "rider" names no customer segment in ./bm/ride.canvas.yaml. Did you mean "riders"?\n');
    } finally {
      closeSync(fd);
    }
  });
});
