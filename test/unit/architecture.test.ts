import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.includes('generated'))
    .map((f) => join(dir, f));
}

describe('architecture', () => {
  it('the core imports neither vscode nor Node built-ins: it runs in the CLI, a web worker and a webview', () => {
    const offenders = sources(join(ROOT, 'src/core')).filter((file) =>
      /from ['"](vscode|node:[a-z_]+|fs|path|os|child_process|crypto)['"]|require\(['"](vscode|fs|path)['"]\)/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('the extension bundle (both hosts run it, the web worker too) contains no Node built-in requires', () => {
    const bundle = readFileSync(join(ROOT, 'dist/extension/extension.js'), 'utf8');
    assert.ok(statSync(join(ROOT, 'dist/extension/extension.js')).size > 0);
    assert.equal(/require\(["'](fs|path|os|child_process|node:[a-z_]+)["']\)/.test(bundle), false);
  });

  it('the extension validates without eval: the schema is compiled ahead of time', () => {
    for (const bundle of ['dist/extension/extension.js']) {
      const code = readFileSync(join(ROOT, bundle), 'utf8');
      assert.equal(/new Function\(/.test(code), false, `${bundle} has no new Function`);
    }
  });
});
