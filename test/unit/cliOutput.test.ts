import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { githubData, githubProperty } from '../../src/cli/validateCommand';
import { CLEAN } from './helpers';

// Issue 12, item 5 for validate: names, keys, values and file names are untrusted. Text output and
// standard error show control, line-breaking and bidi characters as visible escapes; --format
// github writes GitHub workflow commands escaped as GitHub documents, so user text can never end a
// line and start a command (`::error …`) of its own. And item 10: a CRLF, an LF and a lone-CR copy
// of a canvas give the same line:col in every format.

const ROOT = join(__dirname, '../../..');
const TYPOS = readFileSync(join(ROOT, 'test/fixtures/broken/typos.canvas.yaml'), 'utf8');

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(['validate', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}

/** A served segment, and one with a hostile name and a hostile unknown key. */
const HOSTILE = CLEAN.replace(
  '    type: mass-market\n',
  '    type: mass-market\n  - id: evil\n    name: "Evil\\e[31mRed\\nNext\\rCR\\u0085C1\\u202eRTL 100%, a:b"\n    "x\\n::error file=x::forged": 1\n',
);
/** ESC, a newline that starts a workflow command, `:` `,` `%` and a bidi override in a file name. */
const HOSTILE_FILE = 'bad\u001b[2J\n::error file=y::z,w:v %0A\u202e.canvas.yaml';
const SHOWN_FILE = 'bad\\x1b[2J\\n::error file=y::z,w:v %0A\\u202e.canvas.yaml';
const SHOWN_NAME = 'Evil\\x1b[31mRed\\nNext\\rCR\\x85C1\\u202eRTL 100%, a:b';
const ALLOWED_KEYS = 'Allowed keys: id, name, description, type, linked, segmentation, persona, size, growth, priority, checks, color, tags, status, notes.';

describe('CLI output: hostile text is inert', () => {
  let dir: string;

  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'canvas-output-'));
    writeFileSync(join(dir, 'hostile.canvas.yaml'), HOSTILE);
    try {
      writeFileSync(join(dir, HOSTILE_FILE), HOSTILE);
    } catch {
      // Windows forbids these names; the tests that need it skip.
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const needsHostileName = (context: Mocha.Context) => {
    if (process.platform === 'win32') context.skip();
  };

  it('text output escapes ESC, newlines, CR, C1 and bidi characters in file names and messages, exactly', function () {
    needsHostileName(this);
    const result = run([HOSTILE_FILE], dir);
    assert.equal(result.code, 1);
    assert.equal(
      result.out,
      `${SHOWN_FILE}:8:11 warning unserved-segment Segment "${SHOWN_NAME}" is not served: no value proposition names it in its segments.\n` +
        `${SHOWN_FILE}:8:11 information segment-without-relationship Segment "${SHOWN_NAME}" has no customer relationship: no relationship names it in its segments.\n` +
        `${SHOWN_FILE}:9:5 error schema Unknown key "x\\n::error file=x::forged" in customer segment. ${ALLOWED_KEYS} (Extension keys start with "x-".)\n`,
    );
    assert.equal(result.err, '1 file checked: 3 problems (1 error, 1 warning, 1 information, 0 hints)\n');
    assert.doesNotMatch(result.out + result.err, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });

  it('--format github writes exactly one workflow command per problem, escaped as GitHub documents', function () {
    needsHostileName(this);
    const result = run([HOSTILE_FILE, '--format', 'github'], dir);
    assert.equal(result.code, 1);
    const file = 'bad\\x1b[2J\\n%3A%3Aerror file=y%3A%3Az%2Cw%3Av %250A\\u202e.canvas.yaml';
    const name = 'Evil\\x1b[31mRed\\nNext\\rCR\\x85C1\\u202eRTL 100%25, a:b';
    assert.equal(
      result.out,
      `::warning file=${file},line=8,col=11,endLine=8,endColumn=63,title=unserved-segment::Segment "${name}" is not served: no value proposition names it in its segments.\n` +
        `::notice file=${file},line=8,col=11,endLine=8,endColumn=63,title=segment-without-relationship::Segment "${name}" has no customer relationship: no relationship names it in its segments.\n` +
        `::error file=${file},line=9,col=5,endLine=9,endColumn=32,title=schema::Unknown key "x\\n::error file=x::forged" in customer segment. ${ALLOWED_KEYS} (Extension keys start with "x-".)\n`,
    );
    assert.equal(result.err, '1 file checked: 3 problems (1 error, 1 warning, 1 information, 0 hints)\n');
  });

  it('--format github: every line is one of ours, whatever the input (no forged ::error)', () => {
    const result = run(['hostile.canvas.yaml', '--format', 'github'], dir);
    const lines = result.out.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 3);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=hostile\.canvas\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\r\n]*$/);
    // The forged command is there, inert: in the middle of our line, its newline visible.
    assert.ok(lines[2].endsWith('::Unknown key "x\\n::error file=x::forged" in customer segment. ' + ALLOWED_KEYS + ' (Extension keys start with "x-".)'));
    // Text output too: no line starts a command.
    const text = run(['hostile.canvas.yaml'], dir).out.split('\n');
    assert.deepEqual(
      text.filter((l) => l.startsWith('::')),
      [],
    );
  });

  it('--format github maps severities: error, warning, and notice for information and hints', () => {
    writeFileSync(join(dir, 'blank.canvas.yaml'), 'canvas: business-model\ntitle: "Blank, 100%: a"\ncustomer-segments:\n  - id: a\n    name: A\n    type: mass-markt\n');
    const result = run(['blank.canvas.yaml', '--format=github'], dir);
    const levels = result.out
      .trimEnd()
      .split('\n')
      .map((l) => /^::(\w+) .*title=([a-z-]+)::/.exec(l)!.slice(1, 3).join(' '));
    assert.deepEqual(levels, [
      'notice empty-block',
      'notice empty-block',
      'notice empty-block',
      'notice empty-block',
      'notice empty-block',
      'notice empty-block',
      'notice empty-block',
      'notice empty-block',
      'warning unserved-segment',
      'notice segment-without-relationship',
      'error schema',
    ]);
    assert.equal(
      result.out.trimEnd().split('\n').pop(),
      '::error file=blank.canvas.yaml,line=6,col=11,endLine=6,endColumn=21,title=schema::"mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
    );
  });

  it('GitHub escaping: %, CR and LF in data; also : and , in properties', () => {
    assert.equal(githubData('100% done\r\n::error file=x::forged, a:b'), '100%25 done%0D%0A::error file=x::forged, a:b');
    assert.equal(githubProperty('a:b,c%d\r\ne'), 'a%3Ab%2Cc%25d%0D%0Ae');
    assert.equal(githubData('%0A'), '%250A', '% first, so an escape in the input is not decoded by GitHub');
  });

  it('JSON output keeps the text exact and writes C1 and bidi characters as \\u escapes', function () {
    needsHostileName(this);
    const result = run([HOSTILE_FILE, '--format', 'json'], dir);
    // Raw, only the newlines between the array's items.
    assert.doesNotMatch(result.out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    const parsed = JSON.parse(result.out) as { file: string; message: string }[];
    assert.equal(parsed[0].file, HOSTILE_FILE);
    assert.equal(parsed[0].message, 'Segment "Evil\u001b[31mRed\nNext\rCR\u0085C1\u202eRTL 100%, a:b" is not served: no value proposition names it in its segments.');
    assert.match(result.out, /CR\\u0085C1\\u202eRTL/);
  });

  it('messages on standard error name the file escaped (a file that cannot be read, a bad argument)', function () {
    needsHostileName(this);
    const unreadable = 'latin\u001b]0;owned\u0007\n::error::x.canvas.yaml';
    writeFileSync(join(dir, unreadable), Buffer.from('title: caf\u00e9\n', 'latin1'));
    assert.deepEqual(run([unreadable], dir), {
      code: 2,
      out: '',
      err: 'canvas-as-code: cannot read latin\\x1b]0;owned\\x07\\n::error::x.canvas.yaml: not UTF-8 text (invalid UTF-8 byte 0xE9 at line 1)\n0 files checked: 0 problems (0 errors, 0 warnings, 0 information, 0 hints); 1 file could not be read\n',
    });
    assert.equal(run(['hostile.canvas.yaml', '--format', 'x\u001b[2J\n::error::y'], dir).err, 'canvas-as-code: --format must be text, json, github or sarif, got "x\\x1b[2J\\n::error::y"\n');
    assert.equal(run(['hostile.canvas.yaml', '--jobs', '\u202e1'], dir).err, 'canvas-as-code: --jobs must be a positive integer, got "\\u202e1"\n');
    assert.match(run(['hostile.canvas.yaml', '--\u001b[2J\n::error::z'], dir).err, /^canvas-as-code: unknown option "--\\x1b\[2J\\n::error::z"\n/);
  });
});

describe('CLI output: the usage text', () => {
  it('holds no control or bidi character, and shows the escapes validate uses', () => {
    let out = '';
    main(['validate', '--help'], { out: (t) => void (out += t), err: () => {}, cwd: ROOT });
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assert.match(out, /visible escapes \(\\x1b, \\n, \\u202e\)/);
  });
});

describe('CLI output: line endings', () => {
  let dir: string;
  // Block and folded scalars, a multi-line quoted value and comments before the errors, so that a
  // line break read wrongly would move every position after it.
  const CANVAS = TYPOS.replace('title: Typo shop\n', 'title: "Typo\n  shop"\ndescription: |\n  Line one\n\n  Line three\nx-notes: >\n  folded\n  text\n');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'canvas-eol-'));
    writeFileSync(join(dir, 'lf.canvas.yaml'), CANVAS);
    writeFileSync(join(dir, 'crlf.canvas.yaml'), CANVAS.replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'cr.canvas.yaml'), CANVAS.replace(/\n/g, '\r'));
    // Mixed: every kind, in turn (never CR then LF: that would be one CRLF break).
    let i = 0;
    writeFileSync(join(dir, 'mixed.canvas.yaml'), CANVAS.replace(/\n/g, () => ['\n', '\r', '\r\n'][i++ % 3]));
    writeFileSync(join(dir, 'cr-bom.canvas.yaml'), '\ufeff' + CANVAS.replace(/\n/g, '\r'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'github']) {
    it(`CRLF, lone CR and mixed line breaks give the LF file's line:col (--format ${format})`, () => {
      const lf = run(['lf.canvas.yaml', '--format', format], dir);
      assert.equal(lf.code, 1);
      assert.ok(lf.out.split('lf.canvas.yaml').length > 6, 'the canvas has problems after the multi-line values');
      for (const other of ['crlf', 'cr', 'mixed', 'cr-bom']) {
        const result = run([`${other}.canvas.yaml`, '--format', format], dir);
        assert.deepEqual({ ...result, out: result.out.split(`${other}.canvas.yaml`).join('lf.canvas.yaml') }, lf, other);
      }
    });
  }

  it('the positions are the LF file’s, and right', () => {
    const lines = run(['cr.canvas.yaml'], dir).out.split('\n');
    assert.equal(lines[1], 'cr.canvas.yaml:15:11 error schema "mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.');
    assert.equal(CANVAS.split('\n')[14], '    type: mass-markt          # enum typo');
  });
});
