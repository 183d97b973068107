import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildCanvasView, diffCanvases, exportBmml, importBmml, isValidBmml, renderHtml, validateCanvas } from '../../src/core';
import type { BmmlImportResult } from '../../src/core';

const ROOT = join(__dirname, '../../..');
const EXAMPLES = join(ROOT, 'test/fixtures/bmml/examples');
const CASES = join(ROOT, 'test/fixtures/bmml/cases');

/** The 15 BMML v2 examples (upstream, byte-identical), by path relative to EXAMPLES. */
const EXAMPLE_FILES = readdirSync(EXAMPLES, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.bmml'))
  .sort();

type Plain = Record<string, unknown>;

/** Every string of a parsed YAML tree, keys left out. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** BMML data with key order and the order of fit mappings (BMML gives them no meaning) normalised. */
function normalised(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalised(v));
    return key === 'mappings' ? items.map((m) => JSON.stringify(m)).sort() : items;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalised((value as Plain)[k], k)]));
  return value;
}

function importFile(path: string, options: { output?: string } = {}): BmmlImportResult {
  return importBmml(readFileSync(path, 'utf8'), { fileName: path.split('/').pop()!, ...options });
}

function exportOf(result: BmmlImportResult) {
  const [businessModel, ...valuePropositions] = result.files;
  return exportBmml({ businessModel, valuePropositions });
}

/** The BMML entries that become cards: the nine sections' entries and the value-proposition detail nested in them. */
function bmmlCardIds(data: Plain): string[] {
  const ids: string[] = [];
  for (const [key, entries] of Object.entries(data)) {
    if (key === 'meta' || key === 'version' || key === 'fits' || !Array.isArray(entries)) continue;
    for (const entry of entries as Plain[]) {
      ids.push(entry.id as string);
      for (const detail of ['jobs', 'pains', 'gains', 'products_services', 'pain_relievers', 'gain_creators']) {
        for (const item of (entry[detail] as Plain[] | undefined) ?? []) ids.push(item.id as string);
      }
    }
  }
  return ids;
}

/** The ids of every card of a canvas (every block is a list of cards). */
function canvasCardIds(data: Plain): string[] {
  return Object.values(data)
    .filter(Array.isArray)
    .flatMap((cards) => (cards as Plain[]).map((c) => c.id as string));
}

describe('BMML import and export: the 15 BMML v2 examples round trip', () => {
  const FILES: Record<string, number> = {
    'airbnb.bmml': 3,
    'freemium.bmml': 3,
    'marketplace.bmml': 3,
    'meal-kit-delivery.bmml': 3,
    'meal-kit-full.bmml': 5,
    'meal-kit-minimal.bmml': 1,
    'photo-sharing-pivot.bmml': 4,
    'photo-sharing-v1.bmml': 2,
    'progressive/01-minimal.bmml': 1,
    'progressive/02-profiles.bmml': 3,
    'progressive/03-valuemaps.bmml': 5,
    'progressive/04-fits.bmml': 5,
    'saas-platform.bmml': 3,
    'skillbridge.bmml': 5,
    'subscription-box.bmml': 3,
  };

  it('finds the 15 examples', () => {
    assert.deepEqual(EXAMPLE_FILES, Object.keys(FILES).sort());
  });

  const totals = { files: 0, cards: 0, texts: 0, kept: 0, fits: 0 };
  for (const example of Object.keys(FILES)) {
    it(`${example}: import validates, keeps every card and text; export passes BMML's schema with the same data; re-import has an empty semantic diff`, () => {
      const source = readFileSync(join(EXAMPLES, example), 'utf8');
      const data = parse(source) as Plain;
      const first = importFile(join(EXAMPLES, example));
      assert.deepEqual(first.problems, []);
      assert.equal(first.files.length, FILES[example]);
      assert.deepEqual(
        first.files.map((f) => f.kind),
        ['business-model', ...Array(FILES[example] - 1).fill('value-proposition')],
      );
      // Every canvas validates with no errors.
      for (const file of first.files) {
        const errors = validateCanvas(file.text).diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors, [], `${file.name} has no errors`);
      }
      // Every card (by id) and every piece of text of the BMML file is in the canvases.
      const canvases = first.files.map((f) => parse(f.text) as Plain);
      const cardIds = new Set(canvases.flatMap(canvasCardIds));
      const bmmlIds = bmmlCardIds(data);
      assert.deepEqual(bmmlIds.filter((id) => !cardIds.has(id)), []);
      const texts = new Set(canvases.flatMap((c) => strings(c)));
      const bmmlTexts = strings({ ...data, version: undefined });
      assert.deepEqual(bmmlTexts.filter((t) => !texts.has(t)), []);
      // Export: BMML's schema, read back the way BMML reads it; the data is the original's.
      const exported = exportOf(first);
      assert.deepEqual(exported.problems, []);
      assert.deepEqual(exported.dropped, []);
      assert.deepEqual(exported.notes, []);
      const back = parse(exported.text!, { version: '1.1' });
      assert.equal(isValidBmml(back), true);
      assert.deepEqual(normalised(back), normalised(data));
      // Re-import: the same canvases, semantically (src/core/diff) and byte for byte.
      const second = importBmml(exported.text!, { fileName: example.split('/').pop()! });
      assert.deepEqual(second.problems, []);
      assert.deepEqual(
        second.files.map((f) => f.name),
        first.files.map((f) => f.name),
      );
      second.files.forEach((file, i) => {
        const diff = diffCanvases(validateCanvas(first.files[i].text).model, validateCanvas(file.text).model);
        assert.equal(diff.equal, true, `${file.name}: ${JSON.stringify(diff.summary)}`);
        assert.equal(file.text.replace(/^#.*\n/gm, ''), first.files[i].text.replace(/^#.*\n/gm, ''));
      });
      totals.files += first.files.length;
      totals.cards += bmmlIds.length;
      totals.texts += bmmlTexts.length;
      totals.kept += first.kept.length;
      totals.fits += ((data.fits as unknown[]) ?? []).length;
    });
  }

  it('over the 15: 49 canvases, 1,050 cards and 3,328 texts (ids and links included) found, 61 values kept under x-bmml, 28 fits', () => {
    assert.deepEqual(totals, { files: 49, cards: 1050, texts: 3328, kept: 61, fits: 28 });
  });
});
