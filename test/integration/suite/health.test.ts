// Health at a glance (issue 15, item 5) in the real VS Code: the status bar item of the active
// canvas (its text for an example, hidden for another editor, updated after an edit) and Show
// Health's quick pick (its entries, and the cursor exactly where a picked one leads).
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, readText, workspaceRoot, writeScratchCanvas } from './canvas';
import { equal, ok } from './check';
import { waitFor } from './wait';

interface HealthState {
  status: { visible: boolean; text: string; tooltip: string; uri?: string; version?: number };
  pick?: { title: string; items: { label: string; description?: string; detail?: string; separator?: true; group?: string; offset?: number }[] };
}

const state = () => vscode.commands.executeCommand<HealthState>('canvasAsCode.health._state');

/** Polls the internal state (the status bar has no event of its own) until `accept` holds. */
async function waitForState(accept: (s: HealthState) => boolean, what: string): Promise<HealthState> {
  let last: HealthState | undefined;
  let pending = false;
  return waitFor(
    () => {
      if (!pending) {
        pending = true;
        void state().then((s) => {
          last = s;
          pending = false;
        });
      }
      return last && accept(last) && last;
    },
    () => `${what}; last state: ${JSON.stringify(last)}`,
  );
}

/** Shared with the unit and browser tests of health (the launcher copies test/fixtures/shared/ into the workspace). */
let CANVAS = '';

const at = (needle: string) => {
  const offset = CANVAS.indexOf(needle);
  if (offset < 0) throw new Error(needle);
  return offset;
};

suite('Health at a glance', () => {
  suiteSetup(async () => {
    CANVAS = await readText(vscode.Uri.joinPath(workspaceRoot(), 'shared', 'health-check.canvas.yaml'));
    await activeExtension();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  test('the status bar sums up an example canvas, with the details in its tooltip', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'examples', 'ride-hailing.canvas.yaml');
    await openCanvas(uri);
    const { status } = await waitForState((s) => s.status.uri === uri.toString(), 'the item for ride-hailing');
    equal(status.visible, true, 'visible');
    equal(status.text, '$(checklist) 9/9 blocks · 0 problems · 5 hypotheses untested', 'text');
    equal(
      status.tooltip,
      [
        'Blocks with a card: 9 of 9',
        'Problems: 0 errors, 0 warnings, 0 information, 0 hints',
        'Untested hypotheses (status: hypothesis): 5',
        'Click to list them and go to one.',
      ].join('\n'),
      'tooltip',
    );
  });

  test('hidden while the active editor is no canvas, shown again for a canvas', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'health');
    await openCanvas(uri);
    await waitForState((s) => s.status.visible && s.status.uri === uri.toString(), 'the item for the scratch canvas');
    // A file on disk (an untitled one with text would ask to be saved when the editors close).
    const other = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'notes.txt');
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode('not a canvas\n'));
    await vscode.commands.executeCommand('vscode.open', other, { preview: false });
    const hidden = await waitForState((s) => !s.status.visible, 'the item hidden for a plain text editor');
    equal(hidden.status.uri, undefined, 'no canvas');
    await openCanvas(uri);
    const shown = await waitForState((s) => s.status.visible, 'the item shown again');
    equal(shown.status.text, '$(checklist) 4/9 blocks · 8 problems · 3 hypotheses untested', 'text');
  });

  test('follows an edit: a hypothesis validated, a block filled', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'health');
    const editor = await openCanvas(uri);
    await waitForState((s) => s.status.text === '$(checklist) 4/9 blocks · 8 problems · 3 hypotheses untested', 'the first summary');
    const edit = new vscode.WorkspaceEdit();
    const document = editor.document;
    const status = at('status: hypothesis') + 'status: '.length;
    edit.replace(uri, new vscode.Range(document.positionAt(status), document.positionAt(status + 'hypothesis'.length)), 'validated');
    const channels = at('channels: []');
    edit.replace(uri, new vscode.Range(document.positionAt(channels), document.positionAt(channels + 'channels: []'.length)), 'channels: [App]');
    ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    const after = await waitForState((s) => s.status.version === document.version, 'the item for the edited version');
    // channels filled: one empty-block hint less; App names no segment: one orphan-card warning more.
    equal(after.status.text, '$(checklist) 5/9 blocks · 8 problems · 2 hypotheses untested', 'text after the edit');
  });

  test('Show Health lists empty blocks, problems and hypotheses; picking one puts the cursor exactly there', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'health');
    const editor = await openCanvas(uri);
    await waitForState((s) => s.status.uri === uri.toString() && s.status.version === editor.document.version, 'the item for the canvas');
    const shown = vscode.commands.executeCommand<number | undefined>('canvasAsCode.showHealth');
    const { pick } = await waitForState((s) => s.pick !== undefined, 'the quick pick open');
    ok(pick, 'pick');
    equal(pick.title, 'Canvas health: 4/9 blocks · 8 problems · 3 hypotheses untested', 'title');
    const rows = pick.items.map((i) => (i.separator ? `-- ${i.label}` : `${i.group} ${i.label} | ${i.description} @${i.offset}`));
    const canvasKey = at('canvas');
    const expected = [
      '-- Empty blocks',
      `emptyBlock $(circle-large-outline) Key Partnerships | key-partnerships @${canvasKey}`,
      `emptyBlock $(circle-large-outline) Key Activities | key-activities @${canvasKey}`,
      `emptyBlock $(circle-large-outline) Key Resources | key-resources @${canvasKey}`,
      `emptyBlock $(circle-large-outline) Channels | channels @${at('channels')}`,
      `emptyBlock $(circle-large-outline) Cost Structure | cost-structure @${canvasKey}`,
      '-- Problems',
    ];
    equal(rows.slice(0, expected.length).join('\n'), expected.join('\n'), 'empty blocks');
    const problems = rows.slice(expected.length, expected.length + 8);
    equal(problems.length, 8, 'eight problems');
    ok(problems.every((row) => row.startsWith('problem $(')), `problems: ${problems.join('\n')}`);
    equal(
      problems.map((row) => row.replace(/^problem \$\((\w+)\) .* \| (\d+:\d+) ([\w-]+) @\d+$/, '$1 $2 $3')).join('\n'),
      [
        'lightbulb 1:1 empty-block',
        'lightbulb 1:1 empty-block',
        'lightbulb 1:1 empty-block',
        'lightbulb 1:1 empty-block',
        'warning 15:5 orphan-card',
        'lightbulb 16:1 empty-block',
        'error 18:5 schema',
        'warning 23:11 orphan-card',
      ].join('\n'),
      'problems by severity, position and code',
    );
    equal(
      rows.slice(expected.length + 8).join('\n'),
      [
        '-- Untested hypotheses',
        `hypothesis $(beaker) Urban riders | Customer Segments @${at('Urban riders')}`,
        `hypothesis $(beaker) Fast pickup | Value Propositions @${at('Fast pickup')}`,
        // No name: the card's first line.
        `hypothesis $(beaker) app-support | Customer Relationships @${at('id: app-support')}`,
      ].join('\n'),
      'hypotheses',
    );
    // Accepted as a user would: the entry made active, then Enter.
    const index = pick.items.findIndex((i) => i.label === '$(beaker) Fast pickup');
    ok(await vscode.commands.executeCommand<boolean>('canvasAsCode.health._activate', index), 'activated');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    equal(await shown, at('Fast pickup'), 'offset moved to');
    const active = vscode.window.activeTextEditor;
    ok(active && active.document.uri.toString() === uri.toString(), 'the canvas is the active editor');
    const cursor = active.selection;
    equal(`${cursor.anchor.line}:${cursor.anchor.character}-${cursor.active.line}:${cursor.active.character}`, '11:10-11:10', 'an empty selection at the name');
    equal((await state()).pick, undefined, 'the pick is closed');
  });

  test('picking a problem and a missing block; dismissing moves nothing', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'health');
    const editor = await openCanvas(uri);
    await waitForState((s) => s.status.uri === uri.toString() && s.status.version === editor.document.version, 'the item for the canvas');
    const pickAndAccept = async (match: (item: { group?: string; description?: string }) => boolean) => {
      const shown = vscode.commands.executeCommand<number | undefined>('canvasAsCode.showHealth');
      const { pick } = await waitForState((s) => s.pick !== undefined, 'the quick pick open');
      const index = pick!.items.findIndex(match);
      ok(index >= 0, 'entry found');
      ok(await vscode.commands.executeCommand<boolean>('canvasAsCode.health._activate', index), 'activated');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await shown;
      const cursor = vscode.window.activeTextEditor!.selection;
      return `${cursor.anchor.line}:${cursor.anchor.character}-${cursor.active.line}:${cursor.active.character}`;
    };
    equal(await pickAndAccept((i) => i.group === 'problem' && /schema/.test(i.description ?? '')), '17:4-17:4', 'at the schema problem');
    equal(await pickAndAccept((i) => i.group === 'emptyBlock' && i.description === 'channels'), '15:0-15:0', 'at the empty block key');
    equal(await pickAndAccept((i) => i.group === 'emptyBlock' && i.description === 'cost-structure'), '0:0-0:0', 'a missing block: at the canvas key');
    editor.selection = new vscode.Selection(3, 2, 3, 2);
    const shown = vscode.commands.executeCommand<number | undefined>('canvasAsCode.showHealth');
    await waitForState((s) => s.pick !== undefined, 'the quick pick open');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    equal(await shown, undefined, 'nothing picked');
    const cursor = vscode.window.activeTextEditor!.selection;
    equal(`${cursor.active.line}:${cursor.active.character}`, '3:2', 'the cursor stays');
  });

  test('a card name with codicon syntax shows literally in the quick pick (no icon injected)', async () => {
    const hostile = 'canvas: business-model\ntitle: Hostile\ncustomer-segments:\n  - name: "$(alert) <b>fake</b> $(x"\n    status: hypothesis\n';
    const uri = await writeScratchCanvas(hostile, 'health-hostile');
    const editor = await openCanvas(uri);
    await waitForState((s) => s.status.uri === uri.toString() && s.status.version === editor.document.version, 'the item for the canvas');
    const shown = vscode.commands.executeCommand<number | undefined>('canvasAsCode.showHealth');
    const { pick } = await waitForState((s) => s.pick !== undefined, 'the quick pick open');
    const hypothesis = pick!.items.find((i) => i.group === 'hypothesis');
    equal(hypothesis?.label, '$(beaker) \\$(alert) <b>fake</b> \\$(x', 'the name escaped for codicons, the rest as written');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await shown;
  });
});
