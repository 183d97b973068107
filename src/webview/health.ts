// The health summary in the preview's header: "7/9 blocks · 2 problems · 3 hypotheses untested",
// the same line as the status bar's (core/healthSummary.ts), read from the shown view's `health`.
// Each part is a button that goes to what it counts: the next empty block, the problems, the next
// untested hypothesis (focus and scroll; nothing is posted, nothing edited).
import { HEALTH_MESSAGES, healthSummaryParts, type HealthMessageId } from '../core/healthSummary';
import type { CanvasView, HealthView } from '../core/render/viewTypes';
import type { HealthLabels } from '../shared/labels/health';
import type { ShownView, ViewStore } from './viewStore';

type Part = 'blocks' | 'problems' | 'hypotheses';

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'] as const;

/** The labels' templates by their English text, so the core's formatter can ask for them as it asks vscode.l10n. */
function translator(labels: HealthLabels): (template: string, args: readonly string[]) => string {
  const translated = new Map<string, string>();
  for (const id of Object.keys(HEALTH_MESSAGES) as HealthMessageId[]) translated.set(HEALTH_MESSAGES[id], labels[id] || HEALTH_MESSAGES[id]);
  return (template, args) => (translated.get(template) ?? template).replace(/\{(\d+)\}/g, (whole, i: string) => args[Number(i)] ?? whole);
}

/** `template` ("{0} · {1}") with its placeholders replaced by nodes, so a translation may reorder or re-punctuate them. */
function fillNodes(template: string, parts: readonly Node[]): Node[] {
  return template
    .split(/(\{\d+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const placeholder = /^\{(\d+)\}$/.exec(piece);
      const node = placeholder ? parts[Number(placeholder[1])] : undefined;
      if (node) return node;
      const text = document.createElement('span');
      text.className = 'health-separator';
      text.setAttribute('aria-hidden', 'true');
      text.textContent = piece;
      return text;
    });
}

function wrap(nodes: Node[]): Node {
  const span = document.createElement('span');
  span.append(...nodes);
  return span;
}

export class HealthDom {
  readonly element: HTMLElement;
  private readonly buttons: Record<Part, HTMLButtonElement>;
  private readonly localize: (template: string, args: readonly string[]) => string;
  private signature = '';
  private shown: { view: CanvasView; health: HealthView } | undefined;
  /** The next empty block and hypothesis to go to (each click moves on, round the canvas). */
  private next = { blocks: 0, hypotheses: 0 };

  constructor(labels: HealthLabels) {
    this.localize = translator(labels);
    this.element = document.createElement('div');
    this.element.className = 'health';
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', labels.region);
    this.element.hidden = true;
    const button = (part: Part, title: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `health-part health-${part}`;
      b.title = title;
      b.dataset.part = part;
      return b;
    };
    this.buttons = {
      blocks: button('blocks', labels.nextEmptyBlock),
      problems: button('problems', labels.showProblems),
      hypotheses: button('hypotheses', labels.nextHypothesis),
    };
    const separator = labels.separator || HEALTH_MESSAGES.separator;
    this.element.append(...fillNodes(separator, [wrap(fillNodes(separator, [this.buttons.blocks, this.buttons.problems])), this.buttons.hypotheses]));
    this.element.addEventListener('click', (event) => {
      const part = (event.target as Element).closest<HTMLElement>('.health-part')?.dataset.part as Part | undefined;
      if (part) this.go(part);
    });
  }

  /** Draws the health of `shown` (only when it changed: typing that changes no count touches nothing). */
  update(shown: ShownView): void {
    const health = shown.view.health;
    const signature = health ? JSON.stringify(health) : '';
    if (signature !== this.signature) {
      this.signature = signature;
      this.next = { blocks: 0, hypotheses: 0 };
      if (health) this.draw(health);
    }
    if (this.element.hidden === !health) {
      // Nothing appears or goes: the header keeps its height.
    } else if (health) {
      // The line appears after the page restored its scroll position (a reload): the browser's
      // scroll anchoring would move the page down by the header's new height; it stays where it was.
      const { scrollX, scrollY } = window;
      this.element.hidden = false;
      void this.element.offsetHeight;
      if (window.scrollX !== scrollX || window.scrollY !== scrollY) window.scrollTo(scrollX, scrollY);
    } else this.element.hidden = true;
    // Not the class 'outdated': that names the page's notice (chrome.ts).
    this.element.toggleAttribute('data-outdated', shown.outdated);
    this.shown = health ? { view: shown.view, health } : undefined;
  }

  private draw(health: HealthView): void {
    const parts = healthSummaryParts(health, this.localize);
    const worst = SEVERITY_ORDER.find((severity) => health.problems[severity] > 0);
    for (const part of ['blocks', 'problems', 'hypotheses'] as const) {
      const b = this.buttons[part];
      if (b.textContent !== parts[part]) b.textContent = parts[part];
    }
    this.buttons.blocks.classList.toggle('complete', health.emptyBlocks.length === 0);
    this.buttons.blocks.setAttribute('aria-disabled', String(health.emptyBlocks.length === 0));
    this.buttons.problems.dataset.severity = worst ?? 'none';
    this.buttons.problems.setAttribute('aria-disabled', String(!worst));
    this.buttons.hypotheses.classList.toggle('untested', health.hypotheses.length > 0);
    this.buttons.hypotheses.setAttribute('aria-disabled', String(health.hypotheses.length === 0));
  }

  /** Goes to what a part counts; returns the element focused (for the tests), if any. */
  go(part: Part): HTMLElement | undefined {
    const shown = this.shown;
    if (!shown) return undefined;
    let target: HTMLElement | null | undefined;
    if (part === 'problems') {
      const section = document.querySelector<HTMLElement>('section.problems');
      target = section?.querySelector<HTMLElement>('.problem-link') ?? section;
    } else if (part === 'blocks') {
      const keys = shown.health.emptyBlocks;
      if (!keys.length) return undefined;
      const key = keys[this.next.blocks++ % keys.length];
      target = document.querySelector<HTMLElement>(`section.block[data-block="${CSS.escape(key)}"]`);
      // A block is no stop of the tab order; focusable by script only, so a screen reader reads it.
      if (target && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    } else {
      const keys = shown.health.hypotheses;
      if (!keys.length) return undefined;
      const key = keys[this.next.hypotheses++ % keys.length];
      const block = shown.view.blocks.find((b) => b.cards.some((c) => c.key === key));
      // canvas.ts keys a card's element by its block and its view key.
      target = block && document.querySelector<HTMLElement>(`li.card[data-key="${CSS.escape(`${block.key}/${key}`)}"]`);
    }
    if (!target) return undefined;
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
    target.focus({ preventScroll: true });
    return target;
  }
}

/**
 * Puts the summary in the page's header, after the title (chrome.ts builds the header; before it
 * exists, at the top of the body), and keeps it up to date with every shown view.
 */
export function installHealth(labels: HealthLabels, store: ViewStore): HealthDom {
  const health = new HealthDom(labels);
  const heading = document.querySelector('header.page-header .heading');
  if (heading) heading.after(health.element);
  else document.body.prepend(health.element);
  if (store.current) health.update(store.current);
  store.onChange((shown) => health.update(shown));
  return health;
}
