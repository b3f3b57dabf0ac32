/**
 * The one place search applies what was learned: a ranking of `LEARNED_POOL` passages is
 * re-scored first by the team's ranking the packs carry (`ranking.yaml`, part of the pack's own
 * ranking, applied whether or not this device learns), then by this device's learned priors
 * (`scoresWithPriors` of the learning capability), re-ordered and diversified again (a lifted
 * article must not fill the cards with its overlapping windows), and cut to `k`. With neither
 * (no team ranking, learning off or nothing learned yet) the ranking is the pack's lexical one.
 */
import { diversify } from '../../../shared/knowledge/diversity';
import {
  priorQuery,
  scoresWithPriors,
  type LearnedRanking,
  type PriorCandidate,
  type PriorTurn,
  type SearchContext,
} from '../../../shared/learning/knowledge-priors';
import type { KnowledgeCorpus } from './knowledge-corpus';
import type { Ranked } from './knowledge-search';

/** How deep the ranking goes when priors may lift a passage into the top k. */
export const LEARNED_POOL = 20;

/** The depth to rank to before the learned step. */
export function learnedPool(
  corpus: KnowledgeCorpus,
  learned: LearnedRanking | undefined,
  k: number,
): number {
  return corpus.team || learned?.active() ? Math.max(k, LEARNED_POOL) : k;
}

/** `ranked` re-scored by the team's ranking and the learned priors, diversified, best `k`. */
export function withLearnedPriors(
  corpus: KnowledgeCorpus,
  ranked: Ranked,
  turns: readonly PriorTurn[],
  k: number,
  penalty: number,
  learned: LearnedRanking | undefined,
  context: SearchContext = {},
): Ranked {
  const top = (): Ranked => ({
    passages: ranked.passages.slice(0, k),
    scores: ranked.scores.slice(0, k),
  });
  const device = learned?.active() ? learned : undefined;
  if ((!corpus.team && !device) || ranked.passages.length === 0) return top();
  let order = ranked.passages.map((item, i) => ({ item, score: ranked.scores[i]! }));
  let moved = false;
  const rescore = (scores: readonly number[] | null) => {
    if (!scores) return;
    moved = true;
    order = order.map((o, i) => ({ item: o.item, score: scores[i]! }));
    order.sort((a, b) => b.score - a.score);
  };
  // The conversation's prior terms, read once for both steps.
  const query = priorQuery(turns);
  if (corpus.team) rescore(scoresWithPriors(corpus.team, { query }, candidatesOf(corpus, order)));
  if (device) rescore(device.rescore(query, candidatesOf(corpus, order), context));
  // Nothing learned applies to this query: the pack's own ranking, exactly.
  if (!moved) return top();
  const items = order.map(({ item, score }) => {
    const passage = corpus.index.passages[item]!;
    return { item, articleId: passage.articleId, start: passage.start, end: passage.end, score };
  });
  const picked = diversify(items, k, penalty);
  return { passages: picked.map((p) => p.item), scores: picked.map((p) => p.score) };
}

/** The candidates as the priors see them: pack, article, passage text and score. */
function candidatesOf(
  corpus: KnowledgeCorpus,
  order: readonly { item: number; score: number }[],
): PriorCandidate[] {
  return order.map(({ item, score }) => {
    const pack = corpus.packOf[item]!;
    const local = corpus.packs[pack]!.content.passages[item - corpus.passageOffsets[pack]!]!;
    return {
      packId: corpus.packs[pack]!.version.id,
      articleId: local.articleId,
      passage: local.text,
      score,
    };
  });
}
