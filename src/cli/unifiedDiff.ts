/**
 * A unified diff of two texts, line by line, as `diff -u` and `git diff` write it: `--- a/NAME`
 * and `+++ b/NAME` headers, hunks of changed lines with {@link CONTEXT} lines of context either
 * side (hunks closer than twice that are one), `@@ -start,count +start,count @@` headers (`,1`
 * left out; an empty side counts from the line before it). Lines are compared with their line
 * breaks, so a CRLF line differs from the LF one and each keeps its own; a last line without a
 * line break is followed by `\ No newline at end of file`. The shortest edit script is found with
 * Myers's algorithm (O((N+M)·D), D the number of changed lines), after taking off the lines both
 * texts start and end with. Equal texts: the empty string.
 */

export const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The lines of a text, each with its line break (the last may have none). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The edit script turning `a` into `b`: every line of each, in order, kept, removed or added. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
  ops.push(...myers(x, y));
  ops.push(...a.slice(a.length - tail).map((line): Op => ({ kind: ' ', line })));
  return ops;
}

/** Myers's greedy shortest edit script, with the trace of each round kept to walk back. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (!n) return b.map((line) => ({ kind: '+', line }));
  if (!m) return a.map((line) => ({ kind: '-', line }));
  const max = n + m;
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let px: number;
      if (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) px = v[offset + k + 1];
      else px = v[offset + k - 1] + 1;
      let py = px - k;
      while (px < n && py < m && a[px] === b[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) {
        found = d;
        break;
      }
    }
  }
  // Walk back from (n, m) through the saved rounds.
  const ops: Op[] = [];
  let px = n;
  let py = m;
  for (let d = found; d > 0; d--) {
    v = trace[d];
    const k = px - py;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) {
      ops.push({ kind: ' ', line: a[--px] });
      py--;
    }
    if (down) ops.push({ kind: '+', line: b[--py] });
    else ops.push({ kind: '-', line: a[--px] });
  }
  while (px > 0 && py > 0) {
    ops.push({ kind: ' ', line: a[--px] });
    py--;
  }
  return ops.reverse();
}

function range(start: number, count: number): string {
  // An empty side names the line before it (0 at the top), as diff -u does.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

function written(op: Op): string {
  const line = op.kind + op.line;
  return line.endsWith('\n') ? line : `${line}\n\\ No newline at end of file\n`;
}

/** The unified diff from `before` to `after`, both named `name` (`a/name`, `b/name`); '' when equal. */
export function unifiedDiff(name: string, before: string, after: string, context = CONTEXT): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  // Line numbers (1-based) each op starts at, on each side.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  let out = `--- a/${name}\n+++ b/${name}\n`;
  let i = 0;
  while (i < changed.length) {
    let last = changed[i];
    let j = i + 1;
    // Changes with at most 2 × context equal lines between them share a hunk.
    while (j < changed.length && changed[j] - last - 1 <= 2 * context) last = changed[j++];
    const from = Math.max(0, changed[i] - context);
    const to = Math.min(ops.length, last + context + 1);
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out += `@@ -${range(oldAt[from], oldCount)} +${range(newAt[from], newCount)} @@\n`;
    out += hunk.map(written).join('');
    i = j;
  }
  return out;
}
