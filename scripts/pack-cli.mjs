#!/usr/bin/env node
// `npm run pack:cli`: the CLI as its own npm package, dist/pack/<name>-<version>.tgz. The tarball
// is packed (npm pack) from a staging folder, dist/pack/stage/, that holds only what the CLI
// runs: a package.json written from the root one (a bin, no dependencies), the production CLI
// bundle (yaml, ajv and picomatch inside), the bin script, the canvas schema, a README for CLI
// users (packaging/cli/README.md) and the licence. No extension code, tests or sources. Refuses a
// package that holds anything else or is over 400 KB. The stage is publish-ready:
// `cd dist/pack/stage && npm publish` (not done here).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const packDir = join(repoRoot, 'dist', 'pack');
export const stageDir = join(packDir, 'stage');
export const MAX_BYTES = 400 * 1024;

/** Exactly what the tarball holds (paths under npm's `package/` prefix). */
export const PACKED_FILES = ['LICENSE', 'README.md', 'bin/canvas-as-code.js', 'dist/cli.js', 'package.json', 'schemas/canvas.schema.json'];

// Under `npm run`, the outer npm exports its identity and the root package's fields; an inner
// npm would take them as its own config (as scripts/vscode-runtime.mjs does, drop them).
const OUTER_NPM = /^(npm_config_(user_agent|local_prefix|prefix|global_prefix)|npm_(lifecycle|package)_.*|npm_node_execpath|npm_execpath|NODE|INIT_CWD)$/i;
export const cleanNpmEnv = (env = process.env) => Object.fromEntries(Object.entries(env).filter(([key]) => !OUTER_NPM.test(key)));

function run(cmd, args, cwd, env = process.env) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${(r.stderr || r.stdout || '').slice(0, 2000)}`);
  return r.stdout;
}

/** The CLI package's manifest, from the root one: same name, version, licence and links; a bin, no dependencies. */
export function cliManifest(root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))) {
  const manifest = {
    name: root.name,
    version: root.version,
    // The root description is the extension's (a %placeholder% for package.nls.json): the CLI says what it does.
    description: 'Validate, render (HTML, SVG, Markdown) and diff Business Model Canvases written as *.canvas.yaml files: the Canvas as Code command line.',
    keywords: [...new Set([...(root.keywords ?? []), 'cli', 'lint'])],
    license: root.license,
  };
  for (const field of ['author', 'repository', 'bugs', 'homepage']) if (root[field] !== undefined) manifest[field] = root[field];
  // npm publish normalizes a web URL to a git one (and warns): write it as npm would.
  const repo = manifest.repository;
  if (repo && typeof repo === 'object' && /^https:\/\/[^/]+\/[^/]+\/[^/]+?$/.test(repo.url ?? '')) {
    manifest.repository = { ...repo, url: `git+${repo.url.replace(/\.git$/, '')}.git` };
  }
  Object.assign(manifest, {
    bin: { 'canvas-as-code': 'bin/canvas-as-code.js' },
    files: ['bin/', 'dist/cli.js', 'schemas/canvas.schema.json'],
    engines: { node: root.engines?.node ?? '>=20' },
  });
  return manifest;
}

/** The production CLI bundle, built by esbuild.mjs itself in a temporary folder (the repository's dist/ untouched). */
function buildCli(tmp) {
  run(process.execPath, [join(repoRoot, 'scripts', 'build-schema.mjs')], repoRoot);
  run(process.execPath, [join(repoRoot, 'scripts', 'build-bmml-schema.mjs')], repoRoot);
  symlinkSync(join(repoRoot, 'src'), join(tmp, 'src'));
  symlinkSync(join(repoRoot, 'node_modules'), join(tmp, 'node_modules'));
  run(process.execPath, [join(repoRoot, 'esbuild.mjs'), '--production'], tmp);
  return join(tmp, 'dist', 'cli.js');
}

/**
 * Stage and pack. Returns the tarball's path, its size and the files it holds.
 * @param {{ print?: (line: string) => void }} [options]
 */
export function packCli({ print = console.log } = {}) {
  const manifest = cliManifest();
  const tmp = mkdtempSync(join(tmpdir(), 'canvas-pack-cli-'));
  try {
    const cli = buildCli(tmp);
    rmSync(stageDir, { recursive: true, force: true });
    for (const dir of ['bin', 'dist', 'schemas']) mkdirSync(join(stageDir, dir), { recursive: true });
    writeFileSync(join(stageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    copyFileSync(cli, join(stageDir, 'dist', 'cli.js'));
    copyFileSync(join(repoRoot, 'bin', 'canvas-as-code.js'), join(stageDir, 'bin', 'canvas-as-code.js'));
    copyFileSync(join(repoRoot, 'schemas', 'canvas.schema.json'), join(stageDir, 'schemas', 'canvas.schema.json'));
    copyFileSync(join(repoRoot, 'packaging', 'cli', 'README.md'), join(stageDir, 'README.md'));
    copyFileSync(join(repoRoot, 'LICENSE'), join(stageDir, 'LICENSE'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const file = join(packDir, `${manifest.name}-${manifest.version}.tgz`);
  rmSync(file, { force: true });
  const out = run('npm', ['pack', '--json', '--pack-destination', packDir, '--loglevel=error'], stageDir, cleanNpmEnv());
  const [report] = JSON.parse(out);
  if (join(packDir, report.filename) !== file) throw new Error(`npm pack wrote ${report.filename}, expected ${file}`);
  const files = report.files.map((f) => f.path).sort();
  const unexpected = files.filter((f) => !PACKED_FILES.includes(f));
  const missing = PACKED_FILES.filter((f) => !files.includes(f));
  if (unexpected.length || missing.length) throw new Error(`the CLI package holds the wrong files:${unexpected.map((f) => `\n  + ${f}`).join('')}${missing.map((f) => `\n  - ${f}`).join('')}`);
  const bytes = statSync(file).size;
  if (bytes > MAX_BYTES) throw new Error(`${file} is ${bytes} bytes, over the ${MAX_BYTES / 1024} KB budget`);
  print(`${file}: ${(bytes / 1024).toFixed(1)} KB packed, ${(report.unpackedSize / 1024).toFixed(1)} KB unpacked, ${files.length} files`);
  return { file, bytes, files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { files } = packCli();
    for (const f of files) console.log(`  ${f}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
