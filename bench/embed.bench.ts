/**
 * Embedding cost with `inloop-test/minilm-l6-shape-random` (exactly all-MiniLM-L6-v2's shape,
 * random weights, q8): model load, batched throughput on passage-sized texts (what a pack
 * build pays), and single-query latency (what a hybrid search pays before it can search).
 * Runs with the default threads for this machine and, for throughput, with every core.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  createEmbedder,
  defaultEmbedThreads,
} from '../electron/services/embeddings/create-embedder';
import { percentile, type BenchRow } from './table';

const modelsDir = join(import.meta.dirname, '..', '..', 'shared', 'models');
const MODEL = 'inloop-test/minilm-l6-shape-random';
const PASSAGES = 256;
const QUERIES = 100;

const words = (
  'refund order delivery account password billing invoice card charge parcel courier address ' +
  'subscription cancel upgrade plan payment failed declined reset login email verify code ' +
  'the a my to is was not and for on with please can you help I we have been since'
).split(' ');

/** Deterministic English-like texts of about `chars` characters. */
export function sampleTexts(count: number, chars: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () => {
    let text = '';
    while (text.length < chars) text += `${words[next() % words.length]} `;
    return text.trim();
  });
}

async function measure(threads: number, withLatency: boolean): Promise<BenchRow[]> {
  const loadStart = performance.now();
  const { embedder, reason } = await createEmbedder({
    modelsDir,
    env: { INLOOP_EMBED_MODEL: MODEL },
    threads,
  });
  if (!embedder) throw new Error(`embed bench: ${reason}`);
  const loadMs = performance.now() - loadStart;
  const label = `embed (${threads} thread${threads > 1 ? 's' : ''})`;
  try {
    const passages = sampleTexts(PASSAGES, 400, 7);
    await embedder.embed(passages.slice(0, 32)); // warm-up
    const started = performance.now();
    await embedder.embed(passages);
    const perSecond = PASSAGES / ((performance.now() - started) / 1000);
    const rows: BenchRow[] = [
      { benchmark: label, metric: 'worker start + model load', value: loadMs, unit: 'ms' },
      {
        benchmark: label,
        metric: `batched, ~400-char passages`,
        value: perSecond,
        unit: 'texts/s',
      },
    ];
    if (withLatency) {
      const queries = sampleTexts(QUERIES, 60, 11);
      const samples: number[] = [];
      for (const query of queries) {
        const t = performance.now();
        await embedder.embed([query]);
        samples.push(performance.now() - t);
      }
      rows.push(
        {
          benchmark: label,
          metric: 'single query p50',
          value: percentile(samples, 50),
          unit: 'ms',
        },
        // The query vector is part of a hybrid search's 60 ms p95 budget: keep it to half.
        {
          benchmark: label,
          metric: 'single query p95',
          value: percentile(samples, 95),
          unit: 'ms',
          target: { op: '<=', value: 30 },
        },
      );
    }
    return rows;
  } finally {
    await embedder.close();
  }
}

/** The `embed` rows of `npm run bench`; none (with a note) when the shared models are absent. */
export async function benchEmbed(): Promise<BenchRow[]> {
  if (!existsSync(join(modelsDir, MODEL, 'config.json'))) {
    process.stderr.write(`bench: embed skipped: ${MODEL} not found in ${modelsDir}\n`);
    return [];
  }
  const cores = availableParallelism();
  const threads = defaultEmbedThreads(cores);
  const rows = await measure(threads, true);
  if (cores > threads) rows.push(...(await measure(cores, false)));
  return rows;
}
