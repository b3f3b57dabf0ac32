/**
 * What the assist service needs from knowledge: passages cited for the conversation, and the
 * installed packs' intents, canned replies and rules. The knowledge service provides both;
 * `createIndexKnowledge` answers from an in-memory index (the CLI before the service exists,
 * tests, the benchmark).
 */
import type { PackPlaybook } from '../../../shared/packs/pack-playbook';
import {
  buildKnowledgeIndex,
  type KnowledgeIndex,
} from '../../../shared/knowledge/knowledge-index';
import { DEFAULT_SEARCH } from '../../../shared/knowledge/search-options';
import { searchPassages } from '../../../shared/knowledge/search';
import type { Article } from '../../../shared/knowledge/types';
import type { QueryTurn, SearchHit } from '../../../shared/schemas/knowledge';

export interface AssistKnowledge {
  /**
   * The best `k` passages for the conversation, best first; `context.intentId` (the intent as
   * last detected) lets learned priors of that intent apply.
   */
  searchTurns(
    turns: readonly QueryTurn[],
    k: number,
    context?: { intentId?: string | null; conversationId?: string | null },
  ): SearchHit[] | Promise<SearchHit[]>;
  /** The installed packs' content (new arrays after the packs changed). */
  content(): readonly PackPlaybook[];
}

/** A pack held in memory (tests, the benchmark): its playbook and its articles. */
export interface InMemoryPack extends PackPlaybook {
  readonly articles: readonly Article[];
}

/** Knowledge answered from an in-memory BM25F index over `packs`. */
export function createIndexKnowledge(packs: readonly InMemoryPack[]): AssistKnowledge {
  const indexed = packs.map((pack) => ({ pack, index: buildKnowledgeIndex(pack.articles) }));
  return {
    content: () => packs,
    searchTurns: async (turns, k) => searchIndexes(indexed, turns, k),
  };
}

function searchIndexes(
  indexed: readonly { pack: InMemoryPack; index: KnowledgeIndex }[],
  turns: readonly QueryTurn[],
  k: number,
): SearchHit[] {
  if (turns.length === 0) return [];
  const hits = indexed.flatMap(({ pack, index }) =>
    searchPassages(index, turns, k, DEFAULT_SEARCH).passages.map(({ passage, score }) => ({
      articleId: passage.articleId,
      title: passage.title,
      packId: pack.packId,
      passage: passage.text.slice(0, 600),
      score,
      ...(passage.sectionPath.length > 0 ? { section: [...passage.sectionPath] } : {}),
    })),
  );
  hits.sort((a, b) => b.score - a.score);
  const best = hits[0]?.score || 1;
  return hits.slice(0, k).map((hit) => ({ ...hit, score: hit.score / best }));
}
