// The Lean and Value Proposition canvases (issue 14, item 2) in the real workbench: their
// diagnostics with exact codes and ranges, completion of their own block keys (never the business
// model's), hover on a block key, rename of an id, and the preview drawing the examples of each kind
// (every card, then a card added to a block only that kind has) and exporting them in their layout.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, formatProblem, openCanvas, readText, waitForProblems, workspaceRoot, writeScratchCanvas } from './canvas';
import type { Problem } from './canvas';
import { equal, ok, sameMembers } from './check';
import { DEFAULT_DEADLINE_MS, DeadlineError } from './wait';

/** A Lean Canvas with a bad enumeration value and an unknown reference (and eight blocks left out). */
const LEAN = `canvas: lean
title: "동행메이트: 병원 동행 🏥"
problem:
  - id: missed-workdays
    name: 연차를 써야 한다
    segments: [children]
existing-alternatives:
  - id: take-leave
    name: 자녀가 연차를 낸다
    type: workaroud
    problems: [missed-workdays]
solution:
  - id: companion
    name: 동행 매니저
    problems: [missed-workdays, lost-notes]
customer-segments:
  - id: children
    name: 맞벌이 자녀
    type: customer
`;

/** A value-proposition canvas with a bad enumeration value, a pain no reliever names, and an unknown reference. */
const VPC = `canvas: value-proposition
title: "Night rides: home safe 🌙"
customer-jobs:
  - { id: get-home, name: Get home late, type: functionl }
pains:
  - { id: unknown-driver, name: Unknown driver, severity: high }
  - { id: surge, name: Surge pricing, severity: medium }
gains:
  - { id: on-time, name: Home on time, relevance: required }
products-and-services:
  - { id: app, name: Rider app, jobs: [get-home] }
pain-relievers:
  - { id: driver-card, name: Driver card, relieves: [unknown-driver, unknown-drver] }
gain-creators:
  - { id: live-eta, name: Live ETA, creates: [on-time] }
`;

const LEAN_BLOCKS = ['problem', 'existing-alternatives', 'solution', 'key-metrics', 'unique-value-proposition', 'high-level-concept', 'unfair-advantage', 'channels', 'customer-segments', 'early-adopters', 'cost-structure', 'revenue-streams'];
const VPC_BLOCKS = ['customer-jobs', 'pains', 'gains', 'products-and-services', 'pain-relievers', 'gain-creators'];
/** The business model's blocks that neither of the other kinds has. */
const BUSINESS_MODEL_ONLY = ['key-partnerships', 'key-activities', 'key-resources', 'value-propositions', 'customer-relationships'];

const exactly = (expected: string[]) => (problems: Problem[]) => {
  const shown = problems.map(formatProblem).sort();
  return shown.join('\n') === expected.slice().sort().join('\n');
};

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
const rangeText = (r: vscode.Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/** The block keys completion offers at the start of the last (empty) line. */
async function blockKeysOffered(uri: vscode.Uri, document: vscode.TextDocument): Promise<string[]> {
  const end = document.positionAt(document.getText().length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, end);
  // Blocks come as modules (providers/completion.ts); VS Code adds word-based suggestions as text.
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Module).map(labelOf);
}

async function hoverAt(uri: vscode.Uri, document: vscode.TextDocument, needle: string): Promise<string> {
  const offset = document.getText().indexOf(needle);
  ok(offset >= 0, `"${needle}" in the canvas`);
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset + 1)));
}

async function renameAt(uri: vscode.Uri, document: vscode.TextDocument, needle: string, delta: number, newName: string): Promise<vscode.WorkspaceEdit> {
  const offset = document.getText().indexOf(needle);
  ok(offset >= 0, `"${needle}" in the canvas`);
  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, document.positionAt(offset + delta), newName);
  ok(edit, 'a rename edit');
  return edit;
}

const editsOf = (edit: vscode.WorkspaceEdit) =>
  edit.entries().flatMap(([u, edits]) => edits.map((e) => `${u.path.split('/').pop()} ${rangeText(e.range)}=${e.newText}`));

// The preview's state, as preview.test.ts reads it.
interface PreviewSnapshot {
  uri: string;
  renderedVersion?: number;
  renderedCards?: number;
}
const previewState = async () => (await vscode.commands.executeCommand<{ previews: PreviewSnapshot[] }>('canvasAsCode.preview._state'))!;

/** Re-reads the preview state until the page of `uri` drew `version` with `cards` cards (the page answers with no event here). */
async function waitForDrawn(uri: vscode.Uri, version: number, cards: number): Promise<void> {
  const deadline = Date.now() + DEFAULT_DEADLINE_MS * 2;
  const drawn = (s: { previews: PreviewSnapshot[] }) => s.previews.some((p) => p.uri === uri.toString() && p.renderedVersion === version && p.renderedCards === cards);
  let last = await previewState();
  while (!drawn(last)) {
    if (Date.now() > deadline) throw new DeadlineError(`the page to draw version ${version} with ${cards} cards; last state ${JSON.stringify(last.previews)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await previewState();
  }
}

/** A copy of a workspace example under scratch/ (the examples stay as they are for the other tests). */
async function scratchCopyOf(example: string, replace: [string, string][] = []): Promise<vscode.Uri> {
  let text = await readText(vscode.Uri.joinPath(workspaceRoot(), 'examples', example));
  for (const [from, to] of replace) text = text.replace(from, to);
  return writeScratchCanvas(text, example.replace(/\.canvas\.yaml$/, ''));
}

/** The headings (class "h") of an SVG the export command wrote, in order. */
const svgHeadings = (svg: string) => [...svg.matchAll(/<text[^>]* class="h"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

suite('Canvas kinds in the editor', () => {
  suiteSetup(activeExtension);
  teardown(closeAllEditors);

  test('Lean: a bad enumeration value and an unknown reference at their exact ranges, blocks left out as hints', async () => {
    const uri = await writeScratchCanvas(LEAN, 'lean-problems');
    await openCanvas(uri);
    await waitForProblems(uri, exactly(['schema error 10:11-10:20', 'unknown-reference error 15:33-15:43', ...Array(8).fill('empty-block hint 1:1-1:7')]));
    const messages = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message);
    sameMembers(
      messages,
      ['"workaroud" is not a valid alternative type. Did you mean "workaround"? Allowed values: competitor, substitute, workaround, do-nothing.', '"lost-notes" names no card in Problem.'],
      'the messages name the Lean Canvas\'s words',
    );
  });

  test('Value proposition: a bad enumeration value, an unrelieved pain and an unknown reference at their exact ranges', async () => {
    const uri = await writeScratchCanvas(VPC, 'vpc-problems');
    const editor = await openCanvas(uri);
    await waitForProblems(uri, exactly(['schema error 4:48-4:57', 'unrelieved-pain warning 7:24-7:37', 'unknown-reference error 13:70-13:83']));
    // Relieving the pain (an unsaved edit) clears the warning; the rest stays.
    const text = editor.document.getText();
    const at = text.indexOf('unknown-drver');
    ok(await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'unknown-drver'.length)), 'surge')), 'edit applied');
    await waitForProblems(uri, exactly(['schema error 4:48-4:57']));
  });

  test('completion offers the kind\'s own block keys, never the business model\'s', async () => {
    const lean = await writeScratchCanvas('canvas: lean\ntitle: T\nproblem:\n  - A problem\n', 'lean-completion');
    const leanDocument = (await openCanvas(lean)).document;
    sameMembers(await blockKeysOffered(lean, leanDocument), LEAN_BLOCKS.filter((k) => k !== 'problem'), 'Lean block keys not yet written');
    const vpc = await writeScratchCanvas('canvas: value-proposition\ntitle: T\n', 'vpc-completion');
    const vpcDocument = (await openCanvas(vpc)).document;
    const offered = await blockKeysOffered(vpc, vpcDocument);
    sameMembers(offered, VPC_BLOCKS, 'value-proposition block keys');
    for (const key of [...BUSINESS_MODEL_ONLY, 'problem', 'customer-segments']) ok(!offered.includes(key), `no ${key} in a value-proposition canvas`);
    // The link fields of a value-proposition canvas are offered as fields.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', vpc, vpcDocument.positionAt(vpcDocument.getText().length));
    const fields = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Property).map(labelOf);
    for (const field of ['business-model', 'segment', 'value-proposition']) ok(fields.includes(field), `${field} offered: ${fields.join(', ')}`);
  });

  test('hover on a block key shows that block\'s description, in each kind', async () => {
    const lean = await writeScratchCanvas(LEAN, 'lean-hover');
    const leanHover = await hoverAt(lean, (await openCanvas(lean)).document, 'existing-alternatives:');
    ok(leanHover.includes('**Existing Alternatives**'), `the title: ${leanHover}`);
    ok(leanHover.includes('How the customers solve each problem today: competitors, workarounds or putting up with it.'), `the description: ${leanHover}`);
    const vpc = await writeScratchCanvas(VPC, 'vpc-hover');
    const vpcHover = await hoverAt(vpc, (await openCanvas(vpc)).document, 'pain-relievers:');
    ok(vpcHover.includes('**Pain Relievers**'), `the title: ${vpcHover}`);
    ok(vpcHover.includes("How the products and services ease the customer's pains: what they remove, reduce or prevent."), `the description: ${vpcHover}`);
  });

  test('rename of an id edits the id and its references, and nothing else, in each kind', async () => {
    const lean = await writeScratchCanvas(LEAN, 'lean-rename');
    const leanDocument = (await openCanvas(lean)).document;
    const leanEdit = await renameAt(lean, leanDocument, 'id: missed-workdays', 5, 'lost-leave');
    const leanName = lean.path.split('/').pop();
    sameMembers(editsOf(leanEdit), [`${leanName} 4:9-4:24=lost-leave`, `${leanName} 11:16-11:31=lost-leave`, `${leanName} 15:16-15:31=lost-leave`], 'Lean rename');
    ok(await vscode.workspace.applyEdit(leanEdit), 'applied');
    equal(leanDocument.getText(), LEAN.replace('id: missed-workdays', 'id: lost-leave').replace('[missed-workdays]', '[lost-leave]').replace('[missed-workdays, lost-notes]', '[lost-leave, lost-notes]'), 'the Lean canvas after the rename');

    const vpc = await writeScratchCanvas(VPC, 'vpc-rename');
    const vpcDocument = (await openCanvas(vpc)).document;
    // From the reference this time.
    const vpcEdit = await renameAt(vpc, vpcDocument, 'relieves: [unknown-driver', 12, 'stranger-driver');
    const vpcName = vpc.path.split('/').pop();
    sameMembers(editsOf(vpcEdit), [`${vpcName} 6:11-6:25=stranger-driver`, `${vpcName} 13:54-13:68=stranger-driver`], 'value-proposition rename');
    ok(await vscode.workspace.applyEdit(vpcEdit), 'applied');
    equal(vpcDocument.getText(), VPC.replace('id: unknown-driver', 'id: stranger-driver').replace('[unknown-driver,', '[stranger-driver,'), 'the value-proposition canvas after the rename');
  });

  test('the preview draws every card of the Lean example, and a card added to a Lean-only block (High-Level Concept)', async () => {
    const uri = await scratchCopyOf('hospital-companion.canvas.yaml');
    const editor = await openCanvas(uri);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    await waitForDrawn(uri, editor.document.version, 35);
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('\nunfair-advantage:'));
    ok(await editor.edit((b) => b.insert(at, "\n  - \"병원 동행계의 '쏘카': 필요한 날만 부르는 돌봄 🚗\"")), 'edit applied');
    await waitForDrawn(uri, editor.document.version, 36);
    // The export command renders the same view: the Lean Canvas's twelve blocks.
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'kinds-lean.svg');
    await vscode.commands.executeCommand('canvasAsCode.export', uri, { format: 'svg', target });
    const svg = await readText(target);
    equal(
      svgHeadings(svg).join(' | '),
      'Problem | Existing Alternatives | Solution | Key Metrics | Unique Value Proposition | High-Level Concept | Unfair Advantage | Channels | Customer Segments | Early Adopters | Cost Structure | Revenue Streams',
      'the Lean Canvas\'s blocks',
    );
    ok(svg.includes('병원 동행계의 &#39;쏘카&#39;'), 'the unsaved card is exported, escaped');
  });

  test('the example business model\'s preview offers the example value-proposition canvas on the riders segment', async () => {
    const businessModel = vscode.Uri.joinPath(workspaceRoot(), 'examples', 'ride-hailing.canvas.yaml');
    const example = vscode.Uri.joinPath(workspaceRoot(), 'examples', 'riders-safe-rides.canvas.yaml');
    await openCanvas(businessModel);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', businessModel);
    type Links = { segment: string; canvases: { uri: string; label: string }[] }[];
    const linksShown = async () => (await vscode.commands.executeCommand<{ previews: (PreviewSnapshot & { links: Links })[] }>('canvasAsCode.preview._state'))!.previews.find((p) => p.uri === businessModel.toString())?.links;
    // Other tests may add scratch canvases naming the same segment: the example's must be among them, on riders only.
    const offered = (links: Links | undefined) => !!links?.some((s) => s.segment === 'riders' && s.canvases.some((c) => c.uri === example.toString() && c.label === 'examples/riders-safe-rides.canvas.yaml'));
    const deadline = Date.now() + DEFAULT_DEADLINE_MS * 2;
    let last = await linksShown();
    while (!offered(last)) {
      if (Date.now() > deadline) throw new DeadlineError(`the preview's links to offer ${example.toString()} on riders; last ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      last = await linksShown();
    }
    sameMembers(last!.map((s) => s.segment), ['riders'], 'only the riders segment has a value-proposition canvas');
  });

  test('the preview draws every card of the value-proposition example with its fit lines, and a pain reliever added', async () => {
    // In scratch/, the link to the business model goes up one folder.
    const uri = await scratchCopyOf('riders-safe-rides.canvas.yaml', [['business-model: ./ride-hailing.canvas.yaml', 'business-model: ../examples/ride-hailing.canvas.yaml']]);
    const editor = await openCanvas(uri);
    await waitForProblems(uri, exactly([]));
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    await waitForDrawn(uri, editor.document.version, 27);
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('\ngain-creators:'));
    ok(await editor.edit((b) => b.insert(at, '\n  - { name: "Night-time fare cap: ₩30,000 max 🌙", relieves: [surge-shock] }')), 'edit applied');
    await waitForDrawn(uri, editor.document.version, 28);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'kinds-vpc.svg');
    await vscode.commands.executeCommand('canvasAsCode.export', uri, { format: 'svg', target });
    const svg = await readText(target);
    equal(svgHeadings(svg).join(' | '), 'Value Map | Products &amp; Services | Pain Relievers | Gain Creators | Customer Profile | Customer Jobs | Pains | Gains', 'the value map and the customer profile');
    // One fit line per pain or gain a reliever or creator names: 9 + 6 in the example, 1 added.
    equal(svg.match(/<line [^>]*class="fit"/g)?.length, 16, 'fit lines');
    for (const title of ['Key Partnerships', 'Value Propositions', 'Customer Segments']) ok(!svg.includes(title), `no ${title}`);
  });
});
