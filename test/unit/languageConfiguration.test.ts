// language-configuration.json's onEnterRules, evaluated the way VS Code's enter action does
// (autoIndent "advanced" or "full", the default): the first rule whose beforeText matches the text
// before the cursor wins; the new line gets the line's indentation, one indent unit for "indent"
// (a tab, normalized to the next tab stop), then appendText. The integration suite types Enter in
// a real editor to check the same thing end to end (onEnter.test.ts).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string };
}

const ROOT = join(__dirname, '../../..');
const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')) as {
  onEnterRules: OnEnterRule[];
  indentationRules: { increaseIndentPattern: string };
};
const TAB_SIZE = 2; // the [canvas-yaml] configurationDefaults

function ruleFor(line: string): OnEnterRule | undefined {
  return config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line) && (!r.afterText || new RegExp(r.afterText).test('')));
}

/** VS Code's normalizeIndentation with insertSpaces: leading whitespace to spaces, tabs to the next tab stop. */
function normalize(whitespace: string): string {
  let column = 0;
  for (const ch of whitespace) column = ch === '\t' ? (Math.floor(column / TAB_SIZE) + 1) * TAB_SIZE : column + 1;
  return ' '.repeat(column);
}

/** The indentation of the line Enter opens after `line` (cursor at its end), or undefined when no rule applies. */
function indentAfter(line: string): string | undefined {
  const rule = ruleFor(line);
  if (!rule) return undefined;
  const indentation = /^\s*/.exec(line)![0];
  let append = rule.action.appendText ?? '';
  if (rule.action.indent === 'indent' || rule.action.indent === 'indentOutdent') append = '\t' + append;
  return normalize(indentation + append);
}

describe('language configuration: Enter', () => {
  it('the file is valid JSON with the rules VS Code expects', () => {
    assert.ok(config.onEnterRules.length > 0);
    for (const rule of config.onEnterRules) {
      assert.doesNotThrow(() => new RegExp(rule.beforeText), rule.beforeText);
      assert.ok(['none', 'indent', 'outdent', 'indentOutdent'].includes(rule.action.indent), rule.beforeText);
    }
  });

  it("after a card's first line, continues the card's fields under its first key", () => {
    assert.equal(indentAfter('  - name: Urban riders'), '    ');
    assert.equal(indentAfter('  - id: riders'), '    ');
    assert.equal(indentAfter('- id: riders'), '  ');
    assert.equal(indentAfter('      - basis: geographic'), '        ');
    assert.equal(indentAfter('  - name: Urban riders   # the main segment'), '    ');
    assert.equal(indentAfter('  - segments: [riders, drivers]'), '    ');
    assert.equal(indentAfter("  - name: 'Fast: pickup'"), '    ');
    assert.equal(indentAfter('  - name: "Fast pickup"'), '    ');
  });

  it('after a key with nothing after it, indents one level (a list item key: one level under the key)', () => {
    assert.equal(indentAfter('customer-segments:'), '  ');
    assert.equal(indentAfter('customer-segments:   '), '  ');
    assert.equal(indentAfter('customer-segments: # the customers'), '  ');
    assert.equal(indentAfter('customer-segments: &segments'), '  ');
    assert.equal(indentAfter('    segmentation:'), '      ');
    assert.equal(indentAfter('  - segmentation:'), '      ');
    assert.equal(indentAfter('  - checks: # all six'), '      ');
  });

  it('after a block scalar header, indents its text one level', () => {
    assert.equal(indentAfter('description: |'), '  ');
    assert.equal(indentAfter('    notes: >-'), '      ');
    assert.equal(indentAfter('  - description: |2'), '      ');
  });

  it('leaves other lines to the indentation rules (same indentation)', () => {
    for (const line of [
      '',
      'canvas: business-model',
      '    name: Urban riders',
      '    type: multi-sided-platform',
      '  - riders',
      '  - "quoted: scalar"',
      '  - http://example.com',
      '# key:',
      '  # - name: commented out',
      '  -name: not a list item',
    ]) {
      assert.equal(ruleFor(line), undefined, `no rule for ${JSON.stringify(line)}`);
    }
    // A plain scalar after "- key:" is a value, even with a colon in it: the card continues.
    assert.equal(indentAfter('  - url: http://example.com:8080'), '    ');
  });

  it('a plain value line does not trigger the increase-indent pattern either', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    assert.equal(increase.test('    name: Urban riders'), false);
    assert.equal(increase.test('  - name: Urban riders'), false);
  });
});
