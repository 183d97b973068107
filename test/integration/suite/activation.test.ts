import * as vscode from 'vscode';
import { activeExtension, EXTENSION_ID, LANGUAGE_ID, openCanvas, closeAllEditors, problemsOf, VALIDATE_WORKSPACE, waitForProblems, writeScratchCanvas } from './canvas';
import { equal, ok } from './check';
import { config } from './harness';
import { DUPLICATE_ID } from './samples';
import { waitFor } from './wait';

// Tagged @vsix: this file is also the smoke test of the packaged extension.
suite('extension @vsix', () => {
  suiteTeardown(closeAllEditors);

  test('is installed', () => {
    ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not installed`);
  });

  test('activates when a canvas opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const canvases = await vscode.workspace.findFiles('**/*.canvas.{yaml,yml}', undefined, 1);
    // With canvases in the workspace `workspaceContains` may already have activated it.
    if (canvases.length === 0) ok(!extension.isActive, 'active before any canvas existed');
    await vscode.commands.executeCommand('vscode.open', await writeScratchCanvas(DUPLICATE_ID, 'activation'));
    await waitFor(() => extension.isActive, () => 'extension not active after opening a canvas', {
      event: vscode.extensions.onDidChange,
    });
  });

  test('opens *.canvas.yaml as canvas-yaml', async () => {
    const editor = await openCanvas(await writeScratchCanvas(DUPLICATE_ID, 'language'));
    equal(editor.document.languageId, LANGUAGE_ID, 'language id');
  });

  test('registers "Canvas: Validate Workspace"', async () => {
    await activeExtension();
    const commands = await vscode.commands.getCommands(true);
    ok(commands.includes(VALIDATE_WORKSPACE), `${VALIDATE_WORKSPACE} is not registered`);
  });

  test('validates a canvas', async () => {
    const uri = await writeScratchCanvas(DUPLICATE_ID, 'validate');
    await openCanvas(uri);
    await waitForProblems(uri, (problems) => problems.some((p) => p.code === 'duplicate-id' && p.severity === 'error'));
    ok(problemsOf(uri).every((p) => p.line >= 1 && p.endLine >= p.line), 'ranges are inside the file');
  });

  test(`runs in the extension host of this session (${config.mode})`, async () => {
    const extension = await activeExtension();
    const g = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
    const inWebWorker = typeof g.importScripts === 'function' && typeof g.process?.versions?.node !== 'string';
    if (config.mode === 'web') {
      ok(inWebWorker, 'the tests should run in a web worker (no Node, importScripts present)');
      equal(extension.extensionKind, vscode.ExtensionKind.UI, 'extensionKind of a web-worker extension');
    } else {
      ok(!inWebWorker && typeof g.process?.versions?.node === 'string', 'the tests should run in a Node extension host');
      // In a remote window (code-server) the Node host is the workspace side; on desktop it is local.
      const expected = vscode.env.remoteName ? vscode.ExtensionKind.Workspace : vscode.ExtensionKind.UI;
      equal(extension.extensionKind, expected, 'extensionKind of a Node-host extension');
    }
    if (config.mode === 'vsix') {
      const installedIn = config.extensionsDir;
      ok(installedIn && extension.extensionUri.path.startsWith(installedIn), `expected the copy installed in ${installedIn}, got ${extension.extensionUri.path}`);
    }
  });
});
