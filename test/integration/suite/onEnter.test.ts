// Typing in a canvas: Enter as VS Code applies language-configuration.json's onEnterRules, with the
// [canvas-yaml] configuration defaults (2 spaces). The rules' regexes are also unit-tested
// (test/unit/languageConfiguration.test.ts); this checks the editor really uses them.
// Tagged @vsix: the packaged extension must ship the language configuration and the defaults.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, LANGUAGE_ID, openCanvas, writeScratchCanvas } from './canvas';
import { equal } from './check';
import { waitFor } from './wait';

const CANVAS = `canvas: business-model
title: Typing
customer-segments:
  - name: Urban riders
value-propositions:
`;

/** Put the cursor at the end of `line`, type Enter, and wait for the line it opens. */
async function enterAtEndOf(editor: vscode.TextEditor, line: number): Promise<string> {
  const document = editor.document;
  const end = document.lineAt(line).range.end;
  const lines = document.lineCount;
  editor.selection = new vscode.Selection(end, end);
  await vscode.commands.executeCommand('type', { text: '\n' });
  return waitFor(
    () => document.lineCount === lines + 1 && editor.selection.active.line === line + 1 && { text: document.lineAt(line + 1).text },
    () => `Enter after line ${line} did not open a line: ${document.lineCount} lines, cursor on ${editor.selection.active.line}: ${JSON.stringify(document.getText())}`,
    { event: vscode.workspace.onDidChangeTextDocument },
  ).then((r) => r.text);
}

suite('typing in a canvas @vsix', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activeExtension();
  });
  setup(async () => {
    editor = await openCanvas(await writeScratchCanvas(CANVAS, 'typing'));
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  test('canvas files get 2-space indentation and no word-based suggestions by default', () => {
    equal(editor.options.tabSize, 2, 'tabSize');
    equal(editor.options.insertSpaces, true, 'insertSpaces');
    const settings = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    equal(settings.get('wordBasedSuggestions'), 'off', 'editor.wordBasedSuggestions');
    equal(JSON.stringify(settings.get('quickSuggestions')), JSON.stringify({ other: true, comments: false, strings: true }), 'editor.quickSuggestions');
  });

  test("Enter after a card's first line continues the card's fields under its first key", async () => {
    equal(await enterAtEndOf(editor, 3), '    ', 'the line after "  - name: Urban riders"');
  });

  test('Enter after a key with nothing after it indents one level', async () => {
    equal(await enterAtEndOf(editor, 4), '  ', 'the line after "value-propositions:"');
  });
});
