/**
 * The recognition worker: one Whisper session (electron/services/speech/whisper-session.ts) in a
 * worker thread, so inference never blocks the main process. One transcription at a time per
 * worker (the service sends them one by one); each returns the text and how long the model
 * took. A `cancel` stops the running one between decoder steps.
 */
import { workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/result';
import { serveWorkerRequests } from '../core/workers/serve-worker-requests';
import type { AsrWorkerData, AsrWorkerReply, AsrWorkerRequest } from './asr-protocol';
import { WhisperSession } from './whisper-session';

const config = workerData as AsrWorkerData;
let loading: Promise<WhisperSession> | null = null;
/** Set by `cancel`, cleared when the next transcription starts. */
let cancelRequested = false;

async function load(): Promise<WhisperSession> {
  try {
    return await WhisperSession.load({
      modelsDir: config.modelsDir,
      modelId: config.modelId,
      ...(config.threads ? { threads: config.threads } : {}),
    });
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
  if (request.type === 'cancel') {
    cancelRequested = true;
    return { text: '', ms: 0 };
  }
  if (request.type === 'transcribe') cancelRequested = false;
  loading ??= load();
  const whisper = await loading.catch((error: unknown) => {
    loading = null; // let a later request try again (the model may have been installed)
    throw error;
  });
  if (request.type === 'load') return { text: '', ms: performance.now() - started };
  const result = await whisper.transcribe(
    request.audio,
    request.maxNewTokens,
    () => cancelRequested,
  );
  // Tests and benches slow the model down on purpose to exercise back-pressure.
  if (config.delayMs && !result.stopped) await sleep(config.delayMs);
  return {
    text: result.text,
    ms: performance.now() - started,
    ...(result.stopped ? { cancelled: true } : {}),
  };
});
