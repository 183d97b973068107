// The live preview in the real workbench: the page loads and draws (it reports what it drew),
// edits reach it, its reveal message moves the editor's cursor (never a selection), lock/follow,
// and the export command.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, readText, workspaceRoot, writeScratchCanvas } from './canvas';
import { equal, ok } from './check';
import { DEFAULT_DEADLINE_MS, DeadlineError, waitFor } from './wait';

const STATE = 'canvasAsCode.preview._state';
const RECEIVE = 'canvasAsCode.preview._receive';
const COMMANDS = [
  'canvasAsCode.showPreview',
  'canvasAsCode.showPreviewToSide',
  'canvasAsCode.showLockedPreviewToSide',
  'canvasAsCode.preview.toggleLock',
  'canvasAsCode.preview.showSource',
  'canvasAsCode.export',
];

interface PreviewSnapshot {
  uri: string;
  locked: boolean;
  visible: boolean;
  active: boolean;
  ready: boolean;
  postedVersion?: number;
  outdated: boolean;
  renderedVersion?: number;
  renderedCards?: number;
  posted: string[];
  received: string[];
}
interface State {
  panels: number;
  previews: PreviewSnapshot[];
}

const CANVAS = `canvas: business-model
title: Preview
customer-segments:
  - id: riders
    name: Urban riders
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders]
`;

const state = async () => (await vscode.commands.executeCommand<State>(STATE))!;

/** Re-reads the preview state until `accept` holds; the page answers asynchronously, with no event here. */
async function waitForState(accept: (s: State) => boolean, what: string, deadlineMs = DEFAULT_DEADLINE_MS * 2): Promise<State> {
  const deadline = Date.now() + deadlineMs;
  let last = await state();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new DeadlineError(`gave up after ${deadlineMs} ms waiting for ${what}; last state ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await state();
  }
  return last;
}

const previewOf = (s: State, uri: vscode.Uri) => s.previews.find((p) => p.uri === uri.toString());

/** The page of the preview of `uri` drew `version` with `cards` cards. */
const drawn = (uri: vscode.Uri, version: number, cards?: number) => (s: State) => {
  const p = previewOf(s, uri);
  return !!p && p.renderedVersion === version && (cards === undefined || p.renderedCards === cards);
};

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('canvasAsCode.preview'));
}

suite('canvas preview', () => {
  suiteSetup(activeExtension);
  teardown(closeAllEditors);

  test('its commands are registered @vsix', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const command of [...COMMANDS, STATE, RECEIVE]) ok(all.includes(command), `${command} is registered`);
  });

  test('opens beside the canvas and the page draws it @vsix', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'preview');
    const editor = await openCanvas(uri);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide');
    const s = await waitForState(drawn(uri, editor.document.version, 2), 'the page to draw the canvas');
    equal(s.panels, 1, 'one preview panel');
    const tabs = previewTabs();
    equal(tabs.length, 1, 'one preview tab');
    ok(tabs[0].group.viewColumn !== vscode.window.activeTextEditor?.viewColumn, 'the preview is beside the editor');
    equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the editor keeps the focus');
    const title = `Preview ${uri.path.split('/').pop()}`;
    await waitFor(() => previewTabs()[0]?.label === title, () => `tab title ${title}: ${previewTabs().map((t) => t.label)}`, {
      event: vscode.window.tabGroups.onDidChangeTabs,
    });
  });

  test('an unsaved edit reaches the page as a new view of the new version', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'preview-edit');
    const editor = await openCanvas(uri);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    await waitForState(drawn(uri, editor.document.version, 2), 'the first view');
    const end = editor.document.positionAt(editor.document.getText().length);
    ok(await editor.edit((b) => b.insert(end, '  - id: cheap\n    name: Cheap rides\n    segments: [riders]\n')), 'edit applied');
    ok(editor.document.isDirty, 'not saved');
    const s = await waitForState(drawn(uri, editor.document.version, 3), `the page to draw version ${editor.document.version} with 3 cards`);
    ok(previewOf(s, uri)!.posted.includes('patch'), `what changed was posted as a patch, not reloaded: ${previewOf(s, uri)!.posted}`);
    equal(previewOf(s, uri)!.received.filter((t) => t === 'ready').length, 1, 'the page did not reload');
  });

  // Issue 15 item 3: no fixed throttle. Keys typed one after another are each drawn (a few updates
  // in flight, the page's `rendered` releases the next), and the page ends on the last text.
  test('typing: every key reaches the page as a patch and the last version is drawn', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'preview-typing');
    const editor = await openCanvas(uri);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    await waitForState(drawn(uri, editor.document.version, 2), 'the first view');
    const at = editor.document.positionAt(editor.document.getText().indexOf('Fast pickup') + 'Fast pickup'.length);
    for (const [i, key] of [...'abcdef'].entries()) {
      ok(await editor.edit((b) => b.insert(at.translate(0, i), key)), `key ${key} typed`);
    }
    const s = await waitForState(drawn(uri, editor.document.version, 2), `the page to draw version ${editor.document.version}`);
    const p = previewOf(s, uri)!;
    ok(!p.posted.slice(p.posted.indexOf('patch')).includes('view'), `no whole view after the first patch: ${p.posted}`);
    equal(p.received.filter((t) => t === 'resync').length, 0, 'every patch fitted the page');
    ok(editor.document.getText().includes('Fast pickupabcdef'), 'the text has every key');
  });

  // The cursor is posted when it enters another card, not on every key: typing moves it on each
  // key, and each message is a trip through the workbench's renderer (issue 15 item 3).
  test('the cursor is posted when it moves to another card, not for every move inside one', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'preview-cursor');
    const editor = await openCanvas(uri);
    const text = editor.document.getText();
    const put = (offset: number) => (editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset)));
    // The cursor starts in 'riders' before the preview opens: the page is told so once it is ready.
    put(text.indexOf('Urban riders'));
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    const cursors = (s: State) => previewOf(s, uri)?.posted.filter((t) => t === 'cursor').length ?? 0;
    // The page draws the view embedded in it before it says `ready`: wait for both.
    await waitForState((st) => drawn(uri, editor.document.version, 2)(st) && cursors(st) > 0, 'the first view, and the ready page told where the cursor is');
    const before = cursors(await state());
    // Moves inside 'riders', then into 'fast', then a key typed there: the change event comes after
    // every selection event, so once its patch is drawn every move has been handled.
    for (const word of ['riders', 'Urban', 'id: riders']) put(text.indexOf(word));
    put(text.indexOf('Fast pickup'));
    ok(await editor.edit((b) => b.insert(editor.document.positionAt(text.indexOf('Fast pickup') + 4), 'x')), 'a key typed');
    const s = await waitForState(drawn(uri, editor.document.version, 2), 'the typed key drawn');
    equal(cursors(s) - before, 1, `one cursor message for the move into 'fast', none for the moves inside a card or the key: ${previewOf(s, uri)!.posted}`);
  });

  test('a page that lost track asks for a resync and gets the whole view', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'preview-resync');
    const editor = await openCanvas(uri);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    await waitForState(drawn(uri, editor.document.version, 2), 'the first view');
    const views = (s: State) => previewOf(s, uri)!.posted.filter((t) => t === 'view').length;
    const before = views(await state());
    await vscode.commands.executeCommand(RECEIVE, 0, { type: 'resync' });
    await waitForState((s) => views(s) === before + 1 && drawn(uri, editor.document.version, 2)(s), 'the whole view posted again and drawn');
  });

  test('a text with syntax errors keeps showing its last good canvas, with the problems', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'preview-broken');
    const editor = await openCanvas(uri);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide');
    await waitForState(drawn(uri, editor.document.version, 2), 'the first view');
    // Remove the value propositions' flow list's closing bracket: the YAML no longer parses.
    const text = editor.document.getText();
    const bracket = text.lastIndexOf(']');
    ok(await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(bracket), editor.document.positionAt(bracket + 1)))), 'edit applied');
    let s = await waitForState(drawn(uri, editor.document.version, 2), 'the broken version drawn with the last good cards');
    ok(previewOf(s, uri)!.outdated, 'the view is marked outdated');
    ok(await editor.edit((b) => b.insert(editor.document.positionAt(bracket), ']')), 'fixed');
    s = await waitForState(drawn(uri, editor.document.version, 2), 'the fixed version');
    ok(!previewOf(s, uri)!.outdated, 'the view is current again');
  });

  // Issue 12, item 8: a click on a card selected its whole text in a focused editor, so the next
  // key typed replaced the card. A reveal now leaves an empty cursor at the card's name; only a
  // double-click or Enter (`focus`) moves the focus to the editor.
  suite('reveal from the page', () => {
    /** An object card, a plain-string card, a card without a name, and a quoted name. */
    const REVEAL_CANVAS = `${CANVAS}channels:
  - Word of mouth
  - id: ads
    type: paid
key-activities:
  - id: ops
    name: "Dispatch"
`;
    const at = (document: vscode.TextDocument, p: vscode.Position) => `${p.line + 1}:${p.character + 1} (${JSON.stringify(document.lineAt(p.line).text)})`;

    /** What the page posts for a card: its view key and its span (the whole card). */
    function cardOf(text: string, key: string, first: string, last: string) {
      const start = text.indexOf(first);
      ok(start >= 0, `${first} is in the canvas`);
      return { key, span: { start, end: text.indexOf(last, start) + last.length } };
    }
    const cards = (text: string) => ({
      fast: { ...cardOf(text, 'fast', 'id: fast', '[riders]'), name: text.indexOf('Fast pickup') },
      mouth: { ...cardOf(text, 'channels#0', 'Word of mouth', 'Word of mouth'), name: text.indexOf('Word of mouth') },
      ads: { ...cardOf(text, 'ads', 'id: ads', 'type: paid'), name: text.indexOf('id: ads') },
      ops: { ...cardOf(text, 'ops', 'id: ops', '"Dispatch"'), name: text.indexOf('"Dispatch"') },
    });

    async function open(name: string) {
      const uri = await writeScratchCanvas(REVEAL_CANVAS, name);
      const editor = await openCanvas(uri);
      await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide');
      await waitForState(drawn(uri, editor.document.version, 5), 'the first view');
      return { uri, document: editor.document };
    }

    /**
     * The user is in the preview: its group (beside the editor) has the focus. The page's own focus
     * follows a moment later (asynchronously, with no event the tests can wait on), and then takes
     * the group's focus back from an editor focused in between: what comes next checks the reveal
     * only where that cannot matter, and keys are typed after focusing elsewhere (focusElsewhere).
     */
    async function focusPreview() {
      await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
      await waitForState((s) => !!s.previews[0]?.active, 'the preview to be focused');
    }

    /** The keyboard focus away from the editor (the Explorer), so that only a reveal can bring it back. */
    async function focusElsewhere() {
      await vscode.commands.executeCommand('workbench.view.explorer');
    }

    /** Types `text` as the user would (into the focused editor, if any) and waits for it to reach `document`. */
    async function typeInto(document: vscode.TextDocument, text: string, what: string) {
      const version = document.version;
      await vscode.commands.executeCommand('type', { text });
      await waitFor(() => document.version > version, () => `${what}: the typed key to reach the document (is the editor focused?)`, {
        event: vscode.workspace.onDidChangeTextDocument,
      });
    }

    const canvasEditor = (uri: vscode.Uri) => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());

    /** The canvas editor's selection is an empty cursor at `offset`. */
    function assertCursorAt(uri: vscode.Uri, offset: number, what: string): vscode.TextEditor {
      const editor = canvasEditor(uri);
      ok(editor, `${what}: the canvas is shown`);
      const { document, selection } = editor!;
      ok(selection.isEmpty, `${what}: the selection is empty, not ${at(document, selection.start)}-${at(document, selection.end)}`);
      equal(at(document, selection.active), at(document, document.positionAt(offset)), `${what}: the cursor`);
      return editor!;
    }

    test('a click puts an empty cursor at the card’s name and the preview keeps the focus', async () => {
      const { uri, document } = await open('reveal-click');
      const all = cards(document.getText());
      await focusPreview();
      for (const [what, card] of Object.entries(all)) {
        await vscode.commands.executeCommand(RECEIVE, 0, { type: 'reveal', key: card.key, span: card.span, focus: false });
        assertCursorAt(uri, card.name, what);
        ok(vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString(), `${what}: the canvas editor did not take the focus`);
      }
      const s = await waitForState((st) => st.previews[0]?.posted.includes('cursor'), 'the cursor to be posted to the page');
      ok(s.previews[0].active, 'the preview still has the focus');
      equal(document.getText(), REVEAL_CANVAS, 'nothing changed');
      // Then a double-click or Enter on the same card: the editor takes the focus.
      const { fast } = all;
      await vscode.commands.executeCommand(RECEIVE, 0, { type: 'reveal', key: fast.key, span: fast.span, focus: true });
      equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'focus: the canvas editor is active');
      assertCursorAt(uri, fast.name, 'focus');
    });

    test('a double-click or Enter moves the focus to the editor with an empty cursor at the name; a key typed is inserted, the card kept', async () => {
      const { uri, document } = await open('reveal-focus');
      let expected = REVEAL_CANVAS;
      for (const what of ['fast', 'mouth', 'ads', 'ops'] as const) {
        const card = cards(document.getText())[what];
        await focusElsewhere();
        await vscode.commands.executeCommand(RECEIVE, 0, { type: 'reveal', key: card.key, span: card.span, focus: true });
        equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), `${what}: the canvas editor is active`);
        assertCursorAt(uri, card.name, what);
        // The next key the user types: inserted at the cursor, the card's text otherwise unchanged
        // (before the fix it replaced the whole selected card).
        await typeInto(document, 'Q', what);
        expected = `${expected.slice(0, card.name)}Q${expected.slice(card.name)}`;
        equal(document.getText(), expected, `${what}: only the typed key was added`);
      }
    });

    test('a problem of the list: an empty cursor at its start, the focus only on Enter', async () => {
      const { uri, document } = await open('reveal-problem');
      const text = document.getText();
      const span = { start: text.indexOf('segments: [riders]'), end: text.indexOf('[riders]') + '[riders]'.length };
      await focusElsewhere();
      await vscode.commands.executeCommand(RECEIVE, 0, { type: 'reveal', span, focus: true });
      assertCursorAt(uri, span.start, 'Enter');
      equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'Enter: the canvas editor is active');
      await typeInto(document, '#', 'Enter');
      equal(document.getText(), `${text.slice(0, span.start)}#${text.slice(span.start)}`, 'Enter: only the typed key was added');
      // The cursor is after the '#' now; a click brings it back, and the preview keeps the focus.
      await focusPreview();
      await vscode.commands.executeCommand(RECEIVE, 0, { type: 'reveal', span, focus: false });
      assertCursorAt(uri, span.start, 'click');
      ok(vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString(), 'click: the canvas editor did not take the focus');
    });

    test('a view older than the text: the card is found by its key, else revealed at its old start', async () => {
      const { uri, document } = await open('reveal-stale');
      const before = cards(document.getText());
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(2, 0), '# a comment the page has not seen yet\n');
      ok(await vscode.workspace.applyEdit(edit), 'edit applied');
      const after = cards(document.getText());
      await vscode.commands.executeCommand(RECEIVE, 0, { type: 'reveal', key: 'fast', span: before.fast.span, focus: false });
      assertCursorAt(uri, after.fast.name, 'by its key');
      await vscode.commands.executeCommand(RECEIVE, 0, { type: 'reveal', key: 'gone', span: { start: 5, end: 40 }, focus: false });
      assertCursorAt(uri, 5, 'not found');
    });
  });

  test('an unlocked preview follows the active canvas editor; a locked one stays', async () => {
    const first = await writeScratchCanvas(CANVAS, 'follow-a');
    const second = await writeScratchCanvas(CANVAS.replace('title: Preview', 'title: Second'), 'follow-b');
    const editor = await openCanvas(first);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide');
    await waitForState(drawn(first, editor.document.version), 'the preview of the first file');
    await vscode.commands.executeCommand('vscode.open', second, { viewColumn: vscode.ViewColumn.One, preview: false });
    await waitForState((s) => s.previews.length === 1 && drawn(second, 1)(s), 'the preview to follow to the second file');
    await vscode.commands.executeCommand('canvasAsCode.preview.toggleLock');
    await waitForState((s) => s.previews[0].locked, 'the preview to lock');
    const lockedTitle = `[Preview] ${second.path.split('/').pop()}`;
    await waitFor(
      () => previewTabs()[0]?.label === lockedTitle,
      () => `the tab title to become ${lockedTitle}: ${previewTabs().map((t) => t.label)}`,
      { event: vscode.window.tabGroups.onDidChangeTabs },
    );
    await vscode.commands.executeCommand('vscode.open', first, { viewColumn: vscode.ViewColumn.One, preview: false });
    const s = await state();
    equal(s.previews[0].uri, second.toString(), 'the locked preview stays on its file');
    // A new preview of the first file opens beside the locked one.
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', first);
    await waitForState((st) => st.panels === 2 && drawn(first, 1)(st), 'a second, unlocked preview');
  });

  test('shown again after being hidden, the page reloads and draws the latest text', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'preview-hide');
    const editor = await openCanvas(uri);
    await vscode.commands.executeCommand('canvasAsCode.showPreview');
    await waitForState(drawn(uri, editor.document.version), 'the preview in the editor group');
    // The canvas editor comes to the front of the same group: the page is torn down.
    await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.Active, preview: false });
    await waitForState((s) => !s.previews[0].visible, 'the preview to be hidden');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(1, 7, 1, 14), 'Edited while hidden');
    ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    const version = editor.document.version;
    equal(previewTabs().length, 1, 'the preview tab is still open');
    await vscode.commands.executeCommand('canvasAsCode.showPreview');
    const s = await waitForState(drawn(uri, version), `the page to draw version ${version} after showing again`);
    ok(s.previews[0].received.filter((t) => t === 'ready').length >= 2, 'the page reloaded and said ready again');
  });

  suite('export', () => {
    const cases = [
      { format: 'markdown', ext: 'md', check: (text: string) => text.includes('Fast pickup') && text.includes('Urban riders') && text.includes('|') },
      { format: 'svg', ext: 'svg', check: (text: string) => /<svg[\s>]/.test(text) && text.includes('Fast pickup') && !/<script/i.test(text) },
      { format: 'html', ext: 'html', check: (text: string) => /^<!DOCTYPE html>/i.test(text) && text.includes('Fast pickup') && !/<script/i.test(text) },
    ] as const;
    for (const { format, ext, check } of cases) {
      test(`to ${format} writes the file it is given`, async () => {
        const source = await writeScratchCanvas(CANVAS, `export-${format}`);
        const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `exported-${format}.${ext}`);
        const written = await vscode.commands.executeCommand<vscode.Uri>('canvasAsCode.export', source, { format, target });
        equal(written?.toString(), target.toString(), 'the command returns the written file');
        const text = await readText(target);
        ok(check(text), `${format} output:\n${text.slice(0, 400)}`);
      });
    }

    test('to png rasterises the SVG in a preview page', async () => {
      const source = await writeScratchCanvas(CANVAS, 'export-png');
      await openCanvas(source);
      const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'exported.png');
      const written = await vscode.commands.executeCommand<vscode.Uri>('canvasAsCode.export', source, { format: 'png', target });
      equal(written?.toString(), target.toString(), 'the command returns the written file');
      const bytes = await vscode.workspace.fs.readFile(target);
      equal(Array.from(bytes.slice(0, 8)).join(','), '137,80,78,71,13,10,26,10', 'PNG signature');
      ok(bytes.length > 1000, `a real image (${bytes.length} bytes)`);
    });
  });
});
