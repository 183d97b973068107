import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { parseRenderArgs } from '../../src/cli/renderCommand';
import { buildCanvasView, renderHtml, renderMarkdown, renderSvg, validateCanvas } from '../../src/core';
import { checkMarkup } from '../fixtures/render/markupCheck';

const ROOT = join(__dirname, '../../..');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.canvas.yaml'));

function run(args: string[], cwd = ROOT): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}

describe('CLI render', () => {
  it('renders each example in every format to standard output, exit 0, nothing on stderr', () => {
    assert.ok(EXAMPLES.length >= 4);
    for (const file of EXAMPLES) {
      const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
      const view = buildCanvasView(validateCanvas(text));
      const html = run(['render', `examples/${file}`, '--format', 'html']);
      assert.deepEqual([html.code, html.err], [0, ''], file);
      assert.equal(html.out, renderHtml(view));
      assert.deepEqual(checkMarkup(html.out, 'html').errors, [], file);
      const svg = run(['render', `examples/${file}`, '--format=svg']);
      assert.deepEqual([svg.code, svg.err], [0, ''], file);
      assert.equal(svg.out, renderSvg(view));
      assert.deepEqual(checkMarkup(svg.out, 'xml').errors, [], file);
      const md = run(['render', `examples/${file}`, '--format', 'md']);
      assert.deepEqual([md.code, md.err], [0, ''], file);
      assert.equal(md.out, renderMarkdown(view));
      // Every card of the example is drawn.
      for (const card of view.blocks.flatMap((b) => b.cards)) assert.ok(html.out.includes(`data-key="${card.key}"`), `${file}: ${card.key}`);
    }
  });

  it('renders a Lean and a value proposition canvas in every format, each in its own layout', () => {
    for (const [file, kind] of [
      ['test/fixtures/render/lean.canvas.yaml', 'Lean Canvas'],
      ['test/fixtures/render/value-proposition.canvas.yaml', 'Value Proposition Canvas'],
    ]) {
      const view = buildCanvasView(validateCanvas(readFileSync(join(ROOT, file), 'utf8')));
      const errors = view.problems.filter((p) => p.severity === 'error').length;
      const err = errors ? `canvas-as-code: ${file} has ${errors} error${errors === 1 ? '' : 's'}; rendered what could be read\n` : '';
      const md = run(['render', file, '--format', 'md']);
      assert.deepEqual([md.err, md.out], [err, renderMarkdown(view)], file);
      assert.ok(md.out.includes(`\n\n*${kind}*\n\n`), file);
      const svg = run(['render', file, '--format', 'svg']);
      assert.deepEqual([svg.err, svg.out], [err, renderSvg(view)], file);
      assert.deepEqual(checkMarkup(svg.out, 'xml').errors, [], file);
      const html = run(['render', file, '--format', 'html']);
      assert.deepEqual([html.err, html.out], [err, renderHtml(view)], file);
      assert.ok(html.out.includes(`<p class="kind">${kind}</p>`), file);
    }
  });

  it('writes to the -o file, taking the format from its extension when --format is left out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvas-render-'));
    const svgFile = join(dir, 'canvas.svg');
    const result = run(['render', 'examples/ride-hailing.canvas.yaml', '-o', svgFile]);
    assert.deepEqual(result, { code: 0, out: '', err: '' });
    assert.ok(readFileSync(svgFile, 'utf8').startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '));
    assert.equal(run(['render', 'examples/ride-hailing.canvas.yaml', '--output=page.html'], dir).code, 2);
    assert.equal(run(['render', join(ROOT, 'examples/ride-hailing.canvas.yaml'), '--output=page.html'], dir).code, 0);
    assert.ok(readFileSync(join(dir, 'page.html'), 'utf8').startsWith('<!DOCTYPE html>'));
    assert.equal(run(['render', join(ROOT, 'examples/ride-hailing.canvas.yaml'), '--format', 'md', '-o', 'x.svg'], dir).code, 0);
    assert.ok(readFileSync(join(dir, 'x.svg'), 'utf8').startsWith('# Ride-hailing for Seoul\n'));
    assert.equal(run(['render', 'examples/ride-hailing.canvas.yaml', '--format', 'md', '-o', '-']).out.startsWith('# Ride-hailing'), true);
  });

  it('renders a canvas with errors as far as it can be read: exit 0, a note on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvas-render-'));
    writeFileSync(join(dir, 'typo.canvas.yaml'), 'canvas: business-model\ntitle: Typo\nchannels:\n  - name: App\n    segmnts: [x]\n');
    const result = run(['render', 'typo.canvas.yaml', '--format', 'html'], dir);
    assert.equal(result.code, 0);
    assert.ok(result.out.includes('<p class="card-name">App</p>'));
    assert.ok(result.out.includes('Problems ('));
    assert.equal(result.err, 'canvas-as-code: typo.canvas.yaml has 1 error; rendered what could be read\n');
    // Broken YAML after a readable start: the start is drawn.
    writeFileSync(join(dir, 'tail.canvas.yaml'), 'canvas: business-model\ntitle: Tail\nchannels:\n  - name: App\n  - name: "unterminated\n');
    const tail = run(['render', 'tail.canvas.yaml', '--format', 'md'], dir);
    assert.equal(tail.code, 0);
    assert.ok(tail.out.startsWith('# Tail\n'));
    // Warnings only: nothing on stderr.
    writeFileSync(join(dir, 'warn.canvas.yaml'), 'canvas: business-model\ntitle: Warn\nchannels: [App]\n');
    assert.deepEqual([run(['render', 'warn.canvas.yaml', '--format', 'svg'], dir).code, run(['render', 'warn.canvas.yaml', '--format', 'svg'], dir).err], [0, '']);
  });

  it('exits 2 with a message on bad usage, an unreadable file or YAML no canvas can be read from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvas-render-'));
    writeFileSync(join(dir, 'broken.canvas.yaml'), '{ title: [unclosed\n');
    const cases: [string[], string][] = [
      [['render'], 'canvas-as-code: render needs a canvas file\n'],
      [['render', 'a.canvas.yaml'], 'canvas-as-code: render needs --format html, svg or md\n'],
      [['render', 'a.canvas.yaml', '--format', 'pdf'], 'canvas-as-code: --format must be html, svg or md, got "pdf"\n'],
      [['render', 'a.canvas.yaml', '--format'], 'canvas-as-code: --format must be html, svg or md, got nothing\n'],
      [['render', 'a.canvas.yaml', 'b.canvas.yaml', '--format', 'md'], 'canvas-as-code: render takes one file, got 2\n'],
      [['render', 'a.canvas.yaml', '--format', 'md', '-o'], 'canvas-as-code: -o needs a file name\n'],
      [['render', 'a.canvas.yaml', '--format', 'md', '--colour'], 'canvas-as-code: unknown option "--colour"\n'],
      [['render', 'a.canvas.yaml', '-o', 'out.pdf'], 'canvas-as-code: render needs --format html, svg or md\n'],
    ];
    for (const [args, message] of cases) {
      const result = run(args, dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.out, '');
      assert.ok(result.err.startsWith(message + '\nUsage:\n'), result.err);
    }
    const missing = run(['render', 'missing.canvas.yaml', '--format', 'html'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^canvas-as-code: cannot read missing\.canvas\.yaml: no such file or directory\n/);
    assert.equal(run(['render', '.', '--format', 'html'], dir).code, 2);
    const broken = run(['render', 'broken.canvas.yaml', '--format', 'svg'], dir);
    assert.deepEqual([broken.code, broken.out], [2, '']);
    assert.match(broken.err, /^canvas-as-code: cannot render broken\.canvas\.yaml: no canvas could be read \(broken\.canvas\.yaml:\d+:\d+ YAML syntax error: .*\)\n$/);
    const unwritable = run(['render', join(ROOT, 'examples/ride-hailing.canvas.yaml'), '--format', 'md', '-o', join(dir, 'no/such/dir/x.md')], dir);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.err, /^canvas-as-code: cannot write .*x\.md: ENOENT/);
    assert.equal(existsSync(join(dir, 'no')), false);
  });

  it('parses its arguments in any order', () => {
    assert.deepEqual(parseRenderArgs(['-o', 'x.html', 'a.canvas.yaml']), { file: 'a.canvas.yaml', format: 'html', output: 'x.html', maxFileSizeKB: 4096 });
    assert.deepEqual(parseRenderArgs(['--format', 'svg', 'a.canvas.yaml']), { file: 'a.canvas.yaml', format: 'svg', output: undefined, maxFileSizeKB: 4096 });
    assert.deepEqual(parseRenderArgs(['a.canvas.yaml', '--output', 'R.MARKDOWN']), { file: 'a.canvas.yaml', format: 'md', output: 'R.MARKDOWN', maxFileSizeKB: 4096 });
  });

  it('documents render in the usage text', () => {
    const help = run(['render', '--help']);
    assert.equal(help.code, 0);
    assert.ok(help.out.includes('  canvas-as-code render <file|-> --format html|svg|md [-o out] [--max-file-size KB]\n'));
    // Each command's --help is its own; the overview has every command's usage line.
    assert.ok(!help.out.includes('canvas-as-code validate'));
    assert.ok(run(['--help']).out.includes('  canvas-as-code render <file|-> --format html|svg|md [-o out] [--max-file-size KB]\n'));
  });

  it('sets the process exit code through the bin script', function () {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'canvas-render-'));
    const ok = spawnSync(process.execPath, [join(ROOT, 'bin/canvas-as-code.js'), 'render', join(ROOT, 'examples/korean-clinic.canvas.yaml'), '--format', 'svg', '-o', join(dir, 'k.svg')], { encoding: 'utf8' });
    assert.deepEqual([ok.status, ok.stderr], [0, '']);
    assert.ok(readFileSync(join(dir, 'k.svg'), 'utf8').includes('마포 온가족 의원'));
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin/canvas-as-code.js'), 'render', join(ROOT, 'examples/korean-clinic.canvas.yaml')], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
  });
});
