import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, run } from '../../src/cli/main';
import { expandArguments } from '../../src/cli/files';
import { AUTO_BYTES_PER_WORKER, autoJobs } from '../../src/cli/validateCommand';
import { CLEAN } from './helpers';

// validate --jobs N: the same bytes on stdout and stderr, and the same exit status, whatever N; the
// output in input order; a worker that dies costs only the file it was on, and never a hang.
// Worker threads run the CLI bundle, so these tests need dist/cli.js (npm run build), like the
// bin test in cli.test.ts.

const ROOT = join(__dirname, '../../..');
const BIN = join(ROOT, 'bin/canvas-as-code.js');
const CLI_BUNDLE = join(ROOT, 'dist/cli.js');
const POSIX = process.platform !== 'win32';

interface Result {
  code: number;
  out: string;
  err: string;
  /** How many times output was written (streaming: more than once). */
  writes: number;
}

function runBin(args: string[], cwd: string): Omit<Result, 'writes'> {
  const r = spawnSync(process.execPath, [BIN, 'validate', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

async function runHere(args: string[], cwd: string, workerScript = CLI_BUNDLE, beforeRead?: (file: string) => void): Promise<Result> {
  let out = '';
  let err = '';
  let writes = 0;
  const io = { out: (t: string) => void ((out += t), writes++), err: (t: string) => void (err += t), cwd, workerScript, beforeRead };
  const code = await run(['validate', ...args], io);
  return { code, out, err, writes };
}

/** Variations of the clean canvas, each with its own problems (or none). */
const MUTATIONS: ((text: string, i: number) => string)[] = [
  (t) => t,
  (t) => t.replace('mass-market', 'mass-markt'),
  (t, i) => t.replace('title: Test canvas', `title: Canvas ${i}\npriorty: high`),
  (t) => t.replace('id: app', 'id: fast'),
  (t) => t.replace('segments: [riders]\nchannels:', 'segments: [ridrs]\nchannels:'),
  (t) => t.replace(/key-partnerships:.*\n/, ''),
  (t) => t.replace('  - id: riders', '\t- id: riders'),
  (t) => t.replace('canvas: business-model', 'canvas: [business-model'),
  (t) => '\ufeff' + t.replace(/\n/g, '\r\n'),
  (t, i) => t + `x-note: "${'é'.repeat(i % 7)}"\n`,
  () => 'canvas: business-model\ntitle: Blank\n',
  () => '',
];

/**
 * A folder of canvases: the examples, the broken fixtures and many variations of a clean canvas,
 * in nested folders, with the arguments naming them in an order that is not the sorted one.
 */
function makeCorpus(dir: string, variations = 150): string[] {
  mkdirSync(join(dir, 'b/nested'), { recursive: true });
  mkdirSync(join(dir, 'a'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.canvas.yaml'))) copyFileSync(join(ROOT, 'examples', f), join(dir, 'b', f));
  for (const f of readdirSync(join(ROOT, 'test/fixtures/broken')).filter((f) => f.endsWith('.canvas.yaml')))
    copyFileSync(join(ROOT, 'test/fixtures/broken', f), join(dir, 'b/nested', f));
  for (let i = 0; i < variations; i++) {
    const name = `${String(i).padStart(3, '0')}-${i % MUTATIONS.length}.canvas.yaml`;
    writeFileSync(join(dir, i % 3 === 0 ? 'b' : 'a', name), MUTATIONS[i % MUTATIONS.length](CLEAN, i));
  }
  return ['b', 'a/004-4.canvas.yaml', 'a', 'b/nested/typos.canvas.yaml'];
}

/**
 * An Io.beforeRead that holds the main thread back, before it reads `file`, until `flag` exists
 * (a worker creates it): validate reads only regular files, so a named pipe can no longer block it.
 */
function holdUntil(file: string, flag: string): (file: string) => void {
  return (reading) => {
    if (reading !== file) return;
    const deadline = Date.now() + 30_000;
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    while (!existsSync(flag) && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 5);
  };
}

/** The files of the output, in the order they first appear. */
function filesOf(result: { out: string }, format: 'text' | 'json'): string[] {
  const files = format === 'json' ? (JSON.parse(result.out) as { file: string }[]).map((d) => d.file) : result.out.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(':')));
  return files.filter((f, i) => files[i - 1] !== f);
}

describe('CLI validate --jobs', function () {
  this.timeout(60000);
  let dir: string;
  let args: string[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-jobs-'));
    args = makeCorpus(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json'] as const) {
    it(`the bin prints exactly the same ${format} output and status with --jobs 1, 2 and 3, in input order`, () => {
      const one = runBin([...args, '--format', format, '--jobs', '1'], dir);
      assert.equal(one.code, 1);
      const order = expandArguments(args, dir).files;
      // The examples and the broken fixtures, then the 150 variations.
      const canvases = (folder: string) => readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.canvas.yaml')).length;
      const size = canvases('examples') + canvases('test/fixtures/broken') + 150;
      assert.equal(order.length, size);
      assert.match(one.err, new RegExp(`^${size} files checked: \\d+ problems \\([1-9]\\d* errors,`, 'm'));
      assert.notDeepEqual(order, order.slice().sort(), 'the corpus must test input order, not sorted order');
      const reported = filesOf(one, format);
      assert.ok(reported.length > 100);
      assert.deepEqual(reported, order.filter((f) => reported.includes(f)));
      for (const jobs of format === 'text' ? [['--jobs', '2'], ['-j3']] : [['--jobs=2'], ['-j', '3']]) {
        const many = runBin([...args, '--format', format, ...jobs], dir);
        assert.deepEqual(many, one, jobs.join(' '));
      }
    });
  }

  it('json output is one array, written file by file as the workers report', async () => {
    const one = await runHere([...args, '--format', 'json', '--jobs', '1'], dir);
    const three = await runHere([...args, '--format', 'json', '--jobs', '3'], dir);
    assert.deepEqual({ ...three, writes: 0 }, { ...one, writes: 0 });
    assert.ok(Array.isArray(JSON.parse(three.out)));
    assert.ok(three.writes > 100, `${three.writes} writes`);
    // No problems at all: still one (empty) array.
    const clean = await runHere(['b/b2b-saas.canvas.yaml', 'b/ride-hailing.canvas.yaml', '--format', 'json', '--jobs', '2'], dir);
    assert.deepEqual([clean.code, JSON.parse(clean.out)], [0, []]);
    assert.deepEqual(runBin(['b/b2b-saas.canvas.yaml', 'b/ride-hailing.canvas.yaml', '--format', 'json', '-j', '2'], dir), {
      code: 0,
      out: '[]\n',
      err: '2 files checked: 0 problems (0 errors, 0 warnings, 0 information, 0 hints)\n',
    });
  });

  it('more jobs than files, and jobs 1, give the in-process result', async () => {
    const one = run(['validate', 'b/nested', '--jobs', '1'], { out: () => {}, err: () => {}, cwd: dir });
    assert.equal(typeof one, 'number', '--jobs 1 validates in this thread, synchronously');
    const base = await runHere(['b/nested', 'a/001-1.canvas.yaml', '--jobs', '1'], dir);
    const many = await runHere(['b/nested', 'a/001-1.canvas.yaml', '--jobs', '16'], dir);
    assert.deepEqual({ ...many, writes: 0 }, { ...base, writes: 0 });
    // main with an Io of its own stays synchronous whatever --jobs says: same output, a number.
    let out = '';
    let err = '';
    const code = main(['validate', 'b/nested', 'a/001-1.canvas.yaml', '--jobs', '3'], { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir });
    assert.deepEqual({ code, out, err }, { code: base.code, out: base.out, err: base.err });
  });

  it('an unreadable file is reported on its own, the same way with any number of jobs', async function () {
    // Root reads any file whatever its mode: then use a file that stat calls regular but that no
    // read succeeds on (Linux).
    let unreadable: string;
    if (POSIX && process.getuid?.() !== 0) {
      unreadable = join(dir, 'locked.canvas.yaml');
      writeFileSync(unreadable, CLEAN);
      chmodSync(unreadable, 0o000);
    } else if (process.platform === 'linux') unreadable = '/proc/self/mem';
    else return this.skip();
    try {
      const list = ['a', unreadable, 'b/nested'];
      const one = await runHere([...list, '--jobs', '1'], dir);
      assert.equal(one.code, 2, 'a file that cannot be read is exit 2');
      assert.match(one.err, new RegExp(`^canvas-as-code: cannot read ${unreadable.replace(/[/.]/g, '\\$&')}: `, 'm'));
      for (const jobs of ['2', '3']) assert.deepEqual({ ...(await runHere([...list, '--jobs', jobs], dir)), writes: 0 }, { ...one, writes: 0 });
      assert.deepEqual(runBin([...list, '--jobs', '2'], dir), { code: one.code, out: one.out, err: one.err });
    } finally {
      if (unreadable !== '/proc/self/mem') rmSync(unreadable, { force: true });
    }
  });

  it('workers validate files and the main thread writes them in order (deterministic: the main thread waits for a worker)', async () => {
    // The main thread takes the first file and, before reading it, waits until a worker has
    // reported a file (a wrapper around the worker writes the first file and a flag then: the first
    // worker to report, once).
    const fifoDir = mkdtempSync(join(tmpdir(), 'canvas-jobs-fifo-'));
    const refDir = mkdtempSync(join(tmpdir(), 'canvas-jobs-ref-'));
    try {
      const corpus = makeCorpus(fifoDir, 60);
      makeCorpus(refDir, 60);
      const first = MUTATIONS[1](CLEAN, 0);
      writeFileSync(join(refDir, 'first.canvas.yaml'), first);
      const ready = join(fifoDir, 'ready.flag');
      const counts = join(fifoDir, 'reported.txt');
      const wrapper = join(fifoDir, 'wrapper.js');
      writeFileSync(
        wrapper,
        `const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
let reported = 0;
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (message) => {
  post(message);
  fs.appendFileSync(${JSON.stringify(counts)}, '.');
  if (++reported > 1) return;
  try {
    fs.closeSync(fs.openSync(${JSON.stringify(join(fifoDir, 'opened.flag'))}, 'wx'));
  } catch {
    return; // The other worker writes the file.
  }
  fs.writeFileSync(${JSON.stringify(join(fifoDir, 'first.canvas.yaml'))}, ${JSON.stringify(first)});
  fs.writeFileSync(${JSON.stringify(ready)}, '');
};
require(${JSON.stringify(CLI_BUNDLE)});
`,
      );
      const list = ['first.canvas.yaml', ...corpus];
      const expected = await runHere([...list, '--jobs', '1'], refDir);
      for (const format of ['text', 'json']) {
        const reference = format === 'text' ? expected : await runHere([...list, '--format', 'json', '--jobs', '1'], refDir);
        rmSync(counts, { force: true });
        rmSync(join(fifoDir, 'opened.flag'), { force: true });
        rmSync(ready, { force: true });
        writeFileSync(join(fifoDir, 'first.canvas.yaml'), 'not yet written: [');
        const result = await runHere([...list, '--format', format, '--jobs', '3'], fifoDir, wrapper, holdUntil('first.canvas.yaml', ready));
        assert.deepEqual({ ...result, writes: 0 }, { ...reference, writes: 0 }, format);
        // One dot per file a worker reported (the first file is written after the first).
        assert.ok(readFileSync(counts, 'utf8').length >= 1);
      }
    } finally {
      rmSync(fifoDir, { recursive: true, force: true });
      rmSync(refDir, { recursive: true, force: true });
    }
  });

  for (const crash of ['process.exit(3)', "throw new Error('worker boom')"]) {
    it(`a worker that dies (${crash}) costs the file it was on, reported as an error; the rest is validated`, async () => {
      // Deterministic: the main thread takes the first file and waits before reading it; the fake
      // worker takes the second file, writes the first one and a flag, and dies.
      const fifoDir = mkdtempSync(join(tmpdir(), 'canvas-jobs-crash-'));
      const refDir = mkdtempSync(join(tmpdir(), 'canvas-jobs-ref-'));
      try {
        const corpus = makeCorpus(fifoDir, 30);
        makeCorpus(refDir, 30);
        writeFileSync(join(refDir, 'first.canvas.yaml'), CLEAN);
        writeFileSync(join(fifoDir, 'first.canvas.yaml'), 'not yet written: [');
        const ready = join(fifoDir, 'ready.flag');
        const fake = join(fifoDir, 'crash.js');
        writeFileSync(
          fake,
          `const { workerData } = require('node:worker_threads');
const shared = new Int32Array(workerData.shared);
const index = Atomics.add(shared, 0, 1);
Atomics.store(shared, 1 + workerData.slot, index);
require('node:fs').writeFileSync(${JSON.stringify(join(fifoDir, 'first.canvas.yaml'))}, ${JSON.stringify(CLEAN)});
require('node:fs').writeFileSync(${JSON.stringify(ready)}, '');
${crash};
`,
        );
        const list = ['first.canvas.yaml', ...corpus];
        const files = expandArguments(list, refDir).files;
        const victim = files[1];
        const reference = await runHere(list, refDir);
        const result = await runHere([...list, '--jobs', '2'], fifoDir, fake, holdUntil('first.canvas.yaml', ready));
        assert.equal(result.code, 1);
        const why = crash.startsWith('throw') ? 'worker boom' : 'exit code 3';
        assert.equal(
          result.out,
          reference.out
            .split('\n')
            .filter((l) => !l.startsWith(victim + ':'))
            .join('\n'),
        );
        assert.equal(result.err.split('\n').filter((l) => l.includes('worker thread')).join('\n'), `canvas-as-code: cannot validate ${victim}: its worker thread stopped (${why})`);
        assert.match(result.err, new RegExp(`^${files.length} files checked: `, 'm'));
      } finally {
        rmSync(fifoDir, { recursive: true, force: true });
        rmSync(refDir, { recursive: true, force: true });
      }
    });
  }

  it('workers that cannot start leave the main thread to validate everything: same output', async () => {
    const one = await runHere([...args, '--jobs', '1'], dir);
    const none = await runHere([...args, '--jobs', '3'], dir, join(dir, 'no-such-worker.js'));
    assert.deepEqual({ ...none, writes: 0 }, { ...one, writes: 0 });
  });

  it('--jobs must be a positive integer: usage error, exit 2', () => {
    for (const [jobs, shown] of [
      [['--jobs', '0'], '"0"'],
      [['--jobs', '-1'], '"-1"'],
      [['--jobs', '1.5'], '"1.5"'],
      [['--jobs', 'auto'], '"auto"'],
      [['--jobs=', ''], '""'],
      [['-jx'], '"x"'],
      [['--jobs', '99999999999999999999'], '"99999999999999999999"'],
      [['--jobs'], 'nothing'],
    ] as const) {
      let out = '';
      let err = '';
      const code = main(['validate', 'examples', ...jobs.filter(Boolean)], { out: (t) => void (out += t), err: (t) => void (err += t), cwd: ROOT });
      // A missing value is an argument error: the message, then validate's usage line.
      if (shown === 'nothing') assert.match(err, /\n\nUsage:\n  canvas-as-code validate /);
      assert.deepEqual([code, out, err.replace(/\nUsage:[\s\S]*$/, '')], [2, '', `canvas-as-code: --jobs must be a positive integer, got ${shown}\n`], jobs.join(' '));
    }
    const bin = runBin(['examples', '-j', '0'], ROOT);
    assert.deepEqual(bin, { code: 2, out: '', err: 'canvas-as-code: --jobs must be a positive integer, got "0"\n' });
    assert.equal(runBin(['--jobs'], ROOT).code, 2);
  });

  it('the usage text documents --jobs', () => {
    let out = '';
    main(['validate', '--help'], { out: (t) => void (out += t), err: () => {}, cwd: ROOT });
    assert.match(out, /\[--jobs N\]/);
    assert.match(out, /--jobs N \(-j N\)/);
  });

  it('left out, --jobs is 1 for few or small files, else one per core up to the files size', () => {
    const small = expandArguments(['examples'], ROOT).files;
    assert.equal(autoJobs(small, ROOT, 8, 0), 1);
    assert.equal(autoJobs(['x.canvas.yaml'], ROOT, 8, 0), 1);
    const bigDir = mkdtempSync(join(tmpdir(), 'canvas-jobs-auto-'));
    try {
      const text = CLEAN.repeat(Math.ceil((AUTO_BYTES_PER_WORKER * 1.1) / CLEAN.length));
      for (let i = 0; i < 3; i++) writeFileSync(join(bigDir, `${i}.canvas.yaml`), text);
      const files = expandArguments(['.'], bigDir).files;
      assert.equal(autoJobs(files, bigDir, 1, 0), 1);
      assert.equal(autoJobs(files, bigDir, 8, 0), 1, 'three files: at least two per worker');
      for (let i = 3; i < 8; i++) writeFileSync(join(bigDir, `${i}.canvas.yaml`), text);
      const more = expandArguments(['.'], bigDir).files;
      assert.equal(autoJobs(more, bigDir, 2, 0), 2);
      assert.equal(autoJobs(more, bigDir, 64, 0), 4, 'eight files: at most four threads');
      // A busy machine: only the cores its load leaves idle get a thread.
      assert.equal(autoJobs(more, bigDir, 2, 1.4), 1, 'two cores, one busy: one thread');
      assert.equal(autoJobs(more, bigDir, 4, 1.2), 3, 'four cores, one busy: three threads');
      assert.equal(autoJobs(more, bigDir, 2, 0.3), 2, 'two cores, nearly idle: two threads');
      // The default run: a big corpus goes to the workers, output as with --jobs 1.
    } finally {
      rmSync(bigDir, { recursive: true, force: true });
    }
  });
});

