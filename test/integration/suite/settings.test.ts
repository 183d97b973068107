import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, type Problem, waitForProblems, writeScratchCanvas } from './canvas';
import { ok } from './check';
import { LONELY_SEGMENT } from './samples';

const rules = () => vscode.workspace.getConfiguration('canvasAsCode');
const setRules = (value: Record<string, string> | undefined) => rules().update('rules', value, vscode.ConfigurationTarget.Workspace);
const severitiesOf = (problems: Problem[], code: string) => problems.filter((p) => p.code === code).map((p) => p.severity);

suite('canvasAsCode.rules', () => {
  let uri: vscode.Uri;

  suiteSetup(async () => {
    await activeExtension();
    uri = await writeScratchCanvas(LONELY_SEGMENT, 'rules');
    await openCanvas(uri);
  });
  teardown(() => setRules(undefined));
  suiteTeardown(closeAllEditors);

  test('defaults: unserved-segment is a warning, empty-block a hint', async () => {
    const problems = await waitForProblems(uri, (p) => severitiesOf(p, 'unserved-segment').length > 0);
    ok(severitiesOf(problems, 'unserved-segment').every((s) => s === 'warning'), 'unserved-segment is a warning');
    ok(severitiesOf(problems, 'empty-block').length > 0, 'empty blocks are reported');
    ok(severitiesOf(problems, 'empty-block').every((s) => s === 'hint'), 'empty-block is a hint');
  });

  test('changing them changes published severities at once', async () => {
    await setRules({ 'empty-block': 'off', 'unserved-segment': 'error' });
    await waitForProblems(uri, (p) => {
      const unserved = severitiesOf(p, 'unserved-segment');
      return severitiesOf(p, 'empty-block').length === 0 && unserved.length > 0 && unserved.every((s) => s === 'error');
    });
  });

  test('removing them restores the defaults', async () => {
    await setRules({ 'unserved-segment': 'off' });
    await waitForProblems(uri, (p) => severitiesOf(p, 'unserved-segment').length === 0);
    await setRules(undefined);
    await waitForProblems(uri, (p) => severitiesOf(p, 'unserved-segment').every((s) => s === 'warning') && severitiesOf(p, 'unserved-segment').length > 0);
  });
});
