import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXPORT_HELP } from '../../src/cli/bmmlExportCommand';
import { IMPORT_HELP } from '../../src/cli/bmmlImportCommand';
import { isValidBmml } from '../../src/core';

const ROOT = join(__dirname, '../../..');
const BIN = join(ROOT, 'bin/canvas-as-code.js');
const EXAMPLES = join(ROOT, 'test/fixtures/bmml/examples');
const CASES = join(ROOT, 'test/fixtures/bmml/cases');

/** The real CLI, as a user runs it. */
function cli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function folderWith(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'canvas-bmml-'));
  for (const file of files) copyFileSync(file, join(dir, file.split('/').pop()!));
  return dir;
}

const FITS_FILES = ['04-fits.canvas.yaml', '04-fits.fit-convenience-busy.canvas.yaml', '04-fits.fit-culinary-cooks.canvas.yaml', '04-fits.fit-convenience-cooks.canvas.yaml', '04-fits.fit-culinary-busy.canvas.yaml'];
const FITS_KEPT = `4 values with no field in a canvas kept under x-bmml:
  04-fits.bmml:21 meta.created -> 04-fits.canvas.yaml
  04-fits.bmml:22 meta.updated -> 04-fits.canvas.yaml
  04-fits.bmml:23 meta.portfolio -> 04-fits.canvas.yaml
  04-fits.bmml:24 meta.stage -> 04-fits.canvas.yaml
`;

describe('CLI import bmml / export bmml (the real CLI)', () => {
  it('import writes the business model and its value-proposition canvases beside the BMML file, lists them; they validate; a second run refuses to overwrite (exit 2, nothing changed); --force overwrites', () => {
    const dir = folderWith(join(EXAMPLES, 'progressive/04-fits.bmml'));
    assert.deepEqual(cli(['import', 'bmml', '04-fits.bmml'], dir), { code: 0, out: FITS_FILES.map((f) => `wrote ${f}\n`).join(''), err: FITS_KEPT });
    assert.deepEqual(readdirSync(dir).sort(), ['04-fits.bmml', ...FITS_FILES].sort());
    // The links across files resolve: validate finds no errors (warnings aside).
    const validated = cli(['validate', '--quiet', '.'], dir);
    assert.deepEqual([validated.code, validated.out], [0, '']);
    writeFileSync(join(dir, FITS_FILES[2]), 'mine\n');
    assert.deepEqual(cli(['import', 'bmml', '04-fits.bmml'], dir), {
      code: 2,
      out: '',
      err: `canvas-as-code: ${FITS_FILES.join(', ')} already exist; nothing was written (--force overwrites)\n`,
    });
    assert.equal(readFileSync(join(dir, FITS_FILES[2]), 'utf8'), 'mine\n');
    assert.equal(cli(['import', 'bmml', '--force', '04-fits.bmml'], dir).code, 0);
    assert.ok(readFileSync(join(dir, FITS_FILES[2]), 'utf8').startsWith('# Imported from 04-fits.bmml (BMML v2)'));
  });

  it('-o names the business model; the value-proposition canvases go beside it, named after it', () => {
    const dir = folderWith(join(CASES, 'multilingual.bmml'));
    mkdirSync(join(dir, 'out'));
    const result = cli(['import', 'bmml', 'multilingual.bmml', '-o', 'out/서울.canvas.yaml'], dir);
    assert.deepEqual([result.code, result.out], [0, 'wrote out/서울.canvas.yaml\nwrote out/서울.fit-banchan-workers.canvas.yaml\n']);
    assert.equal((parse(readFileSync(join(dir, 'out/서울.fit-banchan-workers.canvas.yaml'), 'utf8')) as Record<string, unknown>)['business-model'], './서울.canvas.yaml');
    assert.deepEqual(cli(['import', 'bmml', 'multilingual.bmml', '-o', 'out/model.yaml'], dir), {
      code: 2,
      out: '',
      err: 'canvas-as-code: "out/model.yaml" does not end in .canvas.yaml or .canvas.yml, so the editor and validate would not treat it as a canvas\n\nUsage:\n  canvas-as-code import bmml <file.bmml> [-o out.canvas.yaml] [--force] [--max-file-size KB]\nRun "canvas-as-code import --help" for more.\n',
    });
  });

  it('import refuses a BMML v1 file (exit 1, pointing to bmml migrate), broken YAML (exit 1), and an unreadable or too large file (exit 2): nothing written', () => {
    const dir = folderWith(join(CASES, 'v1.bmml'), join(CASES, 'invalid-yaml.bmml'), join(EXAMPLES, 'airbnb.bmml'));
    assert.deepEqual(cli(['import', 'bmml', 'v1.bmml'], dir), {
      code: 1,
      out: '',
      err: 'v1.bmml:1:1 error this is a BMML v1 file (version: "1.0"); import reads BMML v2. Convert it with BMML\'s own tool first: "bmml migrate v1.bmml" prints the v2 file ("bmml migrate --in-place v1.bmml" rewrites it)\ncanvas-as-code: v1.bmml was not imported; nothing was written\n',
    });
    assert.deepEqual(cli(['import', 'bmml', 'invalid-yaml.bmml'], dir), {
      code: 1,
      out: '',
      err: 'invalid-yaml.bmml:4:1 error not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\ncanvas-as-code: invalid-yaml.bmml was not imported; nothing was written\n',
    });
    assert.deepEqual(cli(['import', 'bmml', 'gone.bmml'], dir), { code: 2, out: '', err: 'canvas-as-code: cannot read gone.bmml: no such file or directory\n' });
    assert.deepEqual(cli(['import', 'bmml', 'airbnb.bmml', '--max-file-size', '1'], dir), { code: 2, out: '', err: 'canvas-as-code: cannot read airbnb.bmml: file too large (13 KB; the limit is 1 KB, --max-file-size)\n' });
    assert.deepEqual(readdirSync(dir).sort(), ['airbnb.bmml', 'invalid-yaml.bmml', 'v1.bmml']);
  });

  it('import warns about an unknown section (file:line:col), keeps it under x-bmml and still imports (exit 0)', () => {
    const dir = folderWith(join(CASES, 'unknown-sections.bmml'));
    const result = cli(['import', 'bmml', 'unknown-sections.bmml'], dir);
    assert.equal(result.code, 0);
    assert.equal(result.out, 'wrote unknown-sections.canvas.yaml\n');
    assert.equal(result.err.split('\n')[0], 'unknown-sections.bmml:17:1 warning unknown section "experiments" (not BMML v2): kept under x-bmml');
    assert.equal(result.err.split('\n')[1], '6 values with no field in a canvas kept under x-bmml:');
  });

  it('usage errors are exit 2: no format, another format, no file, two files', () => {
    const dir = folderWith();
    for (const [args, message] of [
      [['import'], 'import needs a format and a file: import bmml <file>'],
      [['import', 'csv', 'x.csv'], 'import knows one format, bmml; got "csv"'],
      [['import', 'bmml'], 'import bmml needs a BMML file'],
      [['export', 'bmml', 'a.canvas.yaml', 'b.canvas.yaml'], 'export bmml takes one canvas, got 2'],
      [['export', 'bmml', 'a.canvas.yaml', '--format', 'json'], '--format json prints the report on standard output: give -o for the BMML file'],
    ] as const) {
      const result = cli([...args], dir);
      assert.deepEqual([result.code, result.out, result.err.split('\n')[0]], [2, '', `canvas-as-code: ${message}`]);
    }
    assert.deepEqual(cli(['import', '--help'], dir), { code: 0, out: IMPORT_HELP, err: '' });
    assert.deepEqual(cli(['export', '--help'], dir), { code: 0, out: EXPORT_HELP, err: '' });
  });

  it('export finds the linked value-proposition canvases and writes BMML that passes its schema with nothing dropped; --format json reports', () => {
    const dir = folderWith(join(EXAMPLES, 'progressive/04-fits.bmml'));
    assert.equal(cli(['import', 'bmml', '04-fits.bmml', '-o', 'fresh.canvas.yaml'], dir).code, 0);
    // A canvas in another folder linking to it is found too; one linking elsewhere is not.
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'more/other.canvas.yaml'), 'canvas: value-proposition\ntitle: Elsewhere\nbusiness-model: ../nothing.canvas.yaml\n');
    const stdout = cli(['export', 'bmml', 'fresh.canvas.yaml'], dir);
    assert.deepEqual([stdout.code, stdout.err], [0, '']);
    const original = parse(readFileSync(join(dir, '04-fits.bmml'), 'utf8'));
    const exported = parse(stdout.out, { version: '1.1' });
    assert.equal(isValidBmml(exported), true);
    assert.equal(exported.fits.length, 4);
    assert.deepEqual(exported.customer_segments, original.customer_segments);
    const json = cli(['export', 'bmml', 'fresh.canvas.yaml', '-o', 'out.bmml', '--format', 'json'], dir);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.out), {
      file: 'fresh.canvas.yaml',
      output: 'out.bmml',
      canvases: ['fresh.fit-convenience-busy.canvas.yaml', 'fresh.fit-convenience-cooks.canvas.yaml', 'fresh.fit-culinary-busy.canvas.yaml', 'fresh.fit-culinary-cooks.canvas.yaml'],
      dropped: [],
      notes: [],
    });
    assert.equal(readFileSync(join(dir, 'out.bmml'), 'utf8'), stdout.out);
  });

  it('export lists what BMML has no place for: on stderr, or in the JSON report (113 values of examples/ride-hailing.canvas.yaml)', () => {
    const dir = folderWith(join(ROOT, 'examples/ride-hailing.canvas.yaml'));
    const text = cli(['export', 'bmml', 'ride-hailing.canvas.yaml', '-o', 'ride.bmml'], dir);
    assert.equal(text.code, 0);
    const lines = text.err.split('\n');
    assert.equal(lines[0], 'ride-hailing.canvas.yaml: note: customer segment id "riders" written as "cs-riders" (BMML ids start with "cs-")');
    assert.equal(lines[37], '113 values with no place in BMML dropped:');
    assert.equal(lines[38], '  ride-hailing.canvas.yaml customer-segments[0].type: "multi-sided-platform" (BMML v2 has no type on customer segment)');
    assert.equal(lines[lines.length - 2], 'wrote ride.bmml');
    const json = cli(['export', 'bmml', 'ride-hailing.canvas.yaml', '-o', 'ride.bmml', '--format', 'json'], dir);
    const report = JSON.parse(json.out);
    assert.deepEqual([json.code, json.err, report.dropped.length, report.notes.length], [0, '', 113, 37]);
    assert.deepEqual(report.dropped[111], { file: 'ride-hailing.canvas.yaml', path: 'x-owner', value: 'strategy-team', reason: 'an extension key (only x-bmml is exported)' });
  });

  it('export refuses BMML its schema would refuse (exit 1, nothing written), an output that is the input (exit 2) and broken YAML (exit 2)', () => {
    const dir = folderWith();
    writeFileSync(join(dir, 'dated.canvas.yaml'), 'canvas: business-model\ntitle: Dated\nx-bmml:\n  meta: {created: "2024-13-45", portfolio: explore, stage: ideation}\n');
    assert.deepEqual(cli(['export', 'bmml', 'dated.canvas.yaml', '-o', 'dated.bmml'], dir), {
      code: 1,
      out: '',
      err: 'dated.canvas.yaml error the BMML written would not pass BMML\'s v2 schema (at /meta/created: must match format "date"); nothing was written\ncanvas-as-code: dated.canvas.yaml was not exported; nothing was written\n',
    });
    assert.equal(existsSync(join(dir, 'dated.bmml')), false);
    assert.deepEqual(cli(['export', 'bmml', 'dated.canvas.yaml', '-o', './dated.canvas.yaml'], dir), { code: 2, out: '', err: 'canvas-as-code: refusing to write ./dated.canvas.yaml: it is the canvas being exported\n' });
    writeFileSync(join(dir, 'broken.canvas.yaml'), 'canvas: [\n');
    assert.equal(cli(['export', 'bmml', 'broken.canvas.yaml'], dir).code, 2);
  });
  it('export takes a value-proposition canvas by the rules of links: one in a subfolder linked with ../ is exported; one whose path leaves the project root or is absolute is not, and is reported (text and JSON)', () => {
    const dir = folderWith();
    mkdirSync(join(dir, '.git')); // the project root: a link may not lead out of it
    mkdirSync(join(dir, 'vpcs'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'bm.canvas.yaml'), 'canvas: business-model\ntitle: Rides\ncustomer-segments:\n  - id: cs-riders\n    name: Riders\nvalue-propositions:\n  - id: vp-safe\n    name: Safe rides\n');
    const vpc = (link: string, job: string) => `canvas: value-proposition\nbusiness-model: ${link}\nsegment: cs-riders\nvalue-proposition: vp-safe\ncustomer-jobs:\n  - id: ${job}\n    name: Get home\n`;
    const name = dir.split('/').pop()!;
    writeFileSync(join(dir, 'vpcs/up.canvas.yaml'), vpc('../bm.canvas.yaml', 'job-up'));
    // Both lead to bm.canvas.yaml on disk: core/links refuses them all the same.
    writeFileSync(join(dir, 'sub/leave.canvas.yaml'), vpc(`../../${name}/bm.canvas.yaml`, 'job-leave'));
    writeFileSync(join(dir, 'vpcs/abs.canvas.yaml'), vpc(join(dir, 'bm.canvas.yaml'), 'job-abs'));
    const leave = `sub/leave.canvas.yaml is not exported with this business model: its business-model path is refused. "../../${name}/bm.canvas.yaml" leads outside the workspace: a linked canvas must be inside the workspace folder.`;
    const abs = `vpcs/abs.canvas.yaml is not exported with this business model: its business-model path is refused. "${join(dir, 'bm.canvas.yaml')}" is an absolute path: write the business-model path relative to this file.`;
    const text = cli(['export', 'bmml', 'bm.canvas.yaml', '-o', 'out.bmml'], dir);
    assert.equal(text.code, 0);
    assert.deepEqual(text.err.split('\n').slice(0, 2), [`bm.canvas.yaml: note: ${leave}`, `bm.canvas.yaml: note: ${abs}`]);
    assert.equal(text.err.split('\n').slice(-2)[0], 'wrote out.bmml (with 1 value-proposition canvas)');
    const exported = parse(readFileSync(join(dir, 'out.bmml'), 'utf8'), { version: '1.1' });
    assert.equal(isValidBmml(exported), true);
    assert.deepEqual(exported.customer_segments, [{ id: 'cs-riders', name: 'Riders', jobs: [{ id: 'job-up', description: 'Get home' }] }]);
    const json = cli(['export', 'bmml', 'bm.canvas.yaml', '-o', 'out.bmml', '--format', 'json'], dir);
    const report = JSON.parse(json.out);
    assert.deepEqual([json.code, json.err, report.canvases, report.notes.slice(0, 2)], [0, '', ['vpcs/up.canvas.yaml'], [leave, abs]]);
  });
});
