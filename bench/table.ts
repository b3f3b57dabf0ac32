/**
 * Benchmark results as plain text tables: one row a measurement, with its target, and, for
 * the peer comparisons, the same measurement of each peer from the same run with the ratio.
 */
export interface BenchRow {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** e.g. `<= 30`: shown, and checked when present. */
  target?: { op: '<=' | '>='; value: number };
  /** Which way is better (needed to say who wins a peer comparison; default lower). */
  better?: 'lower' | 'higher';
  /** The same measurement of the peers, same data, same queries, same run. */
  peers?: PeerFigure[];
}

/** One peer's figure for a row. */
export interface PeerFigure {
  name: string;
  /** null when the peer could not run this row (the reason in `note`). */
  value: number | null;
  note?: string;
}

export function passes(row: BenchRow): boolean | null {
  if (!row.target) return null;
  return row.target.op === '<=' ? row.value <= row.target.value : row.value >= row.target.value;
}

/** Inloop's value over the peer's (so 0.5 is half the peer's latency, or half its hit rate). */
export function peerRatio(row: BenchRow, peer: PeerFigure): number | null {
  if (peer.value === null || peer.value === 0) return null;
  return row.value / peer.value;
}

/** True when the peer's figure is better than Inloop's on this row. */
export function peerWins(row: BenchRow, peer: PeerFigure): boolean {
  if (peer.value === null) return false;
  return row.better === 'higher' ? peer.value > row.value : peer.value < row.value;
}

export const fmt = (n: number) =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

/** A Markdown-style table of `cells` under `header`, columns padded. */
export function grid(header: string[], cells: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

/** The rows without peers, one table. */
function plainTable(rows: readonly BenchRow[]): string {
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
  return grid(['benchmark', 'metric', 'value', 'target', ''], cells);
}

/**
 * The rows with peers, one table per benchmark: Inloop's value, then each peer's value and
 * Inloop / peer; a peer that wins the row is marked `◀`.
 */
function peerTables(rows: readonly BenchRow[]): string {
  const groups = new Map<string, BenchRow[]>();
  for (const row of rows) groups.set(row.benchmark, [...(groups.get(row.benchmark) ?? []), row]);
  const out: string[] = [];
  for (const [benchmark, group] of groups) {
    const names = [...new Set(group.flatMap((r) => (r.peers ?? []).map((p) => p.name)))];
    const header = ['metric', 'Inloop', ...names.flatMap((n) => [n, 'ratio'])];
    const cells = group.map((r) => {
      const peerCells = names.flatMap((name) => {
        const peer = r.peers?.find((p) => p.name === name);
        if (!peer) return ['', ''];
        if (peer.value === null) return [peer.note ?? 'n/a', ''];
        const ratio = peerRatio(r, peer);
        const mark = peerWins(r, peer) ? ' ◀' : '';
        return [`${fmt(peer.value)} ${r.unit}${mark}`, ratio === null ? '' : `${fmt(ratio)}×`];
      });
      const verdict = passes(r);
      const flag = verdict === false ? ' MISS' : '';
      return [r.metric, `${fmt(r.value)} ${r.unit}${flag}`, ...peerCells];
    });
    out.push(`${benchmark}\n${grid(header, cells)}`);
  }
  return out.join('\n\n');
}

export function formatTable(rows: readonly BenchRow[]): string {
  const plain = rows.filter((r) => !r.peers?.length);
  const withPeers = rows.filter((r) => r.peers?.length);
  const parts: string[] = [];
  if (plain.length) parts.push(plainTable(plain));
  if (withPeers.length) {
    parts.push(
      `Peers (ratio = Inloop / peer; ◀ = the peer is better on that row)\n\n${peerTables(withPeers)}`,
    );
  }
  return parts.join('\n\n');
}

/** The rows where a peer beats Inloop, one line each. */
export function peerWinsSummary(rows: readonly BenchRow[]): string[] {
  return rows.flatMap((r) =>
    (r.peers ?? [])
      .filter((p) => peerWins(r, p))
      .map(
        (p) =>
          `${r.benchmark} · ${r.metric}: ${p.name} ${fmt(p.value!)} ${r.unit} vs Inloop ${fmt(r.value)} ${r.unit}`,
      ),
  );
}

/** p-th percentile (0-100) of a sample, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
