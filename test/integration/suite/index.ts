// extensionTestsPath entry for the Node extension host (desktop VS Code or code-server).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { config, runSuite } from './harness';

export function run(): Promise<void> {
  return runSuite(() => {
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, grep: config.grep || undefined });
    for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
      mocha.addFile(path.join(__dirname, file));
    }
    return mocha;
  });
}
