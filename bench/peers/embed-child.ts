/**
 * One embedder in a fresh process (bench/child.ts): Inloop's worker (`createEmbedder`) or a
 * plain transformers.js `feature-extraction` pipeline (mean pooling, normalised, as its docs
 * show) on the same model, dtype and ONNX threads, on this process's main thread. Load time,
 * single-query latency (100 queries of ~60 characters), batched throughput (256 passages of
 * ~400 characters: Inloop's `embed` takes them all and batches them itself; the pipeline is
 * called with 32 at a time, in order), and memory after (RSS of this process and its worker
 * processes: Inloop's model runs in one).
 */
import { availableParallelism } from 'node:os';
import {
  createEmbedder,
  defaultEmbedThreads,
} from '../../electron/services/embeddings/create-embedder';
import { childInput, descendantsRss, memoryNow, reportResult } from '../child';
import { EMBED_MODEL, modelsDir } from '../corpora';
import { sampleTexts } from '../embed.bench';
import { percentile } from '../table';

export interface EmbedChildInput {
  readonly engine: 'inloop' | 'transformers';
}

export interface EmbedChildResult {
  readonly loadMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly textsPerSecond: number;
  readonly rssAfter: number;
  readonly heapAfter: number;
  readonly threads: number;
}

const QUERIES = 100;
const PASSAGES = 256;
const PEER_BATCH = 32;

type Embed = (texts: string[]) => Promise<unknown>;

async function load(
  engine: EmbedChildInput['engine'],
  threads: number,
): Promise<{ embed: Embed; close(): Promise<void> }> {
  if (engine === 'inloop') {
    const { embedder, reason } = await createEmbedder({
      modelsDir,
      env: { INLOOP_EMBED_MODEL: EMBED_MODEL },
      threads,
    });
    if (!embedder) throw new Error(reason ?? 'no embedder');
    return { embed: (texts) => embedder.embed(texts), close: () => embedder.close() };
  }
  // Imported here, so the Inloop run's process never loads transformers.js.
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.localModelPath = `${modelsDir}/`;
  const extractor = await pipeline('feature-extraction', EMBED_MODEL, {
    dtype: 'q8',
    local_files_only: true,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
  return {
    embed: async (texts) => {
      for (let i = 0; i < texts.length; i += PEER_BATCH) {
        await extractor(texts.slice(i, i + PEER_BATCH), { pooling: 'mean', normalize: true });
      }
    },
    close: () => extractor.dispose(),
  };
}

const { engine } = childInput<EmbedChildInput>();
const threads = defaultEmbedThreads(availableParallelism());
const t0 = performance.now();
const model = await load(engine, threads);
await model.embed(['warm up']);
const loadMs = performance.now() - t0;
const passages = sampleTexts(PASSAGES, 400, 7);
await model.embed(passages.slice(0, PEER_BATCH));
const started = performance.now();
await model.embed(passages);
const textsPerSecond = PASSAGES / ((performance.now() - started) / 1000);
const samples: number[] = [];
for (const query of sampleTexts(QUERIES, 60, 11)) {
  const t = performance.now();
  await model.embed([query]);
  samples.push(performance.now() - t);
}
// The model's process too: Inloop's runs in a worker process of its own.
const memory = memoryNow();
const workersRss = descendantsRss();
await model.close();
const result: EmbedChildResult = {
  loadMs,
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  textsPerSecond,
  rssAfter: memory.rss + workersRss,
  heapAfter: memory.heapUsed,
  threads,
};
reportResult(result);
