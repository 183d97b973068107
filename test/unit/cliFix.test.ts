import * as assert from 'node:assert/strict';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { CLEAN } from './helpers';

/** CLEAN with two safe problems: a segments value written as a scalar, an id that is not kebab-case. */
const FIXABLE = CLEAN.replace('    segments: [riders]\nchannels:', '    segments: riders   # one\nchannels:').replace('  - id: app\n', '  - id: App\n');
const FIXED = CLEAN.replace('    segments: [riders]\nchannels:', '    segments: [riders]   # one\nchannels:');
/** FIXABLE with an error no safe fix can take: a reference that names nothing. */
const LEFT = FIXABLE.replace('channels: [app]', 'channels: [App, ghost]');

interface Ran {
  status: number;
  out: string;
  err: string;
}

async function cli(cwd: string, args: string[], stdin?: string): Promise<Ran> {
  let out = '';
  let err = '';
  let fd: number | undefined;
  if (stdin !== undefined) {
    writeFileSync(join(cwd, '.stdin'), stdin);
    fd = openSync(join(cwd, '.stdin'), 'r');
  }
  try {
    const status = await run(['validate', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd, ...(fd !== undefined ? { stdin: fd } : {}) }, false);
    return { status, out, err };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('CLI validate --fix and --fix-dry-run', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-fix-'));
  });
  afterEach(() => {
    try {
      chmodSync(dir, 0o755);
    } catch {
      // gone
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string | Buffer, mode?: number) => {
    writeFileSync(join(dir, name), text);
    if (mode !== undefined) chmodSync(join(dir, name), mode);
  };
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');

  it('--fix writes the fixed file, prints each fix and then what is left; exit 0 when nothing is left', async () => {
    write('a.canvas.yaml', FIXABLE, 0o640);
    const ran = await cli(dir, ['--fix', 'a.canvas.yaml']);
    assert.equal(read('a.canvas.yaml'), FIXED.replace('  - id: app\n', '  - id: app\n'));
    assert.equal(
      ran.out,
      'fixed a.canvas.yaml:10:15 schema Make riders a list: [riders]\n' + 'fixed a.canvas.yaml:12:9 schema Change the id to "app" (kebab-case)\n',
    );
    assert.equal(ran.err, '1 file checked: 0 problems (0 errors, 0 warnings, 0 information, 0 hints)\n');
    assert.equal(ran.status, 0);
    assert.equal(statSync(join(dir, 'a.canvas.yaml')).mode & 0o777, 0o640);
    // No temporary file left behind.
    assert.deepEqual(readdirSync(dir), ['a.canvas.yaml']);
  });

  it('--fix: exit by what is left, reported as validate reports it; a second run changes nothing', async () => {
    write('b.canvas.yaml', LEFT);
    const ran = await cli(dir, ['--fix', '.']);
    assert.equal(ran.status, 1);
    const fixedText = read('b.canvas.yaml');
    assert.equal(fixedText, LEFT.replace('segments: riders   # one', 'segments: [riders]   # one').replace('  - id: App\n', '  - id: app\n').replace('[App, ghost]', '[app, ghost]'));
    assert.match(ran.out, /^fixed b\.canvas\.yaml:10:15 schema Make riders a list: \[riders\]\nfixed b\.canvas\.yaml:12:9 schema Change the id to "app" \(kebab-case\)\nb\.canvas\.yaml:19:21 error unknown-reference "ghost" names no card in Channels\.\n$/);
    const again = await cli(dir, ['--fix', '.']);
    assert.equal(read('b.canvas.yaml'), fixedText);
    assert.doesNotMatch(again.out, /^fixed/m);
    assert.equal(again.status, 1);
    assert.equal(again.out, (await cli(dir, ['.'])).out);
  });

  it('--fix keeps CRLF line breaks and a UTF-8 BOM, and writes UTF-16 back as UTF-16', async () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    write('c.canvas.yaml', `\ufeff${crlf(FIXABLE)}`);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le')]);
    write('d.canvas.yaml', utf16);
    const ran = await cli(dir, ['--fix', 'c.canvas.yaml', 'd.canvas.yaml']);
    assert.equal(ran.status, 0, ran.err);
    assert.equal(read('c.canvas.yaml'), `\ufeff${crlf(FIXED)}`);
    assert.deepEqual(readFileSync(join(dir, 'd.canvas.yaml')), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXED, 'utf16le')]));
  });

  it('--fix-dry-run prints the exact unified diff, leaves the file byte for byte, problems on standard error', async () => {
    write('e.canvas.yaml', LEFT);
    const ran = await cli(dir, ['--fix-dry-run', 'e.canvas.yaml']);
    assert.equal(read('e.canvas.yaml'), LEFT);
    assert.equal(
      ran.out,
      [
        '--- a/e.canvas.yaml',
        '+++ b/e.canvas.yaml',
        '@@ -7,16 +7,16 @@',
        ' value-propositions:',
        '   - id: fast',
        '     name: Fast pickup',
        '-    segments: riders   # one',
        '+    segments: [riders]   # one',
        ' channels:',
        '-  - id: App',
        '+  - id: app',
        '     name: App',
        '     segments: [riders]',
        ' customer-relationships:',
        '   - name: Self-service help',
        '     type: self-service',
        '     segments: [riders]',
        '-    channels: [App, ghost]',
        '+    channels: [app, ghost]',
        ' revenue-streams:',
        '   - name: Ride fees',
        '     type: usage-fee',
        '',
      ].join('\n'),
    );
    assert.match(ran.err, /^e\.canvas\.yaml:19:21 error unknown-reference .*\n1 file checked: 1 problem \(1 error/);
    assert.equal(ran.status, 1);
    // Nothing to fix: no diff at all.
    write('e.canvas.yaml', CLEAN);
    const clean = await cli(dir, ['--fix-dry-run', 'e.canvas.yaml']);
    assert.equal(clean.out, '');
    assert.equal(clean.status, 0);
  });

  it('--format json with --fix: standard output stays one JSON array, the fixes go to standard error', async () => {
    write('f.canvas.yaml', LEFT);
    const ran = await cli(dir, ['--fix', '--format', 'json', 'f.canvas.yaml']);
    const problems = JSON.parse(ran.out) as { code: string }[];
    assert.deepEqual(problems.map((p) => p.code), ['unknown-reference']);
    assert.match(ran.err, /^fixed f\.canvas\.yaml:10:15 schema /);
  });

  it('a read-only file is left as it was: a clear message, exit 2 (even for root)', async () => {
    write('g.canvas.yaml', FIXABLE, 0o444);
    const ran = await cli(dir, ['--fix', 'g.canvas.yaml']);
    assert.equal(ran.status, 2);
    assert.equal(read('g.canvas.yaml'), FIXABLE);
    assert.match(ran.err, /^canvas-as-code: cannot fix g\.canvas\.yaml: the file is read-only; left as it was\n/);
    assert.doesNotMatch(ran.out, /^fixed/m);
    assert.deepEqual(readdirSync(dir), ['g.canvas.yaml']);
    // The dry run does not write: it shows the diff, exit by what is left.
    assert.equal((await cli(dir, ['--fix-dry-run', 'g.canvas.yaml'])).status, 0);
  });

  it('a folder that cannot be written: exit 2, the file intact, nothing left behind', async function () {
    if (isRoot || process.platform === 'win32') this.skip();
    mkdirSync(join(dir, 'locked'));
    write('locked/h.canvas.yaml', FIXABLE);
    chmodSync(join(dir, 'locked'), 0o555);
    const ran = await cli(dir, ['--fix', 'locked/h.canvas.yaml']);
    assert.equal(ran.status, 2);
    assert.match(ran.err, /cannot fix locked\/h\.canvas\.yaml: .*left as it was/);
    assert.equal(read('locked/h.canvas.yaml'), FIXABLE);
    assert.deepEqual(readdirSync(join(dir, 'locked')), ['h.canvas.yaml']);
  });

  it('standard input: --fix - is a usage error; --fix-dry-run - prints the diff of <stdin>', async () => {
    const fix = await cli(dir, ['--fix', '-'], FIXABLE);
    assert.equal(fix.status, 2);
    assert.match(fix.err, /^canvas-as-code: --fix cannot write back to - \(standard input\); use --fix-dry-run/);
    const dry = await cli(dir, ['--fix-dry-run', '-'], FIXABLE);
    assert.equal(dry.status, 0);
    assert.match(dry.out, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n@@ -7,9 \+7,9 @@\n/);
    const both = await cli(dir, ['--fix', '--fix-dry-run', 'x.canvas.yaml']);
    assert.equal(both.status, 2);
    assert.match(both.err, /--fix and --fix-dry-run cannot be used together/);
  });

  it('reads the configuration as validate does: a rule turned off is not fixed; --no-config fixes it', async () => {
    const duplicate = CLEAN.replace('  - id: app\n', '  - id: riders\n');
    write('k.canvas.yaml', duplicate);
    write('.canvas-as-code.yaml', 'rules:\n  duplicate-id: off\n');
    const off = await cli(dir, ['--fix-dry-run', 'k.canvas.yaml']);
    assert.equal(off.out, '');
    const on = await cli(dir, ['--fix-dry-run', '--no-config', 'k.canvas.yaml']);
    assert.match(on.out, /^-  - id: riders\n\+  - id: riders-2\n/m);
    write('.canvas-as-code.yaml', 'rules:\n  no-such-rule: off\n');
    const bad = await cli(dir, ['--fix', 'k.canvas.yaml']);
    assert.equal(bad.status, 2);
    assert.equal(read('k.canvas.yaml'), duplicate);
  });

  it('the output does not depend on --jobs', async () => {
    for (let i = 0; i < 4; i++) write(`j${i}.canvas.yaml`, LEFT);
    const one = await cli(dir, ['--fix-dry-run', '--jobs', '1', '.']);
    const three = await run(['validate', '--fix-dry-run', '--jobs', '3', '.'], { out: () => undefined, err: () => undefined, cwd: dir }, true);
    assert.equal(three, one.status);
    let out = '';
    let err = '';
    const status = await run(['validate', '--fix-dry-run', '-j', '3', '.'], { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir }, true);
    assert.deepEqual({ status, out, err }, one);
  });
});
