import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { REVIEW_MARKER, REVIEW_USAGE, runReview } from '../../src/cli/reviewCommand';

function run(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runReview(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
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
  });
});
