// Canvases linked across files (issue 14, item 3) in the real workbench: a value-proposition
// canvas's link problems, kept current when its business model changes in an editor or on disk;
// go to definition and find references across files; rename of a segment id in one workspace
// edit; the business model's preview offering the value-proposition canvas.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, formatProblem, openCanvas, problemsOf, waitForProblems, workspaceRoot } from './canvas';
import type { Problem } from './canvas';
import { equal, ok, sameMembers } from './check';
import { DEFAULT_DEADLINE_MS, DeadlineError, waitFor } from './wait';

const BUSINESS_MODEL = `canvas: business-model
title: Ride-hailing
customer-segments:
  - id: riders
    name: Urban riders
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders]
`;

function vpcText(businessModel: string, segment = 'riders', valueProposition = 'fast'): string {
  return `canvas: value-proposition
title: Pickup riders can count on
business-model: ${businessModel}
segment: ${segment}
value-proposition: ${valueProposition}
customer-jobs:
  - { id: get-to-work, name: Get to work on time, type: functional }
pains:
  - { id: waiting, name: Waiting in the rain, severity: high }
gains:
  - { id: predictable, name: Knows the arrival time, relevance: expected }
products-and-services:
  - { id: app, name: Mobile app, jobs: [get-to-work] }
pain-relievers:
  - { name: Live arrival time, relieves: [waiting] }
gain-creators:
  - { name: Fixed fare quoted upfront, creates: [predictable] }
`;
}

let folders = 0;

/** A new folder under scratch/ with these files (name -> text); their uris by name without `.canvas.yaml`. */
async function writeFolder(files: Record<string, string>): Promise<Record<string, vscode.Uri>> {
  const folder = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `links-${Date.now().toString(36)}-${++folders}`);
  const uris: Record<string, vscode.Uri> = {};
  for (const [name, text] of Object.entries(files)) {
    const uri = (uris[name.replace(/\.canvas\.yaml$/, '')] = vscode.Uri.joinPath(folder, name));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  }
  return uris;
}

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const exactly = (expected: string[]) => (problems: Problem[]) => problems.map(formatProblem).join(', ') === expected.join(', ');

/** Where `needle` starts in `uri`'s text, plus `delta` characters. */
async function positionOf(uri: vscode.Uri, needle: string, delta = 0): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().indexOf(needle);
  ok(offset >= 0, `"${needle}" in ${uri.path}`);
  return document.positionAt(offset + delta);
}

const rangeText = (r: vscode.Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/** The reference locations of what is at `needle` in `uri`, as `file line:col-line:col`. */
async function referencesAt(uri: vscode.Uri, needle: string, delta: number): Promise<string[]> {
  const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, await positionOf(uri, needle, delta))) ?? [];
  return locations.map((l) => `${l.uri.path.split('/').pop()} ${rangeText(l.range)}`);
}

/** Re-asks until the references include `expected` (the workspace index sees a file once its watcher event arrived). */
async function waitForReferences(uri: vscode.Uri, needle: string, delta: number, expected: string): Promise<string[]> {
  const deadline = Date.now() + DEFAULT_DEADLINE_MS;
  let last = await referencesAt(uri, needle, delta);
  while (!last.includes(expected)) {
    if (Date.now() > deadline) throw new DeadlineError(`no reference ${expected}; last ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await referencesAt(uri, needle, delta);
  }
  return last;
}

suite('Links across files', () => {
  suiteSetup(activeExtension);
  teardown(closeAllEditors);

  test('a value-proposition canvas shows its link problems, and they follow its business model edited in an editor', async () => {
    const { bm, vpc } = await writeFolder({ 'bm.canvas.yaml': BUSINESS_MODEL, 'vpc.canvas.yaml': vpcText('./bm.canvas.yaml', 'walkers') });
    await openCanvas(vpc);
    await waitForProblems(vpc, exactly(['unknown-reference error 4:10-4:17']));
    const editor = await openCanvas(bm);
    const id = editor.document.getText().indexOf('riders');
    ok(await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(id), editor.document.positionAt(id + 6)), 'walkers')), 'edit applied');
    ok(editor.document.isDirty, 'not saved');
    await waitForProblems(vpc, exactly([]));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForProblems(vpc, exactly(['unknown-reference error 4:10-4:17']));
  });

  test('... and a business model that is not open: created, changed and deleted on disk', async () => {
    const { vpc } = await writeFolder({ 'vpc.canvas.yaml': vpcText('./later.canvas.yaml') });
    const later = vscode.Uri.joinPath(vpc, '..', 'later.canvas.yaml');
    await openCanvas(vpc);
    await waitForProblems(vpc, exactly(['unknown-canvas error 3:17-3:36']));
    equal(problemsOf(vpc).length, 1, 'one problem');
    await write(later, BUSINESS_MODEL);
    await waitForProblems(vpc, exactly([]));
    await write(later, BUSINESS_MODEL.replace('id: fast', 'id: quick'));
    await waitForProblems(vpc, exactly(['unknown-reference error 5:20-5:24']));
    await vscode.workspace.fs.delete(later);
    await waitForProblems(vpc, exactly(['unknown-canvas error 3:17-3:36']));
    await write(later, 'canvas: lean\ntitle: A lean canvas\n');
    // The same code and range as for the missing file: wait for the message to change.
    const lean = '"./later.canvas.yaml" is a lean canvas: business-model must name a business-model canvas.';
    const messages = () => vscode.languages.getDiagnostics(vpc).map((d) => d.message);
    await waitFor(() => messages().join() === lean, () => `the message for a lean canvas, not ${JSON.stringify(messages())}`, { event: vscode.languages.onDidChangeDiagnostics });
    await waitForProblems(vpc, exactly(['unknown-canvas error 3:17-3:36']));
  });

  test('go to definition: from segment and value-proposition to the card, from business-model to the file', async () => {
    const { bm, vpc } = await writeFolder({ 'bm.canvas.yaml': BUSINESS_MODEL, 'vpc.canvas.yaml': vpcText('./bm.canvas.yaml') });
    await openCanvas(vpc);
    const targets = async (needle: string, delta: number) => {
      const found = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', vpc, await positionOf(vpc, needle, delta))) ?? [];
      return found.map((l) => ('targetUri' in l ? `${l.targetUri.toString() === bm.toString() ? 'bm' : l.targetUri.path} ${rangeText(l.targetSelectionRange ?? l.targetRange)}` : `${l.uri.path} ${rangeText(l.range)}`));
    };
    sameMembers(await targets('segment: riders', 11), ['bm 4:9-4:15'], 'segment -> the segment card\'s id');
    sameMembers(await targets('value-proposition: fast', 20), ['bm 7:9-7:13'], 'value-proposition -> the value proposition card\'s id');
    sameMembers(await targets('./bm.canvas.yaml', 3), ['bm 1:1-1:1'], 'business-model -> the file');
  });

  test('completion of segment offers the business model\'s segment ids; hover on it shows the card', async () => {
    const { vpc } = await writeFolder({ 'bm.canvas.yaml': BUSINESS_MODEL, 'vpc.canvas.yaml': vpcText('./bm.canvas.yaml', 'rid') });
    await openCanvas(vpc);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', vpc, await positionOf(vpc, 'segment: rid', 12));
    const item = list?.items.find((i) => i.label === 'riders');
    ok(item, `riders among ${JSON.stringify(list?.items.map((i) => i.label))}`);
    equal(item.detail, 'Urban riders', 'its name');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', vpc, await positionOf(vpc, 'value-proposition: fast', 20))) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    ok(text.includes('Fast pickup'), `the card in the hover: ${text}`);
  });

  test('find references on a segment id lists the value-proposition canvases naming it', async () => {
    const { bm } = await writeFolder({
      'bm.canvas.yaml': BUSINESS_MODEL,
      'a.canvas.yaml': vpcText('./bm.canvas.yaml'),
      'b.canvas.yaml': vpcText('./bm.canvas.yaml', '"riders"'),
    });
    await openCanvas(bm);
    const found = await waitForReferences(bm, 'id: riders', 5, 'b.canvas.yaml 4:10-4:18');
    sameMembers(found, ['bm.canvas.yaml 4:9-4:15', 'bm.canvas.yaml 9:16-9:22', 'a.canvas.yaml 4:10-4:16', 'b.canvas.yaml 4:10-4:18'], 'in-file and cross-file references');
  });

  test('renaming a segment id edits the business model and the closed value-proposition canvases in one edit; from the canvas side too', async () => {
    const { bm, vpc, other } = await writeFolder({
      'bm.canvas.yaml': BUSINESS_MODEL,
      'vpc.canvas.yaml': vpcText('./bm.canvas.yaml'),
      'other.canvas.yaml': vpcText('./bm.canvas.yaml', "'riders'"),
    });
    await openCanvas(bm);
    await waitForReferences(bm, 'id: riders', 5, 'other.canvas.yaml 4:10-4:18');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', bm, await positionOf(bm, 'id: riders', 5), 'passengers');
    ok(edit, 'a rename edit');
    sameMembers(
      edit.entries().map(([uri, edits]) => `${uri.path.split('/').pop()} ${edits.map((e) => `${rangeText(e.range)}=${e.newText}`).join(' ')}`),
      ['bm.canvas.yaml 4:9-4:15=passengers 9:16-9:22=passengers', 'vpc.canvas.yaml 4:10-4:16=passengers', 'other.canvas.yaml 4:11-4:17=passengers'],
      'one edit for the three files',
    );
    ok(await vscode.workspace.applyEdit(edit), 'applied');
    const textOf = async (uri: vscode.Uri) => (await vscode.workspace.openTextDocument(uri)).getText();
    equal(await textOf(vpc), vpcText('./bm.canvas.yaml', 'passengers'), 'the value-proposition canvas');
    equal(await textOf(other), vpcText('./bm.canvas.yaml', "'passengers'"), 'the other one, quotes kept');
    equal(await textOf(bm), BUSINESS_MODEL.replace('id: riders', 'id: passengers').replace('[riders]', '[passengers]'), 'the business model');
    // From the value-proposition canvas: the business model's id and its references, and every canvas.
    await openCanvas(vpc);
    await waitForProblems(vpc, exactly([]));
    const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', vpc, await positionOf(vpc, 'segment: passengers', 12), 'people');
    ok(back, 'a rename edit from the canvas side');
    sameMembers(
      back.entries().map(([uri, edits]) => `${uri.path.split('/').pop()} ${edits.length}`),
      ['bm.canvas.yaml 2', 'vpc.canvas.yaml 1', 'other.canvas.yaml 1'],
      'from the canvas side',
    );
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) await document.save();
  });

  test('a quick fix changes an unknown segment to the suggested id; Validate Workspace reports the link problems of closed canvases', async () => {
    const { vpc, closed } = await writeFolder({
      'bm.canvas.yaml': BUSINESS_MODEL,
      'vpc.canvas.yaml': vpcText('./bm.canvas.yaml', 'rider'),
      'closed.canvas.yaml': vpcText('./bm.canvas.yaml', 'nobody'),
    });
    const editor = await openCanvas(vpc);
    const [problem] = await waitForProblems(vpc, exactly(['unknown-reference error 4:10-4:15']));
    const range = new vscode.Range(problem.line - 1, problem.column - 1, problem.endLine - 1, problem.endColumn - 1);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', vpc, range)) ?? [];
    const fix = actions.find((a) => a.title === 'Change "rider" to "riders"');
    ok(fix?.edit, `the fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    ok(await vscode.workspace.applyEdit(fix.edit), 'fix applied');
    await waitForProblems(vpc, exactly([]));
    ok(await editor.document.save(), 'saved');
    await vscode.commands.executeCommand('canvasAsCode.validateWorkspace');
    await waitForProblems(closed, exactly(['unknown-reference error 4:10-4:16']));
    await waitForProblems(vpc, exactly([]));
  });

  test("the business model's preview offers the value-proposition canvas on its segment, and opens it", async () => {
    const { bm, vpc } = await writeFolder({ 'bm.canvas.yaml': BUSINESS_MODEL, 'vpc.canvas.yaml': vpcText('./bm.canvas.yaml') });
    await openCanvas(bm);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', bm);
    type Snapshot = { uri: string; links: { segment: string; canvases: { uri: string; label: string }[] }[] };
    const state = async () => (await vscode.commands.executeCommand<{ previews: Snapshot[] }>('canvasAsCode.preview._state'))!;
    const linksShown = async () => (await state()).previews.find((p) => p.uri === bm.toString())?.links;
    const label = vscode.workspace.asRelativePath(vpc, false);
    const expected = JSON.stringify([{ segment: 'riders', canvases: [{ uri: vpc.toString(), label }] }]);
    const deadline = Date.now() + DEFAULT_DEADLINE_MS * 2;
    let last = await linksShown();
    while (JSON.stringify(last) !== expected) {
      if (Date.now() > deadline) throw new DeadlineError(`the preview's links: expected ${expected}, last ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      last = await linksShown();
    }
    const index = (await state()).previews.findIndex((p) => p.uri === bm.toString());
    // A uri the preview did not offer is refused; the one it offered opens.
    await vscode.commands.executeCommand('canvasAsCode.preview._receive', index, { type: 'openCanvas', uri: vscode.Uri.joinPath(bm, '..', 'elsewhere.canvas.yaml').toString() });
    ok(vscode.window.activeTextEditor?.document.uri.toString() !== vpc.toString(), 'nothing opened');
    await vscode.commands.executeCommand('canvasAsCode.preview._receive', index, { type: 'openCanvas', uri: vpc.toString() });
    await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.toString() === vpc.toString(),
      () => `the value-proposition canvas in the active editor, not ${vscode.window.activeTextEditor?.document.uri.toString()}`,
      { event: vscode.window.onDidChangeActiveTextEditor },
    );
  });
});
