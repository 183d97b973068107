// The robustness sweep (robustness.mjs) in CI: the hostile corpus (hostile.mjs), then a short run
// of seeded fast-check cases, then the fresh-process probes, all through dist/core.js (built by
// `npm test` first). One test per corpus case and per probe, so a failure names its input.
//
// Seed and size: DEFAULT_SEED and CI_CASES unless ROBUSTNESS_SEED / ROBUSTNESS_CASES say otherwise;
// `npm run test:robustness -- --long` runs the long sweep (DEFAULT_CASES, 20,000: about 15 minutes
// on 2 cores) as this suite, `npm run test:robustness:long` as a report (builds first), and
// `node test/robustness/robustness.mjs --cases N [--seed S] [--show N]` any other size.
// Runs on dist/core.js as built: `npm run build` first (npm test does).
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALL_BUDGET_MS, CORPUS, DEFAULT_CASES, DEFAULT_SEED, FRESH_PROBES, formatRobustness, runRobustness } from './robustness.mjs';

export const CI_CASES = 400;
const long = process.argv.includes('--long');
const seed = Number(process.env.ROBUSTNESS_SEED ?? DEFAULT_SEED);
const cases = Number(process.env.ROBUSTNESS_CASES ?? (long ? DEFAULT_CASES : CI_CASES));
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The newest file under src/core (ms), to tell a stale dist/core.js. */
function newestSource(dir = join(root, 'src', 'core')) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

describe(`robustness: the hostile corpus and ${cases} seeded cases (seed ${seed})`, function () {
  let result;

  before(async function () {
    if (long) this.timeout(0);
    let built = 0;
    try {
      built = statSync(join(root, 'dist', 'core.js')).mtimeMs;
    } catch {
      // not built
    }
    assert.ok(built, 'dist/core.js is missing: run `npm run build` first');
    if (built < newestSource()) console.warn('  WARNING dist/core.js is older than src/core: this checks the last build (`npm run build` first)');
    result = await runRobustness({ cases, seed, log: (line) => process.stdout.write(`${line}\n`) });
    console.log(formatRobustness(result));
    console.log(
      `robustness counts: ${result.cases} of ${result.requested} cases checked (${result.corpus} corpus, ${result.seeded} seeded), ` +
        `${result.skippedCases} skipped, ${result.failureCount} failures, fresh-process probes ${result.fresh.filter((p) => p.kind === 'ok').length}/${result.fresh.length}, ` +
        `${result.runSeconds.toFixed(0)} s`,
    );
  });

  it('checks every case: none skipped, quarantined or left unrun', function () {
    assert.equal(result.cases, result.requested, `${result.requested - result.cases} cases not run`);
    assert.equal(result.cases, CORPUS.length + cases);
    assert.equal(result.skippedCases, 0, `skipped by quarantine: ${result.quarantinedFamilies.join(', ')}`);
    assert.deepEqual(result.quarantined, [], 'calls quarantined after hanging or crashing');
    assert.equal(result.timed, result.cases, 'every case timed');
    assert.ok(result.markdown, 'markdown-it loads (the raw-HTML check of our Markdown runs)');
  });

  it('the unmodified examples pass every check', function () {
    assert.deepEqual(result.warmFailures, []);
  });

  it(`${cases} seeded cases: 0 failures (no exception, hang, crash, out-of-range span, mismatch, raw HTML, control character; no call over ${CALL_BUDGET_MS} ms)`, function () {
    const seeded = result.failures.filter((f) => f.index >= result.corpus);
    const corpusCount = result.corpusResults.reduce((n, c) => n + c.failures.length, 0);
    assert.equal(result.failureCount - corpusCount, 0, seeded.map((f) => `${f.check} ${f.kind} x${f.count} (first at path "${f.index - result.corpus}"): ${f.message}\n  input: ${f.repr}`).join('\n'));
  });

  for (const [i, c] of CORPUS.entries()) {
    it(`hostile corpus: ${c.name}`, function () {
      const { failures } = result.corpusResults[i];
      assert.deepEqual(failures, [], failures.join('\n'));
    });
  }

  for (const [i, p] of FRESH_PROBES.entries()) {
    it(`fresh process: ${p.name}`, function () {
      const probe = result.fresh[i];
      assert.equal(probe.kind, 'ok', `${probe.kind}: ${probe.detail}`);
    });
  }
});
