/**
 * The int8 logits rewrite on the random-weight Whisper test decoder, run in onnxruntime-node:
 * the rewritten decoder loads, gives the same logits within int8 rounding and picks the same
 * tokens; a model without the pattern comes back untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { rewriteModelNodes } from '../../../../electron/services/models/onnx-graph';
import { quantizeLogitsProjection } from '../../../../electron/services/speech/int8-logits';
import { hasSharedModel, sharedModelsDir } from '../embeddings/shared-models';

const WHISPER = 'inloop-test/whisper-tiny-random';
const present = hasSharedModel(WHISPER);
const file = (name: string) => readFileSync(join(sharedModelsDir, WHISPER, 'onnx', name));
const sessions: ort.InferenceSession[] = [];

async function firstStepLogits(model: Uint8Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
  sessions.push(session);
  const encoded = new ort.Tensor(
    'float32',
    Float32Array.from({ length: 1500 * 64 }, (_, i) => Math.sin(i * 0.37)),
    [1, 1500, 64],
  );
  const feeds: Record<string, ort.Tensor> = {
    encoder_hidden_states: encoded,
    input_ids: new ort.Tensor('int64', BigInt64Array.from([50257n, 50362n, 440n]), [1, 3]),
    use_cache_branch: new ort.Tensor('bool', new Uint8Array([0]), [1]),
  };
  const empty = new ort.Tensor('float32', new Float32Array(0), [1, 2, 0, 32]);
  for (const name of session.inputNames) {
    if (name.startsWith('past_key_values.')) feeds[name] = empty;
  }
  return (await session.run(feeds)).logits!.data as Float32Array;
}

const argmaxRows = (logits: Float32Array, vocab: number): number[] =>
  Array.from({ length: logits.length / vocab }, (_, row) => {
    let best = 0;
    for (let v = 1; v < vocab; v++) {
      if (logits[row * vocab + v]! > logits[row * vocab + best]!) best = v;
    }
    return best;
  });

afterAll(async () => {
  await Promise.all(sessions.map((session) => session.release()));
});

describe.skipIf(!present)('int8 logits projection', () => {
  it('rewrites both branches of the merged decoder, leaving no fp32 projection', () => {
    const { model, rewritten } = quantizeLogitsProjection(
      file('decoder_model_merged_quantized.onnx'),
    );
    expect(rewritten).toBe(2);
    const logitsProducers: string[] = [];
    rewriteModelNodes(model, (nodes) => {
      for (const { node } of nodes) {
        if (node.outputs.some((output) => output.endsWith('/logits')))
          logitsProducers.push(node.opType);
        expect(
          node.opType === 'DequantizeLinear' && node.outputs[0]!.includes('weight_transposed'),
        ).toBe(false);
      }
      return null;
    });
    expect(logitsProducers).toEqual(['Mul', 'Mul']);
  });

  it('gives the same tokens and logits within int8 rounding', async () => {
    const original = file('decoder_model_merged_quantized.onnx');
    const [before, after] = await Promise.all([
      firstStepLogits(original),
      firstStepLogits(quantizeLogitsProjection(original).model),
    ]);
    expect(after.length).toBe(before.length);
    let largest = 0;
    let worst = 0;
    for (let i = 0; i < before.length; i++) {
      largest = Math.max(largest, Math.abs(before[i]!));
      worst = Math.max(worst, Math.abs(before[i]! - after[i]!));
    }
    expect(worst).toBeGreaterThan(0); // it is a different computation…
    expect(worst / largest).toBeLessThan(0.02); // …within the rounding of an 8-bit hidden state
    expect(argmaxRows(after, 51864)).toEqual(argmaxRows(before, 51864));
  });

  it('leaves a model without a dequantised logits projection as it was', () => {
    const encoder = file('encoder_model_quantized.onnx');
    const result = quantizeLogitsProjection(encoder);
    expect(result.rewritten).toBe(0);
    expect(result.model).toBe(encoder);
  });
});
