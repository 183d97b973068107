import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configCompletion, configHover, configSchema, mergeSeverities, parseConfig, RULE_CODES, validateCanvas } from '../../src/core';
import type { SeverityOverrides } from '../../src/core';
import { CLEAN, rangeOf } from './helpers';

// The configuration file .canvas-as-code.yaml (format.md, "Configuration file"): parseConfig's
// exact diagnostics, the generated JSON schema, precedence of the VS Code setting over the file.

const ROOT = join(__dirname, '../../..');

function problems(text: string): [string, string][] {
  return parseConfig(text).diagnostics.map((d) => [rangeOf(text, d.start, d.end), d.message]);
}

describe('parseConfig', () => {
  it('reads rules, ignore and max-file-size', () => {
    const text = 'rules:\n  empty-block: off\n  unserved-segment: error\nignore: ["drafts/**", ./old/*.canvas.yaml]\nmax-file-size: 100\n';
    const { config, diagnostics } = parseConfig(text);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config, { rules: { 'empty-block': 'off', 'unserved-segment': 'error' }, ignore: ['drafts/**', 'old/*.canvas.yaml'], maxFileSizeKB: 100 });
  });

  it('an empty file, a comment or empty sections are the defaults', () => {
    for (const text of ['', '# nothing\n', 'rules:\nignore:\n']) assert.deepEqual(parseConfig(text), { config: { rules: {}, ignore: [] }, diagnostics: [] });
  });

  it('an unknown rule name: at the name, with the closest rule', () => {
    const text = 'rules:\n  unserved-segmnt: error\n  zzz: off\n';
    assert.deepEqual(problems(text), [
      ['2:3-2:18', 'Unknown rule "unserved-segmnt". Did you mean "unserved-segment"?'],
      ['3:3-3:6', `Unknown rule "zzz". Rules: ${RULE_CODES.join(', ')}.`],
    ]);
    const d = parseConfig(text).diagnostics[0];
    assert.equal(d.code, 'config');
    assert.equal(d.severity, 'error');
    assert.equal(d.suggestion, 'unserved-segment');
  });

  it('a bad severity: at the value, with the closest severity; valid rules still apply', () => {
    const text = 'rules:\n  empty-block: warn\n  orphan-card: false\n  schema: hint\n';
    assert.deepEqual(problems(text), [
      ['2:16-2:20', '"warn" is not a valid severity for rule "empty-block". Did you mean "warning"? Allowed values: off, hint, information, warning, error.'],
      ['3:16-3:21', '"false" is not a valid severity for rule "orphan-card". Allowed values: off, hint, information, warning, error.'],
    ]);
    assert.deepEqual(parseConfig(text).config.rules, { schema: 'hint' });
  });

  it('an unknown top-level key, with the closest key', () => {
    assert.deepEqual(problems('rule:\n  schema: off\n'), [['1:1-1:5', 'Unknown key "rule" in the configuration. Did you mean "rules"? Allowed keys: rules, ignore, max-file-size.']]);
    assert.deepEqual(problems('colour: red\n'), [['1:1-1:7', 'Unknown key "colour" in the configuration. Allowed keys: rules, ignore, max-file-size.']]);
  });

  it('ignore must be a list of non-empty strings', () => {
    assert.deepEqual(problems('ignore: drafts/**\n'), [['1:9-1:18', 'ignore must be a list of globs, found text "drafts/**".']]);
    assert.deepEqual(problems('ignore:\n  - 3\n  - ""\n  - ok/**\n'), [
      ['2:5-2:6', 'Each ignore entry must be a glob (text), found the number 3.'],
      ['3:5-3:7', 'An ignore glob must not be empty.'],
    ]);
  });

  it('rules must be a mapping; max-file-size a whole number of KB', () => {
    assert.deepEqual(problems('rules: [schema]\n'), [['1:8-1:16', 'rules must be a mapping of rule names to severities, found a list.']]);
    assert.deepEqual(problems('max-file-size: -1\n'), [['1:16-1:18', 'max-file-size must be a whole number of KB (0: no limit), found -1.']]);
    assert.deepEqual(problems('max-file-size: 4 MB\n'), [['1:16-1:20', 'max-file-size must be a whole number of KB (0: no limit), found 4 MB.']]);
    assert.equal(parseConfig('max-file-size: 0\n').config.maxFileSizeKB, 0);
  });

  it('not a mapping, broken YAML, duplicate keys: errors at their place, never a throw', () => {
    assert.deepEqual(problems('- a\n'), [['1:1-1:4', 'The configuration must be a mapping of keys (rules, ignore, max-file-size), found a list.']]);
    const broken = parseConfig('rules:\n  schema: [off\n');
    assert.equal(broken.diagnostics.length > 0, true);
    assert.match(broken.diagnostics[0].message, /^YAML syntax error: /);
    const dup = parseConfig('rules:\n  schema: off\nrules:\n  schema: error\n');
    assert.match(dup.diagnostics[0].message, /^YAML syntax error: .*unique/i);
    assert.equal(rangeOf('rules:\n  schema: off\nrules:\n  schema: error\n', dup.diagnostics[0].start, dup.diagnostics[0].end).startsWith('3:1'), true);
  });
});

describe('config precedence', () => {
  it('the personal setting wins rule by rule over the file; the rest comes from the file', () => {
    assert.deepEqual(mergeSeverities({ 'empty-block': 'off', schema: 'warning' }, { schema: 'error' }), { 'empty-block': 'off', schema: 'error' });
    assert.deepEqual(mergeSeverities(undefined, undefined), {});
  });

  it('a rule turned off in the file removes its diagnostics', () => {
    const text = CLEAN.replace(/key-partnerships:.*\n/, '');
    const codes = (severities?: SeverityOverrides) => validateCanvas(text, { severities }).diagnostics.map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(codes(), ['empty-block:hint']);
    const file = parseConfig('rules:\n  empty-block: off\n').config.rules;
    assert.deepEqual(codes(file), []);
    assert.deepEqual(codes(mergeSeverities(file, { 'empty-block': 'error' })), ['empty-block:error']);
  });
});

describe('config schema and editor help', () => {
  it('schemas/canvas-config.schema.json is what the core generates (npm run build:schema), with every rule', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schemas/canvas-config.schema.json'), 'utf8'));
    assert.deepEqual(committed, JSON.parse(JSON.stringify(configSchema())));
    assert.deepEqual(Object.keys(committed.properties.rules.properties), [...RULE_CODES]);
    assert.equal(committed.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('package.json gives the schema to Red Hat YAML for the config file names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const entry = pkg.contributes.yamlValidation.find((v: { url: string }) => v.url === './schemas/canvas-config.schema.json');
    assert.deepEqual(entry?.fileMatch, ['.canvas-as-code.yaml', '.canvas-as-code.yml']);
  });

  it('completion offers keys, rule names and severities where they belong', () => {
    const labels = (text: string) => configCompletion(text, text.length).map((c) => c.label);
    assert.deepEqual(labels(''), ['rules', 'ignore', 'max-file-size']);
    assert.deepEqual(labels('rules:\n  '), [...RULE_CODES]);
    assert.deepEqual(labels('rules:\n  emp'), [...RULE_CODES]);
    assert.deepEqual(labels('rules:\n  empty-block: '), ['off', 'hint', 'information', 'warning', 'error']);
    assert.deepEqual(labels('ignore:\n  - '), []);
    const rule = configCompletion('rules:\n  emp', 'rules:\n  emp'.length).find((c) => c.label === 'empty-block')!;
    assert.deepEqual(rule.span, { start: 9, end: 12 });
  });

  it('hover explains rule names, severities and keys', () => {
    const text = 'rules:\n  empty-block: off\n';
    assert.match(configHover(text, text.indexOf('empty'))!.contents, /^\*\*empty-block\*\* — One of the blocks of the canvas's kind is missing or empty\..*Default: `hint`/s);
    assert.match(configHover(text, text.indexOf('off') + 1)!.contents, /^\*\*off\*\* — Not reported at all\./);
    assert.match(configHover(text, 1)!.contents, /^\*\*rules\*\*/);
    assert.equal(configHover(text, text.length), undefined);
  });
});
