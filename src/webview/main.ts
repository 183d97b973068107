// The preview page: draws the canvas the host embeds in the page, then patches it with every view
// the host posts. All file text reaches the DOM as text nodes or attribute values (see cards.ts
// and markdown.ts); links and reveals go back to the host as messages.
import type { CanvasView } from '../core/render/viewTypes';
import { applyViewPatch, type ViewPatch } from '../core/render/viewPatch';
import type { HostMessage, PreviewInit, PreviewState, UpdateTiming } from '../shared/protocol';
import { CanvasDom } from './canvas';
import { CompareDom } from './compare';
import { buildChrome, ChromeState } from './chrome';
import { connectHost } from './host';
import { safeHref } from '../core/render/markdown';
import { rasterize } from './rasterize';
import { SegmentLinksDom } from './links';
import { viewStore } from './viewStore';
import { epochNow, recordUpdate } from './timings';
import { installEditing } from './editing';
import { installHealth } from './health';
import { installZoom } from './zoom';

const initElement = document.getElementById('canvas-preview-init');
const init = JSON.parse(initElement?.dataset.init ?? '{}') as PreviewInit;
const { labels } = init;
const host = connectHost();

// A reload (or a panel shown again) keeps the filter and scroll position of the same file.
const saved = host.getState();
const restoring = saved?.uri === init.uri ? saved : undefined;
let state: PreviewState = { uri: init.uri, locked: init.locked, segment: restoring?.segment };
let pendingScroll = restoring ? { x: restoring.scrollX ?? 0, y: restoring.scrollY ?? 0 } : undefined;
const persist = () => host.setState(state);
persist();

const chrome = buildChrome(document.body, labels);
installZoom(chrome, labels.zoom, restoring, (zoom) => { state = { ...state, zoom }; persist(); });
const canvas = new CanvasDom(chrome.main);
installEditing({ host, main: chrome.main, labels, store: viewStore });
installHealth(labels.health, viewStore);
const chromeState = new ChromeState(chrome, labels);
let shown: { uri: string; version: number | undefined } = { uri: init.uri, version: undefined };
let current: CanvasView | undefined;
const segmentLinks = new SegmentLinksDom(chrome.main, (message) => host.post(message));
const compare = new CompareDom(chrome.main, () => {
  compare.undecorate();
  if (current) compare.decorate({ segments: new Map(current.segments.map((s) => [s.id, s])), labels });
});

function drawLock(): void {
  chrome.lockButton.textContent = state.locked ? labels.unlock : labels.lock;
  chrome.lockButton.setAttribute('aria-pressed', String(state.locked));
  document.body.classList.toggle('locked', state.locked);
}

/**
 * Draws `view` (`patch`: what made it from the view drawn last, so only what it touches is redrawn).
 * `timing` and `receivedAt` go to the benchmark's record (timings.ts).
 */
function show(uri: string, fileName: string, view: CanvasView, outdated: boolean, patch?: ViewPatch, timing?: UpdateTiming, receivedAt?: number): void {
  if (uri !== shown.uri) {
    // Another file: nothing of the old one is reused.
    compare.undecorate();
    compare.set(undefined);
    canvas.clear();
    shown = { uri, version: undefined };
    state = { ...state, uri, segment: undefined, scrollX: 0, scrollY: 0 };
    pendingScroll = { x: 0, y: 0 };
    persist();
  } else if (view.version !== undefined && shown.version !== undefined && view.version < shown.version) {
    return; // an older text than the one drawn: a render overtaken by a newer one
  }
  shown.version = view.version;
  current = view;
  const segments = new Map(view.segments.map((s) => [s.id, s]));
  if (state.segment !== undefined && !segments.has(state.segment)) setSegment(undefined);
  chromeState.update(view, fileName, outdated, state.segment);
  compare.undecorate();
  const cards = canvas.update(view, patch, { segments, labels });
  compare.decorate({ segments, labels });
  canvas.filter(state.segment);
  segmentLinks.apply(shown.uri);
  if (pendingScroll) {
    window.scrollTo(pendingScroll.x, pendingScroll.y);
    pendingScroll = undefined;
  }
  viewStore.set({ uri, fileName, view, outdated });
  host.post({ type: 'rendered', version: view.version, cards });
  if (receivedAt !== undefined) recordUpdate(view.version, timing, receivedAt);
}

/** A patch applies only on top of exactly the view it was made from; otherwise the host sends the whole view. */
function showPatch(message: Extract<HostMessage, { type: 'patch' }>, receivedAt: number): void {
  if (message.uri !== shown.uri || !current || current.version !== message.base) {
    host.post({ type: 'resync' });
    return;
  }
  show(message.uri, message.fileName, applyViewPatch(current, message.patch), message.outdated, message.patch, message.timing, receivedAt);
}

function setSegment(segment: string | undefined): void {
  state = { ...state, segment: segment || undefined };
  persist();
  canvas.filter(state.segment);
  chromeState.markSegment(state.segment);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  const receivedAt = epochNow();
  switch (message?.type) {
    case 'view':
      show(message.uri, message.fileName, message.view, message.outdated, undefined, message.timing, receivedAt);
      break;
    case 'patch':
      showPatch(message, receivedAt);
      break;
    case 'compare':
      if (message.uri === shown.uri) compare.set(message.compare);
      break;
    case 'links':
      segmentLinks.set(message.uri, message.hint, message.segments);
      segmentLinks.apply(shown.uri);
      break;
    case 'cursor':
      canvas.highlightAt(message.offset);
      break;
    case 'locked':
      state = { ...state, locked: message.locked };
      persist();
      drawLock();
      break;
    case 'rasterize':
      rasterize(message.svg, message.scale).then(
        (dataUrl) => host.post({ type: 'rasterized', id: message.id, dataUrl }),
        (error: unknown) => host.post({ type: 'rasterized', id: message.id, error: String(error) }),
      );
      break;
  }
});

// Links: only http(s), opened by the host; the page itself never navigates.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const href = link.getAttribute('href') ?? '';
  if (safeHref(href) === href) host.post({ type: 'openLink', href });
});

// Going to the source, as in Markdown's preview and VS Code's Problems view. A click (or Space) on
// a card or a problem points at it: the editor scrolls there and its cursor (an empty selection)
// goes to the card's name or the problem's start, but the focus stays here, so the next key typed
// cannot reach the file. A double-click (or Enter, the keyboard's way) does the same and moves the
// focus to the editor, to edit there. Nothing ever selects a whole card: that used to put it one
// keystroke away from being typed over.
function revealCard(target: EventTarget | null, focus: boolean): void {
  const card = canvas.cardOf(target as Element | null);
  if (card) host.post({ type: 'reveal', key: card.key, span: card.span, focus });
}

function revealProblem(target: EventTarget | null, focus: boolean): void {
  const button = (target as Element | null)?.closest?.<HTMLElement>('.problem-link');
  const problem = button && chromeState.drawnProblems[Number(button.dataset.index)];
  if (problem) host.post({ type: 'reveal', span: problem.span, focus });
}

/** The second click of a double-click: the `dblclick` that follows reveals (once). */
const repeatedClick = (event: MouseEvent) => event.detail > 1;

chrome.main.addEventListener('click', (event) => {
  if ((event.target as Element).closest('a') || repeatedClick(event)) return;
  revealCard(event.target, false);
});
chrome.main.addEventListener('dblclick', (event) => {
  if ((event.target as Element).closest('a')) return;
  revealCard(event.target, true);
});

chrome.main.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (!target.classList.contains('card')) return;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    revealCard(target, event.key === 'Enter');
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    canvas.focusNext(target, event.key === 'ArrowDown' ? 1 : -1);
  }
});

chrome.legend.addEventListener('click', (event) => {
  const chip = (event.target as Element).closest<HTMLElement>('.chip');
  if (chip) setSegment(state.segment === chip.dataset.segment ? undefined : chip.dataset.segment);
});
chrome.segmentSelect.addEventListener('change', () => setSegment(chrome.segmentSelect.value));

// The problems are buttons: Space clicks them (a reveal that keeps the focus here); Enter, which
// would click them too, goes to the editor instead.
chrome.problemList.addEventListener('click', (event) => {
  if (!repeatedClick(event)) revealProblem(event.target, false);
});
chrome.problemList.addEventListener('dblclick', (event) => revealProblem(event.target, true));
chrome.problemList.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || !(event.target as Element).closest('.problem-link')) return;
  event.preventDefault();
  revealProblem(event.target, true);
});

chrome.lockButton.addEventListener('click', () => host.post({ type: 'toggleLock' }));
chrome.exportButton.addEventListener('click', () => host.post({ type: 'export' }));

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
  'scroll',
  () => {
    if (scrollTimer !== undefined) return;
    scrollTimer = setTimeout(() => {
      scrollTimer = undefined;
      state = { ...state, scrollX: window.scrollX, scrollY: window.scrollY };
      persist();
    }, 100);
  },
  { passive: true },
);

drawLock();
if (init.view) show(init.uri, init.fileName, init.view, init.outdated ?? false);
host.post({ type: 'ready', uri: shown.uri, version: current?.version });
