import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLEAN } from './helpers';

// Issue 12, item 10's siblings: render's file and diff's sides are read as validate's files are
// (readInput.ts): only regular files, at most --max-file-size KB, UTF-8 or UTF-16 with a BOM, lone
// CRs as line breaks, `-` for standard input; a git side is capped and decoded the same way.

const ROOT = join(__dirname, '../../..');
const BIN = join(ROOT, 'bin/canvas-as-code.js');
const LINUX = process.platform === 'linux';
/** Far above a normal run (well under a second), far below a hang or reading gigabytes. */
const DEADLINE_MS = 20_000;

function cli(args: string[], cwd: string, input?: string | Buffer): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input, timeout: DEADLINE_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe('CLI render and diff read their inputs safely', function () {
  this.timeout(60_000);
  let dir: string;
  const CHANGED = CLEAN.replace(/name: ([^\n]+)/, 'name: $1 (renamed)');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-sides-'));
    writeFileSync(join(dir, 'a.canvas.yaml'), CLEAN);
    writeFileSync(join(dir, 'b.canvas.yaml'), CHANGED);
    writeFileSync(join(dir, 'utf16.canvas.yaml'), utf16le(CHANGED));
    writeFileSync(join(dir, 'cr.canvas.yaml'), CHANGED.replace(/\n/g, '\r'));
    writeFileSync(join(dir, 'big.canvas.yaml'), CLEAN + `# ${'x'.repeat(3000)}\n`);
    writeFileSync(join(dir, 'latin1.canvas.yaml'), Buffer.from('canvas: business-model\ntitle: caf\xe9\n', 'latin1'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('render refuses a device at once (never reads /dev/zero until memory runs out)', function () {
    if (!LINUX) this.skip();
    const r = cli(['render', '/dev/zero', '--format', 'md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'canvas-as-code: cannot read /dev/zero: not a regular file (a device)\n');
  });

  it('diff refuses a device side at once', function () {
    if (!LINUX) this.skip();
    const r = cli(['diff', 'a.canvas.yaml', '/dev/zero'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'canvas-as-code: cannot read /dev/zero: not a regular file (a device)\n');
  });

  it('render and diff honour --max-file-size (and 0: no limit)', () => {
    const render = cli(['render', 'big.canvas.yaml', '--format', 'md', '--max-file-size', '2'], dir);
    assert.equal(render.status, 2);
    assert.equal(render.stderr, 'canvas-as-code: cannot read big.canvas.yaml: file too large (4 KB; the limit is 2 KB, --max-file-size)\n');
    const diff = cli(['diff', '--max-file-size=2', 'a.canvas.yaml', 'big.canvas.yaml'], dir);
    assert.equal(diff.status, 2);
    assert.equal(diff.stderr, 'canvas-as-code: cannot read big.canvas.yaml: file too large (4 KB; the limit is 2 KB, --max-file-size)\n');
    assert.equal(cli(['diff', '--max-file-size', '0', 'a.canvas.yaml', 'big.canvas.yaml'], dir).status, 0);
    const bad = cli(['render', 'a.canvas.yaml', '--format', 'md', '--max-file-size', 'lots'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^canvas-as-code: --max-file-size must be a whole number of KB \(0: no limit\), got "lots"\n/);
  });

  it('a UTF-16 side and a lone-CR side read as their UTF-8 LF copy', () => {
    const expected = cli(['diff', 'a.canvas.yaml', 'b.canvas.yaml', '--format', 'json'], dir);
    assert.equal(expected.status, 1);
    for (const side of ['utf16.canvas.yaml', 'cr.canvas.yaml']) {
      const r = cli(['diff', 'a.canvas.yaml', side, '--format', 'json'], dir);
      assert.equal(r.stderr, '', side);
      assert.equal(r.stdout, expected.stdout, side);
    }
    const md = cli(['render', 'utf16.canvas.yaml', '--format', 'md'], dir);
    assert.equal(md.status, 0);
    assert.equal(md.stdout, cli(['render', 'b.canvas.yaml', '--format', 'md'], dir).stdout);
  });

  it('text that is not UTF-8 is refused with the reason, never drawn as garbage', () => {
    const r = cli(['render', 'latin1.canvas.yaml', '--format', 'md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'canvas-as-code: cannot read latin1.canvas.yaml: not UTF-8 text (invalid UTF-8 byte 0xE9 at line 2)\n');
  });

  it('- is standard input: render - and diff <file> -', () => {
    const render = cli(['render', '-', '--format', 'md'], dir, CHANGED);
    assert.equal(render.status, 0);
    assert.equal(render.stdout, cli(['render', 'b.canvas.yaml', '--format', 'md'], dir).stdout);
    const diff = cli(['diff', 'a.canvas.yaml', '-', '--format', 'json'], dir, CHANGED);
    assert.equal(diff.status, 1);
    assert.equal(diff.stdout, cli(['diff', 'a.canvas.yaml', 'b.canvas.yaml', '--format', 'json'], dir).stdout);
    const both = cli(['diff', '-', '-'], dir, CHANGED);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /^canvas-as-code: - \(standard input\) can be only one side of a diff: it holds one canvas\n/);
  });

  it('a git side is capped by --max-file-size and decoded like a file', function () {
    const repo = mkdtempSync(join(tmpdir(), 'canvas-sides-git-'));
    try {
      const git = (...args: string[]) => {
        const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
      };
      git('init', '-q');
      writeFileSync(join(repo, 'big.canvas.yaml'), readFileSync(join(dir, 'big.canvas.yaml')));
      writeFileSync(join(repo, 'utf16.canvas.yaml'), utf16le(CHANGED));
      writeFileSync(join(repo, 'a.canvas.yaml'), CLEAN);
      git('add', '.');
      git('commit', '-q', '-m', 'canvases');
      const big = cli(['diff', '--max-file-size', '2', 'git:HEAD:big.canvas.yaml', 'a.canvas.yaml'], repo);
      assert.equal(big.status, 2);
      assert.equal(big.stderr, 'canvas-as-code: cannot read git:HEAD:big.canvas.yaml: "big.canvas.yaml" at HEAD: file too large (more than the limit of 2 KB, --max-file-size)\n');
      const utf16 = cli(['diff', 'a.canvas.yaml', 'git:HEAD:utf16.canvas.yaml', '--format', 'json'], repo);
      assert.equal(utf16.stderr, '');
      assert.equal(utf16.stdout, cli(['diff', 'a.canvas.yaml', 'b.canvas.yaml', '--format', 'json'], dir).stdout);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
