/** Bench results: the peer table says who wins a row, and --compare gives new / old per row. */
import { describe, expect, it } from 'vitest';
import { compareResults, type Results } from '../../bench/results';
import { formatTable, peerWinsSummary, type BenchRow } from '../../bench/table';

const rows: BenchRow[] = [
  {
    benchmark: 'lexical search, synthetic 10k',
    metric: 'p95',
    value: 4,
    unit: 'ms',
    better: 'lower',
    peers: [
      { name: 'Orama', value: 40 },
      { name: 'FlexSearch', value: 2 },
    ],
  },
  {
    benchmark: 'lexical search, synthetic 10k',
    metric: 'hit@1',
    value: 0.6,
    unit: '',
    better: 'higher',
    peers: [
      { name: 'Orama', value: 0.3 },
      { name: 'FlexSearch', value: null, note: 'failed' },
    ],
  },
];

const run = (at: string, value: number): Results => ({
  format: 1,
  at,
  benchmarks: ['search-peers'],
  machine: { cpu: 'test', cores: 2, memoryGiB: 8, node: 'v22', load: [0, 0] },
  rows: [{ ...rows[0]!, value }],
});

describe('peer tables', () => {
  it('gives each peer its figure and Inloop / peer, and marks the rows a peer wins', () => {
    const table = formatTable(rows);
    expect(table).toMatch(
      /\| p95 +\| 4\.00 ms +\| 40\.0 ms +\| 0\.10× +\| 2\.00 ms ◀ +\| 2\.00× +\|/,
    );
    expect(table).toContain('failed');
    expect(peerWinsSummary(rows)).toEqual([
      'lexical search, synthetic 10k · p95: FlexSearch 2.00 ms vs Inloop 4.00 ms',
    ]);
  });
});

describe('compareResults', () => {
  it('prints new / old per row and whether that is better for the row', () => {
    const text = compareResults(run('2026-12-01T10:00', 4), run('2026-12-02T10:00', 5));
    expect(text).toMatch(/\| p95 +\| Inloop +\| 4\.00 ms +\| 5\.00 ms +\| 1\.25× +\| worse +\|/);
    expect(text).toMatch(/\| Orama +\| 40\.0 ms +\| 40\.0 ms +\| 1\.00× +\| same +\|/);
  });
});
