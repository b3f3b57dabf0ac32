/**
 * Every loaded pack merged into one in-memory `KnowledgeIndex`: one vocabulary and one set of
 * idf statistics, so scores from different packs compare directly and one ranking serves all
 * of them. Global passage (and article) numbers run pack after pack; `offsets` maps them back
 * to a pack's own LanceDB row positions.
 */
import {
  indexPassages as buildIndex,
  type KnowledgeIndex,
} from '../../../shared/knowledge/knowledge-index';
import type { SearchHit } from '../../../shared/schemas/knowledge';
import { highlightRanges } from '../../../shared/knowledge/highlights';
import type { LearnedState } from '../../../shared/learning/learned-state';
import { teamRankingState } from '../../../shared/learning/team-ranking';
import { indexArticles, indexPassages, type InstalledPackIndex } from './installed-pack';

/** The merged index and how to get from its numbers back to packs. */
export interface KnowledgeCorpus {
  readonly packs: readonly InstalledPackIndex[];
  readonly index: KnowledgeIndex;
  /** First global passage number of each pack. */
  readonly passageOffsets: readonly number[];
  /** First global article number of each pack. */
  readonly articleOffsets: readonly number[];
  /** passage -> position of its pack in `packs`. */
  readonly packOf: Int32Array;
  /** Global passage numbers of each global article. */
  readonly articlePassages: readonly (readonly number[])[];
  /** Global number of each passage object of `index.passages`. */
  readonly positionOf: ReadonlyMap<object, number>;
  /** The team's ranking of every pack that carries one (`team-ranking.ts`), else null. */
  readonly team: LearnedState | null;
}

/** Merges `packs` (in the order given) into one corpus. */
export function buildCorpus(packs: readonly InstalledPackIndex[]): KnowledgeCorpus {
  const passageOffsets: number[] = [];
  const articleOffsets: number[] = [];
  const articles = packs.flatMap((p) => indexArticles(p.content, p.version.id));
  let a = 0;
  for (const p of packs) {
    articleOffsets.push(a);
    a += p.content.articles.length;
  }
  let n = 0;
  const passages = packs.flatMap((p) => {
    passageOffsets.push(n);
    n += p.content.passages.length;
    return indexPassages(p.content, p.version.id);
  });
  const packOf = new Int32Array(passages.length);
  packs.forEach((p, i) =>
    packOf.fill(i, passageOffsets[i]!, passageOffsets[i]! + p.content.passages.length),
  );
  const index = buildIndex(articles, passages);
  const articlePassages: number[][] = articles.map(() => []);
  index.articleOf.forEach((article, passage) => {
    if (article >= 0) articlePassages[article]!.push(passage);
  });
  const positionOf = new Map<object, number>(index.passages.map((p, i) => [p, i]));
  return {
    packs,
    index,
    passageOffsets,
    articleOffsets,
    packOf,
    articlePassages,
    positionOf,
    team: teamRanking(packs),
  };
}

/** The packs' team rankings as one learned state (parts resolved to their passages' text). */
function teamRanking(packs: readonly InstalledPackIndex[]): LearnedState | null {
  const counts = packs.flatMap(({ content, version }) => {
    if (!content.ranking?.length) return [];
    const text = new Map(content.passages.map((p) => [p.id, p.text]));
    return content.ranking.map((row) => ({
      packId: version.id,
      word: row.word,
      articleId: row.articleId,
      ...(row.passageId !== undefined && { passage: text.get(row.passageId) ?? '' }),
      used: row.used,
      dismissed: row.dismissed,
    }));
  });
  return counts.length > 0 ? teamRankingState(counts) : null;
}

/** The card for global passage `i`. */
export function hitOf(
  corpus: KnowledgeCorpus,
  i: number,
  score: number,
  terms: ReadonlySet<string>,
): SearchHit {
  const pack = corpus.packs[corpus.packOf[i]!]!;
  const local = pack.content.passages[i - corpus.passageOffsets[corpus.packOf[i]!]!]!;
  const article =
    pack.content.articles[corpus.index.articleOf[i]! - corpus.articleOffsets[corpus.packOf[i]!]!];
  return {
    articleId: local.articleId,
    title: local.title,
    packId: pack.version.id,
    passage: local.text,
    score,
    ...(article?.url ? { url: article.url } : {}),
    section: local.section,
    highlights: highlightRanges(local.text, terms, corpus.index.options.analyzer).map(
      ([s, e]): [number, number] => [s, e],
    ),
  };
}
