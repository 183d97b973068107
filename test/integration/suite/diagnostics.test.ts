import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, formatProblem, problemsOf, waitForProblems, writeScratchCanvas } from './canvas';
import { equal, ok, sameMembers } from './check';
import { fixtures } from './fixtures';
import { LONELY_SEGMENT } from './samples';
import { nextEvent, waitFor } from './wait';

suite('diagnostics of open canvases', () => {
  suiteSetup(activeExtension);
  teardown(closeAllEditors);

  suite('examples/ have no problems', () => {
    if (fixtures.examples.length === 0) test('(no examples in the workspace)');
    for (const example of fixtures.examples) {
      test(example.name, async () => {
        await openCanvas(example.uri);
        sameMembers(problemsOf(example.uri).map(formatProblem), [], `problems in ${example.name}`);
      });
    }
  });

  suite('broken fixtures have exactly their expected problems', () => {
    if (fixtures.broken.length === 0) test('(no broken fixtures in the workspace)');
    for (const fixture of fixtures.broken) {
      test(fixture.name, async () => {
        await openCanvas(fixture.uri);
        sameMembers(problemsOf(fixture.uri).map(formatProblem), fixture.expected.map(formatProblem), `problems in ${fixture.name}`);
      });
    }
  });

  test('an unsaved edit updates them', async () => {
    const uri = await writeScratchCanvas(LONELY_SEGMENT, 'edit');
    const editor = await openCanvas(uri);
    const before = problemsOf(uri).map(formatProblem);
    ok(!before.some((p) => p.startsWith('schema ')), `no schema problem before the edit: ${before}`);

    // `canvas: business-model` -> `canvas: business-modle`: a value outside the enumeration.
    const line = editor.document.lineAt(0);
    const value = line.text.indexOf('business-model');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, value, 0, value + 'business-model'.length), 'business-modle');
    ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    ok(editor.document.isDirty, 'the edit is not saved');
    const after = await waitForProblems(uri, (problems) => problems.some((p) => p.code === 'schema'));
    const schema = after.filter((p) => p.code === 'schema');
    equal(schema.length, 1, 'one schema problem');
    equal(schema[0].severity, 'error', 'schema severity');
    equal(schema[0].line, 1, 'the schema problem is on the edited line');

    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForProblems(uri, (problems) => !problems.some((p) => p.code === 'schema'));
    sameMembers(problemsOf(uri).map(formatProblem), before, 'problems after reverting the edit');
  });

  // Issue 15 item 3: while typing in a canvas whose problems do not change, nothing is published
  // (each publication is work for the workbench's renderer); the health status bar still follows
  // each validation (it shows the version it read).
  test('edits that change no problem publish nothing; the next that does publishes once', async () => {
    const uri = await writeScratchCanvas(LONELY_SEGMENT, 'unchanged');
    const editor = await openCanvas(uri);
    const before = problemsOf(uri).map(formatProblem);
    ok(before.length > 0, `the canvas has problems: ${before}`);
    const events: string[] = [];
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) events.push(problemsOf(uri).map(formatProblem).join('; '));
    });
    try {
      const validated = async () => {
        const version = editor.document.version;
        const health = () => vscode.commands.executeCommand<{ status: { version?: number } }>('canvasAsCode.health._state');
        let seen: number | undefined;
        const deadline = Date.now() + 10_000;
        while ((seen = (await health()).status.version) !== version) {
          if (Date.now() > deadline) throw new Error(`version ${version} never validated (the status bar shows ${seen})`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      // Three comment lines added one by one, each validated before the next.
      for (const line of ['# one', '# two', '# three']) {
        const end = editor.document.positionAt(editor.document.getText().length);
        ok(await editor.edit((b) => b.insert(end, `${line}\n`)), `${line} added`);
        await validated();
      }
      // Then a value outside the enumeration: one publication, with the new problem.
      const value = editor.document.lineAt(0).text.indexOf('business-model');
      ok(await editor.edit((b) => b.replace(new vscode.Range(0, value, 0, value + 'business-model'.length), 'business-modle')), 'schema error typed');
      // The event comes after the collection holds the problem (VS Code debounces it): wait for both.
      await waitFor(
        () => events.length >= 1 && problemsOf(uri).some((p) => p.code === 'schema'),
        () => `the schema problem and its event (events: ${JSON.stringify(events)})`,
        { event: vscode.languages.onDidChangeDiagnostics },
      );
      equal(events.length, 1, `one publication, for the schema error; the comments published nothing: ${JSON.stringify(events)}`);
    } finally {
      listener.dispose();
    }
  });

  test('closing the editor clears them', async () => {
    const uri = await writeScratchCanvas(LONELY_SEGMENT, 'close');
    await openCanvas(uri);
    ok(problemsOf(uri).length > 0, 'the canvas has problems while open');
    // openCanvas leaves the editor as the document's only holder: closing it closes the document.
    const closed = nextEvent(vscode.workspace.onDidCloseTextDocument, (d) => d.uri.toString() === uri.toString(), 'onDidCloseTextDocument');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await waitForProblems(uri, (problems) => problems.length === 0);
  });
});
