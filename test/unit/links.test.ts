import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, validateCanvas } from '../../src/core';
import type { CanvasModel, CanvasDiagnostic } from '../../src/core';
import { canvasesBySegment, checkLinks, isInside, linkAt, linkCompletions, linkHover, linkValueSite, linkedCard, linkFixes, LinkTargets, readLink, renameAcrossFiles, resolveLinkPath, sitesNaming } from '../../src/core/links';
import type { LinkRead, VpcLink } from '../../src/core/links';
import { CLEAN, rangeOf } from './helpers';

const ROOT = '/ws';
const VPC_FILE = '/ws/vpc/pickup.canvas.yaml';
const BM_FILE = '/ws/ride.canvas.yaml';

function vpc(businessModel: string, segment = 'riders', valueProposition = 'fast'): string {
  return `canvas: value-proposition
title: Pickup riders can count on
business-model: ${businessModel}
segment: ${segment}
value-proposition: ${valueProposition}
`;
}

const LEAN = `canvas: lean
title: A lean canvas
problem: [Waiting]
`;

const model = (text: string): CanvasModel => validateCanvas(text).model!;

/** A workspace in memory: files by path; `dirs` are folders. */
function reader(files: Record<string, string>, dirs: string[] = [], reads: string[] = []): (path: string) => LinkRead {
  return (path) => {
    reads.push(path);
    if (dirs.includes(path)) return { problem: 'directory' };
    const text = files[path];
    return text === undefined ? { problem: 'missing' } : { text };
  };
}

type Row = [code: string, severity: string, range: string, message: string, suggestion?: string];

function check(text: string, files: Record<string, string>, options: { dirs?: string[]; file?: string; targets?: LinkTargets } = {}): Row[] {
  const result = checkLinks(model(text), {
    file: options.file ?? VPC_FILE,
    root: ROOT,
    read: reader(files, options.dirs),
    targets: options.targets ?? new LinkTargets(),
  });
  return result.diagnostics.map((d: CanvasDiagnostic) => {
    const row: Row = [d.code, d.severity, rangeOf(text, d.start, d.end), d.message];
    if (d.suggestion !== undefined) row.push(d.suggestion);
    return row;
  });
}

describe('links: resolving a business-model path', () => {
  const from = '/ws/vpc/pickup.canvas.yaml';
  const cases: [string, unknown][] = [
    ['../ride.canvas.yaml', { path: '/ws/ride.canvas.yaml' }],
    ['./ride.canvas.yml', { path: '/ws/vpc/ride.canvas.yml' }],
    ['sub/./x/../ride.CANVAS.YAML', { path: '/ws/vpc/sub/ride.CANVAS.YAML' }],
    ['  ../ride.canvas.yaml  ', { path: '/ws/ride.canvas.yaml' }],
    ['../../ride.canvas.yaml', { problem: 'outside', args: ['../../ride.canvas.yaml'] }],
    ['../../ws/ride.canvas.yaml', { problem: 'outside', args: ['../../ws/ride.canvas.yaml'] }],
    ['/ws/ride.canvas.yaml', { problem: 'absolute', args: ['/ws/ride.canvas.yaml'] }],
    ['\\\\server\\ride.canvas.yaml', { problem: 'absolute', args: ['\\\\server\\ride.canvas.yaml'] }],
    ['C:/ws/ride.canvas.yaml', { problem: 'absolute', args: ['C:/ws/ride.canvas.yaml'] }],
    ['~/ride.canvas.yaml', { problem: 'absolute', args: ['~/ride.canvas.yaml'] }],
    ['https://example.com/ride.canvas.yaml', { problem: 'url', args: ['https://example.com/ride.canvas.yaml'] }],
    ['file:ride.canvas.yaml', { problem: 'url', args: ['file:ride.canvas.yaml'] }],
    ['sub\\ride.canvas.yaml', { problem: 'backslash', args: ['sub\\ride.canvas.yaml'] }],
    ['ride\u0000.canvas.yaml', { problem: 'control', args: ['U+0000'] }],
    ['ride\u202e.canvas.yaml', { problem: 'control', args: ['U+202E'] }],
    ['../ride.yaml', { problem: 'notCanvasName', args: ['../ride.yaml'] }],
    ['../', { problem: 'notCanvasName', args: ['../'] }],
    ['', { problem: 'empty', args: [] }],
  ];
  for (const [written, expected] of cases) {
    it(JSON.stringify(written), () => assert.deepEqual(resolveLinkPath(written, from, ROOT), expected));
  }
  it('property: never throws; an accepted path is a canvas file inside the root, reached without ..', () => {
    const segment = fc.constantFrom('..', '.', '', 'a', 'ws', 'vpc', 'b.canvas.yaml', 'c.canvas.yml', 'd.yaml', '\\', 'x:y', '~', '\u0000', '\u202e');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.string(), (parts, noise) => {
        for (const written of [parts.join('/'), noise, `${noise}.canvas.yaml`]) {
          const result = resolveLinkPath(written, from, ROOT);
          if ('path' in result) {
            assert.ok(isInside(result.path, ROOT) && result.path !== ROOT, result.path);
            assert.match(result.path, /\.canvas\.ya?ml$/i);
            assert.ok(!result.path.split('/').includes('..') && !result.path.split('/').includes('.'), result.path);
          } else assert.ok(typeof result.problem === 'string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a root of "/" lets any absolute file be reached with ..', () => {
    assert.deepEqual(resolveLinkPath('../../b.canvas.yaml', '/a/b/c.canvas.yaml', '/'), { path: '/b.canvas.yaml' });
    assert.deepEqual(resolveLinkPath('../../../b.canvas.yaml', '/a/b/c.canvas.yaml', '/'), { problem: 'outside', args: ['../../../b.canvas.yaml'] });
    // A canvas directly in the top folder: a sibling is found, and nothing is above it.
    assert.deepEqual(resolveLinkPath('./b.canvas.yaml', '/a.canvas.yaml', '/'), { path: '/b.canvas.yaml' });
    assert.deepEqual(resolveLinkPath('../b.canvas.yaml', '/a.canvas.yaml', '/'), { problem: 'outside', args: ['../b.canvas.yaml'] });
  });
  it('a Windows root with a drive letter', () => {
    assert.deepEqual(resolveLinkPath('../bm.canvas.yaml', 'C:/ws/v/a.canvas.yaml', 'C:/ws'), { path: 'C:/ws/bm.canvas.yaml' });
    assert.deepEqual(resolveLinkPath('../../bm.canvas.yaml', 'C:/ws/v/a.canvas.yaml', 'C:/ws'), { problem: 'outside', args: ['../../bm.canvas.yaml'] });
  });
  it('a root with a trailing slash, and a sibling folder whose name starts like the root', () => {
    assert.deepEqual(resolveLinkPath('../bm.canvas.yaml', '/ws/v/a.canvas.yaml', '/ws/'), { path: '/ws/bm.canvas.yaml' });
    assert.deepEqual(resolveLinkPath('../ws2/bm.canvas.yaml', '/ws/a.canvas.yaml', '/ws'), { problem: 'outside', args: ['../ws2/bm.canvas.yaml'] });
  });
});

describe('links: checking a value-proposition canvas against its business model', () => {
  const files = { [BM_FILE]: CLEAN };

  it('a link that resolves, with both ids found: no diagnostics', () => {
    assert.deepEqual(check(vpc('../ride.canvas.yaml'), files), []);
  });

  it('no business-model key: nothing checked; a business model is never checked as a link source', () => {
    assert.deepEqual(check('canvas: value-proposition\ntitle: T\nsegment: nobody\n', files), []);
    assert.deepEqual(check(CLEAN, files, { file: BM_FILE }), []);
  });

  it('missing file', () => {
    assert.deepEqual(check(vpc('../gone.canvas.yaml'), files), [
      ['unknown-canvas', 'error', '3:17-3:36', 'No file "../gone.canvas.yaml": the business-model canvas this names does not exist.'],
    ]);
  });

  it('absolute path', () => {
    assert.deepEqual(check(vpc('/ws/ride.canvas.yaml'), files), [
      ['unknown-canvas', 'error', '3:17-3:37', '"/ws/ride.canvas.yaml" is an absolute path: write the business-model path relative to this file.'],
    ]);
  });

  it('.. leading outside the workspace', () => {
    assert.deepEqual(check(vpc('../../ride.canvas.yaml'), files), [
      ['unknown-canvas', 'error', '3:17-3:39', '"../../ride.canvas.yaml" leads outside the workspace: a linked canvas must be inside the workspace folder.'],
    ]);
  });

  it('a URL', () => {
    assert.deepEqual(check(vpc('"https://example.com/a.canvas.yaml"'), files), [
      ['unknown-canvas', 'error', '3:17-3:52', '"https://example.com/a.canvas.yaml" is a URL: business-model must be a path to a file in the workspace, relative to this file.'],
    ]);
  });

  it('a control character (written as a YAML escape)', () => {
    assert.deepEqual(check(vpc('"../ride\\u0007.canvas.yaml"'), files), [
      ['unknown-canvas', 'error', '3:17-3:44', 'The business-model path contains a control character (U+0007): write a plain file path.'],
    ]);
  });

  it('a name that is no canvas file', () => {
    assert.deepEqual(check(vpc('../notes.md'), files), [
      ['unknown-canvas', 'error', '3:17-3:28', '"../notes.md" is not a canvas file: its name must end in .canvas.yaml or .canvas.yml.'],
    ]);
  });

  it('a directory', () => {
    assert.deepEqual(check(vpc('../folder.canvas.yaml'), files, { dirs: ['/ws/folder.canvas.yaml'] }), [
      ['unknown-canvas', 'error', '3:17-3:38', '"../folder.canvas.yaml" is a folder, not a canvas file.'],
    ]);
  });

  it('a file too large or unreadable (as the host reports it)', () => {
    const text = vpc('../ride.canvas.yaml');
    const run = (read: LinkRead) =>
      checkLinks(model(text), { file: VPC_FILE, root: ROOT, read: () => read, targets: new LinkTargets() }).diagnostics.map((d) => d.message);
    assert.deepEqual(run({ problem: 'tooLarge', args: ['5000', '4096'] }), ['"../ride.canvas.yaml" is too large to read (5000 KB; the limit is 4096 KB).']);
    assert.deepEqual(run({ problem: 'unreadable', args: ['permission denied'] }), ['"../ride.canvas.yaml" cannot be read: permission denied']);
  });

  it('a YAML file that is not a canvas', () => {
    assert.deepEqual(check(vpc('../x.canvas.yaml'), { '/ws/x.canvas.yaml': 'just: some yaml\n' }), [
      ['unknown-canvas', 'error', '3:17-3:33', '"../x.canvas.yaml" is not a canvas: it has no "canvas:" key naming a kind of canvas.'],
    ]);
    assert.deepEqual(check(vpc('../x.canvas.yaml'), { '/ws/x.canvas.yaml': 'canvas: strategy\ntitle: T\n' }), [
      ['unknown-canvas', 'error', '3:17-3:33', '"../x.canvas.yaml" is not a canvas: it has no "canvas:" key naming a kind of canvas.'],
    ]);
    assert.deepEqual(check(vpc('../x.canvas.yaml'), { '/ws/x.canvas.yaml': 'a\u0000b' }), [
      ['unknown-canvas', 'error', '3:17-3:33', '"../x.canvas.yaml" is not a canvas: it has no "canvas:" key naming a kind of canvas.'],
    ]);
  });

  it('a target with invalid YAML', () => {
    assert.deepEqual(check(vpc('../x.canvas.yaml'), { '/ws/x.canvas.yaml': 'canvas: business-model\ntitle: T: U\n' }), [
      ['unknown-canvas', 'error', '3:17-3:33', '"../x.canvas.yaml" has YAML syntax errors (line 2): it cannot be read as a canvas until they are fixed.'],
    ]);
  });

  it('a lean canvas', () => {
    assert.deepEqual(check(vpc('../lean.canvas.yaml'), { '/ws/lean.canvas.yaml': LEAN }), [
      ['unknown-canvas', 'error', '3:17-3:36', '"../lean.canvas.yaml" is a lean canvas: business-model must name a business-model canvas.'],
    ]);
  });

  it('another value-proposition canvas (a chain, or a cycle back to this one)', () => {
    const other = vpc('./pickup.canvas.yaml');
    assert.deepEqual(check(vpc('./other.canvas.yaml'), { '/ws/vpc/other.canvas.yaml': other, [VPC_FILE]: vpc('./other.canvas.yaml') }), [
      [
        'unknown-canvas',
        'error',
        '3:17-3:36',
        '"./other.canvas.yaml" is a value-proposition canvas: business-model must name a business-model canvas, never another value-proposition canvas (links are one step, no chains or cycles).',
      ],
    ]);
  });

  it('itself', () => {
    const reads: string[] = [];
    const text = vpc('../vpc/./pickup.canvas.yaml');
    const result = checkLinks(model(text), { file: VPC_FILE, root: ROOT, read: reader({}, [], reads), targets: new LinkTargets() });
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, rangeOf(text, d.start, d.end), d.message]),
      [['unknown-canvas', '3:17-3:44', 'business-model names this file itself: it must name a business-model canvas.']],
    );
    assert.deepEqual(reads, [], 'nothing read');
  });

  it('an unknown segment, with the id it most likely meant', () => {
    assert.deepEqual(check(vpc('../ride.canvas.yaml', 'rider'), files), [
      ['unknown-reference', 'error', '4:10-4:15', '"rider" names no customer segment in ../ride.canvas.yaml. Did you mean "riders"?', 'riders'],
    ]);
  });

  it('the quick fix of an unknown segment: the suggested id, quotes kept; none without a suggestion', () => {
    const files = { [BM_FILE]: CLEAN };
    for (const [written, fixed] of [
      ['rider', 'riders'],
      ["'rider'", "'riders'"],
    ]) {
      const text = vpc('../ride.canvas.yaml', written);
      const m = model(text);
      const [diagnostic] = checkLinks(m, { file: VPC_FILE, root: ROOT, read: reader(files), targets: new LinkTargets() }).diagnostics;
      const fixes = linkFixes(text, diagnostic, m);
      assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred, applyEdits(text, f.edits)]), [['Change "rider" to "riders"', true, vpc('../ride.canvas.yaml', fixed)]]);
    }
    const text = vpc('../ride.canvas.yaml', 'investors');
    const m = model(text);
    const [diagnostic] = checkLinks(m, { file: VPC_FILE, root: ROOT, read: reader(files), targets: new LinkTargets() }).diagnostics;
    assert.deepEqual(linkFixes(text, diagnostic, m), []);
  });

  it('an unknown segment with nothing close, and an unknown value proposition', () => {
    assert.deepEqual(check(vpc('../ride.canvas.yaml', 'investors', 'cheap-rides'), files), [
      ['unknown-reference', 'error', '4:10-4:19', '"investors" names no customer segment in ../ride.canvas.yaml.'],
      ['unknown-reference', 'error', '5:20-5:31', '"cheap-rides" names no value proposition in ../ride.canvas.yaml.'],
    ]);
  });

  it('an id of the other block is no match (a value-proposition id as the segment)', () => {
    assert.deepEqual(check(vpc('../ride.canvas.yaml', 'fast', 'riders'), files), [
      ['unknown-reference', 'error', '4:10-4:14', '"fast" names no customer segment in ../ride.canvas.yaml.'],
      ['unknown-reference', 'error', '5:20-5:26', '"riders" names no value proposition in ../ride.canvas.yaml.'],
    ]);
  });

  it('severities apply (unknown-canvas off, unknown-reference a warning), messages are localized', () => {
    const text = vpc('../gone.canvas.yaml');
    const base = { file: VPC_FILE, root: ROOT, read: reader(files), targets: new LinkTargets() };
    assert.deepEqual(checkLinks(model(text), { ...base, severities: { 'unknown-canvas': 'off' } }).diagnostics, []);
    const warned = checkLinks(model(vpc('../ride.canvas.yaml', 'x')), { ...base, severities: { 'unknown-reference': 'warning' }, localize: (t, a) => `[${t}|${a.join(',')}]` });
    assert.deepEqual(
      warned.diagnostics.map((d) => [d.severity, d.message, d.template, d.args]),
      [['warning', '["{0}" names no customer segment in {1}.|x,../ride.canvas.yaml]', '"{0}" names no customer segment in {1}.', ['x', '../ride.canvas.yaml']]],
    );
  });

  it('validates a business model once per text, however many canvases name it', () => {
    const targets = new LinkTargets();
    const reads: string[] = [];
    const current: Record<string, string> = { [BM_FILE]: CLEAN };
    const read = reader(current, [], reads);
    for (const file of ['/ws/a.canvas.yaml', '/ws/b.canvas.yaml', '/ws/c.canvas.yaml']) {
      assert.deepEqual(checkLinks(model(vpc('./ride.canvas.yaml')), { file, root: ROOT, read, targets }).diagnostics, []);
    }
    assert.equal(targets.validations, 1);
    current[BM_FILE] = CLEAN.replace('id: riders', 'id: rider');
    const after = checkLinks(model(vpc('./ride.canvas.yaml')), { file: '/ws/a.canvas.yaml', root: ROOT, read, targets });
    assert.deepEqual(after.diagnostics.map((d) => d.suggestion), ['rider']);
    assert.equal(targets.validations, 2);
    // An editor's own validation of the text is used as it is.
    const own = validateCanvas(CLEAN);
    checkLinks(model(vpc('./ride.canvas.yaml')), { file: '/ws/a.canvas.yaml', root: ROOT, read: () => ({ text: CLEAN, result: own }), targets });
    assert.equal(targets.validations, 2);
    assert.equal(targets.modelAt(BM_FILE)?.model, own.model);
  });
});

describe('links: navigation, the reverse index and rename across files', () => {
  const A = '/ws/vpc/a.canvas.yaml';
  const B = '/ws/vpc/b.canvas.yaml';
  const C = '/ws/c.canvas.yaml';
  const texts: Record<string, string> = {
    [A]: vpc('../ride.canvas.yaml', 'riders', 'fast'),
    [B]: vpc('../ride.canvas.yaml', '"riders"', 'fast').replace('value-proposition: fast\n', ''),
    [C]: vpc('./other.canvas.yaml', 'riders', 'fast'),
  };
  const links = (): VpcLink[] => Object.entries(texts).flatMap(([file, text]) => readLink(file, model(text), ROOT) ?? []);

  it('readLink resolves each value-proposition canvas; other kinds and refused paths give none', () => {
    const [a, b, c] = links();
    assert.equal(a.target, BM_FILE);
    assert.equal(b.target, BM_FILE);
    assert.equal(c.target, '/ws/other.canvas.yaml');
    assert.deepEqual([a.segment?.value, a.valueProposition?.value, b.segment?.value, b.valueProposition], ['riders', 'fast', 'riders', undefined]);
    assert.equal(readLink(BM_FILE, model(CLEAN), ROOT), undefined);
    assert.equal(readLink(A, model(vpc('/abs.canvas.yaml')), ROOT), undefined);
    assert.equal(readLink(A, model(vpc('./a.canvas.yaml')), ROOT), undefined);
  });

  it('sitesNaming and canvasesBySegment list the canvases pointing at one business model', () => {
    assert.deepEqual(
      sitesNaming(BM_FILE, 'customer-segments', 'riders', links()).map((s) => [s.file, s.field, rangeOf(texts[s.file], s.span.start, s.span.end)]),
      [
        [A, 'segment', '4:10-4:16'],
        [B, 'segment', '4:10-4:18'],
      ],
    );
    assert.deepEqual(
      sitesNaming(BM_FILE, 'value-propositions', 'fast', links()).map((s) => [s.file, s.field]),
      [[A, 'valueProposition']],
    );
    assert.deepEqual(sitesNaming(BM_FILE, 'channels', 'riders', links()), []);
    assert.deepEqual([...canvasesBySegment(BM_FILE, links())], [['riders', [A, B]]]);
    assert.deepEqual([...canvasesBySegment('/ws/other.canvas.yaml', links())], [['riders', [C]]]);
  });

  it('linkAt and linkedCard: from a value to the card of the business model', () => {
    const text = texts[A];
    const m = model(text);
    assert.equal(linkAt(m, text.indexOf('segment: riders') + 11)?.field, 'segment');
    assert.equal(linkAt(m, text.indexOf('../ride')) ?.field, 'businessModel');
    assert.equal(linkAt(m, text.indexOf('fast') + 4)?.field, 'valueProposition');
    assert.equal(linkAt(m, 0), undefined);
    const bm = model(CLEAN);
    assert.equal(linkedCard(bm, 'segment', 'riders')?.name, 'Riders');
    assert.equal(linkedCard(bm, 'valueProposition', 'fast')?.name, 'Fast pickup');
    assert.equal(linkedCard(bm, 'segment', 'fast'), undefined);
  });

  it('linkValueSite: the segment / value-proposition value being written, even empty or quoted', () => {
    const text = 'canvas: value-proposition\nsegment: \nvalue-proposition: "fa"\ntitle: riders\n  segment: x\n';
    const site = (needle: string, delta: number) => linkValueSite(text, text.indexOf(needle) + delta);
    assert.deepEqual(site('segment: \n', 9), { field: 'segment', replace: { start: 35, end: 35 } });
    assert.deepEqual(site('"fa"', 2), { field: 'valueProposition', replace: { start: 56, end: 58 } });
    assert.deepEqual(site('"fa"', 1), { field: 'valueProposition', replace: { start: 56, end: 58 } });
    assert.equal(site('segment: \n', 7), undefined, 'before the colon');
    assert.equal(site('title: riders', 10), undefined, 'another key');
    assert.equal(site('  segment: x', 12), undefined, 'not a top-level key');
  });

  it('linkCompletions and linkHover: the ids of the business model, documented', () => {
    const bm = model(CLEAN);
    assert.deepEqual(linkCompletions(bm, 'segment').map((c) => [c.id, c.detail]), [['riders', 'Riders']]);
    assert.deepEqual(linkCompletions(bm, 'valueProposition').map((c) => [c.id, c.detail]), [['fast', 'Fast pickup']]);
    assert.match(linkCompletions(bm, 'segment')[0].documentation, /\*\*Riders\*\*/);
    assert.equal(linkHover(bm, 'segment', 'riders'), linkCompletions(bm, 'segment')[0].documentation);
    assert.equal(linkHover(bm, 'segment', 'fast'), undefined);
    const hostile = model(CLEAN.replace('name: Riders', 'name: "<img src=x onerror=alert(1)> *x*"'));
    assert.equal(linkHover(hostile, 'segment', 'riders'), '**\\<img src=x onerror=alert(1)\\> \\*x\\*** · `riders`\n\nCustomer Segments · Mass market');
  });

  it('renaming a segment id in the business model renames it in every canvas that points at it', () => {
    const bm = { file: BM_FILE, text: CLEAN, model: model(CLEAN) };
    const result = renameAcrossFiles(bm, CLEAN.indexOf('id: riders') + 5, 'passengers', links(), (f) => texts[f]);
    assert.ok(!('error' in result));
    assert.deepEqual(result.map((f) => f.file), [BM_FILE, A, B]);
    const renamed = applyEdits(CLEAN, result[0].edits);
    assert.equal((renamed.match(/passengers/g) ?? []).length, 5);
    assert.equal(renamed.includes('riders'), false);
    assert.equal(applyEdits(texts[A], result[1].edits), vpc('../ride.canvas.yaml', 'passengers', 'fast'));
    // The quotes stay.
    assert.equal(applyEdits(texts[B], result[2].edits), texts[B].replace('"riders"', '"passengers"'));
  });

  it('from a reference in the business model too; a value proposition renames only value-proposition values', () => {
    const bm = { file: BM_FILE, text: CLEAN, model: model(CLEAN) };
    const fromReference = renameAcrossFiles(bm, CLEAN.indexOf('segments: [riders]') + 12, 'people', links(), (f) => texts[f]);
    assert.ok(!('error' in fromReference));
    assert.deepEqual(fromReference.map((f) => f.file), [BM_FILE, A, B]);
    const vp = renameAcrossFiles(bm, CLEAN.indexOf('id: fast') + 4, 'quick', links(), (f) => texts[f]);
    assert.ok(!('error' in vp));
    assert.deepEqual(vp.map((f) => [f.file, f.edits.length]), [[BM_FILE, 1], [A, 1]]);
    assert.equal(applyEdits(texts[A], vp[1].edits), vpc('../ride.canvas.yaml', 'riders', 'quick'));
  });

  it('an id of another block renames in the business model only; a refused name changes nothing', () => {
    const bm = { file: BM_FILE, text: CLEAN, model: model(CLEAN) };
    const channel = renameAcrossFiles(bm, CLEAN.indexOf('id: app') + 4, 'mobile', links(), (f) => texts[f]);
    assert.ok(!('error' in channel));
    assert.deepEqual(channel.map((f) => f.file), [BM_FILE]);
    assert.deepEqual(renameAcrossFiles(bm, CLEAN.indexOf('id: riders') + 5, 'Not Kebab', links(), (f) => texts[f]), {
      error: '"Not Kebab" is not a valid id: use kebab-case (lower-case letters, digits and single hyphens, e.g. "urban-riders").',
      template: '"{0}" is not a valid id: use kebab-case (lower-case letters, digits and single hyphens, e.g. "urban-riders").',
      args: ['Not Kebab'],
    });
    assert.equal('error' in renameAcrossFiles(bm, CLEAN.indexOf('id: riders') + 5, 'fast', links(), (f) => texts[f]), true);
  });

  it('a canvas whose text is unknown, or changed since it was indexed, is left alone', () => {
    const bm = { file: BM_FILE, text: CLEAN, model: model(CLEAN) };
    const result = renameAcrossFiles(bm, CLEAN.indexOf('id: riders') + 5, 'people', links(), (f) => (f === A ? undefined : f === B ? 'changed' : texts[f]));
    assert.ok(!('error' in result));
    assert.deepEqual(result.map((f) => f.file), [BM_FILE]);
  });
});
