import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expandArguments, splitGlob } from '../../src/cli/files';
import { run } from '../../src/cli/main';

const ROOT = join(__dirname, '../../..');
const GOOD = readFileSync(join(ROOT, 'examples/b2b-saas.canvas.yaml'), 'utf8');
/** A canvas with errors (the first: a misspelt segment type, line 7 column 11). */
const BROKEN = readFileSync(join(ROOT, 'test/fixtures/broken/typos.canvas.yaml'), 'utf8');

/** Files under a new temporary directory (path → content; a trailing / makes a directory). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'canvas-files-'));
  for (const [path, content] of Object.entries(files)) {
    if (path.endsWith('/')) mkdirSync(join(dir, path), { recursive: true });
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  }
  return dir;
}

function hasMkfifo(): boolean {
  return process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).error === undefined;
}

describe('CLI file arguments (expandArguments)', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const dir = tree(files);
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('takes dist/ and out/ when named, by glob, and while walking', () => {
    const dir = make({ 'dist/x.canvas.yaml': BROKEN, 'out/y.canvas.yaml': GOOD, 'out/sub/z.canvas.yml': GOOD, 'src/a.canvas.yaml': GOOD });
    assert.deepEqual(expandArguments(['dist/x.canvas.yaml'], dir), { files: ['dist/x.canvas.yaml'], unmatched: [], errors: [] });
    assert.deepEqual(expandArguments(['dist/**/*.canvas.yaml', 'out/**/*.canvas.{yaml,yml}'], dir).files, [
      'dist/x.canvas.yaml',
      'out/sub/z.canvas.yml',
      'out/y.canvas.yaml',
    ]);
    assert.deepEqual(expandArguments(['.'], dir).files, ['dist/x.canvas.yaml', 'out/sub/z.canvas.yml', 'out/y.canvas.yaml', 'src/a.canvas.yaml']);
    assert.deepEqual(expandArguments(['dist'], dir).files, ['dist/x.canvas.yaml']);
  });

  it('applies the default ignores only while walking, never to what the user wrote', () => {
    const dir = make({
      'node_modules/pkg/n.canvas.yaml': GOOD,
      '.git/g.canvas.yaml': GOOD,
      '.vscode-test/v.canvas.yaml': GOOD,
      'a/node_modules/deep.canvas.yaml': GOOD,
      'a/mine.canvas.yaml': GOOD,
      'top.canvas.yaml': GOOD,
    });
    assert.deepEqual(expandArguments(['.'], dir).files, ['a/mine.canvas.yaml', 'top.canvas.yaml']);
    assert.deepEqual(expandArguments(['**/*.canvas.yaml'], dir).files, ['a/mine.canvas.yaml', 'top.canvas.yaml']);
    // Named explicitly: a file, a directory, a glob's base, a glob segment.
    assert.deepEqual(expandArguments(['node_modules/pkg/n.canvas.yaml'], dir).files, ['node_modules/pkg/n.canvas.yaml']);
    assert.deepEqual(expandArguments(['node_modules'], dir).files, ['node_modules/pkg/n.canvas.yaml']);
    assert.deepEqual(expandArguments(['node_modules/pkg/*.canvas.yaml'], dir).files, ['node_modules/pkg/n.canvas.yaml']);
    assert.deepEqual(expandArguments(['**/node_modules/**/*.canvas.yaml'], dir).files, ['a/node_modules/deep.canvas.yaml', 'node_modules/pkg/n.canvas.yaml']);
    assert.deepEqual(expandArguments(['.git/*.canvas.yaml', '.vscode-test'], dir).files, ['.git/g.canvas.yaml', '.vscode-test/v.canvas.yaml']);
  });

  it('lists what matches nothing in unmatched: a missing path, an empty directory, a glob, an empty string', () => {
    const dir = make({ 'empty/': '', 'docs/readme.md': 'x', 'a.canvas.yaml': GOOD });
    assert.deepEqual(expandArguments(['nope.canvas.yaml', 'empty', 'docs', 'dist/*.canvas.yaml', '*.canvas.yml', '', 'a.canvas.yaml', 'a.canvas.yaml/x'], dir), {
      files: ['a.canvas.yaml'],
      unmatched: ['nope.canvas.yaml', 'empty', 'docs', 'dist/*.canvas.yaml', '*.canvas.yml', '', 'a.canvas.yaml/x'],
      errors: [],
    });
  });

  it('takes an existing file literally even when its name holds glob characters', () => {
    const names = ['{a,b}.canvas.yaml', '*.canvas.yaml', '[x].canvas.yaml', 'q?.canvas.yaml', '!(n).canvas.yaml'];
    const dir = make(Object.fromEntries([...names, 'a.canvas.yaml', 'b.canvas.yaml', 'x.canvas.yaml', 'qq.canvas.yaml'].map((n) => [n, GOOD])));
    for (const name of names) assert.deepEqual(expandArguments([name], dir), { files: [name], unmatched: [], errors: [] }, name);
    // A directory too.
    const other = make({ '[d]/in.canvas.yaml': GOOD, 'd/out.canvas.yaml': GOOD });
    assert.deepEqual(expandArguments(['[d]'], other).files, ['[d]/in.canvas.yaml']);
    // Absent, the same text is a glob.
    assert.deepEqual(expandArguments(['[d]/*.canvas.yaml'], other).files, ['d/out.canvas.yaml']);
  });

  it('follows symlinked canvases and directories', function () {
    if (process.platform === 'win32') this.skip();
    const dir = make({ 'real/a.canvas.yaml': GOOD, 'b.canvas.yaml': GOOD, 'w/': '' });
    symlinkSync('../real', join(dir, 'w/linked'));
    symlinkSync('../b.canvas.yaml', join(dir, 'w/c.canvas.yaml'));
    assert.deepEqual(expandArguments(['w'], dir).files, ['w/c.canvas.yaml', 'w/linked/a.canvas.yaml']);
    assert.deepEqual(expandArguments(['w/**/*.canvas.yaml'], dir).files, ['w/c.canvas.yaml', 'w/linked/a.canvas.yaml']);
    assert.deepEqual(expandArguments(['w/c.canvas.yaml', 'w/linked'], dir).files, ['w/c.canvas.yaml', 'w/linked/a.canvas.yaml']);
  });

  it('walks each real directory once: symlink cycles do not hang, loops and broken links are reported', function () {
    if (process.platform === 'win32') this.skip();
    const dir = make({ 'a/x.canvas.yaml': GOOD });
    symlinkSync('..', join(dir, 'a/up')); // a cycle
    symlinkSync('.', join(dir, 'a/self'));
    symlinkSync('loop.canvas.yaml', join(dir, 'a/loop.canvas.yaml')); // a symlink loop
    symlinkSync('missing', join(dir, 'a/broken.canvas.yaml'));
    symlinkSync('other-loop', join(dir, 'a/other-loop')); // a loop that is no canvas: nothing to report
    const walked = expandArguments(['.'], dir);
    assert.deepEqual(walked.files, ['a/x.canvas.yaml']);
    assert.deepEqual(walked.unmatched, []);
    assert.deepEqual(
      walked.errors.map((e) => [e.arg, e.path, e.message]),
      [
        ['.', 'a/broken.canvas.yaml', 'broken symbolic link (its target does not exist)'],
        ['.', 'a/loop.canvas.yaml', 'symbolic link loop (too many levels of symbolic links)'],
      ],
    );
    assert.deepEqual(expandArguments(['**/*.canvas.yaml'], dir).files, ['a/x.canvas.yaml']);
    assert.deepEqual(expandArguments(['a/loop.canvas.yaml'], dir), {
      files: [],
      unmatched: [],
      errors: [{ arg: 'a/loop.canvas.yaml', path: 'a/loop.canvas.yaml', message: 'symbolic link loop (too many levels of symbolic links)' }],
    });
    assert.deepEqual(expandArguments(['a/up/a/up/a/x.canvas.yaml'], dir).files, ['a/up/a/up/a/x.canvas.yaml']);
  });

  it('skips a FIFO while walking (never opening it) and reports one named explicitly', function () {
    if (!hasMkfifo()) this.skip();
    const dir = make({ 'ok.canvas.yaml': GOOD });
    assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.canvas.yaml')]).status, 0);
    // Opening a FIFO with no writer would block this test forever.
    assert.deepEqual(expandArguments(['.'], dir), { files: ['ok.canvas.yaml'], unmatched: [], errors: [] });
    assert.deepEqual(expandArguments(['*.canvas.yaml'], dir).files, ['ok.canvas.yaml']);
    assert.deepEqual(expandArguments(['pipe.canvas.yaml'], dir), {
      files: [],
      unmatched: [],
      errors: [{ arg: 'pipe.canvas.yaml', path: 'pipe.canvas.yaml', message: 'not a regular file (a FIFO)' }],
    });
    assert.deepEqual(expandArguments(['pipe.*.yaml'], dir).unmatched, ['pipe.*.yaml']);
    if (process.platform !== 'win32') {
      assert.deepEqual(expandArguments(['/dev/null'], dir).errors, [{ arg: '/dev/null', path: '/dev/null', message: 'not a regular file (a device)' }]);
    }
  });

  it('matches braces, classes, extglobs, ranges and ** like a shell', () => {
    const dir = make({
      'a/one.canvas.yaml': GOOD,
      'b/two.canvas.yaml': GOOD,
      'c/three.canvas.yaml': GOOD,
      'a/deep/er/four.canvas.yaml': GOOD,
      'v1.canvas.yaml': GOOD,
      'v2.canvas.yaml': GOOD,
      'v3.canvas.yaml': GOOD,
      'notes.md': 'x',
    });
    assert.deepEqual(expandArguments(['{a,b}/*.canvas.yaml'], dir).files, ['a/one.canvas.yaml', 'b/two.canvas.yaml']);
    assert.deepEqual(expandArguments(['[ab]/*.canvas.yaml'], dir).files, ['a/one.canvas.yaml', 'b/two.canvas.yaml']);
    assert.deepEqual(expandArguments(['[!ab]/*.canvas.yaml'], dir).files, ['c/three.canvas.yaml']);
    assert.deepEqual(expandArguments(['!(a)/*.canvas.yaml'], dir).files, ['b/two.canvas.yaml', 'c/three.canvas.yaml']);
    assert.deepEqual(expandArguments(['v{1..2}.canvas.yaml', 'v[[:digit:]].canvas.yaml'], dir).files, ['v1.canvas.yaml', 'v2.canvas.yaml', 'v3.canvas.yaml']);
    assert.deepEqual(expandArguments(['a/**/*.canvas.yaml'], dir).files, ['a/deep/er/four.canvas.yaml', 'a/one.canvas.yaml']);
    assert.deepEqual(expandArguments(['*/*.canvas.yaml'], dir).files, ['a/one.canvas.yaml', 'b/two.canvas.yaml', 'c/three.canvas.yaml']);
    assert.deepEqual(expandArguments(['./a/*.canvas.yaml'], dir).files, ['a/one.canvas.yaml']);
    assert.deepEqual(expandArguments([join(dir, 'b/*.canvas.yaml')], '/').files, [join(dir, 'b/two.canvas.yaml')]);
    // A glob takes every file it matches; a leading ! is a literal character, not a negation.
    assert.deepEqual(expandArguments(['*.md'], dir).files, ['notes.md']);
    assert.deepEqual(expandArguments(['!v1.canvas.yaml*'], dir).unmatched, ['!v1.canvas.yaml*']);
    // Order: argument order, duplicates dropped (./x and x are one file).
    assert.deepEqual(expandArguments(['b', 'a/one.canvas.yaml', './a/one.canvas.yaml', '*/*.canvas.yaml'], dir).files, [
      'b/two.canvas.yaml',
      'a/one.canvas.yaml',
      'c/three.canvas.yaml',
    ]);
  });

  it('expands brace ranges as bash does: multi-digit, zero-padded, stepped, letters; too large is an error', () => {
    const names = ['v1', 'v2', 'v3', 'v10', 'v12', 'v01', 'v02', 'va', 'vb', 'vc', 'v{a..10}'].map((n) => `${n}.canvas.yaml`);
    const dir = make(Object.fromEntries(names.map((n) => [n, GOOD])));
    const expand = (glob: string) => expandArguments([glob], dir).files;
    assert.deepEqual(expand('v{9..12}.canvas.yaml'), ['v10.canvas.yaml', 'v12.canvas.yaml']);
    assert.deepEqual(expand('v{12..1..11}.canvas.yaml'), ['v1.canvas.yaml', 'v12.canvas.yaml']);
    assert.deepEqual(expand('v{01..02}.canvas.yaml'), ['v01.canvas.yaml', 'v02.canvas.yaml']);
    assert.deepEqual(expand('v{b..c}.canvas.yaml'), ['vb.canvas.yaml', 'vc.canvas.yaml']);
    assert.deepEqual(expand('v{a..10}*'), ['v{a..10}.canvas.yaml']);
    assert.deepEqual(expandArguments(['v{1..99999999}.canvas.yaml'], dir), {
      files: [],
      unmatched: [],
      errors: [{ arg: 'v{1..99999999}.canvas.yaml', path: 'v{1..99999999}.canvas.yaml', message: 'the brace range {1..99999999} stands for more than 10000 values' }],
    });
  });

  it('does not enter hidden folders with * or ** unless the pattern writes the dot', () => {
    const dir = make({ '.drafts/d.canvas.yaml': GOOD, 'x/.hidden.canvas.yaml': GOOD, 'x/.h/e.canvas.yaml': GOOD, 'x/shown.canvas.yaml': GOOD });
    assert.deepEqual(expandArguments(['**/*.canvas.yaml'], dir).files, ['x/shown.canvas.yaml']);
    assert.deepEqual(expandArguments(['*/*.canvas.yaml'], dir).files, ['x/shown.canvas.yaml']);
    assert.deepEqual(expandArguments(['.drafts/*.canvas.yaml'], dir).files, ['.drafts/d.canvas.yaml']);
    assert.deepEqual(expandArguments(['**/.h/*.canvas.yaml'], dir).files, ['x/.h/e.canvas.yaml']);
    assert.deepEqual(expandArguments(['x/.*.canvas.yaml'], dir).files, ['x/.hidden.canvas.yaml']);
    // Walking a directory takes hidden canvases, as before (only .git and .vscode-test are skipped).
    assert.deepEqual(expandArguments(['.'], dir).files, ['.drafts/d.canvas.yaml', 'x/.h/e.canvas.yaml', 'x/.hidden.canvas.yaml', 'x/shown.canvas.yaml']);
  });

  it('splits Windows globs at backslashes and keeps the drive letter in the base', () => {
    assert.deepEqual(splitGlob('C:\\x\\*.canvas.yaml', true), { base: 'C:/x', glob: '*.canvas.yaml' });
    assert.deepEqual(splitGlob('C:/x/**/*.canvas.{yaml,yml}', true), { base: 'C:/x', glob: '**/*.canvas.{yaml,yml}' });
    assert.deepEqual(splitGlob('..\\a\\[b]\\*.canvas.yaml', true), { base: '../a', glob: '[b]/*.canvas.yaml' });
    assert.equal(splitGlob('C:\\x\\a.canvas.yaml', true), undefined);
    // On POSIX a backslash escapes.
    assert.deepEqual(splitGlob('a\\*b/*.canvas.yaml', false), { base: 'a*b', glob: '*.canvas.yaml' });
    // A directory named "C:" stands in for the drive here: the walk starts at C:/x.
    const dir = make({ 'C:/x/a.canvas.yaml': GOOD, 'C:/x/y/b.canvas.yaml': GOOD });
    assert.deepEqual(expandArguments(['C:\\x\\*.canvas.yaml', 'C:\\x\\**\\b.canvas.yaml'], dir, { windows: true }).files, [
      'C:/x/a.canvas.yaml',
      'C:/x/y/b.canvas.yaml',
    ]);
  });

  it('handles any argument without throwing: empty, /, newlines, NUL, very long', () => {
    const dir = make({ 'a\nb.canvas.yaml': GOOD });
    assert.deepEqual(expandArguments(['a\nb.canvas.yaml'], dir).files, ['a\nb.canvas.yaml']);
    assert.deepEqual(expandArguments(['a\n*.canvas.yaml'], dir).files, ['a\nb.canvas.yaml']);
    assert.deepEqual(expandArguments(['', 'x\ny', '\u001b[2J*'], dir).unmatched, ['', 'x\ny', '\u001b[2J*']);
    assert.deepEqual(expandArguments(['a\0b'], dir).errors, [{ arg: 'a\0b', path: 'a\0b', message: 'not a valid path (it holds a NUL character)' }]);
    const long = expandArguments(['x'.repeat(5000), `${'y'.repeat(5000)}/*.canvas.yaml`, '{'.repeat(2000), '['.repeat(2000) + '*'], dir);
    assert.equal(long.files.length, 0);
    assert.equal(long.unmatched.length + long.errors.length, 4);
    // '/' is a directory like any other (not walked here: a glob under it, bounded in depth).
    assert.deepEqual(expandArguments(['/*.no-such-canvas.yaml'], dir).unmatched, ['/*.no-such-canvas.yaml']);
  });
});

describe('CLI validate with explicit paths (end to end)', () => {
  function runCli(args: string[], cwd: string): { code: number | Promise<number>; out: string; err: string } {
    const io = { out: (t: string) => void (result.out += t), err: (t: string) => void (result.err += t), cwd };
    const result = { code: 0 as number | Promise<number>, out: '', err: '' };
    result.code = run(['validate', ...args], io, false);
    return result;
  }
  let dir: string;
  before(() => {
    dir = tree({ 'dist/broken.canvas.yaml': BROKEN, 'src/ok.canvas.yaml': GOOD, 'empty/': '' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an unmatched glob, a missing file or an empty directory exits 2 with a message', () => {
    const glob = runCli(['src/*.canvas.yml'], dir);
    assert.equal(glob.code, 2);
    assert.equal(glob.out, '');
    assert.equal(glob.err, 'canvas-as-code: no canvas files matched "src/*.canvas.yml"\n');
    const both = runCli(['src', 'empty', 'nope\u001b[31m.canvas.yaml'], dir);
    assert.equal(both.code, 2);
    assert.equal(both.err, 'canvas-as-code: no canvas files matched "empty"\ncanvas-as-code: no canvas files matched "nope\\x1b[31m.canvas.yaml"\n');
  });

  it('a canvas with an error in dist/ fails the run, named, by glob or walked', () => {
    for (const arg of ['dist/broken.canvas.yaml', 'dist/*.canvas.yaml', '**/*.canvas.yaml', '.']) {
      const result = runCli([arg], dir);
      assert.equal(result.code, 1, arg);
      assert.match(result.out, /^dist\/broken\.canvas\.yaml:7:11 error schema /m, arg);
    }
  });

  it('a FIFO named explicitly exits 2 without being opened', function () {
    if (!hasMkfifo()) this.skip();
    assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.canvas.yaml')]).status, 0);
    const result = runCli(['pipe.canvas.yaml', 'src'], dir);
    assert.equal(result.code, 2);
    assert.equal(result.err, 'canvas-as-code: pipe.canvas.yaml: not a regular file (a FIFO)\n');
    rmSync(join(dir, 'pipe.canvas.yaml'));
  });
});
