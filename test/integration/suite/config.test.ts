import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, type Problem, waitForProblems, workspaceRoot } from './canvas';
import { ok } from './check';
import { LONELY_SEGMENT } from './samples';
import { waitFor } from './wait';

// .canvas-as-code.yaml in the editor: the nearest one up from a canvas gives its rules, a change
// on disk is watched, the canvasAsCode.rules setting stays a personal override, and the file itself
// gets diagnostics. Everything lives in its own folder so no other suite's canvases see the config.

const settings = () => vscode.workspace.getConfiguration('canvasAsCode');
const setRules = (value: Record<string, string> | undefined) => settings().update('rules', value, vscode.ConfigurationTarget.Workspace);
const severitiesOf = (problems: Problem[], code: string) => problems.filter((p) => p.code === code).map((p) => p.severity);
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const all = (problems: Problem[], code: string, severity: string) => severitiesOf(problems, code).length > 0 && severitiesOf(problems, code).every((s) => s === severity);

suite('.canvas-as-code.yaml', () => {
  let folder: vscode.Uri;
  let config: vscode.Uri;
  let canvas: vscode.Uri;

  suiteSetup(async () => {
    await activeExtension();
    folder = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `config-${Date.now()}`);
    config = vscode.Uri.joinPath(folder, '.canvas-as-code.yaml');
    // The canvas one folder below the config: found by walking up.
    canvas = vscode.Uri.joinPath(folder, 'team', 'lonely.canvas.yaml');
    await write(config, 'rules:\n  unserved-segment: off\n');
    await write(canvas, LONELY_SEGMENT);
    await openCanvas(canvas);
  });
  teardown(() => setRules(undefined));
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  test('a rule turned off in the nearest config is not reported', async () => {
    const problems = await waitForProblems(canvas, (p) => severitiesOf(p, 'unserved-segment').length === 0 && severitiesOf(p, 'empty-block').length > 0);
    ok(all(problems, 'empty-block', 'hint'), 'rules the config leaves out keep their default');
  });

  test('editing the config on disk (watched) brings the rule back with its new severity', async () => {
    await write(config, 'rules:\n  unserved-segment: error\n  empty-block: off\n');
    await waitForProblems(canvas, (p) => all(p, 'unserved-segment', 'error') && severitiesOf(p, 'empty-block').length === 0);
  });

  test('the canvasAsCode.rules setting wins over the file, rule by rule', async () => {
    await setRules({ 'unserved-segment': 'hint' });
    // unserved-segment from the setting, empty-block still off from the file.
    await waitForProblems(canvas, (p) => all(p, 'unserved-segment', 'hint') && severitiesOf(p, 'empty-block').length === 0);
    await setRules(undefined);
    await waitForProblems(canvas, (p) => all(p, 'unserved-segment', 'error'));
  });

  test('a bad config gets its own diagnostics at the line, with code config', async () => {
    const bad = vscode.Uri.joinPath(folder, 'bad', '.canvas-as-code.yaml');
    await write(bad, '# rules\nrules:\n  unserved-segmnt: error\n');
    await vscode.commands.executeCommand('vscode.open', bad, { preview: false });
    const diagnostics = await waitFor(
      () => {
        const found = vscode.languages.getDiagnostics(bad).filter((d) => d.code === 'config');
        return found.length > 0 && found;
      },
      () => `no config diagnostics for ${bad.toString()}: ${JSON.stringify(vscode.languages.getDiagnostics(bad).map((d) => d.message))}`,
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    ok(diagnostics[0].range.start.line === 2 && diagnostics[0].range.start.character === 2, `at line 3, column 3: ${JSON.stringify(diagnostics[0].range)}`);
    ok(diagnostics[0].message.includes('Did you mean "unserved-segment"?'), diagnostics[0].message);
    ok(diagnostics[0].severity === vscode.DiagnosticSeverity.Error, 'an error');
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', bad, new vscode.Position(2, 2));
    ok(completions.items.some((i) => i.label === 'unserved-segment'), 'rule names are completed');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', config, new vscode.Position(1, 4));
    ok(hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('unserved-segment'))), 'a rule name has a hover');
  });

  test('deleting the config restores the defaults', async () => {
    await vscode.workspace.fs.delete(config);
    await waitForProblems(canvas, (p) => all(p, 'unserved-segment', 'warning') && all(p, 'empty-block', 'hint'));
  });
});
