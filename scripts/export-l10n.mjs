// Writes l10n/bundle.l10n.json: every user-facing string of the extension (vscode.l10n.t calls) and of
// the core (its message templates), keyed by the English text, the form vscode.l10n expects.
// Translators copy it to bundle.l10n.<locale>.json (bundle.l10n.ko.json: Korean; test/unit/l10nKo.test.ts
// holds it complete). Run by `npm run build`.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const core = require(join(root, 'dist/core.js'));
// The CLI's own texts (CLI_MESSAGES, src/cli/messages.ts): the CLI carries the same bundles.
const cli = require(join(root, 'dist/cli.js'));

// Every exported table of English templates in the core (messages, quick-fix titles, rename refusals, ...) and the CLI.
const strings = new Set();
for (const [name, table] of [...Object.entries(core), ...Object.entries(cli)]) {
  if (/^[A-Z_]+$/.test(name) && table && typeof table === 'object' && !Array.isArray(table) && name.match(/MESSAGES|TITLES|_DOCS$|^CONFIG_KEYS$/)) {
    for (const value of Object.values(table)) if (typeof value === 'string') strings.add(value);
  }
}
const extensionDir = join(root, 'src/extension');
for (const file of readdirSync(extensionDir, { recursive: true })) {
  if (!String(file).endsWith('.ts')) continue;
  const source = readFileSync(join(extensionDir, String(file)), 'utf8');
  for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(match[1].replace(/\\'/g, "'"));
}
const bundle = Object.fromEntries([...strings].sort().map((s) => [s, s]));
mkdirSync(join(root, 'l10n'), { recursive: true });
writeFileSync(join(root, 'l10n/bundle.l10n.json'), JSON.stringify(bundle, null, 2) + '\n');
