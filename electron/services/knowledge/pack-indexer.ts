/**
 * The `PackIndexer` the pack store runs while installing: it writes, into the staging folder,
 * `content.json` (the checked content) and `index.lancedb` (the passages table with FTS over
 * pre-analysed terms and, when there are vectors, a vector column and index; the articles
 * table with FTS). Vectors come from the pack when it was embedded with this device's model,
 * and are recomputed here otherwise (`planVectors`).
 */
import { join } from 'node:path';
import { DEFAULT_ANALYZER } from '../../../shared/knowledge/analyzer';
import { planVectors, type VectorPlan } from '../../../shared/knowledge/vector-plan';
import { AppError, assertNever } from '../../../shared/result';
import { writeFileAtomic } from '../core/atomic-file';
import type { Embedder } from '../embeddings/embedder';
import { embeddingText } from '../packs/build/pack-passages';
import { EMBEDDINGS_ENTRY_PATH, type VerifiedPack } from '../packs/pack-file';
import type { PackIndexer } from '../packs/install/pack-store';
import { createPassageStore } from './lancedb-passage-store';
import type { InstalledContent } from '../packs/install/installed-content';
import { indexArticles, indexPassages } from './installed-pack';

/** File and folder names inside an installed version folder. */
export const CONTENT_FILE = 'content.json';
export const INDEX_FOLDER = 'index.lancedb';

/** Passages embedded per call while re-embedding (progress granularity). */
const EMBED_CHUNK = 256;

/** Reports re-embedding progress: `done` of `total` passages. */
export type IndexProgress = (done: number, total: number) => void;

/** The indexer for this device: `embedder` null means lexical only. */
export function createPackIndexer(
  embedder: Embedder | null,
  onProgress: IndexProgress = () => {},
): PackIndexer {
  return {
    async build(pack, content, folder) {
      const plan = planVectors(pack.manifest.embedding?.model ?? null, embedder?.modelId ?? null);
      const vectors = await vectorsFor(plan, pack, content, embedder, onProgress);
      await writeFileAtomic(join(folder, CONTENT_FILE), JSON.stringify(content));
      await createPassageStore(
        join(folder, INDEX_FOLDER),
        indexArticles(content, null),
        indexPassages(content, null),
        DEFAULT_ANALYZER,
        vectors ?? undefined,
      );
      return { embeddingModel: vectors && plan.kind !== 'none' ? plan.model : null };
    },
  };
}

async function vectorsFor(
  plan: VectorPlan,
  pack: VerifiedPack,
  content: InstalledContent,
  embedder: Embedder | null,
  onProgress: IndexProgress,
): Promise<Float32Array[] | null> {
  if (content.passages.length === 0) return null;
  switch (plan.kind) {
    case 'none':
      return null;
    case 'use-pack': {
      const dimension = pack.manifest.embedding!.dimension;
      if (embedder && embedder.dimension !== dimension) {
        throw new AppError(
          'invalid_request',
          `pack ${pack.manifest.pack.id} has ${dimension}-dimension vectors for ${plan.model}, but this device's ${embedder.modelId} makes ${embedder.dimension}-dimension vectors`,
        );
      }
      const bytes = pack.entry(EMBEDDINGS_ENTRY_PATH);
      const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      return content.passages.map((_, i) => all.subarray(i * dimension, (i + 1) * dimension));
    }
    case 're-embed': {
      const out: Float32Array[] = [];
      const total = content.passages.length;
      for (let i = 0; i < total; i += EMBED_CHUNK) {
        const batch = content.passages.slice(i, i + EMBED_CHUNK).map(embeddingText);
        out.push(...(await embedder!.embed(batch)));
        onProgress(Math.min(total, i + EMBED_CHUNK), total);
      }
      return out;
    }
    default:
      return assertNever(plan);
  }
}
