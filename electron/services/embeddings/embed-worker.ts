/**
 * The embedding worker (a child process, see create-embedder.ts): a sentence-embedding model
 * on onnxruntime-node (sentence-encoder.ts: the model's tokenizer, mean pooling, unit length)
 * from a local model folder, never the network. One model per worker, loaded on the first
 * request. Started by `createEmbedder` through `WorkerClient`.
 */
import { AppError } from '../../../shared/result';
import { serveWorkerRequests, workerInput } from '../core/workers/serve-worker-requests';
import { embedWorkerConfigSchema, type EmbedRequest, type EmbedResponse } from './embed-protocol';
import { SentenceEncoder } from './sentence-encoder';

const config = embedWorkerConfigSchema.parse(workerInput());

let loading: Promise<{ encoder: SentenceEncoder; dimension: number; loadMs: number }>;

function load() {
  loading ??= (async () => {
    const started = performance.now();
    const encoder = await SentenceEncoder.load(config).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'unavailable',
        `cannot load ${config.modelId} (${config.dtype}): ${message}`,
      );
    });
    // The dimension is whatever the model really outputs, not what a config claims.
    const { dimension } = await encoder.embed(['dimension probe']);
    return { encoder, dimension, loadMs: performance.now() - started };
  })();
  return loading;
}

serveWorkerRequests<EmbedRequest, EmbedResponse>(async (request) => {
  switch (request.kind) {
    case 'load': {
      const { dimension, loadMs } = await load();
      return { kind: 'loaded', dimension, loadMs };
    }
    case 'embed': {
      const { encoder, dimension } = await load();
      const { data } = await encoder.embed(request.texts);
      return { kind: 'vectors', dimension, data };
    }
  }
});
