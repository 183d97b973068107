import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { decodeText, readInputFile, readInputStream } from '../../src/cli/readInput';
import { CLEAN } from './helpers';

// Issue 12, items 10 and 11: what validate reads. Only regular files (a FIFO or a device is refused
// at once), at most --max-file-size KB, UTF-8 or UTF-16 with a BOM; standard input on request (`-`);
// every file that cannot be read named, exit 2; a broken pipe ends quietly.

const ROOT = join(__dirname, '../../..');
const BIN = join(ROOT, 'bin/canvas-as-code.js');
const TYPOS = readFileSync(join(ROOT, 'test/fixtures/broken/typos.canvas.yaml'), 'utf8');
const LINUX = process.platform === 'linux';
const ROOT_USER = process.getuid?.() === 0;
/** Far above a normal run (well under a second), far below a hang or reading gigabytes. */
const DEADLINE_MS = 20_000;

function runHere(args: string[], cwd: string, stdin?: number): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(['validate', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd, stdin });
  return { code, out, err };
}

function runBin(args: string[], cwd: string, options: { input?: string | Buffer; stdin?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, 'validate', ...args], {
    cwd,
    encoding: 'utf8',
    input: options.input,
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
    timeout: DEADLINE_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function summary(files: number, notRead = 0, problems = '0 problems (0 errors, 0 warnings, 0 information, 0 hints)'): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${problems}${notRead ? `; ${plural(notRead, 'file')} could not be read` : ''}\n`;
}

/** The output of a file, with its name replaced (to compare the same canvas under two names). */
function renamed(out: string, from: string, to: string): string {
  return out.split(`${from}:`).join(`${to}:`);
}

describe('CLI input: what validate reads', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-input-'));
    writeFileSync(join(dir, 'typos.canvas.yaml'), TYPOS);
    writeFileSync(join(dir, 'clean.canvas.yaml'), CLEAN);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('standard input (-)', () => {
    it('validate - reads one canvas from standard input, reported as <stdin>', () => {
      const file = runHere(['typos.canvas.yaml'], dir);
      const piped = runBin(['-'], dir, { input: TYPOS });
      assert.equal(piped.status, 1, piped.stderr);
      assert.equal(piped.stdout, renamed(file.out, 'typos.canvas.yaml', '<stdin>'));
      assert.ok(piped.stdout.startsWith('<stdin>:6:11 warning unserved-segment Segment "Online shoppers" is not served'));
      assert.equal(piped.stderr, file.err);
      // With files: standard input comes first.
      const both = runBin(['clean.canvas.yaml', '-', '--format', 'json'], dir, { input: CLEAN.replace('mass-market', 'mass-markt') });
      assert.equal(both.status, 1);
      assert.deepEqual(
        (JSON.parse(both.stdout) as { file: string; line: number; code: string }[]).map((d) => [d.file, d.line, d.code]),
        [['<stdin>', 6, 'schema']],
      );
      assert.equal(both.stderr, summary(2, 0, '1 problem (1 error, 0 warnings, 0 information, 0 hints)'));
      // An empty input is an empty canvas, not a hang.
      const empty = runBin(['-'], dir, { input: '' });
      assert.equal(empty.status, 1);
      assert.match(empty.stdout, /^<stdin>:1:1 error schema /);
    });

    it('reads from the descriptor the Io names (in-process callers), decoded like a file', () => {
      const path = join(dir, 'stdin-utf16.bin');
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TYPOS, 'utf16le')]));
      const fd = openSync(path, 'r');
      try {
        const result = runHere(['-'], dir, fd);
        assert.equal(result.code, 1);
        assert.equal(result.out, renamed(runHere(['typos.canvas.yaml'], dir).out, 'typos.canvas.yaml', '<stdin>'));
      } finally {
        closeSync(fd);
      }
    });

    it('- given twice is a usage error (standard input holds one canvas)', () => {
      assert.deepEqual(runHere(['-', 'clean.canvas.yaml', '-'], dir), {
        code: 2,
        out: '',
        err: 'canvas-as-code: - (standard input) can be given only once: it holds one canvas\n',
      });
    });

    it('an endless standard input (/dev/zero) stops at the size limit', function () {
      if (!existsSync('/dev/zero')) return this.skip();
      const zero = openSync('/dev/zero', 'r');
      try {
        const started = Date.now();
        const result = runBin(['-'], dir, { stdin: zero });
        assert.equal(result.signal, null, `killed after ${Date.now() - started} ms: it read on past the limit`);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.equal(result.stderr, 'canvas-as-code: cannot read <stdin>: file too large (more than the limit of 4096 KB, --max-file-size)\n' + summary(0, 1));
      } finally {
        closeSync(zero);
      }
    });

    it('a piped standard input over --max-file-size is refused; under it, validated', () => {
      const big = CLEAN + '# ' + 'x'.repeat(3 * 1024) + '\n';
      const refused = runBin(['-', '--max-file-size', '2'], dir, { input: big });
      assert.equal(refused.status, 2);
      assert.equal(refused.stderr, 'canvas-as-code: cannot read <stdin>: file too large (more than the limit of 2 KB, --max-file-size)\n' + summary(0, 1));
      const taken = runBin(['-', '--max-file-size=4'], dir, { input: big });
      assert.equal(taken.status, 0, taken.stderr);
      assert.equal(taken.stderr, summary(1));
    });
  });

  describe('only regular files are read', () => {
    it('/dev/zero is refused at once, never read', function () {
      if (!existsSync('/dev/zero')) return this.skip();
      assert.deepEqual(readInputFile('/dev/zero'), { error: 'not a regular file (a device)' });
      const started = Date.now();
      const result = runBin(['/dev/zero'], dir);
      assert.equal(result.signal, null, `killed after ${Date.now() - started} ms: /dev/zero was read`);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^canvas-as-code: (cannot read )?\/dev\/zero: not a regular file \(a device\)$/m);
    });

    it('a FIFO with no writer is refused at once, never waited on', function () {
      const fifo = join(dir, 'pipe.canvas.yaml');
      if (process.platform === 'win32' || spawnSync('mkfifo', [fifo]).status !== 0) return this.skip();
      try {
        assert.deepEqual(readInputFile(fifo), { error: 'not a regular file (a FIFO)' });
        const result = runBin(['pipe.canvas.yaml', 'clean.canvas.yaml'], dir);
        assert.equal(result.signal, null, 'validate waited on the FIFO');
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^canvas-as-code: (cannot read )?pipe\.canvas\.yaml: not a regular file \(a FIFO\)$/m);
      } finally {
        rmSync(fifo, { force: true });
      }
    });

    it('a directory or a missing file is named, not read', () => {
      assert.deepEqual(readInputFile(dir), { error: 'not a regular file (a directory)' });
      assert.deepEqual(readInputFile(join(dir, 'missing.canvas.yaml')), { error: 'no such file or directory' });
      const missing = runHere(['missing.canvas.yaml'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /missing\.canvas\.yaml/);
    });

    it('a symbolic link loop is reported with the file named, exit 2', function () {
      const loop = join(dir, 'loop.canvas.yaml');
      try {
        symlinkSync('loop.canvas.yaml', loop);
      } catch {
        return this.skip(); // No symlinks (Windows without the privilege).
      }
      try {
        assert.deepEqual(readInputFile(loop), { error: 'symbolic link loop (too many levels of symbolic links)' });
        const result = runHere(['loop.canvas.yaml', 'clean.canvas.yaml'], dir);
        assert.equal(result.code, 2);
        assert.match(result.err, /^canvas-as-code: (cannot read )?loop\.canvas\.yaml: symbolic link loop \(too many levels of symbolic links\)$/m);
      } finally {
        rmSync(loop, { force: true });
      }
    });

    it('a file without read permission is reported, exit 2 (not counted as a canvas error)', function () {
      if (process.platform === 'win32' || ROOT_USER) return this.skip(); // Root reads it anyway: see /proc/self/mem below.
      const locked = join(dir, 'locked.canvas.yaml');
      writeFileSync(locked, CLEAN);
      chmodSync(locked, 0o000);
      try {
        assert.deepEqual(readInputFile(locked), { error: 'permission denied' });
        const result = runHere(['locked.canvas.yaml', 'clean.canvas.yaml'], dir);
        assert.equal(result.code, 2);
        assert.match(result.err, /^canvas-as-code: (cannot read )?locked\.canvas\.yaml: permission denied$/m);
      } finally {
        rmSync(locked, { force: true });
      }
    });

    it('a regular file that no read succeeds on (/proc/self/mem) is reported, exit 2, whatever the user', function () {
      if (!LINUX) return this.skip();
      assert.deepEqual(readInputFile('/proc/self/mem'), { error: 'input/output error' });
      const result = runHere(['/proc/self/mem', 'clean.canvas.yaml'], dir);
      assert.deepEqual(result, { code: 2, out: '', err: 'canvas-as-code: cannot read /proc/self/mem: input/output error\n' + summary(1, 1) });
    });
  });

  describe('--max-file-size', () => {
    it('a file over the limit (default 4096 KB) is refused with its size; the limit is configurable, 0 for none', () => {
      const big = join(dir, 'big.canvas.yaml');
      writeFileSync(big, CLEAN + '# ' + 'x'.repeat(5000 * 1024 - CLEAN.length - 3) + '\n');
      try {
        assert.deepEqual(runHere(['big.canvas.yaml', 'clean.canvas.yaml'], dir), {
          code: 2,
          out: '',
          err: 'canvas-as-code: cannot read big.canvas.yaml: file too large (5000 KB; the limit is 4096 KB, --max-file-size)\n' + summary(1, 1),
        });
        assert.deepEqual(runHere(['big.canvas.yaml', '--max-file-size', '5000'], dir), { code: 0, out: '', err: summary(1) });
        assert.deepEqual(runHere(['big.canvas.yaml', '--max-file-size=0'], dir), { code: 0, out: '', err: summary(1) });
        assert.equal(
          runHere(['big.canvas.yaml', '--max-file-size', '4999'], dir).err.split('\n')[0],
          'canvas-as-code: cannot read big.canvas.yaml: file too large (5000 KB; the limit is 4999 KB, --max-file-size)',
        );
      } finally {
        rmSync(big, { force: true });
      }
    });

    it('the cap holds when stat does not know the size (a /proc file): never more than the limit is read', function () {
      if (!LINUX) return this.skip();
      // /proc/self/status says it is 0 bytes long but holds more than 1 KB.
      assert.deepEqual(readInputFile('/proc/self/status', { maxFileSizeKB: 1 }), { error: 'file too large (more than the limit of 1 KB, --max-file-size)' });
      assert.ok(readInputFile('/proc/self/status', { maxFileSizeKB: 64 }).text?.startsWith('Name:'));
    });

    it('a bad value is a usage error, exit 2', () => {
      for (const [args, shown] of [
        [['--max-file-size', 'x'], '"x"'],
        [['--max-file-size', '-1'], '"-1"'],
        [['--max-file-size', '1.5'], '"1.5"'],
        [['--max-file-size='], '""'],
        [['--max-file-size'], 'nothing'],
      ] as const) {
        // A missing value is an argument error: the message, then validate's usage line.
        const result = runHere(['clean.canvas.yaml', ...args], dir);
        if (shown === 'nothing') assert.match(result.err, /\n\nUsage:\n  canvas-as-code validate /);
        assert.deepEqual(
          { ...result, err: result.err.replace(/\nUsage:[\s\S]*$/, '') },
          { code: 2, out: '', err: `canvas-as-code: --max-file-size must be a whole number of KB (0: no limit), got ${shown}\n` },
          args.join(' '),
        );
      }
    });

    it('the usage text documents -, --max-file-size and --format github', () => {
      let out = '';
      main(['validate', '--help'], { out: (t) => void (out += t), err: () => {}, cwd: ROOT });
      assert.match(out, /\[-\] \[--format text\|json\|github\|sarif\] \[--jobs N\]/);
      assert.match(out, /\[--max-file-size KB\]/);
      assert.match(out, /--max-file-size KB each \(default 4096/);
    });
  });

  describe('encodings', () => {
    const utf8 = () => runHere(['typos.canvas.yaml'], dir);

    for (const [name, bytes] of [
      ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TYPOS)])],
      ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TYPOS, 'utf16le')])],
      ['utf16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TYPOS, 'utf16le').swap16()])],
      ['utf16le-crlf', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TYPOS.replace(/\n/g, '\r\n'), 'utf16le')])],
    ] as const) {
      it(`${name} with a byte order mark gives exactly the UTF-8 file's diagnostics`, () => {
        writeFileSync(join(dir, `${name}.canvas.yaml`), bytes);
        const result = runHere([`${name}.canvas.yaml`], dir);
        assert.equal(result.code, 1);
        assert.equal(result.out, renamed(utf8().out, 'typos.canvas.yaml', `${name}.canvas.yaml`));
        // The same through standard input.
        const piped = runBin(['-'], dir, { input: bytes });
        assert.equal(piped.stdout, renamed(utf8().out, 'typos.canvas.yaml', '<stdin>'));
      });
    }

    it('UTF-32, invalid UTF-8 and NUL bytes are refused with an encoding message, exit 2, never parsed', () => {
      const cases: [string, Buffer, string][] = [
        ['utf32le', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(Array.from(CLEAN, (c) => [c.charCodeAt(0), 0, 0, 0]).flat())]), 'UTF-32 little-endian; save it as UTF-8'],
        ['utf32be', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), Buffer.from(Array.from(CLEAN, (c) => [0, 0, 0, c.charCodeAt(0)]).flat())]), 'UTF-32 big-endian; save it as UTF-8'],
        ['latin1', Buffer.from(CLEAN.replace('Riders', 'Caf\u00e9 riders'), 'latin1'), 'invalid UTF-8 byte 0xE9 at line 5'],
        ['nul', Buffer.from(CLEAN.replace('Fast pickup', 'Fast\0pickup')), 'a NUL byte at line 9'],
        ['utf16-no-bom', Buffer.from(CLEAN, 'utf16le'), 'a NUL byte at line 1; UTF-16 or UTF-32 without a byte order mark?'],
        ['overlong', Buffer.concat([Buffer.from('title: '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]), 'invalid UTF-8 byte 0xC0 at line 1'],
        ['surrogate', Buffer.concat([Buffer.from('a: 1\ntitle: '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]), 'invalid UTF-8 byte 0xED at line 2'],
        ['truncated', Buffer.concat([Buffer.from('a: 1\r\nb: 2\rtitle: '), Buffer.from([0xe2, 0x82])]), 'invalid UTF-8 byte 0xE2 at line 3'],
        ['utf16-odd', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'UTF-16 little-endian with an odd number of bytes'],
        ['utf16-lone-surrogate', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x0a, 0x00]), 'UTF-16 little-endian with an unpaired surrogate'],
        ['utf16-nul', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a: 1\n\0', 'utf16le').swap16()]), 'UTF-16 with a NUL character at line 2'],
      ];
      for (const [name, bytes, why] of cases) {
        assert.deepEqual(decodeText(bytes), { error: `not UTF-8 text (${why})` }, name);
        writeFileSync(join(dir, `${name}.canvas.yaml`), bytes);
        assert.deepEqual(
          runHere([`${name}.canvas.yaml`], dir),
          { code: 2, out: '', err: `canvas-as-code: cannot read ${name}.canvas.yaml: not UTF-8 text (${why})\n` + summary(0, 1) },
          name,
        );
      }
      const piped = runBin(['-'], dir, { input: cases[2][1] });
      assert.equal(piped.status, 2);
      assert.equal(piped.stderr, `canvas-as-code: cannot read <stdin>: not UTF-8 text (${cases[2][2]})\n` + summary(0, 1));
    });

    it('decodes well-formed multi-byte UTF-8 and keeps columns in UTF-16 units, as the editor counts them', () => {
      const text = CLEAN.replace('name: Riders', 'name: "Ri\u00e9\u{1F600}ders"').replace('mass-market', 'mass-markt');
      assert.deepEqual(decodeText(Buffer.from(text)), { text });
      const fd = openSync(join(dir, 'clean.canvas.yaml'), 'r');
      try {
        assert.deepEqual(readInputStream(fd), { text: CLEAN });
      } finally {
        closeSync(fd);
      }
    });
  });

  describe('a broken pipe (validate … | head -1)', () => {
    let corpus: string;

    before(() => {
      // Warnings only (exit 0), and far more output than a pipe buffers.
      corpus = join(dir, 'many');
      mkdirSync(corpus);
      const segments = Array.from({ length: 2000 }, (_, i) => `  - id: s${i}\n    name: Segment ${i}\n`).join('');
      for (let i = 0; i < 4; i++) writeFileSync(join(corpus, `${i}.canvas.yaml`), `canvas: business-model\ntitle: Many ${i}\ncustomer-segments:\n${segments}`);
    });

    for (const jobs of ['1', '2']) {
      it(`ends quietly, with its own exit status and no stack trace (--jobs ${jobs})`, async () => {
        const child = spawn(process.execPath, [BIN, 'validate', 'many', '--jobs', jobs], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        let chunks = 0;
        child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
        // Like head -1: read the first chunk, then close the pipe.
        child.stdout.on('data', () => {
          chunks++;
          child.stdout.destroy();
        });
        const killer = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
        const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
        clearTimeout(killer);
        assert.equal(chunks, 1);
        assert.equal(signal, null);
        assert.doesNotMatch(err, /Error|EPIPE|\n\s+at /);
        assert.match(err, /^4 files checked: 16032 problems \(0 errors, 8000 warnings, 8000 information, 32 hints\)\n$/);
        assert.equal(code, 0);
      });
    }
  });
});
