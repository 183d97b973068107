// One build script, one esbuild context per runtime: the extension (one bundle for the Node and the
// web-worker hosts), the preview webview, the CLI, the core as a library (bench, browser tests), and the integration suite.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_OUTFILE, actionBuildOptions } from './src/action/buildOptions.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  // yaml's node build reads process.env once per token (debug logging); its browser build is the same
  // parser without that, 15-35% faster on big canvases. Node runs it as is.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
};

/** Every *.ts file under a folder, recursively (the integration suite is loaded file by file). */
function tsFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

const builds = [
  {
    // The extension: one bundle for both extension hosts (package.json "main" and "browser"), the
    // Node host runs the web-worker build as is. Built for the browser, so the build fails if the
    // extension or the core reaches for a Node built-in (the web-worker host has none).
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  },
  {
    // The preview page: one classic script (iife) loaded by nonce under the webview's strict CSP
    // (its controls are native elements in the theme's colours: no component library).
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/preview.js',
    platform: 'browser',
    format: 'iife',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
  },
  {
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.js',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'cjs',
  },
  // The GitHub Action (action.yml): committed, so always built the same way (see its options).
  { ...actionBuildOptions, outfile: ACTION_OUTFILE },
];

const unitTests = tsFilesUnder('test/unit').filter((f) => f.endsWith('.test.ts'));
if (unitTests.length) {
  builds.push({
    entryPoints: unitTests,
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    bundle: true,
    packages: 'external', // yaml, ajv, fast-check, mocha load from node_modules
    platform: 'node',
    format: 'cjs',
    sourcemap: true,
    target: 'es2022',
    logLevel: 'warning',
  });
}

const integrationTests = tsFilesUnder('test/integration/suite');
if (integrationTests.length) {
  builds.push({
    entryPoints: integrationTests,
    outdir: 'out/test/integration/suite',
    outbase: 'test/integration/suite',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    sourcemap: true,
    target: 'es2022',
    logLevel: 'warning',
  });
}

// The two bundles of the extension before it had one (node.js, browser.js): a tree built then would
// otherwise ship them in the .vsix (.vscodeignore lets dist/extension/*.js in).
for (const stale of ['node.js', 'node.js.map', 'browser.js', 'browser.js.map']) rmSync(join('dist/extension', stale), { force: true });

const present = builds.filter((b) => (b.entryPoints ?? []).every((e) => existsSync(e)));
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
  console.log(`watching ${present.length} bundles`);
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
