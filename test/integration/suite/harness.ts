// Runs the mocha suite inside an extension host (Node or web worker) and leaves the counts where
// the launcher looks for them. Settings come from the environment (Node host) or are inlined by
// the web bundle.
import * as vscode from 'vscode';
import { workspaceRoot } from './canvas';
import { discoverFixtures } from './fixtures';

/** Which launcher session this is: `node`, `web` (web-worker host) or `vsix` (installed package). */
export type Mode = 'node' | 'web' | 'vsix';

export const config = {
  mode: (process.env.CANVAS_TEST_MODE ?? 'node') as Mode,
  /** Absolute path (in the workspace's file system) for `{passed, failed, pending}`. */
  resultPath: process.env.CANVAS_TEST_RESULT ?? '',
  grep: process.env.CANVAS_TEST_GREP ?? '',
  /** `vsix` mode: where the package was installed (the extension must run from there). */
  extensionsDir: process.env.CANVAS_TEST_EXTENSIONS_DIR ?? '',
  /** The workbench's display language when the launcher was asked for one (run-integration --locale ko). */
  locale: process.env.CANVAS_TEST_LOCALE ?? '',
};

interface Runner {
  on(event: 'pass' | 'fail' | 'pending', listener: () => void): unknown;
}
interface MochaLike {
  run(done: (failures: number) => void): Runner;
}

async function writeResults(results: { passed: number; failed: number; pending: number }): Promise<void> {
  if (!config.resultPath) return;
  const uri = workspaceRoot().with({ path: config.resultPath });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ ...results, mode: config.mode })));
}

/**
 * Discover fixtures, then `load()` the test files (they turn fixtures into tests), run them and
 * record the counts. Rejects when a test failed, which VS Code turns into a non-zero exit.
 */
export async function runSuite(load: () => MochaLike): Promise<void> {
  await discoverFixtures();
  const mocha = load();
  const results = { passed: 0, failed: 0, pending: 0 };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => results.passed++);
    runner.on('fail', () => results.failed++);
    runner.on('pending', () => results.pending++);
  });
  await writeResults(results);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}
