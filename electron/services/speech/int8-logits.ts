/**
 * The q8 Whisper decoders (transformers.js / Optimum exports) keep the tied output projection
 * in floating point: `MatMul(hidden, DequantizeLinear(Transpose(embed_tokens_quantized)))`, a
 * 384 × 51864 fp32 product on every decoder step (reading ~80 MB), while every other
 * projection in the model is the dynamic-int8 pattern. This rewrite gives the logits the same
 * pattern the quantizer gives the rest, on the same int8 weights:
 *
 *   DynamicQuantizeLinear(hidden) → MatMulInteger(·, weight, zero points) → Cast → × scales
 *
 * which ONNX Runtime fuses into one int8 kernel (~20 MB a step). The weights are unchanged;
 * the only new rounding is the hidden state's to 8 bits, as in every other layer of the q8
 * model. Per-tensor quantisation only (a scalar scale and zero point); anything else is left
 * as it is.
 */
import {
  nodeField,
  readNode,
  rewriteModelNodes,
  withoutDeadNodes,
  type GraphNode,
  type NodeRewrite,
} from '../models/onnx-graph';
import type { WireField } from '../models/protobuf-wire';

export interface LogitsRewrite {
  readonly model: Uint8Array;
  /** Logits projections rewritten (the merged decoder has two: with and without the cache). */
  readonly rewritten: number;
}

const isScalar = (dims: readonly number[] | undefined): boolean =>
  dims !== undefined && dims.every((dim) => dim === 1);

/** The int8 replacement of one `MatMul(hidden, DequantizeLinear(wq, scale, zp))`. */
function int8Projection(matMul: GraphNode, dequantize: GraphNode): WireField[] {
  const base = matMul.node.name || matMul.node.outputs[0]!;
  const [hidden] = matMul.node.inputs;
  const [weight, scale, zeroPoint] = dequantize.node.inputs;
  const name = (part: string) => `${base}/int8_${part}`;
  return [
    nodeField({
      name: name('quantize'),
      opType: 'DynamicQuantizeLinear',
      inputs: [hidden!],
      outputs: [name('hidden'), name('hidden_scale'), name('hidden_zero_point')],
    }),
    nodeField({
      name: name('matmul'),
      opType: 'MatMulInteger',
      inputs: [name('hidden'), weight!, name('hidden_zero_point'), zeroPoint!],
      outputs: [name('product')],
    }),
    nodeField({
      name: name('cast'),
      opType: 'Cast',
      inputs: [name('product')],
      outputs: [name('product_float')],
      intAttributes: { to: 1 },
    }),
    nodeField({
      name: name('scale'),
      opType: 'Mul',
      inputs: [name('hidden_scale'), scale!],
      outputs: [name('product_scale')],
    }),
    nodeField({
      name: name('output'),
      opType: 'Mul',
      inputs: [name('product_float'), name('product_scale')],
      outputs: [matMul.node.outputs[0]!],
    }),
  ];
}

const rewriteLogits =
  (count: { rewritten: number }): NodeRewrite =>
  (nodes, { initializerDims: dims, outputs }) => {
    const replaced = new Map<GraphNode, WireField[]>();
    for (const entry of nodes) {
      const { node } = entry;
      if (node.opType !== 'MatMul' || node.domain !== '' || !node.outputs[0]?.endsWith('logits')) {
        continue;
      }
      const dequantize = nodes.find(
        (other) =>
          other.node.opType === 'DequantizeLinear' && other.node.outputs[0] === node.inputs[1],
      );
      if (!dequantize || dequantize.node.inputs.length !== 3) continue;
      if (dequantize.node.attributes.includes('axis')) continue;
      const [, scale, zeroPoint] = dequantize.node.inputs;
      if (!isScalar(dims.get(scale!)) || !isScalar(dims.get(zeroPoint!))) continue;
      replaced.set(entry, int8Projection(entry, dequantize));
    }
    if (replaced.size === 0) return null;
    count.rewritten += replaced.size;
    // The dequantised weight is left without a reader (unless something else used it).
    const rewired = nodes.flatMap(
      (entry) => replaced.get(entry)?.map((field) => ({ node: readNode(field), field })) ?? [entry],
    );
    return withoutDeadNodes(rewired, outputs).map((entry) => entry.field);
  };

/** The decoder with its fp32 logits projections made int8; `rewritten` 0 when there were none. */
export function quantizeLogitsProjection(model: Uint8Array): LogitsRewrite {
  const count = { rewritten: 0 };
  const rewritten = rewriteModelNodes(model, rewriteLogits(count));
  return { model: rewritten, rewritten: count.rewritten };
}
