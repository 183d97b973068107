import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { writeOutputAtomically } from '../../src/cli/writeOutput';

// `render -o`: the output may never be the canvas being rendered (issue 12, item 7), and is written
// atomically (temp file + rename): never half a file, nothing left behind.

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}

const CANVAS = 'canvas: business-model\ntitle: Rides\ncustomer-segments:\n  - id: riders\n    name: Urban riders\n';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('CLI render -o: never the input, written atomically', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-render-out-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'x.canvas.yaml'), CANVAS);
  });
  afterEach(() => {
    try {
      chmodSync(join(dir, 'locked'), 0o755);
    } catch {
      // not made by this test
    }
    rmSync(dir, { recursive: true, force: true });
  });

  function assertRefused(output: string, cwd = dir): void {
    const r = run(['render', 'x.canvas.yaml', '--format', 'md', '-o', output], cwd === dir ? dir : cwd);
    assert.equal(r.code, 2, output);
    assert.equal(r.out, '', output);
    assert.match(r.err, /^canvas-as-code: refusing to write .*: it is the canvas being rendered \(x\.canvas\.yaml\)/, output);
    assert.equal(readFileSync(join(dir, 'x.canvas.yaml'), 'utf8'), CANVAS, `${output}: the source was changed`);
  }

  it('refuses the input as output by the same path, a ./ path, a ../ path and an absolute path', () => {
    assertRefused('x.canvas.yaml');
    assertRefused('./x.canvas.yaml');
    assertRefused('sub/../x.canvas.yaml');
    assertRefused(join(dir, 'x.canvas.yaml'));
    assertRefused(`${dir}//x.canvas.yaml`);
  });

  it('refuses the input reached through a symlink, a symlinked folder or a hard link', () => {
    symlinkSync(join(dir, 'x.canvas.yaml'), join(dir, 'link.md'));
    assertRefused('link.md');
    symlinkSync(dir, join(dir, 'sub', 'up'));
    assertRefused('sub/up/x.canvas.yaml');
    linkSync(join(dir, 'x.canvas.yaml'), join(dir, 'hard.md'));
    assertRefused('hard.md');
    assert.equal(readFileSync(join(dir, 'hard.md'), 'utf8'), CANVAS);
    // The input named through the link is refused too.
    const r = run(['render', 'link.md', '--format', 'md', '-o', 'x.canvas.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(readFileSync(join(dir, 'x.canvas.yaml'), 'utf8'), CANVAS);
  });

  it('refuses a directory as output, existing or written with a trailing slash', () => {
    for (const output of ['sub', 'sub/', './sub', dir, 'missing/']) {
      const r = run(['render', 'x.canvas.yaml', '--format', 'md', '-o', output], dir);
      assert.equal(r.code, 2, output);
      assert.match(r.err, /^canvas-as-code: cannot write .*: it (is|names) a directory/, output);
    }
    assert.deepEqual(readdirSync(join(dir, 'sub')), []);
    assert.equal(existsSync(join(dir, 'missing')), false);
  });

  it('writes a new output, and replaces an existing one whole, leaving no temporary file behind', () => {
    const first = run(['render', 'x.canvas.yaml', '-o', 'page.md'], dir);
    assert.deepEqual(first, { code: 0, out: '', err: '' });
    assert.match(readFileSync(join(dir, 'page.md'), 'utf8'), /^# Rides\n/);
    writeFileSync(join(dir, 'page.html'), 'old page, much longer than nothing '.repeat(1000));
    chmodSync(join(dir, 'page.html'), 0o640);
    const inode = statSync(join(dir, 'page.html')).ino;
    assert.equal(run(['render', 'x.canvas.yaml', '-o', 'page.html'], dir).code, 0);
    const html = readFileSync(join(dir, 'page.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /old page/);
    assert.notEqual(statSync(join(dir, 'page.html')).ino, inode, 'replaced by rename, not rewritten in place');
    if (process.platform !== 'win32') assert.equal(statSync(join(dir, 'page.html')).mode & 0o777, 0o640, 'the mode of the old file is kept');
    assert.deepEqual(readdirSync(dir).sort(), ['page.html', 'page.md', 'sub', 'x.canvas.yaml']);
  });

  it('writes through a symlink to another file: the link stays, the file it points to is replaced', () => {
    writeFileSync(join(dir, 'sub', 'real.md'), 'old\n');
    symlinkSync(join(dir, 'sub', 'real.md'), join(dir, 'out.md'));
    assert.equal(run(['render', 'x.canvas.yaml', '-o', 'out.md'], dir).code, 0);
    assert.ok(lstatSync(join(dir, 'out.md')).isSymbolicLink());
    assert.match(readFileSync(join(dir, 'sub', 'real.md'), 'utf8'), /^# Rides\n/);
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['real.md']);
  });

  it('a failed write exits 2 with a message and leaves the old file as it was, and no temporary file', function () {
    const missing = run(['render', 'x.canvas.yaml', '-o', 'nowhere/page.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^canvas-as-code: cannot write nowhere\/page\.md: /);
    assert.equal(existsSync(join(dir, 'nowhere')), false);
    if (isRoot || process.platform === 'win32') this.skip(); // root writes into read-only folders
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'page.md'), 'old page\n');
    chmodSync(join(dir, 'locked'), 0o555);
    const locked = run(['render', 'x.canvas.yaml', '-o', 'locked/page.md'], dir);
    assert.equal(locked.code, 2);
    assert.match(locked.err, /^canvas-as-code: cannot write locked\/page\.md: .*EACCES/);
    assert.equal(readFileSync(join(dir, 'locked', 'page.md'), 'utf8'), 'old page\n');
    assert.deepEqual(readdirSync(join(dir, 'locked')), ['page.md']);
  });

  it('file names in messages are escaped: no raw control character reaches the terminal', () => {
    const name = 'bad\u001b[2J\n::error::forged.canvas.yaml';
    const r = run(['render', name, '--format', 'md'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.err.split('\n').length, 2, JSON.stringify(r.err));
    assert.match(r.err, /cannot read bad\\x1b\[2J\\n::error::forged\.canvas\.yaml/);
    writeFileSync(join(dir, 'typo\u001b[31m.canvas.yaml'), CANVAS + '    segmnts: [x]\n');
    const typo = run(['render', 'typo\u001b[31m.canvas.yaml', '--format', 'md'], dir);
    assert.equal(typo.code, 0);
    assert.match(typo.err, /^canvas-as-code: typo\\x1b\[31m\.canvas\.yaml has 1 error; rendered what could be read\n$/);
  });

  it('a write or rename failing half way (disk full, as root too) leaves the old file whole and no temporary file', () => {
    // The module object the CLI's own fs calls go through: failures are injected there.
    const fs = require('node:fs') as typeof import('node:fs');
    const target = join(dir, 'page.md');
    writeFileSync(target, 'old page\n');
    for (const name of ['writeSync', 'fsyncSync', 'renameSync'] as const) {
      const original = fs[name];
      let calls = 0;
      (fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        if (name === 'writeSync' && calls++ % 2 === 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        if (name !== 'writeSync') throw Object.assign(new Error(`EIO: i/o error, ${name}`), { code: 'EIO' });
        // The first write stores only half of what it was given, so that a second one is needed.
        const [fd, buffer, offset, length] = args as [number, Uint8Array, number, number];
        return (original as (...a: unknown[]) => number)(fd, buffer, offset, Math.max(1, Math.floor(length / 2)));
      };
      try {
        assert.throws(() => writeOutputAtomically(target, 'new page '.repeat(10000)), /ENOSPC|EIO/, name);
        const r = run(['render', 'x.canvas.yaml', '-o', 'page.md'], dir);
        assert.equal(r.code, 2, name);
        assert.match(r.err, /^canvas-as-code: cannot write page\.md: (ENOSPC|EIO)/, name);
      } finally {
        (fs as unknown as Record<string, unknown>)[name] = original;
      }
      assert.equal(readFileSync(target, 'utf8'), 'old page\n', name);
      assert.deepEqual(readdirSync(dir).sort(), ['page.md', 'sub', 'x.canvas.yaml'], name);
    }
    // A short write is completed, not truncated.
    writeOutputAtomically(target, 'new page '.repeat(10000));
    assert.equal(readFileSync(target, 'utf8'), 'new page '.repeat(10000));
  });
});
