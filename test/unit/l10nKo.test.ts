/**
 * Korean, end to end (issue 16): the catalogues are complete (every English text has a Korean one
 * with the same placeholders), the core's translator falls back to English per string, the
 * vocabulary is served in Korean where the core reads it, and the CLI speaks Korean with --locale ko
 * or a Korean LC_ALL / LC_MESSAGES / LANG (POSIX precedence), English otherwise.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCanvasView, diffCanvases, diffToText, kindInfo, placeholdersOf, setCatalogue, translate, validateCanvas, VOCABULARY_MESSAGES } from '../../src/core';
import { complete } from '../../src/core/completion';
import { hover } from '../../src/core/hover';
import { main } from '../../src/cli/main';
import { languageFromEnv, languageOf } from '../../src/cli/locale';
import { reviewSummaryLine, reviewToMarkdown, reviewToText, type Review } from '../../src/cli/reviewCommand';

const ROOT = join(__dirname, '../../..');
const readJson = (file: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/** Every English text whose Korean entry is missing, empty, an id, or has other placeholders: one line each. */
function incomplete(english: Record<string, string>, korean: Record<string, unknown>, ids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) {
    const source = english[key];
    const value = korean[key];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`missing: ${JSON.stringify(key)}`);
    else if (ids.has(value) || /^vocabulary\.[\w.-]+$/.test(value)) problems.push(`an id, not a text: ${JSON.stringify(key)} -> ${JSON.stringify(value)}`);
    else if (placeholdersOf(value) !== placeholdersOf(source)) problems.push(`other placeholders: ${JSON.stringify(key)} -> ${JSON.stringify(value)}`);
  }
  return problems;
}

const report = (what: string, problems: string[]) => `${problems.length} ${what} entries to translate or fix:\n  ${problems.join('\n  ')}`;

describe('Korean catalogues are complete', () => {
  const ids = new Set(Object.keys(VOCABULARY_MESSAGES));

  it('l10n/bundle.l10n.ko.json: every text of bundle.l10n.json, non-empty, never an id, with the same placeholders', () => {
    const english = readJson('l10n/bundle.l10n.json');
    const korean = readJson('l10n/bundle.l10n.ko.json');
    const problems = incomplete(english, korean, ids);
    assert.equal(problems.length, 0, report('bundle.l10n.ko.json', problems));
    const stale = Object.keys(korean).filter((k) => !Object.hasOwn(english, k));
    assert.deepEqual(stale, [], 'entries for texts no longer in bundle.l10n.json');
  });

  it('package.nls.ko.json: every key of package.nls.json, non-empty, with the same placeholders', () => {
    const english = readJson('package.nls.json');
    const korean = readJson('package.nls.ko.json');
    const problems = incomplete(english, korean, ids);
    assert.equal(problems.length, 0, report('package.nls.ko.json', problems));
  });

  it('every vocabulary text (all kinds) is in the bundle, so hover, completion and the preview have a Korean text for it', () => {
    const korean = readJson('l10n/bundle.l10n.ko.json');
    const missing = Object.entries(VOCABULARY_MESSAGES)
      .filter(([, text]) => typeof korean[text] !== 'string')
      .map(([id]) => id);
    assert.deepEqual(missing, []);
  });
});

describe('The core translator falls back to English per string', () => {
  afterEach(() => setCatalogue(undefined));

  it('translates and fills; a missing, empty, non-text or misplaced-placeholder entry gives the English', () => {
    setCatalogue({
      'Missing required key "{0}" in {1}.': '{1}에 필수 키 "{0}"이(가) 없습니다.',
      'YAML syntax error: {0}': 'YAML 구문 오류',
      'The new id must not be empty.': '',
      'No changes': 42 as unknown as string,
    });
    assert.equal(translate('Missing required key "{0}" in {1}.', ['title', '캔버스']), '캔버스에 필수 키 "title"이(가) 없습니다.');
    assert.equal(translate('YAML syntax error: {0}', ['bad indentation']), 'YAML syntax error: bad indentation');
    assert.equal(translate('The new id must not be empty.'), 'The new id must not be empty.');
    assert.equal(translate('No changes'), 'No changes');
    assert.equal(translate('A card needs a name.'), 'A card needs a name.');
  });

  it('no catalogue, or a catalogue that is not an object, is English', () => {
    for (const bad of [undefined, null, [] as unknown as Record<string, string>, 'ko' as unknown as Record<string, string>]) {
      setCatalogue(bad);
      assert.equal(translate('"{0}" names no card in {1}.', ['x', 'Channels']), '"x" names no card in Channels.');
      assert.equal(kindInfo('business-model').blockByKey.get('channels')?.title, 'Channels');
    }
  });

  it('a partial catalogue: the translated vocabulary texts in Korean, the others in English (never an id or an empty string)', () => {
    setCatalogue({ 'Customer Segments': '고객 세그먼트', 'Mass market': '대중 시장' });
    const info = kindInfo('business-model');
    assert.equal(info.blockByKey.get('customer-segments')?.title, '고객 세그먼트');
    assert.equal(info.blockByKey.get('channels')?.title, 'Channels');
    assert.equal(info.blockByKey.get('channels')?.guide, 'Through which channels do our customer segments want to be reached?');
    const { diagnostics } = validateCanvas('canvas: business-model\ntitle: T\ncustomer-segments:\n  - name: A\n    type: mass-markt\n');
    assert.equal(
      diagnostics.find((d) => d.code === 'schema')?.message,
      '"mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
    );
    setCatalogue(undefined);
    assert.equal(kindInfo('business-model').blockByKey.get('customer-segments')?.title, 'Customer Segments');
  });
});

describe('The vocabulary in Korean where the core serves it', () => {
  const CANVAS = 'canvas: value-proposition\ntitle: 안전한 귀가\npains:\n  - id: late-night\n    name: 늦은 밤 불안\n    severity: high\n';
  beforeEach(() => setCatalogue(readJson('l10n/bundle.l10n.ko.json')));
  afterEach(() => setCatalogue(undefined));

  it('block titles of every kind are the glossary terms', () => {
    assert.deepEqual(
      kindInfo('business-model').blocks.map((b) => b.title),
      ['핵심 파트너십', '핵심 활동', '핵심 자원', '가치 제안', '고객 관계', '채널', '고객 세그먼트', '비용 구조', '수익원'],
    );
    assert.deepEqual(kindInfo('value-proposition').blocks.map((b) => b.title), ['고객 활동', '불만', '혜택', '제품과 서비스', '불만 해소 방안', '혜택 창출 방안']);
    assert.deepEqual(
      kindInfo('lean').blocks.map((b) => b.title),
      ['문제', '기존 대안', '솔루션', '핵심 지표', '고유 가치 제안', '상위 개념', '경쟁 우위', '채널', '고객 세그먼트', '얼리 어답터', '비용 구조', '수익원'],
    );
  });

  it('hover on a block key, completion of an enumeration value, the preview view and the diff: exact Korean texts', () => {
    const { parsed, model } = validateCanvas(CANVAS);
    assert.equal(
      hover(CANVAS, CANVAS.indexOf('pains') + 1, parsed, model)?.contents,
      '**불만**\n\n고객이 활동을 해내기 전, 도중, 후에 고객을 괴롭히거나 활동을 해내지 못하게 막는 것: 원치 않는 결과, 장애물, 위험입니다. 각 불만의 `severity`를 평가하세요.\n\n' +
        '질문: **누구에게** · 위치: 고객 프로필(원), 왼쪽 아래\n\n*이 고객에게 활동을 어렵거나, 비용이 많이 들거나, 위태롭게 만드는 것은 무엇이며, 얼마나 고통스러운가요?*',
    );
    assert.equal(hover(CANVAS, CANVAS.indexOf('high') + 1, parsed, model)?.contents, '**높음**\n\n극심한 불만: 고객이 없애기 위해 돈을 낼 만한 결정적인 걸림돌입니다.');
    assert.deepEqual(
      complete(CANVAS, CANVAS.indexOf('high'), parsed, model).map((item) => [item.label, item.detail, item.documentation]),
      [
        ['low', '낮음', '고객이 참고 넘기는 가벼운 불편입니다.'],
        ['medium', '보통', '고객이 해결되기를 바라는 실제 문제입니다.'],
        ['high', '높음', '극심한 불만: 고객이 없애기 위해 돈을 낼 만한 결정적인 걸림돌입니다.'],
      ],
    );
    const view = buildCanvasView(validateCanvas(CANVAS));
    assert.equal(view.kindTitle, '가치 제안 캔버스');
    assert.deepEqual(view.groups?.map((g) => g.title), ['가치 맵', '고객 프로필']);
    const changed = validateCanvas(CANVAS.replace('늦은 밤 불안', '밤길 불안')).model;
    assert.equal(diffToText(diffCanvases(model, changed)), '0 추가, 0 제거, 1 변경, 0 이동\n불만\n  ~ "밤길 불안" (late-night)\n      name: "늦은 밤 불안" -> "밤길 불안"\n');
  });
});

describe('The CLI in Korean', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cac-ko-'));
  const BAD = 'canvas: business-model\ntitle: 테스트\ncustomer-segments:\n  - name: 도시 승객\n    id: urban-riders\n    type: mass-markt\nvalue-propositions:\n  - name: 안전한 이동\n    segments: [urban-ridrs]\n';
  writeFileSync(join(dir, 'bad.canvas.yaml'), BAD);
  after(() => setCatalogue(undefined));

  function run(args: string[], env: Record<string, string | undefined> = {}): { code: number; out: string; err: string } {
    let out = '';
    let err = '';
    const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir, env });
    return { code, out, err };
  }

  const KOREAN_TEXT = [
    'bad.canvas.yaml:6:11 error schema "mass-markt"은(는) 유효한 세그먼트 유형이(가) 아닙니다. "mass-market"을(를) 의미했나요? 허용되는 값: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
    'bad.canvas.yaml:9:16 error unknown-reference "urban-ridrs"은(는) 고객 세그먼트의 카드를 가리키지 않습니다.',
    '',
  ].join('\n');
  const ENGLISH_TEXT = [
    'bad.canvas.yaml:6:11 error schema "mass-markt" is not a valid segment type. Did you mean "mass-market"? Allowed values: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.',
    'bad.canvas.yaml:9:16 error unknown-reference "urban-ridrs" names no card in Customer Segments.',
    '',
  ].join('\n');
  const KO_SCHEMA_MD = '파일이 캔버스 스키마를 위반합니다: 알 수 없는 키, 잘못된 형식, 열거형에 없는 값, `name`/`canvas`/`title` 누락.';
  const KO_SCHEMA = KO_SCHEMA_MD.replace(/`/g, '');
  const KOREAN_SUMMARY = '파일 1개 검사함: 문제 11개 (오류 2개, 경고 1개, 정보 1개, 힌트 7개)\n';
  const ENGLISH_SUMMARY = '1 file checked: 11 problems (2 errors, 1 warning, 1 information, 7 hints)\n';

  it('--locale ko: text output and summary in Korean, codes and severities as they are', () => {
    assert.deepEqual(run(['validate', '--quiet', 'bad.canvas.yaml', '--locale', 'ko']), { code: 1, out: KOREAN_TEXT, err: KOREAN_SUMMARY });
    assert.deepEqual(run(['validate', '--locale=ko', '--quiet', 'bad.canvas.yaml']), { code: 1, out: KOREAN_TEXT, err: KOREAN_SUMMARY });
  });

  it('LANG=ko_KR.UTF-8: Korean; SARIF keeps its rule ids and carries the Korean message', () => {
    assert.deepEqual(run(['validate', '--quiet', 'bad.canvas.yaml'], { LANG: 'ko_KR.UTF-8' }), { code: 1, out: KOREAN_TEXT, err: KOREAN_SUMMARY });
    const sarif = JSON.parse(run(['validate', '--quiet', '--format', 'sarif', 'bad.canvas.yaml'], { LANG: 'ko_KR.UTF-8' }).out);
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string; message: { text: string } }) => [r.ruleId, r.message.text]),
      [
        ['schema', '"mass-markt"은(는) 유효한 세그먼트 유형이(가) 아닙니다. "mass-market"을(를) 의미했나요? 허용되는 값: mass-market, niche-market, segmented, behavioral, diversified, high-net-worth, multi-sided-platform.'],
        ['unknown-reference', '"urban-ridrs"은(는) 고객 세그먼트의 카드를 가리키지 않습니다.'],
      ],
    );
  });

  it('SARIF rules: the setting\'s Korean description (package.nls.ko.json) and the severity sentence in Korean, ids and levels as they are', () => {
    const rules = (locale: string) => JSON.parse(run(['validate', '--quiet', '--format', 'sarif', 'bad.canvas.yaml', '--locale', locale]).out).runs[0].tool.driver.rules;
    const schema = rules('ko').find((r: { id: string }) => r.id === 'schema');
    assert.deepEqual(schema, {
      id: 'schema',
      name: 'Schema',
      shortDescription: { text: KO_SCHEMA, markdown: KO_SCHEMA_MD },
      fullDescription: { text: `${KO_SCHEMA} 기본 심각도: error.`, markdown: `${KO_SCHEMA_MD} 기본 심각도: error.` },
      help: {
        text: `${KO_SCHEMA} 기본 심각도: error. .canvas-as-code.yaml의 rules: 아래나 canvasAsCode.rules 설정에서 바꿀 수 있습니다("schema": off, hint, information, warning 또는 error).`,
        markdown: `${KO_SCHEMA_MD} 기본 심각도: **error**. \`.canvas-as-code.yaml\`의 \`rules:\` 아래나 \`canvasAsCode.rules\` 설정에서 바꿀 수 있습니다(\`schema\`: \`off\`, \`hint\`, \`information\`, \`warning\` 또는 \`error\`).`,
      },
      defaultConfiguration: { level: 'error' },
    });
    const english = rules('en').find((r: { id: string }) => r.id === 'schema');
    assert.equal(english.fullDescription.text, 'The file breaks the canvas schema: unknown key, wrong type, value not in an enumeration, missing name/canvas/title. Default severity: error.');
  });

  it('POSIX precedence: LC_ALL over LC_MESSAGES over LANG; C, POSIX and unknown locales are English; --locale en forces English', () => {
    assert.deepEqual(run(['validate', '--quiet', 'bad.canvas.yaml'], { LC_ALL: 'C', LANG: 'ko_KR.UTF-8' }), { code: 1, out: ENGLISH_TEXT, err: ENGLISH_SUMMARY });
    assert.deepEqual(run(['validate', '--quiet', 'bad.canvas.yaml'], { LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' }), { code: 1, out: KOREAN_TEXT, err: KOREAN_SUMMARY });
    assert.deepEqual(run(['validate', '--quiet', 'bad.canvas.yaml'], { LC_ALL: '', LANG: 'ko_KR.UTF-8' }), { code: 1, out: KOREAN_TEXT, err: KOREAN_SUMMARY });
    assert.deepEqual(run(['validate', '--quiet', 'bad.canvas.yaml', '--locale', 'en'], { LANG: 'ko_KR.UTF-8' }), { code: 1, out: ENGLISH_TEXT, err: ENGLISH_SUMMARY });
    assert.deepEqual(run(['validate', '--quiet', 'bad.canvas.yaml', '--locale', 'fr_FR.UTF-8'], { LANG: 'ko_KR.UTF-8' }), { code: 1, out: ENGLISH_TEXT, err: ENGLISH_SUMMARY });
    assert.deepEqual(run(['validate', '--quiet', 'bad.canvas.yaml']), { code: 1, out: ENGLISH_TEXT, err: ENGLISH_SUMMARY });
  });

  it('locale names: the language code decides', () => {
    assert.deepEqual(
      ['ko', 'ko_KR.UTF-8', 'ko-KR', 'KO_kr', 'ko_KR@euro', 'C', 'POSIX', 'C.UTF-8', 'en_US.UTF-8', 'fr', 'korean', '', undefined].map(languageOf),
      ['ko', 'ko', 'ko', 'ko', 'ko', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'en'],
    );
    assert.equal(languageFromEnv({ LC_ALL: 'ko_KR.UTF-8', LC_MESSAGES: 'C', LANG: 'C' }), 'ko');
    assert.equal(languageFromEnv({ LC_MESSAGES: 'C', LANG: 'ko_KR.UTF-8' }), 'en');
    assert.equal(languageFromEnv({}), 'en');
    assert.equal(languageFromEnv(undefined), 'en');
  });

  it('--locale without a value is a usage error (exit 2); usage errors and help are Korean', () => {
    // The language for that message: the environment's.
    assert.deepEqual(run(['validate', 'bad.canvas.yaml', '--locale'], { LANG: 'ko_KR.UTF-8' }), { code: 2, out: '', err: 'canvas-as-code: --locale에는 언어(en 또는 ko)가 필요한데, 주어진 값이 없습니다\n' });
    assert.deepEqual(run(['validate', 'bad.canvas.yaml', '--locale']), { code: 2, out: '', err: 'canvas-as-code: --locale needs a language (en or ko), got nothing\n' });
    const unknown = run(['valdate', '--locale', 'ko']);
    assert.equal(unknown.code, 2);
    assert.ok(unknown.err.startsWith('canvas-as-code: 알 수 없는 명령 "valdate"\n\n사용법:\n'), unknown.err);
    assert.deepEqual(run(['validate', '--jobs', '0', 'bad.canvas.yaml'], { LANG: 'ko_KR.UTF-8' }), {
      code: 2,
      out: '',
      err: 'canvas-as-code: --jobs는 양의 정수여야 하는데, 주어진 값은 "0"입니다\n',
    });
  });

  it('--help of every command and the overview in Korean (translated templates, filled as in English)', () => {
    const help = run(['init', '--help', '--locale', 'ko']);
    assert.equal(help.code, 0);
    assert.equal(
      help.out,
      '사용법:\n  canvas-as-code init [--kind KIND] [--title TITLE] [FILE]\n\n' +
        '오류나 경고가 없는 시작 캔버스를 FILE에 씁니다(기본값: KIND.canvas.yaml, 표준 출력은 -).\nFILE은 .canvas.yaml 또는 .canvas.yml로 끝나야 합니다. 기존 파일은 절대 덮어쓰지\n않습니다.\n\n' +
        '옵션:\n  --kind KIND    캔버스 종류: business-model, lean, value-proposition(기본값: business-model)\n  --title TITLE  캔버스의 제목\n' +
        '  --locale LANG  메시지 언어: en 또는 ko(기본값: LC_ALL, LC_MESSAGES 또는 LANG)\n  -h, --help     이 도움말 표시\n',
    );
    for (const command of ['validate', 'render', 'diff', 'review', 'import', 'export']) {
      const { code, out } = run([command, '--help'], { LANG: 'ko_KR.UTF-8' });
      assert.equal(code, 0, command);
      assert.ok(out.startsWith('사용법:\n  canvas-as-code ') && out.includes('\n옵션:\n') && out.includes('  --locale LANG '), `${command}: ${out}`);
      assert.ok(!/\{\d\}/.test(out), `${command}: every placeholder filled`);
    }
    const overview = run(['--help'], { LANG: 'ko_KR.UTF-8' }).out;
    assert.ok(overview.endsWith('모든 명령은 메시지 언어를 정하는 --locale LANG(en 또는 ko)을 받습니다. 기본값은 LC_ALL, LC_MESSAGES 또는 LANG이 정합니다.\n'), overview);
  });

  it('why a file could not be read (files, git revisions, output checks): Korean with --locale ko, English word for word without', () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    symlinkSync('nowhere.canvas.yaml', join(dir, 'dangling.canvas.yaml'));
    const cases: [string[], string, string][] = [
      [['validate', 'missing.canvas.yaml'], 'canvas-as-code: "missing.canvas.yaml"에 일치하는 캔버스 파일이 없습니다\n', 'canvas-as-code: no canvas files matched "missing.canvas.yaml"\n'],
      [['validate', 'dangling.canvas.yaml'], 'canvas-as-code: dangling.canvas.yaml: 끊어진 심볼릭 링크입니다(대상이 없습니다)\n', 'canvas-as-code: dangling.canvas.yaml: broken symbolic link (its target does not exist)\n'],
      [['validate', '{1..999999999}.canvas.yaml'], 'canvas-as-code: {1..999999999}.canvas.yaml: 중괄호 범위 {1..999999999}은(는) 값이 10000개보다 많습니다\n', 'canvas-as-code: {1..999999999}.canvas.yaml: the brace range {1..999999999} stands for more than 10000 values\n'],
      [['render', 'folder', '--format', 'html'], 'canvas-as-code: folder을(를) 읽을 수 없습니다: 일반 파일이 아닙니다(디렉터리)\n', 'canvas-as-code: cannot read folder: not a regular file (a directory)\n'],
      [['render', 'bad.canvas.yaml', '--format', 'html', '-o', 'folder'], 'canvas-as-code: folder에 쓸 수 없습니다: 디렉터리입니다(folder/canvas.html처럼 파일 이름을 주세요)\n', 'canvas-as-code: cannot write folder: it is a directory (give a file name, such as folder/canvas.html)\n'],
      [['diff', 'git::x.canvas.yaml', 'bad.canvas.yaml'], 'canvas-as-code: git::x.canvas.yaml을(를) 읽을 수 없습니다: 리비전이 없습니다(git:HEAD:x.canvas.yaml처럼 쓰세요)\n', 'canvas-as-code: cannot read git::x.canvas.yaml: no revision (write git:HEAD:x.canvas.yaml)\n'],
      [['init', 'bad.canvas.yaml'], 'canvas-as-code: bad.canvas.yaml이(가) 이미 있습니다. init은 파일을 덮어쓰지 않습니다\n', 'canvas-as-code: bad.canvas.yaml already exists; init never overwrites a file\n'],
      [['diff', 'git:HEAD:', 'bad.canvas.yaml'], 'canvas-as-code: git:HEAD:을(를) 읽을 수 없습니다: 경로가 없습니다(git:HEAD:path/to/file.canvas.yaml처럼 쓰세요)\n', 'canvas-as-code: cannot read git:HEAD:: no path (write git:HEAD:path/to/file.canvas.yaml)\n'],
    ];
    for (const [args, korean, english] of cases) {
      assert.deepEqual(run([...args, '--locale', 'ko']), { code: 2, out: '', err: korean }, args.join(' '));
      assert.deepEqual(run(args), { code: 2, out: '', err: english }, args.join(' '));
    }
  });

  it('the bundled CLI (dist/cli.js) carries the catalogue; its worker threads answer in the same language', () => {
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `copy${i}.canvas.yaml`), BAD);
    const cli = join(ROOT, 'dist/cli.js');
    const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'ko_KR.UTF-8' };
    const one = spawnSync(process.execPath, [cli, 'validate', '--quiet', 'bad.canvas.yaml'], { cwd: dir, env, encoding: 'utf8' });
    assert.deepEqual([one.status, one.stdout, one.stderr], [1, KOREAN_TEXT, KOREAN_SUMMARY]);
    const jobs = spawnSync(process.execPath, [cli, 'validate', '--quiet', '--jobs', '3', 'copy0.canvas.yaml', 'copy1.canvas.yaml', 'copy2.canvas.yaml'], { cwd: dir, env, encoding: 'utf8' });
    const expected = [0, 1, 2].map((i) => KOREAN_TEXT.replaceAll('bad.canvas.yaml', `copy${i}.canvas.yaml`)).join('');
    assert.deepEqual([jobs.status, jobs.stdout, jobs.stderr], [1, expected, '파일 3개 검사함: 문제 33개 (오류 6개, 경고 3개, 정보 3개, 힌트 21개)\n']);
    const english = spawnSync(process.execPath, [cli, 'validate', '--quiet', 'bad.canvas.yaml'], { cwd: dir, env: { ...env, LC_ALL: 'C' }, encoding: 'utf8' });
    assert.deepEqual([english.status, english.stdout, english.stderr], [1, ENGLISH_TEXT, ENGLISH_SUMMARY]);
  });
});

describe('The review in Korean (pull request comment and terminal)', () => {
  afterEach(() => setCatalogue(undefined));

  /** A review as buildReview returns it: one renamed canvas with a problem, one added, no diff needed. */
  const review: Review = {
    base: '0123456789abcdef',
    head: null,
    summary: { canvases: 2, added: 1, deleted: 0, modified: 0, renamed: 1, copied: 0, errors: 1, warnings: 0 },
    canvases: [
      { status: 'renamed', path: 'new.canvas.yaml', oldPath: 'old.canvas.yaml', diff: null, problems: [{ line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', code: 'schema', message: '오류 메시지' }] },
      { status: 'added', path: 'a.canvas.yaml', diff: null, problems: [] },
    ],
  };

  it('summary, statuses, severities and the work tree in Korean; the JSON keeps the English codes', () => {
    setCatalogue(readJson('l10n/bundle.l10n.ko.json'), 'ko');
    const markdown = reviewToMarkdown(review).split('\n');
    assert.equal(markdown[1], '**캔버스 검토** (`0123456789ab..작업 트리`): 캔버스 2개 변경됨: 추가 1, 삭제 0, 수정 0, 이름 변경 1, 복사 0; 오류 1개, 경고 0개');
    assert.ok(markdown.includes('_`old.canvas.yaml`에서 이름 변경됨_'), markdown.join('\n'));
    assert.ok(markdown.includes('- **오류** 3줄 5열: 오류 메시지 (`schema`)'), markdown.join('\n'));
    assert.ok(markdown.includes('_추가됨_'), markdown.join('\n'));
    const text = reviewToText(review).split('\n');
    assert.deepEqual(text.slice(0, 2), ['캔버스 검토 0123456789ab..작업 트리', '캔버스 2개 변경됨: 추가 1, 삭제 0, 수정 0, 이름 변경 1, 복사 0; 오류 1개, 경고 0개']);
    assert.ok(text.includes('이름 변경됨: old.canvas.yaml -> new.canvas.yaml') && text.includes('  3:5 오류 오류 메시지 [schema]'), text.join('\n'));
    assert.equal(review.canvases[0].status, 'renamed', 'the data (and so the JSON output) keeps the English word');
  });

  it('English without a catalogue, word for word as before', () => {
    const markdown = reviewToMarkdown(review).split('\n');
    assert.equal(markdown[1], '**Canvas review** (`0123456789ab..work tree`): 2 canvases changed: 1 added, 0 deleted, 0 modified, 1 renamed, 0 copied; 1 error, 0 warnings');
    assert.ok(markdown.includes('_renamed from_ `old.canvas.yaml`') && markdown.includes('- **error** line 3, column 5: 오류 메시지 (`schema`)'), markdown.join('\n'));
    assert.equal(reviewSummaryLine({ ...review.summary, canvases: 0 }), 'No canvases changed');
  });
});
