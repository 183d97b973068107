/**
 * Property test of the minimal-edit engine (issue 15): on every example and fixture canvas, as
 * written, with a BOM and CRLF or CR line breaks, and under seeded mutations (canvasMutations.ts),
 * random commands (random blocks of the kind, indexes in and out of range, names that need quoting,
 * field values the schema takes) either are refused with a template of EDITING_MESSAGES, or:
 *
 * 1. their edits are in range, do not overlap, and write only the file's own line breaks;
 * 2. the edited text has no YAML error, and no schema problem it did not have (a card moved to
 *    another block may bring fields that block does not take: that is the user's move);
 * 3. the canvas changes exactly as intended: the plain data of the whole file after the edit equals
 *    the data before with the command applied to it (a list spliced, a name or field set, a key
 *    or entry at a dotted path into an object field set or removed);
 * 4. every byte outside the edited card's lines is identical: each edit lies in the card's lines
 *    (its comment lines above included), in the line of its block's key (a block emptied or
 *    filled), or is an insertion into the target block (or, for a block created, whole lines at the
 *    top level that start with its key);
 * 5. a next command gives the same result on the incremental revalidation of the edited text (what
 *    the extension's document cache holds) as on a fresh one.
 *
 * A file with YAML syntax errors is refused by every command.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isSeq, Node, Pair, parseDocument } from 'yaml';
import { addCard, applyEdits, deleteCard, EDITING_MESSAGES, kindInfo, moveCard, renameCard, revalidateCanvas, setCardField, validateCanvas } from '../../src/core';
import type { EditResult, TextEdit, ValidationResult } from '../../src/core';
import { resolveRef, typesOf } from '../../src/core/schema';
import type { JsonSchema } from '../../src/core/schema';
import { describeMutations, encode, mutate, MUTATION_NAMES } from './canvasMutations';
import { canvasFiles, lineBreakAfter, lineStartOf, writtenEnd } from './canvasText';
import type { Encoding } from './canvasMutations';

const ROOT = join(__dirname, '../../..');

const CORPUS = [...canvasFiles(join(ROOT, 'examples')), ...canvasFiles(join(ROOT, 'test/fixtures'))].map((file) => ({
  name: file.slice(ROOT.length + 1),
  text: readFileSync(file, 'utf8'),
}));

const NAMES = ['Night owls', 'Night: owls', '# hash', '- dash', '*star', '&amp', '!bang', "'quoted'", '"dq"', 'yes', 'No', '42', '3.5', '2024-05-01', 'two\nlines', '빠른 픽업 🚕', ' padded ', 'a, b', '[x]', '{y}', '@at', '%pct', 'null', '~', 'a #b', 'ok'];

// ---------------------------------------------------------------------------------------------
// Text helpers (written here, not imported from the code under test)

const lfCopy = (text: string) => text.replace(/\r(?!\n)/g, '\n');
/** The first line of the comment lines right above the line starting at `start`. */
function commentsAbove(text: string, start: number): number {
  while (start > 0) {
    const above = lineStartOf(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(above, start))) break;
    start = above;
  }
  return start;
}
type Interval = [number, number];
const within = (edit: TextEdit, [start, end]: Interval) => start <= edit.start && edit.end <= end;

// ---------------------------------------------------------------------------------------------
// Commands and what they should do to the plain data

type Plain = Record<string, unknown>;
interface Command {
  name: 'addCard' | 'renameCard' | 'moveCard' | 'deleteCard' | 'setCardField';
  request: { block: string; index?: number; name?: string; toBlock?: string; toIndex?: number; field?: string; value?: unknown };
}

function run(text: string, { name, request }: Command, result: ValidationResult): EditResult {
  const commands = { addCard, renameCard, moveCard, deleteCard, setCardField } as Record<string, (t: string, r: ValidationResult, q: unknown) => EditResult>;
  return commands[name](text, result, request);
}

/** The plain data after the command, computed on the data (not the text). */
function intended(before: Plain, { name, request }: Command): Plain {
  const data = structuredClone(before);
  const list = (block: string) => (Array.isArray(data[block]) ? (data[block] as unknown[]) : (data[block] = []) as unknown[]);
  const { block, index = 0 } = request;
  switch (name) {
    case 'addCard': {
      const items = list(block);
      const notes = Array.isArray(before[block]) && (before[block] as unknown[]).length > 0 && (before[block] as unknown[]).every((i) => typeof i === 'string');
      items.splice(request.index ?? items.length, 0, notes ? request.name : { name: request.name });
      break;
    }
    case 'renameCard': {
      const items = list(block);
      items[index] = typeof items[index] === 'string' ? request.name : { ...(items[index] as Plain), name: request.name };
      break;
    }
    case 'deleteCard':
      list(block).splice(index, 1);
      break;
    case 'moveCard': {
      const [card] = list(block).splice(index, 1);
      list(request.toBlock!).splice(request.toIndex!, 0, card);
      break;
    }
    case 'setCardField': {
      const items = list(block);
      const card = items[index];
      const field = request.field!;
      if (typeof card === 'string') {
        if (field === 'name') items[index] = request.value;
        else if (request.value !== null) items[index] = setPath({ name: card }, field.split('.'), request.value);
      } else {
        items[index] = setPath({ ...(card as Plain) }, field.split('.'), request.value);
      }
    }
  }
  return data;
}

/**
 * A dotted path set in plain data: objects and lists missing on the way created, an index one past
 * a list's end appended; `null` removes, and an object or list left empty goes with its key, up to
 * the card's field.
 */
function setPath(card: Plain, segments: string[], value: unknown): Plain {
  type Holder = Record<string | number, unknown>;
  const chain: { holder: Holder; key: string | number }[] = [];
  let holder = card as Holder;
  let key: string | number = segments[0];
  for (const segment of segments.slice(1)) {
    let next: unknown = holder[key];
    if (next === undefined || next === null) {
      if (value === null) return card;
      next = /^\d+$/.test(segment) ? [] : {};
      holder[key] = next;
    }
    chain.push({ holder, key });
    holder = next as Holder;
    key = Array.isArray(next) ? Number(segment) : segment;
  }
  chain.push({ holder, key });
  if (value !== null) {
    holder[key] = value;
    return card;
  }
  if (!Object.hasOwn(holder, key)) return card;
  for (let i = chain.length - 1; i >= 0; i--) {
    const { holder: at, key: k } = chain[i];
    if (Array.isArray(at)) at.splice(k as number, 1);
    else delete at[k];
    const empty = Array.isArray(at) ? at.length === 0 : Object.keys(at).length === 0;
    if (i === 0 || !empty) break;
  }
  return card;
}

/** A random value for a field, from its schema: an enumeration's value, ids of the block it references, a name, a number. */
function valueFor(schema: JsonSchema, root: JsonSchema, ids: string[], pick: number): unknown {
  if (pick % 7 === 0) return null;
  const branches = (schema.anyOf ?? [schema]).map((b) => resolveRef(b, root));
  const branch = branches[pick % branches.length];
  if (branch.enum) return branch.enum[pick % branch.enum.length];
  const types = typesOf(branch);
  if (types.includes('array')) {
    const items = branch.items ? resolveRef(branch.items, root) : {};
    if (items.enum) return [items.enum[pick % items.enum.length]];
    if (typesOf(items).includes('object')) return [valueFor(items, root, ids, pick * 3 + 1), valueFor(items, root, ids, pick * 5 + 2)].slice(0, 1 + (pick % 2));
    const pool = items.pattern ? (ids.length ? ids : ['some-id']) : ['tag-a', 'tag-b', '빠른'];
    return pool.filter((_, i) => (pick >> i) & 1);
  }
  if (types.includes('integer') || types.includes('number')) return pick % 1000;
  if (types.includes('string')) return branch.pattern ? 'new-id-' + (pick % 5) : NAMES[pick % NAMES.length];
  if (types.includes('boolean')) return pick % 2 === 0;
  if (types.includes('object')) {
    // Some of its keys (the required ones always), each with a value of its own.
    const object: Plain = {};
    Object.entries(branch.properties ?? {}).forEach(([key, sub], i) => {
      if (!branch.required?.includes(key) && !((pick >> i % 8) & 1)) return;
      const value = valueFor(resolveRef(sub, root), root, ids, pick * 7 + i + 1);
      object[key] = value === null ? valueFor(resolveRef(sub, root), root, ids, pick * 7 + i + 2) : value;
    });
    return object;
  }
  return { unsupported: true };
}

/** A random command on the canvas: blocks of its kind (written or not), indexes in and a little out of range. */
function commandFor(result: ValidationResult, seeds: number[]): Command {
  const model = result.model!;
  const kind = kindInfo(model.kind);
  const [a, b, c, d, e] = seeds;
  const block = kind.blocks[a % kind.blocks.length].key;
  const entry = model.blocks.get(block);
  const count = entry?.itemCount ?? 0;
  const index = count ? b % (count + 1) : b % 2;
  const name = NAMES[c % NAMES.length];
  switch (d % 5) {
    case 0:
      return { name: 'addCard', request: e % 3 === 0 ? { block, name } : { block, name, index: b % (count + 2) } };
    case 1:
      return { name: 'renameCard', request: { block, index, name } };
    case 2:
      return { name: 'deleteCard', request: { block, index } };
    case 3: {
      const toBlock = e % 2 ? block : kind.blocks[e % kind.blocks.length].key;
      const toCount = model.blocks.get(toBlock)?.itemCount ?? 0;
      return { name: 'moveCard', request: { block, index, toBlock, toIndex: c % (toCount + 1) } };
    }
    default: {
      const card = entry?.cards.find((x) => x.index === index);
      const info = kind.blockByKey.get(block)!;
      const fields = Object.keys(info.card.properties ?? {});
      const field = fields[c % fields.length];
      const target = info.references.get(field);
      const ids = target ? model.cards.filter((x) => x.block === target && x.id).map((x) => x.id!.value) : [];
      const schema = resolveRef(info.card.properties![field], kind.schema);
      const value = valueFor(schema, kind.schema, ids, e + (card ? 0 : 1));
      const path = e % 3 ? dottedPath(schema, kind.schema, field, b + c) : undefined;
      if (path) return { name: 'setCardField', request: { block, index, field: path.field, value: valueFor(path.schema, kind.schema, ids, e + (card ? 0 : 1)) } };
      return { name: 'setCardField', request: { block, index, field, value } };
    }
  }
}

/**
 * For an object field (persona, checks) or a list of objects (segmentation): a dotted path into it
 * (`persona.goals`, `segmentation.1`, `segmentation.0.criteria`; indexes a little out of range too).
 */
function dottedPath(schema: JsonSchema, root: JsonSchema, field: string, pick: number): { field: string; schema: JsonSchema } | undefined {
  const keyOf = (object: JsonSchema, n: number) => {
    const keys = Object.keys(object.properties ?? {});
    return keys.length ? { key: keys[n % keys.length], schema: resolveRef(object.properties![keys[n % keys.length]], root) } : undefined;
  };
  if (typesOf(schema).includes('object')) {
    const sub = keyOf(schema, pick);
    return sub && { field: `${field}.${sub.key}`, schema: sub.schema };
  }
  const items = schema.items ? resolveRef(schema.items, root) : undefined;
  if (!typesOf(schema).includes('array') || !items || !typesOf(items).includes('object')) return undefined;
  const entry = `${field}.${pick % 3}`;
  const sub = pick % 2 ? keyOf(items, pick >> 1) : undefined;
  return sub ? { field: `${entry}.${sub.key}`, schema: sub.schema } : { field: entry, schema: items };
}

/**
 * A setCardField into an object field (persona, checks, segmentation) of a card of a block that
 * has one: a dotted path (a key, an entry, a key of an entry) or the whole value; undefined for a
 * kind without object fields.
 */
function objectFieldCommand(result: ValidationResult, seeds: number[]): Command | undefined {
  const model = result.model!;
  const kind = kindInfo(model.kind);
  const [a, b, c, , e] = seeds;
  const objectFields = kind.blocks.flatMap((info) =>
    Object.keys(info.card.properties ?? {})
      .filter((field) => {
        const schema = resolveRef(info.card.properties![field], kind.schema);
        const items = schema.items ? resolveRef(schema.items, kind.schema) : undefined;
        return typesOf(schema).includes('object') || Boolean(items && typesOf(items).includes('object'));
      })
      .map((field) => ({ info, field, schema: resolveRef(info.card.properties![field], kind.schema) })),
  );
  if (!objectFields.length) return undefined;
  const { info, field, schema } = objectFields[a % objectFields.length];
  const count = model.blocks.get(info.key)?.itemCount ?? 0;
  const index = count ? b % (count + 1) : 0;
  const path = e % 4 ? dottedPath(schema, kind.schema, field, b + c) : undefined;
  const value = valueFor(path?.schema ?? schema, kind.schema, [], e);
  return { name: 'setCardField', request: { block: info.key, index, field: path?.field ?? field, value } };
}

// ---------------------------------------------------------------------------------------------
// The checks

function schemaProblems(result: ValidationResult): string[] {
  return result.diagnostics.filter((d) => d.code === 'schema' || d.code === 'yaml-syntax').map((d) => `${d.code} ${d.template} ${d.args.join('|')}`).sort();
}

/** Where a command may write: see 4. in the header. */
function allowed(text: string, command: Command): { regions: Interval[]; insertions: Interval[]; createdKey?: string } {
  const doc = parseDocument(lfCopy(text));
  const root = doc.contents;
  const regions: Interval[] = [];
  const insertions: Interval[] = [];
  const blockPair = (key: string) => (isMap(root) ? (root.items as Pair[]).find((p) => (p.key as { value?: unknown })?.value === key) : undefined);
  const keyLine = (pair: Pair): Interval => {
    const start = lineStartOf(text, (pair.key as Node).range![0]);
    return [start, lineBreakAfter(text, (pair.key as Node).range![0])];
  };
  const extent = (pair: Pair): Interval => [commentsAbove(text, lineStartOf(text, (pair.key as Node).range![0])), lineBreakAfter(text, writtenEnd(text, pair.value ?? pair.key))];
  const { block, index } = command.request;
  const source = blockPair(block);
  if (command.name !== 'addCard' && source && isSeq(source.value)) {
    const seq = source.value;
    const item = seq.items[index!] as Node;
    if (seq.flow) regions.push([seq.range![0], seq.range![1]]);
    else {
      // The card's lines, from the first comment line above its dash's line.
      let dash = item.range![0];
      while (dash > 0 && text[dash] !== '-') dash--;
      regions.push([commentsAbove(text, lineStartOf(text, dash)), lineBreakAfter(text, writtenEnd(text, item))]);
    }
    regions.push(keyLine(source));
  }
  let createdKey: string | undefined;
  const targetKey = command.name === 'addCard' ? block : command.name === 'moveCard' ? command.request.toBlock! : undefined;
  if (targetKey) {
    const target = blockPair(targetKey);
    if (target) {
      insertions.push(extent(target));
      regions.push(keyLine(target));
      if (isSeq(target.value) && target.value.flow) regions.push([target.value.range![0], target.value.range![1]]);
    } else createdKey = targetKey;
  }
  return { regions, insertions, createdKey };
}

function check(text: string, command: Command, counts: Map<string, number>): string[] {
  const result = validateCanvas(text);
  const outcome = run(text, command, result);
  const label = `${command.name} ${JSON.stringify(command.request)}`;
  if ('error' in outcome) {
    counts.set(outcome.error, (counts.get(outcome.error) ?? 0) + 1);
    if (!(Object.values(EDITING_MESSAGES) as string[]).includes(outcome.error)) return [`${label}: not a template: ${outcome.error}`];
    if (outcome.error === EDITING_MESSAGES.internalError) return [`${label}: internal error ${outcome.args.join(' ')}`];
    return [];
  }
  counts.set('applied', (counts.get('applied') ?? 0) + 1);
  if (command.request.field?.includes('.')) counts.set('applied at a dotted path', (counts.get('applied at a dotted path') ?? 0) + 1);
  const problems: string[] = [];
  assert.ok(!result.parsed!.hasSyntaxErrors, `${label}: edited a file with syntax errors`);
  // 1. Well-formed edits.
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  for (const edit of outcome.edits) {
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) problems.push(`${label}: edit out of range`);
    if (text.charCodeAt(0) === 0xfeff && edit.start === 0 && edit.end >= 0 && edit.newText) problems.push(`${label}: writes before the BOM`);
    const breaks = edit.newText.match(/\r\n|\r|\n/g) ?? [];
    if (breaks.some((b) => b !== eol)) problems.push(`${label}: writes ${JSON.stringify(breaks)} into a file of ${JSON.stringify(eol)}`);
  }
  let after: string;
  try {
    after = applyEdits(text, outcome.edits);
  } catch (error) {
    return [`${label}: ${String(error)}`];
  }
  // 2. No YAML error, no new schema problem.
  const revalidated = validateCanvas(after);
  if (revalidated.parsed?.hasSyntaxErrors) return [`${label}: YAML errors after the edit:\n${after}`];
  const movedAcross = command.name === 'moveCard' && command.request.toBlock !== command.request.block;
  if (!movedAcross) {
    const old = schemaProblems(result);
    const fresh = schemaProblems(revalidated).filter((p) => {
      const i = old.indexOf(p);
      if (i === -1) return true;
      old.splice(i, 1);
      return false;
    });
    if (fresh.length) problems.push(`${label}: new schema problems ${fresh.join('; ')}`);
  }
  // 3. The data changes exactly as intended.
  const before = parseDocument(lfCopy(text)).toJS({ maxAliasCount: -1 }) as Plain;
  const now = parseDocument(lfCopy(after)).toJS({ maxAliasCount: -1 }) as Plain;
  try {
    assert.deepStrictEqual(now, intended(before, command));
  } catch {
    problems.push(`${label}: data not as intended:\n${after}`);
  }
  // 4. Only the card's lines, its block's key line, or insertions into the target block.
  const { regions, insertions, createdKey } = allowed(text, command);
  for (const edit of outcome.edits) {
    if (regions.some((r) => within(edit, r))) continue;
    if (edit.start === edit.end && insertions.some((r) => within(edit, r))) continue;
    const atLineStart = edit.start === lineStartOf(text, edit.start) || edit.start === text.length;
    if (createdKey && edit.start === edit.end && atLineStart && new RegExp(`(^|[\\r\\n])${createdKey}:`).test(edit.newText)) continue;
    problems.push(`${label}: edit ${JSON.stringify(edit)} outside the card, its block key and the target block`);
  }
  // 5. The extension computes edits on the cache's result, revalidated incrementally from the
  // version before: the next command must come out the same as on a fresh validation.
  const incremental = revalidateCanvas(validateCanvas(text), after);
  const next = { ...command, request: { ...command.request, index: 0, toIndex: 0 } };
  assert.deepStrictEqual(run(after, next, incremental), run(after, next, revalidated), `${label}: then ${JSON.stringify(next.request)} on the incremental result`);
  return problems;
}

const SEED = 15;
const RUNS = 100;
const seeds = fc.array(fc.nat({ max: 10_000 }), { minLength: 5, maxLength: 5 });

describe('editing engine: property test (every fixture, seeded mutations, random commands)', function () {
  this.timeout(300_000);

  it('every fixture, as written and with a BOM and CRLF or CR line breaks: 25 random commands each', () => {
    const counts = new Map<string, number>();
    for (const { name, text: written } of CORPUS) {
      for (const encoding of [{ bom: false, eol: 'lf' }, { bom: true, eol: 'crlf' }, { bom: false, eol: 'cr' }] as Encoding[]) {
        const text = encode(written, encoding);
        const result = validateCanvas(text);
        if (result.parsed?.hasSyntaxErrors) {
          const refused = run(text, { name: 'addCard', request: { block: 'customer-segments', name: 'x' } }, result);
          assert.deepEqual(refused, { error: EDITING_MESSAGES.syntaxErrors, args: [] }, name);
          continue;
        }
        fc.assert(
          fc.property(seeds, (s) => {
            const problems = check(text, commandFor(result, s), counts);
            assert.deepEqual(problems, [], `${name} ${JSON.stringify(encoding)}`);
          }),
          { seed: SEED, numRuns: 25, endOnFailure: true },
        );
      }
    }
    // Written canvases: every refusal is one the command asked for (a bad index or value), none about the file's form.
    assert.equal(counts.get(EDITING_MESSAGES.notEditable) ?? 0, 0, JSON.stringify([...counts]));
    assert.ok((counts.get('applied') ?? 0) > 500, JSON.stringify([...counts]));
  });

  it('object fields (persona, checks, segmentation): dotted paths and whole values on every fixture that has them, 25 each', () => {
    const counts = new Map<string, number>();
    for (const { name, text: written } of CORPUS) {
      for (const encoding of [{ bom: false, eol: 'lf' }, { bom: true, eol: 'crlf' }] as Encoding[]) {
        const text = encode(written, encoding);
        const result = validateCanvas(text);
        if (result.parsed?.hasSyntaxErrors || !result.model || !objectFieldCommand(result, [0, 0, 0, 0, 0])) continue;
        fc.assert(
          fc.property(seeds, (s) => {
            const problems = check(text, objectFieldCommand(result, s)!, counts);
            assert.deepEqual(problems, [], `${name} ${JSON.stringify(encoding)}`);
          }),
          { seed: SEED, numRuns: 25, endOnFailure: true },
        );
      }
    }
    assert.equal(counts.get(EDITING_MESSAGES.notEditable) ?? 0, 0, JSON.stringify([...counts]));
    assert.ok((counts.get('applied at a dotted path') ?? 0) > 200, JSON.stringify([...counts]));
    if (process.env.CANVAS_PROPERTY_COUNTS) console.log(JSON.stringify([...counts]));
  });

  it(`seeded mutations of the fixtures (fast-check, seed ${SEED}, ${RUNS} runs of 5 commands)`, () => {
    const mutation = fc.tuple(fc.nat({ max: MUTATION_NAMES.length - 1 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }));
    const encoding = fc.record({ bom: fc.boolean(), eol: fc.constantFrom<Encoding['eol']>('lf', 'lf', 'crlf', 'cr') });
    const counts = new Map<string, number>();
    fc.assert(
      fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), encoding, fc.array(seeds, { minLength: 5, maxLength: 5 }), (index, mutations, enc, commands) => {
        const text = mutate(CORPUS[index].text, mutations, enc);
        const result = validateCanvas(text);
        if (result.parsed?.hasSyntaxErrors || !result.model) return;
        for (const s of commands) {
          // Every other command, when the kind has object fields, goes into one of them.
          const command = (s[3] % 2 ? objectFieldCommand(result, s) : undefined) ?? commandFor(result, s);
          const problems = check(text, command, counts);
          assert.deepEqual(problems, [], `${CORPUS[index].name} with ${describeMutations(mutations)} ${JSON.stringify(enc)}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    assert.ok((counts.get('applied') ?? 0) > RUNS, JSON.stringify([...counts]));
    assert.ok((counts.get('applied at a dotted path') ?? 0) > 20, JSON.stringify([...counts]));
    if (process.env.CANVAS_PROPERTY_COUNTS) console.log(JSON.stringify([...counts]));
  });
});
