// "Canvas: Compare with…" in the real workbench: the preview in compare mode, against an explicit
// old text (every session), against HEAD of a real git repository made here through the built-in
// Git extension (node session only: it needs `git` and the Git extension in the same host), and
// from a diff editor of a canvas.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, workspaceRoot, writeScratchCanvas } from './canvas';
import { equal, ok } from './check';
import { config } from './harness';
import { DEFAULT_DEADLINE_MS, DeadlineError } from './wait';

const STATE = 'canvasAsCode.preview._state';
const COMPARE = 'canvasAsCode.compareWith';

interface Summary {
  added: number;
  removed: number;
  changed: number;
  moved: number;
}
interface PreviewSnapshot {
  uri: string;
  locked: boolean;
  renderedVersion?: number;
  posted: string[];
  compare?: { against: string; summary?: Summary; equal?: boolean };
}
interface State {
  panels: number;
  previews: PreviewSnapshot[];
}

const OLD = `canvas: business-model
title: Compare
customer-segments:
  - id: riders
    name: Urban riders
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders]
  - id: cheap
    name: Cheap rides
`;

const state = async () => (await vscode.commands.executeCommand<State>(STATE))!;

async function waitForCompare(uri: vscode.Uri, accept: (p: PreviewSnapshot) => boolean, what: string): Promise<PreviewSnapshot> {
  const deadlineMs = DEFAULT_DEADLINE_MS * 2;
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const s = await state();
    const p = s.previews.find((x) => x.uri === uri.toString());
    if (p && p.posted.includes('compare') && accept(p)) return p;
    if (Date.now() > deadline) throw new DeadlineError(`gave up after ${deadlineMs} ms waiting for ${what}; last state ${JSON.stringify(s)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Adds a card and changes one: 1 added, 1 removed (cheap), 1 changed (fast). */
/**
 * Saves `document`, trying again until a deadline. In the full node suite under load, a save right
 * after the Git extension opened the new repository was seen to return false (2 of 3 CI runs;
 * never alone, cause not found): a save refused for a moment is retried, a save that never
 * succeeds still fails the test.
 */
async function saveWithin(document: vscode.TextDocument, what: string): Promise<void> {
  const deadline = Date.now() + DEFAULT_DEADLINE_MS;
  while (!(await document.save()) && document.isDirty) {
    if (Date.now() > deadline) throw new DeadlineError(`gave up after ${DEFAULT_DEADLINE_MS} ms: ${what}`);
    await nextSaveAttempt();
  }
  ok(!document.isDirty, what);
}

/** The next try waits for the next file-system event or 100 ms at most (a poll, with the deadline above). */
function nextSaveAttempt(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 100);
    const watcher = vscode.workspace.onDidSaveTextDocument(done);
    function done() {
      clearTimeout(timer);
      watcher.dispose();
      resolve();
    }
  });
}

async function edit(editor: vscode.TextEditor): Promise<void> {
  const text = editor.document.getText();
  const cheap = text.indexOf('  - id: cheap');
  ok(
    await editor.edit((b) => {
      b.replace(new vscode.Range(editor.document.positionAt(cheap), editor.document.positionAt(text.length)), '  - id: safe\n    name: Safe rides\n');
      const fast = text.indexOf('Fast pickup');
      b.replace(new vscode.Range(editor.document.positionAt(fast), editor.document.positionAt(fast + 'Fast pickup'.length)), 'Faster pickup');
    }),
    'edit applied',
  );
}

const sameSummary = (a: Summary | undefined, b: Summary) => JSON.stringify(a) === JSON.stringify(b);

function nodeRequire(): ((id: string) => unknown) | undefined {
  try {
    // Only in the Node extension host (CommonJS `require`); the web bundle never reaches this.
    return eval('require') as (id: string) => unknown;
  } catch {
    return undefined;
  }
}

suite('canvas compare', () => {
  suiteSetup(activeExtension);
  teardown(closeAllEditors);

  test('the command is registered', async () => {
    ok((await vscode.commands.getCommands(true)).includes(COMPARE), `${COMPARE} is registered`);
  });

  test('compares the document with an explicit old text, live as it is edited', async () => {
    const uri = await writeScratchCanvas(OLD, 'compare-text');
    const editor = await openCanvas(uri);
    await vscode.commands.executeCommand(COMPARE, uri, { oldText: OLD, against: 'the test text' });
    let p = await waitForCompare(uri, (x) => x.compare?.equal === true, 'an equal comparison');
    equal(p.compare?.against, 'the test text', 'named as given');
    ok(p.locked, 'the compare preview stays on its file');
    await edit(editor);
    p = await waitForCompare(
      uri,
      (x) => sameSummary(x.compare?.summary, { added: 1, removed: 1, changed: 1, moved: 0 }) && x.renderedVersion === editor.document.version,
      'the edit compared and the edited version drawn',
    );
    equal(p.compare?.equal, false, 'not equal any more');
  });

  test('compares with HEAD of a git repository through the Git extension (node)', async function () {
    const req = config.mode === 'node' ? nodeRequire() : undefined;
    const git = vscode.extensions.getExtension('vscode.git');
    if (!req || !git) return this.skip();
    const cp = req('child_process') as { execFileSync(file: string, args: string[], options: { cwd: string }): unknown };
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'compare-repo');
    const uri = vscode.Uri.joinPath(dir, 'repo.canvas.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(OLD));
    const run = (...args: string[]) => cp.execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir.fsPath });
    run('init', '-q');
    run('add', 'repo.canvas.yaml');
    run('commit', '-q', '-m', 'canvas');

    const editor = await openCanvas(uri);
    await edit(editor);
    await vscode.commands.executeCommand(COMPARE, uri, { ref: 'HEAD' });
    const p = await waitForCompare(uri, (x) => sameSummary(x.compare?.summary, { added: 1, removed: 1, changed: 1, moved: 0 }), 'the comparison with HEAD');
    equal(p.compare?.against, 'HEAD', 'against HEAD');
    await saveWithin(editor.document, 'saved (the diff editor below compares HEAD with the file on disk)');

    // A file that is not committed: new at HEAD, every card added.
    const fresh = vscode.Uri.joinPath(dir, 'new.canvas.yaml');
    await vscode.workspace.fs.writeFile(fresh, new TextEncoder().encode(OLD));
    await openCanvas(fresh);
    await vscode.commands.executeCommand(COMPARE, fresh, { ref: 'HEAD' });
    await waitForCompare(fresh, (x) => sameSummary(x.compare?.summary, { added: 3, removed: 0, changed: 0, moved: 0 }), 'a new file: all added');

    // A revision git would read as an option (issue 12: --output=FILE makes git write FILE) is
    // refused before git runs: no comparison, no file written.
    const fs = req('fs') as { existsSync(path: string): boolean };
    const planted = `${dir.fsPath}/planted-by-git`;
    for (const ref of [`--output=${planted}`, '-p', 'HEAD~1..HEAD']) {
      const refused = await vscode.commands.executeCommand(COMPARE, uri, { ref });
      equal(refused, undefined, `"${ref}" refused`);
    }
    equal(fs.existsSync(planted), false, 'git wrote no file');

    // From a diff editor (HEAD ↔ working tree, the left side a git: URI made by the Git extension).
    const api = (git.isActive ? git.exports : await git.activate()).getAPI(1) as { toGitUri(uri: vscode.Uri, ref: string): vscode.Uri };
    await closeAllEditors();
    await vscode.commands.executeCommand('vscode.diff', api.toGitUri(uri, 'HEAD'), uri, 'repo.canvas.yaml (HEAD)');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    ok(input instanceof vscode.TabInputTextDiff, 'a diff editor is active');
    await vscode.commands.executeCommand(COMPARE, uri);
    const fromDiff = await waitForCompare(uri, (x) => x.compare?.against === 'HEAD' && sameSummary(x.compare?.summary, { added: 0, removed: 0, changed: 0, moved: 0 }) === false, 'the comparison from the diff editor');
    ok(fromDiff.compare?.summary !== undefined, 'compared');
  });
});
