'use strict';
// One fresh process of bench/startup.mjs: loads a production extension bundle against the fake
// `vscode` module and prints one JSON line.
//
//   node bench/startup-child.cjs time  <bundle.js> <scenario> [canvas file]
//     require(bundle) and activate(context) timed apart (performance.now(), in this process).
//     scenario: bare (no document open), non-canvas (a markdown and a plain YAML file open),
//     canvas (those plus one canvas file open, as when VS Code activates onLanguage:canvas-yaml).
//   node bench/startup-child.cjs probe <bundle.js> <canvas file>
//     What activate does and what events cost: calls recorded during activate, then events
//     fired with non-canvas documents, then with a canvas document (waits for its diagnostics).
const { readFileSync } = require('node:fs');
const { createFakeVscode, installFakeVscode } = require('./startup-fake-vscode.cjs');

const [mode, bundle, ...rest] = process.argv.slice(2);
const scenario = mode === 'probe' ? undefined : rest[0];
const canvasFile = mode === 'probe' ? rest[0] : rest[1];

function documents(fake, which, canvasText) {
  const docs = [];
  if (which !== 'bare') {
    docs.push(fake.makeDocument({ uri: 'file:///x/readme.md', languageId: 'markdown', text: '# readme\n\nNot a canvas.\n' }));
    docs.push(fake.makeDocument({ uri: 'file:///x/config.yaml', languageId: 'yaml', text: 'key: value\nlist: [a, b]\n' }));
  }
  if (which === 'canvas') docs.push(fake.makeDocument({ uri: 'file:///x/shop.canvas.yaml', languageId: 'canvas-yaml', text: canvasText }));
  return docs;
}

function snapshotCalls(rec) {
  return Object.fromEntries([...rec.calls.entries()].sort((a, b) => a[0].localeCompare(b[0])));
}

async function time() {
  const canvasText = canvasFile ? readFileSync(canvasFile, 'utf8') : '';
  const textDocuments = [];
  const fake = createFakeVscode({ textDocuments });
  textDocuments.push(...documents(fake, scenario, canvasText));
  installFakeVscode(fake.api);
  const t0 = performance.now();
  const ext = require(bundle);
  const t1 = performance.now();
  ext.activate(fake.context);
  const t2 = performance.now();
  const out = {
    load: t1 - t0,
    activate: t2 - t1,
    sets: fake.rec.sets.length,
    reads: textDocuments.map((d) => d.reads),
    findFiles: fake.rec.calls.get('workspace.findFiles') ?? 0,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  for (const d of fake.context.subscriptions) d?.dispose?.();
}

async function probe() {
  const canvasText = readFileSync(canvasFile, 'utf8');
  const textDocuments = [];
  const fake = createFakeVscode({ textDocuments });
  const [readme, plainYaml] = documents(fake, 'non-canvas', '');
  textDocuments.push(readme, plainYaml);
  installFakeVscode(fake.api);
  const ext = require(bundle);
  const afterLoad = snapshotCalls(fake.rec);
  fake.rec.calls.clear();
  ext.activate(fake.context);
  const out = {
    loadCalls: afterLoad,
    activateCalls: snapshotCalls(fake.rec),
    subscriptions: fake.context.subscriptions.length,
    commands: [...fake.commands.keys()].sort(),
    watchers: fake.watchers.map((w) => w.glob),
    listeners: Object.fromEntries([...fake.emitters.entries()].map(([k, e]) => [k, e.listeners.size])),
    setsDuringActivate: fake.rec.sets.length,
    readsDuringActivate: { readme: readme.reads, plainYaml: plainYaml.reads },
    unmodelled: [],
  };
  fake.rec.calls.clear();

  // Non-canvas documents: open, edit, focus, close. The canvas events below come after, so once
  // the canvas's debounced diagnostics arrive, any debounced work for these would have run too.
  const editor = (document) => ({ document, viewColumn: 1, selection: undefined, selections: [], visibleRanges: [], options: {} });
  const readme2 = fake.makeDocument({ uri: 'file:///x/readme.md', languageId: 'markdown', text: '# readme\n\nStill not a canvas.\n', version: 2 });
  const t0 = performance.now();
  fake.fire('workspace.onDidOpenTextDocument', readme);
  fake.fire('workspace.onDidChangeTextDocument', { document: readme2, contentChanges: [{ text: 'Still ' }], reason: undefined });
  fake.window.activeTextEditor = editor(readme2);
  fake.fire('window.onDidChangeActiveTextEditor', editor(readme2));
  fake.fire('workspace.onDidOpenTextDocument', plainYaml);
  fake.fire('workspace.onDidChangeTextDocument', { document: plainYaml, contentChanges: [], reason: undefined });
  const nonCanvasSyncMs = performance.now() - t0;

  // The canvas: open (validated at once), edit (debounced), focus.
  const canvasUri = 'file:///x/shop.canvas.yaml';
  const canvas1 = fake.makeDocument({ uri: canvasUri, languageId: 'canvas-yaml', text: canvasText, version: 1 });
  const edited = canvasText.replace(/name: /, 'name: X');
  const canvas2 = fake.makeDocument({ uri: canvasUri, languageId: 'canvas-yaml', text: edited, version: 2 });
  textDocuments.push(canvas1);
  const setsFor = (uri) => fake.rec.sets.filter((s) => s.uri === uri);
  const o0 = performance.now();
  fake.fire('workspace.onDidOpenTextDocument', canvas1);
  const openMs = performance.now() - o0;
  const setsAfterOpen = setsFor(canvasUri).length;
  textDocuments[textDocuments.length - 1] = canvas2;
  const c0 = performance.now();
  fake.fire('workspace.onDidChangeTextDocument', { document: canvas2, contentChanges: [{ text: 'X' }], reason: undefined });
  fake.window.activeTextEditor = editor(canvas2);
  fake.fire('window.onDidChangeActiveTextEditor', editor(canvas2));
  let debounceMs;
  let waitError;
  try {
    await fake.waitFor(() => setsFor(canvasUri).length >= setsAfterOpen + 1, 5000);
    debounceMs = setsFor(canvasUri)[setsAfterOpen].at - c0;
  } catch (error) {
    waitError = String(error.message ?? error);
  }
  // Closing the non-canvas documents last.
  fake.fire('workspace.onDidCloseTextDocument', readme2);
  fake.fire('workspace.onDidCloseTextDocument', plainYaml);

  const nonCanvasUris = ['file:///x/readme.md', 'file:///x/config.yaml'];
  out.events = {
    nonCanvas: {
      sets: fake.rec.sets.filter((s) => nonCanvasUris.includes(s.uri)).length,
      deletes: fake.rec.deletes.filter((s) => nonCanvasUris.includes(s.uri)).length,
      reads: readme.reads + readme2.reads + plainYaml.reads,
      syncMs: nonCanvasSyncMs,
    },
    canvas: {
      setsAfterOpen,
      openMs,
      sets: setsFor(canvasUri).length,
      diagnostics: setsFor(canvasUri).map((s) => s.count),
      reads: canvas1.reads + canvas2.reads,
      debounceMs,
      waitError,
    },
    calls: snapshotCalls(fake.rec),
  };
  out.findFiles = (afterLoad['workspace.findFiles'] ?? 0) + (out.activateCalls['workspace.findFiles'] ?? 0) + (out.events.calls['workspace.findFiles'] ?? 0);
  out.unmodelled = [...fake.rec.unmodelled].sort();
  process.stdout.write(`${JSON.stringify(out)}\n`);
  for (const d of fake.context.subscriptions) d?.dispose?.();
}

(mode === 'probe' ? probe() : time()).catch((error) => {
  process.stdout.write(`${JSON.stringify({ error: String(error.stack ?? error) })}\n`);
  process.exitCode = 1;
});
