/**
 * Embedding a pack's passages at build time, so agents' machines need not: batches through the
 * `Embedder`, progress after each batch, and the rows packed as little-endian float32 in
 * passage order (the `index/embeddings.f32` entry).
 */
import type { Passage } from '../../../../shared/packs/pack-schemas';
import { AppError } from '../../../../shared/result';
import type { Embedder } from '../../embeddings/embedder';
import { embeddingText } from './pack-passages';

/** Passages per `embed` call: large enough to keep the worker busy, small enough for progress. */
export const EMBED_BATCH = 64;

/** Embeds every passage; `onBatch(done)` after each batch. */
export async function embedPassages(
  embedder: Embedder,
  passages: readonly Passage[],
  onBatch: (done: number) => void = () => {},
  batchSize = EMBED_BATCH,
): Promise<Uint8Array> {
  const { dimension } = embedder;
  const bytes = new Uint8Array(passages.length * dimension * 4);
  const view = new DataView(bytes.buffer);
  for (let first = 0; first < passages.length; first += batchSize) {
    const batch = passages.slice(first, first + batchSize);
    const vectors = await embedder.embed(batch.map(embeddingText));
    if (vectors.length !== batch.length) {
      throw new AppError(
        'internal',
        `embedding model ${embedder.modelId} returned ${vectors.length} vectors for ${batch.length} passages`,
      );
    }
    vectors.forEach((vector, k) => {
      if (vector.length !== dimension) {
        throw new AppError(
          'internal',
          `embedding model ${embedder.modelId} returned a ${vector.length}-dimension vector; it declares ${dimension}`,
        );
      }
      const row = (first + k) * dimension * 4;
      vector.forEach((v, c) => view.setFloat32(row + c * 4, v, true));
    });
    onBatch(first + batch.length);
  }
  return bytes;
}
