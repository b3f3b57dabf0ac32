/**
 * The embeddings capability: this device's embedder (transformers.js in a worker thread), or
 * none with the reason (search then runs lexical only). No channels of its own: knowledge and
 * packs use it.
 */
import type { Capability } from '../core/capability';
import type { Logger } from '../core/log';
import { createEmbedder, type EmbedderChoice } from './create-embedder';

export type { EmbedderChoice };
export type { Embedder } from './embedder';

export interface EmbeddingsDeps {
  readonly modelsDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logger?: Logger;
}

export async function createEmbeddings(
  deps: EmbeddingsDeps,
): Promise<Capability<EmbedderChoice, 'embeddings'>> {
  const choice = await createEmbedder({ modelsDir: deps.modelsDir, env: deps.env });
  if (choice.reason) deps.logger?.info(`knowledge search is lexical only: ${choice.reason}`);
  return { service: choice, handlers: {}, close: async () => choice.embedder?.close() };
}
