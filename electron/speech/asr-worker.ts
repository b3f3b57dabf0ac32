/**
 * The recognition worker: one transformers.js Whisper pipeline in a worker thread, so
 * inference never blocks the main process. One request at a time per worker (the service
 * sends them one by one); each returns the text and how long the model took.
 */
import { workerData } from 'node:worker_threads';
import { AppError } from '../../shared/result';
import { serveWorkerRequests } from '../workers/serve-worker-requests';
import type { AsrWorkerData, AsrWorkerReply, AsrWorkerRequest } from './asr-protocol';

type Transcriber = (
  audio: Float32Array,
  options: { max_new_tokens: number },
) => Promise<{ text: string } | { text: string }[]>;

const config = workerData as AsrWorkerData;
let loading: Promise<Transcriber> | null = null;

async function load(): Promise<Transcriber> {
  const { pipeline, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.localModelPath = config.modelsDir.endsWith('/') ? config.modelsDir : `${config.modelsDir}/`;
  try {
    const asr = await pipeline('automatic-speech-recognition', config.modelId, {
      dtype: 'q8',
      ...(config.threads ? { session_options: { intraOpNumThreads: config.threads } } : {}),
    });
    return asr as unknown as Transcriber;
  } catch (error) {
    throw new AppError(
      'unavailable',
      `The speech model ${config.modelId} could not be loaded from ${config.modelsDir} ` +
        `(${error instanceof Error ? error.message : String(error)}). Install it there, or set ` +
        'INLOOP_MODELS_DIR to the folder that holds it (INLOOP_ASR_MODEL picks another model).',
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

serveWorkerRequests<AsrWorkerRequest, AsrWorkerReply>(async (request) => {
  const started = performance.now();
  loading ??= load();
  const asr = await loading.catch((error: unknown) => {
    loading = null; // let a later request try again (the model may have been installed)
    throw error;
  });
  if (request.type === 'load') return { text: '', ms: performance.now() - started };
  const output = await asr(request.audio, { max_new_tokens: request.maxNewTokens });
  // Tests and benches slow the model down on purpose to exercise back-pressure.
  if (config.delayMs) await sleep(config.delayMs);
  const text = (Array.isArray(output) ? output.map((o) => o.text).join(' ') : output.text).trim();
  return { text, ms: performance.now() - started };
});
