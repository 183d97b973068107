import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `npm start` opens scratchCopy(examples/, .vscode-test/scratch/examples): a fresh copy each start,
// so edits made while trying the extension never reach the tracked examples the unit tests read.
const MODULE = resolve(__dirname, '../../../scripts/scratch-examples.mjs');

function scratchCopy(source: string, target: string) {
  const script = `import { scratchCopy } from ${JSON.stringify('file://' + MODULE)}; scratchCopy(process.argv[1], process.argv[2]);`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script, source, target], { encoding: 'utf8' });
}

describe('npm start: scratch copy of examples/', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-scratch-'));
    mkdirSync(join(dir, 'examples', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'examples', 'a.canvas.yaml'), 'canvas: business-model\ntitle: A\n');
    writeFileSync(join(dir, 'examples', 'sub', 'b.canvas.yaml'), 'canvas: business-model\ntitle: B\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies every file, and a second start undoes edits made in the copy', () => {
    const target = join(dir, 'scratch', 'examples');
    assert.equal(scratchCopy(join(dir, 'examples'), target).status, 0);
    assert.equal(readFileSync(join(target, 'sub', 'b.canvas.yaml'), 'utf8'), 'canvas: business-model\ntitle: B\n');
    writeFileSync(join(target, 'a.canvas.yaml'), 'edited');
    writeFileSync(join(target, 'new.canvas.yaml'), 'new');
    assert.equal(scratchCopy(join(dir, 'examples'), target).status, 0);
    assert.equal(readFileSync(join(target, 'a.canvas.yaml'), 'utf8'), 'canvas: business-model\ntitle: A\n');
    assert.ok(!existsSync(join(target, 'new.canvas.yaml')), 'a file created in the copy is gone');
    assert.equal(readFileSync(join(dir, 'examples', 'a.canvas.yaml'), 'utf8'), 'canvas: business-model\ntitle: A\n', 'source untouched');
  });

  it('refuses a target that is the source or inside it', () => {
    for (const target of [join(dir, 'examples'), join(dir, 'examples', 'copy')]) {
      const r = scratchCopy(join(dir, 'examples'), target);
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /overlaps/);
    }
    assert.ok(existsSync(join(dir, 'examples', 'a.canvas.yaml')));
  });
});
