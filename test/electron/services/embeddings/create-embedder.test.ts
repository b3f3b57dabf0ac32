import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEmbedder,
  defaultEmbedThreads,
  embedIdleMs,
} from '../../../../electron/services/embeddings/create-embedder';
import type { Embedder } from '../../../../electron/services/embeddings/embedder';
import { env, pipeline } from '@huggingface/transformers';
import { hasSharedModel, sharedModelsDir, TINY_MODEL } from './shared-models';

const norm = (v: Float32Array) => Math.hypot(...v);
const cosine = (a: Float32Array, b: Float32Array) =>
  a.reduce((sum, x, i) => sum + x * b[i]!, 0) / (norm(a) * norm(b));

const texts = [
  'I was charged twice for my subscription this month.',
  'reset password',
  'The parcel says delivered but it never arrived at my door, can you check with the courier?',
  'hi',
  'How do I change the delivery address on an order I already placed?',
  'refund',
];

describe.skipIf(!hasSharedModel())(
  'createEmbedder on the tiny test model (real ONNX Runtime)',
  () => {
    let embedder: Embedder;

    beforeAll(async () => {
      // A batch size below the number of texts, so the length-grouped batching is exercised.
      const choice = await createEmbedder({
        modelsDir: sharedModelsDir,
        env: { INLOOP_EMBED_MODEL: TINY_MODEL },
        batchSize: 4,
      });
      expect(choice.reason).toBeNull();
      embedder = choice.embedder!;
    }, 60_000);

    afterAll(() => embedder?.close());

    it('reports the model id and the dimension the model really outputs', () => {
      expect(embedder.modelId).toBe(TINY_MODEL);
      expect(embedder.dimension).toBe(32);
    });

    it('returns one unit-length vector per text, in order', async () => {
      const vectors = await embedder.embed(texts);
      expect(vectors).toHaveLength(texts.length);
      for (const v of vectors) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v).toHaveLength(32);
        expect(norm(v)).toBeCloseTo(1, 4);
      }
      // Different texts give different vectors (even with random weights).
      expect(cosine(vectors[0]!, vectors[1]!)).toBeLessThan(0.9999);
    });

    it('gives the same vector for a text alone as inside a batch', async () => {
      const batched = await embedder.embed(texts);
      for (const [i, text] of texts.entries()) {
        const [single] = await embedder.embed([text]);
        // q8 quantises activations per call, so padding in a batch moves values very slightly.
        expect(cosine(single!, batched[i]!)).toBeGreaterThan(0.999);
      }
    });

    it('embeds a text longer than the model reads (512 tokens) instead of failing', async () => {
      const long = 'my card was charged twice and the refund never arrived. '.repeat(120);
      const [vector] = await embedder.embed([long]);
      expect(norm(vector!)).toBeCloseTo(1, 4);
    });

    it("gives transformers.js's feature-extraction vectors (the pipeline packs were built with)", async () => {
      env.allowRemoteModels = false;
      env.localModelPath = `${sharedModelsDir}/`;
      const extractor = await pipeline('feature-extraction', TINY_MODEL, { dtype: 'q8' });
      // The long text crosses the 512-token truncation, which must cut where the pipeline's does.
      const inputs = [...texts, `${texts[2]} `.repeat(40)];
      const reference = await extractor(inputs, { pooling: 'mean', normalize: true });
      await extractor.dispose();
      const ours = await embedder.embed(inputs);
      const width = reference.dims[1]!;
      ours.forEach((vector, i) => {
        const expected = (reference.data as Float32Array).slice(i * width, (i + 1) * width);
        expect(cosine(vector, expected)).toBeGreaterThan(0.99999);
      });
    }, 60_000);

    it('answers an empty list with no vectors', async () => {
      expect(await embedder.embed([])).toEqual([]);
    });
  },
);

describe('createEmbedder without a usable model', () => {
  let emptyDir: string;
  beforeAll(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'inloop-models-'));
  });
  afterAll(() => rm(emptyDir, { recursive: true, force: true }));

  it('forces lexical mode for INLOOP_EMBED_MODEL=none', async () => {
    const choice = await createEmbedder({
      modelsDir: sharedModelsDir,
      env: { INLOOP_EMBED_MODEL: 'none' },
    });
    expect(choice).toEqual({ embedder: null, reason: 'INLOOP_EMBED_MODEL=none' });
  });

  it('names the fix when the default model is not installed', async () => {
    const choice = await createEmbedder({ modelsDir: emptyDir, env: {} });
    expect(choice.embedder).toBeNull();
    expect(choice.reason).toContain('Xenova/all-MiniLM-L6-v2 is not installed');
    expect(choice.reason).toContain('inloop models fetch Xenova/all-MiniLM-L6-v2');
    expect(choice.reason).toContain('inloop models import <dir>');
  });

  it('refuses an override that is not a model id', async () => {
    const choice = await createEmbedder({
      modelsDir: emptyDir,
      env: { INLOOP_EMBED_MODEL: '../../etc' },
    });
    expect(choice.embedder).toBeNull();
    expect(choice.reason).toMatch(/is not a model id/);
  });
});

describe('defaultEmbedThreads', () => {
  it('keeps a core free on a 2-core machine and caps at 4', () => {
    expect(defaultEmbedThreads(1)).toBe(1);
    expect(defaultEmbedThreads(2)).toBe(1);
    expect(defaultEmbedThreads(8)).toBe(4);
    expect(defaultEmbedThreads(32)).toBe(4);
  });

  it('honours INLOOP_EMBED_THREADS', () => {
    expect(defaultEmbedThreads(2, { INLOOP_EMBED_THREADS: '2' })).toBe(2);
    expect(defaultEmbedThreads(2, { INLOOP_EMBED_THREADS: 'lots' })).toBe(1);
  });
});

describe('embedIdleMs', () => {
  it('stops the idle worker after 5 minutes unless INLOOP_EMBED_IDLE_SECONDS says otherwise', () => {
    expect(embedIdleMs({})).toBe(300_000);
    expect(embedIdleMs({ INLOOP_EMBED_IDLE_SECONDS: '30' })).toBe(30_000);
    expect(embedIdleMs({ INLOOP_EMBED_IDLE_SECONDS: '0' })).toBe(0);
    expect(embedIdleMs({ INLOOP_EMBED_IDLE_SECONDS: 'soon' })).toBe(300_000);
  });
});

describe.skipIf(!hasSharedModel())('an embedder whose worker stops when idle', () => {
  it('gives the same vector after the worker stopped and started again', async () => {
    const { embedder } = await createEmbedder({
      modelsDir: sharedModelsDir,
      env: { INLOOP_EMBED_MODEL: TINY_MODEL },
      idleMs: 100,
    });
    try {
      const [before] = await embedder!.embed(['where is my parcel']);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const [after] = await embedder!.embed(['where is my parcel']);
      expect(cosine(before!, after!)).toBeGreaterThan(0.99999);
    } finally {
      await embedder?.close();
    }
  }, 60_000);
});
