import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';

const ROOT = join(__dirname, '../../..');
const CLI = `node ${JSON.stringify(join(ROOT, 'bin/canvas-as-code.js'))}`;

/** Runs a step's script as GitHub does (bash --noprofile --norc -eo pipefail), the CLI from this checkout. */
function runStep(step: Step, cwd: string, env: Record<string, string> = {}) {
  const script = step.run!.replace(/npx canvas-as-code/g, CLI);
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe('docs/canvas-review.yml (GitHub Actions recipe)', () => {
  const workflow = parse(readFileSync(join(ROOT, 'docs/canvas-review.yml'), 'utf8'));
  const steps: Step[] = workflow.jobs.canvas.steps;

  it('runs on pull requests touching canvas files, allowed to comment', () => {
    assert.ok(workflow.on.pull_request.paths.includes('**/*.canvas.yaml'));
    assert.equal(workflow.permissions['pull-requests'], 'write');
  });

  it('checks out the full history, validates, diffs against the base and comments', () => {
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    assert.match(runs, /npx canvas-as-code validate \. --format github/);
    assert.match(runs, /npx canvas-as-code diff "git:\$BASE:\$old" "\.\/\$file" --format md/);
    assert.match(runs, /gh api --method PATCH /);
    assert.doesNotMatch(runs, /--edit-last/, 'edits whatever the bot posted last, another workflow\'s comment included');
    // Event data reaches scripts only through env: never spliced into a script's text.
    assert.doesNotMatch(runs, /\$\{\{/);
    const diffStep = steps.find((s) => s.run?.includes('canvas-as-code diff')) as Step & { env: Record<string, string> };
    assert.equal(diffStep.env.BASE, '${{ github.event.pull_request.base.sha }}');
  });

  it('the validate step turns CLI output into annotations on the right lines', function () {
    const step = steps.find((s) => s.run?.includes('canvas-as-code validate'))!;
    const dir = mkdtempSync(join(tmpdir(), 'canvas-workflow-'));
    copyFileSync(join(ROOT, 'test/fixtures/broken/typos.canvas.yaml'), join(dir, 'typos.canvas.yaml'));
    const script = step.run!.replace(/npx canvas-as-code/g, `node ${JSON.stringify(join(ROOT, 'bin/canvas-as-code.js'))}`);
    const result = spawnSync('bash', ['-e', '-c', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 1, 'errors fail the step');
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 6);
    assert.equal(
      lines[1],
      '::error file=typos.canvas.yaml,line=7,col=11,endLine=7,endColumn=21,title=schema::"mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
    );
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=typos\.canvas\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/.test(l)));
  });

  it('annotations escape %, CR, LF, ":" and "," in the file property, so a file name cannot forge or break one', () => {
    const step = steps.find((s) => s.run?.includes('canvas-as-code validate'))!;
    const dir = mkdtempSync(join(tmpdir(), 'canvas-workflow-'));
    copyFileSync(join(ROOT, 'test/fixtures/broken/typos.canvas.yaml'), join(dir, 'a,title=x:b%0A.canvas.yaml'));
    const result = runStep(step, dir);
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 6);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=a%2Ctitle=x%3Ab%250A\.canvas\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/);
    assert.deepEqual(readdirSync(dir), ['a,title=x:b%0A.canvas.yaml'], 'no scratch file left in the checkout');
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the diff and comment steps on a pull request with hostile file names', () => {
    const V1 = 'canvas: business-model\ntitle: Rides\ncustomer-segments:\n  - id: riders\n    name: Urban riders\n  - id: a\n    name: A\n  - id: b\n    name: B\n';
    const V2 = V1 + '  - id: drivers\n    name: Licensed drivers\n';
    const NAMES = ['plans/rides.canvas.yaml', '-dash.canvas.yaml', 'tick`s $(touch PWNED).canvas.yaml', '<img src=x onerror=alert(1)> @everyone #1.canvas.yaml', '한글 계획.canvas.yaml', 'bidi\u202eLMTH.canvas.yaml'];
    let repo: string;
    let temp: string;
    let diffMd: string;
    before(function () {
      this.timeout(60000);
      repo = mkdtempSync(join(tmpdir(), 'canvas-workflow-pr-'));
      temp = mkdtempSync(join(tmpdir(), 'canvas-workflow-runner-'));
      const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: repo };
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, env, encoding: 'utf8' });
      git('init', '-q');
      mkdirSync(join(repo, 'plans'));
      for (const name of NAMES) writeFileSync(join(repo, name), V1);
      writeFileSync(join(repo, 'old name.canvas.yaml'), V1);
      git('add', '--', '.');
      git('commit', '-q', '-m', 'base');
      const base = git('rev-parse', 'HEAD').trim();
      for (const name of NAMES) writeFileSync(join(repo, name), V2);
      renameSync(join(repo, 'old name.canvas.yaml'), join(repo, 'new name.canvas.yaml'));
      writeFileSync(join(repo, 'new name.canvas.yaml'), V2);
      writeFileSync(join(repo, 'added\nline.canvas.yaml'), 'canvas: business-model\ntitle: Other\nkey-partners:\n  - id: p\n    name: Partner\n');
      git('add', '-A', '--', '.');
      git('commit', '-q', '-m', 'pull request');
      const step = steps.find((s) => s.name === 'Semantic diff')!;
      const result = runStep(step, repo, { BASE: base, RUNNER_TEMP: temp });
      assert.equal(result.status, 0, result.stderr);
      diffMd = readFileSync(join(temp, 'canvas-diff.md'), 'utf8');
    });
    after(() => {
      rmSync(repo, { recursive: true, force: true });
      rmSync(temp, { recursive: true, force: true });
    });

    it('diffs every changed canvas, whatever its name (Korean, a leading "-", a newline, a rename)', () => {
      assert.equal(existsSync(join(repo, 'PWNED')), false);
      assert.doesNotMatch(diffMd, /could not diff/);
      // Six modified canvases and the renamed one are diffed; the one with a newline is new.
      assert.equal(diffMd.match(/\*\*Canvas changes:\*\* 1 added/g)?.length, NAMES.length + 1, diffMd);
      assert.equal(diffMd.match(/_new canvas_/g)?.length, 1);
      assert.deepEqual(readdirSync(repo).filter((f) => !f.endsWith('.canvas.yaml')).sort(), ['.git', 'plans'], 'no scratch file in the checkout');
    });

    it('each heading is nothing but code spans holding the names, control and bidi characters made visible', () => {
      const tokens = new MarkdownIt({ html: true, linkify: true }).parse(diffMd, {});
      const headings: string[][] = [];
      tokens.forEach((token, i) => {
        if (token.type !== 'heading_open') return;
        const children = tokens[i + 1].children!;
        const codes = children.filter((c) => c.type === 'code_inline');
        assert.ok(children.every((c) => c.type === 'code_inline' || (c.type === 'text' && /^ \(renamed from $|^\)$/.test(c.content))), JSON.stringify(children.map((c) => [c.type, c.content])));
        headings.push(codes.map((c) => c.content));
      });
      assert.deepEqual(
        headings.map((h) => h.join(' <- ')).sort(),
        [...NAMES.map((n) => n.replace('\u202e', '\\u202e')), 'added\\u000aline.canvas.yaml', 'new name.canvas.yaml <- old name.canvas.yaml'].sort(),
      );
    });

    it('the comment step edits only its own earlier comment (the bot\'s, with the marker), else posts a new one', function () {
      const step = steps.find((s) => s.name === 'Comment on the pull request')!;
      const bin = join(temp, 'bin');
      mkdirSync(bin, { recursive: true });
      // A fake gh: `api --paginate PATH --jq FILTER` answers from comments.json through jq; a
      // PATCH or POST records its method, path and body.
      writeFileSync(
        join(bin, 'gh'),
        [
          '#!/bin/bash',
          'if [ "$2" = --paginate ]; then jq -r "$5" "$FAKE/comments.json"; exit; fi',
          'printf "%s %s\\n" "$3" "$4" >> "$FAKE/calls"; cat >> "$FAKE/calls"',
        ].join('\n'),
      );
      chmodSync(join(bin, 'gh'), 0o755);
      const env = { RUNNER_TEMP: temp, FAKE: temp, PATH: `${bin}:${process.env.PATH}`, PR: '7', GITHUB_REPOSITORY: 'o/r', GH_TOKEN: 'x' };
      const marker = '<!-- canvas-as-code diff -->';
      const comments = [
        { id: 1, user: { login: 'github-actions[bot]' }, body: `${marker}\nold` },
        { id: 2, user: { login: 'mallory' }, body: `${marker}\nnot ours` },
        { id: 3, user: { login: 'github-actions[bot]' }, body: 'another workflow\'s comment' },
      ];
      writeFileSync(join(temp, 'comments.json'), JSON.stringify(comments));
      const edit = runStep(step, repo, env);
      assert.equal(edit.status, 0, edit.stderr);
      const [call, ...body] = readFileSync(join(temp, 'calls'), 'utf8').split('\n');
      assert.equal(call, 'PATCH repos/o/r/issues/comments/1');
      assert.equal(JSON.parse(body.join('\n')).body, `${marker}\n## Canvas changes\n\n${diffMd}`);
      rmSync(join(temp, 'calls'));
      writeFileSync(join(temp, 'comments.json'), JSON.stringify(comments.slice(1)));
      const post = runStep(step, repo, env);
      assert.equal(post.status, 0, post.stderr);
      assert.equal(readFileSync(join(temp, 'calls'), 'utf8').split('\n')[0], 'POST repos/o/r/issues/7/comments');
    });
  });
});
