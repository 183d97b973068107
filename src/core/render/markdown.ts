/**
 * A small, safe Markdown subset for descriptions: paragraphs, bullet and numbered lists,
 * **strong**, *emphasis*, `code` and [links](https://…). Nothing else is markup: raw HTML, images,
 * headings and the like come out as the text they are. Links keep only http(s) targets; any other
 * target (javascript:, data:, relative …) leaves just the link text.
 *
 * One parse, three outputs: HTML (the preview and the HTML export), plain text (SVG) and
 * normalised Markdown (the Markdown export, so a hostile description stays text there too).
 * Linear time on any input: every scan is bounded or done once up front.
 */
import { cleanText, escapeHtml } from './escape';
import { markdownCode, markdownText } from './markdownEscape';

export { escapeHtml } from './escape';

type Tag = 'strong' | 'em';

type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'break' }
  | { kind: 'link'; href?: string; children: Inline[] }
  | { kind: 'delim'; char: '*' | '_'; count: number; canOpen: boolean; canClose: boolean; open: Tag[]; close: Tag[] };

type Delim = Extract<Inline, { kind: 'delim' }>;

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; start: number; items: string[][] };

const MAX_DESTINATION = 2048;
const MAX_TITLE = 512;

const isAsciiPunct = (c: string | undefined) => c !== undefined && /[!-/:-@[-`{-~]/.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/** An http(s) URL with a host and nothing that could break out of an attribute, or undefined. */
export function safeHref(url: string): string | undefined {
  const unescaped = url.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f<>"'`\\]+$/i.test(unescaped) ? unescaped : undefined;
}

// ------------------------------------------------------------------------------------------------
// Blocks

const BULLET = /^ {0,3}[-+*][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Block & { kind: 'p' } | undefined;
  let list: Block & { kind: 'ul' | 'ol' } | undefined;
  let blankBefore = false;
  for (const raw of cleanText(source).replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line === '') {
      paragraph = undefined;
      blankBefore = true;
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      const kind = bullet ? 'ul' : 'ol';
      if (!list || list.kind !== kind) {
        list = { kind, start: ordered ? Number(ordered[1]) : 1, items: [] };
        blocks.push(list);
      }
      list.items.push([(bullet ?? ordered)![bullet ? 1 : 2].trim()]);
      paragraph = undefined;
    } else if (list && !blankBefore && /^\s/.test(line)) {
      list.items[list.items.length - 1].push(line.trim());
    } else {
      list = undefined;
      if (!paragraph) {
        paragraph = { kind: 'p', lines: [] };
        blocks.push(paragraph);
      }
      paragraph.lines.push(line.trim());
    }
    blankBefore = false;
  }
  return blocks;
}

// ------------------------------------------------------------------------------------------------
// Inlines

/** Backtick runs, found once (escaped backticks excluded), each with the next run of equal length. */
function backtickRuns(source: string): Map<number, { length: number; closeAt?: number }> {
  const runs: { at: number; length: number; closeAt?: number }[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\' && isAsciiPunct(source[i + 1])) i++;
    else if (source[i] === '`') {
      let end = i;
      while (source[end] === '`') end++;
      runs.push({ at: i, length: end - i });
      i = end - 1;
    }
  }
  const nextOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    runs[k].closeAt = nextOfLength.get(runs[k].length);
    nextOfLength.set(runs[k].length, runs[k].at);
  }
  return new Map(runs.map((r) => [r.at, r]));
}

/** `[text](destination "title")` at `open`, or undefined. Link text holds no brackets. */
function parseLink(source: string, open: number): { end: number; text: string; destination: string } | undefined {
  let close = open + 1;
  for (; close < source.length; close++) {
    const c = source[close];
    if (c === '\\') close++;
    else if (c === '[') return undefined;
    else if (c === ']') break;
  }
  if (source[close] !== ']' || source[close + 1] !== '(') return undefined;
  let i = close + 2;
  while (source[i] === ' ') i++;
  const destStart = i;
  let depth = 0;
  for (; i < source.length && i - destStart <= MAX_DESTINATION; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (/\s/.test(c)) break;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  const destination = source.slice(destStart, i);
  while (source[i] === ' ') i++;
  const quote = source[i];
  if ((quote === '"' || quote === "'") && i > destStart) {
    const end = source.slice(i + 1, i + 1 + MAX_TITLE).indexOf(quote);
    if (end === -1) return undefined;
    i += end + 2;
    while (source[i] === ' ') i++;
  }
  if (source[i] !== ')') return undefined;
  return { end: i + 1, text: source.slice(open + 1, close), destination };
}

function parseInlines(source: string, allowLinks: boolean): Inline[] {
  const out: Inline[] = [];
  const runs = backtickRuns(source);
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\' && isAsciiPunct(source[i + 1])) {
      text += source[i + 1];
      i += 2;
    } else if (c === '`') {
      const run = runs.get(i)!;
      if (run.closeAt === undefined) {
        text += '`'.repeat(run.length);
        i += run.length;
        continue;
      }
      let code = source.slice(i + run.length, run.closeAt).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
      flush();
      out.push({ kind: 'code', text: code });
      i = run.closeAt + run.length;
    } else if (c === '[' && allowLinks && parseLink(source, i)) {
      const link = parseLink(source, i)!;
      flush();
      out.push({ kind: 'link', href: safeHref(link.destination), children: parseInlines(link.text, false) });
      i = link.end;
    } else if (c === '*' || c === '_') {
      let end = i;
      while (source[end] === c) end++;
      const before = source[i - 1];
      const after = source[end];
      const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
      const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
      flush();
      out.push({
        kind: 'delim',
        char: c,
        count: end - i,
        canOpen: c === '*' ? left : left && (!right || isPunct(before)),
        canClose: c === '*' ? right : right && (!left || isPunct(after)),
        open: [],
        close: [],
      });
      i = end;
    } else if (c === '\n') {
      flush();
      out.push({ kind: 'break' });
      i++;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  matchEmphasis(out);
  return out;
}

/**
 * Pairs `*`/`_` runs into <strong>/<em> (CommonMark's delimiter stack, without its rule of three).
 * A closer takes the nearest opener of its kind; openers skipped over stay literal, so tags nest.
 */
function matchEmphasis(tokens: Inline[]): void {
  const stack: Delim[] = [];
  const bottom = { '*': 0, _: 0 };
  for (const token of tokens) {
    if (token.kind !== 'delim') continue;
    while (token.canClose && token.count > 0) {
      let found = -1;
      for (let s = stack.length - 1; s >= bottom[token.char]; s--) {
        if (stack[s].char === token.char) {
          found = s;
          break;
        }
      }
      if (found < 0) {
        // Nothing below can match a closer of this kind later either.
        bottom[token.char] = stack.length;
        break;
      }
      const opener = stack[found];
      const use = opener.count >= 2 && token.count >= 2 ? 2 : 1;
      const tag: Tag = use === 2 ? 'strong' : 'em';
      opener.count -= use;
      token.count -= use;
      opener.open.unshift(tag);
      token.close.push(tag);
      stack.length = opener.count > 0 ? found + 1 : found;
      bottom['*'] = Math.min(bottom['*'], stack.length);
      bottom._ = Math.min(bottom._, stack.length);
    }
    if (token.canOpen && token.count > 0) stack.push(token);
  }
}

// ------------------------------------------------------------------------------------------------
// Output

function inlineHtml(tokens: readonly Inline[]): string {
  let html = '';
  for (const t of tokens) {
    if (t.kind === 'text') html += escapeHtml(t.text);
    else if (t.kind === 'code') html += `<code>${escapeHtml(t.text)}</code>`;
    else if (t.kind === 'break') html += '\n';
    else if (t.kind === 'link') {
      const inner = inlineHtml(t.children);
      html += t.href ? `<a href="${escapeHtml(t.href)}" rel="noopener noreferrer">${inner}</a>` : inner;
    } else html += t.close.map((tag) => `</${tag}>`).join('') + t.char.repeat(t.count) + t.open.map((tag) => `<${tag}>`).join('');
  }
  return html;
}

function inlineText(tokens: readonly Inline[]): string {
  let text = '';
  for (const t of tokens) {
    if (t.kind === 'text' || t.kind === 'code') text += t.text;
    else if (t.kind === 'break') text += ' ';
    else if (t.kind === 'link') text += inlineText(t.children);
    else text += t.char.repeat(t.count);
  }
  return text;
}

function inlineMarkdown(tokens: readonly Inline[], indent: string): string {
  let md = '';
  for (const t of tokens) {
    // markdownText keeps any fragment from starting a block, so a line may start with any of them.
    if (t.kind === 'text') md += markdownText(t.text);
    else if (t.kind === 'code') md += markdownCode(t.text);
    else if (t.kind === 'break') md += '\n' + indent;
    else if (t.kind === 'link') {
      const inner = inlineMarkdown(t.children, indent);
      // A `!` written just before our link would make it an image (a request to any URL on view).
      if (t.href && md.endsWith('!')) md = md.slice(0, -1) + '\\!';
      md += t.href ? `[${inner}](${t.href.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})` : inner;
    } else {
      md += t.close.map((tag) => (tag === 'strong' ? '**' : '*')).join('') + ('\\' + t.char).repeat(t.count) + t.open.map((tag) => (tag === 'strong' ? '**' : '*')).join('');
    }
  }
  return md;
}

/** Renders description Markdown as safe HTML: only the subset above, everything else escaped. */
export function markdownToHtml(source: string): string {
  return parseBlocks(source)
    .map((block) => {
      if (block.kind === 'p') return `<p>${inlineHtml(parseInlines(block.lines.join('\n'), true))}</p>`;
      const open = block.kind === 'ol' && block.start !== 1 ? `<ol start="${block.start}">` : `<${block.kind}>`;
      const items = block.items.map((lines) => `<li>${inlineHtml(parseInlines(lines.join('\n'), true))}</li>`);
      return [open, ...items, `</${block.kind}>`].join('\n');
    })
    .join('\n');
}

/** The text of description Markdown without markup: one line per paragraph or list item. */
export function markdownToText(source: string): string[] {
  const lines: string[] = [];
  for (const block of parseBlocks(source)) {
    if (block.kind === 'p') lines.push(inlineText(parseInlines(block.lines.join('\n'), true)));
    else block.items.forEach((item, i) => lines.push(`${block.kind === 'ul' ? '•' : `${block.start + i}.`} ${inlineText(parseInlines(item.join('\n'), true))}`));
  }
  return lines;
}

/** Description Markdown rewritten in the same subset: markup kept, anything else turned into text. */
export function sanitizeMarkdown(source: string): string {
  return parseBlocks(source)
    .map((block) => {
      if (block.kind === 'p') return inlineMarkdown(parseInlines(block.lines.join('\n'), true), '');
      return block.items
        .map((item, i) => {
          const marker = block.kind === 'ul' ? '- ' : `${block.start + i}. `;
          return marker + inlineMarkdown(parseInlines(item.join('\n'), true), ' '.repeat(marker.length));
        })
        .join('\n');
    })
    .join('\n\n');
}
