/**
 * The embedding worker thread: transformers.js feature extraction (mean pooling, L2
 * normalisation) on a local model folder, never the network. One pipeline per worker,
 * loaded on the first request. Started by `createEmbedder` through `WorkerClient`.
 */
import { workerData } from 'node:worker_threads';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { AppError } from '../../../shared/result';
import { serveWorkerRequests } from '../core/workers/serve-worker-requests';
import { embedWorkerConfigSchema, type EmbedRequest, type EmbedResponse } from './embed-protocol';

const config = embedWorkerConfigSchema.parse(workerData);

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = config.modelsDir.endsWith('/') ? config.modelsDir : `${config.modelsDir}/`;

let loading: Promise<{ extractor: FeatureExtractionPipeline; dimension: number; loadMs: number }>;

function load() {
  loading ??= (async () => {
    const started = performance.now();
    const extractor = await pipeline('feature-extraction', config.modelId, {
      dtype: config.dtype as 'q8',
      local_files_only: true,
      session_options: { intraOpNumThreads: config.threads, interOpNumThreads: 1 },
    }).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'unavailable',
        `cannot load ${config.modelId} (${config.dtype}): ${message}`,
      );
    });
    // The dimension is whatever the model really outputs, not what a config claims.
    const probe = await extractor('dimension probe', { pooling: 'mean', normalize: true });
    const dimension = probe.dims.at(-1) ?? 0;
    return { extractor, dimension, loadMs: performance.now() - started };
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
      const { extractor, dimension } = await load();
      const output = await extractor([...request.texts], { pooling: 'mean', normalize: true });
      return { kind: 'vectors', dimension, data: output.data as Float32Array };
    }
  }
});
