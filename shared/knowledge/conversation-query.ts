/**
 * Builds a weighted query from the conversation so far. The latest customer turn weighs most;
 * each older turn weighs `decay` times the one after it; agent turns are scaled by
 * `agentWeight`. A term's weight is the sum over the turns that use it, so a topic the
 * customer keeps returning to stays strong while one-off words of old turns fade.
 */
import { analyze, bigrams, type AnalyzerOptions, DEFAULT_ANALYZER } from './analyzer';
import type { Turn } from './types';

/** How turns are weighted into a query. */
export interface ConversationQueryOptions {
  /** Weight ratio between a turn and the turn after it (1 = whole conversation, flat). */
  readonly decay: number;
  /** Multiplier for agent turns. */
  readonly agentWeight: number;
  /** Weight of bigram terms relative to their turn's unigrams (0 = none). */
  readonly bigramWeight: number;
  /** Only the newest `maxTurns` turns are used (Infinity = all). */
  readonly maxTurns: number;
}

/** Maps a query term to the term to search for (e.g. a typo fix); identity by default. */
export type TermMapper = (term: string) => string;

/** The weight of each turn, oldest first (age counts turns back from the latest). */
export function turnWeights(turns: readonly Turn[], options: ConversationQueryOptions): number[] {
  const n = turns.length;
  return turns.map((turn, i) => {
    const age = n - 1 - i;
    if (age >= options.maxTurns) return 0;
    const role = turn.role === 'agent' ? options.agentWeight : 1;
    return role * Math.pow(options.decay, age);
  });
}

/** The weighted query terms (unigrams and, when asked, bigrams) of a conversation. */
export function conversationQuery(
  turns: readonly Turn[],
  options: ConversationQueryOptions,
  analyzer: AnalyzerOptions = DEFAULT_ANALYZER,
  mapTerm: TermMapper = (t) => t,
): Map<string, number> {
  const query = new Map<string, number>();
  const add = (term: string, w: number) => query.set(term, (query.get(term) ?? 0) + w);
  const weights = turnWeights(turns, options);
  turns.forEach((turn, i) => {
    const w = weights[i] ?? 0;
    if (w <= 0) return;
    const terms = analyze(turn.text, analyzer).map(mapTerm);
    for (const t of terms) add(t, w);
    if (options.bigramWeight > 0) for (const b of bigrams(terms)) add(b, w * options.bigramWeight);
  });
  return query;
}

/** Adds `extra` into `query` scaled by `weight` (for query-expansion terms), returning a new map. */
export function mergeQueries(
  query: ReadonlyMap<string, number>,
  extra: ReadonlyMap<string, number>,
  weight: number,
): Map<string, number> {
  const out = new Map(query);
  for (const [t, w] of extra) out.set(t, (out.get(t) ?? 0) + w * weight);
  return out;
}
