// Editing in the preview (issue 15, item 1), host side, in the real VS Code: a gesture the page
// posts (`edit` with the version it drew) becomes the smallest YAML edit on the open document, one
// undo step, answered `edited`; Undo/Redo from the preview act on the file; a stale version, a
// refusal of the engine and a read-only file change nothing and redraw the page. The page's
// messages are delivered through the preview's internal `_receive` command, as the page would.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, workspaceRoot, writeScratchCanvas } from './canvas';
import { equal, ok } from './check';
import { DEFAULT_DEADLINE_MS, DeadlineError, waitFor } from './wait';

const STATE = 'canvasAsCode.preview._state';
const RECEIVE = 'canvasAsCode.preview._receive';

interface EditAnswer {
  id: number;
  ok: boolean;
  message?: string;
  appliedAt?: number;
  receivedAt: number;
  computedAt?: number;
}
interface PreviewSnapshot {
  uri: string;
  locked: boolean;
  active: boolean;
  ready: boolean;
  renderedVersion?: number;
  renderedCards?: number;
  posted: string[];
  received: string[];
  edits: EditAnswer[];
}
interface State {
  panels: number;
  previews: PreviewSnapshot[];
}

type Intent =
  | { command: 'addCard'; block: string; name: string; index?: number }
  | { command: 'renameCard'; block: string; index: number; name: string }
  | { command: 'moveCard'; block: string; index: number; toBlock: string; toIndex: number }
  | { command: 'deleteCard'; block: string; index: number }
  | { command: 'setCardField'; block: string; index: number; field: string; value: unknown };

const CANVAS = `canvas: business-model
title: Preview editing
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
const CARDS = 4;

const state = async () => (await vscode.commands.executeCommand<State>(STATE))!;
const now = () => performance.timeOrigin + performance.now();

/** Re-reads the preview state until `accept` holds (the page answers with no event the tests can wait on). */
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

const drawn = (index: number, version: number, cards?: number) => (s: State) => {
  const p = s.previews[index];
  return !!p && p.renderedVersion === version && (cards === undefined || p.renderedCards === cards);
};

let nextId = 1;

/** Posts a gesture as the page would, on `version`; resolves with the preview's answer once handled. */
async function gesture(index: number, version: number, intent: Intent): Promise<EditAnswer> {
  const id = nextId++;
  const uri = (await state()).previews[index]?.uri;
  const snapshot = await vscode.commands.executeCommand<PreviewSnapshot>(RECEIVE, index, { type: 'edit', id, uri, version, intent, sentAt: now() });
  const answer = snapshot?.edits.find((e) => e.id === id);
  ok(answer, `the preview answered edit ${id}: ${JSON.stringify(snapshot?.edits)}`);
  return answer;
}

/** The page was drawn again after the last answer (a refused edit redraws the current view). */
async function redrawnAfterAnswer(index: number, version: number): Promise<void> {
  await waitForState((s) => {
    const posted = s.previews[index]?.posted ?? [];
    return posted.lastIndexOf('view') > posted.lastIndexOf('edited') && drawn(index, version)(s);
  }, 'a view posted after the refusal and drawn');
}

function waitForText(document: vscode.TextDocument, expected: string, what: string): Promise<true> {
  return waitFor(() => document.getText() === expected, () => `${what}: the document reads ${JSON.stringify(document.getText())}`, {
    event: vscode.workspace.onDidChangeTextDocument,
  });
}

/** A scratch canvas in an editor with its preview beside it, drawn. */
async function openWithPreview(text: string, name: string, cards?: number) {
  const uri = await writeScratchCanvas(text, name);
  const { document } = await openCanvas(uri);
  await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
  await waitForState(drawn(0, document.version, cards), 'the first view');
  return { uri, document };
}

/** Each gesture and the text it leaves: only the card's lines (and a new block's key) differ from CANVAS. */
const GESTURES: { title: string; intent: Intent; expected: string; cards: number }[] = [
  {
    title: 'add a card to a block',
    intent: { command: 'addCard', block: 'customer-segments', name: 'Night: owls', index: 1 },
    expected: CANVAS.replace('  - id: drivers\n', '  - name: "Night: owls"\n  - id: drivers\n'),
    cards: CARDS + 1,
  },
  {
    title: 'add a card to a flow list',
    intent: { command: 'addCard', block: 'channels', name: 'Web' },
    expected: CANVAS.replace('channels: [app]', 'channels: [app, Web]'),
    cards: CARDS + 1,
  },
  {
    title: 'rename a card, keeping its comment',
    intent: { command: 'renameCard', block: 'customer-segments', index: 0, name: 'Commuters' },
    expected: CANVAS.replace('name: Urban riders # who ride', 'name: Commuters # who ride'),
    cards: CARDS,
  },
  {
    title: 'move a card within its block, with the comment above it',
    intent: { command: 'moveCard', block: 'customer-segments', index: 0, toBlock: 'customer-segments', toIndex: 1 },
    expected: CANVAS.replace(
      '  # riders come first\n  - id: riders\n    name: Urban riders # who ride\n  - id: drivers\n    name: Drivers\n',
      '  - id: drivers\n    name: Drivers\n  # riders come first\n  - id: riders\n    name: Urban riders # who ride\n',
    ),
    cards: CARDS,
  },
  {
    title: 'move a card to another block',
    intent: { command: 'moveCard', block: 'customer-segments', index: 1, toBlock: 'value-propositions', toIndex: 0 },
    expected: CANVAS.replace('  - id: drivers\n    name: Drivers\n', '').replace('value-propositions:\n', 'value-propositions:\n  - id: drivers\n    name: Drivers\n'),
    cards: CARDS,
  },
  {
    title: 'delete a card',
    intent: { command: 'deleteCard', block: 'customer-segments', index: 1 },
    expected: CANVAS.replace('  - id: drivers\n    name: Drivers\n', ''),
    cards: CARDS - 1,
  },
  {
    title: 'set a field of a plain-string card (it becomes a mapping)',
    intent: { command: 'setCardField', block: 'value-propositions', index: 0, field: 'segments', value: ['riders'] },
    expected: CANVAS.replace('  - Fast pickup\n', '  - name: Fast pickup\n    segments: [riders]\n'),
    cards: CARDS,
  },
  {
    title: 'set a status from the schema\'s enumeration',
    intent: { command: 'setCardField', block: 'customer-segments', index: 1, field: 'status', value: 'validated' },
    expected: CANVAS.replace('    name: Drivers\n', '    name: Drivers\n    status: validated\n'),
    cards: CARDS,
  },
];

/** An in-memory file system that only reads (registered as read-only): a canvas VS Code cannot write. */
class ReadonlyFiles implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  set(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const data = this.files.get(uri.path);
    if (data) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.length, permissions: vscode.FilePermission.Readonly };
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((path) => [path.slice(1), vscode.FileType.File]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return data;
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

suite('preview editing', () => {
  suiteSetup(activeExtension);
  teardown(closeAllEditors);

  for (const { title, intent, expected, cards } of GESTURES) {
    test(`${title}: exactly the card's lines change, answered ok, one undo step`, async () => {
      const { document } = await openWithPreview(CANVAS, 'preview-editing', CARDS);
      const before = document.version;
      const answer = await gesture(0, before, intent);
      equal(JSON.stringify({ ok: answer.ok, message: answer.message }), JSON.stringify({ ok: true }), 'the answer');
      ok(typeof answer.appliedAt === 'number' && answer.appliedAt >= answer.receivedAt, `appliedAt after receivedAt: ${JSON.stringify(answer)}`);
      equal(document.getText(), expected, 'the text once the gesture was answered');
      equal(document.version, before + 1, 'one change');
      await waitForState(drawn(0, document.version, cards), `the page to draw version ${document.version} with ${cards} cards`);
      await vscode.commands.executeCommand('undo');
      await waitForText(document, CANVAS, 'one undo');
    });
  }

  test('Undo and Redo from the preview revert and repeat exactly one gesture, and the preview keeps the focus', async () => {
    const { document } = await openWithPreview(CANVAS, 'preview-editing-undo', CARDS);
    const renamed = CANVAS.replace('name: Drivers', 'name: Night drivers');
    const added = renamed.replace('channels: [app]', 'channels: [app, Web]');
    ok((await gesture(0, document.version, { command: 'renameCard', block: 'customer-segments', index: 1, name: 'Night drivers' })).ok, 'renamed');
    ok((await gesture(0, document.version, { command: 'addCard', block: 'channels', name: 'Web' })).ok, 'added');
    equal(document.getText(), added, 'both gestures');
    const steps: [('undo' | 'redo'), string, string][] = [
      ['undo', renamed, 'the first undo reverts the added card only'],
      ['undo', CANVAS, 'the second undo reverts the rename'],
      ['redo', renamed, 'the first redo repeats the rename only'],
      ['redo', added, 'the second redo repeats the added card'],
    ];
    for (const [command, text, what] of steps) {
      await vscode.commands.executeCommand(RECEIVE, 0, { type: command });
      await waitForText(document, text, what);
      await waitForState((s) => !!s.previews[0]?.active, `${what}: the focus back on the preview`);
    }
    await waitForState(drawn(0, document.version, CARDS + 1), 'the page to draw the redone text');
  });

  test('a stale version is refused with its reason, nothing changes and the page is drawn again', async () => {
    const { uri, document } = await openWithPreview(CANVAS, 'preview-editing-stale', CARDS);
    const stale = document.version;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(1, 0), '# a comment typed meanwhile\n');
    ok(await vscode.workspace.applyEdit(edit), 'the text changed');
    const typed = document.getText();
    const answer = await gesture(0, stale, { command: 'addCard', block: 'channels', name: 'Web' });
    equal(answer.ok, false, 'refused');
    equal(answer.message, `The document changed since this edit was asked for (version ${stale}, now ${document.version}); nothing was changed.`, 'the reason');
    equal(document.getText(), typed, 'unchanged');
    await redrawnAfterAnswer(0, document.version);
  });

  test('an edit for another file than the preview shows (it moved on) is refused, even at the same version', async () => {
    const { document } = await openWithPreview(CANVAS, 'preview-editing-other-file', CARDS);
    const before = document.getText();
    const id = nextId++;
    const other = vscode.Uri.joinPath(document.uri, '..', 'another.canvas.yaml').toString();
    const snapshot = await vscode.commands.executeCommand<PreviewSnapshot>(RECEIVE, 0, { type: 'edit', id, uri: other, version: document.version, intent: { command: 'addCard', block: 'channels', name: 'Web' }, sentAt: now() });
    const answer = snapshot?.edits.find((e) => e.id === id);
    ok(answer, 'answered');
    equal(answer.ok, false, 'refused');
    equal(answer.message, 'The preview shows another file now; nothing was changed.', 'the reason');
    equal(document.getText(), before, 'unchanged');
    await redrawnAfterAnswer(0, document.version);
  });

  test('refusals of the engine and bad intents: their reasons, nothing changed, the page drawn again', async () => {
    const anchored = `${CANVAS}key-activities:
  - &ops
    id: ops
    name: Dispatch
  - *ops
`;
    const { document } = await openWithPreview(anchored, 'preview-editing-refused');
    const version = document.version;
    const cases: [Intent | Record<string, unknown>, string][] = [
      [{ command: 'deleteCard', block: 'customer-segments', index: 5 }, "There is no card 5 in 'customer-segments' (it has 2)."],
      [{ command: 'setCardField', block: 'customer-segments', index: 0, field: 'status', value: 'maybe' }, "The value does not fit the field 'status' (expected hypothesis | validated | invalidated)."],
      [{ command: 'renameCard', block: 'key-activities', index: 1, name: 'Copy' }, "Card 1 of 'key-activities' is an alias ('*') of another card; edit that card instead."],
      [{ command: 'renameCard', block: 'key-activities', index: 0, name: 'Ops' }, "Card 0 of 'key-activities' holds an anchor ('&') that an alias repeats elsewhere; this edit would change or break the copy."],
      [{ command: 'moveCard', block: 'customer-segments', index: 0, toBlock: 'channels', toIndex: 0 }, "'channels' is written as a flow list ('[...]'); a card written over several lines cannot go into it."],
      [{ command: 'renameCard', block: 'customer-segments', index: 0 }, 'The argument name is missing or not of the right type.'],
      [{ command: 'format', block: 'customer-segments' }, 'The argument intent is missing or not of the right type.'],
    ];
    for (const [intent, reason] of cases) {
      const answer = await gesture(0, version, intent as Intent);
      equal(JSON.stringify({ ok: answer.ok, message: answer.message }), JSON.stringify({ ok: false, message: reason }), `${JSON.stringify(intent)}`);
      await redrawnAfterAnswer(0, version);
    }
    equal(document.getText(), anchored, 'unchanged');
    equal(document.version, version, 'no change at all');
  });

  test('a file with YAML syntax errors is refused', async () => {
    const broken = CANVAS.replace('name: Drivers', 'name: "Drivers');
    const { document } = await openWithPreview(broken, 'preview-editing-broken');
    const answer = await gesture(0, document.version, { command: 'addCard', block: 'channels', name: 'Web' });
    equal(answer.message, 'The file has YAML syntax errors; fix them before editing the canvas this way.', 'the reason');
    equal(document.getText(), broken, 'unchanged');
  });

  test('two previews of one file: a gesture from one reaches both, the same gesture from the other (now stale) adds no second card', async () => {
    const { uri, document } = await openWithPreview(CANVAS, 'preview-editing-two', CARDS);
    const drawnVersion = document.version;
    await vscode.commands.executeCommand('canvasAsCode.showLockedPreviewToSide', uri);
    await waitForState((s) => s.panels === 2 && drawn(1, drawnVersion, CARDS)(s), 'the locked preview drawn');
    const intent: Intent = { command: 'addCard', block: 'channels', name: 'Web' };
    ok((await gesture(1, drawnVersion, intent)).ok, 'added from the locked preview');
    const expected = CANVAS.replace('channels: [app]', 'channels: [app, Web]');
    equal(document.getText(), expected, 'added once');
    await waitForState(drawn(1, document.version, CARDS + 1), 'the locked preview to draw the card');
    const late = await gesture(0, drawnVersion, intent);
    equal(late.ok, false, 'the first preview, still on the old version, is refused');
    equal(document.getText(), expected, 'no duplicated card');
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    await waitForState(drawn(0, document.version, CARDS + 1), 'the first preview to draw the card');
  });

  test('a file changed on disk before the gesture arrives: the reloaded text is kept, the gesture refused', async () => {
    const { uri, document } = await openWithPreview(CANVAS, 'preview-editing-disk', CARDS);
    const drawnVersion = document.version;
    const onDisk = CANVAS.replace('title: Preview editing', 'title: Changed on disk');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(onDisk));
    await waitForText(document, onDisk, 'the file reloaded');
    const answer = await gesture(0, drawnVersion, { command: 'deleteCard', block: 'customer-segments', index: 0 });
    equal(answer.ok, false, 'refused');
    equal(document.getText(), onDisk, 'the text on disk, nothing lost');
    ok(!document.isDirty, 'nothing to save');
    await redrawnAfterAnswer(0, document.version);
  });

  test('a file with CRLF line ends gets CRLF in the edit', async () => {
    const crlf = CANVAS.replace(/\n/g, '\r\n');
    const { document } = await openWithPreview(crlf, 'preview-editing-crlf', CARDS);
    equal(document.eol, vscode.EndOfLine.CRLF, 'a CRLF document');
    ok((await gesture(0, document.version, { command: 'addCard', block: 'customer-segments', name: 'Owls' })).ok, 'added');
    ok((await gesture(0, document.version, { command: 'setCardField', block: 'customer-segments', index: 0, field: 'status', value: 'hypothesis' })).ok, 'field set');
    const expected = CANVAS.replace('    name: Drivers\n', '    name: Drivers\n  - name: Owls\n').replace('# who ride\n', '# who ride\n    status: hypothesis\n');
    equal(document.getText(), expected.replace(/\n/g, '\r\n'), 'the text');
  });

  test('a file with a byte order mark keeps it, and the edit is exact', async () => {
    const { uri, document } = await openWithPreview(`\uFEFF${CANVAS}`, 'preview-editing-bom', CARDS);
    ok((await gesture(0, document.version, { command: 'renameCard', block: 'value-propositions', index: 0, name: 'Faster pickup' })).ok, 'renamed');
    const expected = CANVAS.replace('Fast pickup', 'Faster pickup');
    equal(document.getText().replace(/^\uFEFF/, ''), expected, 'the text');
    ok(await document.save(), 'saved');
    const bytes = await vscode.workspace.fs.readFile(uri);
    equal(Array.from(bytes.slice(0, 3)).join(','), '239,187,191', 'the byte order mark is still written');
    equal(new TextDecoder().decode(bytes.slice(3)), expected, 'the file');
  });

  suite('read-only files', () => {
    const SCHEME = 'canvas-readonly-test';
    const files = new ReadonlyFiles();
    let registration: vscode.Disposable | undefined;
    suiteSetup(() => {
      registration = vscode.workspace.registerFileSystemProvider(SCHEME, files, { isCaseSensitive: true, isReadonly: true });
    });
    suiteTeardown(() => registration?.dispose());

    /** Refused with the reason, nothing changed, the page drawn again. */
    async function refusedOn(document: vscode.TextDocument, text: string) {
      const answer = await gesture(0, document.version, { command: 'renameCard', block: 'customer-segments', index: 1, name: 'Night drivers' });
      equal(
        JSON.stringify({ ok: answer.ok, message: answer.message }),
        JSON.stringify({ ok: false, message: `The edit could not be applied to ${document.uri.toString()} (the file may be read-only, or it changed meanwhile); nothing was changed.` }),
        'the answer',
      );
      equal(document.getText(), text, 'unchanged');
      ok(!document.isDirty, 'nothing to save');
      await redrawnAfterAnswer(0, document.version);
    }

    test('on a read-only file system: refused with the reason, nothing changed', async () => {
      const uri = vscode.Uri.from({ scheme: SCHEME, path: '/readonly.canvas.yaml' });
      files.set(uri.path, CANVAS);
      await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
      const document = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()), () => 'the read-only canvas opened');
      await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
      await waitForState(drawn(0, document.version, CARDS), 'the first view');
      await refusedOn(document, CANVAS);
    });

    test('matched by files.readonlyInclude: refused with the reason, nothing changed', async () => {
      const files = vscode.workspace.getConfiguration('files');
      await files.update('readonlyInclude', { '**/scratch/preview-editing-readonly-*.canvas.yaml': true }, vscode.ConfigurationTarget.Workspace);
      try {
        const { document } = await openWithPreview(CANVAS, 'preview-editing-readonly', CARDS);
        await refusedOn(document, CANVAS);
      } finally {
        await files.update('readonlyInclude', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });

  // A card's id changed from the page (the detail panel's id field) or by setCardField with field
  // `id` is renamed as Rename Symbol renames it: the id and every reference, in the file and in the
  // value-proposition canvases naming it, as one WorkspaceEdit; a taken id is refused with the
  // rename's own reason.
  suite('card id changes rename the references', () => {
    const IDS = `canvas: business-model
title: Ids
customer-segments:
  - id: riders # the main side
    name: Urban riders
  - id: drivers
    name: Drivers
value-propositions:
  - id: fast
    name: Fast pickup
    segments: [riders, drivers]
channels:
  - id: app
    name: App
customer-relationships:
  - name: Help
    segments:
      - riders
    channels: [app]
`;
    const ID_CARDS = 5;
    const RENAMED = IDS.replace('id: riders #', 'id: passengers #').replace('[riders, drivers]', '[passengers, drivers]').replace('      - riders\n', '      - passengers\n');
    const vpcText = (segment: string) => `canvas: value-proposition
title: Riders
business-model: ./bm.canvas.yaml
segment: ${segment}
value-proposition: fast
customer-jobs:
  - name: Get to work
`;
    const TAKEN = 'The id "drivers" is already used by the card on line 6. Ids must be unique across the whole file.';
    let folders = 0;

    /** What Rename Symbol would do at `needle` (+ delta) of `uri`: each file's name and its edits, without applying them. */
    async function renameSymbol(uri: vscode.Uri, needle: string, delta: number, newName: string): Promise<string[]> {
      const document = await vscode.workspace.openTextDocument(uri);
      const position = document.positionAt(document.getText().indexOf(needle) + delta);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, position, newName);
      return (edit?.entries() ?? []).map(([file, edits]) => `${file.path.split('/').pop()} ${edits.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1}-${e.range.end.line + 1}:${e.range.end.character + 1}=${e.newText}`).join(' ')}`).sort();
    }

    test('from the page: the id and its references in the file change as Rename Symbol changes them, one undo step', async () => {
      const { uri, document } = await openWithPreview(IDS, 'preview-editing-id', ID_CARDS);
      equal(
        (await renameSymbol(uri, 'riders #', 0, 'passengers')).join(', '),
        `${uri.path.split('/').pop()} 4:9-4:15=passengers 11:16-11:22=passengers 18:9-18:15=passengers`,
        'what Rename Symbol would change',
      );
      const before = document.version;
      const answer = await gesture(0, before, { command: 'setCardField', block: 'customer-segments', index: 0, field: 'id', value: 'passengers' });
      equal(JSON.stringify({ ok: answer.ok, message: answer.message }), JSON.stringify({ ok: true }), 'the answer');
      equal(document.getText(), RENAMED, 'the id and both references');
      equal(document.version, before + 1, 'one change');
      await waitForState(drawn(0, document.version, ID_CARDS), 'the page to draw the renamed id');
      await vscode.commands.executeCommand('undo');
      await waitForText(document, IDS, 'one undo restores the id and its references');
    });

    test('from the page and by setCardField: a taken id is refused with the rename\'s reason, nothing changes, the page is drawn again', async () => {
      const { uri, document } = await openWithPreview(IDS, 'preview-editing-id-taken', ID_CARDS);
      const version = document.version;
      const answer = await gesture(0, version, { command: 'setCardField', block: 'customer-segments', index: 0, field: 'id', value: 'drivers' });
      equal(JSON.stringify({ ok: answer.ok, message: answer.message }), JSON.stringify({ ok: false, message: TAKEN }), 'the answer');
      await redrawnAfterAnswer(0, version);
      const invalid = await gesture(0, version, { command: 'setCardField', block: 'customer-segments', index: 0, field: 'id', value: 'Night owls' });
      equal(invalid.message, '"Night owls" is not a valid id: use kebab-case (lower-case letters, digits and single hyphens, e.g. "urban-riders").', 'an invalid id');
      await redrawnAfterAnswer(0, version);
      let rejected = '';
      try {
        await vscode.commands.executeCommand('canvasAsCode.setCardField', { uri, block: 'customer-segments', index: 0, field: 'id', value: 'drivers' });
      } catch (error) {
        rejected = error instanceof Error ? error.message : String(error);
      }
      equal(rejected, TAKEN, 'the command rejects with the same reason');
      equal(document.getText(), IDS, 'unchanged');
      equal(document.version, version, 'no change at all');
    });

    test('setCardField with field id renames the references too, one undo step; a card without an id gets one', async () => {
      const { uri, document } = await openWithPreview(IDS, 'preview-editing-id-command', ID_CARDS);
      const before = document.version;
      await vscode.commands.executeCommand('canvasAsCode.setCardField', { uri, block: 'customer-segments', index: 1, field: 'id', value: 'cabbies' });
      equal(document.getText(), IDS.replace('id: drivers', 'id: cabbies').replace('[riders, drivers]', '[riders, cabbies]'), 'the id and its reference');
      equal(document.version, before + 1, 'one change');
      await vscode.commands.executeCommand('undo');
      await waitForText(document, IDS, 'one undo');
      // A card without an id gets one as any field is set, refused as a rename is when it is taken.
      let taken = '';
      try {
        await vscode.commands.executeCommand('canvasAsCode.setCardField', { uri, block: 'customer-relationships', index: 0, field: 'id', value: 'app' });
      } catch (error) {
        taken = error instanceof Error ? error.message : String(error);
      }
      equal(taken, 'The id "app" is already used by the card on line 13. Ids must be unique across the whole file.', 'a taken id for a card without one');
      await vscode.commands.executeCommand('canvasAsCode.setCardField', { uri, block: 'customer-relationships', index: 0, field: 'id', value: ' help ' });
      equal(document.getText(), IDS.replace('    channels: [app]\n', '    channels: [app]\n    id: help\n'), 'the new id, trimmed, and nothing else');
    });

    test('a canvas open as plain YAML (no canvas rename provider for it): the id change renames the references all the same', async () => {
      const uri = await writeScratchCanvas(IDS, 'preview-editing-id-yaml');
      const document = await vscode.languages.setTextDocumentLanguage((await openCanvas(uri)).document, 'yaml');
      equal(document.languageId, 'yaml', 'plain YAML');
      await vscode.commands.executeCommand('canvasAsCode.setCardField', { uri, block: 'customer-segments', index: 0, field: 'id', value: 'passengers' });
      equal(document.getText(), RENAMED, 'the id and both references');
    });

    test('a linked segment: the value-proposition canvas naming it changes too, in the same edit', async () => {
      const folder = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `preview-editing-ids-${Date.now().toString(36)}-${++folders}`);
      const bm = vscode.Uri.joinPath(folder, 'bm.canvas.yaml');
      const vpc = vscode.Uri.joinPath(folder, 'vpc.canvas.yaml');
      await vscode.workspace.fs.writeFile(vpc, new TextEncoder().encode(vpcText('riders')));
      await vscode.workspace.fs.writeFile(bm, new TextEncoder().encode(IDS));
      const { document } = await openCanvas(bm);
      await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', bm);
      await waitForState(drawn(0, document.version, ID_CARDS), 'the first view');
      // The workspace's link index sees the new value-proposition canvas a moment after it is written.
      const expected = ['bm.canvas.yaml 4:9-4:15=passengers 11:16-11:22=passengers 18:9-18:15=passengers', 'vpc.canvas.yaml 4:10-4:16=passengers'];
      const deadline = Date.now() + DEFAULT_DEADLINE_MS;
      let symbol = await renameSymbol(bm, 'riders #', 0, 'passengers');
      while (symbol.join(', ') !== expected.join(', ')) {
        if (Date.now() > deadline) throw new DeadlineError(`Rename Symbol never reached the linked canvas: ${JSON.stringify(symbol)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        symbol = await renameSymbol(bm, 'riders #', 0, 'passengers');
      }
      const before = document.version;
      const answer = await gesture(0, before, { command: 'setCardField', block: 'customer-segments', index: 0, field: 'id', value: 'passengers' });
      equal(JSON.stringify({ ok: answer.ok, message: answer.message }), JSON.stringify({ ok: true }), 'the answer');
      equal(document.getText(), RENAMED, 'the business model');
      equal(document.version, before + 1, 'one change in the business model');
      const linked = await vscode.workspace.openTextDocument(vpc);
      equal(linked.getText(), vpcText('passengers'), 'the value-proposition canvas');
      ok(linked.isDirty, 'the value-proposition canvas edited, not saved');
      // One undo in the business model's editor restores both files (in a workbench with dialogs,
      // VS Code first asks whether to undo in both files or only this one).
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      await waitForText(document, IDS, 'the undo in the business model');
      await waitForText(linked, vpcText('riders'), 'the same undo in the value-proposition canvas');
    });
  });

  // Issue 15, item 3: a preview gesture -> the document updated within 16 ms. Measured here (the
  // handler's own time, receive -> applyEdit resolved, and the test's command round trip), reported
  // in the log; never asserted, since a loaded machine would make it flaky.
  for (const count of [50, 1000]) {
    test(`the handler's time per gesture on a ${count}-card canvas (reported)`, async function () {
      this.timeout(120_000);
      const { document } = await openWithPreview(bigCanvas(count), `preview-editing-speed-${count}`, count);
      const handler: number[] = [];
      const computing: number[] = [];
      const applying: number[] = [];
      const roundTrip: number[] = [];
      const changed: number[] = [];
      let changedAt: number | undefined;
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && changedAt === undefined) changedAt = now();
      });
      for (let i = 0; i < 30; i++) {
        changedAt = undefined;
        const start = now();
        const answer = await gesture(0, document.version, { command: 'renameCard', block: 'channels', index: i % 5, name: `Renamed ${i}` });
        roundTrip.push(now() - start);
        ok(changedAt !== undefined, `gesture ${i}: the document changed`);
        changed.push(changedAt - answer.receivedAt);
        // The next gesture once the page drew this one, as a person works: not queued behind its redraw.
        await waitForState(drawn(0, document.version, count), `the page to draw gesture ${i}`);
        ok(answer.ok && answer.appliedAt !== undefined, `gesture ${i} applied: ${JSON.stringify(answer)}`);
        handler.push(answer.appliedAt! - answer.receivedAt);
        computing.push(answer.computedAt! - answer.receivedAt);
        applying.push(answer.appliedAt! - answer.computedAt!);
      }
      listener.dispose();
      const line = (name: string, values: number[]) => `${name} median ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
      console.log(`preview gesture -> document updated, ${count} cards, 30 renames, each once the page drew the one before: ${line('handler (receive -> applyEdit resolved)', handler)}; of which ${line('validating and computing', computing)}; ${line('applyEdit', applying)}; ${line('receive -> the change event in the extension host', changed)}; ${line('command round trip', roundTrip)}`);
    });
  }
});

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** A business model with `count` cards spread over its nine blocks. */
function bigCanvas(count: number): string {
  const blocks = ['customer-segments', 'value-propositions', 'channels', 'customer-relationships', 'revenue-streams', 'key-resources', 'key-activities', 'key-partnerships', 'cost-structure'];
  const lines = ['canvas: business-model', 'title: Speed'];
  blocks.forEach((block, b) => {
    lines.push(`${block}:`);
    for (let i = b; i < count; i += blocks.length) lines.push(`  - id: card-${i}`, `    name: Card ${i}`, '    description: Some words about this card.');
  });
  return `${lines.join('\n')}\n`;
}

