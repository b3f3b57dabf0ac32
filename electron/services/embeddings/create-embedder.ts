/**
 * The one way services get an embedder: `createEmbedder({ modelsDir, env })` resolves which
 * model this device uses, checks its folder is there, starts the embedding worker and loads
 * the model. It never touches the network. When there is no usable model it answers
 * `{ embedder: null, reason }` (search then runs lexical only), with a reason that names the fix.
 *
 * - `INLOOP_EMBED_MODEL` overrides the model id (default `Xenova/all-MiniLM-L6-v2`);
 *   `none` forces lexical mode.
 * - `INLOOP_EMBED_THREADS` overrides the ONNX Runtime threads (default: half the cores, at
 *   least 1, at most 4, so the UI and speech keep a core on a 2-core machine).
 * - `INLOOP_EMBED_IDLE_SECONDS`: the worker process (model and runtime, ~100 MB) stops after
 *   this long without a request and starts again on the next one (default 300; 0 keeps it).
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_EMBED_MODEL } from '../models/wanted-model';
import { workerEntryUrl } from '../core/workers/worker-entry';
import { WorkerClient } from '../core/workers/worker-client';
import type { EmbedRequest, EmbedResponse, EmbedWorkerConfig } from './embed-protocol';
import type { Embedder } from './embedder';
import { resolveEmbeddingModel } from './embedding-model';
import { DEFAULT_BATCH_SIZE, WorkerEmbedder } from './worker-embedder';

export { DEFAULT_EMBED_MODEL };
export { missingModelFix } from './embedding-model';

export interface CreateEmbedderOptions {
  modelsDir: string;
  env: NodeJS.ProcessEnv;
  /** Default `q8` (the manifest's dtype for the default model). */
  dtype?: string;
  threads?: number;
  batchSize?: number;
  /** How long loading the model may take, in milliseconds. */
  loadTimeoutMs?: number;
  /** Stop the idle worker after this long (default `embedIdleMs(env)`); 0 never. */
  idleMs?: number;
}

/** Default idle time before the embedding worker stops: 5 minutes between searches. */
export const DEFAULT_EMBED_IDLE_MS = 5 * 60_000;

/** The idle stop of the embedding worker for `env`, in ms; 0 keeps it running. */
export function embedIdleMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.INLOOP_EMBED_IDLE_SECONDS);
  return env.INLOOP_EMBED_IDLE_SECONDS !== undefined && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : DEFAULT_EMBED_IDLE_MS;
}

export interface EmbedderChoice {
  embedder: Embedder | null;
  /** Why there is no embedder (null when there is one). */
  reason: string | null;
}

/** ONNX Runtime threads for `cores`: half of them, 1 to 4. */
export function defaultEmbedThreads(cores: number, env: NodeJS.ProcessEnv = {}): number {
  const fromEnv = Number(env.INLOOP_EMBED_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.min(4, Math.max(1, Math.floor(cores / 2)));
}

export async function createEmbedder(options: CreateEmbedderOptions): Promise<EmbedderChoice> {
  const dtype = options.dtype ?? 'q8';
  const choice = await resolveEmbeddingModel(options.modelsDir, options.env, dtype);
  if (choice.kind === 'lexical') {
    return {
      embedder: null,
      reason: choice.fix ? `${choice.reason}: ${choice.fix}` : choice.reason,
    };
  }
  const { id } = choice;
  const config: EmbedWorkerConfig = {
    modelsDir: options.modelsDir,
    modelId: id,
    dtype,
    threads: options.threads ?? defaultEmbedThreads(availableParallelism(), options.env),
  };
  const idleMs = options.idleMs ?? embedIdleMs(options.env);
  const worker = new WorkerClient<EmbedRequest, EmbedResponse>({
    name: 'embeddings',
    entry: workerEntryUrl(import.meta.url, 'embed-worker'),
    workerData: config,
    // A process, not a thread: when it stops after idling, the model's native memory (ONNX
    // Runtime's library, arenas, the allocator's free lists) leaves with it, instead of staying
    // in the services process (~60 MiB after a thread worker ended).
    isolation: 'process',
    ...(idleMs > 0 ? { idleTimeoutMs: idleMs } : {}),
  });
  try {
    const loaded = await worker.request(
      { kind: 'load' },
      { timeoutMs: options.loadTimeoutMs ?? 120_000 },
    );
    if (loaded.kind !== 'loaded' || loaded.dimension <= 0) {
      throw new Error(`the model gave no vector dimension`);
    }
    const embedder = new WorkerEmbedder(
      id,
      loaded.dimension,
      worker,
      options.batchSize ?? DEFAULT_BATCH_SIZE,
    );
    return { embedder, reason: null };
  } catch (error) {
    await worker.close();
    const message = error instanceof Error ? error.message : String(error);
    return { embedder: null, reason: `embedding model ${id} did not load: ${message}` };
  }
}
