import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveEmbeddingModel } from '../../../../electron/services/embeddings/embedding-model';
import { retrievalModeCheck } from '../../../../electron/services/diagnostics/retrieval-check';

const sharedModels = join(import.meta.dirname, '../../../../../shared/models');

describe('the doctor’s retrieval-mode check (real folders)', () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'inloop-retrieval-'));
  });
  afterAll(() => rm(empty, { recursive: true, force: true }));

  it('says hybrid, with the model, when the model is there', async () => {
    const check = retrievalModeCheck(
      await resolveEmbeddingModel(sharedModels, {
        INLOOP_EMBED_MODEL: 'inloop-test/minilm-tiny-random',
      }),
    );
    expect(check).toMatchObject({
      id: 'retrieval-mode',
      verdict: 'ok',
      detail:
        'hybrid: full-text + vector search with inloop-test/minilm-tiny-random (q8, from INLOOP_EMBED_MODEL)',
    });
  });

  it('warns lexical, naming the missing file and the fetch and import fixes', async () => {
    const check = retrievalModeCheck(await resolveEmbeddingModel(empty, {}));
    expect(check.verdict).toBe('warn');
    expect(check.detail).toMatch(
      /^lexical: .*Xenova\/all-MiniLM-L6-v2 is not installed \(.*config\.json is missing\)/,
    );
    expect(check.fix).toContain('inloop models fetch Xenova/all-MiniLM-L6-v2');
    expect(check.fix).toContain('inloop models import <dir>');
  });

  it('warns lexical when the folder lacks the q8 weights', async () => {
    // The whisper test model has a config.json and a tokenizer but no onnx/model_quantized.onnx.
    const check = retrievalModeCheck(
      await resolveEmbeddingModel(sharedModels, {
        INLOOP_EMBED_MODEL: 'inloop-test/whisper-tiny-random',
      }),
    );
    expect(check).toMatchObject({
      verdict: 'warn',
      detail: expect.stringContaining('onnx/model_quantized.onnx is missing'),
    });
  });

  it('reports lexical as asked for INLOOP_EMBED_MODEL=none', async () => {
    const check = retrievalModeCheck(
      await resolveEmbeddingModel(sharedModels, { INLOOP_EMBED_MODEL: 'none' }),
    );
    expect(check).toMatchObject({ verdict: 'ok', detail: expect.stringContaining('lexical') });
  });
});
