import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { main, run } from '../../src/cli/main';
import { artifactLocation, encodeSegment, findSourceRoot, sarifLevel } from '../../src/cli/sarif';
import { DEFAULT_SEVERITIES, RULE_CODES, RULE_DOCS } from '../../src/core';
import { CLEAN } from './helpers';

// Issue 13, deliverable 2: validate --format sarif writes SARIF 2.1.0 for GitHub code scanning,
// checked against the SARIF 2.1.0 JSON schema (a copy in test/fixtures/sarif, see its README.md).

const ROOT = join(__dirname, '../../..');
const CLI_BUNDLE = join(ROOT, 'dist/cli.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NLS = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

function validate(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(['validate', '--format', 'sarif', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}

let compiled: ReturnType<Ajv['compile']> | undefined;
/** The SARIF 2.1.0 schema (draft-04), compiled by ajv: its top-level draft-04 `id` read as `$id`. */
function sarifValidator() {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  const { $schema: _draft, id, ...rest } = schema;
  // unicodeRegExp off: the schema's `language` pattern (`…-[a-zA-Z]{2}]?$`) is valid only without the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  // The formats the schema uses, as RFC 3986 and RFC 3339 define them (ajv ships none).
  const uriReference = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
  ajv.addFormat('uri-reference', uriReference);
  ajv.addFormat('uri', (s: string) => uriReference.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return (compiled = ajv.compile({ ...rest, $id: id as string }));
}

function assertValidSarif(text: string): void {
  const check = sarifValidator();
  const valid = check(JSON.parse(text));
  assert.ok(valid, JSON.stringify(check.errors, null, 2));
}

describe('validate --format sarif', () => {
  it('prints exactly test/fixtures/sarif/typos.sarif.json for the typos fixture, exit 1', () => {
    const { code, out, err } = validate(['test/fixtures/broken/typos.canvas.yaml'], ROOT);
    assert.equal(code, 1);
    assert.equal(err, '1 file checked: 6 problems (5 errors, 1 warning, 0 information, 0 hints)\n');
    const rootUri = pathToFileURL(findSourceRoot(ROOT)).href.replace(/\/?$/, '/');
    const expected = readFileSync(join(ROOT, 'test/fixtures/sarif/typos.sarif.json'), 'utf8')
      .replace('"uri": "file:///REPOSITORY/"', `"uri": ${JSON.stringify(rootUri)}`)
      .replace(/@VERSION@/g, VERSION);
    assert.equal(out, expected);
    assertValidSarif(out);
    // The schema does catch mistakes: a wrong version, a line 0, a level SARIF does not know.
    const check = sarifValidator();
    const broken = (edit: (log: any) => void) => {
      const log = JSON.parse(out);
      edit(log);
      return check(log);
    };
    assert.equal(broken(() => {}), true);
    assert.equal(broken((log) => (log.version = '2.0.0')), false);
    assert.equal(broken((log) => (log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)), false);
    assert.equal(broken((log) => (log.runs[0].results[0].level = 'information')), false);
    assert.equal(broken((log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b/캔버스.yaml')), false);
  });

  it('has one rule per code, described by RULE_DOCS (the canvasAsCode.rules descriptions), and results that point into it', () => {
    const log = JSON.parse(validate(['test/fixtures/broken/typos.canvas.yaml'], ROOT).out);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.deepEqual([driver.name, driver.version, driver.informationUri], ['canvas-as-code', VERSION, 'https://www.npmjs.com/package/canvas-as-code']);
    assert.deepEqual(
      driver.rules.map((r: { id: string }) => r.id),
      [...RULE_CODES],
    );
    for (const [i, rule] of (driver.rules as { id: string; shortDescription: { markdown: string }; help: { text: string }; defaultConfiguration: { level: string } }[]).entries()) {
      assert.equal(rule.shortDescription.markdown, NLS[`configuration.rules.${rule.id}`], rule.id);
      assert.equal(RULE_DOCS[i].code, rule.id);
      assert.ok(rule.help.text.startsWith(RULE_DOCS[i].text), rule.id);
      assert.equal(rule.defaultConfiguration.level, sarifLevel(DEFAULT_SEVERITIES[rule.id as keyof typeof DEFAULT_SEVERITIES]));
    }
    // The regions are the fixture's expected ranges, the levels its severities mapped to SARIF's.
    const expected = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/broken/typos.expected.json'), 'utf8')) as {
      code: string;
      severity: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
    }[];
    assert.deepEqual(
      log.runs[0].results.map((r: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: object } }[] }) => [
        r.ruleId,
        driver.rules[r.ruleIndex].id,
        r.level,
        r.locations[0].physicalLocation.region,
      ]),
      expected.map((d) => [d.code, d.code, sarifLevel(d.severity), { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }]),
    );
    assert.deepEqual(['error', 'warning', 'information', 'hint'].map(sarifLevel), ['error', 'warning', 'note', 'note']);
  });

  it('no problems: an empty results array, exit 0, still valid', () => {
    const { code, out } = validate(['examples/ride-hailing.canvas.yaml'], ROOT);
    assert.equal(code, 0);
    assert.match(out, /"results": \[\]\n {4}\}\n {2}\]\n\}\n$/);
    assert.deepEqual(JSON.parse(out).runs[0].results, []);
    assertValidSarif(out);
  });

  it('file URIs: relative to the repository root, percent-encoded per segment (Korean, spaces, #, %), round-tripping', () => {
    const repo = mkdtempSync(join(tmpdir(), 'canvas-sarif-'));
    mkdirSync(join(repo, '.git'));
    const folder = join(repo, '캔버스 모음', 'q1 #1');
    mkdirSync(folder, { recursive: true });
    const name = '사업 모델 100%.canvas.yaml';
    writeFileSync(join(folder, name), CLEAN.replace('mass-market', 'mass-markt'));
    const fromSub = validate([name], folder);
    assert.equal(fromSub.code, 1);
    const log = JSON.parse(fromSub.out);
    const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    const uri = '%EC%BA%94%EB%B2%84%EC%8A%A4%20%EB%AA%A8%EC%9D%8C/q1%20%231/%EC%82%AC%EC%97%85%20%EB%AA%A8%EB%8D%B8%20100%25.canvas.yaml';
    assert.deepEqual(location, { uri, uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location.uri.split('/').map(decodeURIComponent), ['캔버스 모음', 'q1 #1', name]);
    const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    assert.equal(base, pathToFileURL(repo).href + '/');
    // Resolved against its base, the URI names the file again.
    assert.equal(decodeURIComponent(new URL(uri, base).pathname), pathToFileURL(join(folder, name)).pathname.split('/').map(decodeURIComponent).join('/'));
    assertValidSarif(fromSub.out);
    // The same file named from the root gives the same URI.
    assert.deepEqual(JSON.parse(validate([join('캔버스 모음', 'q1 #1', name)], repo).out).runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri, uriBaseId: '%SRCROOT%' });
    // `.git` may be a file (a worktree or submodule): still the root.
    const worktree = mkdtempSync(join(tmpdir(), 'canvas-sarif-wt-'));
    writeFileSync(join(worktree, '.git'), 'gitdir: /elsewhere\n');
    mkdirSync(join(worktree, 'a b'));
    assert.equal(findSourceRoot(join(worktree, 'a b')), worktree);
  });

  it('no repository: relative to the working directory; outside it an absolute file URI; standard input has no base', function () {
    const plain = mkdtempSync(join(tmpdir(), 'canvas-sarif-plain-'));
    if (findSourceRoot(plain) !== plain) this.skip(); // the temporary folder is inside a repository
    assert.deepEqual(artifactLocation('x y.canvas.yaml', plain, plain), { uri: 'x%20y.canvas.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('../z.canvas.yaml', join(plain, 'sub'), join(plain, 'sub')), { uri: pathToFileURL(join(plain, 'z.canvas.yaml')).href });
    assert.deepEqual(artifactLocation('<stdin>', plain, plain), { uri: '%3Cstdin%3E' });
    assert.equal(encodeSegment("a!'()*~._-b"), 'a%21%27%28%29%2A~._-b');
  });

  it('is byte-identical whatever --jobs says (results in input order, written file by file)', async function () {
    if (!existsSync(CLI_BUNDLE)) this.skip();
    const outputs: string[] = [];
    for (const jobs of ['1', '2', '3']) {
      let out = '';
      const io = { out: (t: string) => void (out += t), err: () => {}, cwd: ROOT, workerScript: CLI_BUNDLE };
      const code = await run(['validate', '--format', 'sarif', '--jobs', jobs, 'examples', 'test/fixtures/broken', 'test/fixtures/broken/typos.canvas.yaml'], io);
      assert.equal(code, 1);
      outputs.push(out);
    }
    assert.equal(outputs[1], outputs[0]);
    assert.equal(outputs[2], outputs[0]);
    assert.ok(JSON.parse(outputs[0]).runs[0].results.length > 20);
    assertValidSarif(outputs[0]);
  });

  it('--quiet keeps errors only; hostile text stays inside its JSON string', () => {
    const log = JSON.parse(validate(['--quiet', 'test/fixtures/broken/typos.canvas.yaml'], ROOT).out);
    assert.deepEqual(
      log.runs[0].results.map((r: { level: string }) => r.level),
      ['error', 'error', 'error', 'error', 'error'],
    );
    const dir = mkdtempSync(join(tmpdir(), 'canvas-sarif-hostile-'));
    writeFileSync(join(dir, 'h.canvas.yaml'), CLEAN.replace('name: Riders', 'name: "Riders\\u202e\\u0085\\n::error::x"').replace('mass-market', 'mass-markt'));
    const out = validate(['h.canvas.yaml'], dir).out;
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assertValidSarif(out);
  });
});
