/**
 * Wires the knowledge service for a host: this device's embedder (`createEmbedder`, which
 * honours `INLOOP_EMBED_MODEL`, `none` = lexical) and trust from the settings
 * (`knowledge.trustedPublisherKeys`, `knowledge.allowUnsignedPacks`).
 */
import type { LearnedRanking } from '../../../shared/learning/knowledge-priors';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import { createEmbedder } from '../embeddings/create-embedder';
import type { Embedder } from '../embeddings/embedder';
import type { PackTrust } from '../packs/install/pack-store';
import type { SettingsService } from '../settings/settings-service';
import { KnowledgeService } from './knowledge-service';

export interface KnowledgeWiring {
  readonly dataDir: string;
  readonly modelsDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly settings: SettingsService;
  readonly bus?: EventBus;
  readonly logger?: Logger;
  /** The learned re-ranking step (the learning capability), when the host has one. */
  readonly learned?: LearnedRanking;
}

/** The service and what closing it takes (the embedder's worker too). */
export interface KnowledgeCapability {
  readonly knowledge: KnowledgeService;
  readonly embedder: Embedder | null;
  close(): Promise<void>;
}

/** Trust as the settings say now. */
export function trustFromSettings(settings: SettingsService): PackTrust {
  const { trustedPublisherKeys, allowUnsignedPacks } = settings.get().knowledge;
  return {
    trustedKeys: trustedPublisherKeys.map((k) => k.publicKeyPem),
    allowUnsigned: allowUnsignedPacks,
  };
}

export async function createKnowledge(wiring: KnowledgeWiring): Promise<KnowledgeCapability> {
  const { embedder, reason } = await createEmbedder({
    modelsDir: wiring.modelsDir,
    env: wiring.env,
  });
  if (reason) wiring.logger?.info(`knowledge search is lexical only: ${reason}`);
  try {
    const knowledge = await KnowledgeService.open({
      dataDir: wiring.dataDir,
      embedder,
      embedderReason: reason,
      trust: () => trustFromSettings(wiring.settings),
      bus: wiring.bus,
      logger: wiring.logger,
      learned: wiring.learned,
    });
    return {
      knowledge,
      embedder,
      close: async () => {
        await knowledge.close();
        await embedder?.close();
      },
    };
  } catch (error) {
    await embedder?.close();
    throw error;
  }
}
