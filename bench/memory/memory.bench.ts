/**
 * The memory budget of the services process (bench/memory/services-child.ts, each scenario in
 * a fresh process, bundled as the Electron app runs it (bundle.ts), composed as `inloop serve`
 * and the app compose the services, with the bench embedding model so
 * search is hybrid): idle with the example pack, and 10k and 100k passages while searching.
 * RSS and the V8 heap apart: RSS holds the native side too (Node, LanceDB, their code pages),
 * the heap only the JavaScript objects. The embedding model runs in a process of its own
 * (it stops when idle); its RSS is its own row, not part of the services process's.
 */
import { runChild } from '../child';
import { benchCorpus, installedCorpus } from '../corpora';
import type { BenchRow } from '../table';
import { bundleServicesChild } from './bundle';
import type { ServicesChildInput, ServicesChildResult } from './services-child';

/** The embedder's idle stop, shortened so "idle" is seconds away, not the default 5 minutes. */
const IDLE_SECONDS = 5;
const BUDGET_MIB = { example: 200, 10000: 350, 100000: 700 } as const;

function memoryRows(
  label: string,
  result: ServicesChildResult,
  budget: number,
  idle: boolean,
): BenchRow[] {
  const row = (metric: string, value: number, unit = 'MiB'): BenchRow => ({
    benchmark: label,
    metric,
    value,
    unit,
  });
  const budgetRow: BenchRow = {
    ...row(
      idle ? 'RSS, idle (embedder stopped)' : 'RSS while searching (hybrid)',
      idle ? result.idle.rss : result.searching.rss,
    ),
    target: { op: '<=', value: budget },
  };
  return [
    budgetRow,
    idle
      ? row('RSS while searching (hybrid)', result.searching.rss)
      : row('RSS, idle (embedder stopped)', result.idle.rss),
    row('V8 heap used while searching', result.searching.heapUsed),
    row('V8 heap used, idle', result.idle.heapUsed),
    row('embedding process RSS while searching', result.searching.workersRss),
    row('embedding process RSS, idle (0: stopped)', result.idle.workersRss),
    row(`knowledge:search p95 (${result.mode})`, result.p95, 'ms'),
  ];
}

/** The `memory` rows; `quick` leaves out 100k. */
export function benchMemory(options: { quick: boolean }): Promise<BenchRow[]> {
  return benchCorpus(async (embedder) => {
    const rows: BenchRow[] = [];
    const child = await bundleServicesChild();
    const example = await runChild<ServicesChildResult>(child, {
      searches: 300,
      idleSeconds: IDLE_SECONDS,
    } satisfies ServicesChildInput);
    rows.push(...memoryRows('services process, example pack', example, BUDGET_MIB.example, true));
    for (const size of options.quick ? [10_000] : [10_000, 100_000]) {
      const corpus = await installedCorpus(String(size), embedder);
      const result = await runChild<ServicesChildResult>(child, {
        dataDir: corpus.dataDir,
        searches: 1_000,
        idleSeconds: IDLE_SECONDS,
      } satisfies ServicesChildInput);
      const budget = size === 10_000 ? BUDGET_MIB[10000] : BUDGET_MIB[100000];
      rows.push(...memoryRows(`services process, ${size / 1000}k passages`, result, budget, false));
    }
    return rows;
  });
}
