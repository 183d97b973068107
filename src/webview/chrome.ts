import type { CanvasView, ProblemView, SegmentLegend } from '../core/render/viewTypes';
import type { PreviewLabels } from '../shared/protocol';
import { CARD_HINT_ID, safeColor } from './cards';
import { setText } from './canvas';
import { setMarkdown } from './markdown';

/** Everything around the blocks: kind, title, toolbar, links, description, legend, problems. */
export interface Chrome {
  kind: HTMLElement;
  toolbar: HTMLElement;
  title: HTMLElement;
  links: HTMLElement;
  file: HTMLElement;
  description: HTMLElement;
  outdated: HTMLElement;
  segmentSelect: HTMLSelectElement;
  problemCount: HTMLElement;
  lockButton: HTMLButtonElement;
  exportButton: HTMLButtonElement;
  /** Holds the zoom controls (zoom.ts fills it). */
  zoomControls: HTMLElement;
  legend: HTMLElement;
  main: HTMLElement;
  problemsSection: HTMLElement;
  problemList: HTMLUListElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

/** Builds the page skeleton once; later views only patch it. */
export function buildChrome(root: HTMLElement, labels: PreviewLabels): Chrome {
  const header = el('header', { className: 'page-header' });
  const heading = el('div', { className: 'heading' });
  const kind = el('p', { className: 'kind' });
  const title = el('h1', { id: 'canvas-title' });
  const file = el('span', { className: 'file' });
  heading.append(title, file);

  const toolbar = el('div', { className: 'toolbar' });
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', labels.canvas);
  // Native controls styled with the theme's variables (preview.css): they need no script of their
  // own, so the page loads faster than with web components, and they behave as the platform's do.
  const segmentSelect = el('select', { id: 'segment-filter', className: 'select' });
  segmentSelect.setAttribute('aria-label', labels.segmentFilter);
  const problemCount = el('span', { id: 'problem-count', className: 'badge counter', title: labels.problems });
  const lockButton = el('button', { type: 'button', id: 'lock', className: 'button secondary' });
  const exportButton = el('button', { type: 'button', id: 'export', className: 'button secondary', textContent: labels.export });
  const zoomControls = el('div', { className: 'zoom-controls' });
  zoomControls.setAttribute('role', 'group');
  toolbar.append(segmentSelect, problemCount, zoomControls, lockButton, exportButton);
  header.append(heading, toolbar);

  // What a value proposition zooms into (its business model, segment, value proposition): text only.
  const links = el('p', { className: 'canvas-links', hidden: true });
  const description = el('div', { className: 'canvas-description markdown' });
  const outdated = el('p', { className: 'outdated', hidden: true });
  outdated.setAttribute('role', 'status');
  outdated.textContent = labels.outdated;
  const legend = el('div', { className: 'legend' });
  legend.setAttribute('role', 'group');
  legend.setAttribute('aria-label', labels.segments);

  const main = el('main', { id: 'canvas', className: 'canvas' });
  main.setAttribute('aria-label', labels.canvas);
  // The canvas is laid out in the frame (its width is the canvas's, whatever the zoom) and drawn in
  // the stage (the frame's size times the zoom: what the page scrolls over). See zoom.ts.
  const frame = el('div', { className: 'zoom-frame' });
  frame.appendChild(main);
  const stage = el('div', { className: 'zoom-stage' });
  stage.appendChild(frame);

  const problemsSection = el('section', { className: 'problems' });
  problemsSection.setAttribute('aria-labelledby', 'problems-heading');
  const problemsHeading = el('h2', { id: 'problems-heading', textContent: labels.problems });
  const problemList = el('ul', { className: 'problem-list' });
  problemsSection.append(problemsHeading, problemList);

  // Read with every card (their aria-describedby): how to reach its source from the keyboard.
  const cardHint = el('p', { id: CARD_HINT_ID, hidden: true, textContent: labels.cardHint });

  // The kind sits above the header row (inside it, it would push the toolbar onto a line of its own).
  root.replaceChildren(kind, header, links, description, outdated, legend, stage, problemsSection, cardHint);
  return { kind, toolbar, title, links, file, description, outdated, segmentSelect, problemCount, lockButton, exportButton, zoomControls, legend, main, problemsSection, problemList };
}

/** Per-part signatures of what is drawn, so an update touches only the parts that changed. */
export class ChromeState {
  private description: string | undefined = '\u0000';
  private segments = '';
  private links = '';
  private problems = '';
  /** The problems drawn, by the `data-index` of their buttons. */
  drawnProblems: ProblemView[] = [];

  constructor(
    private readonly chrome: Chrome,
    private readonly labels: PreviewLabels,
  ) {}

  update(view: CanvasView, fileName: string, outdated: boolean, segment: string | undefined): void {
    const c = this.chrome;
    setText(c.kind, view.kindTitle);
    setText(c.title, view.title || fileName);
    setText(c.file, fileName);
    const label = `${view.kindTitle || this.labels.canvas}: ${view.title || fileName}`;
    if (c.main.getAttribute('aria-label') !== label) c.main.setAttribute('aria-label', label);
    const toolbarLabel = view.kindTitle || this.labels.canvas;
    if (c.toolbar.getAttribute('aria-label') !== toolbarLabel) c.toolbar.setAttribute('aria-label', toolbarLabel);
    const links = JSON.stringify(view.links);
    if (links !== this.links) {
      this.links = links;
      c.links.replaceChildren(
        ...view.links.flatMap((link, i) => [
          ...(i ? [document.createTextNode(' · ')] : []),
          el('span', { className: 'link-title', textContent: `${link.title}: ` }),
          el('code', { textContent: link.value }),
        ]),
      );
      c.links.hidden = view.links.length === 0;
    }
    if (view.description !== this.description) {
      this.description = view.description;
      setMarkdown(c.description, view.description ?? '');
      c.description.hidden = !view.description;
    }
    c.outdated.hidden = !outdated;
    const segments = JSON.stringify(view.segments);
    if (segments !== this.segments) {
      this.segments = segments;
      this.drawSegments(view.segments, segment);
    }
    const problems = JSON.stringify(view.problems);
    if (problems !== this.problems) {
      this.problems = problems;
      this.drawProblems(view.problems);
    }
  }

  private drawSegments(segments: SegmentLegend[], selected: string | undefined): void {
    const c = this.chrome;
    const options = [el('option', { value: '', textContent: this.labels.allSegments })];
    const chips: HTMLElement[] = [];
    for (const segment of segments) {
      options.push(el('option', { value: segment.id, textContent: segment.name }));
      const chip = el('button', { type: 'button', className: 'chip' });
      chip.dataset.segment = segment.id;
      const dot = el('span', { className: 'dot' });
      dot.setAttribute('aria-hidden', 'true');
      const color = safeColor(segment.color);
      if (color) dot.style.backgroundColor = color;
      chip.append(dot, document.createTextNode(segment.name));
      chips.push(chip);
    }
    c.segmentSelect.replaceChildren(...options);
    c.legend.replaceChildren(...chips);
    c.legend.hidden = segments.length === 0;
    c.segmentSelect.hidden = segments.length === 0;
    this.markSegment(selected);
  }

  /** Reflects the segment filter in the chips and the select. */
  markSegment(selected: string | undefined): void {
    for (const chip of this.chrome.legend.querySelectorAll<HTMLElement>('.chip')) {
      chip.setAttribute('aria-pressed', String(chip.dataset.segment === selected));
    }
    const select = this.chrome.segmentSelect;
    if (select.value !== (selected ?? '')) select.value = selected ?? '';
  }

  private drawProblems(problems: ProblemView[]): void {
    const c = this.chrome;
    this.drawnProblems = problems;
    const items = problems.map((problem, index) => {
      const li = el('li', { className: `problem severity-${problem.severity}` });
      const button = el('button', { type: 'button', className: 'problem-link' });
      button.dataset.index = String(index);
      const where = el('span', { className: 'where', textContent: `${problem.line}:${problem.column}` });
      const severity = el('span', { className: 'sr-only', textContent: `${this.labels.severity[problem.severity]}: ` });
      const message = el('span', { className: 'message', textContent: problem.message });
      const code = el('span', { className: 'code', textContent: problem.code });
      button.append(severity, where, ' ', message, ' ', code);
      li.appendChild(button);
      return li;
    });
    if (!items.length) items.push(el('li', { className: 'no-problems', textContent: this.labels.noProblems }));
    c.problemList.replaceChildren(...items);
    setText(c.problemCount, String(problems.length));
    c.problemCount.hidden = problems.length === 0;
  }
}
