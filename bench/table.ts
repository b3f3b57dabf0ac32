/** Benchmark results as a plain text table: one row a measurement, with its target. */
export interface BenchRow {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** e.g. `<= 30`: shown, and checked when present. */
  target?: { op: '<=' | '>='; value: number };
}

export function passes(row: BenchRow): boolean | null {
  if (!row.target) return null;
  return row.target.op === '<=' ? row.value <= row.target.value : row.value >= row.target.value;
}

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => {
    const verdict = passes(r);
    return [
      r.benchmark,
      r.metric,
      `${fmt(r.value)} ${r.unit}`,
      r.target ? `${r.target.op} ${r.target.value} ${r.unit}` : '',
      verdict === null ? '' : verdict ? 'ok' : 'MISS',
    ];
  });
  const header = ['benchmark', 'metric', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

/** p-th percentile (0-100) of a sample, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
