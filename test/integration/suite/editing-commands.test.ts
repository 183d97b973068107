// The editing commands (format.md, "Extension commands for editing") on an open document in the real
// VS Code: each edits exactly the card's lines, one undo reverts it in one step, a refusal rejects
// and changes nothing, a stale version is refused.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, writeScratchCanvas } from './canvas';
import { equal, ok } from './check';
import { waitFor } from './wait';

const CANVAS = `canvas: business-model
title: Editing commands
customer-segments:
  # riders come first
  - id: riders
    name: Urban riders # who ride
  - id: drivers
    name: Drivers
value-propositions:
  - Fast pickup
channels: [app]
`;

/** The text after one command; each differs from CANVAS only in the lines of the card it names. */
const COMMANDS: { title: string; command: string; args: Record<string, unknown>; expected: string }[] = [
  {
    title: 'addCard appends a card to a block',
    command: 'canvasAsCode.addCard',
    args: { block: 'customer-segments', name: 'Night: owls' },
    expected: CANVAS.replace('    name: Drivers\n', '    name: Drivers\n  - name: "Night: owls"\n'),
  },
  {
    title: 'addCard creates a missing block at its canvas place (before the next block of the kind written)',
    command: 'canvasAsCode.addCard',
    args: { block: 'key-partnerships', name: 'Insurers', index: 0 },
    expected: CANVAS.replace('value-propositions:\n', 'key-partnerships:\n  - name: Insurers\nvalue-propositions:\n'),
  },
  {
    title: 'renameCard keeps the comment on the line',
    command: 'canvasAsCode.renameCard',
    args: { block: 'customer-segments', index: 0, name: 'Commuters' },
    expected: CANVAS.replace('name: Urban riders # who ride', 'name: Commuters # who ride'),
  },
  {
    title: 'moveCard takes the comment above the card along',
    command: 'canvasAsCode.moveCard',
    args: { block: 'customer-segments', index: 0, toBlock: 'customer-segments', toIndex: 1 },
    expected: CANVAS.replace(
      '  # riders come first\n  - id: riders\n    name: Urban riders # who ride\n  - id: drivers\n    name: Drivers\n',
      '  - id: drivers\n    name: Drivers\n  # riders come first\n  - id: riders\n    name: Urban riders # who ride\n',
    ),
  },
  {
    title: 'deleteCard of the last card leaves []',
    command: 'canvasAsCode.deleteCard',
    args: { block: 'value-propositions', index: 0 },
    expected: CANVAS.replace('value-propositions:\n  - Fast pickup\n', 'value-propositions: []\n'),
  },
  {
    title: 'setCardField turns a sticky note into a mapping',
    command: 'canvasAsCode.setCardField',
    args: { block: 'value-propositions', index: 0, field: 'segments', value: ['riders'] },
    expected: CANVAS.replace('  - Fast pickup\n', '  - name: Fast pickup\n    segments: [riders]\n'),
  },
];

/** The message a command rejected with (fails when it resolved). */
async function rejection(run: Thenable<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the command resolved; a rejection was expected');
}

function waitForText(document: vscode.TextDocument, expected: string): Promise<true> {
  return waitFor(
    () => document.getText() === expected,
    () => `the document reads ${JSON.stringify(document.getText())}`,
    { event: vscode.workspace.onDidChangeTextDocument },
  );
}

suite('editing commands', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await activeExtension();
  });
  setup(async () => {
    uri = await writeScratchCanvas(CANVAS, 'editing-commands');
    document = (await openCanvas(uri)).document;
  });
  teardown(closeAllEditors);

  for (const { title, command, args, expected } of COMMANDS) {
    test(`${title}; one undo reverts it`, async () => {
      const before = document.version;
      await vscode.commands.executeCommand(command, { uri, ...args });
      equal(document.getText(), expected, 'the text once the command resolved');
      equal(document.version, before + 1, 'one change');
      await vscode.commands.executeCommand('undo');
      await waitForText(document, CANVAS);
      await vscode.commands.executeCommand('redo');
      await waitForText(document, expected);
    });
  }

  test('setCardField at a dotted path (persona.name) changes exactly that line, one undo reverts it; a key the object lacks is refused', async () => {
    const withPersona = CANVAS.replace('    name: Drivers\n', '    name: Drivers\n    persona:\n      name: Min-ji # who\n      # what they want\n      goals: [get to work]\n');
    const other = await writeScratchCanvas(withPersona, 'editing-commands-persona');
    const persona = (await openCanvas(other)).document;
    const before = persona.version;
    await vscode.commands.executeCommand('canvasAsCode.setCardField', { uri: other, block: 'customer-segments', index: 1, field: 'persona.name', value: 'Ji-woo, 29' });
    const expected = withPersona.replace('name: Min-ji # who', 'name: "Ji-woo, 29" # who');
    equal(persona.getText(), expected, 'only the persona name changed');
    equal(persona.version, before + 1, 'one change');
    await vscode.commands.executeCommand('undo');
    await waitForText(persona, withPersona);
    await vscode.commands.executeCommand('redo');
    await waitForText(persona, expected);
    const reason = await rejection(vscode.commands.executeCommand('canvasAsCode.setCardField', { uri: other, block: 'customer-segments', index: 1, field: 'persona.nmae', value: 'x' }));
    equal(reason, "'persona' has no key 'nmae' (it takes name, description, goals, motivations, pains, barriers).", 'the reason');
    equal(persona.getText(), expected, 'unchanged by the refusal');
  });

  test('uri as a string, and the version when it is current', async () => {
    await vscode.commands.executeCommand('canvasAsCode.renameCard', { uri: uri.toString(), version: document.version, block: 'customer-segments', index: 1, name: 'Night drivers' });
    equal(document.getText(), CANVAS.replace('name: Drivers', 'name: Night drivers'), 'renamed');
  });

  test('a document not open yet is opened and edited', async () => {
    const other = await writeScratchCanvas(CANVAS, 'editing-commands-closed');
    await vscode.commands.executeCommand('canvasAsCode.deleteCard', { uri: other, block: 'customer-segments', index: 1 });
    const edited = vscode.workspace.textDocuments.find((d) => d.uri.toString() === other.toString());
    ok(edited, 'the document is open');
    equal(edited.getText(), CANVAS.replace('  - id: drivers\n    name: Drivers\n', ''), 'deleted');
  });

  test('a refused command rejects with its reason and changes nothing', async () => {
    const version = document.version;
    const outOfRange = await rejection(vscode.commands.executeCommand('canvasAsCode.deleteCard', { uri, block: 'customer-segments', index: 5 }));
    equal(outOfRange, "There is no card 5 in 'customer-segments' (it has 2).", 'the reason');
    const badValue = await rejection(vscode.commands.executeCommand('canvasAsCode.setCardField', { uri, block: 'customer-segments', index: 0, field: 'status', value: 'maybe' }));
    equal(badValue, "The value does not fit the field 'status' (expected hypothesis | validated | invalidated).", 'the reason');
    const missing = await rejection(vscode.commands.executeCommand('canvasAsCode.moveCard', { uri, block: 'customer-segments', index: 0 }));
    equal(missing, 'The argument toBlock is missing or not of the right type.', 'the reason');
    equal(document.getText(), CANVAS, 'unchanged');
    equal(document.version, version, 'no change at all');
  });

  test('a file with YAML syntax errors is refused', async () => {
    const broken = CANVAS.replace('name: Drivers', 'name: "Drivers');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), broken);
    ok(await vscode.workspace.applyEdit(edit), 'the text replaced');
    const reason = await rejection(vscode.commands.executeCommand('canvasAsCode.addCard', { uri, block: 'channels', name: 'Web' }));
    equal(reason, 'The file has YAML syntax errors; fix them before editing the canvas this way.', 'the reason');
    equal(document.getText(), broken, 'unchanged');
  });

  test('a stale version is refused', async () => {
    const stale = document.version;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(1, 0), '# a comment typed meanwhile\n');
    ok(await vscode.workspace.applyEdit(edit), 'the text changed');
    const typed = document.getText();
    const reason = await rejection(vscode.commands.executeCommand('canvasAsCode.addCard', { uri, version: stale, block: 'channels', name: 'Web' }));
    equal(reason, `The document changed since this edit was asked for (version ${stale}, now ${document.version}); nothing was changed.`, 'the reason');
    equal(document.getText(), typed, 'unchanged');
  });
});
