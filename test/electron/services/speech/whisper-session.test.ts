/**
 * Whisper on onnxruntime-node with the load-time rewrites, on the random-weight test model:
 * a session loads and transcribes with and without them, the rewrites cost no tokens, and a
 * rewrite the runtime refuses falls back to the file as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSession,
  WhisperSession,
} from '../../../../electron/services/speech/whisper-session';
import { hasSharedModel, sharedModelsDir } from '../embeddings/shared-models';
import { Tokenizer } from '@huggingface/tokenizers';
import { seededRandom } from '../../../../shared/seeded-random';

const MODEL = 'inloop-test/whisper-tiny-random';

describe.skipIf(!hasSharedModel(MODEL))('whisper session', () => {
  it('transcribes with the rewrites as without them: text, to the same cap', async () => {
    const audio = Float32Array.from({ length: 16_000 * 2 }, (_, i) => 0.3 * Math.sin(i / 9));
    const results = [];
    for (const rewrites of [
      { int8Logits: false, fusedAttention: false },
      { int8Logits: true, fusedAttention: true },
    ]) {
      const session = await WhisperSession.load({
        modelsDir: sharedModelsDir,
        modelId: MODEL,
        threads: 1,
        ...rewrites,
      });
      results.push(await session.transcribe(audio, 12));
      await session.release();
    }
    // Random weights never say end-of-text, so both decode to the cap.
    expect(results.map((result) => result.tokens)).toEqual([12, 12]);
    expect(results.every((result) => !result.stopped && result.text.length > 0)).toBe(true);
  });

  it('falls back to the model as it is when the runtime refuses the rewritten one', async () => {
    const original = readFileSync(
      join(sharedModelsDir, MODEL, 'onnx', 'encoder_model_quantized.onnx'),
    );
    const broken = Uint8Array.from(original.subarray(0, 1000));
    const session = await createSession(broken, original, 1);
    expect(session.inputNames).toEqual(['input_features']);
    await session.release();
  });

  it("decodes tokens as transformers.js's Whisper tokenizer does", async () => {
    const { AutoTokenizer, env } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.localModelPath = `${sharedModelsDir}/`;
    const reference = await AutoTokenizer.from_pretrained(MODEL, { local_files_only: true });
    const ours = new Tokenizer(
      JSON.parse(readFileSync(join(sharedModelsDir, MODEL, 'tokenizer.json'), 'utf8')),
      JSON.parse(readFileSync(join(sharedModelsDir, MODEL, 'tokenizer_config.json'), 'utf8')),
    );
    const random = seededRandom(5);
    for (let n = 0; n < 200; n++) {
      // Text tokens with a special one now and then (they are skipped).
      const ids = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        random() < 0.05 ? 50257 + Math.floor(random() * 100) : Math.floor(random() * 50257),
      );
      const options = { skip_special_tokens: true };
      expect(ours.decode(ids, options)).toBe(reference.decode(ids, options));
    }
  });
});
