#!/usr/bin/env node
// `npm run package`: a production build packed into a .vsix by @vsce. The extension is bundled,
// so no node_modules ship (--no-dependencies); .vscodeignore lets in only what runs. Refuses a
// package that holds anything else or is 1 MB or more.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED } from './shipped.mjs';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..');
const MAX_BYTES = 1024 * 1024;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}`);
  return r.stdout;
}

/**
 * Build for production and pack. Returns the .vsix path, its size and the files it holds.
 * @param {{ print?: (line: string) => void }} [options]
 */
export function packageVsix({ print = console.log } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const file = join(repoRoot, `${name}-${version}.vsix`);
  const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');

  run('npm', ['run', 'build:schema', '--silent']);
  run(process.execPath, ['esbuild.mjs', '--production']);
  const files = run(vsce, ['ls', '--no-dependencies']).split('\n').filter(Boolean);
  const stray = files.filter((f) => !SHIPPED.some((p) => p.test(f)));
  if (stray.length) throw new Error(`the package would hold files that do not run (fix .vscodeignore):\n  ${stray.join('\n  ')}`);

  // README links relative to the repository (docs/images/*.png, docs/*.md) are rewritten by vsce
  // against package.json's repository, so the Marketplace page shows the screenshots.
  run(vsce, ['package', '--no-dependencies', '--out', file]);
  const bytes = statSync(file).size;
  if (bytes >= MAX_BYTES) throw new Error(`${file} is ${bytes} bytes, over the 1 MB budget`);
  print(`${file}: ${(bytes / 1024).toFixed(1)} KB, ${files.length} files`);
  return { file, bytes, files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { files } = packageVsix();
    for (const f of files) console.log(`  ${f}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
