/**
 * The GitHub Action (action.yml at the repository root runs action/index.js, the bundle of
 * main.ts, which calls {@link runAction}). Everything runs in this process, from the CLI's own code:
 *
 * 1. `validate` (the CLI's command table, `--format github`): its workflow commands go to standard
 *    output, where the runner turns them into annotations on the pull request's lines.
 * 2. With `sarif`: `validate --format sarif` again, written to that path (for
 *    github/codeql-action/upload-sarif).
 * 3. `review` from the pull request's base commit (the event payload, or the `base` input) to the
 *    checkout, as Markdown: appended to the job summary, and posted as the one comment of this
 *    action on the pull request, updated in place on later pushes. The comment is found by the
 *    hidden marker AND its author being the token's own login, so another author's comment is never
 *    edited, whatever it starts with.
 * 4. A pull request from a fork gets a read-only token: the review stays in the job summary, with a
 *    note saying why there is no comment, and the job does not fail for it.
 *
 * Inputs come as INPUT_<NAME> environment variables (as the runner sets them), outputs go to the
 * file named by GITHUB_OUTPUT. The exit status follows `fail-on`.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { COMMANDS } from '../cli/main';
import { buildReview, REVIEW_MARKER, reviewToMarkdown } from '../cli/reviewCommand';
import type { Review } from '../cli/reviewCommand';
import { githubData } from '../cli/validateCommand';
import { markdownText } from '../core/render/markdownEscape';
import { visibleText } from '../core/visibleText';
import type { Io } from '../cli/validateCommand';

export type Env = Readonly<Record<string, string | undefined>>;

/** GitHub refuses an issue comment longer than this (characters). */
export const COMMENT_LIMIT = 65_536;
/** A job summary may hold 1 MiB per step: this many UTF-16 units is at most ~900 KB of UTF-8. */
export const SUMMARY_LIMIT = 300_000;
/** Whose comments the workflow's GITHUB_TOKEN posts (an installation token cannot ask GET /user). */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

export const CUT_NOTE = '_The review is too long for a pull request comment and was cut here: the job summary has all of it, or run `canvas-as-code review` locally._';
export const SUMMARY_CUT_NOTE = '_The review is too long for the job summary and was cut here: run `canvas-as-code review` locally for all of it._';

/** An input as the runner passes it: INPUT_ + the name in upper case, spaces as underscores; trimmed. */
export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * Markdown cut to at most `limit` UTF-16 units (which GitHub's character count never exceeds), at
 * the end of a line, with `note` after it; unchanged when it fits.
 */
export function cutMarkdown(markdown: string, limit: number, note: string): string {
  if (markdown.length <= limit) return markdown;
  const room = limit - note.length - 2;
  let end = markdown.lastIndexOf('\n', room);
  if (end <= 0) {
    end = room;
    // Never half a surrogate pair.
    if (/[\ud800-\udbff]/.test(markdown[end - 1] ?? '')) end--;
  }
  return `${markdown.slice(0, end)}\n\n${note}\n`;
}

/** A `name<<DELIMITER` block for GITHUB_OUTPUT, with a delimiter the value does not contain. */
export function outputBlock(name: string, value: string): string {
  let delimiter: string;
  do delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter));
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** The `next` URL of a Link header (GitHub's pagination), if any. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(?:^|;)\s*rel="?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/.test(match[2])) return match[1];
  }
  return undefined;
}

interface ApiAnswer {
  status: number;
  json: unknown;
  link: string | null;
}

/** A failed REST call, with its status (0: no answer at all). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The REST API, with the token; only URLs of the API's own origin are ever called (pagination included). */
export class GitHubApi {
  private readonly origin: string;
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.baseUrl).origin;
  }

  async call(method: string, pathOrUrl: string, body?: unknown): Promise<ApiAnswer> {
    const url = pathOrUrl.startsWith('/') ? this.baseUrl + pathOrUrl : pathOrUrl;
    if (new URL(url).origin !== this.origin) throw new ApiError(0, `refusing to send the token to ${url}: not the API's origin ${this.origin}`);
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'canvas-as-code-action',
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError(0, `${method} ${url}: ${(error as Error).message}`);
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const message = (json as { message?: unknown } | undefined)?.message;
      throw new ApiError(response.status, `${method} ${new URL(url).pathname}: ${response.status}${typeof message === 'string' ? ` ${message}` : ''}`);
    }
    return { status: response.status, json, link: response.headers.get('link') };
  }

  /** Every item of a paginated list, following the Link header's `next`. */
  async list(path: string): Promise<unknown[]> {
    const items: unknown[] = [];
    let next: string | undefined = path;
    for (let page = 0; next !== undefined && page < 1000; page++) {
      const answer = await this.call('GET', next);
      if (!Array.isArray(answer.json)) throw new ApiError(answer.status, `GET ${path}: not a list`);
      items.push(...answer.json);
      next = nextLink(answer.link);
    }
    return items;
  }

  /**
   * The login the token acts as. GET /user answers a user's token; the workflow's GITHUB_TOKEN is
   * an installation token, for which GitHub answers 403 ("Resource not accessible by integration")
   * or 404: its comments are posted as github-actions[bot], the login used then.
   */
  async login(): Promise<string> {
    try {
      const answer = await this.call('GET', '/user');
      const login = (answer.json as { login?: unknown } | undefined)?.login;
      if (typeof login === 'string' && login) return login;
      throw new ApiError(answer.status, 'GET /user: no login in the answer');
    } catch (error) {
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return GITHUB_ACTIONS_LOGIN;
      throw error;
    }
  }
}

interface Comment {
  id: number;
  body: string;
  user: { login: string } | null;
  html_url?: string;
}

export interface CommentResult {
  action: 'created' | 'updated' | 'skipped';
  id?: number;
  url?: string;
  /** Why there is no comment (skipped), for the job summary. */
  note?: string;
}

/**
 * Posts `body` as the one comment of this action on issue `number` of `repository` ("owner/name"),
 * or updates it: the first comment that starts with the marker AND whose author is the token's
 * login. A comment by anyone else, the same marker or not, is never edited. `skipEmpty`: no
 * comment of ours yet, post none.
 */
export async function upsertComment(api: GitHubApi, repository: string, number: number, body: string, skipEmpty = false): Promise<CommentResult> {
  const [owner, name] = repository.split('/');
  const repo = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  const login = await api.login();
  const comments = (await api.list(`${repo}/issues/${number}/comments?per_page=100`)) as Comment[];
  const ours = comments.find((c) => typeof c?.body === 'string' && c.body.startsWith(REVIEW_MARKER) && c.user?.login === login);
  if (!ours && skipEmpty) return { action: 'skipped', note: 'No canvas changed in this pull request: no comment posted.' };
  const answer = ours ? await api.call('PATCH', `${repo}/issues/comments/${ours.id}`, { body }) : await api.call('POST', `${repo}/issues/${number}/comments`, { body });
  const posted = answer.json as Partial<Comment> | undefined;
  return { action: ours ? 'updated' : 'created', id: posted?.id ?? ours?.id, url: posted?.html_url };
}

interface PullRequestEvent {
  number?: number;
  pull_request?: {
    number?: number;
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { repo?: { full_name?: string } | null };
  };
}

function readEvent(env: Env): PullRequestEvent {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PullRequestEvent;
  } catch {
    return {};
  }
}

/** Output captured from one CLI command run in this process. */
function runCli(argv: readonly string[], cwd: string): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), cwd };
  const [name, ...rest] = argv;
  const status = COMMANDS[name].run(rest, io, false);
  if (typeof status === 'object' && 'error' in status) return { status: 2, out, err: `${err}canvas-as-code: ${status.error}\n` };
  // threads = false: validate runs in this thread and answers a number.
  return { status: status as number, out, err };
}

/** The base commit is in the clone (actions/checkout fetches one commit by default), else fetched. */
function ensureCommit(cwd: string, sha: string, log: (text: string) => void): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  try {
    git('cat-file', '-e', `${sha}^{commit}`);
    return;
  } catch {
    // Not here: fetch it below.
  }
  try {
    git('fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha);
  } catch (error) {
    log(`::warning::${githubData(`could not fetch the base commit ${sha}: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`)}\n`);
  }
}

export interface ActionIo {
  out(text: string): void;
  err(text: string): void;
}

const processActionIo: ActionIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

/** Runs the action; its exit status. */
export async function runAction(env: Env = process.env, io: ActionIo = processActionIo): Promise<number> {
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const fail = (message: string) => {
    io.out(`::error::${githubData(message)}\n`);
    return 1;
  };

  const failOn = input(env, 'fail-on') || 'error';
  if (!['error', 'warning', 'never'].includes(failOn)) return fail(`fail-on must be error, warning or never, got "${failOn}"`);
  const commentInput = (input(env, 'comment') || 'true').toLowerCase();
  if (commentInput !== 'true' && commentInput !== 'false') return fail(`comment must be true or false, got "${commentInput}"`);
  const files = (input(env, 'files') || '.').split(/\r?\n/).map((f) => f.trim()).filter((f) => f !== '');
  const config = input(env, 'config');
  const configArgs = config ? ['--config', config] : [];
  const sarif = input(env, 'sarif');
  const token = input(env, 'github-token');

  // 1. Validate: annotations.
  const validate = runCli(['validate', '--format', 'github', ...configArgs, '--', ...files], cwd);
  io.out(validate.out);
  io.err(validate.err);
  const errors = validate.out.split('\n').filter((l) => l.startsWith('::error ')).length;
  const warnings = validate.out.split('\n').filter((l) => l.startsWith('::warning ')).length;

  // 2. SARIF.
  if (sarif) {
    const log = runCli(['validate', '--format', 'sarif', ...configArgs, '--', ...files], cwd);
    if (log.status === 2) io.err(log.err);
    else {
      const path = resolve(cwd, sarif);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, log.out);
      io.err(`SARIF log written to ${path}\n`);
    }
  }

  // 3. Review.
  const event = readEvent(env);
  const pull = event.pull_request;
  const number = pull?.number ?? event.number;
  const base = input(env, 'base') || pull?.base?.sha;
  const notes: string[] = [];
  let review: Review | undefined;
  let markdown = '';
  if (!base) notes.push('_No review: this is not a pull request event and no `base` was given._');
  else {
    ensureCommit(cwd, base, io.out);
    const built = buildReview({ out: () => {}, err: () => {}, cwd }, { base });
    if ('error' in built) {
      io.out(`::warning::${githubData(`canvas review: ${built.error}`)}\n`);
      notes.push(`No review: ${markdownText(visibleText(built.error))}`);
    } else {
      review = built;
      markdown = reviewToMarkdown(built);
    }
  }

  // 4. The comment.
  let commentUrl = '';
  if (review && commentInput === 'true') {
    const headRepo = pull?.head?.repo?.full_name;
    const baseRepo = pull?.base?.repo?.full_name;
    const repository = env.GITHUB_REPOSITORY ?? baseRepo ?? '';
    const forkNote = '_This pull request comes from a fork: its token is read-only, so the review is here, in the job summary, and not in a comment._';
    if (number === undefined) notes.push('_No comment: this is not a pull request event._');
    // A fork's pull_request run has a read-only token: no comment is tried. pull_request_target runs
    // with the base repository's token, which may comment (a 403 is handled below all the same).
    else if (env.GITHUB_EVENT_NAME !== 'pull_request_target' && pull && (pull.head?.repo === null || (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo)))
      notes.push(forkNote);
    else if (!/^[^/]+\/[^/]+$/.test(repository)) notes.push('_No comment: GITHUB_REPOSITORY is not set._');
    else {
      const api = new GitHubApi(env.GITHUB_API_URL || 'https://api.github.com', token);
      try {
        const result = await upsertComment(api, repository, number, cutMarkdown(markdown, COMMENT_LIMIT, CUT_NOTE), review.summary.canvases === 0);
        if (result.note) notes.push(`_${result.note}_`);
        commentUrl = result.url ?? '';
        io.err(`canvas review: comment ${result.action}${result.url ? ` (${result.url})` : ''}\n`);
      } catch (error) {
        const status = error instanceof ApiError ? error.status : 0;
        if (status === 403) notes.push(`${forkNote.slice(0, -1)} (GitHub answered 403: a fork's read-only token, or a job without \`permissions: pull-requests: write\`)._`);
        else {
          io.out(`::warning::${githubData(`canvas review: could not comment on the pull request: ${(error as Error).message}`)}\n`);
          notes.push('_The review could not be posted as a comment (see the job log)._');
        }
      }
    }
  }

  // 5. The job summary.
  const summaryPath = env.GITHUB_STEP_SUMMARY;
  if (summaryPath) {
    const validated = `Validation: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (annotated on the lines of the pull request).`;
    const parts = [markdown ? cutMarkdown(markdown, SUMMARY_LIMIT, SUMMARY_CUT_NOTE).trimEnd() : '**Canvas review**', validated, ...notes];
    appendFileSync(summaryPath, parts.join('\n\n') + '\n');
  }

  // 6. Outputs.
  if (env.GITHUB_OUTPUT) {
    const outputs: Record<string, string> = {
      errors: String(errors),
      warnings: String(warnings),
      'changed-canvases': review ? String(review.summary.canvases) : '',
      'comment-url': commentUrl,
      review: markdown,
    };
    appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => outputBlock(k, v)).join(''));
  }

  if (validate.status === 2) return fail('canvas-as-code validate could not run (see the log above): bad input, an unreadable canvas or no canvas found');
  if (failOn === 'error' && errors > 0) return 1;
  if (failOn === 'warning' && errors + warnings > 0) return 1;
  return 0;
}
