/**
 * A unified diff (`diff -u` style, 3 lines of context) of one file's old and new text: what a
 * team lead reviews before applying a learning proposal to the pack source.
 */

/** Lines of context around each change. */
const CONTEXT = 3;
/** Past this many line pairs the diff shows the whole file replaced (no LCS table). */
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

function lineOps(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((line) => ({ kind: '-' as const, line })),
      ...b.map((line) => ({ kind: '+' as const, line })),
    ];
  }
  // Longest common subsequence lengths from the end, then one forward walk.
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      ops.push({ kind: '+', line: b[j]! });
      j++;
    } else {
      ops.push({ kind: '-', line: a[i]! });
      i++;
    }
  }
  return ops;
}

const splitLines = (text: string): string[] => {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/** The diff of `before` (null: a new file) → `after` at `path`; '' when they are equal. */
export function unifiedDiff(path: string, before: string | null, after: string): string {
  if (before === after) return '';
  const ops = lineOps(splitLines(before ?? ''), splitLines(after));
  const changed = ops.flatMap((op, k) => (op.kind === ' ' ? [] : [k]));
  const hunks: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - CONTEXT);
    let end = changed[k]!;
    while (k < changed.length && changed[k]! <= end + 2 * CONTEXT) end = changed[k++]!;
    end = Math.min(ops.length - 1, end + CONTEXT);
    let oldLine = 1;
    let newLine = 1;
    for (const op of ops.slice(0, start)) {
      if (op.kind !== '+') oldLine++;
      if (op.kind !== '-') newLine++;
    }
    const slice = ops.slice(start, end + 1);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    hunks.push(
      `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`,
      ...slice.map((op) => `${op.kind}${op.line}`),
    );
  }
  const from = before === null ? '/dev/null' : `a/${path}`;
  return [`--- ${from}`, `+++ b/${path}`, ...hunks].join('\n') + '\n';
}
