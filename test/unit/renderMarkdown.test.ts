import * as assert from 'node:assert/strict';
import { escapeHtml, markdownCell, markdownCode, markdownHeading, markdownText, markdownToHtml, markdownToText, safeHref, sanitizeMarkdown } from '../../src/core';

function html(cases: [source: string, expected: string][]): void {
  for (const [source, expected] of cases) assert.equal(markdownToHtml(source), expected, JSON.stringify(source));
}

describe('render: safe Markdown', () => {
  it('escapes text for HTML and XML, replacing characters no document may hold', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(escapeHtml('a\u0000b\u0008c\u000bd\u001fe\tf\ng\rh'), 'a\ufffdb\ufffdc\ufffdd\ufffde\tf\ng\rh');
    assert.equal(escapeHtml('\ud800 x \udc00 😀 \uffff'), '\ufffd x \ufffd 😀 \ufffd');
    assert.equal(escapeHtml(']]>'), ']]&gt;');
  });

  it('renders paragraphs, soft line breaks and blank lines', () => {
    html([
      ['', ''],
      ['One line.', '<p>One line.</p>'],
      ['First line\nsecond line\n\nNext paragraph.\n', '<p>First line\nsecond line</p>\n<p>Next paragraph.</p>'],
      ['  indented  \r\n\r\n\r\nCRLF', '<p>indented</p>\n<p>CRLF</p>'],
    ]);
  });

  it('renders strong, emphasis and code, nested and intraword as CommonMark does', () => {
    html([
      ['**bold** and __bold__', '<p><strong>bold</strong> and <strong>bold</strong></p>'],
      ['*it* and _it_', '<p><em>it</em> and <em>it</em></p>'],
      ['***both***', '<p><em><strong>both</strong></em></p>'],
      ['**a *b* c**', '<p><strong>a <em>b</em> c</strong></p>'],
      ['*a **b** c*', '<p><em>a <strong>b</strong> c</em></p>'],
      ['snake_case_name', '<p>snake_case_name</p>'],
      ['un*frigging*believable', '<p>un<em>frigging</em>believable</p>'],
      ['** not bold **', '<p>** not bold **</p>'],
      ['**unclosed and *half', '<p>**unclosed and *half</p>'],
      ['\\*literal\\* and \\_too\\_', '<p>*literal* and _too_</p>'],
      ['`code` and `` a`b `` and `<b>`', '<p><code>code</code> and <code>a`b</code> and <code>&lt;b&gt;</code></p>'],
      ['`**not bold**`', '<p><code>**not bold**</code></p>'],
      ['`unclosed code', '<p>`unclosed code</p>'],
    ]);
  });

  it('renders bullet and numbered lists, with continuation lines', () => {
    html([
      ['- one\n- two', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>'],
      ['* one\n+ two', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>'],
      ['1. one\n2. **two**', '<ol>\n<li>one</li>\n<li><strong>two</strong></li>\n</ol>'],
      ['3) three\n4) four', '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>'],
      ['Intro:\n- a\n  continued\nAfter', '<p>Intro:</p>\n<ul>\n<li>a\ncontinued</li>\n</ul>\n<p>After</p>'],
      ['- a\n\n- b', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'],
      ['- a\n1. b', '<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>'],
      ['-not a list', '<p>-not a list</p>'],
    ]);
  });

  it('links only http(s) targets, with rel="noopener noreferrer"; other targets leave the text', () => {
    html([
      ['[site](https://example.com/a?b=1&c=2)', '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">site</a></p>'],
      ['[*em* link](http://x.org/(paren) "title")', '<p><a href="http://x.org/(paren)" rel="noopener noreferrer"><em>em</em> link</a></p>'],
      ['[js](javascript:alert(1))', '<p>js</p>'],
      ['[js](JaVaScRiPt:alert(1))', '<p>js</p>'],
      ['[js]( javascript:alert(1))', '<p>js</p>'],
      ['[data](data:text/html;base64,PHNjcmlwdD4=)', '<p>data</p>'],
      ['[vb](vbscript:msgbox)', '<p>vb</p>'],
      ['[rel](/relative/path)', '<p>rel</p>'],
      ['[proto](//evil.example)', '<p>proto</p>'],
      ['[tab](java\tscript:alert(1))', '<p>[tab](java\tscript:alert(1))</p>'],
      ['[esc](https://x.org/\\"onmouseover=alert(1))', '<p>esc</p>'],
      ['[quote](https://e.com" onclick="a)', '<p>[quote](https://e.com&quot; onclick=&quot;a)</p>'],
      ['[outer [inner](https://a.b)](https://c.d)', '<p>[outer <a href="https://a.b" rel="noopener noreferrer">inner</a>](https://c.d)</p>'],
      ['![img](https://tracker.example/pixel.png)', '<p>!<a href="https://tracker.example/pixel.png" rel="noopener noreferrer">img</a></p>'],
      ['[no target]', '<p>[no target]</p>'],
      ['https://bare.example stays text', '<p>https://bare.example stays text</p>'],
    ]);
    assert.equal(safeHref('https://ok.example/path#frag'), 'https://ok.example/path#frag');
    assert.equal(safeHref('http://'), undefined);
    assert.equal(safeHref('https://a.b/\u0000'), undefined);
  });

  it('lets no raw HTML through', () => {
    html([
      ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
      ['"><img src=x onerror=alert(1)>', '<p>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>'],
      ['<svg onload=alert(1)>', '<p>&lt;svg onload=alert(1)&gt;</p>'],
      ['**<b>bold</b>**', '<p><strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>'],
      ['<!-- comment --> &amp; &#60;', '<p>&lt;!-- comment --&gt; &amp;amp; &amp;#60;</p>'],
      ["it's ]]> \u0001", '<p>it&#39;s ]]&gt; \ufffd</p>'],
      ['# Heading\n> quote\n---', '<p># Heading\n&gt; quote\n---</p>'],
    ]);
  });

  it('gives the plain text of each paragraph and list item', () => {
    assert.deepEqual(markdownToText('A **bold** [link](https://a.b) and `code`\nwrapped.\n\n- one\n- *two*\n\n3. three'), [
      'A bold link and code wrapped.',
      '• one',
      '• two',
      '3. three',
    ]);
    assert.deepEqual(markdownToText('<script>x</script>'), ['<script>x</script>']);
    assert.deepEqual(markdownToText(''), []);
  });

  it('rewrites Markdown in the same subset: markup kept, raw HTML and unsafe links turned into text', () => {
    assert.equal(sanitizeMarkdown('A **bold** *it* `c|d` [l](https://a.b/(x))\nnext'), 'A **bold** *it* `c|d` [l](https://a.b/%28x%29)\nnext');
    assert.equal(sanitizeMarkdown('- one\n- two\n  more\n\n2. x'), '- one\n- two\n  more\n\n2. x');
    assert.equal(sanitizeMarkdown('<script>alert(1)</script> [x](javascript:alert(1))'), '\\<script\\>alert(1)\\</script\\> x');
    // Lines that would start a heading, quote or rule elsewhere stay text; lists are written anew.
    assert.equal(sanitizeMarkdown('# not a heading\n> not a quote\n1. list\n---'), '\\# not a heading\n\\> not a quote\n\n1. list\n\n\\---');
    assert.equal(sanitizeMarkdown('text\n---\n+ item\n1986. A great year'), 'text\n\\---\n\n- item\n\n1986. A great year');
  });

  it('escapes Markdown specials in plain text, and nothing else', () => {
    const S = '<span>$</span>';
    const Z = '\u200d';
    assert.equal(markdownText('a|b *c* _d_ [e](f) <g> `h` ~i~ $j$ \\ &amp; & x'), `a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\\`h\\\` \\~i\\~ ${S}j${S} \\\\ \\&amp; & x`);
    // Only where it could be markup: an intraword _ never is, nor an & that starts no entity.
    assert.equal(markdownText('snake_case _x a_ 한_글 ?a=1&b=2 & &lt; &#64; &#x40;'), `snake_case \\_x a\\_ 한_글 ?a=1&b=2 & \\&lt; \\&#${Z}64; \\&#x40;`);
    // GitHub's mentions, references and e-mail autolinks: a zero-width joiner after the @ or #.
    assert.equal(markdownText('@everyone @org/team kim@example.com #12 owner/repo#3 GH-4 a@ # x'), `@${Z}everyone @${Z}org/team kim${Z}@${Z}example.com #${Z}12 owner/repo#${Z}3 GH-${Z}4 a@ # x`);
    // Autolinks: http(s) kept, ftp and scheme-relative broken.
    assert.equal(markdownText('https://a.example/x http://b.example ftp://c.example //d.example'), `https://a.example/x http://b.example ftp:/${Z}/c.example /${Z}/d.example`);
    // Blocks at the start of a line; line breaks become spaces.
    assert.equal(markdownText('# h'), '\\# h');
    assert.equal(markdownText('- l'), '\\- l');
    assert.equal(markdownText('+ l'), '\\+ l');
    assert.equal(markdownText('1. l'), '1\\. l');
    assert.equal(markdownText('12) l'), '12\\) l');
    assert.equal(markdownText('3.5 stars'), '3.5 stars');
    assert.equal(markdownText('==='), '\\===');
    assert.equal(markdownText('a\n# b\r\n> c'), 'a # b \\> c');
    // Invisible characters made visible as in the terminal (their backslash escaped for Markdown);
    // characters no document may hold as U+FFFD.
    assert.equal(markdownText('abc\u202edef\u2066 \u009b\u2028x'), 'abc\\\\u202edef\\\\u2066 \\\\x9b\\\\u2028x');
    assert.equal(markdownText('esc\u001b[31m'), 'esc\ufffd\\[31m');
    // Korean and ordinary punctuation as they are.
    assert.equal(markdownText('서울 병원: 환자(외국인), 예약 - 50%! "ok" \'y\' a.b/c; d?'), '서울 병원: 환자(외국인), 예약 - 50%! "ok" \'y\' a.b/c; d?');
  });

  it('escapes table cells, code spans and headings', () => {
    assert.equal(markdownCell(' a|b\nnext\r\n- c '), 'a\\|b<br>next<br>- c');
    assert.equal(markdownCode('plain'), '`plain`');
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`a``'), '``` `a`` ```');
    assert.equal(markdownCode(' a'), '`  a `');
    assert.equal(markdownCode('a\nb'), '`a b`');
    assert.equal(markdownCode(''), '` `');
    assert.equal(markdownCode('a|b', true), '`a\\|b`');
    assert.equal(markdownCode('bidi\u202eLMTH.canvas.yaml'), '`bidi\\u202eLMTH.canvas.yaml`');
    assert.equal(markdownHeading(2, ' Plan #1 @team \n# x ##'), '## Plan #\u200d1 @\u200dteam # x \\#\\#');
    assert.equal(markdownHeading(1, '# x'), '# # x');
  });

  it('stays fast on pathological input', () => {
    const inputs = ['*a '.repeat(20000), '**'.repeat(30000), '[a](x '.repeat(10000), '`'.repeat(2000) + 'x`'.repeat(10000), '[[[[['.repeat(10000), '_a*'.repeat(20000), '[a](https://x "'.repeat(5000)];
    for (const input of inputs) {
      const started = performance.now();
      markdownToHtml(input);
      sanitizeMarkdown(input);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 1500, `${JSON.stringify(input.slice(0, 12))}… took ${elapsed.toFixed(0)} ms`);
    }
  });
});
