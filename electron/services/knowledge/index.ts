/**
 * The knowledge capability: search across every installed pack (`knowledge:*`), and the
 * indexer the pack installer runs to build an installed version's index with this device's
 * embedding model. It reloads whenever the installer says the installed packs changed.
 */
import type { LearnedRanking } from '../../../shared/learning/knowledge-priors';
import type { Capability } from '../core/capability';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import type { EmbedderChoice } from '../embeddings';
import { KnowledgeService, type InstalledPacks } from './knowledge-service';

export { KnowledgeService, type InstalledPacks };
export { createPackIndexer } from './pack-indexer';

export interface KnowledgeDeps {
  /** The installed packs, and a way to hear when they change (the pack installer). */
  readonly packs: InstalledPacks & { onChanged(listener: () => Promise<void>): () => void };
  readonly embeddings: EmbedderChoice;
  readonly bus?: EventBus;
  readonly logger?: Logger;
  /** The learned re-ranking step (the learning capability), when the host has one. */
  readonly learned?: LearnedRanking;
}

export async function createKnowledge(
  deps: KnowledgeDeps,
): Promise<Capability<KnowledgeService, 'knowledge'>> {
  const knowledge = await KnowledgeService.open({
    packs: deps.packs,
    embedder: deps.embeddings.embedder,
    embedderReason: deps.embeddings.reason,
    bus: deps.bus,
    logger: deps.logger,
    learned: deps.learned,
  });
  const stop = deps.packs.onChanged(() => knowledge.reload());
  return {
    service: knowledge,
    handlers: {
      'knowledge:search': (request) => knowledge.search(request),
      'knowledge:status': () => knowledge.status(),
    },
    close: async () => {
      stop();
      await knowledge.close();
    },
  };
}
