import * as assert from 'node:assert/strict';
import { DEFAULT_SEVERITIES, RULE_CODES, validateCanvas } from '../../src/core';
import { CLEAN, expectDiagnostics } from './helpers';

const UNSERVED = CLEAN.replace('    name: Fast pickup\n    segments: [riders]\n', '    name: Fast pickup\n    segments: []\n');

describe('severities', () => {
  it('every code of format.md has its documented default', () => {
    assert.deepEqual(RULE_CODES, [
      'yaml-syntax',
      'schema',
      'duplicate-id',
      'unknown-reference',
      'unserved-segment',
      'orphan-card',
      'segment-without-relationship',
      'unlinked-platform-side',
      'failed-segment-check',
      'empty-block',
      'unknown-canvas',
      'unrelieved-pain',
      'uncreated-gain',
    ]);
    assert.equal(DEFAULT_SEVERITIES['unserved-segment'], 'warning');
    assert.equal(DEFAULT_SEVERITIES['unrelieved-pain'], 'warning');
    assert.equal(DEFAULT_SEVERITIES['uncreated-gain'], 'information');
    assert.equal(DEFAULT_SEVERITIES['segment-without-relationship'], 'information');
    assert.equal(DEFAULT_SEVERITIES['empty-block'], 'hint');
  });

  it('can raise, lower or turn off each rule', () => {
    expectDiagnostics(UNSERVED, [['unserved-segment', 'error', '5:11-5:17'], ['orphan-card', 'hint', '9:11-9:22']], {
      severities: { 'unserved-segment': 'error', 'orphan-card': 'hint' },
    });
    expectDiagnostics(UNSERVED, [['orphan-card', 'information', '9:11-9:22']], {
      severities: { 'unserved-segment': 'off', 'orphan-card': 'information' },
    });
  });

  it('turns off schema and syntax problems too, when asked', () => {
    const broken = CLEAN.replace('type: mass-market', 'type: mass-markt');
    expectDiagnostics(broken, [], { severities: { schema: 'off' } });
    expectDiagnostics('a: [\n', [], { severities: { 'yaml-syntax': 'off' } });
  });

  it('ignores unknown settings values and unknown codes', () => {
    expectDiagnostics(UNSERVED, [['unserved-segment', 'warning', '5:11-5:17'], ['orphan-card', 'warning', '9:11-9:22']], {
      severities: { 'unserved-segment': 'loud' as never, 'no-such-rule': 'error' },
    });
  });

  it('lets the host localize every message through its templates', () => {
    const result = validateCanvas(UNSERVED, { localize: (template, args) => `[ko] ${template} ${args.join('|')}` });
    assert.equal(result.diagnostics[0].message, '[ko] Segment "{0}" is not served: no value proposition names it in its segments. Riders');
    assert.deepEqual(result.diagnostics[0].args, ['Riders']);
  });
});
