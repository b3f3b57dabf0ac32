/**
 * The one place search applies what the device learned: a ranking of `LEARNED_POOL` passages is
 * re-ordered by the learning capability's article priors (`rerankWithPriors`) and cut to `k`.
 * Without learning (off, or nothing learned yet) the ranking is the pack's own, untouched.
 */
import type { LearnedRanking, PriorTurn } from '../../../shared/learning/knowledge-priors';
import type { KnowledgeCorpus } from './knowledge-corpus';
import type { Ranked } from './knowledge-search';

/** How deep the ranking goes when priors may lift a passage into the top k. */
export const LEARNED_POOL = 20;

/** The depth to rank to before the learned step. */
export function learnedPool(learned: LearnedRanking | undefined, k: number): number {
  return learned?.active() ? Math.max(k, LEARNED_POOL) : k;
}

/** `ranked` re-ordered by the learned priors, best `k`. */
export function withLearnedPriors(
  corpus: KnowledgeCorpus,
  ranked: Ranked,
  turns: readonly PriorTurn[],
  k: number,
  learned: LearnedRanking | undefined,
  intentId?: string | null,
): Ranked {
  if (!learned?.active() || ranked.passages.length === 0) {
    return { passages: ranked.passages.slice(0, k), scores: ranked.scores.slice(0, k) };
  }
  const candidates = ranked.passages.map((p, i) => {
    const pack = corpus.packOf[p]!;
    const local = corpus.packs[pack]!.content.passages[p - corpus.passageOffsets[pack]!]!;
    return {
      packId: corpus.packs[pack]!.version.id,
      articleId: local.articleId,
      score: ranked.scores[i]!,
    };
  });
  const { order, scores } = learned.rerank(turns, candidates, k, intentId);
  return { passages: order.map((i) => ranked.passages[i]!), scores };
}
