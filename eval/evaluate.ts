/**
 * Runs a ranker over dialogue states and scores it with the doc2dial hit definition, timing
 * each query.
 */
import { performance } from 'node:perf_hooks';
import type { Turn } from '../shared/knowledge/types';
import type { DialogueState } from './doc2dial';
import { firstHitRank, type SpanWordCounting } from './metric';

/** What the metric needs of a ranked passage. */
export interface RankedText {
  readonly articleId: string;
  readonly text: string;
}

/** A ranker: conversation in, passages best first out (at least 10). */
export type Ranker = (
  turns: readonly Turn[],
) => readonly RankedText[] | Promise<readonly RankedText[]>;

/** hit@1/5/10 under one word counting. */
export interface Hits {
  readonly at1: number;
  readonly at5: number;
  readonly at10: number;
}

/** Scores and latency of one ranker on one set of states. */
export interface EvalResult {
  readonly n: number;
  readonly unique: Hits;
  readonly all: Hits;
  /** Passage from the gold article at rank 1 (span ignored), for diagnosis. */
  readonly articleAt1: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function hits(ranks: readonly (number | null)[]): Hits {
  const n = Math.max(1, ranks.length);
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  return { at1: within(1), at5: within(5), at10: within(10) };
}

/** Evaluates `ranker`; `latestOnly` gives it only the latest customer turn. */
export async function evaluate(
  ranker: Ranker,
  states: readonly DialogueState[],
  latestOnly = false,
): Promise<EvalResult> {
  const ranks: Record<SpanWordCounting, (number | null)[]> = { unique: [], all: [] };
  const times: number[] = [];
  let articleAt1 = 0;
  for (const s of states) {
    const turns = latestOnly ? s.turns.slice(-1) : s.turns;
    const t0 = performance.now();
    const ranked = (await ranker(turns)).slice(0, 10);
    times.push(performance.now() - t0);
    if (ranked[0]?.articleId === s.goldArticleId) articleAt1++;
    for (const c of ['unique', 'all'] as const) {
      ranks[c].push(firstHitRank(ranked, s.goldArticleId, s.goldSpan, c));
    }
  }
  times.sort((a, b) => a - b);
  return {
    n: states.length,
    unique: hits(ranks.unique),
    all: hits(ranks.all),
    articleAt1: articleAt1 / Math.max(1, states.length),
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
  };
}
