import * as vscode from 'vscode';
import { activeExtension, isOpen, formatProblem, problemsOf, readText, VALIDATE_WORKSPACE, waitForProblems, writeScratchCanvas } from './canvas';
import { equal, ok, sameMembers } from './check';
import { fixtures } from './fixtures';
import { DUPLICATE_ID } from './samples';

suite('"Canvas: Validate Workspace"', () => {
  suiteSetup(activeExtension);

  test('fills diagnostics for canvases that are not open', async () => {
    // Fresh copies: no editor has seen them, so only the command can have validated them.
    const inline = await writeScratchCanvas(DUPLICATE_ID, 'unopened');
    const copies = await Promise.all(
      fixtures.broken.map(async (f) => ({ fixture: f, uri: await writeScratchCanvas(await readText(f.uri), 'unopened') })),
    );
    for (const uri of [inline, ...copies.map((c) => c.uri)]) {
      ok(!isOpen(uri), `${uri.path} is open`);
      sameMembers(problemsOf(uri), [], `${uri.path} has diagnostics before the command ran`);
    }

    const total = await vscode.commands.executeCommand<number>(VALIDATE_WORKSPACE);
    ok(typeof total === 'number' && total > 0, `the command reports the problems it found (${total})`);

    ok(problemsOf(inline).some((p) => p.code === 'duplicate-id' && p.severity === 'error'), `duplicate-id in ${inline.path}`);
    for (const { fixture, uri } of copies) {
      sameMembers(problemsOf(uri).map(formatProblem), fixture.expected.map(formatProblem), `problems of unopened ${fixture.name}`);
    }
    ok(!isOpen(inline), 'the command does not open documents');
  });

  test('deleting a canvas clears its diagnostics', async () => {
    const uri = await writeScratchCanvas(DUPLICATE_ID, 'deleted');
    await vscode.commands.executeCommand(VALIDATE_WORKSPACE);
    ok(problemsOf(uri).length > 0, 'validated before deletion');
    await vscode.workspace.fs.delete(uri);
    await waitForProblems(uri, (problems) => problems.length === 0);
  });

  test('a canvas over canvasAsCode.maxFileSizeKB is reported from its size, without being read', async () => {
    // 4 MB and a bit: over the default limit of 4096 KB.
    const big = await writeScratchCanvas(`canvas: business-model\ntitle: Big\n# ${'x'.repeat(4 * 1024 * 1024)}\n`, 'big');
    await vscode.commands.executeCommand(VALIDATE_WORKSPACE);
    const problems = vscode.languages.getDiagnostics(big);
    equal(problems.length, 1, 'one problem');
    equal(String(typeof problems[0].code === 'object' ? problems[0].code.value : problems[0].code), 'yaml-syntax', 'its code');
    ok(/too large/.test(problems[0].message) && /4096 KB/.test(problems[0].message), problems[0].message);
    equal(`${problems[0].range.start.line}:${problems[0].range.start.character}`, '0:0', 'at the start of the file');
    await vscode.workspace.fs.delete(big);
    await waitForProblems(big, (p) => p.length === 0);
  });

  test('a canvas saved as UTF-16 (with its byte order mark) gets the diagnostics of its UTF-8 copy', async () => {
    const text = await readText(fixtures.broken[0].uri);
    const utf8 = await writeScratchCanvas(text, 'utf8');
    const utf16 = vscode.Uri.joinPath(utf8, '..', 'utf16-le.canvas.yaml');
    const units = new Uint16Array(text.length + 1);
    units[0] = 0xfeff;
    for (let i = 0; i < text.length; i++) units[i + 1] = text.charCodeAt(i);
    await vscode.workspace.fs.writeFile(utf16, new Uint8Array(units.buffer)); // little-endian on every host we run
    await vscode.commands.executeCommand(VALIDATE_WORKSPACE);
    const expected = problemsOf(utf8).map(formatProblem);
    ok(expected.length > 0, 'the fixture has problems');
    sameMembers(problemsOf(utf16).map(formatProblem), expected, 'the UTF-16 copy has the same problems');
    await vscode.workspace.fs.delete(utf16);
    await vscode.workspace.fs.delete(utf8);
  });
});
