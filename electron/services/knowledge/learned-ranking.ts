/**
 * The one place search applies what the device learned: a ranking of `LEARNED_POOL` passages is
 * re-scored by the learning capability's article priors (`scoresWithPriors`), re-ordered and
 * diversified again (a lifted article must not fill the cards with its overlapping windows), and
 * cut to `k`. Without learning (off, or nothing learned yet) the ranking is the pack's own.
 */
import { diversify } from '../../../shared/knowledge/diversity';
import type {
  LearnedRanking,
  PriorTurn,
  SearchContext,
} from '../../../shared/learning/knowledge-priors';
import type { KnowledgeCorpus } from './knowledge-corpus';
import type { Ranked } from './knowledge-search';

/** How deep the ranking goes when priors may lift a passage into the top k. */
export const LEARNED_POOL = 20;

/** The depth to rank to before the learned step. */
export function learnedPool(learned: LearnedRanking | undefined, k: number): number {
  return learned?.active() ? Math.max(k, LEARNED_POOL) : k;
}

/** `ranked` re-scored by the learned priors, diversified with `penalty`, best `k`. */
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
  if (!learned?.active() || ranked.passages.length === 0) return top();
  const candidates = ranked.passages.map((p, i) => {
    const pack = corpus.packOf[p]!;
    const local = corpus.packs[pack]!.content.passages[p - corpus.passageOffsets[pack]!]!;
    return {
      packId: corpus.packs[pack]!.version.id,
      articleId: local.articleId,
      passage: local.text,
      score: ranked.scores[i]!,
    };
  });
  const scores = learned.rescore(turns, candidates, context);
  if (!scores) return top();
  const items = ranked.passages
    .map((p, i) => {
      const passage = corpus.index.passages[p]!;
      return {
        item: p,
        articleId: passage.articleId,
        start: passage.start,
        end: passage.end,
        score: scores[i]!,
      };
    })
    .sort((a, b) => b.score - a.score);
  const picked = diversify(items, k, penalty);
  return { passages: picked.map((p) => p.item), scores: picked.map((p) => p.score) };
}
