'use strict';
// A recording fake of the `vscode` module, just enough for the extension's activate() and its
// event handlers (bench/startup.mjs loads the production bundle against it in a fresh process).
//
// Modelled explicitly: the classes and enums the extension constructs or compares (Uri, Position,
// Range, Diagnostic, Disposable, EventEmitter...), languages.createDiagnosticCollection (its
// set/delete calls are recorded per URI), commands.registerCommand, workspace.textDocuments /
// getConfiguration / createFileSystemWatcher / findFiles / fs, window.activeTextEditor, l10n.t,
// and every `onDid*` / `onWill*` event of any namespace (the bench fires them with `fire`).
// Anything else is a generic recording Proxy: callable, constructible, every property another
// such proxy. Every call (explicit or generic) is counted by its path, e.g.
// `workspace.findFiles`, and what the fake did not model is listed in `unmodelled`.

/** Calls by path; `unmodelled` the generic paths touched; `sets` every collection.set. */
function createRecorder() {
  return { calls: new Map(), unmodelled: new Set(), sets: [], deletes: [], waiters: [] };
}

function createFakeVscode({ textDocuments = [], now = () => performance.now() } = {}) {
  const rec = createRecorder();
  const count = (path) => rec.calls.set(path, (rec.calls.get(path) ?? 0) + 1);

  // --- generic recording proxy ---------------------------------------------------------------
  const genericCache = new Map();
  function generic(path) {
    const cached = genericCache.get(path);
    if (cached) return cached;
    const target = function () {};
    const proxy = new Proxy(target, {
      get(_t, key) {
        if (key === 'then') return undefined; // not a thenable
        if (key === Symbol.toPrimitive) return () => `[fake ${path}]`;
        if (typeof key === 'symbol') return undefined;
        if (key === 'prototype') return target.prototype;
        if (key === 'dispose') return () => count(`${path}.dispose`);
        return generic(`${path}.${key}`);
      },
      set() {
        return true;
      },
      apply() {
        count(path);
        rec.unmodelled.add(path);
        return generic(`${path}()`);
      },
      construct() {
        count(`new ${path}`);
        rec.unmodelled.add(`new ${path}`);
        return generic(`${path}#instance`);
      },
    });
    genericCache.set(path, proxy);
    return proxy;
  }

  // --- classes -------------------------------------------------------------------------------
  class Disposable {
    constructor(fn) {
      this._fn = fn;
    }
    static from(...items) {
      return new Disposable(() => items.forEach((d) => d?.dispose?.()));
    }
    dispose() {
      const fn = this._fn;
      this._fn = undefined;
      fn?.();
    }
  }

  class EventEmitter {
    constructor() {
      this.listeners = new Set();
      this.event = (listener, thisArg, disposables) => {
        const entry = thisArg ? listener.bind(thisArg) : listener;
        this.listeners.add(entry);
        const d = new Disposable(() => this.listeners.delete(entry));
        if (Array.isArray(disposables)) disposables.push(d);
        return d;
      };
    }
    fire(value) {
      for (const l of [...this.listeners]) l(value);
    }
    dispose() {
      this.listeners.clear();
    }
  }

  class Uri {
    constructor(scheme, authority, path, query, fragment) {
      this.scheme = scheme;
      this.authority = authority ?? '';
      this.path = path ?? '';
      this.query = query ?? '';
      this.fragment = fragment ?? '';
    }
    static parse(value) {
      const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(String(value));
      if (!m) throw new Error(`bad uri ${value}`);
      return new Uri(m[1], m[2], m[3], m[4], m[5]);
    }
    static file(path) {
      return new Uri('file', '', path.startsWith('/') ? path : `/${path}`);
    }
    static from(c) {
      return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment);
    }
    static joinPath(base, ...segments) {
      return base.with({ path: [base.path.replace(/\/$/, ''), ...segments].join('/') });
    }
    get fsPath() {
      return this.path;
    }
    with(change) {
      return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
    }
    toString() {
      return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
    }
    toJSON() {
      return this.toString();
    }
  }

  class Position {
    constructor(line, character) {
      this.line = line;
      this.character = character;
    }
  }
  class Range {
    constructor(a, b, c, d) {
      if (typeof a === 'number') {
        this.start = new Position(a, b);
        this.end = new Position(c, d);
      } else {
        this.start = a;
        this.end = b;
      }
    }
  }
  class Diagnostic {
    constructor(range, message, severity) {
      this.range = range;
      this.message = message;
      this.severity = severity;
    }
  }
  /** A class that only remembers its arguments (MarkdownString, CompletionItem, Hover...). */
  const recordingClass = (name) =>
    class {
      constructor(...args) {
        count(`new ${name}`);
        this.args = args;
      }
    };

  const enumOf = (name, values) =>
    new Proxy(values, {
      get(t, key) {
        if (typeof key === 'symbol' || key in t) return t[key];
        rec.unmodelled.add(`${name}.${key}`);
        return `${name}.${key}`;
      },
    });

  // --- events: every onDid*/onWill* of a namespace is an emitter the bench can fire ------------
  const emitters = new Map();
  function eventOf(path) {
    let emitter = emitters.get(path);
    if (!emitter) {
      emitter = new EventEmitter();
      emitters.set(path, emitter);
    }
    return (listener, thisArg, disposables) => {
      count(path);
      return emitter.event(listener, thisArg, disposables);
    };
  }
  const isEvent = (key) => typeof key === 'string' && /^on(Did|Will)[A-Z]/.test(key);

  /** A namespace: explicit members (functions are counted), events, else the generic proxy. */
  function namespace(name, members) {
    const wrapped = {};
    for (const [key, value] of Object.entries(members)) {
      const desc = Object.getOwnPropertyDescriptor(members, key);
      if (desc.get) Object.defineProperty(wrapped, key, { get: () => (count(`${name}.${key}`), desc.get()) });
      else if (typeof value === 'function')
        wrapped[key] = (...args) => {
          count(`${name}.${key}`);
          return value(...args);
        };
      else wrapped[key] = value;
    }
    return new Proxy(wrapped, {
      get(t, key) {
        if (typeof key === 'symbol') return t[key];
        if (key in t) return t[key];
        if (isEvent(key)) return (t[key] = eventOf(`${name}.${key}`));
        if (/^register/.test(key)) {
          return (t[key] = (...args) => {
            count(`${name}.${key}`);
            return new Disposable(() => count(`${name}.${key}.dispose`));
          });
        }
        return generic(`${name}.${key}`);
      },
    });
  }

  // --- diagnostics ---------------------------------------------------------------------------
  function notify() {
    for (const w of rec.waiters.splice(0)) if (!w()) rec.waiters.push(w);
  }
  function createDiagnosticCollection(name) {
    const map = new Map();
    return {
      name,
      set(uri, diagnostics) {
        count('DiagnosticCollection.set');
        map.set(String(uri), diagnostics);
        rec.sets.push({ uri: String(uri), count: diagnostics?.length ?? 0, at: now() });
        notify();
      },
      delete(uri) {
        count('DiagnosticCollection.delete');
        map.delete(String(uri));
        rec.deletes.push({ uri: String(uri), at: now() });
      },
      clear: () => map.clear(),
      get: (uri) => map.get(String(uri)),
      has: (uri) => map.has(String(uri)),
      forEach: (fn) => map.forEach((v, k) => fn(Uri.parse(k), v)),
      dispose: () => map.clear(),
    };
  }

  // --- documents -----------------------------------------------------------------------------
  /** A TextDocument over a fixed text; `reads` counts getText() calls (a validation reads the text). */
  function makeDocument({ uri, languageId, text, version = 1 }) {
    const parsedUri = typeof uri === 'string' ? Uri.parse(uri) : uri;
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    const doc = {
      uri: parsedUri,
      fileName: parsedUri.path,
      languageId,
      version,
      isClosed: false,
      isDirty: false,
      isUntitled: false,
      eol: 1,
      lineCount: starts.length,
      reads: 0,
      getText() {
        doc.reads++;
        count('TextDocument.getText');
        return text;
      },
      positionAt(offset) {
        const o = Math.max(0, Math.min(offset, text.length));
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= o) lo = mid;
          else hi = mid - 1;
        }
        return new Position(lo, o - starts[lo]);
      },
      offsetAt(p) {
        return Math.min((starts[p.line] ?? text.length) + p.character, text.length);
      },
      lineAt(line) {
        const n = typeof line === 'number' ? line : line.line;
        const end = n + 1 < starts.length ? starts[n + 1] - 1 : text.length;
        return { lineNumber: n, text: text.slice(starts[n], end) };
      },
      save: async () => true,
    };
    return doc;
  }

  // --- namespaces ----------------------------------------------------------------------------
  const commandsRegistered = new Map();
  const languages = namespace('languages', { createDiagnosticCollection, match: () => 0, setTextDocumentLanguage: async (d) => d });
  const commands = namespace('commands', {
    registerCommand(id, fn) {
      commandsRegistered.set(id, fn);
      return new Disposable(() => commandsRegistered.delete(id));
    },
    async executeCommand(id, ...args) {
      return commandsRegistered.get(id)?.(...args);
    },
    getCommands: async () => [...commandsRegistered.keys()],
  });
  const watchers = [];
  const workspace = namespace('workspace', {
    get textDocuments() {
      return textDocuments;
    },
    workspaceFolders: undefined,
    getConfiguration: (section) => ({
      get: (key, fallback) => (count(`configuration.get ${section}.${key}`), fallback),
      has: () => false,
      inspect: () => undefined,
      update: async () => undefined,
    }),
    createFileSystemWatcher(glob) {
      const w = { glob, dispose: () => count('FileSystemWatcher.dispose') };
      for (const e of ['onDidCreate', 'onDidChange', 'onDidDelete']) w[e] = eventOf(`FileSystemWatcher.${e}`);
      watchers.push(w);
      return w;
    },
    findFiles: async () => [],
    openTextDocument: async () => {
      throw new Error('fake: openTextDocument');
    },
    asRelativePath: (p) => String(p),
    fs: namespace('workspace.fs', {
      readFile: async () => new Uint8Array(),
      stat: async () => ({ type: 1, size: 0, ctime: 0, mtime: 0 }),
      writeFile: async () => undefined,
    }),
  });
  const window = namespace('window', {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    tabGroups: { all: [], activeTabGroup: { tabs: [] } },
  });
  const l10n = namespace('l10n', {
    t(message, ...args) {
      const template = typeof message === 'string' ? message : message.message;
      const values = typeof message === 'string' ? (args.length === 1 && typeof args[0] === 'object' && args[0] ? args[0] : args) : (message.args ?? []);
      return template.replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? String(values[k]) : m));
    },
    bundle: undefined,
    uri: undefined,
  });
  const env = namespace('env', { language: 'en', appName: 'fake', uiKind: 1, uriScheme: 'vscode', machineId: 'x', sessionId: 'x' });
  const extensions = namespace('extensions', { getExtension: () => undefined, all: [] });

  const explicit = {
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Selection: class extends Range {},
    Diagnostic,
    Location: recordingClass('Location'),
    MarkdownString: recordingClass('MarkdownString'),
    SnippetString: recordingClass('SnippetString'),
    CompletionItem: recordingClass('CompletionItem'),
    Hover: recordingClass('Hover'),
    DocumentSymbol: recordingClass('DocumentSymbol'),
    DocumentHighlight: recordingClass('DocumentHighlight'),
    CodeAction: recordingClass('CodeAction'),
    WorkspaceEdit: recordingClass('WorkspaceEdit'),
    SemanticTokensLegend: recordingClass('SemanticTokensLegend'),
    SemanticTokensBuilder: recordingClass('SemanticTokensBuilder'),
    TabInputTextDiff: recordingClass('TabInputTextDiff'),
    CancellationTokenSource: recordingClass('CancellationTokenSource'),
    DiagnosticSeverity: enumOf('DiagnosticSeverity', { Error: 0, Warning: 1, Information: 2, Hint: 3 }),
    ViewColumn: enumOf('ViewColumn', { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 }),
    ProgressLocation: enumOf('ProgressLocation', { SourceControl: 1, Window: 10, Notification: 15 }),
    CompletionItemKind: enumOf('CompletionItemKind', { Text: 0, Method: 1, Function: 2, Constructor: 3, Field: 4, Variable: 5, Class: 6, Interface: 7, Module: 8, Property: 9, Unit: 10, Value: 11, Enum: 12, Keyword: 13, Snippet: 14, Color: 15, File: 16, Reference: 17, Folder: 18, EnumMember: 19, Constant: 20, Struct: 21, Event: 22, Operator: 23, TypeParameter: 24 }),
    SymbolKind: enumOf('SymbolKind', { File: 0, Module: 1, Namespace: 2, Package: 3, Class: 4, Method: 5, Property: 6, Field: 7, Constructor: 8, Enum: 9, Interface: 10, Function: 11, Variable: 12, Constant: 13, String: 14, Number: 15, Boolean: 16, Array: 17, Object: 18, Key: 19, Null: 20, EnumMember: 21, Struct: 22, Event: 23, Operator: 24, TypeParameter: 25 }),
    DocumentHighlightKind: enumOf('DocumentHighlightKind', { Text: 0, Read: 1, Write: 2 }),
    TextEditorRevealType: enumOf('TextEditorRevealType', { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 }),
    CodeActionKind: enumOf('CodeActionKind', { QuickFix: { value: 'quickfix' }, Empty: { value: '' } }),
    ExtensionMode: enumOf('ExtensionMode', { Production: 1, Development: 2, Test: 3 }),
    languages,
    commands,
    workspace,
    window,
    l10n,
    env,
    extensions,
    version: '1.138.0',
  };
  const api = new Proxy(explicit, {
    get(t, key) {
      if (typeof key === 'symbol' || key in t) return t[key];
      if (key === '__esModule') return false;
      return generic(key);
    },
  });

  const memento = () => {
    const m = new Map();
    return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => void m.set(k, v), keys: () => [...m.keys()], setKeysForSync: () => undefined };
  };
  const extensionUri = Uri.file('/fake/extension');
  const context = new Proxy(
    {
      subscriptions: [],
      extensionUri,
      extensionPath: extensionUri.fsPath,
      extensionMode: 1,
      globalState: memento(),
      workspaceState: memento(),
      storageUri: undefined,
      globalStorageUri: Uri.file('/fake/global'),
      logUri: Uri.file('/fake/log'),
      asAbsolutePath: (p) => `${extensionUri.fsPath}/${p}`,
    },
    {
      get(t, key) {
        if (typeof key === 'symbol' || key in t) return t[key];
        return generic(`context.${key}`);
      },
    },
  );

  /** Fires `namespace.onDidX` (e.g. 'workspace.onDidOpenTextDocument'); returns the listener count. */
  function fire(path, value) {
    const emitter = emitters.get(path);
    if (!emitter) return 0;
    emitter.fire(value);
    return emitter.listeners.size;
  }
  /** Resolves when `predicate()` holds (checked at each collection.set), rejects after `ms`. */
  function waitFor(predicate, ms) {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
      rec.waiters.push(() => {
        if (!predicate()) return false;
        clearTimeout(timer);
        resolve();
        return true;
      });
    });
  }

  return { api, context, rec, fire, waitFor, makeDocument, emitters, commands: commandsRegistered, watchers, textDocuments, window };
}

/** Makes `require('vscode')` return `api` (the bundles keep `vscode` external). */
function installFakeVscode(api) {
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return api;
    return load.call(this, request, parent, isMain);
  };
}

module.exports = { createFakeVscode, installFakeVscode };
