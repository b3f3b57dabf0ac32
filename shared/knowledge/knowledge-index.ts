/**
 * The in-memory index of a set of articles: their passages with a BM25F index over body words,
 * body bigrams, section path and title, and a whole-article BM25F index for article evidence.
 */
import { analyze, bigrams, DEFAULT_ANALYZER, type AnalyzerOptions } from './analyzer';
import { buildBm25IndexFrom, termFrequencies, type Bm25Index } from './bm25';
import { chunkArticle, DEFAULT_CHUNKER, type ChunkerOptions } from './chunker';
import { buildSpellingIndex, type SpellingIndex } from './spelling';
import type { Article, Passage } from './types';

/** Field order of the passage index. */
export const PASSAGE_FIELD = { body: 0, bigram: 1, section: 2, title: 3 } as const;
/** Field order of the article index. */
export const ARTICLE_FIELD = { body: 0, title: 1 } as const;
const PASSAGE_FIELD_COUNT = Object.keys(PASSAGE_FIELD).length;
const ARTICLE_FIELD_COUNT = Object.keys(ARTICLE_FIELD).length;

/** How articles are cut and analysed. */
export interface IndexOptions {
  readonly chunker: ChunkerOptions;
  readonly analyzer: AnalyzerOptions;
}

/** Sliding 600-character windows, stemmed, stop words out. */
export const DEFAULT_INDEX_OPTIONS: IndexOptions = {
  chunker: DEFAULT_CHUNKER,
  analyzer: DEFAULT_ANALYZER,
};

/** Everything the search pipeline reads. */
export interface KnowledgeIndex {
  readonly options: IndexOptions;
  readonly passages: readonly Passage[];
  readonly passageIndex: Bm25Index;
  readonly articleIds: readonly string[];
  readonly articleIndex: Bm25Index;
  /** articleOf[passage] = position of its article in `articleIds`. */
  readonly articleOf: Int32Array;
  /** Known body and title terms, for correcting typos in queries. */
  readonly spelling: SpellingIndex;
}

/** The terms of a passage's body field (what query expansion and proximity read again). */
export function passageBodyTerms(passage: Passage, analyzer: AnalyzerOptions): string[] {
  return analyze(passage.text, analyzer);
}

/** The index terms of a passage, per field of `PASSAGE_FIELD`. */
export function passageFields(passage: Passage, analyzer: AnalyzerOptions): string[][] {
  const body = passageBodyTerms(passage, analyzer);
  return [
    body,
    bigrams(body),
    analyze(passage.sectionPath.join(' '), analyzer),
    analyze(titleText(passage), analyzer),
  ];
}

/** The title field's text: the title and the article's aliases. */
function titleText(item: { readonly title: string; readonly aliases?: readonly string[] }): string {
  return item.aliases?.length ? `${item.title} ${item.aliases.join(' ')}` : item.title;
}

/** Builds the index from already cut passages (e.g. read back from a pack). */
export function indexPassages(
  articles: readonly Article[],
  passages: readonly Passage[],
  options: IndexOptions = DEFAULT_INDEX_OPTIONS,
): KnowledgeIndex {
  const articleIds = articles.map((a) => a.articleId);
  const position = new Map(articleIds.map((id, i) => [id, i]));
  const articleOf = Int32Array.from(passages.map((p) => position.get(p.articleId) ?? -1));
  const passageIndex = buildBm25IndexFrom(passages.length, PASSAGE_FIELD_COUNT, (d) =>
    passageFields(passages[d]!, options.analyzer),
  );
  const articleIndex = buildBm25IndexFrom(articles.length, ARTICLE_FIELD_COUNT, (d) => [
    analyze(articles[d]!.text, options.analyzer),
    analyze(titleText(articles[d]!), options.analyzer),
  ]);
  const spelling = buildSpellingIndex(new Map(termFrequencies(articleIndex)));
  return { options, passages, passageIndex, articleIds, articleIndex, articleOf, spelling };
}

/** Cuts and indexes `articles`. */
export function buildKnowledgeIndex(
  articles: readonly Article[],
  options: IndexOptions = DEFAULT_INDEX_OPTIONS,
): KnowledgeIndex {
  const passages = articles.flatMap((a) => chunkArticle(a, options.chunker));
  return indexPassages(articles, passages, options);
}
