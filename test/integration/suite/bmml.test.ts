// BMML import and export (issue 14, item 4) through the extension's commands in the real
// workbench, driven without dialogs by their argument object (src/extension/bmmlCommands.ts):
// import writes the business model and its value-proposition canvas beside the .bmml file, and
// they validate with links resolved; export writes BMML that imports back to the same canvases;
// the example business model exports with its linked value-proposition canvas as a fit.
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, formatProblem, openCanvas, readText, waitForProblems, workspaceRoot } from './canvas';
import type { Problem } from './canvas';
import { equal, ok, sameMembers } from './check';

/** Hand-made BMML v2: Korean and emoji, a colon and a # that YAML treats specially, a fit with many-to-many mappings. */
const BMML = `version: "2.0"
meta:
  name: "서울 반찬 구독 🍱"
  tagline: "매주 집밥을 **문 앞까지**: 데우기만 하면 끝"
  created: "2024-03-01"
  portfolio: explore
  stage: discovery

customer_segments:
  - id: cs-workers
    name: 맞벌이 직장인
    description: "평일 저녁 7시 이후에 퇴근하는 # 맞벌이 부부"
    jobs:
      - id: job-dinner
        description: 평일 저녁을 30분 안에 차리기 🍚
    pains:
      - id: pain-time
        description: "장 볼 시간이 없다: 마트는 10시에 닫는다"
      - id: pain-waste
        description: 식재료가 남아서 버려진다
    gains:
      - id: gain-health
        description: 아이에게 건강한 반찬을 먹이고 싶다

value_propositions:
  - id: vp-banchan
    name: 반찬 정기배송
    products_services:
      - id: ps-box
        name: "주간 반찬 박스 📦"
    pain_relievers:
      - id: pr-ready
        name: 데우기만 하면 끝
      - id: pr-portion
        name: 2인분씩 소포장
    gain_creators:
      - id: gc-menu
        name: "영양사 메뉴 ✅"

fits:
  - id: fit-banchan-workers
    for:
      value_propositions: [vp-banchan]
      customer_segments: [cs-workers]
    mappings:
      - [pr-ready, pain-time]
      - [pr-portion, pain-waste]
      - [pr-ready, pain-waste]
      - [gc-menu, gain-health]

channels:
  - id: ch-kakao
    name: "카카오톡 채널 💬"
    for:
      value_propositions: [vp-banchan]
      customer_segments: [cs-workers]

customer_relationships:
  - id: cr-chat
    name: 1:1 상담
    for:
      customer_segments: [cs-workers]

revenue_streams:
  - id: rs-sub
    name: "월 구독료 ₩89,000"
    from:
      customer_segments: [cs-workers]
    for:
      value_propositions: [vp-banchan]

key_resources:
  - id: kr-kitchen
    name: 중앙 주방
key_activities:
  - id: ka-cook
    name: 매일 새벽 조리
key_partnerships:
  - id: kp-farm
    name: 계약 재배 농가
costs:
  - id: cost-food
    name: 식재료비
`;

/** The value-proposition canvas import makes of the fit (after its two header comment lines). */
const FIT_CANVAS = `canvas: value-proposition
title: 반찬 정기배송 for 맞벌이 직장인
business-model: ./banchan.canvas.yaml
segment: cs-workers
value-proposition: vp-banchan

customer-jobs:
  - id: job-dinner
    name: 평일 저녁을 30분 안에 차리기 🍚

pains:
  - id: pain-time
    name: "장 볼 시간이 없다: 마트는 10시에 닫는다"
  - id: pain-waste
    name: 식재료가 남아서 버려진다

gains:
  - id: gain-health
    name: 아이에게 건강한 반찬을 먹이고 싶다

products-and-services:
  - id: ps-box
    name: 주간 반찬 박스 📦

pain-relievers:
  - id: pr-ready
    name: 데우기만 하면 끝
    relieves: [pain-time, pain-waste]
  - id: pr-portion
    name: 2인분씩 소포장
    relieves: [pain-waste]

gain-creators:
  - id: gc-menu
    name: 영양사 메뉴 ✅
    creates: [gain-health]

x-bmml:
  fit: fit-banchan-workers
`;

let folders = 0;
async function folderWith(files: Record<string, string>): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `bmml-${Date.now().toString(36)}-${++folders}`);
  for (const [name, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
  return folder;
}

const nameOf = (uri: string | vscode.Uri) => (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).path.split('/').pop();
const exactly = (expected: string[]) => (problems: Problem[]) => problems.map(formatProblem).join(', ') === expected.join(', ');
/** The text without the comment lines import puts first (they name the source file). */
const withoutHeader = (text: string) => text.replace(/^(#.*\n)+\n/, '');

suite('BMML commands', () => {
  suiteSetup(activeExtension);
  teardown(closeAllEditors);

  test('Import from BMML writes the business model and the fit\'s value-proposition canvas beside the file; both validate, links resolved; with force it overwrites', async () => {
    const folder = await folderWith({ 'banchan.bmml': BMML });
    const source = vscode.Uri.joinPath(folder, 'banchan.bmml');
    const written = await vscode.commands.executeCommand<string[] | undefined>('canvasAsCode.importBmml', { uri: source });
    ok(written, 'import returns the files written');
    sameMembers(written.map(nameOf), ['banchan.canvas.yaml', 'banchan.fit-banchan-workers.canvas.yaml'], 'the files written');
    equal(nameOf(written[0]), 'banchan.canvas.yaml', 'the business model first');
    const [businessModel, fit] = written.map((u) => vscode.Uri.parse(u));
    // The business model is opened for the user.
    equal(nameOf(vscode.window.activeTextEditor?.document.uri ?? ''), 'banchan.canvas.yaml', 'the business model is shown');
    const fitText = await readText(fit);
    ok(fitText.startsWith('# Imported from banchan.bmml (BMML v2)'), `the header names the source: ${fitText.slice(0, 80)}`);
    equal(withoutHeader(fitText), FIT_CANVAS, 'the value-proposition canvas');
    const businessModelText = await readText(businessModel);
    for (const line of ['canvas: business-model\n', 'title: 서울 반찬 구독 🍱\n', '    description: "평일 저녁 7시 이후에 퇴근하는 # 맞벌이 부부"\n', '    value-propositions: [vp-banchan]\n']) {
      ok(businessModelText.includes(line), `the business model has ${JSON.stringify(line)}`);
    }
    await openCanvas(businessModel);
    await waitForProblems(businessModel, exactly([]));
    await openCanvas(fit);
    await waitForProblems(fit, exactly([]));
    // Again, with force: the same files, the same text, no question asked.
    const again = await vscode.commands.executeCommand<string[] | undefined>('canvasAsCode.importBmml', { uri: source.toString(), force: true });
    sameMembers((again ?? []).map(nameOf), ['banchan.canvas.yaml', 'banchan.fit-banchan-workers.canvas.yaml'], 'the files written again');
    equal(await readText(fit), fitText, 'overwritten with the same text');
  });

  test('a BMML v1 file is not imported and nothing is written', async () => {
    const folder = await folderWith({ 'old.bmml': 'version: "1.0"\nmeta:\n  name: Old\ncustomer_segments:\n  - id: cs-a\n    name: A\n' });
    const written = await vscode.commands.executeCommand<string[] | undefined>('canvasAsCode.importBmml', { uri: vscode.Uri.joinPath(folder, 'old.bmml') });
    equal(written, undefined, 'nothing imported');
    const entries = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    sameMembers(entries, ['old.bmml'], 'no canvas written');
  });

  test('Export to BMML writes the file it is given, with the linked value-proposition canvas as a fit; imported back it gives the same canvases', async () => {
    const folder = await folderWith({ 'banchan.bmml': BMML });
    const written = (await vscode.commands.executeCommand<string[]>('canvasAsCode.importBmml', { uri: vscode.Uri.joinPath(folder, 'banchan.bmml') }))!;
    const businessModel = vscode.Uri.parse(written[0]);
    const back = vscode.Uri.joinPath(folder, 'back', 'banchan.bmml');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'back'));
    const result = await vscode.commands.executeCommand<{ uri: string; dropped: number } | undefined>('canvasAsCode.exportBmml', { uri: businessModel, target: back });
    equal(JSON.stringify(result), JSON.stringify({ uri: back.toString(), dropped: 0 }), 'the file written, nothing dropped');
    const bmml = await readText(back);
    ok(bmml.startsWith('# Exported from banchan.canvas.yaml by canvas-as-code export bmml (BMML v2).\n\nversion: "2.0"\n'), bmml.slice(0, 120));
    for (const line of ['  created: "2024-03-01"\n', '      - [pr-ready, pain-time]\n', '      - [pr-ready, pain-waste]\n', '      - [pr-portion, pain-waste]\n', '      - [gc-menu, gain-health]\n', '        description: "장 볼 시간이 없다: 마트는 10시에 닫는다"\n']) {
      ok(bmml.includes(line), `the BMML has ${JSON.stringify(line)}`);
    }
    // Imported back: the same canvases, but for the header that names the source.
    const again = (await vscode.commands.executeCommand<string[]>('canvasAsCode.importBmml', { uri: back }))!;
    sameMembers(again.map(nameOf), ['banchan.canvas.yaml', 'banchan.fit-banchan-workers.canvas.yaml'], 'the files written from the export');
    for (const uri of again) {
      const original = vscode.Uri.joinPath(folder, nameOf(uri)!);
      equal(withoutHeader(await readText(vscode.Uri.parse(uri))), withoutHeader(await readText(original)), `${nameOf(uri)} round trip`);
    }
  });

  test('the example business model exports with its value-proposition canvas (riders-safe-rides) as the fit riders x safe-rides', async () => {
    const example = vscode.Uri.joinPath(workspaceRoot(), 'examples', 'ride-hailing.canvas.yaml');
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'ride-hailing.bmml');
    const result = await vscode.commands.executeCommand<{ uri: string; dropped: number } | undefined>('canvasAsCode.exportBmml', { uri: example, target: target.toString() });
    // What BMML has no place for (types, status, personas, segmentation, severity…), listed in the output channel.
    equal(JSON.stringify(result), JSON.stringify({ uri: target.toString(), dropped: 153 }), 'written, with the values BMML has no place for counted');
    const bmml = await readText(target);
    const fits = bmml.slice(bmml.indexOf('\nfits:\n'), bmml.indexOf('\nchannels:\n'));
    // The value-proposition canvas's fit first; then one per other proposition and segment the business model pairs (BMML keeps that pairing in fits).
    equal(
      [...fits.matchAll(/^ {2}- id: (fit-[a-z-]+)$/gm)].map((m) => m[1]).join(' '),
      'fit-safe-rides-riders fit-fast-pickup-riders fit-fast-pickup-business-travellers fit-upfront-fares-riders fit-safe-rides-business-travellers fit-more-paid-trips-drivers fit-same-day-payout-drivers fit-one-invoice-business-travellers',
      'the fits',
    );
    const first = fits.slice(0, fits.indexOf('  - id: fit-fast-pickup-riders'));
    equal(first.match(/^ {6}- \[/gm)?.length, 15, 'its mappings: 9 pain reliever and 6 gain creator pairs');
    ok(first.includes('      - [pr-share-trip, pain-no-one-knows]\n      - [pr-share-trip, pain-unknown-driver]\n'), `a reliever of two pains: ${first}`);
  });
});
