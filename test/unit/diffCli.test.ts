import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}

const OLD = 'canvas: business-model\ntitle: Rides\ncustomer-segments:\n  - id: riders\n    name: Urban riders\n';
const NEW = OLD + '  - id: drivers\n    name: Licensed drivers\n';

describe('CLI diff', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-diff-'));
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(dir, 'rides.canvas.yaml'), OLD);
    git('add', 'rides.canvas.yaml');
    git('commit', '-q', '-m', 'canvas');
    writeFileSync(join(dir, 'rides.canvas.yaml'), NEW);
    writeFileSync(join(dir, 'same.canvas.yaml'), OLD);
    writeFileSync(join(dir, 'broken.canvas.yaml'), OLD + '  - id: x\n    name: [unclosed\n');
    writeFileSync(join(dir, 'notes.txt'), 'just: text\n');
  });

  it('git:HEAD:path against the working file: text, exit 1', () => {
    const { code, out, err } = run(['diff', 'git:HEAD:rides.canvas.yaml', 'rides.canvas.yaml'], dir);
    assert.equal(err, '');
    assert.equal(code, 1);
    assert.match(out, /^1 added, 0 removed, 0 changed, 0 moved\n/);
    assert.match(out, /\n {2}\+ "Licensed drivers" \(drivers\)\n/);
  });

  it('--format json is the CanvasDiff, --format md the comment', () => {
    const json = JSON.parse(run(['diff', 'git:HEAD:rides.canvas.yaml', 'rides.canvas.yaml', '--format', 'json'], dir).out);
    assert.deepEqual(json.summary, { added: 1, removed: 0, changed: 0, moved: 0 });
    assert.deepEqual(json.blocks[0].added, [{ id: 'drivers', name: 'Licensed drivers', index: 1 }]);
    const md = run(['diff', 'git:HEAD:rides.canvas.yaml', 'rides.canvas.yaml', '--format=md'], dir).out;
    assert.match(md, /^\*\*Canvas changes:\*\* 1 added/);
    assert.match(md, /- \*\*added\*\* Licensed drivers \(`drivers`\)/);
  });

  it('equal canvases exit 0', () => {
    const { code, out } = run(['diff', 'git:HEAD:rides.canvas.yaml', 'same.canvas.yaml'], dir);
    assert.equal(code, 0);
    assert.equal(out, 'No changes\n');
  });

  it('a side with errors diffs its valid parts, with a note on stderr', () => {
    const { code, err } = run(['diff', 'same.canvas.yaml', 'broken.canvas.yaml'], dir);
    assert.ok(code === 1 || code === 0);
    assert.match(err, /broken\.canvas\.yaml has \d+ errors?; diffing what could be read/);
  });

  it('bad usage, missing files, not a canvas and bad revisions exit 2 with a message', () => {
    for (const args of [['diff'], ['diff', 'same.canvas.yaml'], ['diff', 'a', 'b', 'c'], ['diff', 'same.canvas.yaml', 'same.canvas.yaml', '--format', 'xml'], ['diff', '--bogus', 'a', 'b']]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^canvas-as-code: /);
    }
    const missing = run(['diff', 'nope.canvas.yaml', 'same.canvas.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read nope\.canvas\.yaml/);
    const bad = run(['diff', 'git:no-such-rev:rides.canvas.yaml', 'rides.canvas.yaml'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /cannot read git:no-such-rev:rides\.canvas\.yaml/);
    const notCanvas = run(['diff', 'notes.txt', 'same.canvas.yaml'], dir);
    assert.equal(notCanvas.code, 2);
    assert.match(notCanvas.err, /notes\.txt is not a canvas/);
  });
});
