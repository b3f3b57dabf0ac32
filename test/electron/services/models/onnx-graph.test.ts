import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nodeField,
  readNode,
  rewriteModelNodes,
  withOpsetImport,
  withoutDeadNodes,
} from '../../../../electron/services/models/onnx-graph';
import {
  encodeFields,
  messageField,
  stringField,
} from '../../../../electron/services/models/protobuf-wire';
import { hasSharedModel, sharedModelsDir } from '../embeddings/shared-models';

const WHISPER = 'inloop-test/whisper-tiny-random';
const decoderPath = () =>
  join(sharedModelsDir, WHISPER, 'onnx', 'decoder_model_merged_quantized.onnx');

describe('ONNX graph rewriting', () => {
  it('reads back a node it wrote', () => {
    const node = readNode(
      nodeField({
        name: 'cast',
        opType: 'Cast',
        inputs: ['x'],
        outputs: ['y'],
        intAttributes: { to: 1 },
      }),
    );
    expect(node).toEqual({
      name: 'cast',
      opType: 'Cast',
      domain: '',
      inputs: ['x'],
      outputs: ['y'],
      attributes: ['to'],
      hasSubgraph: false,
    });
  });

  it('refuses bytes without a graph', () => {
    const notAModel = encodeFields([stringField(2, 'onnx-ish')]);
    expect(() => rewriteModelNodes(notAModel, () => null)).toThrow(/no graph/);
  });

  it('rewrites a node inside a subgraph and keeps the rest', () => {
    const inner = messageField(1, [
      stringField(1, 'a'),
      stringField(2, 'b'),
      stringField(4, 'Relu'),
    ]);
    const ifNode = messageField(1, [
      stringField(4, 'If'),
      messageField(5, [
        stringField(1, 'then_branch'),
        messageField(6, [inner, stringField(2, 'g')]),
      ]),
    ]);
    const model = encodeFields([stringField(2, 'producer'), messageField(7, [ifNode])]);
    const seen: string[] = [];
    const rewritten = rewriteModelNodes(model, (nodes) => {
      seen.push(...nodes.map((entry) => entry.node.opType));
      if (!nodes.some((entry) => entry.node.opType === 'Relu')) return null;
      return [nodeField({ name: 'n', opType: 'Sigmoid', inputs: ['a'], outputs: ['b'] })];
    });
    // Innermost first: the branch's Relu is offered before the If that holds it.
    expect(seen).toEqual(['Relu', 'If']);
    const text = Buffer.from(rewritten).toString('latin1');
    expect(text).toContain('Sigmoid');
    expect(text).not.toContain('Relu');
    expect(text).toContain('producer');
    expect(text).toContain('then_branch');
  });

  it.skipIf(!hasSharedModel(WHISPER))(
    'sees the merged decoder’s branches and leaves it alone when asked to',
    () => {
      const model = readFileSync(decoderPath());
      const ops = new Set<string>();
      const same = rewriteModelNodes(model, (nodes) => {
        for (const entry of nodes) ops.add(entry.node.opType);
        return null;
      });
      expect(same).toBe(model);
      expect([...ops]).toEqual(
        expect.arrayContaining(['If', 'MatMulInteger', 'DequantizeLinear', 'Softmax']),
      );
    },
  );
});

describe('ONNX graph helpers', () => {
  const entry = (opType: string, inputs: string[], outputs: string[], hasSubgraph = false) => ({
    node: { name: opType, opType, domain: '', inputs, outputs, attributes: [], hasSubgraph },
  });

  it('drops chains nothing reads, keeps what feeds an output', () => {
    const nodes = [
      entry('Shape', ['x'], ['s']),
      entry('Reshape', ['x', 's'], ['r']), // read by nothing once the fused node replaced its reader
      entry('Relu', ['x'], ['y']),
    ];
    expect(withoutDeadNodes(nodes, new Set(['y'])).map((n) => n.node.opType)).toEqual(['Relu']);
  });

  it('keeps every node of a graph whose branches might read them', () => {
    const nodes = [entry('Shape', ['x'], ['s']), entry('If', ['c'], ['y'], true)];
    expect(withoutDeadNodes(nodes, new Set(['y']))).toHaveLength(2);
  });

  it('imports an operator set once', () => {
    const model = encodeFields([messageField(7, [])]);
    const once = withOpsetImport(model, 'com.microsoft', 1);
    expect(once.length).toBeGreaterThan(model.length);
    expect(withOpsetImport(once, 'com.microsoft', 1)).toBe(once);
  });
});
