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

describe('BMML import: hand-made cases', () => {
  const kept = (result: BmmlImportResult) => result.kept.map((k) => `${k.file}:${k.line} ${k.path}`);
  const where = (result: BmmlImportResult) => result.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.key} ${p.message}`);

  it('Korean, Japanese and emoji text, Markdown and HTML in descriptions: kept as inert text, and quoted where BMML reads YAML 1.1', () => {
    const result = importFile(join(CASES, 'multilingual.bmml'));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.files.map((f) => f.name),
      ['multilingual.canvas.yaml', 'multilingual.fit-banchan-workers.canvas.yaml'],
    );
    const bm = parse(result.files[0].text) as Plain;
    assert.equal(bm.title, '서울 반찬 구독 🍱');
    assert.equal(bm.description, '매주 <b>집밥</b>을 **문 앞까지** — 毎週、家庭の味を');
    assert.deepEqual(bm['customer-segments'], [{ id: 'cs-workers', name: '맞벌이 직장인', description: "<script>alert('x')</script> [click](javascript:alert(1)) # not a heading" }]);
    assert.ok(result.files[0].text.includes('\ntitle: 서울 반찬 구독 🍱\n'));
    const vpc = parse(result.files[1].text) as Plain;
    assert.deepEqual(vpc.pains, [
      { id: 'pain-time', name: '時間がない: 買い物も料理も' },
      { id: 'pain-waste', name: '- 식재료가 남아서 버려진다\n- 두 번째 줄' },
    ]);
    assert.deepEqual(vpc['pain-relievers'], [{ id: 'pr-ready', name: '데우기만 하면 끝', relieves: ['pain-time', 'pain-waste'] }]);
    for (const file of result.files) assert.deepEqual(validateCanvas(file.text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
    // The preview/HTML export escapes it: no element comes from the description.
    const view = buildCanvasView(validateCanvas(result.files[0].text));
    const html = renderHtml(view);
    assert.equal(html.includes('<script>alert'), false);
    assert.ok(html.includes('&lt;script&gt;alert('));
    // Export: text YAML 1.1 would read as a date or a boolean is quoted; everything else comes back as it was.
    const exported = exportOf(result);
    assert.ok(exported.text!.includes('\n  created: "2024-03-01"\n'));
    assert.ok(exported.text!.includes('\n        description: "yes"\n'));
    assert.ok(exported.text!.includes('\n  name: 서울 반찬 구독 🍱\n'));
    assert.deepEqual(normalised(parse(exported.text!, { version: '1.1' })), normalised({ ...(parse(readFileSync(join(CASES, 'multilingual.bmml'), 'utf8')) as Plain) }));
  });

  it('many-to-many fits: a 2 x 2 fit is one canvas per proposition and segment, a reliever for several pains and several relievers for one pain become relieves lists; export gives the same fits', () => {
    const result = importFile(join(CASES, 'many-to-many.bmml'));
    assert.deepEqual(result.problems, []);
    const files = Object.fromEntries(result.files.map((f) => [f.name.replace(/\.canvas\.yaml$/, '').replace(/^many-to-many\./, ''), parse(f.text) as Plain]));
    assert.deepEqual(Object.keys(files), ['many-to-many', 'fit-wide.vp-x.cs-a', 'fit-wide.vp-x.cs-b', 'fit-wide.vp-y.cs-a', 'fit-wide.vp-y.cs-b', 'fit-y-a']);
    const relievers = (name: string) => (files[name]['pain-relievers'] as Plain[]).map((c) => [c.id, c.relieves]);
    assert.deepEqual(relievers('fit-wide.vp-x.cs-a'), [
      ['pr-x1', ['pain-a1', 'pain-a2']],
      ['pr-x2', ['pain-a1']],
    ]);
    assert.deepEqual(relievers('fit-wide.vp-x.cs-b'), [
      ['pr-x1', ['pain-b1']],
      ['pr-x2', undefined],
    ]);
    assert.deepEqual(relievers('fit-wide.vp-y.cs-b'), [['pr-y1', ['pain-b1']]]);
    assert.deepEqual(relievers('fit-y-a'), [['pr-y1', undefined]]);
    assert.deepEqual((files['fit-wide.vp-x.cs-b']['gain-creators'] as Plain[])[0].creates, ['gain-b1']);
    assert.deepEqual(files['fit-wide.vp-y.cs-a']['x-bmml'], { fit: 'fit-wide' });
    assert.deepEqual(
      (files['many-to-many']['value-propositions'] as Plain[]).map((c) => c.segments),
      [
        ['cs-a', 'cs-b'],
        ['cs-a', 'cs-b'],
      ],
    );
    for (const file of result.files) assert.deepEqual(validateCanvas(file.text).diagnostics.filter((d) => d.severity === 'error'), []);
    const exported = exportOf(result);
    assert.deepEqual([exported.dropped, exported.notes, exported.problems], [[], [], []]);
    assert.deepEqual(normalised(parse(exported.text!)), normalised(parse(readFileSync(join(CASES, 'many-to-many.bmml'), 'utf8'))));
  });

  it('merge keys and aliases are resolved as BMML reads them', () => {
    const result = importFile(join(CASES, 'merge-keys.bmml'));
    assert.deepEqual(result.problems, []);
    const bm = parse(result.files[0].text) as Plain;
    assert.deepEqual(bm['value-propositions'], [{ id: 'vp-one', name: 'Shared name' }]);
    assert.deepEqual(bm.channels, [
      { id: 'ch-web', name: 'Web', 'value-propositions': ['vp-one'], segments: ['cs-one'] },
      { id: 'ch-shop', name: 'Shop', 'value-propositions': ['vp-one'], segments: ['cs-one'] },
    ]);
    assert.deepEqual(bm['customer-relationships'], [
      { id: 'cr-help', name: 'Help desk', segments: ['cs-one'] },
      { id: 'cr-chat', name: 'Chat', segments: ['cs-one'] },
    ]);
    const exported = exportOf(result);
    assert.deepEqual(exported.dropped, []);
    assert.deepEqual(normalised(parse(exported.text!)), normalised(parse(readFileSync(join(CASES, 'merge-keys.bmml'), 'utf8'), { merge: true })));
  });

  it('a BMML v1 file is refused, by its version or by its v1 structure, pointing to bmml migrate', () => {
    for (const [file, problem] of [
      ['v1.bmml', '1:1 error version1 this is a BMML v1 file (version: "1.0"); import reads BMML v2. Convert it with BMML\'s own tool first: "bmml migrate v1.bmml" prints the v2 file ("bmml migrate --in-place v1.bmml" rewrites it)'],
      ['v1-no-version.bmml', '6:1 error version1 this is a BMML v1 file (the v1 section "cost_structure"); import reads BMML v2. Convert it with BMML\'s own tool first: "bmml migrate v1-no-version.bmml" prints the v2 file ("bmml migrate --in-place v1-no-version.bmml" rewrites it)'],
    ]) {
      const result = importFile(join(CASES, file));
      assert.deepEqual([where(result), result.files, result.kept], [[problem], [], []]);
    }
    const other = importBmml('version: "3.0"\nmeta: {name: X}\n', { fileName: 'x.bmml' });
    assert.deepEqual(where(other), ['1:1 error otherVersion BMML version "3.0" is not supported; import reads version "2.0" (a v1 file converts with "bmml migrate x.bmml")']);
  });

  it('unknown sections and keys are kept under x-bmml and listed; export drops what BMML\'s schema refuses, listed', () => {
    const result = importFile(join(CASES, 'unknown-sections.bmml'));
    assert.deepEqual(where(result), ['17:1 warning unknownSection unknown section "experiments" (not BMML v2): kept under x-bmml']);
    assert.deepEqual(kept(result), [
      'unknown-sections.canvas.yaml:5 meta.portfolio',
      'unknown-sections.canvas.yaml:6 meta.stage',
      'unknown-sections.canvas.yaml:7 meta.owner',
      'unknown-sections.canvas.yaml:11 customer_segments[0].size',
      'unknown-sections.canvas.yaml:13 customer_segments[0].for.key_resources',
      'unknown-sections.canvas.yaml:17 experiments',
    ]);
    const bm = parse(result.files[0].text) as Plain;
    assert.deepEqual(bm['customer-segments'], [{ id: 'cs-one', name: 'One', 'x-bmml': { size: 12000, for: { key_resources: ['kr-team'] } } }]);
    assert.deepEqual(bm['x-bmml'], { meta: { portfolio: 'explore', stage: 'ideation', owner: 'Ada' }, experiments: [{ id: 'exp-1', hypothesis: 'People want it', notes: ['first', 'second'] }] });
    assert.deepEqual(validateCanvas(result.files[0].text).diagnostics.filter((d) => d.severity === 'error'), []);
    const exported = exportOf(result);
    const reason = "BMML v2's schema allows no such key (import kept it under x-bmml)";
    assert.deepEqual(exported.dropped, [
      { file: 'unknown-sections.canvas.yaml', path: 'bmml:experiments', value: [{ id: 'exp-1', hypothesis: 'People want it', notes: ['first', 'second'] }], reason },
      { file: 'unknown-sections.canvas.yaml', path: 'bmml:meta.owner', value: 'Ada', reason },
      { file: 'unknown-sections.canvas.yaml', path: 'bmml:customer_segments[0].size', value: 12000, reason },
      { file: 'unknown-sections.canvas.yaml', path: 'bmml:customer_segments[0].for', value: { key_resources: ['kr-team'] }, reason },
    ]);
    assert.equal(isValidBmml(parse(exported.text!)), true);
  });

  it('dangling links are kept (our validator then reports them) and listed; export leaves them out, listed', () => {
    const result = importFile(join(CASES, 'dangling.bmml'));
    assert.deepEqual(where(result), [
      '17:36 warning dangling channels[0].for.value_propositions names "vp-gone", which is no value proposition of this file (kept as written)',
      '18:27 warning dangling channels[0].for.customer_segments names "cs-missing", which is no customer segment of this file (kept as written)',
      "25:9 warning unplacedMapping the fit mapping [pr-nothing, pain-nothing] pairs no pain reliever with a pain or gain creator with a gain of the fit's value proposition and segment: kept under x-bmml",
    ]);
    assert.deepEqual(kept(result), ['dangling.canvas.yaml:5 meta.portfolio', 'dangling.canvas.yaml:6 meta.stage', 'dangling.fit-one.canvas.yaml:25 fits[0].mappings[0]']);
    const bm = parse(result.files[0].text) as Plain;
    assert.deepEqual(bm.channels, [{ id: 'ch-web', name: 'Web', 'value-propositions': ['vp-one', 'vp-gone'], segments: ['cs-missing'] }]);
    assert.deepEqual(
      validateCanvas(result.files[0].text).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, result.files[0].text.slice(d.start, d.end)]),
      [
        ['unknown-reference', 'vp-gone'],
        ['unknown-reference', 'cs-missing'],
      ],
    );
    assert.deepEqual((parse(result.files[1].text) as Plain)['x-bmml'], { fit: 'fit-one', mappings: [['pr-nothing', 'pain-nothing']] });
    const exported = exportOf(result);
    assert.deepEqual(exported.dropped, [
      { file: 'dangling.canvas.yaml', path: 'channels[0].value-propositions[1]', value: 'vp-gone', reason: 'names no value proposition of the exported model' },
      { file: 'dangling.canvas.yaml', path: 'channels[0].segments[0]', value: 'cs-missing', reason: 'names no customer segment of the exported model' },
    ]);
    assert.deepEqual((parse(exported.text!) as Plain).fits, [{ id: 'fit-one', for: { value_propositions: ['vp-one'], customer_segments: ['cs-one'] }, mappings: [['pr-nothing', 'pain-nothing']] }]);
  });

  it('refused with a line, nothing imported: duplicate ids, invalid YAML, a list, an empty file, a file over the size limit, binary data', () => {
    assert.deepEqual(where(importFile(join(CASES, 'duplicate-ids.bmml'))), ['9:9 error duplicateId the id "cs-one" is used twice (first on line 7); ids must be unique, so which one a link means is unknown']);
    assert.deepEqual(where(importFile(join(CASES, 'invalid-yaml.bmml'))), ['4:1 error yamlError not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    assert.deepEqual(where(importFile(join(CASES, 'list.bmml'))), ['1:1 error notMapping a BMML file is a YAML mapping (version, meta, customer_segments, …); this one is a list']);
    assert.deepEqual(where(importBmml('', { fileName: 'e.bmml' })), ['undefined:undefined error empty the file holds no BMML (it is empty)']);
    assert.deepEqual(where(importBmml('version: "2.0"\n'.repeat(100), { fileName: 'big.bmml', maxLength: 1024 })), ['undefined:undefined error tooLarge file too large (2 KB; the limit is 1 KB)']);
    assert.deepEqual(where(importBmml('version: "2.0"\n\u0000', { fileName: 'bin.bmml' })), ['2:1 error notText not a text file (it holds a NUL byte)']);
    assert.deepEqual(where(importBmml('a: '.repeat(5000) + 'x', { fileName: 'deep.bmml' })).map((p) => p.split(' ').slice(1, 3).join(' ')), ['error tooDeep']);
  });
});

describe('BMML export: a canvas made here', () => {
  it('examples/ride-hailing.canvas.yaml: ids get BMML prefixes, required meta is filled in, and every value BMML has no place for is listed', () => {
    const text = readFileSync(join(ROOT, 'examples/ride-hailing.canvas.yaml'), 'utf8');
    const result = exportBmml({ businessModel: { name: 'ride-hailing.canvas.yaml', text } });
    assert.deepEqual(result.problems, []);
    const data = parse(result.text!, { version: '1.1' }) as Plain;
    assert.equal(isValidBmml(data), true);
    assert.deepEqual(data.meta, { name: 'Ride-hailing for Seoul', tagline: (parse(text) as Plain).description, portfolio: 'explore', stage: 'ideation' });
    assert.deepEqual(
      result.notes.map((n) => n.message).slice(0, 3),
      ['customer segment id "riders" written as "cs-riders" (BMML ids start with "cs-")', 'customer segment id "drivers" written as "cs-drivers" (BMML ids start with "cs-")', 'customer segment id "business-travellers" written as "cs-business-travellers" (BMML ids start with "cs-")'],
    );
    assert.equal(result.notes.length, 37);
    assert.deepEqual((data.channels as Plain[])[0], { id: 'ch-rider-app', name: 'Rider app', for: { customer_segments: ['cs-riders', 'cs-business-travellers'] } });
    // A proposition's segments become fits (BMML relates the two only through fits): 8 pairs.
    assert.equal((data.fits as Plain[]).length, 8);
    assert.deepEqual((data.fits as Plain[])[0], { id: 'fit-fast-pickup-riders', for: { value_propositions: ['vp-fast-pickup'], customer_segments: ['cs-riders'] } });
    // 113 values dropped, by field: types, status, personas, extension keys...
    const fields: Record<string, number> = {};
    for (const d of result.dropped) fields[d.path.replace(/^.*\./, '')] = (fields[d.path.replace(/^.*\./, '')] ?? 0) + 1;
    assert.deepEqual(fields, {
      amount: 4, channels: 5, checks: 3, color: 3, complaints: 1, customization: 1, description: 4, driver: 2, feedback: 1, growth: 2, lifecycle: 1, linked: 2, motivations: 8,
      notes: 2, ownership: 4, persona: 2, phases: 4, pricing: 3, priority: 3, privacy: 1, retention: 1, segmentation: 3, size: 3, status: 7, support: 1, tags: 4, touchpoints: 1,
      type: 33, 'x-currency': 1, 'x-last-reviewed': 1, 'x-locations': 1, 'x-owner': 1,
    });
    assert.equal(result.dropped.length, 113);
    assert.deepEqual(result.dropped[0], { file: 'ride-hailing.canvas.yaml', path: 'customer-segments[0].type', value: 'multi-sided-platform', reason: 'BMML v2 has no type on customer segment' });
    assert.deepEqual(result.dropped[112], { file: 'ride-hailing.canvas.yaml', path: 'x-last-reviewed', value: '2024-05-20', reason: 'an extension key (only x-bmml is exported)' });
  });

  it('refuses text that would break BMML\'s schema (a meta date that is no date), and a canvas of another kind or broken YAML', () => {
    const canvas = 'canvas: business-model\ntitle: T\nx-bmml:\n  meta: {created: "2024-13-45", portfolio: explore, stage: ideation}\n';
    const refused = exportBmml({ businessModel: { name: 't.canvas.yaml', text: canvas } });
    assert.deepEqual([refused.text, refused.problems.map((p) => p.message)], [undefined, ['the BMML written would not pass BMML\'s v2 schema (at /meta/created: must match format "date"); nothing was written']]);
    const lean = exportBmml({ businessModel: { name: 'l.canvas.yaml', text: 'canvas: lean\ntitle: L\n' } });
    assert.deepEqual(lean.problems.map((p) => p.message), ['export bmml starts from a business-model canvas; this one is "lean"']);
    const broken = exportBmml({ businessModel: { name: 'b.canvas.yaml', text: 'canvas: [\n' } });
    assert.deepEqual(broken.problems.map((p) => p.key), ['notCanvas']);
  });
});
