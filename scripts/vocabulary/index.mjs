/**
 * Everything derived from vocabulary/: the files `npm run build:schema` writes and the staleness
 * test (test/unit/vocabulary.test.ts) compares, as path -> text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadVocabulary } from './load.mjs';
import { dispatcherSchema, kindSchema } from './schema.mjs';
import { vocabularyMessagesModule } from './messages.mjs';
import { withVocabularyTables } from './docs.mjs';
import { runtimeSchemas } from './runtime.mjs';

const json = (value) => JSON.stringify(value, null, 2) + '\n';

/** Committed outputs (schemas, docs) and the generated core module, relative to the repository root. */
export function generatedFiles(root) {
  const vocabulary = loadVocabulary(root);
  const files = new Map();
  const schemas = Object.fromEntries(vocabulary.kinds.map((kind) => [kind.kind, kindSchema(kind, vocabulary)]));
  for (const [kind, schema] of Object.entries(schemas)) files.set(`schemas/${kind}.schema.json`, json(schema));
  files.set('schemas/canvas.schema.json', json(dispatcherSchema(vocabulary)));
  const docsPath = join(root, 'docs/format.md');
  if (existsSync(docsPath)) files.set('docs/format.md', withVocabularyTables(readFileSync(docsPath, 'utf8'), vocabulary));
  files.set('src/core/generated/vocabularyMessages.ts', vocabularyMessagesModule(vocabulary));
  files.set('src/core/generated/kindSchemas.json', JSON.stringify(runtimeSchemas(schemas)) + '\n');
  return { vocabulary, files };
}
