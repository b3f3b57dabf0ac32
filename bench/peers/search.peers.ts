/**
 * Lexical and hybrid search against the peers (bench/peers/search-engines.ts), each engine in
 * its own fresh process (bench/peers/search-child.ts) on the same installed corpus and the
 * same doc2dial-dev dialogue states, one after another on this machine: doc2dial-dev (every
 * state, with hit@1 / hit@5), then the synthetic 10k and 100k corpora (the first 1,000 states;
 * a peer that is still querying after the time budget is measured on the states it did).
 */
import type { Embedder } from '../../electron/services/embeddings/embedder';
import { installedCorpus, type InstalledCorpus } from '../corpora';
import type { BenchRow, PeerFigure } from '../table';
import type { SearchChildResult } from './search-child';
import type { EngineName } from './search-engines';
import { searchRun, type SearchOutcome as Outcome } from './search-runs';

const LEXICAL_PEERS: readonly [EngineName, string][] = [
  ['lancedb-fts', 'LanceDB FTS'],
  ['orama', 'Orama'],
  ['minisearch', 'MiniSearch'],
  ['flexsearch', 'FlexSearch'],
];
const HYBRID_PEERS: readonly [EngineName, string][] = [['lancedb-hybrid', 'LanceDB hybrid']];

export interface SearchPeersOptions {
  /** doc2dial-dev and 10k only, fewer states and a shorter budget. */
  readonly quick: boolean;
}

/** States per synthetic corpus (the search bench asks for the same, so Inloop runs once). */
export const SYNTHETIC_STATES = { quick: 300, full: 1_000 } as const;

function runEngine(
  engine: EngineName,
  corpus: InstalledCorpus,
  options: SearchPeersOptions,
): Promise<Outcome> {
  const doc2dial = corpus.name === 'doc2dial-dev';
  // Inloop gets no budget: its runs double as the search bench's.
  const budget = engine.startsWith('inloop') ? {} : { budgetMs: options.quick ? 45_000 : 120_000 };
  return searchRun(
    engine,
    corpus,
    doc2dial
      ? { hits: true }
      : {
          states: options.quick ? SYNTHETIC_STATES.quick : SYNTHETIC_STATES.full,
          hits: false,
          ...budget,
        },
  );
}

interface Metric {
  readonly metric: string;
  readonly unit: string;
  readonly better: 'lower' | 'higher';
  readonly of: (r: SearchChildResult) => number | null;
}

const METRICS: readonly Metric[] = [
  { metric: 'p50', unit: 'ms', better: 'lower', of: (r) => r.p50 },
  { metric: 'p95', unit: 'ms', better: 'lower', of: (r) => r.p95 },
  { metric: 'index build (load + index)', unit: 's', better: 'lower', of: (r) => r.buildMs / 1000 },
  { metric: 'RSS after the queries', unit: 'MiB', better: 'lower', of: (r) => r.rssAfter },
  {
    metric: 'V8 heap used after the queries',
    unit: 'MiB',
    better: 'lower',
    of: (r) => r.heapAfter,
  },
  { metric: 'hit@1', unit: '', better: 'higher', of: (r) => r.hitAt1 },
  { metric: 'hit@5', unit: '', better: 'higher', of: (r) => r.hitAt5 },
];

function rows(
  benchmark: string,
  inloop: Outcome,
  peers: readonly { name: string; outcome: Outcome }[],
): BenchRow[] {
  if ('error' in inloop) throw new Error(`Inloop failed in ${benchmark}: ${inloop.error}`);
  const out: BenchRow[] = [];
  for (const m of METRICS) {
    const value = m.of(inloop);
    if (value === null) continue;
    const figures: PeerFigure[] = peers.map(({ name, outcome }) => {
      if ('error' in outcome) return { name, value: null, note: 'failed' };
      const v = m.of(outcome);
      const partial = outcome.queries < inloop.queries && m.unit === 'ms';
      return v === null
        ? { name, value: null, note: `${outcome.queries}/${inloop.queries} states in budget` }
        : { name, value: v, ...(partial ? { note: `${outcome.queries} states` } : {}) };
    });
    out.push({
      benchmark,
      metric: m.metric,
      value,
      unit: m.unit,
      better: m.better,
      peers: figures,
    });
  }
  const partial = peers.filter(
    (p) => !('error' in p.outcome) && p.outcome.queries < inloop.queries,
  );
  if (partial.length) {
    out.push({
      benchmark,
      metric: `states queried (of ${inloop.queries}) in the time budget`,
      value: inloop.queries,
      unit: '',
      better: 'higher',
      peers: peers.map(({ name, outcome }) => ({
        name,
        value: 'error' in outcome ? null : outcome.queries,
      })),
    });
  }
  return out;
}

function label(corpus: InstalledCorpus): string {
  return corpus.name === 'doc2dial-dev'
    ? `doc2dial-dev (${corpus.passages} passages)`
    : `synthetic ${corpus.passages / 1000}k`;
}

/** The lexical and hybrid peer rows. */
export async function benchSearchPeers(
  embedder: Embedder,
  options: SearchPeersOptions,
): Promise<BenchRow[]> {
  const names = ['doc2dial-dev', '10000', ...(options.quick ? [] : ['100000'])];
  const out: BenchRow[] = [];
  for (const name of names) {
    const corpus = await installedCorpus(name, embedder);
    const lexical = await runEngine('inloop', corpus, options);
    const lexicalPeers = [];
    for (const [engine, peer] of LEXICAL_PEERS) {
      lexicalPeers.push({ name: peer, outcome: await runEngine(engine, corpus, options) });
    }
    out.push(...rows(`lexical search, ${label(corpus)}`, lexical, lexicalPeers));
    const hybrid = await runEngine('inloop-hybrid', corpus, options);
    const hybridPeers = [];
    for (const [engine, peer] of HYBRID_PEERS) {
      hybridPeers.push({ name: peer, outcome: await runEngine(engine, corpus, options) });
    }
    const vectors = name === 'doc2dial-dev' ? 'random-weight model' : 'random vectors';
    out.push(...rows(`hybrid search (${vectors}), ${label(corpus)}`, hybrid, hybridPeers));
  }
  return out;
}
