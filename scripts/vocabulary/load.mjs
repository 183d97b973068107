/**
 * Reads vocabulary/ (common.yaml + one file per canvas kind) and checks that it hangs together, so
 * a slip in a hand-edited file fails the build with a sentence, not a broken schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

export function loadVocabulary(root) {
  const dir = join(root, 'vocabulary');
  const read = (name) => YAML.parse(readFileSync(join(dir, name), 'utf8'));
  const common = read('common.yaml');
  const kinds = common.kinds.map((kind) => {
    const vocabulary = read(`${kind}.yaml`);
    if (vocabulary.kind !== kind) throw new Error(`vocabulary/${kind}.yaml: kind is ${vocabulary.kind}, expected ${kind}`);
    checkKind(vocabulary, common);
    return vocabulary;
  });
  return { common, kinds };
}

function checkKind(kind, common) {
  const where = `vocabulary/${kind.kind}.yaml`;
  const keys = new Set();
  const definitions = new Set([...Object.keys(common.definitions), ...Object.keys(kind.definitions ?? {})]);
  for (const block of kind.blocks) {
    if (keys.has(block.key)) throw new Error(`${where}: block ${block.key} is defined twice`);
    keys.add(block.key);
    definitions.add(block.card.definition);
    for (const name of ['title', 'description', 'question', 'position', 'guide']) {
      if (typeof block[name] !== 'string' || !block[name]) throw new Error(`${where}: block ${block.key} has no ${name}`);
    }
    const { column, row, columns, rows } = block.cell ?? {};
    if (![column, row, columns, rows].every((n) => Number.isInteger(n) && n >= 1) || column + columns - 1 > kind.grid.columns || row + rows - 1 > kind.grid.rows) {
      throw new Error(`${where}: block ${block.key} has a cell outside the ${kind.grid.columns}x${kind.grid.rows} grid`);
    }
  }
  const visit = (node, path) => {
    if (typeof node === 'string') {
      if (!definitions.has(node)) throw new Error(`${where}: ${path} names no definition ${node}`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (node.references && !keys.has(node.references)) throw new Error(`${where}: ${path} references no block ${node.references}`);
    if (node.items) visit(node.items, `${path}.items`);
    for (const [name, sub] of Object.entries(node.properties ?? {})) visit(sub, `${path}.${name}`);
  };
  for (const block of kind.blocks) for (const [name, field] of Object.entries(block.card.fields ?? {})) visit(field, `${block.key}.${name}`);
  for (const [name, definition] of Object.entries(kind.definitions ?? {})) visit(definition, `definitions.${name}`);
  for (const [name, field] of Object.entries(kind.rootFields ?? {})) visit(field, `rootFields.${name}`);
}
