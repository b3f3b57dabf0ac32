/**
 * Search latency and memory at 10k and 100k passages, lexical and hybrid, through the
 * knowledge service's public API: the synthetic packs of bench/synthetic-pack.ts (doc2dial-dev
 * articles varied, random vectors labelled `inloop-test/minilm-l6-shape-random`) installed
 * once (bench/corpora.ts), then each size and mode in a fresh process (what the app holds after
 * loading its packs, not after installing 100k passages in the same process) running 1,000
 * doc2dial-dev dialogue states as conversation queries. Hybrid embeds each query with the real
 * model shape in its worker; memory then includes the worker.
 */
import type { BenchRow } from './table';
import { benchCorpus, installedCorpus } from './corpora';
import { SYNTHETIC_STATES } from './peers/search.peers';
import { searchRun } from './peers/search-runs';

/** Corpus sizes; `INLOOP_BENCH_SEARCH_SIZES=10000` runs a subset (the 100k install is slow). */
const SIZES = (process.env.INLOOP_BENCH_SEARCH_SIZES ?? '10000,100000')
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => Number.isInteger(size) && size > 0);
const TARGET_P95_MS = { lexical: 30, hybrid: 60 } as const;

/** The `search` rows of `npm run bench`; none (with a message) when the data or model is absent. */
export function benchSearch(sizes: readonly number[] = SIZES): Promise<BenchRow[]> {
  return benchCorpus(async (embedder) => {
    const rows: BenchRow[] = [];
    for (const size of sizes) {
      const corpus = await installedCorpus(String(size), embedder);
      const label = `search ${size / 1000}k`;
      rows.push({
        benchmark: label,
        metric: `install (${corpus.packs} pack${corpus.packs > 1 ? 's' : ''}, first run only)`,
        value: corpus.installSeconds,
        unit: 's',
      });
      for (const mode of ['lexical', 'hybrid'] as const) {
        const run = await searchRun(mode === 'lexical' ? 'inloop' : 'inloop-hybrid', corpus, {
          states: SYNTHETIC_STATES.full,
          hits: false,
        });
        if ('error' in run) throw new Error(`${label} ${mode}: ${run.error}`);
        const what = mode === 'hybrid' ? 'hybrid (random passage vectors)' : 'lexical';
        const target =
          size === 100_000 ? { op: '<=' as const, value: TARGET_P95_MS[mode] } : undefined;
        rows.push(
          { benchmark: label, metric: `${what} p50`, value: run.p50, unit: 'ms' },
          { benchmark: label, metric: `${what} p95`, value: run.p95, unit: 'ms', target },
          {
            benchmark: label,
            metric: `${mode}: load (open + index)`,
            value: run.buildMs / 1000,
            unit: 's',
          },
          {
            benchmark: label,
            metric: `${mode}: RSS after the queries`,
            value: run.rssAfter,
            unit: 'MiB',
          },
          {
            benchmark: label,
            metric: `${mode}: V8 heap used after the queries`,
            value: run.heapAfter,
            unit: 'MiB',
          },
          {
            benchmark: label,
            metric: `${mode}: array buffers (index postings)`,
            value: run.arrayBuffersAfter,
            unit: 'MiB',
          },
        );
      }
    }
    return rows;
  });
}
