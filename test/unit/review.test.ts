import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { run as runCli } from '../../src/cli/main';
import { REVIEW_MARKER, REVIEW_USAGE } from '../../src/cli/reviewCommand';

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  // Through the CLI's command table, as `canvas-as-code review …` runs it.
  const code = runCli(['review', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd }, false) as number;
  return { code, out, err };
}

interface Repo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  commit(message: string): string;
}

function makeRepo(branch = 'main'): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'canvas-review-'));
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, stdio: 'pipe', encoding: 'utf8' });
  git('init', '-q', '-b', branch);
  return {
    dir,
    git,
    write: (path, text) => writeFileSync(join(dir, path), text),
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
  };
}

/** A business model canvas with no errors or warnings: every segment is served by the value proposition. */
function canvas(title: string, segments: Array<[string, string]>, extra = ''): string {
  const lines = ['canvas: business-model', `title: ${title}`, 'customer-segments:'];
  for (const [id, name] of segments) lines.push(`  - id: ${id}`, `    name: ${JSON.stringify(name)}`);
  lines.push('value-propositions:', `  - id: ${title.toLowerCase().replace(/\W+/g, '-')}-offer`, `    name: ${title} offer`, `    segments: [${segments.map(([id]) => id).join(', ')}]`);
  return lines.join('\n') + '\n' + extra;
}

const SEGMENTS: Array<[string, string]> = [
  ['riders', 'Urban riders'],
  ['drivers', 'Licensed drivers'],
  ['fleets', 'Fleet owners'],
  ['cities', 'City councils'],
  ['students', 'Students'],
];

const KOREAN = '사업 계획.canvas.yaml';
const NEWLINE = 'line\nbreak.canvas.yaml';
const HOSTILE = '<img src=x onerror=alert(1)> @octo #1 [x](javascript:alert(1))';

describe('CLI review', function () {
  this.timeout(60000);
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('a feature branch against main', () => {
    let repo: Repo;
    let base: string;
    let head: string;
    before(() => {
      repo = makeRepo();
      dirs.push(repo.dir);
      repo.write('modified.canvas.yaml', canvas('Rides', SEGMENTS.slice(0, 1)));
      repo.write('deleted.canvas.yaml', canvas('Gone', SEGMENTS.slice(0, 2)));
      repo.write('old name.canvas.yaml', canvas('Moving', SEGMENTS));
      repo.write('source.canvas.yaml', canvas('Source', SEGMENTS));
      repo.write('notes.txt', 'just: text\n');
      base = repo.commit('base');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('modified.canvas.yaml', canvas('Rides', SEGMENTS.slice(0, 2)));
      rmSync(join(repo.dir, 'deleted.canvas.yaml'));
      rmSync(join(repo.dir, 'old name.canvas.yaml'));
      repo.write('new name.canvas.yaml', canvas('Moving', [...SEGMENTS.slice(0, 4), ['students', 'University students']]));
      // A copy is found when its source changes in the same commit (git diff -C).
      repo.write(KOREAN, canvas('Source', SEGMENTS));
      repo.write('source.canvas.yaml', canvas('Source', [...SEGMENTS, ['tourists', 'Tourists']]));
      repo.write('added.canvas.yaml', canvas('New', [['riders', HOSTILE], ['riders', 'Again']]));
      repo.write(NEWLINE, canvas('Odd name', [['walkers', 'Walkers']]));
      repo.write('notes.txt', 'other: text\n');
      repo.write('other.yaml', 'not: a canvas\n');
      head = repo.commit('feature');
    });

    it('--format json: every change with its status, paths, diff and problems; exit 1 for the error', () => {
      const { code, out, err } = run(['--base', 'main', '--head', 'feature', '--format', 'json'], repo.dir);
      assert.equal(err, '');
      assert.equal(code, 1);
      const review = JSON.parse(out);
      assert.deepEqual(Object.keys(review), ['base', 'head', 'summary', 'canvases']);
      assert.equal(review.base, base);
      assert.equal(review.head, head);
      assert.deepEqual(review.summary, { canvases: 7, added: 2, deleted: 1, modified: 2, renamed: 1, copied: 1, errors: 1, warnings: 0 });
      const shape = review.canvases.map((c: { status: string; path: string; oldPath?: string; diff: { summary: unknown } | null; problems: Array<{ code: string; severity: string }> }) => ({
        status: c.status,
        path: c.path,
        oldPath: c.oldPath,
        summary: c.diff?.summary,
        problems: c.problems.map((p) => `${p.severity} ${p.code}`),
      }));
      assert.deepEqual(shape, [
        { status: 'added', path: 'added.canvas.yaml', oldPath: undefined, summary: { added: 3, removed: 0, changed: 0, moved: 0 }, problems: ['error duplicate-id'] },
        { status: 'deleted', path: 'deleted.canvas.yaml', oldPath: undefined, summary: { added: 0, removed: 3, changed: 0, moved: 0 }, problems: [] },
        { status: 'added', path: NEWLINE, oldPath: undefined, summary: { added: 2, removed: 0, changed: 0, moved: 0 }, problems: [] },
        { status: 'modified', path: 'modified.canvas.yaml', oldPath: undefined, summary: { added: 1, removed: 0, changed: 1, moved: 0 }, problems: [] },
        { status: 'renamed', path: 'new name.canvas.yaml', oldPath: 'old name.canvas.yaml', summary: { added: 0, removed: 0, changed: 1, moved: 0 }, problems: [] },
        { status: 'modified', path: 'source.canvas.yaml', oldPath: undefined, summary: { added: 1, removed: 0, changed: 1, moved: 0 }, problems: [] },
        { status: 'copied', path: KOREAN, oldPath: 'source.canvas.yaml', summary: { added: 0, removed: 0, changed: 0, moved: 0 }, problems: [] },
      ]);
      // The keys of one canvas, in order, and one diff and one problem in full.
      const modified = review.canvases.find((c: { path: string }) => c.path === 'modified.canvas.yaml');
      assert.deepEqual(Object.keys(modified), ['status', 'path', 'diff', 'problems']);
      assert.deepEqual(Object.keys(review.canvases.find((c: { path: string }) => c.path === 'new name.canvas.yaml')), ['status', 'path', 'oldPath', 'diff', 'problems']);
      assert.deepEqual(modified.diff, {
        equal: false,
        fields: [],
        summary: { added: 1, removed: 0, changed: 1, moved: 0 },
        blocks: [
          {
            block: 'value-propositions',
            title: 'Value Propositions',
            added: [],
            removed: [],
            changed: [{ index: 0, id: 'rides-offer', name: 'Rides offer', oldIndex: 0, changes: [{ field: 'segments', kind: 'list', gained: ['drivers'], lost: [] }] }],
            moved: [],
            reordered: false,
          },
          { block: 'customer-segments', title: 'Customer Segments', added: [{ index: 1, id: 'drivers', name: 'Licensed drivers' }], removed: [], changed: [], moved: [], reordered: false },
        ],
      });
      assert.deepEqual(review.canvases[0].problems[0], {
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 15,
        severity: 'error',
        code: 'duplicate-id',
        message: review.canvases[0].problems[0].message,
      });
      assert.match(review.canvases[0].problems[0].message, /^Duplicate id "riders"/);
    });

    it('--format md: one comment, the marker, a heading per canvas with its path as a code span, no raw HTML', () => {
      const { code, out, err } = run(['--base', 'main', '--head', 'feature', '--format', 'md'], repo.dir);
      assert.equal(err, '');
      assert.equal(code, 1);
      assert.ok(out.startsWith(`${REVIEW_MARKER}\n`));
      assert.match(out.split('\n')[1], /7 canvases changed: 2 added, 1 deleted, 2 modified, 1 renamed, 1 copied; 1 error, 0 warnings$/);
      // html: true, as GitHub renders some HTML: nothing from a canvas or a file name may become any.
      const md = new MarkdownIt({ html: true });
      const tokens = md.parse(out, {});
      const html = tokens.filter((t) => t.type === 'html_block' || t.type === 'html_inline' || (t.children ?? []).some((c) => c.type === 'html_inline'));
      assert.deepEqual(html.map((t) => t.content.trim()), [REVIEW_MARKER]);
      const headings: string[] = [];
      tokens.forEach((t, i) => {
        if (t.type !== 'heading_open') return;
        const children = tokens[i + 1].children ?? [];
        assert.deepEqual(children.map((c) => c.type), ['code_inline'], `heading ${tokens[i + 1].content}`);
        headings.push(children[0].content);
      });
      assert.deepEqual(headings, ['added.canvas.yaml', 'deleted.canvas.yaml', 'line break.canvas.yaml', 'modified.canvas.yaml', 'new name.canvas.yaml', 'source.canvas.yaml', KOREAN]);
      const rendered = md.render(out);
      assert.doesNotMatch(rendered, /<img|<a |href=/);
      assert.match(rendered, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.match(rendered, /<em>renamed from<\/em> <code>old name\.canvas\.yaml<\/code>/);
      assert.match(rendered, /<li><strong>error<\/strong> line 6, column 9: Duplicate id/);
    });

    it('--format text: one line per change, user text made visible', () => {
      const { code, out } = run(['--head=feature', '--base=main'], repo.dir);
      assert.equal(code, 1);
      const lines = out.split('\n');
      assert.equal(lines[0], `Canvas review ${base.slice(0, 12)}..${head.slice(0, 12)}`);
      assert.equal(lines[1], '7 canvases changed: 2 added, 1 deleted, 2 modified, 1 renamed, 1 copied; 1 error, 0 warnings');
      const titles = lines.filter((l) => /^[a-z]+: /.test(l));
      assert.deepEqual(titles, [
        'added: added.canvas.yaml',
        'deleted: deleted.canvas.yaml',
        'added: line\\nbreak.canvas.yaml',
        'modified: modified.canvas.yaml',
        'renamed: old name.canvas.yaml -> new name.canvas.yaml',
        'modified: source.canvas.yaml',
        `copied: source.canvas.yaml -> ${KOREAN}`,
      ]);
      const modified = lines.indexOf('modified: modified.canvas.yaml');
      assert.deepEqual(lines.slice(modified, modified + 6), [
        'modified: modified.canvas.yaml',
        '  1 added, 0 removed, 1 changed, 0 moved',
        '  Value Propositions',
        '    ~ "Rides offer" (rides-offer)',
        '        segments: +drivers',
        '  Customer Segments',
      ]);
      assert.ok(lines.includes('  6:9 error Duplicate id "riders": it is already used by the card on line 4. Ids must be unique across the whole file. [duplicate-id]'), out);
    });

    it('by default: from the merge base with main to the work tree, uncommitted and untracked canvases included', () => {
      repo.write('modified.canvas.yaml', canvas('Rides', SEGMENTS.slice(0, 3)));
      repo.write('draft.canvas.yaml', canvas('Draft', [['walkers', 'Walkers']]));
      repo.write('ignored.canvas.yaml', canvas('Ignored', [['walkers', 'Walkers']]));
      repo.write('.gitignore', 'ignored.canvas.yaml\n');
      symlinkSync('/etc/hostname', join(repo.dir, 'link.canvas.yaml'));
      try {
        const { code, out, err } = run(['--format', 'json'], repo.dir);
        assert.equal(err, '');
        assert.equal(code, 1);
        const review = JSON.parse(out);
        assert.equal(review.base, base);
        assert.equal(review.head, null);
        const byPath = new Map<string, { status: string; diff: { summary: { added: number } } }>(review.canvases.map((c: { path: string }) => [c.path, c]));
        assert.equal(byPath.get('draft.canvas.yaml')?.status, 'added');
        assert.equal(byPath.has('ignored.canvas.yaml'), false);
        assert.equal(byPath.has('link.canvas.yaml'), false);
        assert.equal(byPath.get('modified.canvas.yaml')?.diff.summary.added, 2);
        assert.equal(review.summary.canvases, 8);
        // From a subdirectory too: paths stay relative to the repository root.
        execFileSync('mkdir', ['-p', join(repo.dir, 'sub')]);
        const inSub = JSON.parse(run(['--format', 'json'], join(repo.dir, 'sub')).out);
        assert.deepEqual(inSub.canvases, review.canvases);
      } finally {
        rmSync(join(repo.dir, 'draft.canvas.yaml'));
        rmSync(join(repo.dir, 'ignored.canvas.yaml'));
        rmSync(join(repo.dir, '.gitignore'));
        rmSync(join(repo.dir, 'link.canvas.yaml'));
        repo.git('checkout', '-q', '--', 'modified.canvas.yaml');
      }
    });

    it('--base and --head as commit ids; no change is exit 0', () => {
      const { code, out } = run(['--base', head, '--head', head], repo.dir);
      assert.equal(code, 0);
      assert.equal(out, `Canvas review ${head.slice(0, 12)}..${head.slice(0, 12)}\nNo canvases changed\n`);
      const md = run(['--base', head, '--head', head, '--format', 'md'], repo.dir);
      assert.equal(md.code, 0);
      assert.equal(md.out, `${REVIEW_MARKER}\n**Canvas review** (\`${head.slice(0, 12)}..${head.slice(0, 12)}\`): No canvases changed\n`);
    });

    it('changes without errors exit 0 (main against its own work tree, a modified canvas)', () => {
      repo.git('checkout', '-q', 'main');
      try {
        repo.write('modified.canvas.yaml', canvas('Rides', SEGMENTS.slice(0, 2)));
        const { code, out } = run([], repo.dir);
        assert.equal(code, 0, out);
        assert.equal(out.split('\n')[1], '1 canvas changed: 0 added, 0 deleted, 1 modified, 0 renamed, 0 copied; 0 errors, 0 warnings');
      } finally {
        repo.git('checkout', '-q', '--', 'modified.canvas.yaml');
        repo.git('checkout', '-q', 'feature');
      }
    });

    it('bad revisions are exit 2 with a message, and never reach git as an option', () => {
      for (const args of [['--base', 'nope'], ['--head', 'nope'], ['--base=--output=x'], ['--base', '--output=x'], ['--base', 'main..feature'], ['--base', '']]) {
        const { code, out, err } = run(args, repo.dir);
        assert.equal(code, 2, args.join(' '));
        assert.equal(out, '');
        assert.match(err, /^canvas-as-code: /, args.join(' '));
      }
      assert.match(run(['--base', 'nope'], repo.dir).err, /bad --base "nope"/);
      assert.match(run(['--base=--output=x'], repo.dir).err, /cannot start with "-"/);
      assert.equal(existsSync(join(repo.dir, 'x')), false);
      assert.equal(readdirSync(repo.dir).some((f) => f.startsWith('--') || f === 'x'), false);
    });
  });

  it('a canvas over --max-file-size is not read: no diff, one error, exit 1', () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    repo.write('small.canvas.yaml', canvas('Small', [['walkers', 'Walkers']]));
    const first = repo.commit('small');
    repo.write('small.canvas.yaml', canvas('Small', [['walkers', 'Walkers']], `description: "${'x'.repeat(2000)}"\n`));
    repo.commit('big');
    const { code, out } = run(['--base', first, '--head', 'HEAD', '--format', 'json', '--max-file-size', '1'], repo.dir);
    assert.equal(code, 1);
    const [only] = JSON.parse(out).canvases;
    assert.equal(only.diff, null);
    assert.deepEqual(only.problems.map((p: { code: string; severity: string }) => `${p.severity} ${p.code}`), ['error unreadable']);
    assert.match(only.problems[0].message, /^cannot read small\.canvas\.yaml: file too large/);
  });

  it('outside a git repository: exit 2 and a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvas-review-none-'));
    dirs.push(dir);
    const { code, out, err } = run([], dir);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^canvas-as-code: not a git repository/);
  });

  it('no default branch (no origin/HEAD, main or master): exit 2 asking for --base; --base works', () => {
    const repo = makeRepo('trunk');
    dirs.push(repo.dir);
    repo.write('a.canvas.yaml', canvas('A', [['walkers', 'Walkers']]));
    repo.commit('a');
    const { code, err } = run([], repo.dir);
    assert.equal(code, 2);
    assert.match(err, /no default branch .*origin\/HEAD, main, master.*pass --base REV/);
    assert.equal(run(['--base', 'HEAD'], repo.dir).code, 0);
    const fresh = makeRepo();
    dirs.push(fresh.dir);
    assert.match(run([], fresh.dir).err, /HEAD names no commit/);
  });

  it('usage: unknown flags, positionals and a bad --format are exit 2 with the usage line; --help is exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvas-review-usage-'));
    dirs.push(dir);
    for (const args of [['--bogus'], ['file.canvas.yaml'], ['--format', 'xml'], ['--base'], ['--max-file-size', 'big']]) {
      const { code, out, err } = run(args, dir);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.ok(err.endsWith(`\n\nUsage:\n  ${REVIEW_USAGE}\nRun "canvas-as-code review --help" for more.\n`), err);
    }
    assert.match(run(['--bogus'], dir).err, /--bogus/);
    const help = run(['--help'], dir);
    assert.equal(help.code, 0);
    assert.ok(help.out.startsWith(`Usage:\n  ${REVIEW_USAGE}\n`));
  });
});
