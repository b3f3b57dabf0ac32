/**
 * Building with the real embedder: transformers.js in its worker on the tiny random-weight
 * test model (../shared/models), on a small slice of the example pack so it stays fast.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../../../../electron/services/embeddings/embedder';
import { createEmbedder } from '../../../../../electron/services/embeddings/create-embedder';
import {
  buildPack,
  embeddingText,
  type BuildProgress,
} from '../../../../../electron/services/packs/build';
import { readBack, sharedModels, smallSource, tempDir } from './build-fixtures';

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((v, i) => {
    dot += v * b[i]!;
    na += v * v;
    nb += b[i]! * b[i]!;
  });
  return dot / Math.sqrt(na * nb);
}

const MODEL = 'inloop-test/minilm-tiny-random';
const present = existsSync(join(sharedModels, MODEL, 'config.json'));
if (!present) console.warn(`skipping embedded pack build: ${MODEL} not found in ${sharedModels}`);

describe.skipIf(!present)('buildPack with an embedding model', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let embedder: Embedder;
  beforeAll(async () => {
    temp = await tempDir();
    const choice = await createEmbedder({
      modelsDir: sharedModels,
      env: { INLOOP_EMBED_MODEL: MODEL },
      threads: 1,
    });
    if (!choice.embedder) throw new Error(`no embedder: ${choice.reason}`);
    embedder = choice.embedder;
  }, 60_000);
  afterAll(async () => {
    await embedder?.close();
    await temp?.remove();
  });

  it('stores one vector per passage, of its title, section and text', async () => {
    const src = await smallSource(temp.dir, ['returns/return-policy.md', 'shipping']);
    const out = join(temp.dir, 'embedded.inloop');
    const progress: BuildProgress[] = [];
    const result = await buildPack(src, { out, embedder, onProgress: (p) => progress.push(p) });
    expect(result.ok).toBe(true);

    const { pack, passages } = await readBack(out);
    const { dimension } = embedder;
    expect(pack.manifest.embedding).toEqual({ model: MODEL, dimension });
    const bytes = pack.entry('index/embeddings.f32');
    const rows = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    expect(rows.length).toBe(passages.length * dimension);

    // Row i is the vector of passage i's embedding text (title — section — text), not of the
    // bare text: embed both again (batch padding moves q8 results slightly, hence cosines).
    const picks = [0, passages.length - 1];
    const full = await embedder.embed(picks.map((i) => embeddingText(passages[i]!)));
    const bare = await embedder.embed(picks.map((i) => passages[i]!.text));
    picks.forEach((i, k) => {
      const row = rows.subarray(i * dimension, (i + 1) * dimension);
      expect(cosine(row, full[k]!)).toBeGreaterThan(0.999);
      expect(cosine(row, bare[k]!)).toBeLessThan(cosine(row, full[k]!));
    });
    expect(embeddingText(passages[0]!)).toMatch(/^Return policy — Acme Retail accepts/);

    const embedding = progress.filter((p) => p.phase === 'embedding');
    expect(embedding.at(-1)).toEqual({
      phase: 'embedding',
      done: passages.length,
      total: passages.length,
    });
  }, 60_000);
});
