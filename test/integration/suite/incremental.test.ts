import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, formatProblem, openCanvas, problemsOf, readText, waitForProblems, writeScratchCanvas } from './canvas';
import { ok, sameMembers } from './check';
import { fixtures } from './fixtures';

/** Replaces [start, end) of the document's text, as typing or a paste does. */
async function replace(document: vscode.TextDocument, start: number, end: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), text);
  ok(await vscode.workspace.applyEdit(edit), 'edit applied');
}

/**
 * Asks a provider about the document: the extension validates the current version right away
 * (from the version validated before it, incrementally), without waiting for the debounce.
 */
async function validateNow(document: vscode.TextDocument): Promise<void> {
  await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 0));
}

suite('incremental revalidation in the editor', () => {
  suiteSetup(activeExtension);
  teardown(closeAllEditors);

  test('after typing, renaming an id, pasting and deleting cards, the problems are those of the same text opened fresh', async function () {
    const example = fixtures.examples.find((e) => e.name.includes('ride-hailing')) ?? fixtures.examples[0];
    if (!example) this.skip();
    const uri = await writeScratchCanvas(await readText(example.uri), 'incremental');
    const { document } = await openCanvas(uri);
    sameMembers(problemsOf(uri).map(formatProblem), [], 'the example starts without problems');
    const text = () => document.getText();

    // 1. A character typed into a card's name, in the middle of the file.
    const name = text().indexOf('    name: ', text().length >> 1) + '    name: '.length;
    ok(name > 10, 'a card name in the middle');
    await replace(document, name, name, 'x');
    await validateNow(document);

    // 2. The first segment's id renamed: the cards naming it now point at nothing.
    const idLine = text().indexOf('\n  - id: ', text().indexOf('\ncustomer-segments:'));
    const idStart = idLine + '\n  - id: '.length;
    const idEnd = text().indexOf('\n', idStart);
    await replace(document, idEnd, idEnd, 'z');
    await waitForProblems(uri, (problems) => problems.some((p) => p.code === 'unknown-reference'));

    // 3. That card's lines pasted again right after it: a duplicate id.
    const cardStart = idLine + 1;
    const nextCard = text().indexOf('\n  - ', cardStart + 1) + 1;
    const card = text().slice(cardStart, nextCard);
    await replace(document, nextCard, nextCard, card);
    await waitForProblems(uri, (problems) => problems.some((p) => p.code === 'duplicate-id'));

    // 4. A card deleted whole, later in the file.
    const laterCard = text().indexOf('\n  - ', Math.floor(text().length * 0.75)) + 1;
    const laterEnd = text().indexOf('\n  - ', laterCard + 1) + 1;
    ok(laterCard > 0 && laterEnd > laterCard, 'a later card to delete');
    await replace(document, laterCard, laterEnd, '');
    await validateNow(document);

    // 5. A typo in an enumeration value inside a card.
    const typeValue = text().indexOf('    type: ', text().length >> 2) + '    type: '.length;
    await replace(document, typeValue, typeValue + 1, 'Q');
    await waitForProblems(uri, (problems) => problems.some((p) => p.code === 'schema'));

    // The same final text in a new file is validated from scratch: the problems must be identical.
    const fresh = await writeScratchCanvas(text(), 'incremental-fresh');
    await openCanvas(fresh);
    const expected = problemsOf(fresh).map(formatProblem);
    ok(expected.length >= 3, `the fresh copy has the problems the edits made: ${expected}`);
    await waitForProblems(uri, (problems) => {
      const shown = problems.map(formatProblem).sort();
      return shown.length === expected.length && shown.every((p, i) => p === [...expected].sort()[i]);
    });
    sameMembers(problemsOf(uri).map(formatProblem), expected, 'problems after the edits = problems of the same text validated fresh');
  });
});
