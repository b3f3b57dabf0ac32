/**
 * Searching a corpus: lexical ranking by the pure pipeline of shared/knowledge (over the whole
 * merged index, or, for large corpora, over candidates LanceDB's full-text index returns), and
 * hybrid ranking that fuses it by reciprocal rank with LanceDB vector search on the
 * conversation's embedding.
 */
import { conversationQuery } from '../../../shared/knowledge/conversation-query';
import { diversify } from '../../../shared/knowledge/diversity';
import { embeddingQueryText } from '../../../shared/knowledge/embedding-query';
import { highlightTerms } from '../../../shared/knowledge/highlights';
import { reciprocalRankFusion } from '../../../shared/knowledge/rank-fusion';
import { searchPassages, type Candidates } from '../../../shared/knowledge/search';
import type { SearchOptions } from '../../../shared/knowledge/search-options';
import { correctTerm } from '../../../shared/knowledge/spelling';
import type { Turn } from '../../../shared/knowledge/types';
import type { Embedder } from '../embeddings/embedder';
import { hitOf, type KnowledgeCorpus } from './knowledge-corpus';
import { ftsTop, vectorTop } from './lancedb-passage-store';

/**
 * Above this many passages, lexical search ranks FTS candidates instead of every passage. With
 * cached field norms and a bounded top-k, the in-memory scan of ~100k passages (p50 ≈ 20 ms)
 * beats the FTS candidate path (hundreds of ms: many boosted clauses per conversation), so the
 * candidate path is kept only for corpora beyond that.
 */
export const FULL_SCAN_MAX_PASSAGES = 250_000;
/** Passages and articles each pack's FTS contributes as candidates. */
const FTS_PASSAGES = 400;
const FTS_ARTICLES = 20;
/** How deep each ranking goes before fusion. */
export const HYBRID_POOL = 50;

/** A ranking of global passage numbers, best first, with scores (best = 1). */
export interface Ranked {
  readonly passages: readonly number[];
  readonly scores: readonly number[];
}

function queries(corpus: KnowledgeCorpus, turns: readonly Turn[], options: SearchOptions) {
  const { index } = corpus;
  const map = options.correctTypos ? (t: string) => correctTerm(index.spelling, t) : undefined;
  return {
    passage: conversationQuery(turns, options.passageQuery, index.options.analyzer, map),
    article: conversationQuery(turns, options.articleQuery, index.options.analyzer, map),
  };
}

/** The terms to highlight on cards for this conversation. */
export function termsToHighlight(
  corpus: KnowledgeCorpus,
  turns: readonly Turn[],
  options: SearchOptions,
): Set<string> {
  return highlightTerms(queries(corpus, turns, options).passage);
}

/** Lexical ranking over every passage (synchronous; the whole-index path). */
export function rankLexical(
  corpus: KnowledgeCorpus,
  turns: readonly Turn[],
  k: number,
  options: SearchOptions,
  candidates?: Candidates,
): Ranked {
  if (corpus.index.passages.length === 0) return { passages: [], scores: [] };
  const result = searchPassages(corpus.index, turns, k, options, candidates);
  return {
    passages: result.passages.map((p) => corpus.positionOf.get(p.passage)!),
    scores: result.passages.map((p) => p.score),
  };
}

/** Candidates from each pack's LanceDB FTS: top passages, and every passage of top articles. */
export async function ftsCandidates(
  corpus: KnowledgeCorpus,
  turns: readonly Turn[],
  options: SearchOptions,
): Promise<Candidates> {
  const q = queries(corpus, turns, options);
  const passages = new Set<number>();
  const articles = new Set<number>();
  await Promise.all(
    corpus.packs.map(async (pack, i) => {
      const [ps, as] = await Promise.all([
        ftsTop(pack.store.passages, q.passage, FTS_PASSAGES),
        ftsTop(pack.store.articles, q.article, FTS_ARTICLES),
      ]);
      for (const p of ps) passages.add(p + corpus.passageOffsets[i]!);
      for (const a of as) articles.add(a + corpus.articleOffsets[i]!);
    }),
  );
  for (const a of articles) for (const p of corpus.articlePassages[a] ?? []) passages.add(p);
  for (const p of passages) articles.add(corpus.index.articleOf[p]!);
  return { passages: [...passages], articles: [...articles] };
}

/** Lexical ranking, whole-index for small corpora and FTS-candidate for large ones. */
export async function rankLexicalAsync(
  corpus: KnowledgeCorpus,
  turns: readonly Turn[],
  k: number,
  options: SearchOptions,
  fullScanMax: number = FULL_SCAN_MAX_PASSAGES,
): Promise<Ranked> {
  if (corpus.index.passages.length <= fullScanMax) {
    return rankLexical(corpus, turns, k, options);
  }
  return rankLexical(corpus, turns, k, options, await ftsCandidates(corpus, turns, options));
}

/** The packs whose vectors `modelId` made (vector search only makes sense in those). */
export function packsWithVectors(corpus: KnowledgeCorpus, modelId: string): number[] {
  return corpus.packs.flatMap((p, i) => (p.version.embeddingModel === modelId ? [i] : []));
}

/** Vector ranking of the conversation across the packs that hold `embedder`'s vectors. */
export async function rankVectors(
  corpus: KnowledgeCorpus,
  turns: readonly Turn[],
  embedder: Embedder,
  limit: number,
): Promise<number[]> {
  const packs = packsWithVectors(corpus, embedder.modelId);
  const text = embeddingQueryText(turns);
  if (packs.length === 0 || text === '') return [];
  const [vector] = await embedder.embed([text]);
  const lists = await Promise.all(
    packs.map(async (i) =>
      (await vectorTop(corpus.packs[i]!.store.passages, vector!, limit)).map((r) => ({
        passage: r.idx + corpus.passageOffsets[i]!,
        distance: r.distance,
      })),
    ),
  );
  return lists
    .flat()
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((r) => r.passage);
}

/** Reciprocal-rank fusion of the two rankings, diversified, best `k`, best score 1. */
export function fuseHybrid(
  corpus: KnowledgeCorpus,
  lexical: readonly number[],
  vector: readonly number[],
  k: number,
  options: SearchOptions,
): Ranked {
  const fused = reciprocalRankFusion([{ items: lexical }, { items: vector }]);
  const best = fused[0]?.score || 1;
  const items = fused.map(({ item, score }) => {
    const p = corpus.index.passages[item]!;
    return { item, articleId: p.articleId, start: p.start, end: p.end, score: score / best };
  });
  const picked = diversify(items, k, options.diversity);
  return { passages: picked.map((p) => p.item), scores: picked.map((p) => p.score) };
}

/** The cards of a ranking. */
export function hitsOf(corpus: KnowledgeCorpus, ranked: Ranked, terms: ReadonlySet<string>) {
  return ranked.passages.map((p, i) => hitOf(corpus, p, ranked.scores[i]!, terms));
}
