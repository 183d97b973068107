/**
 * "Import from BMML…" and "Export to BMML…" (core/bmml): files are read and written with
 * vscode.workspace.fs only, so both work in the web extension host too. Import writes the canvases
 * beside the BMML file and opens the business model; export writes where the save dialog says and
 * lists what BMML had no place for in the "Canvas as Code: BMML" output channel.
 */
import * as vscode from 'vscode';
import { exists } from './fileExists';
import { canvasesLinkedTo, exportBmml, importBmml } from '../core/bmml';
import type { BmmlProblem, LinkCandidate, LinkedSources } from '../core/bmml';
import { linkRootOf } from './links/linkPaths';
import { validationOptions } from './settings';

export const IMPORT_BMML_COMMAND = 'canvasAsCode.importBmml';
export const EXPORT_BMML_COMMAND = 'canvasAsCode.exportBmml';

/** What a test or a keybinding passes to run a command without dialogs. */
export interface BmmlCommandArgs {
  /** The BMML file (import) or the business-model canvas (export). */
  uri?: vscode.Uri | string;
  /** Export: the BMML file to write. Import: overwrite existing canvases without asking. */
  target?: vscode.Uri | string;
  force?: boolean;
}

function toUri(value: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (value === undefined) return undefined;
  return value instanceof vscode.Uri ? value : vscode.Uri.parse(value);
}

function argsOf(arg: unknown): BmmlCommandArgs {
  if (arg instanceof vscode.Uri) return { uri: arg };
  return typeof arg === 'object' && arg !== null ? (arg as BmmlCommandArgs) : {};
}

const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;
const folderOf = (uri: vscode.Uri) => vscode.Uri.joinPath(uri, '..');

/** The text of a file: the open document's (unsaved edits included), else the file's, at most `maxLength`. */
async function readText(uri: vscode.Uri, maxLength: number | undefined): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (maxLength !== undefined && bytes.length > maxLength) {
    throw new Error(vscode.l10n.t('file too large ({0} KB; the limit is {1} KB, canvasAsCode.maxFileSizeKB)', String(Math.ceil(bytes.length / 1024)), String(Math.floor(maxLength / 1024))));
  }
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
}

function describe(problem: BmmlProblem): string {
  return problem.line !== undefined ? vscode.l10n.t('line {0}: {1}', String(problem.line), problem.message) : problem.message;
}

let channel: vscode.OutputChannel | undefined;
function output(): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel(vscode.l10n.t('Canvas as Code: BMML'));
  return channel;
}

/** Import: the URIs of the canvases written (business model first), or undefined when nothing was. */
async function importCommand(arg: unknown): Promise<string[] | undefined> {
  const args = argsOf(arg);
  let source = toUri(args.uri);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (!source && active && /\.bmml$/i.test(active.path)) source = active;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('BMML files')]: ['bmml', 'yaml', 'yml'] }, openLabel: vscode.l10n.t('Import') });
    source = picked?.[0];
  }
  if (!source) return undefined;
  const name = fileName(source);
  const { maxLength } = validationOptions(source);
  let text: string;
  try {
    text = await readText(source, maxLength);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', name, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const result = importBmml(text, { fileName: name, maxLength });
  const log = output();
  log.clear();
  for (const problem of result.problems) log.appendLine(`${name}${problem.line !== undefined ? `:${problem.line}:${problem.column ?? 1}` : ''} ${problem.severity} ${problem.message}`);
  if (!result.files.length) {
    const error = result.problems.find((p) => p.severity === 'error');
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} was not imported: {1}', name, error ? describe(error) : ''));
    return undefined;
  }
  const folder = folderOf(source);
  const targets = result.files.map((f) => vscode.Uri.joinPath(folder, f.name));
  const existing: vscode.Uri[] = [];
  for (const target of targets) if (await exists(target)) existing.push(target);
  if (existing.length && !args.force) {
    const overwrite = vscode.l10n.t('Overwrite');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exist. Overwrite them?', existing.map(fileName).join(', ')),
      { modal: true },
      overwrite,
    );
    if (answer !== overwrite) return undefined;
  }
  const encoder = new TextEncoder();
  for (let i = 0; i < targets.length; i++) await vscode.workspace.fs.writeFile(targets[i], encoder.encode(result.files[i].text));
  for (const kept of result.kept) log.appendLine(vscode.l10n.t('{0}: {1} kept under x-bmml in {2}', `${name}${kept.line ? `:${kept.line}` : ''}`, kept.path, kept.file));
  await vscode.window.showTextDocument(targets[0]);
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  const details = vscode.l10n.t('Show Details');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Imported {0}: {1} canvases, {2} values kept under x-bmml, {3} warnings.', name, String(targets.length), String(result.kept.length), String(warnings)), details)
    .then((answer) => answer === details && log.show(true));
  return targets.map((t) => t.toString());
}

/**
 * The value-proposition canvases under the business model's folder that link to it, by the rules
 * of links (core/links, the workspace folder as root, as the editor's own link checks), and the
 * ones whose path those rules refuse.
 */
async function linkedCanvases(businessModel: vscode.Uri, maxLength: number | undefined): Promise<LinkedSources> {
  const folder = folderOf(businessModel);
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.canvas.{yaml,yml}'), '**/{node_modules,.git}/**');
  const candidates: LinkCandidate[] = [];
  for (const uri of found) {
    // Another file system (or authority) cannot be the business model whatever its path.
    if (uri.toString() === businessModel.toString() || uri.scheme !== businessModel.scheme || uri.authority !== businessModel.authority) continue;
    let text: string;
    try {
      text = await readText(uri, maxLength);
    } catch {
      continue;
    }
    candidates.push({ file: uri.path, name: uri.path.slice(folder.path.length).replace(/^\//, ''), text, root: linkRootOf(uri) });
  }
  return canvasesLinkedTo(businessModel.path, candidates);
}

/** Export: the URI written, or undefined when nothing was. */
async function exportCommand(arg: unknown): Promise<{ uri: string; dropped: number } | undefined> {
  const args = argsOf(arg);
  const canvas = toUri(args.uri) ?? vscode.window.activeTextEditor?.document.uri;
  if (!canvas || !/\.canvas\.ya?ml$/i.test(canvas.path)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a business-model canvas (*.canvas.yaml) to export it to BMML.'));
    return undefined;
  }
  const name = fileName(canvas);
  const { maxLength } = validationOptions(canvas);
  let text: string;
  try {
    text = await readText(canvas, maxLength);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', name, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  // findFiles sees the workspace only: a canvas outside it is exported without its value-proposition canvases, and says so.
  const inWorkspace = vscode.workspace.getWorkspaceFolder(canvas) !== undefined;
  const { sources, refused } = inWorkspace ? await linkedCanvases(canvas, maxLength) : { sources: [], refused: [] };
  const exported = exportBmml({ businessModel: { name, text }, valuePropositions: sources });
  // A refused link is said with the export's notes: the canvas is left out, the export goes on.
  const result = { ...exported, notes: [...refused, ...exported.notes] };
  if (result.text === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} was not exported: {1}', name, result.problems.map(describe).join('; ')));
    return undefined;
  }
  const stem = name.replace(/\.canvas\.ya?ml$/i, '');
  const target =
    toUri(args.target) ??
    (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folderOf(canvas), `${stem}.bmml`), filters: { [vscode.l10n.t('BMML files')]: ['bmml'] }, saveLabel: vscode.l10n.t('Export') }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  const log = output();
  log.clear();
  if (!inWorkspace) log.appendLine(vscode.l10n.t('note: {0} is outside the workspace: value-proposition canvases linked to it were not looked for', name));
  for (const note of result.notes) log.appendLine(vscode.l10n.t('note: {0}', note.message));
  for (const d of result.dropped) log.appendLine(vscode.l10n.t('dropped {0} {1}: {2} ({3})', d.file, d.path, JSON.stringify(d.value) ?? 'null', d.reason));
  const details = vscode.l10n.t('Show Details');
  const message = result.dropped.length
    ? vscode.l10n.t('Exported {0} to {1}; {2} values with no place in BMML were dropped.', name, fileName(target), String(result.dropped.length))
    : vscode.l10n.t('Exported {0} to {1}.', name, fileName(target));
  void vscode.window.showInformationMessage(message, ...(result.dropped.length || result.notes.length || !inWorkspace ? [details] : [])).then((answer) => answer === details && log.show(true));
  return { uri: target.toString(), dropped: result.dropped.length };
}

export function registerBmmlCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(IMPORT_BMML_COMMAND, importCommand),
    vscode.commands.registerCommand(EXPORT_BMML_COMMAND, exportCommand),
    { dispose: () => (channel?.dispose(), (channel = undefined)) },
  );
}
