import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runCli } from '../../src/cli/main';
import { REVIEW_MARKER } from '../../src/cli/reviewCommand';

function review(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(['review', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd }, false) as number;
  return { code, out, err };
}

function makeRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'canvas-review-links-'));
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, stdio: 'pipe', encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'vpcs'));
  return {
    dir,
    git,
    write: (path: string, text: string) => writeFileSync(join(dir, path), text),
    commit: (message: string) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
  };
}

const BUSINESS_MODEL = `canvas: business-model
title: Rides
customer-segments:
  - id: riders
    name: Urban riders
value-propositions:
  - id: safe-rides
    name: Safe rides
    segments: [riders]
`;

/** The segment riders renamed night-riders (its name and the proposition's segments follow). */
const RENAMED = BUSINESS_MODEL.replace('id: riders', 'id: night-riders').replace('[riders]', '[night-riders]');

const vpc = (businessModel: string, segment = 'riders') => `canvas: value-proposition
title: Night riders
business-model: ${businessModel}
segment: ${segment}
value-proposition: safe-rides
`;

/** Every file under `dir` (.git included), with its contents: what "writes nothing" compares. */
function snapshot(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(`${path}\n${readFileSync(path, 'latin1')}`);
    }
  };
  walk(dir);
  return found;
}

describe('CLI review: links across files, as of the head', function () {
  this.timeout(60000);
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a value-proposition canvas changed to name a segment its business model lacks: the link problem with its problems (text, md, json); the business model is read at --head, not from the work tree', () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    repo.write('bm.canvas.yaml', BUSINESS_MODEL);
    repo.write('vpcs/night.canvas.yaml', vpc('../bm.canvas.yaml'));
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('vpcs/night.canvas.yaml', vpc('../bm.canvas.yaml', 'ryders'));
    const head = repo.commit('a segment that is not there');
    // The work tree's business model has the segment: review --head must not see it.
    repo.write('bm.canvas.yaml', BUSINESS_MODEL.replace('  - id: riders\n', '  - id: ryders\n    name: Typo riders\n  - id: riders\n'));
    const range = `${base.slice(0, 12)}..${head.slice(0, 12)}`;
    const message = '"ryders" names no customer segment in ../bm.canvas.yaml. Did you mean "riders"?';
    assert.deepEqual(review(['--base', base, '--head', head], repo.dir), {
      code: 1,
      out: `Canvas review ${range}\n1 canvas changed: 0 added, 0 deleted, 1 modified, 0 renamed, 0 copied; 1 error, 0 warnings\n\nmodified: vpcs/night.canvas.yaml\n  0 added, 0 removed, 0 changed, 0 moved, segment changed\n  segment: "riders" -> "ryders"\n  4:10 error ${message} [unknown-reference]\n`,
      err: '',
    });
    const md = review(['--base', base, '--head', head, '--format', 'md'], repo.dir);
    assert.equal(md.out.startsWith(REVIEW_MARKER), true);
    assert.equal(md.out.endsWith(`\n\n**Problems** (1 problem)\n\n- **error** line 4, column 10: ${message} (\`unknown-reference\`)\n`), true);
    const json = JSON.parse(review(['--base', base, '--head', head, '--format', 'json'], repo.dir).out);
    assert.deepEqual(json.canvases[0].problems, [{ line: 4, column: 10, endLine: 4, endColumn: 16, severity: 'error', code: 'unknown-reference', message }]);
    assert.equal('affected' in json.canvases[0], false);
  });

  it('a business model renaming a segment id: the unchanged value-proposition canvas that names it is listed with the business model, its problem counted (text, md, json; --head and the work tree)', () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    repo.write('bm.canvas.yaml', BUSINESS_MODEL);
    repo.write('vpcs/night.canvas.yaml', vpc('../bm.canvas.yaml'));
    repo.write('vpcs/elsewhere.canvas.yaml', vpc('../other.canvas.yaml'));
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('bm.canvas.yaml', RENAMED);
    const head = repo.commit('rename the segment');
    const lines = [
      '1 canvas changed: 0 added, 0 deleted, 1 modified, 0 renamed, 0 copied; 1 error, 0 warnings',
      '',
      'modified: bm.canvas.yaml',
      '  0 added, 0 removed, 1 changed, 0 moved',
      '  Customer Segments',
      '    ~ "Urban riders" (night-riders)',
      '        id: "riders" -> "night-riders"',
      '  affected: vpcs/night.canvas.yaml (unchanged, links to this business model)',
      '    4:10 error "riders" names no customer segment in ../bm.canvas.yaml. [unknown-reference]',
      '',
    ];
    assert.deepEqual(review(['--base', base, '--head', head], repo.dir), { code: 1, out: [`Canvas review ${base.slice(0, 12)}..${head.slice(0, 12)}`, ...lines].join('\n'), err: '' });
    // The work tree as head: the same (the unchanged canvas read from the base commit).
    repo.git('checkout', '-q', 'main');
    repo.write('bm.canvas.yaml', RENAMED);
    assert.deepEqual(review([], repo.dir), { code: 1, out: [`Canvas review ${base.slice(0, 12)}..work tree`, ...lines].join('\n'), err: '' });
    const md = review(['--format', 'md'], repo.dir).out;
    assert.equal(
      md.endsWith('\n\n**Affected:** `vpcs/night.canvas.yaml` (unchanged, links to this business model; 1 problem)\n\n- **error** line 4, column 10: "riders" names no customer segment in ../bm.canvas.yaml. (`unknown-reference`)\n'),
      true,
    );
    const json = JSON.parse(review(['--format', 'json'], repo.dir).out);
    assert.deepEqual([json.summary.errors, json.canvases[0].problems, json.canvases[0].affected], [
      1,
      [],
      [{ path: 'vpcs/night.canvas.yaml', problems: [{ line: 4, column: 10, endLine: 4, endColumn: 16, severity: 'error', code: 'unknown-reference', message: '"riders" names no customer segment in ../bm.canvas.yaml.' }] }],
    ]);
    // Renamed away: the canvas that names the old path now names no file.
    repo.git('checkout', '-q', '--', 'bm.canvas.yaml');
    repo.git('mv', 'bm.canvas.yaml', 'rides.canvas.yaml');
    const moved = JSON.parse(review(['--format', 'json'], repo.dir).out);
    assert.deepEqual([moved.canvases[0].status, moved.canvases[0].affected], [
      'renamed',
      [{ path: 'vpcs/night.canvas.yaml', problems: [{ line: 3, column: 17, endLine: 3, endColumn: 34, severity: 'error', code: 'unknown-canvas', message: 'No file "../bm.canvas.yaml": the business-model canvas this names does not exist.' }] }],
    ]);
  });

  it('hostile business-model paths (--output=x, -p, ../../etc/passwd, ../ from the top, ...) are reported, never reach git as an argument, and nothing is written', () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    repo.write('bm.canvas.yaml', BUSINESS_MODEL);
    const base = repo.commit('base');
    const hostile = ['--output=x', '-p', '../../etc/passwd', '--output=x.canvas.yaml', '../../etc/passwd.canvas.yaml', '-p.canvas.yaml'];
    hostile.forEach((path, i) => repo.write(`vpcs/h${i}.canvas.yaml`, vpc(JSON.stringify(path))));
    // At the repository's top, one step up is already outside it.
    repo.write('top.canvas.yaml', vpc('../bm.canvas.yaml'));
    const head = repo.commit('hostile');
    // A git on PATH that logs its arguments, then runs the real one.
    const bin = mkdtempSync(join(tmpdir(), 'canvas-git-log-'));
    dirs.push(bin);
    const log = join(bin, 'args.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${log}'; done\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const before = snapshot(repo.dir);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    let result: { code: number; out: string; err: string };
    try {
      result = review(['--base', base, '--head', head, '--format', 'json'], repo.dir);
    } finally {
      process.env.PATH = path;
    }
    const problems = (JSON.parse(result.out).canvases as { path: string; problems: { line: number; column: number; code: string; message: string }[] }[]).map((c) => [c.path, c.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`)]);
    assert.deepEqual(problems, [
      ['top.canvas.yaml', ['3:17 unknown-canvas "../bm.canvas.yaml" leads outside the workspace: a linked canvas must be inside the workspace folder.']],
      ['vpcs/h0.canvas.yaml', ['3:17 unknown-canvas "--output=x" is not a canvas file: its name must end in .canvas.yaml or .canvas.yml.']],
      ['vpcs/h1.canvas.yaml', ['3:17 unknown-canvas "-p" is not a canvas file: its name must end in .canvas.yaml or .canvas.yml.']],
      ['vpcs/h2.canvas.yaml', ['3:17 unknown-canvas "../../etc/passwd" is not a canvas file: its name must end in .canvas.yaml or .canvas.yml.']],
      ['vpcs/h3.canvas.yaml', ['3:17 unknown-canvas No file "--output=x.canvas.yaml": the business-model canvas this names does not exist.']],
      ['vpcs/h4.canvas.yaml', ['3:17 unknown-canvas "../../etc/passwd.canvas.yaml" leads outside the workspace: a linked canvas must be inside the workspace folder.']],
      ['vpcs/h5.canvas.yaml', ['3:17 unknown-canvas No file "-p.canvas.yaml": the business-model canvas this names does not exist.']],
    ]);
    assert.equal(result!.code, 1);
    const args = readFileSync(log, 'utf8').split('\n');
    assert.deepEqual(
      args.filter((a) => a === '-p' || /output|passwd|-p\.canvas/.test(a)),
      [],
    );
    // The accepted paths were looked up on git's standard input (cat-file --batch-check), as <commit>:<path>.
    assert.equal(args.includes('--batch-check'), true);
    assert.deepEqual(snapshot(repo.dir), before);
  });
});
