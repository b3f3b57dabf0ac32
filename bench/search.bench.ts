/**
 * Search latency at 10k and 100k passages, lexical and hybrid, through the knowledge
 * service's public API: synthetic packs from the doc2dial-dev articles (bench/synthetic-pack.ts)
 * installed into a temp data folder, then 1,000 doc2dial-dev dialogue states as conversation
 * queries per size and mode. Hybrid embeds each query with the real
 * `inloop-test/minilm-l6-shape-random`; the passages' vectors are random (see the row labels).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbedder } from '../electron/services/embeddings/create-embedder';
import type { Embedder } from '../electron/services/embeddings/embedder';
import { openKnowledge } from '../electron/app/open-knowledge';
import type { KnowledgeService } from '../electron/services/knowledge';
import type { QueryTurn } from '../shared/schemas/knowledge';
import { readDoc2dialArticles, writeSyntheticPacks } from './synthetic-pack';
import { formatTable, percentile, type BenchRow } from './table';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, '..', 'shared', 'data', 'doc2dial-dev');
const modelsDir = join(root, '..', 'shared', 'models');
const MODEL = 'inloop-test/minilm-l6-shape-random';
/** Corpus sizes; `INLOOP_BENCH_SEARCH_SIZES=10000` runs a subset (the 100k install is slow). */
const SIZES = (process.env.INLOOP_BENCH_SEARCH_SIZES ?? '10000,100000')
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => Number.isInteger(size) && size > 0);
const QUERIES = 1_000;
const K = 5;
const TARGET_P95_MS = { lexical: 30, hybrid: 60 } as const;

type Mode = keyof typeof TARGET_P95_MS;

async function readQueries(): Promise<QueryTurn[][]> {
  const lines = (await readFile(join(dataDir, 'turns.jsonl'), 'utf8')).split('\n');
  return lines
    .filter((line) => line.trim() !== '')
    .slice(0, QUERIES)
    .map((line) => (JSON.parse(line) as { turns: QueryTurn[] }).turns);
}

const rssMiB = () => process.memoryUsage().rss / (1024 * 1024);

/** Latencies of every query, wall clock around the service call, after a short warm-up. */
async function timeQueries(service: KnowledgeService, queries: QueryTurn[][]): Promise<number[]> {
  for (const turns of queries.slice(0, 20)) await service.search({ turns, k: K });
  const samples: number[] = [];
  for (const turns of queries) {
    const t0 = performance.now();
    await service.search({ turns, k: K });
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function benchSize(
  size: number,
  embedder: Embedder,
  queries: QueryTurn[][],
): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'inloop-bench-search-'));
  const rows: BenchRow[] = [];
  const label = `search ${size / 1000}k`;
  try {
    const files = await writeSyntheticPacks(
      dir,
      await readDoc2dialArticles(join(dataDir, 'docs.jsonl')),
      size,
      { model: embedder.modelId, dimension: embedder.dimension },
    );
    const data = join(dir, 'data');
    const trust = () => ({ trustedKeys: [], allowUnsigned: true });
    const installing = await openKnowledge({
      dataDir: data,
      embeddings: { embedder, reason: null },
      trust,
    });
    const t0 = performance.now();
    for (const file of files) await installing.packs.service.install({ path: file });
    rows.push({
      benchmark: label,
      metric: `install (${files.length} pack${files.length > 1 ? 's' : ''})`,
      value: (performance.now() - t0) / 1000,
      unit: 's',
    });
    await installing.close();

    for (const mode of ['lexical', 'hybrid'] as const) {
      const opened = await openKnowledge({
        dataDir: data,
        embeddings: { embedder: mode === 'hybrid' ? embedder : null, reason: 'bench: lexical run' },
        trust,
      });
      const service = opened.knowledge.service;
      const status = service.status();
      if (status.mode.mode !== mode) {
        throw new Error(
          `expected ${mode} search, the service runs ${status.mode.mode}: ${status.mode.reason}`,
        );
      }
      const rss = rssMiB();
      rows.push(...latencyRows(label, mode, size, await timeQueries(service, queries)));
      rows.push({
        benchmark: label,
        metric: `RSS after loading (${mode})`,
        value: rss,
        unit: 'MiB',
      });
      await opened.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

function latencyRows(label: string, mode: Mode, size: number, samples: number[]): BenchRow[] {
  const what = mode === 'hybrid' ? 'hybrid (random passage vectors)' : 'lexical';
  const target = size === 100_000 ? { op: '<=' as const, value: TARGET_P95_MS[mode] } : undefined;
  return [
    { benchmark: label, metric: `${what} p50`, value: percentile(samples, 50), unit: 'ms' },
    { benchmark: label, metric: `${what} p95`, value: percentile(samples, 95), unit: 'ms', target },
  ];
}

/** The `search` rows of `npm run bench`; none (with a message) when the data or model is absent. */
export async function benchSearch(sizes: readonly number[] = SIZES): Promise<BenchRow[]> {
  if (!existsSync(join(dataDir, 'docs.jsonl')) || !existsSync(join(dataDir, 'turns.jsonl'))) {
    process.stderr.write(`bench search: skipped, ${dataDir} is missing\n`);
    return [];
  }
  const choice = await createEmbedder({
    modelsDir,
    env: { ...process.env, INLOOP_EMBED_MODEL: MODEL },
  });
  if (!choice.embedder) {
    process.stderr.write(`bench search: skipped, ${choice.reason}\n`);
    return [];
  }
  const queries = await readQueries();
  const rows: BenchRow[] = [];
  try {
    for (const size of sizes) {
      process.stderr.write(`bench search: ${size} passages…\n`);
      const sized = await benchSize(size, choice.embedder, queries);
      // Shown as each size finishes: the 100k run takes minutes on a busy machine.
      process.stderr.write(`${formatTable(sized)}\n`);
      rows.push(...sized);
    }
  } finally {
    await choice.embedder.close();
  }
  return rows;
}
