// The workbench benchmark's agent inside code-server's Node extension host, loaded as the
// `extensionTestsPath` (see bench/workbench.mjs). It does what only the extension host can: open a
// canvas with its preview beside, put the cursor where the driver types, time when each change
// reaches the extension host, and run the editing commands. The driver talks to it through files
// in $CANVAS_BENCH_DIR: it writes `cmd-<n>.json`, this answers `res-<n>.json` (written whole, then
// renamed). `exit` ends run(), which closes the window. Every wait has a deadline.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const POLL_MS = 25;
const COMMAND_DEADLINE_MS = 15 * 60_000; // the driver's own deadline ends the session long before
const READY_DEADLINE_MS = 60_000;

const now = () => performance.timeOrigin + performance.now();
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `test` until it returns a truthy value or the deadline passes (then throws `what`). */
async function until(test, what, deadlineMs = READY_DEADLINE_MS) {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(POLL_MS);
  }
}

/**
 * Where the extension host's time goes per key, by name: this agent shares the extension's `vscode`
 * API object (it lies inside the extension), so before the extension activates it wraps every
 * provider registration and the events the extension listens to, timing each call's synchronous
 * part while recording. Read by `changes` as `work`.
 */
const work = new Map();
function timed(name, fn) {
  return function (...args) {
    if (!recording) return fn.apply(this, args);
    const start = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      const entry = work.get(name) ?? { calls: 0, ms: 0 };
      entry.calls++;
      entry.ms += performance.now() - start;
      work.set(name, entry);
    }
  };
}
for (const key of Object.keys(vscode.languages)) {
  const register = vscode.languages[key];
  if (!/^register.*Provider$/.test(key) || typeof register !== 'function') continue;
  vscode.languages[key] = function (selector, provider, ...rest) {
    const wrapped = Object.create(provider);
    for (let o = provider; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      for (const method of Object.getOwnPropertyNames(o)) {
        if (method !== 'constructor' && typeof provider[method] === 'function' && !Object.hasOwn(wrapped, method)) {
          wrapped[method] = timed(`${key.replace(/^register|Provider$/g, '')}.${method}`, provider[method].bind(provider));
        }
      }
    }
    return register.call(this, selector, wrapped, ...rest);
  };
}
for (const [ns, event] of [['workspace', 'onDidChangeTextDocument'], ['window', 'onDidChangeTextEditorSelection'], ['languages', 'onDidChangeDiagnostics'], ['window', 'onDidChangeActiveTextEditor']]) {
  const original = vscode[ns][event];
  let n = 0;
  // Each listener by the order it subscribed, with the file and line that subscribed it.
  const subscribe = (listener, thisArg, disposables) => {
    const at = (new Error().stack ?? '').split('\n')[2]?.match(/([\w.]+\.(?:js|cjs)):(\d+)/);
    return original.call(vscode[ns], timed(`${event}#${++n}${at ? ` (${at[1]}:${at[2]})` : ''}`, listener.bind(thisArg)), undefined, disposables);
  };
  try {
    Object.defineProperty(vscode[ns], event, { configurable: true, value: subscribe });
  } catch {
    // a frozen namespace: events are not timed
  }
}

/** Every change event of every document, with the time it reached this host (epoch ms). */
const changes = [];
let recording = false;
let cpuAtRecord;

async function previewOf(uri) {
  const state = await vscode.commands.executeCommand('canvasAsCode.preview._state');
  return state?.previews?.find((p) => p.uri === uri.toString());
}

/** The editor in the first column showing `uri`, with the cursor at the end of `line`. */
async function focusEditor(document, line) {
  const end = document.lineAt(line).range.end;
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false, preview: false });
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenter);
  return editor;
}

const handlers = {
  /**
   * The agent runs. Whether the extension is active already tells whether its change listener
   * was registered before ours (then ours runs after its synchronous part).
   */
  hello({ extensionId }) {
    return { extensionActive: vscode.extensions.getExtension(extensionId)?.isActive === true };
  },

  /** Opens `file` in column one and its preview beside; resolves once the preview drew it. */
  async open({ file, line }) {
    const uri = vscode.Uri.file(file);
    const document = await vscode.workspace.openTextDocument(uri);
    await focusEditor(document, line);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    await until(async () => {
      const p = await previewOf(uri);
      return p?.ready && p.renderedVersion === document.version;
    }, `the preview of ${path.basename(file)} to draw version ${document.version}`);
    await focusEditor(document, line);
    return { version: document.version, text: document.lineAt(line).text };
  },

  /** Puts the focus and cursor back at the end of `line` (after something else took them). */
  async focus({ file, line }) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
    await focusEditor(document, line);
    return { version: document.version };
  },

  /** Starts recording change events (forgetting earlier ones). */
  record() {
    changes.length = 0;
    work.clear();
    recording = true;
    cpuAtRecord = process.cpuUsage();
    return { at: now() };
  },

  /** The change events recorded for `file` since `record`, and the document's state now. */
  changes({ file }) {
    recording = false;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
    // CPU time of this extension host since `record` (user + system, ms): what waiting on a busy
    // machine does not inflate.
    const cpu = cpuAtRecord ? process.cpuUsage(cpuAtRecord) : undefined;
    return {
      changes: changes.filter((c) => c.file === file),
      version: document?.version,
      cpuMs: cpu ? (cpu.user + cpu.system) / 1000 : undefined,
      work: [...work].map(([name, w]) => ({ name, ...w })).sort((a, b) => b.ms - a.ms),
    };
  },

  /** Waits until the preview has drawn the document's current version. */
  async settled({ file }) {
    const uri = vscode.Uri.file(file);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
    await until(async () => (await previewOf(uri))?.renderedVersion === document.version, `the preview to draw version ${document.version}`);
    return { version: document.version };
  },

  /**
   * Runs `command` with `args` `times` times (alternating `args` and `back`, so the canvas ends as
   * it was): per call, the time from the call to the document's change event and to the command's
   * answer.
   */
  async commands({ file, command, args, back, times }) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
    const uri = document.uri.toString();
    const rows = [];
    for (let i = 0; i < times; i++) {
      const before = changes.length;
      recording = true;
      const start = now();
      await vscode.commands.executeCommand(command, { uri, ...(i % 2 === 0 ? args : back) });
      const answered = now();
      // The command resolves once the edit is applied, so its change event has been seen.
      const changed = changes.slice(before).find((c) => c.file === file);
      rows.push({ start, changedAt: changed?.at, answeredAt: answered, version: document.version });
      await until(async () => (await previewOf(document.uri))?.renderedVersion === document.version, 'the preview to draw the edit');
    }
    recording = false;
    return { rows };
  },

  /** Saves and closes every editor (the next canvas starts from a clean window). */
  async close() {
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    return {};
  },
};

exports.run = async function run() {
  const dir = process.env.CANVAS_BENCH_DIR;
  if (!dir) throw new Error('CANVAS_BENCH_DIR is not set');
  const listener = vscode.workspace.onDidChangeTextDocument((e) => {
    const at = now();
    if (!recording || !e.contentChanges.length) return;
    changes.push({
      at,
      file: e.document.uri.fsPath,
      version: e.document.version,
      edits: e.contentChanges.map((c) => ({ text: c.text, rangeLength: c.rangeLength, line: c.range.start.line })),
    });
  });
  try {
    for (let n = 0; ; n++) {
      const cmdFile = path.join(dir, `cmd-${n}.json`);
      await until(() => fs.existsSync(cmdFile), `command ${n}`, COMMAND_DEADLINE_MS);
      const cmd = JSON.parse(fs.readFileSync(cmdFile, 'utf8'));
      let result;
      try {
        result = cmd.type === 'exit' ? {} : { ok: await handlers[cmd.type](cmd) };
      } catch (error) {
        result = { error: String(error?.stack ?? error) };
      }
      const resFile = path.join(dir, `res-${n}.json`);
      fs.writeFileSync(`${resFile}.tmp`, JSON.stringify(result));
      fs.renameSync(`${resFile}.tmp`, resFile);
      if (cmd.type === 'exit') return;
    }
  } finally {
    listener.dispose();
  }
};
