import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCanvasView, renderMarkdown, validateCanvas } from '../../src/core';

const ROOT = join(__dirname, '../../..');

function markdownOf(text: string): string {
  return renderMarkdown(buildCanvasView(validateCanvas(text)));
}

const SMALL = `canvas: business-model
title: Small | canvas
description: |
  Rides for **Seoul**.
  <b>raw</b>
customer-segments:
  - id: riders
    name: Riders
    type: multi-sided-platform
    linked: [drivers]
    status: validated
  - id: drivers
    name: Drivers
    type: multi-sided-platform
    linked: [riders]
value-propositions:
  - id: fast
    name: "Fast | cheap"
    type: performance
    segments: [riders, drivers]
    tags: [mvp, "a|b"]
channels:
  - name: "Two\\nlines"
    segments: [riders]
customer-relationships:
  - name: Help
    segments: [riders, drivers]
key-resources: [Drivers]
key-activities: [Matching]
key-partnerships: [Insurers]
cost-structure: [Incentives]
revenue-streams:
  - name: Fees
    segments: [riders]
`;

const HEAD = '| Card | Type | Status | Segments | Tags |\n| --- | --- | --- | --- | --- |';

describe('render: Markdown export', () => {
  it('writes the title, the kind, the description, then a table per block in canvas order', () => {
    assert.equal(
      markdownOf(SMALL),
      `# Small \\| canvas

*Business Model Canvas*

Rides for **Seoul**.
\\<b\\>raw\\</b\\>

## Key Partnerships

${HEAD}
| Insurers | | | | |

## Key Activities

${HEAD}
| Matching | | | | |

## Key Resources

${HEAD}
| Drivers | | | | |

## Value Propositions

${HEAD}
| Fast \\| cheap | Performance | | Riders, Drivers | mvp, a\\|b |

## Customer Relationships

${HEAD}
| Help | | | Riders, Drivers | |

## Channels

${HEAD}
| Two<br>lines | | | Riders | |

## Customer Segments

${HEAD}
| Riders | Multi-sided platform | Validated | Drivers | |
| Drivers | Multi-sided platform | | Riders | |

## Cost Structure

${HEAD}
| Incentives | | | | |

## Revenue Streams

${HEAD}
| Fees | | | Riders | |
`,
    );
  });

  it('shows the guiding question for an empty block and lists the problems', () => {
    const md = markdownOf('canvas: business-model\ntitle: Half\nchannels:\n  - name: App\n    segments: [ghost]\n');
    assert.ok(md.startsWith('# Half\n\n*Business Model Canvas*\n\n## Key Partnerships\n\n*Who are our key partners and suppliers, and which resources and activities do we get from them?*\n\n'), md);
    assert.ok(md.includes('\n## Channels\n\n' + HEAD + '\n| App | | | | |\n'));
    assert.match(md, /\n## Problems \(\d+\)\n\n(- .*\n)+$/);
    assert.ok(md.includes('\n- Error, line 5, column 16: '));
    assert.ok(md.includes(' (unknown-reference)\n'));
    assert.equal(markdownOf('canvas: business-model\ntitle: ""\n').split('\n')[0], '# Untitled canvas');
  });

  it('keeps hostile text as text: no raw HTML, no link but http(s), no broken table', () => {
    const md = markdownOf(readFileSync(join(ROOT, 'test/fixtures/render/hostile.canvas.yaml'), 'utf8'));
    // Outside code spans, every < but our own <br> and <span>$</span> is escaped (so no HTML tag),
    // and no link target is anything but http(s).
    const outsideCode = md.replace(/`[^`\n]*`/g, '').replace(/<br>|<span>\$<\/span>/g, '');
    assert.equal(/(^|[^\\])</m.test(outsideCode), false);
    assert.equal(/\]\((?!https?:)/.test(outsideCode), false);
    // Every table row has exactly the five columns of its header.
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) assert.equal(line.split(/(?<!\\)\|/).length, 7, line);
    assert.ok(md.includes('| \\| pipe \\| in \\| name \\|<br>new line | | | \\</text\\>\\<script\\>alert(\'segment\')\\</script\\> | a\\|b |'));
  });

  it('renders every example without a problem section', () => {
    for (const file of ['b2b-saas', 'korean-clinic', 'meal-kit-subscription', 'ride-hailing']) {
      const md = markdownOf(readFileSync(join(ROOT, `examples/${file}.canvas.yaml`), 'utf8'));
      assert.equal(md.includes('## Problems'), false, file);
      assert.equal((md.match(/^## /gm) ?? []).length, 9, file);
    }
  });
});
