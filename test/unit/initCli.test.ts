import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runCli } from '../../src/cli/main';
import { INIT_HELP, INIT_USAGE } from '../../src/cli/initCommand';
import { starterCanvas, validateCanvas } from '../../src/core';

/** What a usage error prints after its message (main.ts usageOf). */
const USAGE = `Usage:\n  ${INIT_USAGE}\nRun "canvas-as-code init --help" for more.\n`;

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  // Through the CLI's command table, as `canvas-as-code init …` runs it.
  const code = runCli(['init', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd }, false) as number;
  return { code, out, err };
}

const temp = (): string => mkdtempSync(join(tmpdir(), 'canvas-init-'));

describe('CLI init', () => {
  it('writes the starter canvas to <kind>.canvas.yaml by default: exit 0, "created" on stdout', () => {
    const dir = temp();
    assert.deepEqual(run([], dir), { code: 0, out: 'created business-model.canvas.yaml\n', err: '' });
    const text = readFileSync(join(dir, 'business-model.canvas.yaml'), 'utf8');
    assert.equal(text, starterCanvas('business-model'));
    assert.deepEqual(validateCanvas(text).diagnostics, []);
    // Nothing else is left in the folder (no temporary file).
    assert.deepEqual(readdirSync(dir), ['business-model.canvas.yaml']);
  });

  it('a named file, --kind and --title (Korean too), in either order; .canvas.yml is accepted', () => {
    const dir = temp();
    assert.deepEqual(run(['plan.canvas.yaml', '--kind', 'business-model', '--title', '서울 클리닉'], dir), { code: 0, out: 'created plan.canvas.yaml\n', err: '' });
    assert.equal(readFileSync(join(dir, 'plan.canvas.yaml'), 'utf8'), starterCanvas('business-model', { title: '서울 클리닉' }));
    assert.ok(readFileSync(join(dir, 'plan.canvas.yaml'), 'utf8').includes('\ntitle: 서울 클리닉\n'));
    assert.deepEqual(run(['--title=Acme: next year', join(dir, 'abs.canvas.yml')], '/'), { code: 0, out: `created ${join(dir, 'abs.canvas.yml')}\n`, err: '' });
    assert.equal(readFileSync(join(dir, 'abs.canvas.yml'), 'utf8'), starterCanvas('business-model', { title: 'Acme: next year' }));
    mkdirSync(join(dir, 'sub'));
    assert.equal(run(['sub/x.canvas.yaml'], dir).code, 0);
    assert.equal(readFileSync(join(dir, 'sub/x.canvas.yaml'), 'utf8'), starterCanvas('business-model'));
  });

  it('never over an existing file (nor through a symlink): exit 2, the file unchanged', () => {
    const dir = temp();
    writeFileSync(join(dir, 'mine.canvas.yaml'), 'my work\n');
    assert.deepEqual(run(['mine.canvas.yaml'], dir), { code: 2, out: '', err: 'canvas-as-code: mine.canvas.yaml already exists; init never overwrites a file\n' });
    assert.equal(readFileSync(join(dir, 'mine.canvas.yaml'), 'utf8'), 'my work\n');
    writeFileSync(join(dir, 'business-model.canvas.yaml'), 'other\n');
    assert.equal(run([], dir).code, 2);
    assert.equal(readFileSync(join(dir, 'business-model.canvas.yaml'), 'utf8'), 'other\n');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'dangling.canvas.yaml'));
    assert.equal(run(['dangling.canvas.yaml'], dir).code, 2);
    assert.deepEqual(readdirSync(dir).sort(), ['business-model.canvas.yaml', 'dangling.canvas.yaml', 'mine.canvas.yaml']);
  });

  it('a folder that does not exist or cannot be written: exit 2, a message, nothing written', function () {
    const dir = temp();
    assert.deepEqual(run(['nope/x.canvas.yaml'], dir), { code: 2, out: '', err: 'canvas-as-code: cannot create nope/x.canvas.yaml: its directory does not exist\n' });
    if (process.platform === 'win32' || process.getuid?.() === 0) return;
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    assert.deepEqual(run(['ro/x.canvas.yaml'], dir), { code: 2, out: '', err: 'canvas-as-code: cannot create ro/x.canvas.yaml: permission denied\n' });
    assert.deepEqual(readdirSync(join(dir, 'ro')), []);
  });

  it('--kind lean and --kind value-proposition write their starters, with no finding', () => {
    const dir = temp();
    assert.deepEqual(run(['--kind', 'lean'], dir), { code: 0, out: 'created lean.canvas.yaml\n', err: '' });
    assert.deepEqual(run(['--kind=value-proposition', 'fit.canvas.yaml'], dir), { code: 0, out: 'created fit.canvas.yaml\n', err: '' });
    const lean = readFileSync(join(dir, 'lean.canvas.yaml'), 'utf8');
    const fit = readFileSync(join(dir, 'fit.canvas.yaml'), 'utf8');
    assert.equal(lean, starterCanvas('lean'));
    assert.equal(fit, starterCanvas('value-proposition'));
    assert.ok(lean.startsWith('# Lean Canvas (lean)\n') && lean.includes('\ncanvas: lean\n'));
    assert.ok(fit.startsWith('# Value Proposition Canvas (value-proposition)\n') && fit.includes('\ncanvas: value-proposition\n'));
    assert.deepEqual(validateCanvas(lean).diagnostics, []);
    assert.deepEqual(validateCanvas(fit).diagnostics, []);
  });

  it('an unknown kind: exit 2 listing the kinds', () => {
    const dir = temp();
    assert.deepEqual(run(['--kind', 'leen'], dir), { code: 2, out: '', err: `canvas-as-code: unknown canvas kind "leen"; the kinds are business-model, lean, value-proposition\n\n${USAGE}` });
    assert.equal(run(['--kind=toString'], dir).code, 2);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('a file name without .canvas.yaml or .canvas.yml: exit 2 with the reason', () => {
    const dir = temp();
    assert.deepEqual(run(['plan.yaml'], dir), {
      code: 2,
      out: '',
      err: `canvas-as-code: "plan.yaml" does not end in .canvas.yaml or .canvas.yml, so the editor and validate would not treat it as a canvas\n\n${USAGE}`,
    });
    for (const name of ['plan.canvas.yaml.bak', 'plan.CANVAS.YAML', '.canvas.yaml', 'dir/', 'plan.canvas.json']) assert.equal(run([name], dir).code, 2, name);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('unknown flags, a missing value, two files, a blank title: exit 2 with the usage', () => {
    const dir = temp();
    for (const args of [['--force'], ['-x'], ['--kind'], ['--title'], ['a.canvas.yaml', 'b.canvas.yaml'], ['--title', ' '], ['--help=yes']]) {
      const result = run(args, dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.out, '');
      assert.ok(result.err.startsWith('canvas-as-code: ') && result.err.endsWith(`\n\n${USAGE}`), result.err);
    }
    assert.ok(run(['--force'], dir).err.startsWith('canvas-as-code: unknown option "--force"\n'));
    assert.deepEqual(readdirSync(dir), []);
  });

  it('`--` ends the options', () => {
    const dir = temp();
    assert.deepEqual(run(['--', '--odd.canvas.yaml'], dir), { code: 0, out: 'created --odd.canvas.yaml\n', err: '' });
    assert.equal(readFileSync(join(dir, '--odd.canvas.yaml'), 'utf8'), starterCanvas('business-model'));
  });

  it('- writes the canvas to standard output, and nothing else', () => {
    const dir = temp();
    assert.deepEqual(run(['-'], dir), { code: 0, out: starterCanvas('business-model'), err: '' });
    assert.deepEqual(run(['-', '--title', '한국어'], dir), { code: 0, out: starterCanvas('business-model', { title: '한국어' }), err: '' });
    assert.deepEqual(readdirSync(dir), []);
  });

  it('--help and -h print the usage: exit 0', () => {
    const dir = temp();
    assert.deepEqual(run(['--help'], dir), { code: 0, out: INIT_HELP, err: '' });
    assert.deepEqual(run(['-h', 'x.yaml'], dir), { code: 0, out: INIT_HELP, err: '' });
    assert.ok(INIT_HELP.startsWith('Usage:\n  canvas-as-code init [--kind KIND] [--title TITLE] [FILE]\n'));
    assert.deepEqual(readdirSync(dir), []);
  });
});
