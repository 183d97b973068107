/**
 * "Canvas: Compare with…": opens the preview of a canvas in compare mode against an older version.
 * The old text comes through VS Code's built-in Git extension (`vscode.git`, API 1): HEAD, the merge
 * base with the default branch, or any branch, tag or commit. From a diff editor of a canvas (Source
 * Control, a pull request), the left side is read through VS Code (`openTextDocument` resolves its
 * `git:` or other scheme) and compared with the right side.
 */
import * as vscode from 'vscode';
import { revisionProblem } from '../../core/gitRevision';
import type { CompareTexts } from './compareData';
import type { PreviewManager } from './previewManager';

export const COMPARE_COMMAND = 'canvasAsCode.compareWith';

/** Options a caller (the tests, the diff editor button) may pass instead of asking. */
export interface CompareOptions {
  /** A revision: 'HEAD', a branch, a tag, a commit, or 'merge-base' (with the default branch). */
  ref?: string;
  /** The old text itself (undefined with `against` set: the file is new). */
  oldText?: string;
  against?: string;
}

// The part of the Git extension's API (git.d.ts, version 1) this uses.
interface GitRef {
  type: number; // 0 head, 1 remote head, 2 tag
  name?: string;
  remote?: string;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: GitRef | undefined; readonly refs?: GitRef[] };
  show(ref: string, path: string): Promise<string>;
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  getCommit(ref: string): Promise<{ hash: string }>;
  getRefs?(query: { pattern?: string }): Promise<GitRef[]>;
}
interface GitApi {
  readonly repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

export function compareTexts(against: string): CompareTexts {
  return {
    labels: {
      heading: vscode.l10n.t('Compared with {0}', against),
      added: vscode.l10n.t('added'),
      removed: vscode.l10n.t('removed'),
      changed: vscode.l10n.t('changed'),
      moved: vscode.l10n.t('moved'),
      showPlain: vscode.l10n.t('Show plain view'),
      showChanges: vscode.l10n.t('Show changes'),
      equal: vscode.l10n.t('No changes'),
    },
    movedFrom: (title) => vscode.l10n.t('moved from {0}', title),
    titleChanged: (from, to) => vscode.l10n.t('title: {0} → {1}', from, to),
    descriptionChanged: vscode.l10n.t('description changed'),
    none: vscode.l10n.t('(none)'),
  };
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi; enabled?: boolean }>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (exports.enabled === false) return undefined;
  return exports.getAPI(1);
}

/** The repository holding `uri`: opened by the Git extension, or found by it on request (a fresh `git init`). */
async function repositoryOf(api: GitApi, uri: vscode.Uri): Promise<GitRepository | undefined> {
  const known = api.getRepository(uri);
  if (known) return known;
  // Not discovered (yet): ask the Git extension to open the repository around the file's folder.
  if (!api.openRepository || uri.scheme !== 'file') return undefined;
  try {
    await api.openRepository(vscode.Uri.joinPath(uri, '..'));
  } catch {
    // not a repository
  }
  return api.getRepository(uri) ?? undefined;
}

async function defaultBranch(repository: GitRepository): Promise<string | undefined> {
  const refs = repository.getRefs ? await repository.getRefs({}).catch(() => repository.state.refs ?? []) : (repository.state.refs ?? []);
  const names = new Set(refs.map((r) => (r.remote && r.name && !r.name.startsWith(`${r.remote}/`) ? `${r.remote}/${r.name}` : r.name)).filter((n): n is string => !!n));
  return ['origin/main', 'origin/master', 'main', 'master', 'origin/HEAD'].find((n) => names.has(n));
}

/** Asks which version: HEAD (default), the merge base with the default branch, or a revision typed in. */
async function pickRef(repository: GitRepository): Promise<string | undefined> {
  const head: vscode.QuickPickItem & { ref: string } = { label: 'HEAD', description: vscode.l10n.t('The last commit'), ref: 'HEAD' };
  const base: vscode.QuickPickItem & { ref: string } = {
    label: vscode.l10n.t('Merge base with the default branch'),
    description: (await defaultBranch(repository)) ?? '',
    ref: 'merge-base',
  };
  const other: vscode.QuickPickItem & { ref: string } = { label: vscode.l10n.t('Branch, tag or commit…'), ref: '' };
  const picked = await vscode.window.showQuickPick([head, base, other], { title: vscode.l10n.t('Compare the canvas with…') });
  if (!picked) return undefined;
  if (picked.ref) return picked.ref;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Compare the canvas with…'),
    prompt: vscode.l10n.t('A branch, tag or commit'),
    placeHolder: 'main, v1.0, 3ba659b',
    // Git reads a leading "-" as an option (--output=… writes a file): such text is refused here
    // as it is typed, and again in readAt for revisions that come from a command argument.
    validateInput: (value) => {
      const problem = value.trim() ? revisionProblem(value.trim()) : undefined;
      return problem && vscode.l10n.t(problem.template, ...problem.args);
    },
  });
  return typed?.trim() || undefined;
}

/** The text of `uri` at `ref` (undefined: the file does not exist there), and the revision's name. */
async function readAt(repository: GitRepository, uri: vscode.Uri, ref: string): Promise<{ oldText: string | undefined; against: string } | undefined> {
  let revision = ref;
  let against = ref;
  if (ref === 'merge-base') {
    const branch = await defaultBranch(repository);
    if (!branch) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No default branch (main or master) was found to take the merge base with.'));
      return undefined;
    }
    const mergeBase = await repository.getMergeBase('HEAD', branch);
    if (!mergeBase) {
      void vscode.window.showErrorMessage(vscode.l10n.t('HEAD and {0} have no merge base.', branch));
      return undefined;
    }
    revision = mergeBase;
    against = vscode.l10n.t('the merge base with {0}', branch);
  }
  const problem = revisionProblem(revision);
  if (problem) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot compare with "{0}": {1}.', ref, vscode.l10n.t(problem.template, ...problem.args)));
    return undefined;
  }
  try {
    await repository.getCommit(revision);
  } catch {
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a branch, tag or commit of this repository.', ref));
    return undefined;
  }
  try {
    return { oldText: await repository.show(revision, uri.fsPath), against };
  } catch {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} does not exist at {1}: every card is shown as added.', uri.path.split('/').pop() ?? uri.path, against),
    );
    return { oldText: undefined, against };
  }
}

/** The diff editor `uri` is the right side of, if the active editor is one: its left side. */
function diffLeftSide(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (!(input instanceof vscode.TabInputTextDiff)) return undefined;
  if (uri && input.modified.toString() !== uri.toString()) return undefined;
  return input.original;
}

function nameOfLeft(left: vscode.Uri): string {
  if (left.scheme === 'git') {
    try {
      const { ref } = JSON.parse(left.query) as { ref?: string };
      if (ref === '~' || ref === '') return vscode.l10n.t('the index');
      if (ref) return ref;
    } catch {
      // not the Git extension's query
    }
  }
  return left.scheme === 'file' ? (left.path.split('/').pop() ?? left.path) : `${left.scheme}:${left.path.split('/').pop() ?? ''}`;
}

/** Runs the command; returns the preview opened in compare mode (for the tests), if any. */
export async function compareWith(manager: PreviewManager, resource: vscode.Uri, options: CompareOptions | undefined, fromEditorTitle: boolean): Promise<unknown> {
  let source: { oldText: string | undefined; against: string } | undefined;
  if (options && ('oldText' in options || options.against !== undefined) && options.ref === undefined) {
    source = { oldText: options.oldText, against: options.against ?? vscode.l10n.t('the given text') };
  } else {
    const left = !options?.ref && fromEditorTitle ? diffLeftSide(resource) : undefined;
    if (left) {
      const document = await vscode.workspace.openTextDocument(left);
      source = { oldText: document.getText(), against: nameOfLeft(left) };
    } else {
      const api = await gitApi();
      if (!api) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Comparing needs the built-in Git extension, which is disabled or missing.'));
        return undefined;
      }
      const repository = await repositoryOf(api, resource);
      if (!repository) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not in a Git repository: there is nothing to compare it with.', resource.path.split('/').pop() ?? resource.path));
        return undefined;
      }
      const ref = options?.ref ?? (await pickRef(repository));
      if (!ref) return undefined;
      source = await readAt(repository, resource, ref);
    }
  }
  if (!source) return undefined;
  const preview = manager.show(resource, { sideBySide: true, locked: true });
  await preview.setCompare({ ...source, texts: compareTexts(source.against) });
  // A page that is still loading gets the comparison when it says `ready`.
  await preview.whenReady();
  return preview.snapshot();
}
