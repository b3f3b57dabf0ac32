/**
 * `inloop pack build` throughput: passages per second for a synthetic ~2,000-passage source
 * made from the example pack's articles (each copied under variant titles and ids), lexical
 * and with the benchmark embedding model (`inloop-test/minilm-l6-shape-random`, the real
 * MiniLM-L6 shape with random weights, so the cost is faithful).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createEmbedder } from '../electron/services/embeddings/create-embedder';
import type { Embedder } from '../electron/services/embeddings/embedder';
import { buildPack } from '../electron/services/packs/build';
import { buildThreads } from '../electron/services/packs/cli/build-command';
import type { BenchRow } from './table';

const root = join(import.meta.dirname, '..');
const example = join(root, 'packs/acme-retail');
const modelsDir = join(root, '../shared/models');
const BENCH_MODEL = 'inloop-test/minilm-l6-shape-random';
const TARGET_PASSAGES = 2000;

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A pack source of about `TARGET_PASSAGES` passages: the example's articles, varied per copy. */
async function syntheticSource(dir: string, copies: number): Promise<string> {
  const src = join(dir, 'src');
  await mkdir(join(src, 'articles'), { recursive: true });
  await cp(join(example, 'pack.yaml'), join(src, 'pack.yaml'));
  const articles = join(example, 'articles');
  for (const file of await markdownFiles(articles)) {
    const text = await readFile(file, 'utf8');
    for (let k = 0; k < copies; k++) {
      const varied = text
        .replace(/^# (.+)$/m, `# $1 (region ${k + 1})`)
        .replaceAll('Acme Retail', `Acme Retail region ${k + 1}`);
      const target = join(src, 'articles', `region-${k + 1}`, relative(articles, file));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, varied);
    }
  }
  return src;
}

async function timedBuild(
  src: string,
  out: string,
  embedder: Embedder | null,
): Promise<{ ms: number; passages: number }> {
  const started = performance.now();
  const result = await buildPack(src, { out, embedder });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`the synthetic source has ${result.problems.length} problems`);
  return { ms, passages: result.manifest.counts.passages };
}

export async function benchPackBuild(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'inloop-bench-pack-'));
  try {
    // The example pack gives ~150 passages; copy it enough times for ~2k.
    const probe = await timedBuild(example, join(dir, 'probe.inloop'), null);
    const src = await syntheticSource(dir, Math.ceil(TARGET_PASSAGES / probe.passages));
    const lexical = await timedBuild(src, join(dir, 'lexical.inloop'), null);
    const rows: BenchRow[] = [
      {
        benchmark: `pack build, ${lexical.passages} passages`,
        metric: 'lexical only (read, chunk, write)',
        value: lexical.passages / (lexical.ms / 1000),
        unit: 'passages/s',
      },
    ];
    if (!existsSync(join(modelsDir, BENCH_MODEL, 'config.json'))) {
      process.stderr.write(`bench: pack build: ${BENCH_MODEL} not in ${modelsDir}, skipped\n`);
      return rows;
    }
    const loadStarted = performance.now();
    const { embedder, reason } = await createEmbedder({
      modelsDir,
      env: { ...process.env, INLOOP_EMBED_MODEL: BENCH_MODEL },
      // The threads `inloop pack build` uses.
      ...buildThreads(process.env),
    });
    if (!embedder) throw new Error(`no embedder for the pack build bench: ${reason}`);
    const loadMs = performance.now() - loadStarted;
    try {
      const embedded = await timedBuild(src, join(dir, 'embedded.inloop'), embedder);
      rows.push(
        {
          benchmark: `pack build, ${embedded.passages} passages`,
          metric: `with ${BENCH_MODEL}`,
          value: embedded.passages / (embedded.ms / 1000),
          unit: 'passages/s',
        },
        {
          benchmark: `pack build, ${embedded.passages} passages`,
          metric: 'embedding model start (once per build)',
          value: loadMs,
          unit: 'ms',
        },
      );
    } finally {
      await embedder.close();
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
