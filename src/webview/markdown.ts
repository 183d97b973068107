import { markdownToHtml } from '../core/render/markdown';

/**
 * Description Markdown, drawn by the core's renderer (the one the exports use): it emits only its
 * small subset (p, lists, strong, em, code, http(s) links) and escapes every other character, so
 * this is the one place the page takes markup from file text. The page's CSP would block any
 * script or handler regardless.
 */
export function setMarkdown(el: HTMLElement, source: string): void {
  el.innerHTML = markdownToHtml(source);
  for (const a of el.querySelectorAll('a')) {
    a.className = 'external';
    a.title = a.getAttribute('href') ?? '';
  }
}
