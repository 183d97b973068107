// Seeded mutations of canvases, the mistakes people make and the forms a file can take: shared by
// the quick-fix property test (codeActionsProperty) and the --fix property test (fixProperty).
// ---------------------------------------------------------------------------------------------
// Mutations: the mistakes people make, and the forms a file can take

export type Mutation = (text: string, a: number, b: number) => string;

export function replaceNth(text: string, pattern: RegExp, n: number, replace: (m: RegExpExecArray) => string | undefined): string {
  const all = [...text.matchAll(pattern)];
  if (!all.length) return text;
  const m = all[n % all.length];
  const by = replace(m);
  return by === undefined ? text : text.slice(0, m.index) + by + text.slice(m.index + m[0].length);
}

export function typo(word: string, n: number): string {
  const i = n % word.length;
  switch ((n >> 4) % 3) {
    case 0:
      return word.length > 2 ? word.slice(0, i) + word.slice(i + 1) : word + 'x';
    case 1:
      return i + 1 < word.length && word[i] !== word[i + 1] ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word + word[i];
    default:
      return word.slice(0, i) + word[i] + word.slice(i);
  }
}

export function notKebab(id: string, n: number): string {
  switch (n % 5) {
    case 0:
      return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    case 1:
      return id.toUpperCase();
    case 2:
      return id.replace(/-/g, '_') + '_x';
    case 3:
      return '"' + id + ' 2"';
    default:
      return '고객-' + id;
  }
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const REFERENCE_FIELDS = '(?:segments|channels|linked|partners|resources|activities|streams|value-propositions)';

export const MUTATIONS: Record<string, Mutation> = {
  enumTypo: (t, a, b) => replaceNth(t, /(\b(?:type|status|canvas|basis|phases|color)\b: *\[?)([a-z][a-z-]{2,})/g, a, (m) => m[1] + typo(m[2], b)),
  keyTypo: (t, a, b) => replaceNth(t, /(^|\n)( *(?:- +)?)([a-z][a-z-]{2,})(:)/g, a, (m) => m[1] + m[2] + typo(m[3], b) + m[4]),
  unknownKey: (t, a, b) => replaceNth(t, /\n( +)(name: [^\n]*)/g, a, (m) => `\n${m[1]}${m[2]}\n${m[1]}${['colour: red', 'x-note: ok', 'tpye: niche-market', 'segmnets: [x]'][b % 4]}`),
  idNotKebab: (t, a, b) => {
    let id = '';
    let next = replaceNth(t, /(\bid: *)([a-z0-9][a-z0-9-]*)/g, a, (m) => {
      id = m[2];
      return m[1] + notKebab(m[2], b);
    });
    if (id && (b >> 3) % 2) {
      // The references follow (written the same way): the kebab-case fix must keep them resolving.
      const written = notKebab(id, b);
      next = next.replace(new RegExp(`(?<=[\\[,] *|\\n +- +)${escapeRegExp(id)}(?= *[\\],\\n#])`, 'g'), written);
    }
    return next;
  },
  referenceNotKebab: (t, a, b) =>
    replaceNth(t, new RegExp(`(\\b${REFERENCE_FIELDS}: *\\[ *(?:[a-z0-9-]+, *)*)([a-z0-9][a-z0-9-]*)`, 'g'), a, (m) => m[1] + notKebab(m[2], b)),
  unknownReference: (t, a, b) =>
    replaceNth(t, new RegExp(`(\\b${REFERENCE_FIELDS}: *\\[ *)([a-z0-9][a-z0-9-]*)`, 'g'), a, (m) => m[1] + (b % 2 ? typo(m[2], b) : 'ghost')),
  scalarForList: (t, a, b) =>
    replaceNth(t, /(\b[a-z-]+: *)\[([^[\]{}\n]+)\]/g, a, (m) => m[1] + (b % 3 === 0 ? `"${m[2].trim()}"` : b % 3 === 1 ? m[2].split(',')[0].trim() : m[2].trim())),
  textForScalar: (t, a, b) => replaceNth(t, /(\b(?:id|name|title): )[^\n#]+/g, a, (m) => m[1] + ['2024', 'true', '~', '3.5'][b % 4]),
  missingName: (t, a) => replaceNth(t, /\n +name: [^\n]*(?=\n)/g, a, () => ''),
  duplicateId: (t, a, b) => {
    const ids = [...t.matchAll(/\bid: *([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1]);
    if (ids.length < 2) return t;
    return replaceNth(t, /(\bid: *)([a-z0-9][a-z0-9-]*)/g, a, (m) => m[1] + ids[b % ids.length]);
  },
  missingBlock: (t, a) => {
    const starts = [...t.matchAll(/^[a-z][a-z-]*:/gm)].map((m) => m.index);
    if (starts.length < 3) return t;
    const i = 2 + (a % (starts.length - 2));
    return t.slice(0, starts[i]) + (i + 1 < starts.length ? t.slice(starts[i + 1]) : '');
  },
  emptyBlock: (t, a, b) => replaceNth(t, /^([a-z][a-z-]*:) *\[[^\n]*\]/gm, a, (m) => m[1] + ['', ' []', ' ~', ' null   # later', '   # 나중에'][b % 5]),
  anchorAlias: (t, a, b) => {
    const pattern = b % 2 ? /(\b(?:segments|channels|linked|tags|type): *)(\[[^\]\n]*\]|[a-z][a-z-]+)/g : /^([a-z][a-z-]*: *)(\[[^\]\n]*\])/gm;
    const all = [...t.matchAll(pattern)];
    if (all.length < 2) return t;
    const i = a % (all.length - 1);
    const j = i + 1 + ((a >> 3) % (all.length - 1 - i));
    const [first, second] = [all[i], all[j]];
    const aliasAt = second.index + second[1].length;
    const anchorAt = first.index + first[1].length;
    return t.slice(0, anchorAt) + '&a1 ' + t.slice(anchorAt, aliasAt) + '*a1' + t.slice(aliasAt + second[2].length);
  },
  anchorBlockList: (t, a) => {
    // An anchored block list of references, and another card's field aliasing it.
    const lists = [...t.matchAll(/(\n( *)segments:)((?:\n\2 +- [^\n]+)+)/g)];
    const flows = [...t.matchAll(/(\n *segments: *)(\[[^\]\n]*\])/g)];
    if (!lists.length || !flows.length) return t;
    const list = lists[a % lists.length];
    const flow = flows[(a >> 2) % flows.length];
    const edits = [
      { at: list.index + list[1].length, remove: 0, text: ' &a2' },
      { at: flow.index + flow[1].length, remove: flow[2].length, text: '*a2' },
    ].sort((x, y) => y.at - x.at);
    return edits.reduce((s, e) => s.slice(0, e.at) + e.text + s.slice(e.at + e.remove), t);
  },
  flowToBlock: (t, a) =>
    replaceNth(t, /\n( *)(- +)?([a-z-]+): *\[([^[\]{}\n"']+)\]/g, a, (m) => {
      const column = m[1].length + (m[2]?.length ?? 0);
      const items = m[4].split(',').map((s) => s.trim()).filter(Boolean);
      if (!items.length) return undefined;
      return `\n${m[1]}${m[2] ?? ''}${m[3]}:` + items.map((item) => `\n${' '.repeat(column + 2)}- ${item}`).join('');
    }),
  blockToFlow: (t, a) =>
    replaceNth(t, /\n( *)(- +)?([a-z-]+):((?:\n *- [^\n:#{}[\],]+)+)(?=\n|$)/g, a, (m) => {
      const items = m[4].split('\n').filter(Boolean).map((line) => line.replace(/^ *- /, '').trim());
      return `\n${m[1]}${m[2] ?? ''}${m[3]}: [${items.join(', ')}]`;
    }),
  comment: (t, a, b) => replaceNth(t, /\n([^\n#|>]*[^\s|>#])(?=\n)/g, a, (m) => `\n${m[1]}${['   # 메모', '\t# tab\tcomment', ' # c', '  #'][b % 4]}`),
  korean: (t, a, b) => replaceNth(t, /(\bname: *)([^\n#]+)/g, a, (m) => m[1] + ['고객 세그먼트', '"한국어: 이름"', '빠른 픽업 🚕'][b % 3]),
  platform: (t, a) => replaceNth(t, /\btype: mass-market\b/g, a, () => 'type: multi-sided-platform'),
  dropSegments: (t, a) => replaceNth(t, /\n +segments: *\[[^\n]*\](?=\n)/g, a, () => ''),
  sticky: (t, a) => replaceNth(t, /\n( *)- name: ([A-Za-z][^\n#:]*)(?=\n\1  [a-z])/g, a, (m) => `\n${m[1]}- ${m[2]}\n${m[1]}- name: ${m[2]} too`),
};
export const MUTATION_NAMES = Object.keys(MUTATIONS);

export interface Encoding {
  bom: boolean;
  eol: 'lf' | 'crlf' | 'cr';
}

export function encode(text: string, { bom, eol }: Encoding): string {
  const lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = eol === 'crlf' ? lf.replace(/\n/g, '\r\n') : eol === 'cr' ? lf.replace(/\n/g, '\r') : lf;
  return (bom ? '\uFEFF' : '') + lines;
}

export function mutate(text: string, mutations: [number, number, number][], encoding: Encoding): string {
  let lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  for (const [kind, a, b] of mutations) lf = MUTATIONS[MUTATION_NAMES[kind % MUTATION_NAMES.length]](lf, a, b);
  return encode(lf, encoding);
}

export const describeMutations = (mutations: [number, number, number][]) => mutations.map(([k, a, b]) => `${MUTATION_NAMES[k % MUTATION_NAMES.length]}(${a},${b})`).join(', ');

// ---------------------------------------------------------------------------------------------
