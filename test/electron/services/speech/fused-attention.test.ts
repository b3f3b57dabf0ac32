/**
 * The fused self-attention rewrite on the random-weight Whisper encoders, run in
 * onnxruntime-node: the chains are found by structure, the rewritten encoder loads and gives
 * the same hidden states within float rounding (carried through the int8 layers after it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { rewriteModelNodes } from '../../../../electron/services/models/onnx-graph';
import { fuseSelfAttention } from '../../../../electron/services/speech/fused-attention';
import { hasSharedModel, sharedModelsDir } from '../embeddings/shared-models';

const TINY = 'inloop-test/whisper-tiny-random';
const SHAPE = 'inloop-test/whisper-tiny-en-shape-random';
const onnxFile = (model: string, name: string) =>
  readFileSync(join(sharedModelsDir, model, 'onnx', name));
const heads = (model: string) =>
  (
    JSON.parse(readFileSync(join(sharedModelsDir, model, 'config.json'), 'utf8')) as {
      encoder_attention_heads: number;
    }
  ).encoder_attention_heads;
const sessions: ort.InferenceSession[] = [];

async function encode(model: Uint8Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
  sessions.push(session);
  // A log-mel-like input: values in Whisper's range, not silence.
  const features = Float32Array.from(
    { length: 80 * 3000 },
    (_, i) => Math.sin(i * 0.37) * 0.8 - 0.2,
  );
  const input = new ort.Tensor('float32', features, [1, 80, 3000]);
  return (await session.run({ input_features: input })).last_hidden_state!.data as Float32Array;
}

function opTypes(model: Uint8Array): string[] {
  const ops: string[] = [];
  rewriteModelNodes(model, (nodes) => {
    ops.push(...nodes.map((entry) => entry.node.opType));
    return null;
  });
  return ops;
}

function relativeDifference(a: Float32Array, b: Float32Array): number {
  let largest = 0;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    largest = Math.max(largest, Math.abs(a[i]!));
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  }
  return worst / largest;
}

afterAll(async () => {
  await Promise.all(sessions.map((session) => session.release()));
});

describe.skipIf(!hasSharedModel(TINY))('fused self-attention', () => {
  it('replaces the tiny encoder’s attention chain with one fused node', () => {
    const original = onnxFile(TINY, 'encoder_model_quantized.onnx');
    const { model, fused } = fuseSelfAttention(original, heads(TINY));
    expect(fused).toBe(1);
    const before = opTypes(original);
    const after = opTypes(model);
    expect(before).toContain('Softmax');
    expect(after).not.toContain('Softmax');
    expect(after.filter((op) => op === 'MultiHeadAttention')).toHaveLength(1);
    // The Reshapes and Transposes of the chain went with it.
    expect(after.length).toBeLessThan(before.length - 6);
  });

  it('encodes as before within float rounding', async () => {
    const original = onnxFile(TINY, 'encoder_model_quantized.onnx');
    const [before, after] = await Promise.all([
      encode(original),
      encode(fuseSelfAttention(original, heads(TINY)).model),
    ]);
    expect(after.length).toBe(before.length);
    expect(relativeDifference(before, after)).toBeLessThan(0.02);
  });

  it.skipIf(!hasSharedModel(SHAPE))(
    'fuses all four layers of whisper-tiny.en, same output',
    async () => {
      const original = onnxFile(SHAPE, 'encoder_model_quantized.onnx');
      const { model, fused } = fuseSelfAttention(original, heads(SHAPE));
      expect(fused).toBe(4);
      const [before, after] = await Promise.all([encode(original), encode(model)]);
      expect(relativeDifference(before, after)).toBeLessThan(0.02);
    },
  );

  it('leaves the decoder alone: its attention has a mask or a cache', () => {
    const decoder = onnxFile(TINY, 'decoder_model_merged_quantized.onnx');
    const result = fuseSelfAttention(decoder, heads(TINY));
    expect(result.fused).toBe(0);
    expect(result.model).toBe(decoder);
  });
});
