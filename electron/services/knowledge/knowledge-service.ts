/**
 * The knowledge service: search across every pack installed on this device.
 *
 * It loads every current pack version (its `content.json` and LanceDB tables, written by the
 * indexer at install) and merges them into one in-memory index. Search is lexical (the tuned
 * pure ranker; FTS candidates on large corpora) or hybrid (that ranking fused with LanceDB
 * vector search) when an embedder runs and the packs hold its vectors. The packs capability
 * installs, upgrades, rolls back and removes; after each change `reload` loads what is now
 * current and emits `knowledge:changed`.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_SEARCH, type SearchOptions } from '../../../shared/knowledge/search-options';
import type { QueryTurn, RetrievalMode, SearchHit } from '../../../shared/schemas/knowledge';
import type { InstalledPack, InstalledVersion } from '../../../shared/schemas/packs';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import type { Embedder } from '../embeddings/embedder';
import { buildCorpus, type KnowledgeCorpus } from './knowledge-corpus';
import {
  FULL_SCAN_MAX_PASSAGES,
  fuseHybrid,
  HYBRID_POOL,
  hitsOf,
  packsWithVectors,
  rankLexical,
  rankLexicalAsync,
  rankVectors,
  termsToHighlight,
} from './knowledge-search';
import { learnedPool, withLearnedPriors } from './learned-ranking';
import { CONTENT_FILE, INDEX_FOLDER } from './pack-indexer';
import { loadInstalledPack, type InstalledPackIndex } from './installed-pack';
import type { PackPlaybook } from '../../../shared/packs/pack-playbook';
import type { LearnedRanking, SearchContext } from '../../../shared/learning/knowledge-priors';
import {
  DEFAULT_K,
  turnsOf,
  type KnowledgeQuery,
  type KnowledgeResults,
  type KnowledgeStatus,
} from './knowledge-types';

export { DEFAULT_K, turnsOf, type KnowledgeQuery, type KnowledgeResults, type KnowledgeStatus };

/** The installed versions the service loads: the pack installer's read side. */
export interface InstalledPacks {
  list(): Promise<readonly InstalledPack[]>;
  folderOf(version: InstalledVersion): string;
}

export interface KnowledgeServiceOptions {
  readonly packs: InstalledPacks;
  /** This device's embedder; null runs lexical only. */
  readonly embedder: Embedder | null;
  /** Why `embedder` is null (shown as the lexical-mode notice). */
  readonly embedderReason?: string | null;
  readonly bus?: EventBus;
  readonly logger?: Logger;
  readonly searchOptions?: SearchOptions;
  /** Corpora up to this many passages are ranked whole; larger ones rank FTS candidates. */
  readonly fullScanMaxPassages?: number;
  /** What this device learned from its agent's decisions (the learning capability). */
  readonly learned?: LearnedRanking;
}

export class KnowledgeService {
  private corpus: KnowledgeCorpus = buildCorpus([]);
  private playbooks: readonly PackPlaybook[] = [];
  private readonly options: SearchOptions;

  private constructor(private readonly config: KnowledgeServiceOptions) {
    this.options = config.searchOptions ?? DEFAULT_SEARCH;
  }

  private get fullScan(): number {
    return this.config.fullScanMaxPassages ?? FULL_SCAN_MAX_PASSAGES;
  }

  /** Loads every current version the installer lists. */
  static async open(config: KnowledgeServiceOptions): Promise<KnowledgeService> {
    const service = new KnowledgeService(config);
    await service.load();
    return service;
  }

  /** Retrieval mode now: hybrid needs an embedder and packs holding its vectors. */
  mode(): RetrievalMode {
    const { embedder } = this.config;
    if (!embedder) {
      return {
        mode: 'lexical',
        reason: this.config.embedderReason ?? 'no embedding model is available',
        embeddingModel: null,
      };
    }
    const packs = this.corpus.packs.length;
    if (packs > 0 && packsWithVectors(this.corpus, embedder.modelId).length === 0) {
      return {
        mode: 'lexical',
        reason: `no installed pack holds vectors of ${embedder.modelId}; reinstall them to re-embed`,
        embeddingModel: embedder.modelId,
      };
    }
    return { mode: 'hybrid', reason: null, embeddingModel: embedder.modelId };
  }

  status(): KnowledgeStatus {
    return {
      mode: this.mode(),
      packs: this.corpus.packs.length,
      passages: this.corpus.index.passages.length,
    };
  }

  /** Searches every installed pack; hybrid when `mode()` is. */
  async search(request: KnowledgeQuery): Promise<KnowledgeResults> {
    const t0 = performance.now();
    const corpus = this.corpus;
    const turns = turnsOf(request);
    const k = request.k ?? DEFAULT_K;
    const pool = learnedPool(corpus, this.config.learned, k);
    const mode = this.mode();
    const terms = termsToHighlight(corpus, turns, this.options);
    let hits: SearchHit[];
    if (mode.mode === 'hybrid' && this.config.embedder && turns.length > 0) {
      // Vectors first: the query goes to the embedding worker at once, and the lexical
      // ranking (synchronous on this thread for in-memory scans) runs while it embeds.
      const vectors = rankVectors(corpus, turns, this.config.embedder, HYBRID_POOL);
      const [vector, lexical] = await Promise.all([
        vectors,
        rankLexicalAsync(corpus, turns, HYBRID_POOL, this.options, this.fullScan),
      ]);
      const fused = fuseHybrid(corpus, lexical.passages, vector, pool, this.options);
      hits = hitsOf(
        corpus,
        withLearnedPriors(corpus, fused, turns, k, this.options.diversity, this.config.learned),
        terms,
      );
    } else {
      const ranked = await rankLexicalAsync(corpus, turns, pool, this.options, this.fullScan);
      hits = hitsOf(
        corpus,
        withLearnedPriors(corpus, ranked, turns, k, this.options.diversity, this.config.learned),
        terms,
      );
    }
    return { hits, mode, ms: performance.now() - t0 };
  }

  /**
   * Lexical search of the conversation, synchronous, for the assist engine: the whole
   * in-memory index, no vectors (the engine calls it on every turn).
   */
  searchTurns(
    turns: readonly QueryTurn[],
    k: number = DEFAULT_K,
    context: SearchContext = {},
  ): SearchHit[] {
    const corpus = this.corpus;
    const list = turns.filter((t) => t.text.trim() !== '');
    const terms = termsToHighlight(corpus, list, this.options);
    const learned = this.config.learned;
    const ranked = rankLexical(corpus, list, learnedPool(corpus, learned, k), this.options);
    return hitsOf(
      corpus,
      withLearnedPriors(corpus, ranked, list, k, this.options.diversity, learned, context),
      terms,
    );
  }

  /**
   * Intents, responses (each with its pack id) and rules of every installed pack, for the
   * assist engine; a new array after each change of the installed packs.
   */
  content(): readonly PackPlaybook[] {
    return this.playbooks;
  }

  async close(): Promise<void> {
    for (const pack of this.corpus.packs) pack.store.close();
    this.corpus = buildCorpus([]);
  }

  /** Loads what is current after the installed packs changed, and says so. */
  async reload(): Promise<void> {
    await this.load();
    this.config.bus?.emit('knowledge:changed', this.status());
  }

  /** Loads the current versions, reusing those already loaded. */
  private async load(): Promise<void> {
    const loaded = new Map(this.corpus.packs.map((p) => [p.version.folder, p]));
    const packs: InstalledPackIndex[] = [];
    for (const { current } of await this.config.packs.list()) {
      const reuse = loaded.get(current.folder);
      if (reuse) {
        packs.push(reuse);
        loaded.delete(current.folder);
        continue;
      }
      try {
        packs.push(
          await loadInstalledPack(current, this.config.packs.folderOf(current), {
            content: CONTENT_FILE,
            index: INDEX_FOLDER,
          }),
        );
      } catch (error) {
        this.config.logger?.error(`cannot load pack ${current.id} ${current.version}`, error);
      }
    }
    this.corpus = buildCorpus(packs);
    this.playbooks = packs.map((p) => ({
      packId: p.version.id,
      intents: p.content.intents,
      responses: p.content.responses.map((r) => ({ ...r, packId: p.version.id })),
      rules: p.content.rules,
    }));
    for (const stale of loaded.values()) stale.store.close();
  }
}
