/**
 * The embedding worker (a child process, see create-embedder.ts): transformers.js's
 * `feature-extraction` pipeline (the model's tokenizer, mean pooling, unit length) on a local
 * model folder, never the network. One pipeline per worker, loaded on the first request.
 * Started by `createEmbedder` through `WorkerClient`; transformers.js, its tensor layer and the
 * model live in this process only, so the services process never loads them and an idle stop
 * gives all of it back.
 */
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { AppError } from '../../../shared/result';
import { serveWorkerRequests, workerInput } from '../core/workers/serve-worker-requests';
import { embedWorkerConfigSchema, type EmbedRequest, type EmbedResponse } from './embed-protocol';

const config = embedWorkerConfigSchema.parse(workerInput());

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = config.modelsDir.endsWith('/') ? config.modelsDir : `${config.modelsDir}/`;

interface Loaded {
  readonly extractor: FeatureExtractionPipeline;
  readonly dimension: number;
  readonly loadMs: number;
}

let loading: Promise<Loaded> | undefined;

/** Unit vectors of `texts`, flat `[texts.length × dimension]`. */
async function embed(
  extractor: FeatureExtractionPipeline,
  texts: readonly string[],
): Promise<{ data: Float32Array; dimension: number }> {
  const output = await extractor([...texts], { pooling: 'mean', normalize: true });
  const data = output.data as Float32Array;
  const dimension = output.dims.at(-1) ?? 0;
  return { data, dimension };
}

function load(): Promise<Loaded> {
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
    const { dimension } = await embed(extractor, ['dimension probe']);
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
      const { data } = await embed(extractor, request.texts);
      return { kind: 'vectors', dimension, data };
    }
  }
});
