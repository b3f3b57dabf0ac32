/**
 * The lexical ranking pipeline: conversation -> weighted queries -> BM25F passage scores fused
 * with whole-article scores -> optional query expansion (RM3) -> diversity. It ranks either
 * every passage of the index or a candidate set given by another engine (LanceDB FTS).
 */
import { scoreAll, scoreOne, type Bm25Params } from './bm25';
import { conversationQuery, mergeQueries } from './conversation-query';
import { diversify } from './diversity';
import { expansionTerms } from './query-expansion';
import { proximityShare } from './proximity';
import { correctTerm } from './spelling';
import { fuseWithArticles, maxNormalize, topIndices } from './fusion';
import { passageBodyTerms, type KnowledgeIndex } from './knowledge-index';
import type { SearchOptions } from './search-options';
import type { ScoredPassage, Turn } from './types';

/** One result list and, for diagnostics, the article ranking behind it. */
export interface SearchResult {
  readonly passages: readonly ScoredPassage[];
  readonly articleScores: Float64Array;
}

function passageScores(
  index: KnowledgeIndex,
  query: ReadonlyMap<string, number>,
  params: Bm25Params,
  candidates: readonly number[] | undefined,
): Float64Array {
  if (!candidates) return scoreAll(index.passageIndex, query, params);
  const scores = new Float64Array(index.passages.length);
  for (const c of candidates) scores[c] = scoreOne(index.passageIndex, query, params, c);
  return scores;
}

function fused(
  index: KnowledgeIndex,
  query: ReadonlyMap<string, number>,
  articleNorm: Float64Array,
  options: SearchOptions,
  candidates: readonly number[] | undefined,
): Float64Array {
  const params = { k1: options.k1, fields: options.passageFields };
  // One array per ranking, normalised and fused in place: at 100k passages each copy is
  // 800 KB, and three per ranking (six with query expansion) made V8 collect every few queries.
  const scores = passageScores(index, query, params, candidates);
  maxNormalize(scores, scores);
  return fuseWithArticles(scores, articleNorm, index.articleOf, options.articleWeight, scores);
}

function termMapper(index: KnowledgeIndex, options: SearchOptions) {
  return options.correctTypos ? (t: string) => correctTerm(index.spelling, t) : (t: string) => t;
}

/** Passage and article indices another engine found; the rest score zero. */
export interface Candidates {
  readonly passages: readonly number[];
  readonly articles?: readonly number[];
}

/** Whole-article scores for the conversation, normalised so the best article has 1. */
export function articleEvidence(
  index: KnowledgeIndex,
  turns: readonly Turn[],
  options: SearchOptions,
  candidates?: readonly number[],
): Float64Array {
  if (options.articleWeight <= 0) return new Float64Array(index.articleIds.length);
  const query = conversationQuery(
    turns,
    options.articleQuery,
    index.options.analyzer,
    termMapper(index, options),
  );
  const params = { k1: options.k1, fields: options.articleFields };
  if (!candidates) {
    const all = scoreAll(index.articleIndex, query, params);
    return maxNormalize(all, all);
  }
  const scores = new Float64Array(index.articleIds.length);
  for (const c of candidates) scores[c] = scoreOne(index.articleIndex, query, params, c);
  return maxNormalize(scores, scores);
}

/**
 * Ranks passages for the conversation `turns` (oldest first, the latest the customer's) and
 * returns the best `k`. `candidates`, when given, restricts ranking to those passages (and
 * article evidence to those articles).
 */
export function searchPassages(
  index: KnowledgeIndex,
  turns: readonly Turn[],
  k: number,
  options: SearchOptions,
  candidates?: Candidates,
): SearchResult {
  const articleScores = articleEvidence(index, turns, options, candidates?.articles);
  let query = conversationQuery(
    turns,
    options.passageQuery,
    index.options.analyzer,
    termMapper(index, options),
  );
  let scores = fused(index, query, articleScores, options, candidates?.passages);
  if (options.expansion.docs > 0 && options.expansion.weight > 0) {
    const top = topIndices(scores, options.expansion.docs);
    const extra = expansionTerms(
      index.passageIndex,
      top,
      (d) => passageBodyTerms(index.passages[d]!, index.options.analyzer),
      options.expansion.terms,
    );
    query = mergeQueries(query, extra, options.expansion.weight);
    scores = fused(index, query, articleScores, options, candidates?.passages);
  }
  const pool = topIndices(scores, Math.max(k, options.pool));
  if (options.proximity.weight > 0) {
    const unigrams = new Map([...query].filter(([t]) => !t.includes(' ')));
    for (const i of pool) {
      const terms = passageBodyTerms(index.passages[i]!, index.options.analyzer);
      scores[i]! +=
        options.proximity.weight * proximityShare(terms, unigrams, options.proximity.window);
    }
    pool.sort((a, b) => scores[b]! - scores[a]! || a - b);
  }
  const best = scores[pool[0] ?? 0] || 1;
  const items = pool.map((i) => {
    const passage = index.passages[i]!;
    return {
      passage,
      articleId: passage.articleId,
      start: passage.start,
      end: passage.end,
      score: scores[i]! / best,
    };
  });
  const picked = diversify(items, k, options.diversity);
  return { passages: picked.map(({ passage, score }) => ({ passage, score })), articleScores };
}
