import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { globMatcher } from '../../src/cli/files';

const ROOT = join(__dirname, '../../..');
const BROKEN = join(ROOT, 'test/fixtures/broken');

function run(args: string[], cwd = ROOT): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}

describe('CLI validate', () => {
  it('reports zero problems on the examples and exits 0', () => {
    const { code, out, err } = run(['validate', 'examples']);
    assert.equal(code, 0);
    assert.equal(out, '');
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.canvas.yaml')).length;
    assert.ok(examples >= 6, 'four business models, a Lean canvas and a value-proposition canvas');
    assert.equal(err, `${examples} files checked: 0 problems (0 errors, 0 warnings, 0 information, 0 hints)\n`);
  });

  it('prints file:line:col severity code message and exits 1 on errors', () => {
    const { code, out } = run(['validate', 'test/fixtures/broken/typos.canvas.yaml']);
    assert.equal(code, 1);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 6);
    assert.equal(
      lines[1],
      'test/fixtures/broken/typos.canvas.yaml:7:11 error schema "mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
    );
    assert.equal(lines[2], 'test/fixtures/broken/typos.canvas.yaml:8:5 error schema Unknown key "priorty" in customer segment. Did you mean "priority"? (Extension keys start with "x-".)');
  });

  it('exits 0 when only warnings and hints are found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvas-cli-'));
    writeFileSync(join(dir, 'blank.canvas.yaml'), 'canvas: business-model\ntitle: Blank\n');
    const { code, out } = run(['validate', 'blank.canvas.yaml'], dir);
    assert.equal(code, 0);
    assert.equal(out.split('\n').filter(Boolean).length, 9);
  });

  it('--format json prints one array with the documented fields', () => {
    const { code, out } = run(['validate', '--format', 'json', 'test/fixtures/broken/tabs-crlf.canvas.yaml']);
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(out), [
      {
        file: 'test/fixtures/broken/tabs-crlf.canvas.yaml',
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 2,
        severity: 'error',
        code: 'yaml-syntax',
        message: 'YAML syntax error: Tabs are not allowed as indentation',
      },
    ]);
    assert.deepEqual(JSON.parse(run(['validate', '--format=json', 'examples']).out), []);
  });

  it('expands globs, directories and files, each file once', () => {
    const { out, code } = run(['validate', '--format', 'json', 'test/fixtures/broken/*.canvas.yaml', 'test/fixtures/broken', 'test/fixtures/broken/typos.canvas.yaml']);
    assert.equal(code, 1);
    const files = [...new Set((JSON.parse(out) as { file: string }[]).map((d) => d.file))].sort();
    assert.deepEqual(files, readdirSync(BROKEN).filter((f) => f.endsWith('.canvas.yaml')).map((f) => `test/fixtures/broken/${f}`).sort());
    assert.equal(run(['validate', 'examples/**/*.canvas.yaml']).code, 0);
  });

  it('bad usage exits 2 with a message', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['validate']).code, 2);
    const badFormat = run(['validate', '--format', 'xml', 'examples']);
    assert.equal(badFormat.code, 2);
    assert.equal(badFormat.err, 'canvas-as-code: --format must be text, json, github or sarif, got "xml"\n');
    const missing = run(['validate', 'no-such.canvas.yaml']);
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'canvas-as-code: no canvas files matched "no-such.canvas.yaml"\n');
    assert.equal(run(['validate', '--frob', 'examples']).code, 2);
    assert.equal(run(['--help']).code, 0);
  });

  it('the installed bin runs the bundled CLI with the same exit codes', () => {
    const bin = join(ROOT, 'bin/canvas-as-code.js');
    const ok = spawnSync(process.execPath, [bin, 'validate', 'examples'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const bad = spawnSync(process.execPath, [bin, 'validate', 'test/fixtures/broken/typos.canvas.yaml'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout.split('\n').filter(Boolean).length, 6);
    const usage = spawnSync(process.execPath, [bin, 'validate', '--format'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(usage.status, 2);
  });

  it('globs match like a shell would', () => {
    assert.ok(globMatcher('examples/*.canvas.yaml')('examples/b2b-saas.canvas.yaml'));
    assert.ok(!globMatcher('examples/*.canvas.yaml')('examples/sub/x.canvas.yaml'));
    assert.ok(globMatcher('**/*.canvas.{yaml,yml}')('a/b/c.canvas.yml'));
    assert.ok(globMatcher('**/*.canvas.yaml')('top.canvas.yaml'));
    assert.ok(globMatcher('a?.yaml')('ab.yaml'));
  });

  it('skips node_modules when walking a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvas-cli-'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules/dep.canvas.yaml'), 'broken: [');
    writeFileSync(join(dir, 'mine.canvas.yaml'), readFileSync(join(ROOT, 'examples/b2b-saas.canvas.yaml')));
    assert.equal(run(['validate', '.'], dir).code, 0);
  });
});

describe('broken fixtures', () => {
  const fixtures = readdirSync(BROKEN).filter((f) => f.endsWith('.canvas.yaml'));

  it('there are broken fixtures for every code', () => {
    const codes = new Set<string>();
    for (const f of fixtures) for (const d of JSON.parse(readFileSync(join(BROKEN, f.replace('.canvas.yaml', '.expected.json')), 'utf8'))) codes.add(d.code);
    assert.deepEqual([...codes].sort(), [
      'duplicate-id',
      'empty-block',
      'failed-segment-check',
      'orphan-card',
      'schema',
      'segment-without-relationship',
      'unknown-reference',
      'unlinked-platform-side',
      'unserved-segment',
      'yaml-syntax',
    ]);
  });

  for (const fixture of fixtures) {
    it(`${fixture} gives exactly its expected codes, severities and ranges`, () => {
      const expected = JSON.parse(readFileSync(join(BROKEN, fixture.replace('.canvas.yaml', '.expected.json')), 'utf8'));
      const { out } = run(['validate', '--format', 'json', `test/fixtures/broken/${fixture}`]);
      const actual = (JSON.parse(out) as Record<string, unknown>[]).map(({ code, severity, line, column, endLine, endColumn }) => ({
        code,
        severity,
        line,
        column,
        endLine,
        endColumn,
      }));
      assert.deepEqual(actual, expected);
    });
  }
});
