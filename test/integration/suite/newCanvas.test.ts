import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, formatProblem, problemsOf, readText, workspaceRoot } from './canvas';
import { equal, ok } from './check';
import { config } from './harness';
import { waitFor } from './wait';

const NEW_CANVAS = 'canvasAsCode.newCanvas';

let folderCount = 0;

/** A folder of its own under scratch/, so no test sees another's files. */
function freshFolder(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'scratch', `new-canvas-${Date.now()}-${++folderCount}`);
}

/**
 * starterCanvas('business-model') from the core the extension was built from (dist/core.js, a
 * self-contained CommonJS bundle), evaluated here so that the test does not restate the starter.
 * The installed .vsix does not ship dist/core.js: undefined there.
 */
async function expectedStarter(kind: string): Promise<string | undefined> {
  const extension = await activeExtension();
  let source: string;
  try {
    source = await readText(vscode.Uri.joinPath(extension.extensionUri, 'dist', 'core.js'));
  } catch {
    return undefined;
  }
  const module = { exports: {} as { starterCanvas?: (kind: string) => string } };
  const noRequire = (name: string) => {
    throw new Error(`dist/core.js required ${name}`);
  };
  new Function('module', 'exports', 'require', source)(module, module.exports, noRequire);
  return module.exports.starterCanvas?.(kind);
}

/** Run the command with arguments; resolve once our diagnostics for the file it created are published. */
async function newCanvasPublished(args: object): Promise<vscode.Uri> {
  const published = new Set<string>();
  const listener = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) published.add(uri.toString());
  });
  try {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(NEW_CANVAS, args);
    ok(uri instanceof vscode.Uri, `${NEW_CANVAS} returned ${String(uri)}, not the new file's Uri`);
    await waitFor(
      () => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()),
      () => `no editor shows ${vscode.workspace.asRelativePath(uri)}`,
      { event: vscode.window.onDidChangeVisibleTextEditors },
    );
    await waitFor(
      () => published.has(uri.toString()),
      () => `no diagnostics published for ${vscode.workspace.asRelativePath(uri)}`,
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    return uri;
  } finally {
    listener.dispose();
  }
}

// Tagged @vsix: the installed extension contributes and runs the command too.
suite('new canvas @vsix', () => {
  suiteTeardown(closeAllEditors);

  test('"Canvas: New Canvas…" and the walkthrough are contributed', async () => {
    const extension = await activeExtension();
    const contributes = (extension.packageJSON as { contributes: Record<string, unknown> }).contributes as {
      commands: { command: string; icon?: string }[];
      menus: Record<string, { command: string; when?: string }[]>;
      walkthroughs: { id: string; steps: { id: string; description: string }[] }[];
    };
    const command = contributes.commands.find((c) => c.command === NEW_CANVAS);
    ok(command, `${NEW_CANVAS} is not in contributes.commands`);
    equal(command.icon, '$(new-file)', 'icon');
    ok(contributes.menus['file/newFile']?.some((m) => m.command === NEW_CANVAS), 'not in the file/newFile menu');
    ok(contributes.menus['explorer/context']?.some((m) => m.command === NEW_CANVAS && m.when === 'explorerResourceIsFolder'), 'not in the explorer context menu of folders');
    ok(!contributes.menus.commandPalette?.some((m) => m.command === NEW_CANVAS), 'a commandPalette entry would hide or restrict it');
    ok((await vscode.commands.getCommands(true)).includes(NEW_CANVAS), `${NEW_CANVAS} is not registered`);
    const walkthrough = contributes.walkthroughs?.[0];
    ok(walkthrough, 'no walkthrough');
    ok(walkthrough.steps.length >= 4, `${walkthrough.steps.length} walkthrough steps`);
    ok(walkthrough.steps[0].description.includes('command:canvasAsCode.newCanvas') || walkthrough.steps[0].description.startsWith('%'), 'the first step runs the command');
  });

  test('with arguments, creates the starter canvas, opens it, and it has no errors or warnings', async () => {
    const folder = freshFolder();
    const uri = await newCanvasPublished({ folder, kind: 'business-model' });
    equal(uri.toString(), vscode.Uri.joinPath(folder, 'business-model.canvas.yaml').toString(), 'file created');
    const text = await readText(uri);
    const expected = await expectedStarter('business-model');
    if (expected !== undefined) equal(text, expected, "the file's text is starterCanvas('business-model')");
    else ok(config.mode === 'vsix' && text.includes('canvas: business-model'), 'a business-model canvas');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    equal(editor?.document.languageId, 'canvas-yaml', 'language of the opened canvas');
    const bad = problemsOf(uri).filter((p) => p.severity === 'error' || p.severity === 'warning');
    equal(bad.map(formatProblem).join(', '), '', 'errors and warnings of the new canvas');
  });

  test('a folder given as a path relative to the workspace, and a chosen name', async () => {
    const name = `plans/rides-${++folderCount}.canvas.yml`;
    const uri = await newCanvasPublished({ folder: 'scratch', name });
    equal(uri.toString(), vscode.Uri.joinPath(workspaceRoot(), 'scratch', name).toString(), 'file created');
  });

  test('an existing file is refused and left unchanged', async () => {
    const folder = freshFolder();
    const uri = vscode.Uri.joinPath(folder, 'mine.canvas.yaml');
    const mine = 'canvas: business-model\ntitle: Mine, not to be replaced\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(mine));
    let refused: unknown;
    try {
      await vscode.commands.executeCommand(NEW_CANVAS, { folder, name: 'mine.canvas.yaml' });
    } catch (error) {
      refused = error;
    }
    ok(refused, 'the command did not reject over an existing file');
    ok(String(refused).includes('already exists'), `rejected with ${String(refused)}`);
    equal(await readText(uri), mine, 'the existing file');
  });

  test('a name that is not a canvas file, or an unknown kind, is refused and writes nothing', async () => {
    const folder = freshFolder();
    for (const args of [{ folder, name: 'notes.yaml' }, { folder, name: '../escape.canvas.yaml' }, { folder, kind: 'no-such-kind' }]) {
      let refused = false;
      try {
        await vscode.commands.executeCommand(NEW_CANVAS, args);
      } catch {
        refused = true;
      }
      ok(refused, `not refused: ${JSON.stringify({ ...args, folder: undefined })}`);
    }
    let wrote: [string, vscode.FileType][] = [];
    try {
      wrote = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      // the folder was never created
    }
    equal(wrote.length, 0, 'files written');
  });
});
