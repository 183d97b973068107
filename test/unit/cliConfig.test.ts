import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { CLEAN } from './helpers';

// The CLI reads .canvas-as-code.yaml: the nearest one walking up from each canvas, --config FILE,
// --no-config; a bad config is exit 2 at its line; ignore drops walked files, never named ones;
// worker threads apply the same configuration (needs dist/cli.js: npm run build).

const ROOT = join(__dirname, '../../..');
const CLI_BUNDLE = join(ROOT, 'dist/cli.js');

interface Result {
  code: number;
  out: string;
  err: string;
}

async function validate(args: string[], cwd: string): Promise<Result> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), cwd, workerScript: CLI_BUNDLE };
  const code = await run(['validate', ...args], io);
  return { code, out, err };
}

/** A canvas with one hint (empty-block) and one warning (unserved-segment). */
const CANVAS = CLEAN.replace(/key-partnerships:.*\n/, '').replace(
  'customer-segments:\n',
  'customer-segments:\n  - id: walkers\n    name: Walkers\n    type: niche-market\n',
);

describe('CLI configuration file', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cac-config-'));
    write('a/one.canvas.yaml', CANVAS);
    write('a/b/two.canvas.yaml', CANVAS);
    write('a/b/c/three.canvas.yaml', CANVAS);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lines = (r: Result) => r.out.trim().split('\n').map((l) => l.replace(/ [A-Z"].*$/, ''));

  it('without a config: the defaults', async () => {
    const r = await validate(['a/one.canvas.yaml'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(lines(r), ['a/one.canvas.yaml:1:1 hint empty-block', 'a/one.canvas.yaml:5:11 warning unserved-segment', 'a/one.canvas.yaml:5:11 information segment-without-relationship']);
  });

  it('found walking up from each canvas; the nearest wins; rules apply per canvas', async () => {
    write('.canvas-as-code.yaml', 'rules:\n  empty-block: off\n  unserved-segment: error\n  segment-without-relationship: off\n');
    write('a/b/.canvas-as-code.yml', 'rules:\n  unserved-segment: information\n  segment-without-relationship: off\n');
    const r = await validate(['a'], dir);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(lines(r), [
      'a/b/c/three.canvas.yaml:1:1 hint empty-block',
      'a/b/c/three.canvas.yaml:5:11 information unserved-segment',
      'a/b/two.canvas.yaml:1:1 hint empty-block',
      'a/b/two.canvas.yaml:5:11 information unserved-segment',
      'a/one.canvas.yaml:5:11 error unserved-segment',
    ]);
  });

  it('--config FILE is used for every canvas; --no-config uses none', async () => {
    write('a/b/.canvas-as-code.yaml', 'rules:\n  unserved-segment: error\n');
    write('other.yaml', 'rules:\n  unserved-segment: off\n  empty-block: off\n  segment-without-relationship: off\n');
    const withFile = await validate(['a', '--config', 'other.yaml'], dir);
    assert.equal(withFile.out, '');
    assert.equal(withFile.code, 0);
    const none = await validate(['a', '--no-config'], dir);
    assert.equal(none.code, 0);
    assert.equal(lines(none).filter((l) => l.includes('warning unserved-segment')).length, 3);
    const nearest = await validate(['a'], dir);
    assert.equal(nearest.code, 1);
  });

  it('a missing --config is exit 2 "cannot read config"; --config with --no-config is a usage error', async () => {
    const r = await validate(['a', '--config', 'missing.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, 'canvas-as-code: cannot read config missing.yaml: no such file or directory\n');
    const both = await validate(['a', '--config', 'x.yaml', '--no-config'], dir);
    assert.equal(both.code, 2);
    assert.match(both.err, /--config and --no-config cannot be used together/);
  });

  it('a bad config (an unknown rule, a bad value) is exit 2 with its lines, nothing validated', async () => {
    write('a/.canvas-as-code.yaml', '# team rules\nrules:\n  unserved-segmnt: error\n  empty-block: of\n');
    const r = await validate(['a'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(
      r.err,
      'a/.canvas-as-code.yaml:3:3 error config Unknown rule "unserved-segmnt". Did you mean "unserved-segment"?\n' +
        'a/.canvas-as-code.yaml:4:16 error config "of" is not a valid severity for rule "empty-block". Did you mean "off"? Allowed values: off, hint, information, warning, error.\n' +
        'canvas-as-code: a/.canvas-as-code.yaml has problems; fix it or pass --no-config\n',
    );
    // A file named explicitly uses it too; --no-config gets past it.
    assert.equal((await validate(['a/one.canvas.yaml'], dir)).code, 2);
    assert.equal((await validate(['a', '--no-config'], dir)).code, 0);
    // Broken YAML: its line.
    write('a/.canvas-as-code.yaml', 'rules:\n  schema: [off\n');
    const yaml = await validate(['a'], dir);
    assert.equal(yaml.code, 2);
    assert.match(yaml.err, /^a\/\.canvas-as-code\.yaml:\d+:\d+ error config YAML syntax error: /);
  });

  it('ignore drops canvases found by walking and by globs (relative to the config), never one named explicitly', async () => {
    write('a/.canvas-as-code.yaml', 'ignore: ["b/**"]\n');
    const walked = await validate(['a'], dir);
    assert.deepEqual([...new Set(lines(walked).map((l) => l.split(':')[0]))], ['a/one.canvas.yaml']);
    assert.match(walked.err, /^1 file checked/);
    const globbed = await validate(['a/**/*.canvas.yaml'], dir);
    assert.deepEqual([...new Set(lines(globbed).map((l) => l.split(':')[0]))], ['a/one.canvas.yaml']);
    const named = await validate(['a/b/two.canvas.yaml'], dir);
    assert.deepEqual([...new Set(lines(named).map((l) => l.split(':')[0]))], ['a/b/two.canvas.yaml']);
    // Everything under an argument ignored: not "no canvas files matched".
    const allIgnored = await validate(['a/b'], dir);
    assert.equal(allIgnored.code, 0);
    assert.match(allIgnored.err, /^0 files checked/);
    assert.equal((await validate(['a', '--no-config'], dir)).err.startsWith('3 files checked'), true);
  });

  it('max-file-size in the config limits reads; --max-file-size wins over it', async () => {
    write('a/.canvas-as-code.yaml', 'max-file-size: 0\n');
    write('a/big.canvas.yaml', CANVAS + `x-pad: "${'x'.repeat(3000)}"\n`);
    write('a/b/.canvas-as-code.yaml', 'max-file-size: 1\n');
    write('a/b/c/three.canvas.yaml', CANVAS + `x-pad: "${'x'.repeat(2000)}"\n`);
    const r = await validate(['a'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read a\/b\/c\/three\.canvas\.yaml/);
    assert.doesNotMatch(r.err, /big\.canvas\.yaml/);
    assert.equal((await validate(['a', '--max-file-size', '100'], dir)).code, 0);
  });

  it('--jobs 2 gives the same output as --jobs 1 with configs (workers get each file its options)', async () => {
    write('.canvas-as-code.yaml', 'rules:\n  empty-block: off\n  unserved-segment: error\n');
    write('a/b/.canvas-as-code.yaml', 'rules:\n  unserved-segment: information\n');
    for (let i = 0; i < 12; i++) write(`a/${i % 2 ? 'b/' : ''}n${i}.canvas.yaml`, CANVAS);
    const one = spawnSync(process.execPath, [CLI_BUNDLE, 'validate', 'a', '--jobs', '1'], { cwd: dir, encoding: 'utf8' });
    const two = spawnSync(process.execPath, [CLI_BUNDLE, 'validate', 'a', '--jobs', '2'], { cwd: dir, encoding: 'utf8' });
    assert.equal(one.status, 1);
    assert.equal(two.status, one.status);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.match(one.stdout, /information unserved-segment/);
    assert.match(one.stdout, /error unserved-segment/);
    const inProcess = await validate(['a', '--jobs', '2'], dir);
    assert.equal(inProcess.out, one.stdout);
  });
});

describe('review and the configuration file', () => {
  it("applies each changed canvas's nearest config; a bad config is exit 2 with its line", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cac-config-review-'));
    try {
      const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, stdio: 'pipe', encoding: 'utf8' });
      git('init', '-q', '-b', 'main');
      writeFileSync(join(dir, 'README'), 'x\n');
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      mkdirSync(join(dir, 'team'));
      writeFileSync(join(dir, 'team/one.canvas.yaml'), CANVAS);
      const review = () => {
        let out = '';
        let err = '';
        const code = run(['review', '--base', 'main', '--format', 'text'], { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir }, false) as number;
        return { code, out, err };
      };
      const before = review();
      assert.equal(before.code, 0, before.err);
      assert.match(before.out, /warning .*\[unserved-segment\]/);
      writeFileSync(join(dir, '.canvas-as-code.yaml'), 'rules:\n  unserved-segment: error\n');
      const strict = review();
      assert.equal(strict.code, 1, strict.err);
      assert.match(strict.out, /error .*\[unserved-segment\]/);
      // --head REV: the config as committed at that revision, not the work tree's.
      git('checkout', '-q', '-b', 'feature');
      writeFileSync(join(dir, '.canvas-as-code.yaml'), 'rules:\n  unserved-segment: off\n');
      git('add', '-A');
      git('commit', '-q', '-m', 'canvas and config');
      writeFileSync(join(dir, '.canvas-as-code.yaml'), 'rules:\n  unserved-segment: error\n');
      const atHead = (() => {
        let out = '';
        const code = run(['review', '--base', 'main', '--head', 'feature', '--format', 'text'], { out: (t) => void (out += t), err: () => undefined, cwd: dir }, false) as number;
        return { code, out };
      })();
      assert.equal(atHead.code, 0);
      assert.doesNotMatch(atHead.out, /unserved-segment/);
      assert.match(review().out, /error .*\[unserved-segment\]/);
      writeFileSync(join(dir, '.canvas-as-code.yaml'), 'rules:\n  unserved-segmnt: error\n');
      const bad = review();
      assert.equal(bad.code, 2);
      assert.equal(bad.out, '');
      assert.match(bad.err, /\.canvas-as-code\.yaml:2:3 error config Unknown rule "unserved-segmnt"\. Did you mean "unserved-segment"\?/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
