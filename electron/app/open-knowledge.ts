/**
 * Packs and knowledge composed together, as the app composes them: the installer builds each
 * installed version's index with the knowledge indexer and this device's embedder, and the
 * knowledge service reloads after every change. `createServices` uses it; so do the benchmark,
 * the evaluation and the tests that need only installing and searching.
 */
import type { LearnedRanking } from '../../shared/learning/knowledge-priors';
import type { EventBus } from '../services/core/event-bus';
import type { Logger } from '../services/core/log';
import type { EmbedderChoice } from '../services/embeddings';
import { createKnowledge, createPackIndexer } from '../services/knowledge';
import { createPacks, type PackTrust } from '../services/packs';

export interface KnowledgeDeps {
  readonly dataDir: string;
  readonly embeddings: EmbedderChoice;
  readonly trust: () => PackTrust;
  readonly examplePackDir?: string;
  readonly bus?: EventBus;
  readonly logger?: Logger;
  /** What the device learned (the learning capability's re-ranking step). */
  readonly learned?: LearnedRanking;
  /**
   * Write each installed version's index in a child process (pack-indexer.ts), so the memory
   * LanceDB's write path holds leaves with it: for hosts that run all day.
   */
  readonly isolateIndexing?: boolean;
}

export async function openKnowledge(deps: KnowledgeDeps) {
  const packs = await createPacks({
    dataDir: deps.dataDir,
    trust: deps.trust,
    indexer: createPackIndexer(deps.embeddings.embedder, {
      isolation: deps.isolateIndexing ? 'process' : 'inline',
    }),
    examplePackDir: deps.examplePackDir,
  });
  const knowledge = await createKnowledge({
    packs: packs.service,
    embeddings: deps.embeddings,
    bus: deps.bus,
    logger: deps.logger,
    learned: deps.learned,
  });
  return {
    packs,
    knowledge,
    /** Closes knowledge, then packs (the embedder is the caller's). */
    close: async () => {
      await knowledge.close();
      await packs.close();
    },
  };
}
