/**
 * A pack's passages and articles in LanceDB with full-text indexes, used as the candidate
 * generator in front of the pure re-ranker of shared/knowledge.
 *
 * The `terms` column holds our own analysis of each passage (stop words out, Porter stems,
 * title and section words prefixed so they stay a separate field) and is indexed with
 * LanceDB's whitespace tokenizer and no stemming or stop words of its own, so the index and
 * the pure code agree on every term. Queries are a BooleanQuery of SHOULD MatchQuery clauses,
 * one per weighted term, with the term's conversation weight as its boost.
 */
import type * as lancedb from '@lancedb/lancedb';
import * as arrow from 'apache-arrow';
import { analyze, type AnalyzerOptions } from '../../../shared/knowledge/analyzer';
import type { Article, Passage } from '../../../shared/knowledge/types';

let loaded: typeof lancedb | undefined;

/**
 * LanceDB's module, loaded on first use: its native part reads `LANCEDB_LOG` once as it loads,
 * and a static import would load it before any code of ours runs wherever the modules are
 * bundled (a bundler hoists external imports to the top of the file), so the setting would
 * come too late and routine events ("No existing dataset ...") would reach stderr as warnings.
 * An explicit setting wins.
 */
async function lance(): Promise<typeof lancedb> {
  process.env.LANCEDB_LOG ??= 'error';
  loaded ??= await import('@lancedb/lancedb');
  return loaded;
}

/** The loaded module, for the synchronous query builders (a store is open, so it is). */
function lanceLoaded(): typeof lancedb {
  if (!loaded) throw new Error('LanceDB is used before a pack database was opened');
  return loaded;
}

/** Prefix that keeps heading and title words apart from body words in the one FTS column. */
export const CONTEXT_PREFIX = 'ctx_';

/** The two FTS-indexed tables of a pack. */
export interface PassageStore {
  readonly passages: lancedb.Table;
  readonly articles: lancedb.Table;
}

/** FTS options for pre-analysed terms: split on spaces, nothing else. */
const PRE_ANALYSED: Partial<lancedb.FtsOptions> = {
  baseTokenizer: 'whitespace',
  lowercase: false,
  stem: false,
  removeStopWords: false,
  asciiFolding: false,
  withPosition: false,
};

/** The `terms` text of a passage: body terms, then prefixed context terms. */
export function passageTerms(passage: Passage, analyzer: AnalyzerOptions): string {
  const context = analyze([passage.title, ...passage.sectionPath].join(' '), analyzer);
  return [...analyze(passage.text, analyzer), ...context.map((t) => CONTEXT_PREFIX + t)].join(' ');
}

/**
 * Passages at or above this count get an IVF vector index; below it a flat scan is exact and
 * takes a few milliseconds.
 */
export const VECTOR_INDEX_MIN_ROWS = 2_000;
/** Vectors per IVF partition: a query probes `VECTOR_NPROBES` partitions, ~16k vectors at most. */
const ROWS_PER_PARTITION = 800;
export const VECTOR_NPROBES = 20;
/**
 * Bits per dimension of the IVF-RQ (RaBitQ) codes: 4 keep 96 % of IVF-flat's recall within the
 * probed partitions (measured on 40k random vectors: 0.548 vs 0.569 of the exact top 50) at a
 * seventh of its index (8 MB instead of 59 MB per 40k) and half the memory a searching
 * process holds on to (+42 MB instead of +94 MB per 40k passages: LanceDB keeps every
 * partition it has read). 1 bit halves the recall.
 */
const VECTOR_CODE_BITS = 4;

/** IVF partitions for a table of `rows` vectors. */
export function vectorPartitions(rows: number): number {
  return Math.min(4096, Math.max(1, Math.round(rows / ROWS_PER_PARTITION)));
}

/** A column of `dimension`-wide float vectors over one contiguous buffer (no per-row arrays). */
function vectorColumn(vectors: readonly Float32Array[], dimension: number): arrow.Vector {
  const flat = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => flat.set(v.subarray(0, dimension), i * dimension));
  const child = arrow.makeData({ type: new arrow.Float32(), length: flat.length, data: flat });
  const type = new arrow.FixedSizeList(
    dimension,
    new arrow.Field('item', new arrow.Float32(), true),
  );
  return arrow.makeVector(arrow.makeData({ type, length: vectors.length, nullCount: 0, child }));
}

const utf8 = (values: readonly string[]) => arrow.vectorFromArray(values, new arrow.Utf8());
const int32 = (values: ArrayLike<number>) => arrow.makeVector(Int32Array.from(values));

/** The tables of a database and the `close()` that lets go of them and their caches. */
export type OpenPassageStore = PassageStore & { close(): void };

function closable(db: lancedb.Connection, store: PassageStore): OpenPassageStore {
  return {
    ...store,
    close() {
      store.passages.close();
      store.articles.close();
      db.close();
    },
  };
}

/**
 * Creates (overwriting) both tables in the database at `uri` and builds their FTS indexes.
 * With `vectors` (one per passage, in order) the passages table gets a `vector` column, and
 * an IVF-RQ index on it (RaBitQ codes, `VECTOR_CODE_BITS` a dimension) once the pack is large
 * enough to need one. The caller closes the store (the installer does at once: what LanceDB
 * cached while writing would otherwise stay until the tables are collected).
 */
export async function createPassageStore(
  uri: string,
  articles: readonly Article[],
  passages: readonly Passage[],
  analyzer: AnalyzerOptions,
  vectors?: readonly Float32Array[],
): Promise<OpenPassageStore> {
  const { connect, Index } = await lance();
  const db = await connect(uri);
  const articleTable = await createTable(
    db,
    'articles',
    new arrow.Table({
      idx: int32(articles.map((_, i) => i)),
      articleId: utf8(articles.map((a) => a.articleId)),
      terms: utf8(
        articles.map((a) =>
          [
            ...analyze(a.text, analyzer),
            ...analyze(a.title, analyzer).map((t) => CONTEXT_PREFIX + t),
          ].join(' '),
        ),
      ),
    }),
  );
  const position = new Map(articles.map((a, i) => [a.articleId, i]));
  const dimension = vectors?.[0]?.length ?? 0;
  const passageTable = await createTable(
    db,
    'passages',
    new arrow.Table({
      idx: int32(passages.map((_, i) => i)),
      article: int32(passages.map((p) => position.get(p.articleId) ?? -1)),
      articleId: utf8(passages.map((p) => p.articleId)),
      text: utf8(passages.map((p) => p.text)),
      terms: utf8(passages.map((p) => passageTerms(p, analyzer))),
      ...(vectors && dimension > 0 ? { vector: vectorColumn(vectors, dimension) } : {}),
    }),
  );
  for (const table of [articleTable, passageTable]) {
    await table.createIndex('terms', { config: Index.fts(PRE_ANALYSED), replace: true });
  }
  if (vectors && passages.length >= VECTOR_INDEX_MIN_ROWS && dimension > 0) {
    await passageTable.createIndex('vector', {
      config: Index.ivfRq({
        distanceType: 'cosine',
        numPartitions: vectorPartitions(passages.length),
        numBits: VECTOR_CODE_BITS,
      }),
      replace: true,
    });
  }
  return closable(db, { passages: passageTable, articles: articleTable });
}

/**
 * Creates (overwriting) a table holding `data`. A pack with intents or replies but no articles
 * has no rows: LanceDB cannot read the columns of an empty Arrow table, so it gets an empty
 * table of the same schema.
 */
function createTable(
  db: lancedb.Connection,
  name: string,
  data: arrow.Table,
): Promise<lancedb.Table> {
  return data.numRows > 0
    ? db.createTable(name, data, { mode: 'overwrite' })
    : db.createEmptyTable(name, data.schema, { mode: 'overwrite' });
}

/** Opens the two tables of an installed pack's database. */
export async function openPassageStore(uri: string): Promise<OpenPassageStore> {
  const db = await (await lance()).connect(uri);
  const [passages, articles] = await Promise.all([
    db.openTable('passages'),
    db.openTable('articles'),
  ]);
  return closable(db, { passages, articles });
}

/** The `limit` passages nearest to `vector` (cosine), best first: row position and distance. */
export async function vectorTop(
  table: lancedb.Table,
  vector: Float32Array,
  limit: number,
): Promise<{ idx: number; distance: number }[]> {
  const rows = (await table
    .vectorSearch(Array.from(vector))
    .distanceType('cosine')
    .nprobes(VECTOR_NPROBES)
    .select(['idx'])
    .limit(limit)
    .toArray()) as { idx: number; _distance: number }[];
  return rows.map((r) => ({ idx: r.idx, distance: r._distance }));
}

/** A BooleanQuery of boosted SHOULD clauses over the `terms` column. */
export function weightedTermQuery(
  query: ReadonlyMap<string, number>,
  contextWeight: number,
): lancedb.FullTextQuery {
  const { BooleanQuery, MatchQuery, Occur } = lanceLoaded();
  const clauses: [lancedb.Occur, lancedb.FullTextQuery][] = [];
  for (const [term, weight] of query) {
    if (weight <= 0 || term.includes(' ')) continue; // bigrams stay with the re-ranker
    clauses.push([Occur.Should, new MatchQuery(term, 'terms', { boost: weight })]);
    if (contextWeight > 0) {
      const boost = weight * contextWeight;
      clauses.push([Occur.Should, new MatchQuery(CONTEXT_PREFIX + term, 'terms', { boost })]);
    }
  }
  return new BooleanQuery(clauses);
}

/** Row positions (`idx`) of the best `limit` rows of `table` for `query`, best first. */
export async function ftsTop(
  table: lancedb.Table,
  query: ReadonlyMap<string, number>,
  limit: number,
  contextWeight = 1,
  where?: string,
): Promise<number[]> {
  if (query.size === 0) return [];
  let q = table
    .query()
    .fullTextSearch(weightedTermQuery(query, contextWeight))
    .select(['idx', '_score'])
    .limit(limit);
  if (where) q = q.where(where);
  const rows = (await q.toArray()) as { idx: number }[];
  return rows.map((r) => r.idx);
}

/** Row positions of every passage of the articles at positions `articles` (no FTS). */
export async function passagesOfArticles(
  store: PassageStore,
  articles: readonly number[],
): Promise<number[]> {
  if (articles.length === 0) return [];
  const list = articles.map((a) => Math.trunc(a)).join(', ');
  const rows = (await store.passages
    .query()
    .where(`article IN (${list})`)
    .select(['idx'])
    .toArray()) as {
    idx: number;
  }[];
  return rows.map((r) => r.idx);
}
