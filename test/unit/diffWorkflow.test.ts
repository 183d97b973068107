import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '../../..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe('docs/canvas-review.yml (GitHub Actions recipe)', () => {
  const workflow = parse(readFileSync(join(ROOT, 'docs/canvas-review.yml'), 'utf8'));
  const steps: Step[] = workflow.jobs.canvas.steps;

  it('runs on pull requests touching canvas files, allowed to comment', () => {
    assert.ok(workflow.on.pull_request.paths.includes('**/*.canvas.yaml'));
    assert.equal(workflow.permissions['pull-requests'], 'write');
  });

  it('checks out the full history, validates, diffs against the base and comments', () => {
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    assert.match(runs, /npx canvas-as-code validate /);
    assert.match(runs, /npx canvas-as-code diff "git:\$BASE:\$file" "\$file" --format md/);
    assert.match(runs, /gh pr comment /);
    const diffStep = steps.find((s) => s.run?.includes('canvas-as-code diff')) as Step & { env: Record<string, string> };
    assert.equal(diffStep.env.BASE, '${{ github.event.pull_request.base.sha }}');
  });

  it('the validate step turns CLI output into annotations on the right lines', function () {
    const step = steps.find((s) => s.run?.includes('canvas-as-code validate'))!;
    const dir = mkdtempSync(join(tmpdir(), 'canvas-workflow-'));
    copyFileSync(join(ROOT, 'test/fixtures/broken/typos.canvas.yaml'), join(dir, 'typos.canvas.yaml'));
    const script = step.run!.replace(/npx canvas-as-code/g, `node ${JSON.stringify(join(ROOT, 'bin/canvas-as-code.js'))}`);
    const result = spawnSync('bash', ['-e', '-c', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 1, 'errors fail the step');
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 6);
    assert.equal(
      lines[1],
      '::error file=typos.canvas.yaml,line=7,col=11,title=schema::"mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
    );
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=typos\.canvas\.yaml,line=\d+,col=\d+,title=[a-z-]+::/.test(l)));
  });
});
