import { markdownToHtml } from '../core/render/markdown';

/**
 * Description Markdown, drawn by the core's renderer (the one the exports use): it emits only its
 * small subset (p, lists, strong, em, code, http(s) links) and escapes every other character, so
 * this is the one place the page takes markup from file text. The page's CSP would block any
 * script or handler regardless.
 */
export function setMarkdown(el: HTMLElement, source: string): void {
  el.innerHTML = markdownToHtml(source);
  decorateLinks(el);
}

/**
 * Many descriptions through one HTML parse (a parse per card costs more than the rest of drawing
 * it). Each rendering is balanced markup, so each stays inside its own wrapper.
 */
export function markdownFragments(sources: readonly string[]): DocumentFragment[] {
  if (!sources.length) return [];
  const template = document.createElement('template');
  template.innerHTML = sources.map((source) => `<div>${markdownToHtml(source)}</div>`).join('');
  return Array.from(template.content.children, (wrapper) => {
    const fragment = document.createDocumentFragment();
    fragment.append(...wrapper.childNodes);
    decorateLinks(fragment);
    return fragment;
  });
}

function decorateLinks(root: ParentNode): void {
  for (const a of root.querySelectorAll('a')) {
    a.className = 'external';
    a.title = a.getAttribute('href') ?? '';
  }
}
