/**
 * Hybrid retrieval with the real embedder (transformers.js in its worker) on
 * inloop-test/minilm-tiny-random from ../shared/models. Its weights are random, so these tests
 * check the code path (vectors stored, re-embedded when models differ, fused results, mode),
 * not semantic quality.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../../electron/services/embeddings/create-embedder';
import type { Embedder } from '../../../../electron/services/embeddings/embedder';
import { openKnowledge } from '../../../../electron/app/open-knowledge';
import { BILLING_ARTICLES, tempDir, writeFixturePack } from './knowledge-fixtures';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const modelsDir = join(root, '..', 'shared', 'models');
const MODEL = 'inloop-test/minilm-tiny-random';
const present = existsSync(join(modelsDir, MODEL, 'config.json'));
if (!present) console.warn(`hybrid-search: skipped, ${modelsDir}/${MODEL} is absent`);

/** The real embedder, counting how many texts it was asked to embed. */
function counting(embedder: Embedder): Embedder & { texts: number } {
  const wrapped = {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    texts: 0,
    embed(texts: readonly string[]) {
      wrapped.texts += texts.length;
      return embedder.embed(texts);
    },
    close: () => embedder.close(),
  };
  return wrapped;
}

describe.skipIf(!present)('hybrid search', () => {
  let embedder: Embedder & { texts: number };
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const choice = await createEmbedder({
      modelsDir,
      env: { ...process.env, INLOOP_EMBED_MODEL: MODEL },
    });
    if (!choice.embedder) throw new Error(choice.reason ?? 'no embedder');
    embedder = counting(choice.embedder);
    ({ dir, cleanup } = await tempDir());
  }, 60_000);
  afterAll(async () => {
    await embedder?.close();
    await cleanup?.();
  });

  const open = async (name: string) => {
    const opened = await openKnowledge({
      dataDir: join(dir, name),
      embeddings: { embedder, reason: null },
      trust: () => ({ trustedKeys: [], allowUnsigned: true }),
    });
    return {
      knowledge: opened.knowledge.service,
      packs: opened.packs.service,
      close: opened.close,
    };
  };

  it('re-embeds a lexical pack at install and answers in hybrid mode', async () => {
    const { knowledge, packs, close } = await open('reembed');
    try {
      const file = await writeFixturePack(join(dir, 'plain.inloop'), {
        id: 'acme',
        version: '1.0.0',
        articles: BILLING_ARTICLES,
      });
      const before = embedder.texts;
      const installed = await packs.install({ path: file });
      expect(installed.current.embeddingModel).toBe(MODEL);
      expect(embedder.texts - before).toBe(installed.current.counts.passages);
      const results = await knowledge.search({ query: 'courier lost my parcel', k: 2 });
      expect(results.mode).toEqual({ mode: 'hybrid', reason: null, embeddingModel: MODEL });
      expect(results.hits).toHaveLength(2);
      expect(results.hits[0]!.score).toBe(1);
      expect(new Set(results.hits.map((h) => h.articleId))).toEqual(
        new Set(['shipping/late-delivery', 'billing/refunds']),
      );
    } finally {
      await close();
    }
  });

  it("uses the pack's own vectors when they come from the device's model", async () => {
    const { knowledge, packs, close } = await open('own');
    try {
      const file = await writeFixturePack(join(dir, 'embedded.inloop'), {
        id: 'acme',
        version: '1.0.0',
        articles: BILLING_ARTICLES,
        embedder,
      });
      const before = embedder.texts;
      const installed = await packs.install({ path: file });
      expect(installed.current.embeddingModel).toBe(MODEL);
      expect(embedder.texts).toBe(before);
      const results = await knowledge.search({ query: 'refund to my card' });
      expect(results.mode.mode).toBe('hybrid');
      expect(results.hits.length).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('refuses vectors of the same model id with another dimension', async () => {
    const { packs, close } = await open('wrong-dimension');
    try {
      // Forges a pack whose vectors claim the device's model but have another dimension.
      const liar: Embedder = {
        modelId: MODEL,
        dimension: embedder.dimension * 2,
        embed: async (texts) => texts.map(() => new Float32Array(embedder.dimension * 2).fill(0.1)),
        close: async () => {},
      };
      const file = await writeFixturePack(join(dir, 'liar.inloop'), {
        id: 'acme',
        version: '1.0.0',
        articles: BILLING_ARTICLES,
        embedder: liar,
      });
      await expect(packs.install({ path: file })).rejects.toThrow(/dimension/);
      expect(await packs.list()).toEqual([]);
    } finally {
      await close();
    }
  });
});
