import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

// `diff git:REV:path`: whatever the user writes as REV or path must never reach git as an option
// (issue 12, item 4). Every test runs in its own temporary repository, never in the project's.

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}

const V1 = 'canvas: business-model\ntitle: Rides\ncustomer-segments:\n  - id: riders\n    name: Urban riders\n';
const V2 = V1 + '  - id: drivers\n    name: Licensed drivers\n';
const V3 = V2 + '  - id: fleets\n    name: Fleet owners\n';

describe('CLI diff: git:REV:path sides (no option injection)', () => {
  let repo: string;
  let outside: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'canvas-diffgit-'));
    outside = mkdtempSync(join(tmpdir(), 'canvas-diffgit-out-'));
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: repo };
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, env, stdio: 'pipe' });
    git('init', '-q');
    mkdirSync(join(repo, 'plans'));
    writeFileSync(join(repo, 'y.canvas.yaml'), V1);
    writeFileSync(join(repo, '-dash.canvas.yaml'), V1);
    writeFileSync(join(repo, 'plans/rides.canvas.yaml'), V1);
    git('add', '--', '.');
    git('commit', '-q', '-m', 'one');
    writeFileSync(join(repo, 'y.canvas.yaml'), V2);
    writeFileSync(join(repo, '-dash.canvas.yaml'), V2);
    writeFileSync(join(repo, 'plans/rides.canvas.yaml'), V2);
    git('commit', '-q', '-a', '-m', 'two');
    writeFileSync(join(repo, 'y.canvas.yaml'), V3);
    writeFileSync(join(repo, 'new.canvas.yaml'), V3);
  });
  after(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('git:--output=FILE:path exits 2 with a message, and git writes no file', () => {
    const target = join(outside, 'x');
    const r = run(['diff', `git:--output=${target}:y.canvas.yaml`, 'new.canvas.yaml'], repo);
    assert.equal(existsSync(target), false, 'git was handed --output');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^canvas-as-code: cannot read git:--output=.*:y\.canvas\.yaml: a revision cannot start with "-"/);
    assert.deepEqual(run(['diff', 'new.canvas.yaml', `git:--output=${target}:y.canvas.yaml`], repo).code, 2);
    assert.equal(existsSync(target), false);
  });

  it('other options, ranges and several-commit notations are refused as revisions', () => {
    for (const rev of ['-p', '--no-index', '-o/tmp/x', '--textconv', 'HEAD..HEAD~1', 'HEAD...main', '..HEAD', '^HEAD', 'HEAD^@', 'HEAD^!', 'HEAD^-1']) {
      const r = run(['diff', `git:${rev}:y.canvas.yaml`, 'new.canvas.yaml'], repo);
      assert.equal(r.code, 2, rev);
      assert.equal(r.out, '', rev);
      assert.match(r.err, /^canvas-as-code: cannot read git:.*:y\.canvas\.yaml: /, rev);
    }
    assert.match(run(['diff', 'git:HEAD..HEAD~1:y.canvas.yaml', 'new.canvas.yaml'], repo).err, /is a range; name one commit/);
  });

  it('a revision or path holding a newline, NUL or ESC is refused, and the message shows it escaped', () => {
    for (const side of ['git:HEAD\n-p:y.canvas.yaml', 'git:HEAD\n::error title=x::forged:y.canvas.yaml', 'git:HEAD\u001b[2J:y.canvas.yaml', 'git:HEAD:y.canvas.yaml\nx', 'git:HEAD:y.canvas\u0000.yaml', 'git:HEAD:y\r.canvas.yaml']) {
      const r = run(['diff', side, 'new.canvas.yaml'], repo);
      assert.equal(r.code, 2, JSON.stringify(side));
      assert.match(r.err, /control characters or line breaks/, JSON.stringify(side));
      // One line, no raw control character: nothing forged in a terminal or a CI log.
      assert.equal(r.err.split('\n').length, 2, JSON.stringify(r.err));
      assert.doesNotMatch(r.err.slice(0, -1), /[\u0000-\u001f]/);
    }
    assert.match(run(['diff', 'git:HEAD\n-p:y.canvas.yaml', 'new.canvas.yaml'], repo).err, /cannot read git:HEAD\\n-p:y\.canvas\.yaml/);
  });

  it('valid sides still work: HEAD, HEAD~1, a branch-like name, a commit id, a subfolder and ./ paths', () => {
    const head = run(['diff', 'git:HEAD:y.canvas.yaml', 'new.canvas.yaml'], repo);
    assert.deepEqual([head.code, head.err], [1, '']);
    assert.match(head.out, /^1 added, 0 removed/);
    const older = run(['diff', 'git:HEAD~1:y.canvas.yaml', 'new.canvas.yaml'], repo);
    assert.deepEqual([older.code, older.err], [1, '']);
    assert.match(older.out, /^2 added, 0 removed/);
    assert.equal(run(['diff', 'git:HEAD~1:y.canvas.yaml', 'git:HEAD@{0}~1:y.canvas.yaml'], repo).code, 0);
    const id = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    assert.equal(run(['diff', `git:${id.slice(0, 10)}:y.canvas.yaml`, 'git:HEAD:y.canvas.yaml'], repo).code, 0);
    assert.equal(run(['diff', 'git:HEAD:plans/rides.canvas.yaml', 'plans/rides.canvas.yaml'], repo).code, 0);
    // ./ and ../ are relative to the working directory, as with git show.
    assert.equal(run(['diff', 'git:HEAD:./rides.canvas.yaml', 'rides.canvas.yaml'], join(repo, 'plans')).code, 0);
    assert.equal(run(['diff', 'git:HEAD:../y.canvas.yaml', '../y.canvas.yaml'], join(repo, 'plans')).code, 1);
  });

  it('a path with a leading "-" is read, not taken for an option (-- ends the options of diff itself)', () => {
    const r = run(['diff', 'git:HEAD:-dash.canvas.yaml', './-dash.canvas.yaml'], repo);
    assert.deepEqual([r.code, r.err, r.out], [0, '', 'No changes\n']);
    const before = run(['diff', '--', 'git:HEAD~1:-dash.canvas.yaml', '-dash.canvas.yaml'], repo);
    assert.deepEqual([before.code, before.err], [1, '']);
  });

  it('a missing revision, a missing path, a folder and a directory outside any repository exit 2 with a message', () => {
    const rev = run(['diff', 'git:no-such-branch:y.canvas.yaml', 'new.canvas.yaml'], repo);
    assert.equal(rev.code, 2);
    assert.match(rev.err, /^canvas-as-code: cannot read git:no-such-branch:y\.canvas\.yaml: "no-such-branch" is not a commit/);
    const path = run(['diff', 'git:HEAD:nope.canvas.yaml', 'new.canvas.yaml'], repo);
    assert.equal(path.code, 2);
    assert.match(path.err, /cannot read git:HEAD:nope\.canvas\.yaml: no file "nope\.canvas\.yaml" at HEAD/);
    const folder = run(['diff', 'git:HEAD:plans', 'new.canvas.yaml'], repo);
    assert.equal(folder.code, 2);
    assert.match(folder.err, /no file "plans" at HEAD/);
    assert.match(run(['diff', 'git::y.canvas.yaml', 'new.canvas.yaml'], repo).err, /no revision/);
    assert.match(run(['diff', 'git:HEAD:', 'new.canvas.yaml'], repo).err, /no path/);
    const notRepo = run(['diff', 'git:HEAD:y.canvas.yaml', 'new.canvas.yaml'], outside);
    assert.equal(notRepo.code, 2);
    assert.match(notRepo.err, /not a git repository/);
    assert.equal(notRepo.err.split('\n').length, 2);
  });
});
