import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { CANVAS_KINDS, kindInfo, STARTER_KINDS, starterCanvas, validateCanvas } from '../../src/core';
import { canvasSnippet } from '../../src/core/completion/snippets';
import { yamlScalar } from '../../src/core/starter';

/**
 * Expands a VS Code snippet as inserted with its defaults: `${n:default}` is its default (the
 * first default written for n, also for its mirrors), `${n|a,b|}` its first choice, `$n`/`${n}`
 * the default of n or nothing. Escapes (`\$`, `\}`, `\\`) are undone.
 */
export function expandSnippet(snippet: string): string {
  const defaults = new Map<string, string>();
  const unescape = (t: string): string => t.replace(/\\([$}\\])/g, '$1');
  const placeholder = /\$\{(\d+):((?:[^}\\]|\\.)*)\}/g;
  for (const m of snippet.matchAll(placeholder)) if (!defaults.has(m[1])) defaults.set(m[1], unescape(m[2]));
  let out = '';
  const token = /\\([$}\\])|\$\{(\d+):((?:[^}\\]|\\.)*)\}|\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}|\$\{(\d+)\}|\$(\d+)/g;
  let last = 0;
  for (const m of snippet.matchAll(token)) {
    out += snippet.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) out += defaults.get(m[2]) ?? '';
    else if (m[4] !== undefined) out += m[5].split(/(?<!\\),/)[0].replace(/\\([$}\\,|])/g, '$1');
    else out += defaults.get(m[6] ?? m[7]) ?? '';
  }
  return out + snippet.slice(last);
}

function problems(text: string): string[] {
  return validateCanvas(text).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
}

describe('starter canvases', () => {
  it('every kind of the schema has a starter', () => {
    assert.deepEqual(CANVAS_KINDS, (kindInfo('lean').schema.properties?.canvas?.enum ?? []) as string[]);
    assert.ok(CANVAS_KINDS.length >= 1);
    assert.deepEqual(STARTER_KINDS, CANVAS_KINDS);
  });

  for (const kind of CANVAS_KINDS) {
    it(`${kind}: no problem of any severity (no error, warning, information or hint)`, () => {
      const text = starterCanvas(kind);
      assert.deepEqual(problems(text), []);
      const data = parse(text) as Record<string, unknown>;
      assert.equal(data.canvas, kind);
      assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
    });
  }

  it('business-model: every block in canvas order, its question as a comment over it', () => {
    const text = starterCanvas('business-model');
    const keys = [...text.matchAll(/^([a-z-]+):/gm)].map((m) => m[1]);
    assert.deepEqual(keys, ['canvas', 'title', 'description', 'version', 'key-partnerships', 'key-activities', 'key-resources', 'value-propositions', 'customer-relationships', 'channels', 'customer-segments', 'cost-structure', 'revenue-streams']);
    assert.ok(text.includes('\n# Who are our key partners and suppliers, and which resources and activities do we get from them?\nkey-partnerships:\n  - name: '));
    assert.ok(text.startsWith('# Business Model Canvas (business-model)\n'));
    assert.ok(text.includes('\ntitle: My business model\n'));
  });

  it('a given title, quoted when YAML needs it; Korean works', () => {
    const titleOf = (title: string): unknown => (parse(starterCanvas('business-model', { title })) as { title: unknown }).title;
    const korean = '서울 라이드헤일링';
    assert.ok(starterCanvas('business-model', { title: korean }).includes(`\ntitle: ${korean}\n`));
    assert.deepEqual(problems(starterCanvas('business-model', { title: korean })), []);
    for (const title of [korean, 'Acme: the plan', '# not a comment', 'yes', 'null', '123', '- dash', "it's \"quoted\"", 'two\nlines', ' padded ', '[x]', 'a #b', '@home', '$x }', '\\']) {
      assert.equal(titleOf(title), title, JSON.stringify(title));
      assert.deepEqual(problems(starterCanvas('business-model', { title })), [], JSON.stringify(title));
    }
    assert.equal(yamlScalar('Plain title'), 'Plain title');
    assert.equal(yamlScalar('true'), '"true"');
    // A blank title is no title: the default.
    assert.equal(titleOf('  '), 'My business model');
  });

  it('an unknown kind is a RangeError naming the kinds', () => {
    assert.throws(() => starterCanvas('leen'), { name: 'RangeError', message: 'no starter for canvas kind "leen" (known: business-model, lean, value-proposition)' });
    assert.throws(() => starterCanvas('toString'), RangeError);
  });
});

describe('the new-canvas snippet', () => {
  it('expanded with its defaults, it is the starter canvas: no problem at all', () => {
    const snippet = canvasSnippet()!;
    const text = expandSnippet(snippet.insertText);
    assert.equal(text, starterCanvas('business-model'));
    assert.deepEqual(problems(text), []);
  });

  for (const kind of ['lean', 'value-proposition']) {
    it(`${kind}: expanded with its defaults, it is the ${kind} starter: no problem at all`, () => {
      const text = expandSnippet(canvasSnippet(kind)!.insertText);
      assert.equal(text, starterCanvas(kind));
      assert.deepEqual(problems(text), []);
    });
  }

  it('the expander', () => {
    assert.equal(expandSnippet('a ${1:x} $1 ${1} ${2|p,q|} $0 \\$ \\} ${3:a\\}b}'), 'a x x x p  $ } a}b');
  });

  it('an id and the references to it are one placeholder (mirrors): renaming the id keeps the canvas valid', () => {
    const insert = canvasSnippet()!.insertText;
    const id = /id: \$\{(\d+):first-customers\}/.exec(insert);
    assert.ok(id);
    const uses = insert.split(`\${${id[1]}:first-customers}`).length - 1;
    assert.equal(uses, 5);
    const renamed = expandSnippet(insert.split(`\${${id[1]}:first-customers}`).join(`\${${id[1]}:commuters}`));
    assert.deepEqual(problems(renamed), []);
  });
});
