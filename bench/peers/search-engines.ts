/**
 * The search engines the peer benchmark sets side by side, each over the same installed
 * passages and given the same dialogue states:
 *
 * - `inloop`, `inloop-hybrid`: `KnowledgeService.search` on the installed packs (the product
 *   path: conversation-weighted BM25F, FTS and vectors in LanceDB);
 * - `lancedb-fts`: LanceDB's own full-text index on the `text` column of the same tables
 *   (English stemming and stop words), queried with the whole conversation as a match query;
 * - `lancedb-hybrid`: LanceDB's built-in hybrid query on the same tables: that full-text query
 *   and the same query vector Inloop embeds, fused by its RRF reranker;
 * - `orama`, `minisearch`, `flexsearch`: the JavaScript search libraries a developer would pick,
 *   over title, section and text, each with its documented defaults plus what a conversation
 *   query needs: OR semantics ("every term must match" finds nothing for a long query) and the
 *   English stop-word list Inloop uses (without one every query touches every passage and
 *   takes seconds; Orama ships none without @orama/stopwords); Orama's built-in English
 *   stemmer (MiniSearch and FlexSearch have none by default).
 *
 * Peers get the whole conversation as one string, Inloop gets the turns; both are what each
 * takes. Packs with several tables (100k = 3 packs) are queried per table and merged by score.
 */
import * as lancedb from '@lancedb/lancedb';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Embedder } from '../../electron/services/embeddings/embedder';
import { openKnowledge } from '../../electron/app/open-knowledge';
import { VECTOR_NPROBES } from '../../electron/services/knowledge/lancedb-passage-store';
import type { InstalledPassage } from '../../electron/services/packs/install/installed-content';
import { embeddingQueryText } from '../../shared/knowledge/embedding-query';
import { ENGLISH_STOP_WORDS } from '../../shared/knowledge/stop-words';
import type { DialogueState } from '../../eval/doc2dial';
import { conversationText, installedPacks, queryTurns } from '../corpora';

export const ENGINES = [
  'inloop',
  'lancedb-fts',
  'orama',
  'minisearch',
  'flexsearch',
  'inloop-hybrid',
  'lancedb-hybrid',
] as const;
export type EngineName = (typeof ENGINES)[number];

/** What the hit metric needs of a result. */
export interface Ranked {
  readonly articleId: string;
  readonly text: string;
}

/** An engine ready to build and query. */
export interface SearchEngine {
  /** Builds (or loads) the index; the timed part. */
  build(): Promise<void>;
  search(state: DialogueState, k: number): Promise<Ranked[]>;
  close(): Promise<void>;
}

/** Every passage of the data folder's packs, in pack order, with its pack's table. */
async function loadPassages(dataDir: string) {
  const packs = await installedPacks(dataDir);
  const passages: InstalledPassage[] = [];
  const tables: { index: string; offset: number }[] = [];
  for (const pack of packs) {
    tables.push({ index: pack.index, offset: passages.length });
    passages.push(...pack.content.passages);
  }
  return { passages, tables };
}

const ranked = (p: InstalledPassage): Ranked => ({ articleId: p.articleId, text: p.text });

function inloop(dataDir: string, embedder: Embedder | null): SearchEngine {
  let opened: Awaited<ReturnType<typeof openKnowledge>> | null = null;
  return {
    async build() {
      opened = await openKnowledge({
        dataDir,
        embeddings: { embedder, reason: embedder ? null : 'bench: lexical' },
        trust: () => ({ trustedKeys: [], allowUnsigned: true }),
      });
      const mode = opened.knowledge.service.status().mode.mode;
      if (mode !== (embedder ? 'hybrid' : 'lexical')) throw new Error(`Inloop runs ${mode}`);
    },
    async search(state, k) {
      const { hits } = await opened!.knowledge.service.search({ turns: queryTurns(state), k });
      return hits.map((h) => ({ articleId: h.articleId, text: h.passage }));
    },
    async close() {
      await opened?.close();
    },
  };
}

/** LanceDB's FTS options for English prose: its simple tokenizer, stems, stop words. */
const ENGLISH_FTS: Partial<lancedb.FtsOptions> = {
  baseTokenizer: 'simple',
  language: 'English',
  lowercase: true,
  stem: true,
  removeStopWords: true,
  asciiFolding: true,
  withPosition: false,
};

function closeTables(open: readonly { table: lancedb.Table; db: lancedb.Connection }[]): void {
  for (const { table, db } of open) {
    table.close();
    db.close();
  }
}

async function openTables(tables: readonly { index: string; offset: number }[]) {
  return Promise.all(
    tables.map(async (t) => {
      const db = await lancedb.connect(t.index);
      return { db, table: await db.openTable('passages'), offset: t.offset };
    }),
  );
}

/** Builds LanceDB's own FTS index on `text` of each table (replacing an earlier one). */
async function indexText(open: Awaited<ReturnType<typeof openTables>>): Promise<void> {
  for (const { table } of open) {
    await table.createIndex('text', { config: lancedb.Index.fts(ENGLISH_FTS), replace: true });
  }
}

/** The best `k` of per-table lists, by a score where higher is better. */
function mergeByScore(lists: { idx: number; score: number }[][], k: number) {
  return lists
    .flat()
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

function lancedbFts(dataDir: string): SearchEngine {
  let passages: InstalledPassage[] = [];
  let open: Awaited<ReturnType<typeof openTables>> = [];
  return {
    async build() {
      const loaded = await loadPassages(dataDir);
      passages = loaded.passages;
      open = await openTables(loaded.tables);
      await indexText(open);
    },
    async search(state, k) {
      const query = new lancedb.MatchQuery(conversationText(state), 'text');
      const lists = await Promise.all(
        open.map(async ({ table, offset }) => {
          const rows = (await table
            .query()
            .fullTextSearch(query)
            .select(['idx', '_score'])
            .limit(k)
            .toArray()) as { idx: number; _score: number }[];
          return rows.map((r) => ({ idx: r.idx + offset, score: r._score }));
        }),
      );
      return mergeByScore(lists, k).map((r) => ranked(passages[r.idx]!));
    },
    async close() {
      closeTables(open);
    },
  };
}

function lancedbHybrid(dataDir: string, embedder: Embedder): SearchEngine {
  let passages: InstalledPassage[] = [];
  let open: Awaited<ReturnType<typeof openTables>> = [];
  let reranker: lancedb.rerankers.RRFReranker | null = null;
  return {
    async build() {
      const loaded = await loadPassages(dataDir);
      passages = loaded.passages;
      open = await openTables(loaded.tables);
      await indexText(open);
      reranker = await lancedb.rerankers.RRFReranker.create(60);
    },
    async search(state, k) {
      const [vector] = await embedder.embed([embeddingQueryText(queryTurns(state))]);
      const query = new lancedb.MatchQuery(conversationText(state), 'text');
      const lists = await Promise.all(
        open.map(async ({ table, offset }) => {
          const rows = (await table
            .query()
            .fullTextSearch(query)
            .nearestTo(vector!)
            .distanceType('cosine')
            .nprobes(VECTOR_NPROBES)
            .rerank(reranker!)
            .select(['idx'])
            .limit(k)
            .toArray()) as { idx: number; _relevance_score: number }[];
          return rows.map((r) => ({ idx: r.idx + offset, score: r._relevance_score }));
        }),
      );
      return mergeByScore(lists, k).map((r) => ranked(passages[r.idx]!));
    },
    async close() {
      closeTables(open);
    },
  };
}

function orama(dataDir: string): SearchEngine {
  let passages: InstalledPassage[] = [];
  const db = create({
    schema: { title: 'string', section: 'string', text: 'string' } as const,
    components: {
      tokenizer: { language: 'english', stemming: true, stopWords: [...ENGLISH_STOP_WORDS] },
    },
  });
  return {
    async build() {
      passages = (await loadPassages(dataDir)).passages;
      await insertMultiple(
        db,
        passages.map((p, i) => ({
          id: String(i),
          title: p.title,
          section: p.section.join(' '),
          text: p.text,
        })),
        1_000,
      );
    },
    async search(state, k) {
      const result = await oramaSearch(db, {
        term: conversationText(state),
        properties: ['title', 'section', 'text'],
        limit: k,
        threshold: 1,
      });
      return result.hits.map((h) => ranked(passages[Number(h.id)]!));
    },
    async close() {},
  };
}

function minisearch(dataDir: string): SearchEngine {
  let passages: InstalledPassage[] = [];
  const index = new MiniSearch<{ id: number; title: string; section: string; text: string }>({
    fields: ['title', 'section', 'text'],
    searchOptions: { combineWith: 'OR' },
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return ENGLISH_STOP_WORDS.has(lower) ? null : lower;
    },
  });
  return {
    async build() {
      passages = (await loadPassages(dataDir)).passages;
      index.addAll(
        passages.map((p, id) => ({
          id,
          title: p.title,
          section: p.section.join(' '),
          text: p.text,
        })),
      );
    },
    async search(state, k) {
      return index
        .search(conversationText(state))
        .slice(0, k)
        .map((r) => ranked(passages[r.id as number]!));
    },
    async close() {},
  };
}

function flexsearch(dataDir: string): SearchEngine {
  let passages: InstalledPassage[] = [];
  const index = new FlexSearch.Index({
    tokenize: 'strict',
    encoder: new FlexSearch.Encoder({
      ...FlexSearch.Charset.Default,
      filter: new Set(ENGLISH_STOP_WORDS),
    }),
  });
  return {
    async build() {
      passages = (await loadPassages(dataDir)).passages;
      passages.forEach((p, id) => index.add(id, `${p.title} ${p.section.join(' ')} ${p.text}`));
    },
    async search(state, k) {
      const ids = index.search(conversationText(state), { limit: k, suggest: true }) as number[];
      return ids.map((id) => ranked(passages[id]!));
    },
    async close() {},
  };
}

/** The engine `name` over the packs of `dataDir`; hybrid engines need `embedder`. */
export function searchEngine(
  name: EngineName,
  dataDir: string,
  embedder: Embedder | null,
): SearchEngine {
  const needs = () => {
    if (!embedder) throw new Error(`${name} needs an embedder`);
    return embedder;
  };
  switch (name) {
    case 'inloop':
      return inloop(dataDir, null);
    case 'inloop-hybrid':
      return inloop(dataDir, needs());
    case 'lancedb-fts':
      return lancedbFts(dataDir);
    case 'lancedb-hybrid':
      return lancedbHybrid(dataDir, needs());
    case 'orama':
      return orama(dataDir);
    case 'minisearch':
      return minisearch(dataDir);
    case 'flexsearch':
      return flexsearch(dataDir);
  }
}
