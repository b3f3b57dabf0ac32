/**
 * One search engine on one installed corpus, in a fresh process (bench/child.ts): build time,
 * memory after building and after the queries, per-query latency, and hit@1 / hit@5 under
 * the doc2dial definition (eval/metric.ts) when the corpus is doc2dial-dev.
 */
import type { Embedder } from '../../electron/services/embeddings/embedder';
import { firstHitRank } from '../../eval/metric';
import { benchEmbedder, dialogueStates } from '../corpora';
import { childInput, memoryNow, reportResult } from '../child';
import { percentile } from '../table';
import { searchEngine, type EngineName } from './search-engines';

export interface SearchChildInput {
  readonly engine: EngineName;
  readonly dataDir: string;
  /** How many doc2dial-dev states to run (from the first); all when absent. */
  readonly states?: number;
  readonly hits: boolean;
  /**
   * Stop querying after this long (slow peers on big corpora): latency is then measured on
   * the states done so far, in the same order for every engine. Hits need every state.
   */
  readonly budgetMs?: number;
}

export interface SearchChildResult {
  readonly buildMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly rssBase: number;
  readonly rssBuilt: number;
  readonly rssAfter: number;
  readonly heapAfter: number;
  readonly arrayBuffersAfter: number;
  readonly hitAt1: number | null;
  readonly hitAt5: number | null;
  readonly queries: number;
}

const K = 10;
const WARM_UP = 20;
const MIN_QUERIES = 50;

const input = childInput<SearchChildInput>();
const hybrid = input.engine.endsWith('-hybrid');
const embedder: Embedder | null = hybrid ? await benchEmbedder() : null;
const states = dialogueStates(input.states);
const base = memoryNow();
const engine = searchEngine(input.engine, input.dataDir, embedder);
const t0 = performance.now();
await engine.build();
const buildMs = performance.now() - t0;
const built = memoryNow();
for (const state of states.slice(0, WARM_UP)) await engine.search(state, K);
const times: number[] = [];
let at1 = 0;
let at5 = 0;
const deadline = performance.now() + (input.budgetMs ?? Infinity);
for (const state of states) {
  if (performance.now() > deadline && times.length >= MIN_QUERIES) break;
  const started = performance.now();
  const results = await engine.search(state, K);
  times.push(performance.now() - started);
  if (input.hits) {
    const rank = firstHitRank(results, state.goldArticleId, state.goldSpan);
    if (rank !== null && rank <= 1) at1++;
    if (rank !== null && rank <= 5) at5++;
  }
}
const after = memoryNow();
await engine.close();
await embedder?.close();
const result: SearchChildResult = {
  buildMs,
  p50: percentile(times, 50),
  p95: percentile(times, 95),
  rssBase: base.rss,
  rssBuilt: built.rss,
  rssAfter: after.rss,
  heapAfter: after.heapUsed,
  arrayBuffersAfter: after.arrayBuffers,
  hitAt1: input.hits && times.length === states.length ? at1 / states.length : null,
  hitAt5: input.hits && times.length === states.length ? at5 / states.length : null,
  queries: times.length,
};
reportResult(result);
