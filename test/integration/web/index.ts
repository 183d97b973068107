// extensionTestsPath entry for the web-worker extension host. The launcher bundles it with the
// test files (the worker can only `require('vscode')`) and inlines the CANVAS_TEST_* settings.
import { config, runSuite } from '../suite/harness';

// The browser build: the Node entry reaches for `fs` and `path`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mocha: BrowserMocha = require('mocha/mocha.js');

/** `loadTests` requires every *.test file; the generated bundle entry passes it in. */
export function runWithTests(loadTests: () => void): Promise<void> {
  return runSuite(() => {
    mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30_000, ...(config.grep ? { grep: config.grep } : {}) });
    loadTests();
    return mocha;
  });
}
