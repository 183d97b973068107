/**
 * The vocabulary tables of docs/format.md (blocks and card fields of every kind), written between
 * marker comments so the prose around them stays hand-written.
 */

export const BEGIN = '<!-- vocabulary:begin -->';
export const END = '<!-- vocabulary:end -->';

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function definitionOf(name, kind, common) {
  return kind.definitions?.[name] ? { ...common.definitions[name], ...kind.definitions[name] } : common.definitions[name];
}

/** What a field holds, in a few words: its enumeration values, the block it references, or its type. */
function valueOf(field, kind, common) {
  const node = typeof field === 'string' ? definitionOf(field, kind, common) : field;
  if (node.references) return `ids of \`${node.references}\``;
  if (node.enum) return node.enum.map((e) => `\`${e.value}\``).join(' | ');
  if (node.type === 'array') return `list of ${node.items ? valueOf(node.items, kind, common) : 'values'}`;
  if (node.type === 'object') return `mapping (${Object.keys(node.properties ?? {}).map((p) => `\`${p}\``).join(', ')})`;
  return Array.isArray(node.type) ? node.type.join(' or ') : node.type ?? 'value';
}

function kindSection(kind, common) {
  const lines = [`### ${kind.label} (\`canvas: ${kind.kind}\`)`, '', kind.summary, ''];
  for (const [name, field] of Object.entries(kind.rootFields ?? {})) {
    lines.push(`- \`${name}\` (${valueOf(field, kind, common)}): ${field.description}`);
  }
  if (kind.rootFields) lines.push('');
  const grouped = kind.blocks.some((b) => b.group);
  lines.push(`| block (key) | title | question |${grouped ? ' side |' : ''} cell (column, row, span) on a ${kind.grid.columns}×${kind.grid.rows} grid |`);
  lines.push(`|---|---|---|${grouped ? '---|' : ''}---|`);
  for (const b of kind.blocks) {
    const place = `${b.cell.column}, ${b.cell.row}, ${b.cell.columns}×${b.cell.rows}`;
    lines.push(`| \`${b.key}\` | ${cell(b.title)} | ${b.question} |${grouped ? ` ${b.group} |` : ''} ${place} |`);
  }
  lines.push('', `Card fields besides ${Object.keys({ ...common.cardFields.head, ...common.cardFields.tail }).map((f) => `\`${f}\``).join(', ')}:`, '');
  lines.push('| block | field | value |', '|---|---|---|');
  for (const b of kind.blocks) {
    for (const [name, field] of Object.entries(b.card.fields ?? {})) lines.push(`| \`${b.key}\` | \`${name}\` | ${cell(valueOf(field, kind, common))} |`);
  }
  return lines.join('\n');
}

export function vocabularyTables(vocabulary) {
  const { common, kinds } = vocabulary;
  const status = common.definitions.status.enum.map((e) => `\`${e.value}\``).join(' | ');
  return [BEGIN, '<!-- Generated from vocabulary/ by npm run build:schema; do not edit. -->', '', `Every card may have ${Object.keys(common.cardFields.head).map((f) => `\`${f}\``).join(', ')}, ${Object.keys(common.cardFields.tail).map((f) => `\`${f}\``).join(', ')} (\`status\`: ${status}). Ids match \`${common.idPattern}\`.`, '', ...kinds.map((k) => kindSection(k, common) + '\n'), END].join('\n');
}

/** docs/format.md with its generated section replaced (or the text unchanged when it has no markers). */
export function withVocabularyTables(markdown, vocabulary) {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) return markdown;
  return markdown.slice(0, start) + vocabularyTables(vocabulary) + markdown.slice(end + END.length);
}
