/**
 * Speech recognition as the service sees it: one `AsrEngine` per speaker channel, each a
 * Whisper pipeline in its own worker thread, so one speaker's backlog never delays the other.
 */
import { availableParallelism } from 'node:os';
import { WorkerClient } from '../core/workers/worker-client';
import { DEFAULT_ASR_MODEL } from '../models/wanted-model';
import { workerEntryUrl } from '../core/workers/worker-entry';
import type { AsrWorkerData, AsrWorkerReply, AsrWorkerRequest } from './asr-protocol';

/** The model id to use: `INLOOP_ASR_MODEL` when set, else the default (q8). */
export function asrModelId(env: NodeJS.ProcessEnv): string {
  return env.INLOOP_ASR_MODEL?.trim() || DEFAULT_ASR_MODEL;
}

/**
 * ONNX intra-op threads per recognition worker (one worker per speaker): two where both
 * speakers' workers get two cores each, else one. On 2 cores, two threads halve the wait for
 * a lone speaker's final on a quiet machine but collapse when other programs load the CPU
 * (docs/speech.md has both measurements); `INLOOP_ASR_THREADS` overrides.
 */
export function asrThreads(env: NodeJS.ProcessEnv, cores: number = availableParallelism()): number {
  const set = Number(env.INLOOP_ASR_THREADS);
  if (Number.isInteger(set) && set > 0) return set;
  return cores >= 4 ? 2 : 1;
}

export interface AsrEngine {
  readonly modelId: string;
  /** Load the model (idempotent); rejects with `unavailable` and the fix when it is missing. */
  load(): Promise<void>;
  transcribe(audio: Float32Array, maxNewTokens: number): Promise<AsrWorkerReply>;
  /** Stop the running transcription between decoder steps (it resolves with `cancelled`). */
  cancel(): void;
  close(): Promise<void>;
}

/** A loaded model should answer well within this; a stuck worker is replaced. */
const TRANSCRIBE_TIMEOUT_MS = 60_000;
const LOAD_TIMEOUT_MS = 120_000;

/** An engine backed by a recognition worker thread. */
export function createWorkerAsrEngine(data: AsrWorkerData): AsrEngine {
  const client = new WorkerClient<AsrWorkerRequest, AsrWorkerReply>({
    name: 'speech',
    entry: workerEntryUrl(import.meta.url, 'asr-worker'),
    workerData: data,
    timeoutMs: TRANSCRIBE_TIMEOUT_MS,
    restartOnTimeout: true,
  });
  return {
    modelId: data.modelId,
    load: async () => {
      await client.request({ type: 'load' }, { timeoutMs: LOAD_TIMEOUT_MS });
    },
    transcribe: (audio, maxNewTokens) =>
      client.request({ type: 'transcribe', audio, maxNewTokens }, { timeoutMs: LOAD_TIMEOUT_MS }),
    cancel: () => {
      // Fire and forget: a worker that is gone has nothing to cancel.
      client.request({ type: 'cancel' }).catch(() => undefined);
    },
    close: () => client.close(),
  };
}
