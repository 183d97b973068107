/**
 * Every Markdown we write (the diff posted as a pull request comment, `render --format md`, the
 * descriptions rewritten into it) rendered as GitHub would, and checked on the HTML: text from a
 * canvas or a file name stays text. markdown-it stands in for GitHub's renderer, with raw HTML and
 * bare-URL autolinks on, as GitHub has them; GitHub's later passes (mentions, issue references,
 * math) work on the HTML's text, so the checks below look at its text nodes for what they find.
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { buildCanvasView, diffCanvases, diffToMarkdown, renderMarkdown, sanitizeMarkdown, validateCanvas } from '../../src/core';
import { visibleText } from '../../src/core/visibleText';

const md = new MarkdownIt({ html: true, linkify: true });
const ZWJ = '\u200d';

// ------------------------------------------------------------------------------------------------
// A small HTML reader, enough for markdown-it's output: it escapes <, >, & and " in text and
// attributes, so every literal '<' it writes starts markup (its own, or raw HTML passed through).

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const VOID = new Set(['br', 'img', 'hr', 'input', 'source', 'wbr']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/([A-Za-z][\w-]*)\s*>|<([A-Za-z][\w-]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<[!?][^>]*>?|<|[^<]+/g;
const ATTR = /([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name] ?? all;
  });
}

function parseHtml(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  for (const m of html.matchAll(TOKEN)) {
    const top = stack[stack.length - 1];
    const [all, close, open, attrText] = m;
    if (close) {
      const at = stack.map((e) => e.tag).lastIndexOf(close.toLowerCase());
      if (at > 0) stack.length = at;
      else top.children.push({ tag: `#stray-close-${close}`, attrs: {}, children: [] });
    } else if (open) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR)) attrs[a[1].toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
      const element: Element = { tag: open.toLowerCase(), attrs, children: [] };
      top.children.push(element);
      if (!VOID.has(element.tag) && !all.endsWith('/>')) stack.push(element);
    } else if (all.startsWith('<!--')) top.children.push({ tag: '#comment', attrs: {}, children: [] });
    else if (all.startsWith('<')) top.children.push({ tag: `#markup ${all}`, attrs: {}, children: [] });
    else top.children.push(decode(all));
  }
  return root;
}

function* elements(node: Element): Generator<Element> {
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    yield child;
    yield* elements(child);
  }
}

/** Every text node with the tags of the elements around it. */
function* textNodes(node: Element, around: string[] = []): Generator<{ text: string; around: string[] }> {
  for (const child of node.children) {
    if (typeof child === 'string') yield { text: child, around };
    else yield* textNodes(child, [...around, child.tag]);
  }
}

/** The text a reader sees: `<br>` as a line break, zero-width joiners left out, whitespace runs as one space. */
function visible(node: Node): string {
  const raw = (n: Node): string => (typeof n === 'string' ? n : n.tag === 'br' ? '\n' : n.children.map(raw).join(''));
  return normal(raw(node));
}

function normal(text: string): string {
  return text.replaceAll(ZWJ, '').replace(/\s+/g, ' ').trim();
}

// ------------------------------------------------------------------------------------------------
// What our Markdown may render to

/** Elements our writers emit (markdown-it writes strikethrough as <s>, GitHub as <del>). */
const OURS = new Set(['h1', 'h2', 'h3', 'p', 'strong', 'em', 's', 'ul', 'ol', 'li', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'span', 'a']);

/** Patterns GitHub acts on in text outside code: mentions, issue references, e-mail autolinks. */
const GITHUB_TEXT = [/@[A-Za-z0-9]/, /#\d/, /\bGH-\d/i, /[A-Za-z0-9._%+-]@/];

function assertInert(html: string, label: string): Element {
  const root = parseHtml(html);
  const where = `${label}\n${html}`;
  for (const el of elements(root)) {
    assert.ok(OURS.has(el.tag), `element <${el.tag}> in ${where}`);
    const attrs = Object.keys(el.attrs);
    if (el.tag === 'a') {
      assert.deepEqual(attrs, ['href'], where);
      assert.match(el.attrs.href, /^https?:\/\/[^/]/i, where);
    } else if (el.tag === 'ol') assert.ok(attrs.every((a) => a === 'start'), where);
    else assert.deepEqual(attrs, [], `attributes on <${el.tag}> in ${where}`);
    // Our one span holds a dollar sign, so GitHub's math never sees two in one run of text.
    if (el.tag === 'span') assert.deepEqual(el.children, ['$'], where);
  }
  for (const { text, around } of textNodes(root)) {
    // Nothing invisible that could reorder or hide what a line says, code included.
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/, `${JSON.stringify(text)} in ${where}`);
    if (around.includes('code')) continue;
    for (const pattern of GITHUB_TEXT) assert.doesNotMatch(text, pattern, `${JSON.stringify(text)} in ${where}`);
    if (text.includes('$')) assert.equal(text === '$' && around[around.length - 1] === 'span', true, `${JSON.stringify(text)} in ${where}`);
  }
  // Every table keeps its columns: as many cells in each row as in its header.
  for (const table of [...elements(root)].filter((e) => e.tag === 'table')) {
    const rows = [...elements(table)].filter((e) => e.tag === 'tr');
    const widths = rows.map((row) => row.children.filter((c) => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')).length);
    assert.ok(widths.every((w) => w === widths[0]), `table widths ${widths} in ${where}`);
  }
  return root;
}

function rows(root: Element): string[][] {
  return [...elements(root)]
    .filter((e) => e.tag === 'tr')
    .map((tr) => tr.children.filter((c): c is Element => typeof c !== 'string').map((cell) => visible(cell)));
}

// ------------------------------------------------------------------------------------------------
// The hostile corpus: each string goes everywhere a canvas or the user can put text.

const CORPUS = [
  '<img src=x onerror=alert(1)>',
  'before <!-- hides the rest',
  '--></p><!--',
  '<script>alert(1)</script>',
  '<details><summary>open me',
  '@everyone look',
  'cc @org/team and @kim',
  '&#64;everyone and \\@everyone',
  'kim@example.com',
  'Fixes #123 and owner/repo#1 and GH-1',
  '# Heading',
  '## Heading ##',
  '- list',
  '+ list',
  '* list',
  '> quote',
  '> [!WARNING]',
  '1. first',
  '2) second',
  '***',
  '---',
  '===',
  '~~~',
  '```js',
  '    indented code',
  'price $x$ and $$',
  '$$',
  '$`x`$',
  '[a](javascript:alert(1))',
  '[a](https://ok.example/a)',
  '![img](https://ok.example/x.png)',
  '<javascript:alert(1)>',
  '<https://ok.example>',
  'see https://ok.example/a#1 and www.ok.example',
  'ftp://files.example/x and //evil.example/x',
  'mailto:kim@example.com',
  '[x]: javascript:alert(1)',
  'a | b | c',
  '|',
  'back`tick',
  '``double``',
  '`',
  'back\\slash\\',
  'C:\\work\\a.canvas.yaml',
  'two\nlines',
  'line\n# heading\n- item\n> quote',
  '[^1]',
  '[^1]: footnote',
  '*em* _em_ **strong** ~~strike~~',
  '&amp; &lt;b&gt;',
  'snake_case __dunder__ _em_ a_b_ https://ok.example/?a=1&b=2_c',
  '&#x40;everyone &commat;everyone &#35;1',
  '[ ] task',
  '서울 병원: 외국인 환자 (예약) @김 #1',
  'bidi \u202eevil\u202c and \u2066isolate\u2069',
  'esc \u001b[31mred\u001b[0m bell\u0007 csi\u009b2J',
  'Plan @everyone',
];

const PLAIN = `canvas: business-model
title: Plain plan
customer-segments:
  - id: riders
    name: Riders
  - id: plain-id
    name: Plain
value-propositions:
  - id: vp
    name: Fast
    segments: [riders]
key-activities:
  - Hiring
`;

function hostile(text: string): string {
  const q = JSON.stringify(text);
  return `canvas: business-model
title: ${q}
description: ${q}
customer-segments:
  - id: riders
    name: ${q}
    tags: [${q}, plain]
    status: ${q}
    ${JSON.stringify('x-' + text)}: ${q}
  - id: ${q}
    name: Plain
value-propositions:
  - id: vp
    name: Fast
    type: ${q}
    segments: [riders, ${q}]
    ${q}: unknown key
key-activities:
  - ${q}
`;
}

function diffMarkdown(oldText: string, newText: string, file?: string): string {
  return diffToMarkdown(diffCanvases(validateCanvas(oldText).model, validateCanvas(newText).model), { file });
}

describe('Markdown safety: our Markdown rendered as GitHub would', () => {
  it('the diff: exact Markdown and HTML for a hostile card', () => {
    const added = PLAIN.replace('key-activities:\n', 'key-activities:\n  - id: "a`b"\n    name: "@everyone <b>x</b> #1 costs $5 | ok"\n');
    const out = diffMarkdown(PLAIN, added, 'plans/a`b.canvas.yaml');
    assert.equal(
      out,
      '### ``plans/a`b.canvas.yaml``\n\n**Canvas changes:** 1 added, 0 removed, 0 changed, 0 moved\n\n**Key Activities**\n' +
        `- **added** @${ZWJ}everyone \\<b\\>x\\</b\\> #${ZWJ}1 costs <span>$</span>5 \\| ok (\`\`a\`b\`\`)\n`,
    );
    assert.equal(
      md.render(out),
      '<h3><code>plans/a`b.canvas.yaml</code></h3>\n<p><strong>Canvas changes:</strong> 1 added, 0 removed, 0 changed, 0 moved</p>\n<p><strong>Key Activities</strong></p>\n<ul>\n' +
        `<li><strong>added</strong> @${ZWJ}everyone &lt;b&gt;x&lt;/b&gt; #${ZWJ}1 costs <span>$</span>5 | ok (<code>a\`b</code>)</li>\n</ul>\n`,
    );
  });

  it('the diff: field names, values and list items are escaped as well as card names', () => {
    const next = PLAIN.replace('    name: Riders\n', '    name: Riders\n    "x-<img src=x onerror=alert(1)>": "@kim $x$"\n    tags: ["`t`"]\n');
    assert.equal(
      md.render(diffMarkdown(PLAIN, next)),
      '<p><strong>Canvas changes:</strong> 0 added, 0 removed, 1 changed, 0 moved</p>\n<p><strong>Customer Segments</strong></p>\n<ul>\n' +
        `<li>changed Riders (<code>riders</code>): tags +<code>\`t\`</code>; x-&lt;img src=x onerror=alert(1)&gt;: <s><em>none</em></s> → <strong>@${ZWJ}kim <span>$</span>x<span>$</span></strong></li>\n</ul>\n`,
    );
  });

  it('render --format md: exact HTML for a small hostile canvas', () => {
    const text = 'canvas: business-model\ntitle: "Plan @everyone #2"\ndescription: "**Hi** @team, see [docs](https://example.com/a), [x](javascript:alert(1)) and `$x$`"\nchannels:\n  - name: "a|b\\n# c"\n    tags: ["$x$"]\n';
    const html = md.render(renderMarkdown(buildCanvasView(validateCanvas(text))));
    const start = html.indexOf('<h2>Channels</h2>');
    assert.equal(
      html.slice(0, html.indexOf('<h2>')),
      `<h1>Plan @${ZWJ}everyone #${ZWJ}2</h1>\n<p><em>Business Model Canvas</em></p>\n<p><strong>Hi</strong> @${ZWJ}team, see <a href="https://example.com/a">docs</a>, x and <code>$x$</code></p>\n`,
    );
    assert.equal(
      html.slice(start, html.indexOf('<h2>', start + 1)),
      '<h2>Channels</h2>\n<table>\n<thead>\n<tr>\n<th>Card</th>\n<th>Type</th>\n<th>Status</th>\n<th>Segments</th>\n<th>Tags</th>\n</tr>\n</thead>\n<tbody>\n' +
        '<tr>\n<td>a|b<br># c</td>\n<td></td>\n<td></td>\n<td></td>\n<td><span>$</span>x<span>$</span></td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('descriptions: the safe subset survives, everything else is text', () => {
    const source = '# Title @team\n\nSee #12, $5 and $6, <img src=x onerror=alert(1)> [a](https://ok.example/) <https://ok.example>\n- one `@x` [^1]\n- two\n\n> quote';
    assert.equal(
      md.render(sanitizeMarkdown(source)),
      `<p># Title @${ZWJ}team</p>\n<p>See #${ZWJ}12, <span>$</span>5 and <span>$</span>6, &lt;img src=x onerror=alert(1)&gt; <a href="https://ok.example/">a</a> &lt;<a href="https://ok.example">https://ok.example</a>&gt;</p>\n` +
        '<ul>\n<li>one <code>@x</code> [^1]</li>\n<li>two</li>\n</ul>\n<p>&gt; quote</p>\n',
    );
  });

  it('the hostile corpus stays text everywhere: diff (both ways) and render, file names included', () => {
    for (const text of CORPUS) {
      const label = JSON.stringify(text);
      // Invisible characters (bidi overrides and the like) show as the terminal shows them, and
      // characters no document may hold as U+FFFD.
      const shown = (t: string) => normal(t.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, visibleText).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd'));
      const expected = shown(text);
      for (const [oldText, newText] of [
        [PLAIN, hostile(text)],
        [hostile(text), PLAIN],
      ]) {
        const out = diffMarkdown(oldText, newText, `plans/${text}.canvas.yaml`);
        const root = assertInert(md.render(out), `diff of ${label}:\n${out}`);
        const seen = visible(root);
        assert.ok(seen.includes(expected), `diff of ${label} shows ${JSON.stringify(seen)}`);
        assert.ok(seen.includes(shown(`plans/${text}.canvas.yaml`)), `file name ${label}`);
        // The title, name, status, key, value and id all show the text.
        assert.ok(seen.split(expected).length - 1 >= 6, `diff of ${label} shows it too few times: ${JSON.stringify(seen)}`);
      }
      const out = renderMarkdown(buildCanvasView(validateCanvas(hostile(text))));
      const root = assertInert(md.render(out), `render of ${label}:\n${out}`);
      const heading = [...elements(root)].find((e) => e.tag === 'h1');
      assert.equal(heading && visible(heading), expected, `title ${label}`);
      const table = rows(root);
      assert.ok(table.every((row) => row.length === 5), `render of ${label}: ${JSON.stringify(table)}`);
      assert.ok(table.some((row) => row[0] === expected && row[2] === expected && row[4] === `${expected}, plain`), `render of ${label}: ${JSON.stringify(table)}`);
      assert.ok(table.some((row) => row[0] === expected && row[1] === '' && row[3] === ''), `render of ${label}: ${JSON.stringify(table)}`);
    }
  });

  it('descriptions of the hostile corpus render only our subset', () => {
    for (const text of CORPUS) assertInert(md.render(sanitizeMarkdown(text)), `description ${JSON.stringify(text)}`);
    assertInert(md.render(sanitizeMarkdown(CORPUS.join('\n'))), 'all lines');
    assertInert(md.render(sanitizeMarkdown(CORPUS.join('\n\n'))), 'all paragraphs');
  });

  it('Korean and ordinary punctuation stay as they are in the Markdown itself', () => {
    const out = diffMarkdown(PLAIN, PLAIN.replace('name: Riders', 'name: "서울 병원: 외국인 환자 (예약), 50%! \\"ok\\" a.b/c; d?"'));
    assert.ok(out.includes('name: ~~Riders~~ → **서울 병원: 외국인 환자 (예약), 50%! "ok" a.b/c; d?**'), out);
  });
});
