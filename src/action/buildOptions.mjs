// The esbuild options of the GitHub Action's bundle (action.yml runs action/index.js), shared by
// esbuild.mjs and the unit test that rebuilds it to a temporary file and compares the bytes with
// the committed one (test/unit/action.test.ts). GitHub runs an action from the repository at a ref,
// without npm install: the bundle is committed, so it is always minified, with no source map and
// no absolute path in it, whatever --production says, so that every build writes the same bytes.
export const ACTION_ENTRY = 'src/action/main.ts';
export const ACTION_OUTFILE = 'action/index.js';

/** The options, `outfile` aside (the test writes elsewhere). Paths are relative to the repository root. */
export const actionBuildOptions = {
  entryPoints: [ACTION_ENTRY],
  bundle: true,
  // As the CLI bundle (esbuild.mjs): yaml's browser build is the same parser, without debug logging.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // src/cli/main.ts runs the CLI when it is the process's main module (`require.main === module`),
  // which in this bundle it would be: the action imports its command table, it must not run it.
  define: { 'require.main': 'undefined' },
};
