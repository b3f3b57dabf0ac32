/**
 * The `Embedder` consumers get: it cuts the texts into length-grouped batches
 * (batch-plan.ts), sends each batch to the embedding worker, and returns the vectors in the
 * caller's order.
 */
import { AppError } from '../../../shared/result';
import type { WorkerClient } from '../core/workers/worker-client';
import { planBatches } from './batch-plan';
import type { EmbedRequest, EmbedResponse } from './embed-protocol';
import type { Embedder } from './embedder';

/**
 * Texts per model call: big enough to amortise the call, small enough to keep memory flat.
 * ONNX Runtime keeps its arena at the largest batch it ran: 32 passages of ~600 characters
 * left the worker ~190 MiB larger, 8 left it ~55 MiB larger, for about the same texts a
 * second (lengths are grouped per batch, so there is little padding either way).
 */
export const DEFAULT_BATCH_SIZE = 8;
/** Per batch; generous, because the first call after a load warms ONNX Runtime up. */
const BATCH_TIMEOUT_MS = 120_000;

export class WorkerEmbedder implements Embedder {
  constructor(
    readonly modelId: string,
    readonly dimension: number,
    private readonly worker: WorkerClient<EmbedRequest, EmbedResponse>,
    private readonly batchSize = DEFAULT_BATCH_SIZE,
  ) {}

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.some((t) => typeof t !== 'string')) {
      throw new AppError('invalid_request', 'embed: every text must be a string');
    }
    const vectors = new Array<Float32Array>(texts.length);
    for (const batch of planBatches(texts, this.batchSize)) {
      const reply = await this.worker.request(
        { kind: 'embed', texts: batch.map((i) => texts[i]!) },
        { timeoutMs: BATCH_TIMEOUT_MS },
      );
      if (reply.kind !== 'vectors' || reply.data.length !== batch.length * this.dimension) {
        throw new AppError(
          'internal',
          `${this.modelId} returned ${reply.kind === 'vectors' ? reply.data.length : 0} values ` +
            `for ${batch.length} texts of dimension ${this.dimension}`,
        );
      }
      batch.forEach((textIndex, row) => {
        const start = row * this.dimension;
        vectors[textIndex] = reply.data.slice(start, start + this.dimension);
      });
    }
    return vectors;
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
