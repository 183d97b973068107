// extensionTestsPath entry for the web-worker extension host. The launcher bundles it with the
// test files (the worker can only `require('vscode')`) and inlines the CANVAS_TEST_* settings.
import 'mocha/mocha.js'; // the browser build (the Node entry reaches for fs and path): sets globalThis.mocha
import { config, runSuite } from '../suite/harness';

/** `loadTests` requires every *.test file; the generated bundle entry passes it in. */
export function runWithTests(loadTests: () => void): Promise<void> {
  const { mocha } = globalThis as unknown as { mocha: BrowserMocha };
  return runSuite(() => {
    mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30_000, ...(config.grep ? { grep: config.grep } : {}) });
    loadTests();
    return mocha;
  });
}
