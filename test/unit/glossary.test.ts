import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANVAS_KINDS, kindInfo, setCatalogue } from '../../src/core';

// The Korean glossary (docs/glossary.ko.md) holds one Korean word per concept; every Korean text the
// product shows must use it. The catalogues are keyed by English text, so "the English says X" is
// the test of "the Korean must say the glossary's word for X".

const ROOT = join(__dirname, '../../..');
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

interface Entry {
  en: string;
  ko: string;
  /** Other English forms of the term (singular, spelt otherwise). */
  match?: string[];
  /** Other Korean forms a sentence may use (a verb's other endings, the article's variant). */
  forms?: string[];
  /** English phrases in which the word means something else. */
  except?: string[];
  /** Whole English texts in which the word means something else. */
  exceptKeys?: string[];
  /** 'label': only the English label itself must translate to exactly the Korean term. */
  scope?: 'label';
}

const GLOSSARY_MD = readFileSync(join(ROOT, 'docs/glossary.ko.md'), 'utf8');

function glossaryEntries(): Entry[] {
  const block = /```json glossary\n([\s\S]*?)\n```/.exec(GLOSSARY_MD);
  assert.ok(block, 'docs/glossary.ko.md has a ```json glossary block');
  return JSON.parse(block[1]) as Entry[];
}

/** The rows (English, Korean) of the Markdown tables, in order. */
function tableRows(): [string, string][] {
  const rows: [string, string][] = [];
  for (const line of GLOSSARY_MD.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| English |')) continue;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim().replace(/\\\|/g, '|'));
    rows.push([cells[0], cells[1]]);
  }
  return rows;
}

/** Every (English, Korean) pair a Korean user can read: the l10n bundle and the manifest. */
function koreanPairs(): [string, string][] {
  const pairs: [string, string][] = Object.entries(readJson('l10n/bundle.l10n.ko.json'));
  const nls = readJson('package.nls.json');
  const nlsKo = readJson('package.nls.ko.json');
  for (const [key, english] of Object.entries(nls)) if (typeof nlsKo[key] === 'string') pairs.push([english, nlsKo[key]]);
  return pairs;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term as a whole-word, any-case pattern that also takes its plural and either separator. */
function termPattern(term: string): RegExp {
  const words = term.split(/[\s-]+/).map((word) => {
    const lower = word.toLowerCase();
    if (/[^aeiou]y$/.test(lower)) return `${escapeRegExp(lower.slice(0, -1))}(?:y|ies)`;
    if (!/^\w/.test(lower)) return escapeRegExp(lower);
    return `${escapeRegExp(lower)}(?:s|es)?`;
  });
  return new RegExp(`(?<![\\w-])${words.join('[\\s-]+')}(?![\\w-])`, 'i');
}

/**
 * The English a reader sees as words: code in backticks, quoted values and YAML ("canvas: {0}",
 * '{0}'), placeholders, file names and paths, and the product's name are not words to translate.
 */
const proseCache = new Map<string, string>();
function proseOf(english: string): string {
  let prose = proseCache.get(english);
  if (prose === undefined) proseCache.set(english, (prose = wordsOf(english)));
  return prose;
}

function wordsOf(english: string): string {
  return english
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/(^|[\s(])'[^']*'(?=[\s.,:;)]|$)/g, '$1 ')
    .replace(/\{\d+\}/g, ' ')
    .replace(/\S*\.(?:canvas\.ya?ml|canvas\.yml|ya?ml|md|json|bmml)\b/g, ' ')
    .replace(/\(command:[^)]*\)/g, ' ')
    .replace(/Canvas as Code/g, ' ');
}

const matchers = new Map<Entry, { patterns: RegExp[]; except: RegExp[] }>();

function mentions(entry: Entry, english: string): boolean {
  if (entry.exceptKeys?.includes(english)) return false;
  let matcher = matchers.get(entry);
  if (!matcher) {
    matcher = {
      patterns: [entry.en, ...(entry.match ?? [])].map(termPattern),
      except: (entry.except ?? []).map((phrase) => new RegExp(escapeRegExp(phrase), 'gi')),
    };
    matchers.set(entry, matcher);
  }
  let prose = proseOf(english);
  for (const phrase of matcher.except) prose = prose.replace(phrase, ' ');
  return matcher.patterns.some((pattern) => pattern.test(prose));
}

describe('Korean glossary (docs/glossary.ko.md)', () => {
  const entries = glossaryEntries();

  it('lists in its tables exactly the entries of its JSON block, in order', () => {
    assert.deepEqual(
      tableRows(),
      entries.map((e) => [e.en, e.ko]),
    );
  });

  it('gives each English term one Korean term', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      const key = e.en.toLowerCase();
      if (seen.has(key) && seen.get(key) !== e.ko) clashes.push(`${e.en}: ${seen.get(key)} / ${e.ko}`);
      seen.set(key, e.ko);
    }
    assert.deepEqual(clashes, []);
  });

  it('is used by every Korean text whose English has the term (l10n bundle and manifest)', () => {
    const pairs = koreanPairs();
    const failures: string[] = [];
    for (const entry of entries) {
      if (entry.scope === 'label') continue;
      const accepted = [entry.ko, ...(entry.forms ?? [])];
      for (const [english, korean] of pairs) {
        if (korean === english || !mentions(entry, english)) continue;
        if (!accepted.some((term) => korean.includes(term))) failures.push(`${JSON.stringify(english)} -> ${JSON.stringify(korean)}: expected "${entry.ko}" (for "${entry.en}")`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} Korean texts do not use the glossary's term:\n${failures.join('\n')}`);
  });

  it('is used by the Korean walkthrough pages (media/walkthrough/ko) where the English page has the term', () => {
    const dir = join(ROOT, 'media/walkthrough');
    const pages = readdirSync(join(dir, 'ko')).filter((f) => f.endsWith('.md'));
    assert.deepEqual(pages, readdirSync(dir).filter((f) => f.endsWith('.md')));
    const failures: string[] = [];
    for (const page of pages) {
      const english = readFileSync(join(dir, page), 'utf8');
      const korean = readFileSync(join(dir, 'ko', page), 'utf8');
      for (const entry of entries.filter((e) => e.scope !== 'label' && mentions(e, english))) {
        if (![entry.ko, ...(entry.forms ?? [])].some((term) => korean.includes(term))) failures.push(`${page}: expected "${entry.ko}" (for "${entry.en}")`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('has every label translated to exactly its Korean term', () => {
    const catalogue = new Map(koreanPairs());
    const english = new Set([...Object.keys(readJson('l10n/bundle.l10n.json')), ...Object.values(readJson('package.nls.json'))]);
    const failures: string[] = [];
    for (const entry of entries.filter((e) => e.scope === 'label')) {
      const labels = [entry.en, ...(entry.match ?? [])].filter((label) => english.has(label));
      if (labels.length === 0) failures.push(`"${entry.en}": no such English text in the catalogues (is the glossary stale?)`);
      for (const label of labels) {
        if (catalogue.get(label) !== entry.ko) failures.push(`"${label}" -> ${JSON.stringify(catalogue.get(label))}: expected "${entry.ko}"`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} labels differ from the glossary:\n${failures.join('\n')}`);
  });

  describe('block titles served in Korean', () => {
    const glossaryTerm = (englishTitle: string): Entry | undefined =>
      entries.find((e) => [e.en, ...(e.match ?? [])].some((term) => term.toLowerCase() === englishTitle.toLowerCase()));

    for (const kind of CANVAS_KINDS) {
      it(`${kind}: every block's title is the glossary's term`, () => {
        setCatalogue(undefined);
        const english = kindInfo(kind).blocks.map((b) => b.title);
        try {
          setCatalogue(readJson('l10n/bundle.l10n.ko.json'));
          const korean = kindInfo(kind).blocks.map((b) => b.title);
          const expected = english.map((title) => glossaryTerm(title)?.ko ?? `(no glossary entry for "${title}")`);
          assert.deepEqual(korean, expected);
        } finally {
          setCatalogue(undefined);
        }
      });
    }
  });

  describe('the term matcher', () => {
    const entry = (en: string, extra: Partial<Entry> = {}): Entry => ({ en, ko: '', ...extra });
    it('takes plurals, either separator and any case, whole words only', () => {
      assert.deepEqual(
        ['Key Activities here', 'a key-activity', 'KEY ACTIVITY', 'keyactivity', 'key activityish'].map((t) => mentions(entry('key activity'), t)),
        [true, true, true, false, false],
      );
      assert.deepEqual(
        ['segments', 'segmentation', 'segmented', 'multi-sided-platform segment'].map((t) => mentions(entry('segment'), t)),
        [true, false, false, true],
      );
    });
    it('skips code, placeholders, file names, command links and the product name', () => {
      assert.deepEqual(
        ['use `canvas`', '{0} canvas', 'open *.canvas.yaml', '[Go](command:canvasAsCode.newCanvas)', 'Canvas as Code', 'media/walkthrough/create-canvas.md'].map((t) =>
          mentions(entry('canvas'), t),
        ),
        [false, true, false, false, false, false],
      );
      assert.deepEqual(
        ['Add "canvas: {0}"', "'{0}' is not a block of a {1} canvas.", "the card's only canvas"].map((t) => mentions(entry('canvas'), t)),
        [false, true, true],
      );
    });
    it('skips the phrases and texts an entry excepts', () => {
      const gain = entry('gain', { except: ['gain status'] });
      assert.deepEqual([mentions(gain, 'Look good or gain status'), mentions(gain, 'One gain.')], [false, true]);
      const fit = entry('fit', { exceptKeys: ['Fit'] });
      assert.deepEqual([mentions(fit, 'Fit'), mentions(fit, 'a gap in the fit')], [false, true]);
    });
  });
});
