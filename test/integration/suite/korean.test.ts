// Korean, end to end (issue 16, item 5) in the real VS Code: with the workbench in Korean
// (node scripts/run-integration.mjs --locale ko --grep "Korean UI"), the extension loads
// l10n/bundle.l10n.ko.json and a Korean canvas shows no English in its diagnostics, hover,
// completion details and health status bar. Skipped in a run without --locale ko.
// VS Code (and code-server) switch the display language only when that language's pack is
// known: the offline launcher registers the stand-in test/integration/language-pack-ko (the real
// MS-CEINTL.vscode-language-pack-ko cannot be downloaded offline); without any pack
// vscode.env.language stays `en` and the first test says so.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openCanvas, readText, waitForProblems, workspaceRoot, writeScratchCanvas } from './canvas';
import { equal, ok } from './check';
import { config } from './harness';
import { waitFor } from './wait';

const CANVAS = `canvas: business-model
title: 심야 귀가 서비스
customer-segments:
  - id: late-riders
    name: 심야 귀가 승객
    type: mass-markt
value-propositions:
  - id: safe-ride
    name: 안전한 귀가
    segments: [late-ridrs]
`;

/** English words left in a text once its codes, keys, enumeration values and quoted canvas text are taken out. */
function englishIn(text: string): string[] {
  const stripped = text
    .replace(/`[^`]*`/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\b(?:mass-market|niche-market|segmented|behavioral|diversified|high-net-worth|multi-sided-platform|key-partnerships|key-activities|key-resources|customer-relationships|channels|cost-structure|revenue-streams|value-propositions|customer-segments|segments|canvas|title)\b/g, '');
  return stripped.match(/[A-Za-z]{3,}/g) ?? [];
}

suite('Korean UI (--locale ko)', () => {
  suiteSetup(async function () {
    if (config.locale !== 'ko') return this.skip();
    await activeExtension();
  });
  teardown(closeAllEditors);

  test('VS Code runs in Korean', () => {
    equal(vscode.env.language, 'ko', 'vscode.env.language');
  });

  test('diagnostics of a Korean canvas: Korean messages, exact for the schema and reference errors, no English word in any', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'korean');
    await openCanvas(uri);
    await waitForProblems(uri, (problems) => problems.some((p) => p.code === 'unknown-reference'));
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const byCode = (code: string) => diagnostics.find((d) => d.code === code)?.message;
    equal(
      byCode('schema'),
      '"mass-markt"은(는) 유효한 세그먼트 유형이(가) 아닙니다. "mass-market"을(를) 의미했나요? 허용되는 값: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
      'the schema error',
    );
    equal(byCode('unknown-reference'), '"late-ridrs"은(는) 고객 세그먼트의 카드를 가리키지 않습니다.', 'the unknown reference');
    const english = diagnostics.flatMap((d) => englishIn(d.message).map((w) => `${d.code}: ${w} in ${d.message}`));
    equal(english.join('\n'), '', 'English words in the diagnostics');
  });

  test('hover on a block key and completion details of an enumeration value: Korean', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'korean-hover');
    await openCanvas(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 3));
    const hover = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    ok(hover.startsWith('**고객 세그먼트**'), hover);
    equal(englishIn(hover).join(' '), '', `English words in the hover: ${hover}`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(5, 10));
    const details = list.items.filter((item) => ['mass-market', 'niche-market'].includes(typeof item.label === 'string' ? item.label : item.label.label)).map((item) => item.detail);
    equal(details.join(', '), '대중 시장, 틈새시장', 'completion details of the segment types');
  });

  test('the preview\'s view in Korean: its block headings (as the SVG export draws the same view) and the HTML export\'s language', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'korean-preview');
    await openCanvas(uri);
    await vscode.commands.executeCommand('canvasAsCode.showPreviewToSide', uri);
    const svgTarget = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'korean-preview.svg');
    await vscode.commands.executeCommand('canvasAsCode.export', uri, { format: 'svg', target: svgTarget });
    const svg = await readText(svgTarget);
    const headings = [...svg.matchAll(/<text[^>]* class="h"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    equal(headings.join(' | '), '핵심 파트너십 | 핵심 활동 | 핵심 자원 | 가치 제안 | 고객 관계 | 채널 | 고객 세그먼트 | 비용 구조 | 수익원 | 문제 (11)', 'the headings');
    const htmlTarget = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'korean-preview.html');
    await vscode.commands.executeCommand('canvasAsCode.export', uri, { format: 'html', target: htmlTarget });
    const html = await readText(htmlTarget);
    ok(html.includes('<html lang="ko">'), html.slice(0, 200));
  });

  test('the health status bar of the canvas: Korean', async () => {
    const uri = await writeScratchCanvas(CANVAS, 'korean-health');
    await openCanvas(uri);
    // Polled as health.test does: the status bar has no event of its own.
    let last: { visible: boolean; text: string } | undefined;
    let pending = false;
    const text = await waitFor(
      () => {
        if (!pending) {
          pending = true;
          void vscode.commands.executeCommand<{ status: { visible: boolean; text: string } }>('canvasAsCode.health._state').then((state) => {
            last = state?.status;
            pending = false;
          });
        }
        return last?.visible && last;
      },
      () => `the health status bar item; last: ${JSON.stringify(last)}`,
    );
    ok(text.visible, JSON.stringify(text));
    equal(englishIn(text.text.replace(/\$\([\w-]+\)/g, '')).join(' '), '', `English words in the status bar: ${text.text}`);
  });
});
