import * as assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, main, overview } from '../../src/cli/main';
import type { RunIo } from '../../src/cli/main';
import { useColor } from '../../src/cli/color';
import { CLEAN } from './helpers';

// Issue 13, deliverable 2: arguments read as eslint or prettier read theirs (node:util parseArgs),
// --version, --help per command, --quiet, --max-warnings, --color / --no-color.

const ROOT = join(__dirname, '../../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TYPOS = readFileSync(join(ROOT, 'test/fixtures/broken/typos.canvas.yaml'), 'utf8');
/** CLEAN with one more value proposition that names no segment: exactly one warning, no error. */
const ONE_WARNING = CLEAN.replace('channels:\n', '  - id: slow\n    name: Slow pickup\nchannels:\n');
const WARNING_LINE = 'w.canvas.yaml:12:11 warning orphan-card Value proposition "Slow pickup" names no customer segment: add segments: [...] so it is traceable to who it is for.\n';

function run(args: string[], cwd = dir(), extra: Partial<RunIo> = {}): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd, ...extra });
  return { code, out, err };
}

let folder: string | undefined;
/** One temporary folder with a clean canvas, one with a warning, the typos and a file named -x. */
function dir(): string {
  if (folder) return folder;
  folder = mkdtempSync(join(tmpdir(), 'canvas-args-'));
  writeFileSync(join(folder, 'clean.canvas.yaml'), CLEAN);
  writeFileSync(join(folder, 'w.canvas.yaml'), ONE_WARNING);
  writeFileSync(join(folder, 'typos.canvas.yaml'), TYPOS);
  writeFileSync(join(folder, '-x.canvas.yaml'), ONE_WARNING);
  return folder;
}

const usageError = (command: string, message: string) =>
  `canvas-as-code: ${message}\n\nUsage:\n  ${COMMANDS[command].usage}\nRun "canvas-as-code ${command} --help" for more.\n`;

describe('CLI arguments (parseArgs)', () => {
  it('an unknown option is exit 2 with that command\'s usage line, nothing on standard output', () => {
    for (const [args, command, option] of [
      [['validate', 'clean.canvas.yaml', '--colour'], 'validate', '--colour'],
      [['validate', '--fixx', 'clean.canvas.yaml'], 'validate', '--fixx'],
      [['validate', '-q', 'clean.canvas.yaml'], 'validate', '-q'],
      [['render', 'clean.canvas.yaml', '--format', 'md', '--bogus=1'], 'render', '--bogus'],
      [['diff', 'clean.canvas.yaml', 'w.canvas.yaml', '-z'], 'diff', '-z'],
    ] as const) {
      assert.deepEqual(run([...args]), { code: 2, out: '', err: usageError(command, `unknown option "${option}"`) }, args.join(' '));
    }
    // Only the usage line of the command at fault.
    assert.ok(!run(['render', '--bogus']).err.includes('canvas-as-code validate'));
    // The name of an option is user text: made visible.
    assert.equal(run(['validate', '--\u001b[31m', 'clean.canvas.yaml']).err, usageError('validate', 'unknown option "--\\x1b[31m"'));
  });

  it('an unknown command or top-level option is exit 2 with the overview', () => {
    assert.deepEqual(run(['frobnicate']), { code: 2, out: '', err: `canvas-as-code: unknown command "frobnicate"\n\n${overview()}` });
    assert.deepEqual(run(['--frob']), { code: 2, out: '', err: `canvas-as-code: unknown option "--frob"\n\n${overview()}` });
    assert.deepEqual(run([]), { code: 2, out: '', err: overview() });
  });

  it('a missing value, or a value given to a flag, is exit 2 with the usage line', () => {
    for (const [args, command, message] of [
      [['validate', 'clean.canvas.yaml', '--max-warnings'], 'validate', '--max-warnings must be a whole number, got nothing'],
      [['validate', 'clean.canvas.yaml', '--format'], 'validate', '--format must be text, json, github or sarif, got nothing'],
      [['validate', 'clean.canvas.yaml', '-j'], 'validate', '--jobs must be a positive integer, got nothing'],
      [['validate', 'clean.canvas.yaml', '--quiet=yes'], 'validate', '--quiet takes no value, got "yes"'],
      [['render', 'clean.canvas.yaml', '--output'], 'render', '--output needs a file name'],
      [['diff', 'clean.canvas.yaml', 'w.canvas.yaml', '--max-file-size'], 'diff', '--max-file-size must be a whole number of KB (0: no limit), got nothing'],
    ] as const) {
      assert.deepEqual(run([...args]), { code: 2, out: '', err: usageError(command, message) }, args.join(' '));
    }
    // A bad value is the option's own message.
    assert.deepEqual(run(['validate', 'w.canvas.yaml', '--max-warnings', '-1']), { code: 2, out: '', err: usageError('validate', '--max-warnings must be a whole number, got "-1"') });
  });

  it('-- ends the options: a file named -x… after it is a file', () => {
    assert.deepEqual(run(['validate', '-x.canvas.yaml']), { code: 2, out: '', err: usageError('validate', 'unknown option "-x"') });
    assert.deepEqual(run(['validate', '--', '-x.canvas.yaml']), {
      code: 0,
      out: WARNING_LINE.replace('w.canvas.yaml', '-x.canvas.yaml'),
      err: '1 file checked: 1 problem (0 errors, 1 warning, 0 information, 0 hints)\n',
    });
    // Options before --, files after; --quiet after -- is a file name (that matches nothing).
    assert.equal(run(['validate', '--quiet', '--', '-x.canvas.yaml']).out, '');
    assert.deepEqual(run(['validate', '--', '--quiet']), { code: 2, out: '', err: 'canvas-as-code: no canvas files matched "--quiet"\n' });
    const rendered = run(['render', '--format', 'md', '--', '-x.canvas.yaml']);
    assert.equal(rendered.code, 0, rendered.err);
    assert.match(rendered.out, /Slow pickup/);
    assert.equal(run(['diff', '--', '-x.canvas.yaml', 'w.canvas.yaml']).code, 0);
  });

  it('- stays standard input', () => {
    const fd = openSync(join(dir(), 'w.canvas.yaml'), 'r');
    try {
      assert.deepEqual(run(['validate', '-'], dir(), { stdin: fd }), {
        code: 0,
        out: WARNING_LINE.replace('w.canvas.yaml', '<stdin>'),
        err: '1 file checked: 1 problem (0 errors, 1 warning, 0 information, 0 hints)\n',
      });
    } finally {
      closeSync(fd);
    }
    assert.deepEqual(run(['validate', '-', '-']), { code: 2, out: '', err: 'canvas-as-code: - (standard input) can be given only once: it holds one canvas\n' });
  });

  it('--version prints the version of package.json, at the top and for each command', () => {
    assert.match(VERSION, /^\d+\.\d+\.\d+/);
    for (const args of [['--version'], ['validate', '--version'], ['render', '--version'], ['diff', '--version']]) {
      assert.deepEqual(run(args), { code: 0, out: `${VERSION}\n`, err: '' }, args.join(' '));
    }
  });

  it('--help prints that command\'s help only; --help alone the overview', () => {
    for (const command of Object.keys(COMMANDS)) {
      const help = run([command, '--help']);
      assert.deepEqual(help, { code: 0, out: COMMANDS[command].help, err: '' }, command);
      assert.ok(help.out.startsWith(`Usage:\n  ${COMMANDS[command].usage}\n`), command);
      for (const other of Object.keys(COMMANDS)) if (other !== command) assert.ok(!help.out.includes(`canvas-as-code ${other} `), `${command} --help mentions ${other}`);
      assert.deepEqual(run([command, '-h']), help);
      // Help wins over a bad option next to it, as in eslint.
      assert.deepEqual(run([command, '--bogus', '--help']), help);
      assert.deepEqual(run(['help', command]), help);
    }
    const all = run(['--help']);
    assert.deepEqual(all, { code: 0, out: overview(), err: '' });
    for (const command of Object.values(COMMANDS)) assert.ok(all.out.includes(`  ${command.usage}\n`));
    assert.match(COMMANDS.validate.help, /--quiet .*\n.*--max-warnings N .*\n.*--color, --no-color/);
  });

  it('--quiet prints errors only (text and JSON), the summary still counts every problem', () => {
    const all = run(['validate', 'typos.canvas.yaml']);
    const quiet = run(['validate', '--quiet', 'typos.canvas.yaml']);
    assert.equal(all.code, 1);
    assert.equal(quiet.code, 1);
    const errorLines = all.out.split('\n').filter((line) => line.includes(' error '));
    assert.equal(errorLines.length, 5);
    assert.equal(quiet.out, errorLines.join('\n') + '\n');
    assert.equal(quiet.err, all.err);
    const json = JSON.parse(run(['validate', '--quiet', '--format', 'json', 'typos.canvas.yaml']).out) as { severity: string }[];
    assert.deepEqual(
      json.map((d) => d.severity),
      ['error', 'error', 'error', 'error', 'error'],
    );
    assert.deepEqual(run(['validate', '--quiet', 'w.canvas.yaml']), { code: 0, out: '', err: '1 file checked: 1 problem (0 errors, 1 warning, 0 information, 0 hints)\n' });
  });

  it('--max-warnings N: exit 1 when there are more warnings than N, with a message saying so', () => {
    const summary = '1 file checked: 1 problem (0 errors, 1 warning, 0 information, 0 hints)\n';
    assert.deepEqual(run(['validate', '--max-warnings', '0', 'w.canvas.yaml']), {
      code: 1,
      out: WARNING_LINE,
      err: summary + 'canvas-as-code: too many warnings: 1 found, --max-warnings allows 0\n',
    });
    assert.deepEqual(run(['validate', '--max-warnings=1', 'w.canvas.yaml']), { code: 0, out: WARNING_LINE, err: summary });
    assert.deepEqual(run(['validate', 'w.canvas.yaml']), { code: 0, out: WARNING_LINE, err: summary });
    // Warnings hidden by --quiet still count.
    assert.equal(run(['validate', '--quiet', '--max-warnings', '0', 'w.canvas.yaml']).code, 1);
    assert.equal(run(['validate', '--max-warnings', '0', 'clean.canvas.yaml']).code, 0);
  });

  describe('colour', () => {
    const ESC = '\u001b';
    const COLOURED = `${ESC}[4mw.canvas.yaml${ESC}[0m:12:11 ${ESC}[33mwarning${ESC}[0m orphan-card Value proposition "Slow pickup" names no customer segment: add segments: [...] so it is traceable to who it is for.\n`;

    it('is on for a terminal, off for a pipe, and --color / --no-color decide outright (the last one given)', () => {
      const out = (args: string[], extra: Partial<RunIo>) => run(['validate', ...args, 'w.canvas.yaml'], dir(), extra).out;
      assert.equal(out([], {}), WARNING_LINE);
      assert.equal(out([], { isTTY: false, env: {} }), WARNING_LINE);
      assert.equal(out([], { isTTY: true, env: {} }), COLOURED);
      assert.equal(out(['--color'], {}), COLOURED);
      assert.equal(out(['--no-color'], { isTTY: true, env: {} }), WARNING_LINE);
      assert.equal(out(['--no-color', '--color'], {}), COLOURED);
      assert.equal(out(['--color', '--no-color'], { isTTY: true }), WARNING_LINE);
    });

    it('NO_COLOR (any non-empty value) turns it off, FORCE_COLOR on; a flag wins over both', () => {
      const out = (args: string[], extra: Partial<RunIo>) => run(['validate', ...args, 'w.canvas.yaml'], dir(), extra).out;
      assert.equal(out([], { isTTY: true, env: { NO_COLOR: '1' } }), WARNING_LINE);
      assert.equal(out([], { isTTY: true, env: { NO_COLOR: '' } }), COLOURED);
      assert.equal(out(['--color'], { isTTY: true, env: { NO_COLOR: '1' } }), COLOURED);
      assert.equal(out([], { isTTY: false, env: { FORCE_COLOR: '1' } }), COLOURED);
      assert.equal(out([], { isTTY: true, env: { FORCE_COLOR: '0' } }), WARNING_LINE);
      assert.equal(out(['--no-color'], { env: { FORCE_COLOR: '1' } }), WARNING_LINE);
      assert.deepEqual(
        [useColor({}), useColor({ isTTY: true }), useColor({ isTTY: true, env: { NO_COLOR: 'x', FORCE_COLOR: '1' } }), useColor({ flag: true, env: { NO_COLOR: 'x' } })],
        [false, true, false, true],
      );
    });

    it('colours only the severity word and the escaped file name; JSON, GitHub and SARIF never', () => {
      const errors = run(['validate', '--color', 'typos.canvas.yaml']).out.split('\n').filter(Boolean);
      for (const line of errors) assert.match(line, new RegExp(`^${ESC}\\[4mtypos\\.canvas\\.yaml${ESC}\\[0m:\\d+:\\d+ ${ESC}\\[(31merror|33mwarning)${ESC}\\[0m [a-z-]+ [^${ESC}]*$`));
      for (const format of ['json', 'github', 'sarif']) assert.ok(!run(['validate', '--color', '--format', format, 'typos.canvas.yaml']).out.includes(ESC), format);
      // A file name with an escape of its own is made visible before it is underlined.
      writeFileSync(join(dir(), 'e\u001b[2J.canvas.yaml'), ONE_WARNING);
      const hostile = run(['validate', '--color', 'e\u001b[2J.canvas.yaml']).out;
      assert.ok(hostile.startsWith(`${ESC}[4me\\x1b[2J.canvas.yaml${ESC}[0m:12:11 ${ESC}[33mwarning${ESC}[0m `), JSON.stringify(hostile));
    });
  });
});
