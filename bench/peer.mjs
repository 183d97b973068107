#!/usr/bin/env node
// Ours against a peer (issue 7, "ours vs yaml-language-server"): our full validation
// (`core.validateCanvas`: parse + schema + rules) against the validation of the Red Hat YAML
// language server (the `yaml-language-server` package, its language service used in-process
// through its public API: `getLanguageService(...).doValidation(document)`), with OUR schema
// (schemas/canvas.schema.json) on the same text. `yaml.parseDocument` (require('yaml'), the
// node build, as in bench/run.mjs) is the floor both are compared with.
//
// Budgets: ours at least 1.2x faster than the language server on every input (per-round LS/ours
// median >= 1.2); and, on the 8,000-card canvas, after a one-card edit (one character typed into
// a card's name), the language server's full re-validation of the new document version against
// our incremental re-validation (`core.revalidateCanvas(previous, editedText)`, when the core has
// it): LS / ours >= 25x.
//
// Proofs printed with the table:
//  - the schema is really applied: a valid canvas gets no diagnostic from the language server,
//    a typo in a block key or in an enum value gets one that names it (through the modeline the
//    generated canvases carry and through the `fileMatch` association alike), and the same typos
//    in a file the schema is not associated with get none;
//  - no network: before the language server is loaded, http/https request and get, http2.connect,
//    net connect/createConnection/Socket#connect, tls.connect, dns lookups and globalThis.fetch
//    are replaced by functions that count the attempt and throw. The count must stay 0. A
//    self-test trips each guard once (counted apart) to show they are armed. The schema is
//    served from disk by our schemaRequestService; any other schema request is refused and shown.
//
// Conventions as bench/run.mjs: one process; a warm-up of each side; rounds of one sample of each
// call, interleaved, the order rotating through every permutation; small inputs timed in batches
// of ~10 ms; per-round ratios summarised by their median, IQR and min-max; no forced GC.
// The language server validates asynchronously (it awaits its schema), but the work is
// synchronous: the whole `await` is timed.
//
//   node bench/peer.mjs [--quick]      (needs dist/core.js: run `npm run build` first)
//
// As a module: createPeer(), proveSchemaApplied(peer), networkAttempts(), measurePeer({ core,
// inputs, quick }), measurePeerEdit({ core, peer, text, quick }), formatPeerTable(result).
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import http from 'node:http';
import https from 'node:https';
import http2 from 'node:http2';
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';
import { generateCanvas } from './generate.mjs';
import { permutations, summary, ratios } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const SCHEMA_PATH = join(root, 'schemas', 'canvas.schema.json');

/** ours at least this many times faster than the language server (LS/ours). */
export const PEER_BUDGET = 1.2;
/** after a one-card edit: the language server's full re-validation / our incremental one. */
export const EDIT_BUDGET = 25;

const now = () => performance.now();
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// ---------------------------------------------------------------------------------------------
// No network: every way out of the process counts and throws.

let attempts = 0;
const attemptLog = [];
let selfTesting = false;
let selfTestHits = 0;
const guarded = [];

/** Network attempts seen since the guard was installed (the self-test excluded). Must be 0. */
export function networkAttempts() {
  return attempts;
}
/** What tried to reach the network (entry point and first argument), for the report. */
export function networkAttemptLog() {
  return attemptLog.slice();
}

function installNetworkGuard() {
  if (guarded.length) return;
  const targets = [
    [http, 'request', 'http.request'],
    [http, 'get', 'http.get'],
    [https, 'request', 'https.request'],
    [https, 'get', 'https.get'],
    [http2, 'connect', 'http2.connect'],
    [net, 'connect', 'net.connect'],
    [net, 'createConnection', 'net.createConnection'],
    [net.Socket.prototype, 'connect', 'net.Socket#connect'],
    [tls, 'connect', 'tls.connect'],
    [dns, 'lookup', 'dns.lookup'],
    [dns, 'resolve', 'dns.resolve'],
    [dns.promises, 'lookup', 'dns.promises.lookup'],
    [globalThis, 'fetch', 'fetch'],
  ];
  for (const [object, key, label] of targets) {
    if (typeof object[key] !== 'function') continue;
    object[key] = function blockedByBenchPeer(...args) {
      if (selfTesting) selfTestHits++;
      else {
        attempts++;
        const first = args[0];
        attemptLog.push(`${label}(${typeof first === 'string' ? first : first?.href ?? first?.host ?? first?.hostname ?? typeof first})`);
      }
      throw new Error(`bench/peer.mjs: network access blocked (${label})`);
    };
    guarded.push({ object, key, label });
  }
  syncBuiltinESMExports(); // `import { request } from 'node:http'` sees the guard too
}

/** Calls every guarded entry point once, counted apart from real attempts: all must throw. */
function selfTestNetworkGuard() {
  selfTesting = true;
  selfTestHits = 0;
  let threw = 0;
  try {
    for (const { object, key } of guarded) {
      try {
        if (object === net.Socket.prototype) new net.Socket().connect(9, '127.0.0.1');
        else object[key]('http://127.0.0.1:9/');
      } catch {
        threw++;
      }
    }
  } finally {
    selfTesting = false;
  }
  return { armed: guarded.length, tripped: selfTestHits, threw };
}

// ---------------------------------------------------------------------------------------------
// The peer: yaml-language-server's language service with our schema.

/**
 * Loads yaml-language-server (after the network guard) and configures it with our schema for
 * `*.canvas.yaml`. `validate(text, uri)` gives the LSP diagnostics of `doValidation` on a new
 * version of the document (the service caches its parse by uri and version, as an editor sends a
 * new version on every change).
 */
export async function createPeer() {
  installNetworkGuard();
  const guard = selfTestNetworkGuard();
  const lsRequire = createRequire(require.resolve('yaml-language-server'));
  const { getLanguageService } = require('yaml-language-server');
  const { TextDocument } = lsRequire('vscode-languageserver-textdocument');
  const { version } = require('yaml-language-server/package.json');
  const lsYamlVersion = (() => {
    try {
      return lsRequire('yaml/package.json').version;
    } catch {
      return '?';
    }
  })();

  const schemaText = readFileSync(SCHEMA_PATH, 'utf8');
  const schemaId = JSON.parse(schemaText).$id;
  const schemaFileUri = pathToFileURL(SCHEMA_PATH).href;
  const schemaRequests = new Map(); // uri -> count
  const refusedRequests = [];
  const telemetryErrors = [];
  const service = getLanguageService({
    // Our schema from disk, under its $id (the `schemas` setting) and under its file URI (the
    // `# yaml-language-server: $schema=../schemas/canvas.schema.json` modeline). Nothing else.
    schemaRequestService: async (uri) => {
      schemaRequests.set(uri, (schemaRequests.get(uri) ?? 0) + 1);
      if (uri === schemaId || uri === schemaFileUri) return schemaText;
      refusedRequests.push(uri);
      throw new Error(`bench/peer.mjs serves only ${schemaId} (${schemaFileUri}), not ${uri}`);
    },
    workspaceContext: { resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).href },
    // doValidation catches its own exceptions and reports them here only: keep them.
    telemetry: {
      send() {},
      sendTrack() {},
      sendError(name, error) {
        telemetryErrors.push(`${name}: ${error?.message ?? error}`);
      },
    },
  });
  service.configure({
    validate: true,
    hover: false,
    completion: false,
    format: false,
    isKubernetes: false,
    schemas: [{ uri: schemaId, fileMatch: ['*.canvas.yaml', '*.canvas.yml'] }],
  });

  let documentVersion = 0;
  const defaultUri = pathToFileURL(join(root, 'bench', 'peer.canvas.yaml')).href;
  const open = (text, uri = defaultUri) => TextDocument.create(uri, 'yaml', ++documentVersion, text);
  return {
    name: 'yaml-language-server',
    version,
    yamlVersion: lsYamlVersion,
    schemaId,
    schemaFileUri,
    schemaRequests,
    refusedRequests,
    telemetryErrors,
    guard,
    service,
    /** @returns {Promise<import('vscode-languageserver-types').Diagnostic[]>} */
    validate: (text, uri = defaultUri) => service.doValidation(open(text, uri), false),
    /** A new document (a new version), not validated. */
    open,
    /**
     * As a language server after a keystroke: the document updated with one change (a new
     * version), then validated in full. Resolves to { document, diagnostics }.
     */
    async edit(document, offset, insert) {
      const at = document.positionAt(offset);
      const updated = TextDocument.update(document, [{ range: { start: at, end: at }, text: insert }], ++documentVersion);
      return { document: updated, diagnostics: await service.doValidation(updated, false) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Proof that the schema is applied

// The blocks and enumerations of a business-model canvas: that kind's schema (SCHEMA_PATH dispatches by `canvas`).
const schemaJson = JSON.parse(readFileSync(join(root, 'schemas', 'business-model.schema.json'), 'utf8'));
const resolveRef = (s) => {
  let cur = s ?? {};
  for (let hops = 0; cur.$ref && hops < 16; hops++) cur = schemaJson.definitions[cur.$ref.replace(/^#\/definitions\//, '')];
  return cur;
};
const BLOCK_KEYS = Object.entries(schemaJson.properties)
  .filter(([, s]) => resolveRef(s)['x-block'])
  .map(([key]) => key);
/** Enumerated values a card field can take in some block (field -> values), from the schema. */
const CARD_ENUMS = new Map();
for (const key of BLOCK_KEYS) {
  const items = resolveRef(resolveRef(schemaJson.properties[key]).items);
  for (const branch of (items.anyOf ?? [items]).map(resolveRef)) {
    for (const [field, fs] of Object.entries(branch.properties ?? {})) {
      const values = resolveRef(fs).enum;
      if (values?.length > 1) CARD_ENUMS.set(field, new Set([...(CARD_ENUMS.get(field) ?? []), ...values]));
    }
  }
}
/** A typo: one letter from the middle dropped. */
const typo = (word) => word.slice(0, Math.floor(word.length / 2)) + word.slice(Math.floor(word.length / 2) + 1);
const lineOf = (text, offset) => text.slice(0, offset).split('\n').length - 1;
const quote = (s) => JSON.stringify(s.length > 140 ? s.slice(0, 137) + '...' : s);

/**
 * Proves the language server validates with our schema: a valid generated canvas gets no
 * diagnostic (with its modeline, and without it through `fileMatch`); a block-key typo and an
 * enum-value typo each get a diagnostic on the typo (the key typo named in the message); the same
 * typos in a `.yaml` file with no modeline get none (the association is what applies it).
 * @returns {Promise<{ ok: boolean, detail: string, checks: { name: string, ok: boolean, detail: string }[] }>}
 */
export async function proveSchemaApplied(peer) {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok: Boolean(ok), detail });
  const uri = pathToFileURL(join(root, 'bench', 'proof.canvas.yaml')).href;
  const plainUri = pathToFileURL(join(root, 'bench', 'proof.yaml')).href;
  const withModeline = generateCanvas(20, 7);
  const bare = withModeline.replace(/^# yaml-language-server:.*\n/m, '');
  const messages = (ds) => ds.map((d) => `${d.message} (line ${d.range.start.line + 1})`).join('; ');

  const valid1 = await peer.validate(withModeline, uri);
  const valid2 = await peer.validate(bare, uri);
  check('valid', valid1.length === 0 && valid2.length === 0,
    `valid generated 20 cards: ${valid1.length} LS diagnostics with the modeline, ${valid2.length} through fileMatch` +
      (valid1.length + valid2.length ? `: ${messages([...valid1, ...valid2])}` : ''));

  // A block key with a typo (through fileMatch: the bare text).
  const blockKey = BLOCK_KEYS.find((k) => new RegExp(`^${k}:`, 'm').test(bare));
  const badKey = typo(blockKey);
  const keyText = bare.replace(new RegExp(`^${blockKey}:`, 'm'), `${badKey}:`);
  const keyLine = lineOf(keyText, keyText.search(new RegExp(`^${badKey}:`, 'm')));
  const keyDiags = await peer.validate(keyText, uri);
  const keyHit = keyDiags.find((d) => d.message.includes(badKey) && d.range.start.line === keyLine);
  check('block key', keyHit,
    `block key typo "${badKey}" (line ${keyLine + 1}, fileMatch): ` + (keyHit ? `LS says ${quote(keyHit.message)}` : `no diagnostic naming it; got ${keyDiags.length}: ${messages(keyDiags)}`));

  // An enum value with a typo (through the modeline).
  const enumMatch = [...withModeline.matchAll(/^ {2}(?:- |  )([a-z-]+): ([a-z-]+)$/gm)].find(([, f, v]) => CARD_ENUMS.get(f)?.has(v));
  const [, field, value] = enumMatch;
  const badValue = typo(value);
  const valueOffset = enumMatch.index + enumMatch[0].length - value.length;
  const enumText = withModeline.slice(0, valueOffset) + badValue + withModeline.slice(valueOffset + value.length);
  const enumLine = lineOf(enumText, valueOffset);
  const enumDiags = await peer.validate(enumText, uri);
  const enumHit = enumDiags.find((d) => {
    if (d.range.start.line !== enumLine) return false;
    const lines = enumText.split('\n');
    const covered = lines[enumLine].slice(d.range.start.character, d.range.end.line === enumLine ? d.range.end.character : undefined);
    return covered.includes(badValue) || d.message.includes(badValue);
  });
  check('enum value', enumHit && enumHit.message.includes(value),
    `enum typo ${field}: "${badValue}" (line ${enumLine + 1}, modeline): ` +
      (enumHit ? `LS marks it: ${quote(enumHit.message)}` : `no diagnostic on it; got ${enumDiags.length}: ${messages(enumDiags)}`));

  // Control: the same typos where the schema does not apply (no modeline, not *.canvas.yaml).
  const bothTypos = enumText.replace(/^# yaml-language-server:.*\n/m, '').replace(new RegExp(`^${blockKey}:`, 'm'), `${badKey}:`);
  const control = await peer.validate(bothTypos, plainUri);
  check('control', control.length === 0,
    `control: both typos in proof.yaml (no association): ${control.length} LS diagnostics` + (control.length ? `: ${messages(control)}` : ''));

  const requests = [...peer.schemaRequests].map(([u, n]) => `${u} x${n}`).join(', ');
  check('requests', peer.refusedRequests.length === 0 && peer.telemetryErrors.length === 0,
    `schema requests: ${requests || 'none'}` +
      (peer.refusedRequests.length ? `; REFUSED: ${peer.refusedRequests.join(', ')}` : '') +
      (peer.telemetryErrors.length ? `; LS errors: ${peer.telemetryErrors.join('; ')}` : ''));

  const ok = checks.every((c) => c.ok);
  return { ok, detail: checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.detail}`).join('\n'), checks };
}

// ---------------------------------------------------------------------------------------------
// Measurement

/** Times `fn` (sync or async, awaited) run `batch` times in a row: [wall ms, CPU ms] per call. */
async function sample(fn, batch) {
  const cpu = cpuNow();
  const start = now();
  for (let i = 0; i < batch; i++) await fn();
  const wall = now() - start;
  return [wall / batch, (cpuNow() - cpu) / batch];
}

/**
 * A warm-up of each side (at least `minWarm` calls each, 0.5-1.5 s or a quarter of the budget), then rounds of
 * one sample of each function, the order rotating through every permutation, until the budget is
 * spent (at least `minRounds`). Small inputs are timed in batches of ~10 ms.
 */
async function measure(fns, { budgetMs, minRounds, maxRounds = 400, minWarm = 3 }) {
  const names = Object.keys(fns);
  const warmStart = now();
  const warm = Object.fromEntries(names.map((n) => [n, []]));
  let warmCalls = 0;
  while (warmCalls < minWarm || (now() - warmStart < Math.min(1500, Math.max(500, budgetMs / 4)) && warmCalls < 1000)) {
    for (const n of names) warm[n].push((await sample(fns[n], 1))[0]);
    warmCalls++;
  }
  // The batch follows the fastest call (its lower quartile over the warm-up, robust to a
  // descheduled sample on a loaded machine): each of its samples lasts ~10 ms.
  const fastest = Math.min(...names.map((n) => summary(warm[n]).q1));
  const batch = Math.max(1, Math.round(10 / Math.max(0.001, fastest)));
  const orders = permutations(names);
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  const start = now();
  for (let round = 0; round < minRounds || (now() - start < budgetMs && round < maxRounds); round++) {
    for (const n of orders[round % orders.length]) {
      const [w, c] = await sample(fns[n], batch);
      wall[n].push(w);
      cpu[n].push(c);
    }
  }
  return { wall, cpu, batch, rounds: wall[names[0]].length };
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** The uri a label gets: under bench/, so a `$schema=../schemas/...` modeline finds our schema. */
const uriFor = (input) => input.uri ?? pathToFileURL(join(root, 'bench', `${slug(input.label)}.canvas.yaml`)).href;

/** Offsets just after the name of cards near the middle (as bench/providers.mjs edits). */
function editOffsets(text, model) {
  const named = (model?.cards ?? []).filter((c) => c.name && typeof c.labelSpan?.end === 'number');
  const mid = Math.floor(named.length / 2);
  return (round) => {
    if (!named.length) return undefined;
    const card = named[(((mid + round) % named.length) + named.length) % named.length];
    let at = card.labelSpan.end;
    if (text[at - 1] === '"' || text[at - 1] === "'") at--; // inside a quoted name
    return at;
  };
}

/**
 * The one-card edit on one (large) input: each round a character is typed into the name of a
 * fresh card near the middle. Timed, interleaved, order rotating:
 *   ls       TextDocument.update (one change, a new version) + doValidation, as the server does
 *            on didChange: the language service re-parses and re-validates the whole document;
 *   full     core.validateCanvas(editedText) (for reference);
 *   inc      core.revalidateCanvas(previous, editedText), previous = the result of the previous
 *            round's edit undone incrementally (untimed), as while typing (only when the core has
 *            revalidateCanvas). Edited texts are flat strings, as an editor hands them over.
 * @returns {Promise<object>} lsMs: the language server's median full re-validation (ms).
 */
export async function measurePeerEdit({ core, peer, text, label = 'input', uri, quick = false, budgetMs, minRounds }) {
  peer ??= await createPeer();
  uri ??= uriFor({ label });
  budgetMs ??= quick ? 4000 : 20000;
  minRounds ??= quick ? 4 : 9;
  const base = core.validateCanvas(text);
  const offsetFor = editOffsets(text, base.model);
  if (offsetFor(0) === undefined) return { label, skipped: 'no named card to edit' };
  const incremental = typeof core.revalidateCanvas === 'function';
  // A flat string, as VS Code's getText() gives: slice + concat makes a rope, which the first
  // scan would flatten inside the timed call (~5 ms on 750 KB) though no editor pays that.
  const editedText = (r) => {
    const at = offsetFor(r);
    return Buffer.from(text.slice(0, at) + 'x' + text.slice(at), 'utf8').toString('utf8');
  };
  const samples = { ls: [], full: [], ...(incremental ? { inc: [] } : {}) };
  const diags = { ls: new Set(), full: new Set(), inc: new Set() };
  let incrementalRounds = 0;
  let incFlagSeen = false;
  let previous;
  const steps = {
    ls: async (r) => {
      const document = peer.open(text, uri);
      void document.lineCount; // its line index, as a server's open document already has (untimed)
      const t = now();
      const { diagnostics } = await peer.edit(document, offsetFor(r), 'x');
      samples.ls.push(now() - t);
      diags.ls.add(diagnostics.length);
    },
    full: (r) => {
      const edited = editedText(r);
      const t = now();
      const result = core.validateCanvas(edited);
      samples.full.push(now() - t);
      diags.full.add(result.diagnostics.length);
    },
    inc: (r) => {
      const edited = editedText(r);
      const t = now();
      const result = core.revalidateCanvas(previous, edited);
      samples.inc.push(now() - t);
      // Back to the unedited text, incrementally too (untimed): the next round's edit starts from
      // a result made by an edit, as while typing, not from a fresh full validation.
      previous = core.revalidateCanvas(result, text);
      diags.inc.add(result.diagnostics.length);
      if (typeof result.incremental === 'boolean') {
        incFlagSeen = true;
        if (result.incremental) incrementalRounds++;
      }
    },
  };
  const names = Object.keys(samples);
  // Warm-up: each side twice (once with --quick), on edits the rounds do not use.
  for (let w = 0; w < (quick ? 1 : 2); w++) {
    previous = incremental ? core.validateCanvas(text) : undefined;
    for (const n of names) await steps[n](-1 - w);
  }
  for (const n of names) samples[n].length = 0;
  incrementalRounds = 0;
  incFlagSeen = false;
  const orders = permutations(names);
  const start = now();
  let rounds = 0;
  if (incremental) previous = core.validateCanvas(text); // untimed
  for (; rounds < minRounds || (now() - start < budgetMs && rounds < 200); rounds++) {
    for (const n of orders[rounds % orders.length]) await steps[n](rounds);
  }
  const lsOverInc = incremental ? ratios(samples.ls, samples.inc) : undefined;
  return {
    label,
    kb: text.length / 1024,
    rounds,
    lsMs: summary(samples.ls).median,
    ls: summary(samples.ls),
    full: summary(samples.full),
    inc: incremental ? summary(samples.inc) : undefined,
    lsOverFull: ratios(samples.ls, samples.full),
    lsOverInc,
    incremental,
    incrementalRounds: incFlagSeen ? incrementalRounds : undefined,
    diagnostics: { ls: [...diags.ls], full: [...diags.full], inc: [...diags.inc] },
    pass: incremental ? lsOverInc.median >= EDIT_BUDGET : undefined,
  };
}

/**
 * Times, per input, core.validateCanvas(text), the language server's validation of the text
 * (peer.validate, a new document version each call) and require('yaml').parseDocument(text),
 * interleaved; then the one-card edit on the largest input (or the one with `edit: true`).
 * @param {{ core: any, inputs: { label: string, text: string, uri?: string, edit?: boolean, budgetMs?: number }[], quick?: boolean, peer?: any, edit?: boolean, onProgress?: (line: string) => void }} options
 */
export async function measurePeer({ core, inputs, quick = false, peer, edit = true, onProgress = () => {} }) {
  peer ??= await createPeer();
  const yaml = require('yaml');
  const proof = await proveSchemaApplied(peer);
  const rows = [];
  for (const input of inputs) {
    const { text, label } = input;
    const uri = uriFor(input);
    const kb = text.length / 1024;
    const budgetMs = input.budgetMs ?? (quick ? (kb > 300 ? 5000 : kb > 50 ? 2500 : 1500) : kb > 300 ? 25000 : kb > 50 ? 8000 : 4000);
    const minRounds = kb > 300 ? (quick ? 4 : 8) : quick ? 6 : 15;
    onProgress(`measuring ${label} (${kb.toFixed(1)} KB)...`);
    const ours = core.validateCanvas(text);
    const lsDiagnostics = await peer.validate(text, uri);
    const m = await measure(
      {
        ours: () => core.validateCanvas(text),
        ls: () => peer.validate(text, uri),
        parse: () => yaml.parseDocument(text),
      },
      { budgetMs, minRounds, minWarm: kb > 300 && quick ? 2 : 3 },
    );
    const speedup = ratios(m.wall.ls, m.wall.ours);
    rows.push({
      label,
      kb,
      cards: ours.model?.cards.length ?? 0,
      oursDiagnostics: ours.diagnostics.length,
      lsDiagnostics: lsDiagnostics.length,
      lsMessages: lsDiagnostics.slice(0, 3).map((d) => `${d.message} (line ${d.range.start.line + 1})`),
      rounds: m.rounds,
      batch: m.batch,
      oursMs: summary(m.wall.ours).median,
      lsMs: summary(m.wall.ls).median,
      parseMs: summary(m.wall.parse).median,
      oursOverLs: ratios(m.wall.ours, m.wall.ls),
      lsOverOurs: speedup,
      lsOverOursCpu: ratios(m.cpu.ls, m.cpu.ours),
      lsOverParse: ratios(m.wall.ls, m.wall.parse),
      oursOverParse: ratios(m.wall.ours, m.wall.parse),
      pass: speedup.median >= PEER_BUDGET,
    });
  }
  let editResult;
  if (edit && inputs.length) {
    const target = inputs.find((i) => i.edit) ?? inputs.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    onProgress(`measuring the one-card edit on ${target.label}...`);
    editResult = await measurePeerEdit({ core, peer, text: target.text, label: target.label, uri: uriFor(target), quick });
  }
  const pkg = (name) => {
    try {
      return require(`${name}/package.json`).version;
    } catch {
      return '?';
    }
  };
  const pass = rows.every((r) => r.pass);
  return {
    peer: { name: peer.name, version: peer.version, yamlVersion: peer.yamlVersion },
    versions: { yaml: pkg('yaml'), ajv: pkg('ajv') },
    quick,
    rows,
    edit: editResult,
    /** The language server's median full re-validation after a one-card edit (ms), for the main bench. */
    lsEditMs: editResult?.lsMs,
    proof,
    network: { attempts: networkAttempts(), log: networkAttemptLog(), guard: peer.guard },
    pass,
    verdict: pass && proof.ok && networkAttempts() === 0 && editResult?.pass !== false,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const ms = (x) => (!Number.isFinite(x) ? 'n/a' : x < 0.1 ? x.toFixed(4) : x < 10 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(1));
const range = (a, b) => (Number.isFinite(a) ? `${a.toFixed(2)}-${b.toFixed(2)}` : 'n/a');
const times = (x) => (!Number.isFinite(x) ? 'n/a' : x >= 100 ? x.toFixed(0) + 'x' : x >= 10 ? x.toFixed(1) + 'x' : x.toFixed(2) + 'x');

/** The plain-text report of measurePeer's result, in the style of bench/run.mjs. */
export function formatPeerTable(result) {
  const out = [];
  const { peer, rows, edit, proof, network } = result;
  const lsName = `${peer.name} ${peer.version}`;
  out.push(`Ours vs ${lsName}: core.validateCanvas against the language server's doValidation with our schema, on the same text; budget ours >= ${PEER_BUDGET}x faster`);
  out.push('');
  const nameWidth = Math.max(5, ...rows.map((r) => r.label.length));
  const columns = [
    ['input', nameWidth, 'l'],
    ['KB', 6],
    ['cards', 5],
    ['diags', 5],
    ['LS diags', 8],
    ['rounds', 7],
    ['parse ms', 9],
    ['ours ms', 9],
    ['LS ms', 9],
    ['ours/LS', 7],
    ['IQR', 9],
    ['min-max', 9],
    ['LS/ours', 7],
    ['cpu', 5],
    ['budget', 6, 'l'],
    ['LS/parse', 8],
    ['IQR', 9],
    ['ours/parse', 10],
    ['IQR', 9],
  ];
  const line = (cells) => cells.map((c, i) => (columns[i][2] === 'l' ? pad(c, columns[i][1]) : lpad(c, columns[i][1]))).join('  ').trimEnd();
  out.push(line(columns.map((c) => c[0])));
  out.push(line(columns.map((c) => '-'.repeat(c[1]))));
  for (const r of rows) {
    out.push(
      line([
        r.label,
        r.kb.toFixed(1),
        r.cards,
        r.oursDiagnostics,
        r.lsDiagnostics,
        r.rounds + (r.batch > 1 ? `x${r.batch}` : ''),
        ms(r.parseMs),
        ms(r.oursMs),
        ms(r.lsMs),
        times(r.oursOverLs.median),
        range(r.oursOverLs.q1, r.oursOverLs.q3),
        range(r.oursOverLs.min, r.oursOverLs.max),
        times(r.lsOverOurs.median),
        r.lsOverOursCpu.n ? r.lsOverOursCpu.median.toFixed(2) : 'n/a',
        r.pass ? 'PASS' : 'FAIL',
        times(r.lsOverParse.median),
        range(r.lsOverParse.q1, r.lsOverParse.q3),
        times(r.oursOverParse.median),
        range(r.oursOverParse.q1, r.oursOverParse.q3),
      ]),
    );
  }
  out.push('');
  out.push(`rounds: interleaved samples of ours, LS and parse, order rotating; "xN": each sample times N calls in a row. ms: medians per call.`);
  out.push(`ours = core.validateCanvas(text) (dist/core.js: parse + schema + rules); LS = ${lsName}'s language service,`);
  out.push(`doValidation of a new document version with schemas/canvas.schema.json (the whole await; yaml ${peer.yamlVersion} inside);`);
  out.push(`parse = require('yaml').parseDocument(text) (the issue's floor). ratios: medians of per-round ratios (wall), with IQR and`);
  out.push(`min-max; cpu = LS/ours in process CPU time. budget: PASS when LS/ours >= ${PEER_BUDGET}x (ours/LS <= ${(1 / PEER_BUDGET).toFixed(2)}x).`);
  out.push(`diags / LS diags: diagnostics each reports on the input (0 expected: the inputs are valid canvases).`);
  const noisy = rows.filter((r) => r.lsDiagnostics || r.oursDiagnostics);
  for (const r of noisy) out.push(`WARNING: ${r.label}: ${r.oursDiagnostics} ours, ${r.lsDiagnostics} LS diagnostics${r.lsMessages.length ? ` (LS: ${r.lsMessages.join('; ')})` : ''}`);

  out.push('');
  if (!edit) out.push('One-card edit: not measured.');
  else if (edit.skipped) out.push(`One-card edit on ${edit.label}: skipped (${edit.skipped}).`);
  else {
    out.push(`One-card edit on ${edit.label} (${edit.kb.toFixed(1)} KB): one character typed into the name of a fresh card near the middle each round, ${edit.rounds} rounds`);
    const row = (name, s, extra = '') => `  ${pad(name, 66)} ${lpad(ms(s.median), 8)}  ${lpad(range(s.q1, s.q3), 13)}${extra}`;
    out.push(`  ${pad('call', 66)} ${lpad('ms', 8)}  ${lpad('IQR ms', 13)}`);
    out.push(row('LS: TextDocument.update + doValidation (full re-validation)', edit.ls));
    out.push(row('ours: core.validateCanvas(edited) (full)', edit.full, `   LS/ours ${times(edit.lsOverFull.median)} (IQR ${range(edit.lsOverFull.q1, edit.lsOverFull.q3)})`));
    if (edit.incremental) {
      const flag = edit.incrementalRounds === undefined ? '' : `, incremental in ${edit.incrementalRounds}/${edit.rounds} rounds`;
      out.push(row('ours: core.revalidateCanvas(previous, edited) (incremental)', edit.inc, `   LS/ours ${times(edit.lsOverInc.median)} (IQR ${range(edit.lsOverInc.q1, edit.lsOverInc.q3)}, min-max ${range(edit.lsOverInc.min, edit.lsOverInc.max)})${flag}`));
      out.push(`  budget: LS full re-validation / ours incremental >= ${EDIT_BUDGET}x: ${edit.pass ? 'PASS' : 'FAIL'}`);
    } else {
      out.push('  revalidateCanvas not available (dist/core.js exports no revalidateCanvas): incremental comparison skipped');
    }
    const d = edit.diagnostics;
    const distinct = [...new Set([...d.ls, ...d.full, ...d.inc])];
    if (distinct.some((n) => n !== 0)) out.push(`  WARNING: diagnostics on the edited texts: LS ${d.ls.join('/')}, full ${d.full.join('/')}, incremental ${d.inc.join('/') || 'n/a'}`);
  }

  out.push('');
  out.push(`Schema applied: ${proof.ok ? 'yes' : 'NO'}`);
  for (const l of proof.detail.split('\n')) out.push(`  ${l}`);
  const g = network.guard;
  out.push(
    `Network attempts: ${network.attempts}` +
      (network.attempts ? ` (${network.log.join(', ')})` : '') +
      ` (guard on ${g.armed} entry points, installed before the language server was loaded; self-test: ${g.tripped}/${g.armed} tripped and threw)`,
  );

  const judged = rows.map((r) => `${r.label.replace(/ \(.*\)$/, '')} ${times(r.lsOverOurs.median)}`);
  const worst = rows.reduce((a, b) => (b.lsOverOurs.median < (a?.lsOverOurs.median ?? Infinity) ? b : a), undefined);
  const editPart = !edit || edit.skipped
    ? 'one-card edit: not measured'
    : edit.incremental
      ? `one-card edit: LS full ${ms(edit.lsMs)} ms / ours incremental ${ms(edit.inc.median)} ms = ${times(edit.lsOverInc.median)} ${edit.pass ? 'PASS' : 'FAIL'} (budget ${EDIT_BUDGET}x)`
      : `one-card edit: LS ${ms(edit.lsMs)} ms, revalidateCanvas not available (skipped)`;
  out.push('');
  out.push(
    `VERDICT peer: ${result.verdict ? 'PASS' : 'FAIL'} (ours >= ${PEER_BUDGET}x faster than ${lsName} on every input; ` +
      `after a one-card edit, its full re-validation >= ${EDIT_BUDGET}x our incremental one): ` +
      `${result.pass ? 'all rows PASS' : `${rows.filter((r) => !r.pass).length} FAIL`}` +
      (worst ? `, lowest LS/ours ${times(worst.lsOverOurs.median)} on ${worst.label}` : '') +
      ` [${judged.join('; ')}]; ${editPart}; schema applied: ${proof.ok ? 'yes' : 'NO'}; network attempts: ${network.attempts}.`,
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// node bench/peer.mjs [--quick]

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const corePath = join(root, 'dist', 'core.js');
  if (!existsSync(corePath)) {
    console.error('bench/peer.mjs: dist/core.js not found: run `npm run build` first.');
    process.exit(1);
  }
  const core = require(corePath);
  const inputs = [];
  const exampleDir = join(root, 'examples');
  for (const file of readdirSync(exampleDir).filter((f) => /\.canvas\.ya?ml$/.test(f)).sort()) {
    inputs.push({ label: `examples/${file}`, text: readFileSync(join(exampleDir, file), 'utf8'), uri: pathToFileURL(join(exampleDir, file)).href });
  }
  inputs.push({ label: 'generated 20 cards (typical 2 KB)', text: generateCanvas(20, 1) });
  for (const cards of [100, 1000, 8000]) inputs.push({ label: `generated ${cards} cards`, text: generateCanvas(cards, 1), edit: cards === 8000 });

  const cpus = os.cpus();
  const started = now();
  const peer = await createPeer();
  console.log(
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB; ` +
      `node ${process.version} (${process.platform}-${process.arch}); ${peer.name} ${peer.version} (its yaml ${peer.yamlVersion}); ` +
      `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? '; --quick' : ''}`,
  );
  const result = await measurePeer({ core, inputs, quick, peer, onProgress: (l) => process.stderr.write(l + '\n') });
  console.log(formatPeerTable(result));
  console.log(`(${((now() - started) / 1000).toFixed(0)} s)`);
}
