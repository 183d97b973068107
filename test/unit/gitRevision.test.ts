import * as assert from 'node:assert/strict';
import { REVISION_MESSAGES, revisionProblem } from '../../src/core';

describe('revisionProblem (what may reach git as one revision)', () => {
  it('accepts single revisions', () => {
    for (const rev of ['HEAD', 'HEAD~1', 'HEAD^', 'HEAD^2', 'main', 'origin/main', 'v1.0', '3ba659b', 'feature/a-b', 'HEAD@{1}', 'main:sub', '브랜치'])
      assert.equal(revisionProblem(rev), undefined, rev);
  });

  it('refuses options, exclusions, ranges, several commits, control characters, empty and over-long text', () => {
    assert.deepEqual(revisionProblem('--output=/tmp/x'), { template: REVISION_MESSAGES.option, args: [] });
    assert.deepEqual(revisionProblem('-p'), { template: REVISION_MESSAGES.option, args: [] });
    assert.deepEqual(revisionProblem('^HEAD'), { template: REVISION_MESSAGES.exclusion, args: [] });
    assert.deepEqual(revisionProblem('HEAD~1..HEAD'), { template: REVISION_MESSAGES.range, args: ['HEAD~1..HEAD'] });
    assert.deepEqual(revisionProblem('a...b'), { template: REVISION_MESSAGES.range, args: ['a...b'] });
    assert.deepEqual(revisionProblem('HEAD^@'), { template: REVISION_MESSAGES.several, args: ['HEAD^@'] });
    assert.deepEqual(revisionProblem('HEAD^!'), { template: REVISION_MESSAGES.several, args: ['HEAD^!'] });
    assert.deepEqual(revisionProblem('HEAD^-'), { template: REVISION_MESSAGES.several, args: ['HEAD^-'] });
    assert.deepEqual(revisionProblem('HEAD\n--output=x'), { template: REVISION_MESSAGES.control, args: [] });
    assert.deepEqual(revisionProblem('HEAD\u0000'), { template: REVISION_MESSAGES.control, args: [] });
    assert.deepEqual(revisionProblem(''), { template: REVISION_MESSAGES.empty, args: [] });
    assert.deepEqual(revisionProblem('a'.repeat(1025)), { template: REVISION_MESSAGES.tooLong, args: [] });
  });
});
