/**
 * The GitHub Action (action.yml → action/index.js), run as GitHub runs it — `node action/index.js`
 * in a child process, inputs as INPUT_* variables — against a stand-in of the REST API on
 * 127.0.0.1 and a temporary git repository with a pull request's base and head commits. No GitHub.
 */
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { COMMENT_LIMIT, CUT_NOTE, cutMarkdown, nextLink, outputBlock } from '../../src/action/action';
import { buildReview, REVIEW_MARKER, reviewToMarkdown } from '../../src/cli/reviewCommand';

const ROOT = join(__dirname, '../../..');
const ACTION = join(ROOT, 'action/index.js');
const TYPOS = join(ROOT, 'test/fixtures/broken/typos.canvas.yaml');

// ---------------------------------------------------------------------------------------------
// The REST API stand-in.

interface Comment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body?: unknown;
}

class FakeGitHub {
  requests: Recorded[] = [];
  comments: Comment[] = [];
  /** What GET /user answers: a user token's login, or the 403/404 of an installation token. */
  user: { login: string } | 403 | 404 = 403;
  /** 403 on POST and PATCH: a fork's read-only token. */
  readOnly = false;
  pageSize = 2;
  private nextId = 100;
  private server!: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }

  reset(): void {
    this.requests = [];
    this.comments = [];
    this.user = 403;
    this.readOnly = false;
  }

  /** The login the token posts as. */
  private login(): string {
    return typeof this.user === 'object' ? this.user.login : 'github-actions[bot]';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, ...(body !== undefined ? { body } : {}) });
    const url = new URL(req.url!, `http://127.0.0.1:${this.port}`);
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    if (req.method === 'GET' && url.pathname === '/user') {
      if (typeof this.user === 'number') return send(this.user, { message: this.user === 403 ? 'Resource not accessible by integration' : 'Not Found' });
      return send(200, this.user);
    }
    if (url.pathname === '/repos/o/r/issues/1/comments') {
      if (req.method === 'GET') {
        const page = Number(url.searchParams.get('page') ?? '1');
        const last = Math.max(1, Math.ceil(this.comments.length / this.pageSize));
        const link = (p: number) => `<http://127.0.0.1:${this.port}/repos/o/r/issues/1/comments?per_page=100&page=${p}>`;
        const links = [...(page < last ? [`${link(page + 1)}; rel="next"`] : []), `${link(last)}; rel="last"`, `${link(1)}; rel="first"`];
        return send(200, this.comments.slice((page - 1) * this.pageSize, page * this.pageSize), { link: links.join(', ') });
      }
      if (req.method === 'POST') {
        if (this.readOnly) return send(403, { message: 'Resource not accessible by integration' });
        const id = this.nextId++;
        const comment = { id, body: body.body, user: { login: this.login() }, html_url: `https://github.test/o/r/pull/1#issuecomment-${id}` };
        this.comments.push(comment);
        return send(201, comment);
      }
    }
    const patch = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (patch && req.method === 'PATCH') {
      if (this.readOnly) return send(403, { message: 'Resource not accessible by integration' });
      const comment = this.comments.find((c) => c.id === Number(patch[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = body.body;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  }

  /** The requests, without their Authorization header, as "METHOD url". */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.url}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The pull request: a temporary repository, an event payload, the runner's files.

const V1 = 'canvas: business-model\ntitle: Rides\ncustomer-segments:\n  - id: riders\n    name: Urban riders\n  - id: a\n    name: A\n  - id: b\n    name: B\n';
const V2 = V1 + '  - id: drivers\n    name: Licensed drivers\n';
const OTHER = 'canvas: business-model\ntitle: Other\nkey-partnerships:\n  - id: p\n    name: Partner\n';
/** Names a pull request's author may choose: none may become markup, a mention, a link or a command. */
const HOSTILE = ['-dash.canvas.yaml', 'tick`s $(touch PWNED).canvas.yaml', '<img src=x onerror=alert(1)> @everyone #1.canvas.yaml', '한글 계획.canvas.yaml', 'bidi\u202eLMTH.canvas.yaml', 'added\nline.canvas.yaml'];

function git(cwd: string, ...args: string[]): string {
  const env = { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: cwd };
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8', stdio: 'pipe' });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Parses GITHUB_OUTPUT's `name<<DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    outputs[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** Runs `node action/index.js` as the runner does; only the variables given (and PATH) are set. */
function runAction(workspace: string, env: Record<string, string>): Promise<Run> {
  const runner = mkdtempSync(join(tmpdir(), 'canvas-action-runner-'));
  const summary = join(runner, 'summary.md');
  const output = join(runner, 'output');
  writeFileSync(summary, '# earlier step\n');
  writeFileSync(output, '');
  const fullEnv = {
    PATH: process.env.PATH!,
    HOME: runner,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_REPOSITORY: 'o/r',
    'INPUT_GITHUB-TOKEN': 'ghs_test',
    ...env,
  };
  return new Promise((done) => {
    execFile('node', [ACTION], { cwd: workspace, env: fullEnv, encoding: 'utf8' }, (error, stdout, stderr) => {
      const run = {
        code: error ? ((error as { code?: number }).code ?? null) : 0,
        stdout,
        stderr,
        summary: readFileSync(summary, 'utf8'),
        outputs: parseOutputs(readFileSync(output, 'utf8')),
      };
      rmSync(runner, { recursive: true, force: true });
      done(run);
    });
  });
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(120000);
  const api = new FakeGitHub();
  let repo: string;
  let base: string;
  let events: string;
  let expected: string;

  /** An event payload file; `fork`: the head repository is another one. */
  function event(fork = false): string {
    const path = join(events, `event-${fork ? 'fork' : 'same'}.json`);
    writeFileSync(path, JSON.stringify({ action: 'synchronize', number: 1, pull_request: { number: 1, base: { sha: base, repo: { full_name: 'o/r' } }, head: { sha: 'x', repo: { full_name: fork ? 'mallory/r' : 'o/r' } } } }));
    return path;
  }

  function prEnv(extra: Record<string, string> = {}): Record<string, string> {
    return { GITHUB_API_URL: `http://127.0.0.1:${api.port}`, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event(), ...extra };
  }

  before(async function () {
    assert.ok(existsSync(ACTION), 'action/index.js is built (npm run build)');
    await api.start();
    events = mkdtempSync(join(tmpdir(), 'canvas-action-events-'));
    repo = mkdtempSync(join(tmpdir(), 'canvas-action-pr-'));
    git(repo, 'init', '-q', '-b', 'main');
    mkdirSync(join(repo, 'plans'));
    writeFileSync(join(repo, 'plans/rides.canvas.yaml'), V1);
    writeFileSync(join(repo, 'old name.canvas.yaml'), V1);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    base = git(repo, 'rev-parse', 'HEAD').trim();
    // The head: one canvas edited, one renamed (and edited), hostile names added.
    writeFileSync(join(repo, 'plans/rides.canvas.yaml'), V2);
    git(repo, 'mv', 'old name.canvas.yaml', 'new name.canvas.yaml');
    writeFileSync(join(repo, 'new name.canvas.yaml'), V2);
    // Not like any canvas of the base, or git would report them as copies.
    for (const name of HOSTILE) writeFileSync(join(repo, name), OTHER);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'pull request');
    const review = buildReview({ out: () => {}, err: () => {}, cwd: repo }, { base });
    assert.ok(!('error' in review));
    expected = reviewToMarkdown(review);
  });

  after(async () => {
    await api.stop();
    rmSync(repo, { recursive: true, force: true });
    rmSync(events, { recursive: true, force: true });
  });

  beforeEach(() => api.reset());

  it('declares its inputs and runs the committed bundle on node20', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    assert.deepEqual(action.runs, { using: 'node20', main: 'action/index.js' });
    assert.deepEqual(Object.keys(action.inputs), ['files', 'config', 'fail-on', 'comment', 'sarif', 'github-token', 'base']);
    assert.equal(action.inputs.files.default, '.');
    assert.equal(action.inputs['fail-on'].default, 'error');
    assert.equal(action.inputs.comment.default, 'true');
    assert.equal(action.inputs['github-token'].default, '${{ github.token }}');
  });

  it('docs/github-actions.md shows a 6-line workflow using it', () => {
    const docs = readFileSync(join(ROOT, 'docs/github-actions.md'), 'utf8');
    const yaml = /```yaml\n([^]*?)```/.exec(docs)![1];
    assert.equal(yaml.trimEnd().split('\n').length, 6);
    const workflow = parse(yaml);
    assert.deepEqual(workflow.permissions, { contents: 'read', 'pull-requests': 'write' });
    const { repository } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const [, slug] = /github\.com\/([^/]+\/[^/.]+)/.exec(repository.url)!;
    assert.deepEqual(workflow.jobs.canvas.steps.map((s: { uses: string }) => s.uses), ['actions/checkout@v4', `${slug}@v0`]);
  });

  it('new pull request: posts one comment, the review, exactly', async () => {
    const run = await runAction(repo, prEnv());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(api.calls(), ['GET /user', 'GET /repos/o/r/issues/1/comments?per_page=100', 'POST /repos/o/r/issues/1/comments']);
    assert.ok(api.requests.every((r) => r.authorization === 'Bearer ghs_test'));
    assert.deepEqual(api.requests[2].body, { body: expected });
    assert.ok(expected.startsWith(`${REVIEW_MARKER}\n**Canvas review**`));
    assert.match(expected, /8 canvases changed: 6 added, 0 deleted, 1 modified, 1 renamed, 0 copied; 0 errors, 8 warnings/);
    // The job summary: after what earlier steps wrote, the review.
    assert.ok(run.summary.startsWith(`# earlier step\n${expected.trimEnd()}\n\nValidation: 0 errors, 8 warnings`), run.summary);
    assert.equal(run.outputs['changed-canvases'], '8');
    assert.equal(run.outputs.errors, '0');
    assert.equal(run.outputs['comment-url'], 'https://github.test/o/r/pull/1#issuecomment-100');
    assert.equal(run.outputs.review, expected);
    assert.equal(existsSync(join(repo, 'PWNED')), false);
  });

  it('updated pull request: edits its own comment (found on a later page), no other', async () => {
    api.comments = [
      { id: 1, user: { login: 'mallory' }, body: `${REVIEW_MARKER}\nnot ours`, html_url: 'u1' },
      { id: 2, user: { login: 'github-actions[bot]' }, body: "another workflow's comment", html_url: 'u2' },
      { id: 3, user: { login: 'someone' }, body: 'LGTM', html_url: 'u3' },
      { id: 4, user: { login: 'github-actions[bot]' }, body: `${REVIEW_MARKER}\nold review`, html_url: 'u4' },
      { id: 5, user: { login: 'github-actions[bot]' }, body: `${REVIEW_MARKER}\nolder duplicate`, html_url: 'u5' },
    ];
    const run = await runAction(repo, prEnv());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(api.calls(), [
      'GET /user',
      'GET /repos/o/r/issues/1/comments?per_page=100',
      'GET /repos/o/r/issues/1/comments?per_page=100&page=2',
      'GET /repos/o/r/issues/1/comments?per_page=100&page=3',
      'PATCH /repos/o/r/issues/comments/4',
    ]);
    assert.deepEqual(api.requests[4].body, { body: expected });
    assert.deepEqual(
      api.comments.map((c) => c.body),
      [`${REVIEW_MARKER}\nnot ours`, "another workflow's comment", 'LGTM', expected, `${REVIEW_MARKER}\nolder duplicate`],
    );
  });

  it("another author's comment with the same marker is never touched: ours is posted (a user token: GET /user)", async () => {
    api.user = { login: 'canvas-bot' };
    api.comments = [
      { id: 1, user: { login: 'github-actions[bot]' }, body: `${REVIEW_MARKER}\nanother workflow's review`, html_url: 'u1' },
      { id: 2, user: { login: 'other-app[bot]' }, body: `${REVIEW_MARKER}\nsame marker`, html_url: 'u2' },
    ];
    const run = await runAction(repo, prEnv());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(api.calls(), ['GET /user', 'GET /repos/o/r/issues/1/comments?per_page=100', 'POST /repos/o/r/issues/1/comments']);
    assert.equal(api.comments[0].body, `${REVIEW_MARKER}\nanother workflow's review`);
    assert.equal(api.comments[1].body, `${REVIEW_MARKER}\nsame marker`);
    assert.deepEqual(api.comments[2].user, { login: 'canvas-bot' });
    // The second run finds the one it posted.
    api.requests = [];
    await runAction(repo, prEnv());
    assert.deepEqual(api.calls().at(-1), `PATCH /repos/o/r/issues/comments/${api.comments[2].id}`);
    assert.equal(api.comments.length, 3);
  });

  it('GET /user answering 404 is an installation token too: github-actions[bot]', async () => {
    api.user = 404;
    api.comments = [{ id: 7, user: { login: 'github-actions[bot]' }, body: `${REVIEW_MARKER}\nold`, html_url: 'u7' }];
    const run = await runAction(repo, prEnv());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(api.calls().at(-1), 'PATCH /repos/o/r/issues/comments/7');
  });

  it('fork pull request (the head is another repository): no API call, the review in the job summary, exit 0', async () => {
    const run = await runAction(repo, prEnv({ GITHUB_EVENT_PATH: event(true) }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(api.calls(), []);
    assert.ok(run.summary.includes(expected.trimEnd()));
    assert.match(run.summary, /comes from a fork: its token is read-only, so the review is here, in the job summary, and not in a comment/);
  });

  it('a fork under pull_request_target (the base repository\'s token) comments', async () => {
    const run = await runAction(repo, prEnv({ GITHUB_EVENT_PATH: event(true), GITHUB_EVENT_NAME: 'pull_request_target' }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(api.calls().at(-1), 'POST /repos/o/r/issues/1/comments');
  });

  it('read-only token (403 on POST): the review in the job summary with the reason, exit 0', async () => {
    api.readOnly = true;
    const run = await runAction(repo, prEnv());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(api.calls(), ['GET /user', 'GET /repos/o/r/issues/1/comments?per_page=100', 'POST /repos/o/r/issues/1/comments']);
    assert.ok(run.summary.includes(expected.trimEnd()));
    assert.match(run.summary, /GitHub answered 403/);
    assert.doesNotMatch(run.stdout, /::error/);
  });

  it('comment: false posts nothing; the summary still has the review', async () => {
    const run = await runAction(repo, prEnv({ INPUT_COMMENT: 'false' }));
    assert.equal(run.code, 0);
    assert.deepEqual(api.calls(), []);
    assert.ok(run.summary.includes(expected.trimEnd()));
  });

  it('the comment lists every changed canvas under a heading that is nothing but its name in a code span', async () => {
    await runAction(repo, prEnv());
    const body = api.comments[0].body;
    const tokens = new MarkdownIt({ html: true, linkify: true }).parse(body, {});
    const headings: string[] = [];
    tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const children = tokens[i + 1].children!;
      assert.deepEqual(children.map((c) => c.type), ['code_inline'], JSON.stringify(children.map((c) => [c.type, c.content])));
      headings.push(children[0].content);
    });
    // Control and bidi characters shown as \uXXXX; a line break, as a space (markdownCode).
    const visible = (name: string) => name.replace('\u202e', '\\u202e').replace('\n', ' ');
    assert.deepEqual(headings.sort(), [...HOSTILE.map(visible), 'plans/rides.canvas.yaml', 'new name.canvas.yaml'].sort());
    // No HTML, link or mention comes out of a name.
    const markup = tokens.flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => /^html_|^link_open$/.test(t.type));
    assert.deepEqual(markup.map((t) => t.content || t.attrGet('href')), ['<!-- canvas-as-code review -->\n'], 'only the marker');
    assert.match(body, /_renamed from_ `old name\.canvas\.yaml`/);
  });

  describe('validation: annotations, fail-on, SARIF', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'canvas-action-validate-'));
      mkdirSync(join(dir, 'errors'));
      mkdirSync(join(dir, 'warnings'));
      copyFileSync(TYPOS, join(dir, 'errors/typos.canvas.yaml'));
      writeFileSync(join(dir, 'warnings/w.canvas.yaml'), 'canvas: business-model\ntitle: W\ncustomer-segments:\n  - id: riders\n    name: Urban riders\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    /** Not a pull request: no event payload, no review, no API call. */
    const validateOnly = (inputs: Record<string, string>) => runAction(dir, { INPUT_COMMENT: 'true', ...inputs });

    it('prints the CLI\'s annotations (escaped workflow commands) on standard output', async () => {
      const run = await validateOnly({ INPUT_FILES: 'errors' });
      const lines = run.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 6, run.stdout);
      assert.equal(
        lines[1],
        '::error file=errors/typos.canvas.yaml,line=7,col=11,endLine=7,endColumn=21,title=schema::"mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
      );
      assert.equal(run.outputs.errors, '5');
      assert.equal(run.outputs.warnings, '1');
      assert.match(run.summary, /not a pull request event/);
    });

    it('a file name cannot forge or break an annotation (%, CR, LF, ":" and "," escaped)', async () => {
      const hostile = mkdtempSync(join(tmpdir(), 'canvas-action-names-'));
      copyFileSync(TYPOS, join(hostile, 'a,title=x:b%0A.canvas.yaml'));
      const run = await runAction(hostile, {});
      const lines = run.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 6);
      for (const line of lines) assert.match(line, /^::(error|warning|notice) file=a%2Ctitle=x%3Ab%250A\.canvas\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/);
      rmSync(hostile, { recursive: true, force: true });
    });

    it('fail-on: error fails on errors only, warning on warnings too, never on neither', async () => {
      const codes: Record<string, (number | null)[]> = {};
      for (const failOn of ['error', 'warning', 'never']) {
        codes[failOn] = [];
        for (const files of ['errors', 'warnings']) codes[failOn].push((await validateOnly({ 'INPUT_FAIL-ON': failOn, INPUT_FILES: files })).code);
      }
      assert.deepEqual(codes, { error: [1, 0], warning: [1, 1], never: [0, 0] });
      // Several inputs, one per line; the default is the whole workspace.
      assert.equal((await validateOnly({ INPUT_FILES: 'warnings\nerrors\n' })).outputs.errors, '5');
      assert.equal((await validateOnly({})).outputs.warnings, '2');
    });

    it('config: the rule severities of the file given (validate --config)', async () => {
      writeFileSync(join(dir, 'strict.yaml'), 'rules:\n  unserved-segment: error\n');
      const run = await validateOnly({ INPUT_FILES: 'warnings', INPUT_CONFIG: 'strict.yaml' });
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /^::error file=warnings\/w\.canvas\.yaml,line=5,col=11,endLine=5,endColumn=23,title=unserved-segment::/m);
      const missing = await validateOnly({ INPUT_FILES: 'warnings', INPUT_CONFIG: 'no-such.yaml', 'INPUT_FAIL-ON': 'never' });
      assert.equal(missing.code, 1, 'a config that does not exist fails');
      rmSync(join(dir, 'strict.yaml'));
    });

    it('a bad input or a validation that cannot run fails, whatever fail-on says', async () => {
      const bad = await validateOnly({ 'INPUT_FAIL-ON': 'sometimes' });
      assert.equal(bad.code, 1);
      assert.match(bad.stdout, /^::error::fail-on must be error, warning or never, got "sometimes"$/m);
      const missing = await validateOnly({ 'INPUT_FAIL-ON': 'never', INPUT_FILES: 'nothing-here' });
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /no canvas files matched "nothing-here"/);
      assert.match(missing.stdout, /::error::canvas-as-code validate could not run/);
    });

    it('sarif: writes a SARIF 2.1.0 log to the path given', async () => {
      const run = await validateOnly({ INPUT_SARIF: 'reports/canvas.sarif', 'INPUT_FAIL-ON': 'never' });
      assert.equal(run.code, 0);
      const log = JSON.parse(readFileSync(join(dir, 'reports/canvas.sarif'), 'utf8'));
      assert.equal(log.version, '2.1.0');
      const levels = log.runs[0].results.map((r: { level: string }) => r.level);
      assert.equal(levels.filter((l: string) => l === 'error').length, 5);
      assert.equal(levels.filter((l: string) => l === 'warning').length, 2);
      assert.match(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, /^(errors|warnings)\/\w+\.canvas\.yaml$/);
    });
  });

  describe('helpers', () => {
    it('a comment longer than GitHub takes is cut at a line, with a note', () => {
      const long = `${REVIEW_MARKER}\n` + 'x'.repeat(99) + '\n'.repeat(1) + Array.from({ length: 2000 }, (_, i) => `- line ${i} ${'y'.repeat(40)}`).join('\n');
      const cut = cutMarkdown(long, COMMENT_LIMIT, CUT_NOTE);
      assert.ok(cut.length <= COMMENT_LIMIT);
      assert.ok(cut.startsWith(REVIEW_MARKER));
      assert.ok(cut.endsWith(`\n\n${CUT_NOTE}\n`));
      const kept = cut.slice(0, -CUT_NOTE.length - 3);
      assert.ok(long.startsWith(kept + '\n'), 'cut at the end of a line');
      assert.equal(cutMarkdown('short\n', COMMENT_LIMIT, CUT_NOTE), 'short\n');
    });

    it('outputs use a delimiter the value does not contain', () => {
      const block = outputBlock('review', 'a\nEOF\nb');
      const [first, ...rest] = block.trimEnd().split('\n');
      const delimiter = first.slice('review<<'.length);
      assert.match(delimiter, /^ghadelimiter_[0-9a-f-]{36}$/);
      assert.deepEqual(rest, ['a', 'EOF', 'b', delimiter]);
    });

    it('pagination follows the Link header\'s next', () => {
      assert.equal(nextLink('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"'), 'https://api.github.com/x?page=2');
      assert.equal(nextLink('<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=1>; rel="first"'), undefined);
      assert.equal(nextLink(null), undefined);
    });
  });

  describe('the committed bundle (GitHub runs action/index.js from the repository, without a build)', () => {
    async function freshBuild(): Promise<Buffer> {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<Record<string, unknown>>;
      const { actionBuildOptions } = await load(pathToFileURL(join(ROOT, 'src/action/buildOptions.mjs')).href);
      const esbuild = await load(pathToFileURL(require.resolve('esbuild', { paths: [ROOT] })).href);
      const out = join(mkdtempSync(join(tmpdir(), 'canvas-action-build-')), 'index.js');
      await (esbuild.build as (o: object) => Promise<unknown>)({ ...(actionBuildOptions as object), outfile: out, absWorkingDir: ROOT });
      const bytes = readFileSync(out);
      rmSync(join(out, '..'), { recursive: true, force: true });
      return bytes;
    }

    it('action/index.js is what the build makes of the sources', async () => {
      assert.ok(readFileSync(ACTION).equals(await freshBuild()), 'action/index.js is stale: run npm run build');
    });

    it('the committed action/index.js is current (when the sources are committed)', async function () {
      // With uncommitted sources, HEAD's bundle cannot be expected to match them: that is checked
      // where it matters, on a clean checkout (CI).
      const dirty = git(ROOT, 'status', '--porcelain', '--', 'src/action', 'src/cli', 'src/core', 'src/shared', 'esbuild.mjs', 'package.json', 'package-lock.json');
      if (dirty.trim()) this.skip();
      const committed = execFileSync('git', ['show', 'HEAD:action/index.js'], { cwd: ROOT, maxBuffer: 64 << 20 });
      assert.ok(committed.equals(await freshBuild()), 'the committed action/index.js is stale: run npm run build and commit it');
    });
  });
});
