/**
 * The `PackIndexer` the pack store runs while installing: it writes, into the staging folder,
 * `content.json` (the checked content) and `index.lancedb` (the passages table with FTS over
 * pre-analysed terms and, when there are vectors, a vector column and index; the articles
 * table with FTS). Vectors come from the pack when it was embedded with this device's model,
 * and are recomputed here otherwise (`planVectors`).
 *
 * With `isolation: 'process'` (the hosts that run the app all day) the index is written by a
 * child process started for the install (index-worker.ts), so LanceDB's write path leaves no
 * memory behind in the app: in one process, installing the example pack left ~50 MiB and a 10k
 * pack ~250 MiB that the process kept until it ended. `inline` (the default: one-shot CLI
 * commands, tests) writes it here.
 */
import { join } from 'node:path';
import { planVectors, type VectorPlan } from '../../../shared/knowledge/vector-plan';
import { AppError, assertNever } from '../../../shared/result';
import { writeFileAtomic } from '../core/atomic-file';
import { workerEntryUrl } from '../core/workers/worker-entry';
import { WorkerClient } from '../core/workers/worker-client';
import type { Embedder } from '../embeddings/embedder';
import { embeddingText } from '../packs/build/pack-passages';
import { EMBEDDINGS_ENTRY_PATH, type VerifiedPack } from '../packs/pack-file';
import type { PackIndexer } from '../packs/install/pack-store';
import type { InstalledContent } from '../packs/install/installed-content';
import { CONTENT_FILE, flatVectors, INDEX_FOLDER, writeIndex } from './index-build';
import type { IndexRequest, IndexResponse } from './index-protocol';

export { CONTENT_FILE, INDEX_FOLDER };

/** Passages embedded per call while re-embedding (progress granularity). */
const EMBED_CHUNK = 256;
/** Building a 100k-passage index (FTS and IVF training) takes minutes on a slow machine. */
const INDEX_TIMEOUT_MS = 60 * 60_000;

/** Reports re-embedding progress: `done` of `total` passages. */
export type IndexProgress = (done: number, total: number) => void;

export interface PackIndexerOptions {
  /** Where `index.lancedb` is written: this process (default) or a child process. */
  readonly isolation?: 'inline' | 'process';
  readonly onProgress?: IndexProgress;
}

/** Writes the index in a child process started for this one build. */
async function writeIndexInWorker(
  folder: string,
  vectors: readonly Float32Array[] | null,
): Promise<void> {
  const worker = new WorkerClient<IndexRequest, IndexResponse>({
    name: 'pack index',
    entry: workerEntryUrl(import.meta.url, 'index-worker'),
    isolation: 'process',
  });
  try {
    const dimension = vectors?.[0]?.length ?? 0;
    await worker.request(
      {
        kind: 'build',
        folder,
        vectors:
          vectors && dimension > 0 ? { dimension, data: flatVectors(vectors, dimension) } : null,
      },
      { timeoutMs: INDEX_TIMEOUT_MS },
    );
  } finally {
    await worker.close();
  }
}

/** The indexer for this device: `embedder` null means lexical only. */
export function createPackIndexer(
  embedder: Embedder | null,
  options: PackIndexerOptions = {},
): PackIndexer {
  const onProgress = options.onProgress ?? (() => {});
  return {
    async build(pack, content, folder) {
      const plan = planVectors(pack.manifest.embedding?.model ?? null, embedder?.modelId ?? null);
      const vectors = await vectorsFor(plan, pack, content, embedder, onProgress);
      await writeFileAtomic(join(folder, CONTENT_FILE), JSON.stringify(content));
      if (options.isolation === 'process') await writeIndexInWorker(folder, vectors);
      else await writeIndex(folder, content, vectors);
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
