// Editing intelligence through VS Code's own commands: completion, hover, quick fixes,
// definition, references, outline and rename, each answered by the extension's providers.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, problemsOf, waitForProblems, writeScratchCanvas } from './canvas';
import { equal, ok, sameMembers } from './check';

const CANVAS = `canvas: business-model
title: Editing
customer-segments:
  - id: riders
    name: Urban riders
    type: mass-markt
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders]
channels:
  - id: app
    name: App
    segments: [riders, ridrs]
  - id: web
    name: Web shop
    segments: []
`;

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

suite('editing intelligence', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await activeExtension();
  });
  setup(async () => {
    uri = await writeScratchCanvas(CANVAS, 'editing');
    document = (await openCanvas(uri)).document;
  });
  teardown(closeAllEditors);

  test('completion offers enumeration values with their documentation', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(5, 10));
    const labels = list.items.map(labelOf);
    ok(labels.includes('mass-market') && labels.includes('multi-sided-platform'), `segment types offered: ${labels.join(', ')}`);
    const massMarket = list.items.find((i) => labelOf(i) === 'mass-market')!;
    const docs = massMarket.documentation instanceof vscode.MarkdownString ? massMarket.documentation.value : String(massMarket.documentation ?? '');
    ok(docs.length > 0, 'mass-market carries its description from the schema');
  });

  test('completion in a reference list offers only ids of the right block', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(16, 15));
    // The command also returns VS Code's word-based suggestions; ids come as references.
    const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map(labelOf);
    ok(labels.includes('riders'), `riders offered: ${labels.join(', ')}`);
    ok(!labels.includes('fast') && !labels.includes('app'), `no value proposition or channel ids: ${labels.join(', ')}`);
  });

  test('hover shows schema documentation on a key and the card behind a reference', async () => {
    const onKey = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 5));
    ok(/segment/i.test(hoverText(onKey)), `hover on type: ${hoverText(onKey)}`);
    const onReference = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(9, 17));
    ok(hoverText(onReference).includes('Urban riders'), `hover on a reference: ${hoverText(onReference)}`);
  });

  test('go to definition and find references of a card id', async () => {
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      uri,
      new vscode.Position(9, 17),
    );
    equal(targets.length, 1, 'one definition');
    const target = targets[0];
    const range = 'targetSelectionRange' in target ? target.targetSelectionRange! : (target as vscode.Location).range;
    equal(`${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`, '3:8-3:14', 'the id of the riders card');

    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, new vscode.Position(3, 10));
    sameMembers(
      refs.map((l) => `${l.range.start.line}:${l.range.start.character}`),
      ['3:8', '9:15', '13:15'],
      'the id and both references',
    );
  });

  test('highlights mark an id as written and its references as read', async () => {
    const found = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', uri, new vscode.Position(9, 17));
    sameMembers(
      found.map((h) => `${h.range.start.line}:${h.range.start.character} ${h.kind === vscode.DocumentHighlightKind.Write ? 'write' : 'read'}`),
      ['3:8 write', '9:15 read', '13:15 read'],
      'highlights of riders',
    );
  });

  test('semantic tokens colour ids and references', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
    ok(legend && tokens, 'a legend and tokens');
    // Decode the relative encoding: (deltaLine, deltaStart, length, type, modifiers) per token.
    const decoded: string[] = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      start = tokens.data[i] === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
      const declaration = (tokens.data[i + 4] & 1) === 1;
      decoded.push(`${line}:${start}+${tokens.data[i + 2]}${declaration ? ' declaration' : ''}`);
    }
    sameMembers(
      decoded,
      ['3:8+6 declaration', '7:8+4 declaration', '9:15+6', '11:8+3 declaration', '13:15+6', '13:23+5', '14:8+3 declaration'],
      'ids and references',
    );
  });

  test('the outline shows blocks and their cards', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    sameMembers(symbols.map((s) => s.name), ['customer-segments', 'value-propositions', 'channels'], 'blocks');
    sameMembers(symbols[0].children.map((c) => c.name), ['Urban riders'], 'cards of customer-segments');
  });

  test('a quick fix replaces an enumeration typo and only that', async () => {
    const problem = problemsOf(uri).find((p) => p.code === 'schema');
    ok(problem, 'the typo is reported');
    const range = new vscode.Range(5, 10, 5, 20);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
    const fix = actions.find((a) => a.title.includes('mass-market'));
    ok(fix?.edit, `a fix naming mass-market among: ${actions.map((a) => a.title).join(' | ')}`);
    ok(await vscode.workspace.applyEdit(fix.edit), 'fix applied');
    equal(document.getText(), CANVAS.replace('mass-markt', 'mass-market'), 'the text after the fix');
    await waitForProblems(uri, (problems) => !problems.some((p) => p.code === 'schema'));
  });

  test('rename of an id updates every reference and refuses an invalid id', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, new vscode.Position(9, 17), 'city-riders');
    ok(await vscode.workspace.applyEdit(edit), 'rename applied');
    const renamed = CANVAS.replace('id: riders', 'id: city-riders').replace('[riders]', '[city-riders]').replace('[riders, ridrs]', '[city-riders, ridrs]');
    equal(document.getText(), renamed, 'id and references renamed, names untouched');
    let refused = '';
    try {
      await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, new vscode.Position(3, 10), 'Not Kebab');
    } catch (error) {
      refused = String(error);
    }
    ok(/kebab-case/.test(refused), `invalid id refused with a reason: ${refused}`);
  });
});
