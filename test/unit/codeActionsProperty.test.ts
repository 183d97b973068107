/**
 * Property test of the quick fixes (issue 12, item 9). For every fixture (the examples, the test
 * fixtures, the unit tests' snippets) and for seeded mutations of them, every offered fix is applied
 * and the result revalidated. A fix must:
 *
 * 1. write well-formed edits: in range, not overlapping, not before a BOM, not splitting a CRLF or a
 *    surrogate pair, and with the file's own line breaks;
 * 2. leave the text outside its edits byte for byte;
 * 3. remove the problem it targets: no diagnostic of the same code and message template is left at
 *    the problem's place mapped through the edits (outside the edits, also with the same first
 *    argument: the missing block named, the card label);
 * 4. create no error of its own making: every error after the fix matches one before it (same code
 *    and template, at the mapped place; each used once), or is *revealed*: the fix corrected a key or
 *    an enumeration value to its closest spelling, and the error lies inside the corrected mapping
 *    (or, for duplicate-id and unknown-reference, names an id written there). A corrected block name
 *    then gets that block's own problems: that is the typo's, not the fix's;
 * 5. edit only the region it targets (the scalar the problem is on; the card it adds to; the block it
 *    adds to; the top level between blocks; for a kebab-case id, the id and its references); and
 * 6. change the canvas's data only there: every value that differs after the fix (compared as plain
 *    data, aliases expanded) is written inside that region. A value that changed through an alias
 *    (`*a` when the fix edited the list anchored `&a`) is written elsewhere and fails; the one
 *    exception is an id renamed with its references, where every copy is meant to follow.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { applyEdits, codeActions, MESSAGES, validateCanvas } from '../../src/core';
import type { CanvasDiagnostic, CodeAction, TextEdit } from '../../src/core';
import { MUTATION_NAMES, encode, mutate, describeMutations } from './canvasMutations';
import type { Encoding } from './canvasMutations';
import type { ValidationResult } from '../../src/core';
import { SNIPPETS } from './codeActionSnippets';
import { canvasFiles, lineBreakAfter, lineEndOf, lineStartOf, writtenEnd } from './canvasText';

const ROOT = join(__dirname, '../../..');

const FILES = [...canvasFiles(join(ROOT, 'examples')), ...canvasFiles(join(ROOT, 'test/fixtures'))];
const CORPUS: { name: string; text: string }[] = [
  ...FILES.map((file) => ({ name: file.slice(ROOT.length + 1), text: readFileSync(file, 'utf8') })),
  ...SNIPPETS.map((text, i) => ({ name: `snippet ${i}`, text })),
];

// ---------------------------------------------------------------------------------------------
// Text helpers (written here, not imported from the code under test)

/** The file's line break (its first), or undefined for a one-line file. */
function lineBreakOf(text: string): string | undefined {
  return /\r\n|\r|\n/.exec(text)?.[0];
}

type Interval = [number, number];

/** Where an offset of the text before the edits is after them: a range when an edit replaced it. */
function mapOffset(edits: readonly TextEdit[], offset: number): Interval {
  let delta = 0;
  for (const edit of edits) {
    if (offset < edit.start) break;
    if (offset <= edit.end) return [edit.start + delta, edit.start + delta + edit.newText.length];
    delta += edit.newText.length - (edit.end - edit.start);
  }
  return [offset + delta, offset + delta];
}

function keyString(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

// ---------------------------------------------------------------------------------------------
// The region a fix may edit

function cardLines(text: string, result: ValidationResult, offset: number): Interval[] {
  const card = result.model!.cards.find((c) => c.span.start <= offset && offset <= Math.max(c.span.end, c.span.start + 1));
  if (!card) return [];
  return [[lineStartOf(text, card.span.start), lineBreakAfter(text, writtenEnd(text, card.node))]];
}

function rootPairs(result: ValidationResult): Pair[] {
  const root = result.parsed!.doc.contents;
  return isMap(root) ? (root.items as Pair[]) : [];
}

/** A block's key and value, to the end of its last written line. */
function blockRegion(text: string, result: ValidationResult, block: string): Interval[] {
  const pair = rootPairs(result).find((p) => keyString(p.key) === block);
  const key = pair?.key as Node | undefined;
  if (!pair || !key?.range) return [];
  const value = pair.value as Node | null;
  const end = value?.range ? writtenEnd(text, value) : key.range[1];
  return [[key.range[0], lineBreakAfter(text, Math.max(end, key.range[1]))]];
}

/** The top level between blocks: from the end of one block's last line to the next key. */
function rootGaps(text: string, result: ValidationResult): Interval[] {
  const pairs = rootPairs(result);
  const gaps: Interval[] = [];
  let from = 0;
  for (const pair of pairs) {
    const key = pair.key as Node | null;
    if (!key?.range) continue;
    gaps.push([from, key.range[0]]);
    const value = pair.value as Node | null;
    from = lineEndOf(text, value?.range ? writtenEnd(text, value) : key.range[1]);
  }
  gaps.push([from, text.length]);
  return gaps;
}

const VALUE_PROPOSITIONS = 'value-propositions';
const RELATIONSHIPS = 'customer-relationships';

function targetRegion(text: string, result: ValidationResult, d: CanvasDiagnostic, fix: CodeAction): Interval[] | undefined {
  const model = result.model!;
  const own: Interval = [d.start, d.end];
  switch (fix.titleTemplate) {
    case 'Change "{0}" to "{1}"':
    case 'Rename "{0}" to the extension key "{1}"':
    case 'Write {0} as text: "{0}"':
    case 'Make {0} a list: [{0}]':
    case 'Change the reference to "{0}" (kebab-case)':
      return [own];
    case 'Change the duplicate id to "{0}"': {
      // The id, and the references that name this card (when it is the first with the id in its block).
      const card = model.cards.find((c) => c.id?.start === d.start);
      const first = model.cards.find((c) => c.block === card?.block && c.id?.value === d.args[0]);
      const references = first === card ? model.cards.flatMap((c) => c.references.filter((r) => r.id === d.args[0] && r.targetBlock === card?.block)) : [];
      return [own, ...references.map((r): Interval => [r.start, r.end])];
    }
    case 'Change the id to "{0}" (kebab-case)': {
      // The id and every reference to it (the fix is a rename).
      const id = d.args[0];
      const spans: Interval[] = [own];
      for (const card of model.cards) {
        if (card.id?.value === id) spans.push([card.id.start, card.id.end]);
        for (const reference of card.references) if (reference.id === id) spans.push([reference.start, reference.end]);
      }
      return spans;
    }
    case 'Remove "{0}" from {1}':
    case 'Add a name to the card':
    case 'Give the card the id "{0}"':
    case 'Add "{0}" to {1}':
    case 'Link to the other platform side: linked: [{0}]':
      return cardLines(text, result, d.start);
    case 'Add "{0}" to the {1} of {2} "{3}"':
    case 'Give the card the id "{0}" and add it to the {1} of {2} "{3}"': {
      // The cards that could name the segment (and the segment, for its new id).
      const block = d.code === 'unserved-segment' ? VALUE_PROPOSITIONS : RELATIONSHIPS;
      const named = model.cards.filter((c) => c.block === block).flatMap((c) => cardLines(text, result, c.span.start));
      return fix.titleTemplate.startsWith('Give') ? [...named, ...cardLines(text, result, d.start)] : named;
    }
    case 'Create the {0} "{1}" in {2}': {
      const block = fix.titleArgs[2];
      return model.blocks.has(block) ? blockRegion(text, result, block) : rootGaps(text, result);
    }
    case 'Add the {0} block with a first card':
    case 'Add "canvas: {0}"':
    case 'Add a title':
      return rootGaps(text, result);
    case 'Add a first card to {0}':
      return blockRegion(text, result, fix.titleArgs[0]);
    default:
      return undefined;
  }
}

const inside = (start: number, end: number, regions: Interval[]) => regions.some(([s, e]) => s <= start && end <= e);
const touches = (start: number, end: number, regions: Interval[]) => regions.some(([s, e]) => start <= e && s <= end);

// ---------------------------------------------------------------------------------------------
// What changed in the data, and where it is written

type Path = (string | number)[];
interface Change {
  path: Path;
  before: unknown;
  after: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function diffValues(before: unknown, after: unknown, path: Path, out: Change[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) diffValues(before[i], after[i], [...path, i], out);
  } else if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      diffValues(Object.hasOwn(before, key) ? before[key] : undefined, Object.hasOwn(after, key) ? after[key] : undefined, [...path, key], out);
    }
  } else if (!Object.is(before, after) && JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({ path, before, after });
  }
}

/**
 * The deepest node written along a data path: the node itself (with its key, in a mapping), or the
 * alias (or the last collection) the path goes through.
 */
function writtenAlong(doc: Document, path: Path): { node: Node | undefined; key?: Node; complete: boolean } {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (isAlias(node) || !node) return { node: (node as Node) ?? undefined, complete: false };
    let next: unknown;
    key = undefined;
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => keyString(p.key) === String(segment));
      next = pair?.value;
      key = (pair?.key as Node | undefined) ?? undefined;
      // `key:` with nothing after it: the key is where the value is written.
      if (pair && (next === null || next === undefined) && key?.range) return { node: key, key, complete: true };
    } else if (isSeq(node)) next = node.items[Number(segment)];
    if (next === undefined || next === null || !(next as Node).range) return { node: node as Node, complete: false };
    node = next;
  }
  return { node: node as Node, key, complete: !isAlias(node) };
}

// ---------------------------------------------------------------------------------------------
// The check of one fix

const REVEALING = new Set<string>([MESSAGES.unknownKeySuggest, MESSAGES.unknownKey, MESSAGES.badEnumSuggest]);

interface Stats {
  texts: number;
  fixes: number;
  revealed: number;
  byTitle: Map<string, number>;
}

/**
 * The same problem: the same code at `b`'s place mapped through the edits; for yaml-syntax and
 * schema also the same message template (one code, many problems). A rule's templates are variants of
 * one problem ("names no card in Channels" / "is a card in Customer Segments, but channels must name a
 * card in Channels"; a segment not served, with or without an id).
 */
function sameProblem(b: CanvasDiagnostic, a: CanvasDiagnostic, edits: readonly TextEdit[], strictArgs: boolean): boolean {
  if (a.code !== b.code || ((a.code === 'schema' || a.code === 'yaml-syntax') && a.template !== b.template)) return false;
  const [lo, hi] = mapOffset(edits, b.start);
  if (a.start < lo || a.start > hi) return false;
  // Strictly, the first argument too where it names the problem rather than the value the fix edits
  // (the missing key, the missing block, the card), so that problems reported at one place stay apart.
  return !strictArgs || (lo !== hi && b.template !== MESSAGES.missingKey) || a.args[0] === b.args[0];
}

/** The mapping the corrected key or value belongs to, in the text after the fix (for revealed problems). */
function correctedRegion(after: string, doc: Document, d: CanvasDiagnostic, edits: readonly TextEdit[]): Interval | undefined {
  const [at] = mapOffset(edits, d.start);
  let found: Interval | undefined;
  const visit = (node: unknown): void => {
    if (!isMap(node) && !isSeq(node)) return;
    for (const item of (node as YAMLMap | YAMLSeq).items) {
      if (isPair(item)) {
        const key = item.key as Node | null;
        const value = item.value as Node | null;
        if (key?.range?.[0] === at && d.template !== MESSAGES.badEnumSuggest) {
          found = [key.range[0], value?.range ? writtenEnd(after, value) : key.range[1]];
        } else if (value?.range?.[0] === at && d.template === MESSAGES.badEnumSuggest && (node as Node).range) {
          found = [(node as Node).range![0], writtenEnd(after, node)];
        }
        visit(item.value);
      } else visit(item);
    }
  };
  visit(doc.contents);
  return found;
}

function checkFix(text: string, before: ValidationResult, d: CanvasDiagnostic, fix: CodeAction, stats: Stats): string[] {
  const problems: string[] = [];
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const lineBreak = lineBreakOf(text) ?? '\n';
  // 1. Well-formed edits.
  edits.forEach((e, i) => {
    if (!(0 <= e.start && e.start <= e.end && e.end <= text.length)) problems.push(`edit out of range: ${JSON.stringify(e)}`);
    if (i > 0 && e.start < edits[i - 1].end) problems.push('overlapping edits');
    if (text.charCodeAt(0) === 0xfeff && e.start === 0) problems.push('an edit before the BOM');
    for (const at of [e.start, e.end]) {
      if (text[at - 1] === '\r' && text[at] === '\n') problems.push(`an edit splits a CRLF at ${at}`);
      const high = text.charCodeAt(at - 1);
      const low = text.charCodeAt(at);
      if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) problems.push(`an edit splits a surrogate pair at ${at}`);
    }
    const breaks = e.newText.match(/\r\n|\r|\n/g) ?? [];
    if (breaks.some((b) => b !== lineBreak)) problems.push(`an edit writes ${JSON.stringify(breaks)} into a file with ${JSON.stringify(lineBreak)} line breaks`);
  });
  if (problems.length) return problems;
  const after = applyEdits(text, fix.edits);

  // 2. The text outside the edits is byte-identical.
  let from = 0;
  let delta = 0;
  for (const e of edits) {
    if (after.slice(from + delta, e.start + delta) !== text.slice(from, e.start)) problems.push(`text changed between ${from} and ${e.start}`);
    if (after.slice(e.start + delta, e.start + delta + e.newText.length) !== e.newText) problems.push('an edit was not applied as written');
    delta += e.newText.length - (e.end - e.start);
    from = e.end;
  }
  if (after.slice(from + delta) !== text.slice(from)) problems.push(`text changed after ${from}`);

  const result = validateCanvas(after);
  // 3. The targeted problem is gone.
  // (Fewer of them than before: one value under an anchor can be one problem per alias, at one place.)
  const left = result.diagnostics.filter((a) => sameProblem(d, a, edits, true));
  const had = before.diagnostics.filter((b) => sameProblem(d, b, [], true));
  if (left.length >= had.length) problems.push(`the problem is still there: ${left.map((a) => `${a.code} "${a.message}"`).join('; ')}`);

  // 4. No new error of the fix's making.
  const unmatched = before.diagnostics.filter((b) => b.severity === 'error');
  let corrected: Interval | undefined | null = null;
  for (const a of result.diagnostics.filter((x) => x.severity === 'error')) {
    const i = unmatched.findIndex((b) => sameProblem(b, a, edits, false));
    if (i !== -1) {
      unmatched.splice(i, 1);
      continue;
    }
    if (fix.titleTemplate === 'Change "{0}" to "{1}"' && REVEALING.has(d.template) && result.parsed) {
      if (corrected === null) corrected = correctedRegion(after, result.parsed.doc, d, edits);
      const revealed =
        corrected &&
        (touches(a.start, a.start, [corrected]) || ((a.code === 'duplicate-id' || a.code === 'unknown-reference') && after.slice(...corrected).includes(a.args[0])));
      if (revealed) {
        stats.revealed++;
        continue;
      }
    }
    problems.push(`a new error: ${a.code} "${a.message}" on ${JSON.stringify(after.slice(a.start, a.end))}`);
  }

  // 5. The edits are inside the region the fix targets.
  const region = targetRegion(text, before, d, fix);
  if (!region) problems.push(`no region is known for "${fix.titleTemplate}": add it to the property test`);
  else for (const e of edits) if (!inside(e.start, e.end, region)) problems.push(`an edit outside the targeted region ${JSON.stringify(region)}: ${JSON.stringify(e)}`);

  // 6. The data changes only where the edits are written (not through an alias elsewhere).
  const valueBefore = before.parsed?.value;
  const valueAfter = result.parsed?.value;
  if (region && valueBefore !== undefined && valueAfter !== undefined && result.parsed && !result.parsed.hasSyntaxErrors) {
    const changes: Change[] = [];
    diffValues(valueBefore, valueAfter, [], changes);
    const mapped = region.map(([s, e]): Interval => [mapOffset(edits, s)[0], mapOffset(edits, e)[1]]);
    const renames = fix.titleTemplate === 'Change the id to "{0}" (kebab-case)' || fix.titleTemplate === 'Change the duplicate id to "{0}"';
    const renamed = renames ? { from: d.args[0], to: fix.titleArgs[0] } : undefined;
    for (const change of changes) {
      if (renamed && change.before === renamed.from && change.after === renamed.to) continue;
      const old = writtenAlong(before.parsed!.doc, change.path);
      const now = writtenAlong(result.parsed.doc, change.path);
      // A key added or removed is written where its key is; a changed value where the value is.
      const oldNode = change.after === undefined ? (old.key ?? old.node) : old.node;
      const nowNode = change.before === undefined ? (now.key ?? now.node) : now.node;
      const oldOk = change.before === undefined || (oldNode?.range && touches(oldNode.range[0], writtenEnd(text, oldNode), region));
      const nowOk = change.after === undefined || (nowNode?.range && touches(nowNode.range[0], writtenEnd(after, nowNode), mapped));
      const throughAlias = (change.before !== undefined && !old.complete) || (change.after !== undefined && !now.complete);
      if (!oldOk || !nowOk) {
        problems.push(`the data changed outside the fix's region at ${change.path.join('/')}: ${JSON.stringify(change.before)} -> ${JSON.stringify(change.after)}${throughAlias ? ' (through an alias)' : ''}`);
      }
    }
  }
  return problems;
}

/** Applies every fix offered on a text; returns the problems found, each with its fix and diagnostic. */
function checkText(text: string, stats: Stats): string[] {
  stats.texts++;
  const before = validateCanvas(text);
  if (!before.parsed || !before.model) return [];
  const problems: string[] = [];
  for (const d of before.diagnostics) {
    for (const fix of codeActions(text, d, before.parsed, before.model)) {
      stats.fixes++;
      stats.byTitle.set(fix.titleTemplate, (stats.byTitle.get(fix.titleTemplate) ?? 0) + 1);
      for (const problem of checkFix(text, before, d, fix, stats)) {
        problems.push(`${problem}\n    fix: ${fix.title} ${JSON.stringify(fix.edits)}\n    for: ${d.code} "${d.message}" at ${d.start}-${d.end} ${JSON.stringify(text.slice(d.start, d.end))}`);
      }
    }
  }
  return problems;
}


const SEED = 7;
const RUNS = 300;

describe('quick fixes: property test (every offered fix on every fixture and seeded mutations)', function () {
  this.timeout(60_000);
  const stats: Stats = { texts: 0, fixes: 0, revealed: 0, byTitle: new Map() };

  after(() => {
    const titles = [...stats.byTitle].sort((x, y) => y[1] - x[1]).map(([t, n]) => `${n} × ${t}`);
    console.log(`      ${stats.fixes} fixes checked on ${stats.texts} texts (${stats.revealed} errors revealed by corrected spellings)\n        ${titles.join('\n        ')}`);
  });

  it('every fixture, as written and with a BOM and CRLF line breaks', () => {
    const problems: string[] = [];
    for (const { name, text } of CORPUS) {
      // (The mutations below also try each line ending and BOM on its own.)
      for (const encoding of [{ bom: false, eol: 'lf' }, { bom: true, eol: 'crlf' }] as Encoding[]) {
        const variant = encoding.bom || encoding.eol !== 'lf' ? encode(text, encoding) : text;
        for (const problem of checkText(variant, stats)) problems.push(`${name} ${JSON.stringify(encoding)}: ${problem}`);
      }
    }
    assert.deepEqual(problems.slice(0, 10), [], `${problems.length} problems`);
    assert.ok(stats.fixes >= 400, `only ${stats.fixes} fixes exercised`);
  });

  if (process.env.FIXES_REPORT) {
    it('report: every problem found on the seeded mutations', () => {
      const mutation = fc.tuple(fc.nat({ max: MUTATION_NAMES.length - 1 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }));
      const encoding = fc.record({ bom: fc.boolean(), eol: fc.constantFrom<Encoding['eol']>('lf', 'lf', 'crlf', 'cr') });
      const inputs = fc.sample(fc.tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), encoding), { seed: SEED, numRuns: Number(process.env.FIXES_REPORT) });
      const kinds = new Map<string, string>();
      for (const [index, mutations, enc] of inputs) {
        const text = mutate(CORPUS[index].text, mutations, enc);
        for (const problem of checkText(text, stats)) {
          const kind = problem.split('\n')[0].replace(/\d+/g, 'N').slice(0, 60) + ' | ' + (/fix: ([^\[]*)/.exec(problem)?.[1] ?? '');
          if (!kinds.has(kind)) kinds.set(kind, `${CORPUS[index].name} ${describeMutations(mutations)} ${JSON.stringify(enc)}\n${JSON.stringify(text)}\n  ${problem}`);
        }
      }
      console.log([...kinds.values()].join('\n\n'));
    });
    return;
  }

  it(`seeded mutations of the fixtures (fast-check, seed ${SEED}, ${RUNS} runs)`, () => {
    const fixesBefore = stats.fixes;
    const mutation = fc.tuple(fc.nat({ max: MUTATION_NAMES.length - 1 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 }));
    const encoding = fc.record({ bom: fc.boolean(), eol: fc.constantFrom<Encoding['eol']>('lf', 'lf', 'crlf', 'cr') });
    fc.assert(
      fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), encoding, (index, mutations, enc) => {
        const text = mutate(CORPUS[index].text, mutations, enc);
        const problems = checkText(text, stats);
        if (problems.length) {
          throw new Error(`${CORPUS[index].name} with ${describeMutations(mutations)} ${JSON.stringify(enc)}:\n${JSON.stringify(text)}\n  ${problems.slice(0, 3).join('\n  ')}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
    assert.ok(stats.fixes - fixesBefore >= 1000, `only ${stats.fixes - fixesBefore} fixes exercised on mutations`);
  });
});
