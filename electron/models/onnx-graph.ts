/**
 * Reading and rewriting the nodes of an ONNX model at load time, on the lossless wire codec
 * (protobuf-wire.ts): everything a rewrite does not touch (initializers, value infos, metadata,
 * attributes) is written back byte for byte. Field numbers are onnx.proto's.
 */
import {
  decodeFields,
  encodeFields,
  fieldString,
  fieldVarint,
  messageField,
  stringField,
  varintField,
  type WireField,
} from './protobuf-wire';

const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_NAME = 3;
const NODE_OP_TYPE = 4;
const NODE_ATTRIBUTE = 5;
const NODE_DOMAIN = 7;
const ATTRIBUTE_NAME = 1;
const ATTRIBUTE_INT = 3;
const ATTRIBUTE_GRAPH = 6;
const ATTRIBUTE_GRAPHS = 11;
const ATTRIBUTE_TYPE = 20;
const ATTRIBUTE_TYPE_INT = 2;
const TENSOR_DIMS = 1;
const TENSOR_NAME = 8;

export interface OnnxNode {
  readonly name: string;
  readonly opType: string;
  /** '' is the default ONNX domain. */
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Names of the node's attributes. */
  readonly attributes: readonly string[];
}

/** A node as read, with the field it came from (to write it back unchanged). */
export interface GraphNode {
  readonly node: OnnxNode;
  readonly field: WireField;
}

export interface NewNode {
  readonly name: string;
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly intAttributes?: Readonly<Record<string, number>>;
}

/**
 * A rewrite of one graph's node list: the node fields to keep, in order, or null to leave the
 * graph as it is. It sees the graph's initializer shapes and those of the graphs around it.
 */
export type NodeRewrite = (
  nodes: readonly GraphNode[],
  initializerDims: ReadonlyMap<string, readonly number[]>,
) => readonly WireField[] | null;

export function readNode(field: WireField): OnnxNode {
  const node = {
    name: '',
    opType: '',
    domain: '',
    inputs: [] as string[],
    outputs: [] as string[],
  };
  const attributes: string[] = [];
  for (const part of decodeFields(field.raw)) {
    if (part.no === NODE_INPUT) node.inputs.push(fieldString(part));
    else if (part.no === NODE_OUTPUT) node.outputs.push(fieldString(part));
    else if (part.no === NODE_NAME) node.name = fieldString(part);
    else if (part.no === NODE_OP_TYPE) node.opType = fieldString(part);
    else if (part.no === NODE_DOMAIN) node.domain = fieldString(part);
    else if (part.no === NODE_ATTRIBUTE) {
      const name = decodeFields(part.raw).find((a) => a.no === ATTRIBUTE_NAME);
      if (name) attributes.push(fieldString(name));
    }
  }
  return { ...node, attributes };
}

export function nodeField(node: NewNode): WireField {
  const attributes = Object.entries(node.intAttributes ?? {}).map(([name, value]) =>
    messageField(NODE_ATTRIBUTE, [
      stringField(ATTRIBUTE_NAME, name),
      varintField(ATTRIBUTE_INT, value),
      varintField(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INT),
    ]),
  );
  return messageField(GRAPH_NODE, [
    ...node.inputs.map((input) => stringField(NODE_INPUT, input)),
    ...node.outputs.map((output) => stringField(NODE_OUTPUT, output)),
    stringField(NODE_NAME, node.name),
    stringField(NODE_OP_TYPE, node.opType),
    ...attributes,
  ]);
}

function tensorDims(field: WireField): { name: string; dims: number[] } {
  let name = '';
  const dims: number[] = [];
  for (const part of decodeFields(field.raw)) {
    if (part.no === TENSOR_NAME) name = fieldString(part);
    else if (part.no === TENSOR_DIMS && part.wire === 0) dims.push(Number(fieldVarint(part)));
    else if (part.no === TENSOR_DIMS && part.wire === 2) dims.push(...packedVarints(part.raw));
  }
  return { name, dims };
}

function packedVarints(raw: Uint8Array): number[] {
  const values: number[] = [];
  let value = 0;
  let scale = 1;
  for (const byte of raw) {
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) {
      values.push(value);
      value = 0;
      scale = 1;
    }
  }
  return values;
}

function rewriteGraph(
  raw: Uint8Array,
  rewrite: NodeRewrite,
  outer: ReadonlyMap<string, readonly number[]>,
): Uint8Array {
  const fields = decodeFields(raw);
  const dims = new Map(outer);
  for (const field of fields) {
    if (field.no === GRAPH_INITIALIZER) {
      const tensor = tensorDims(field);
      dims.set(tensor.name, tensor.dims);
    }
  }
  let changed = false;
  const nodes: GraphNode[] = [];
  for (const field of fields) {
    if (field.no !== GRAPH_NODE) continue;
    const inner = rewriteSubgraphs(field, rewrite, dims);
    if (inner !== field) changed = true;
    nodes.push({ node: readNode(inner), field: inner });
  }
  const replaced = rewrite(nodes, dims);
  if (!changed && replaced === null) return raw;
  const nodeFields = replaced ?? nodes.map((entry) => entry.field);
  const out: WireField[] = [];
  let placed = false;
  for (const field of fields) {
    if (field.no !== GRAPH_NODE) out.push(field);
    else if (!placed) {
      out.push(...nodeFields);
      placed = true;
    }
  }
  return encodeFields(out);
}

/** The node with its attribute subgraphs (If branches, Loop and Scan bodies) rewritten. */
function rewriteSubgraphs(
  field: WireField,
  rewrite: NodeRewrite,
  dims: ReadonlyMap<string, readonly number[]>,
): WireField {
  const parts = decodeFields(field.raw);
  let changed = false;
  const out = parts.map((part) => {
    if (part.no !== NODE_ATTRIBUTE) return part;
    let attributeChanged = false;
    const attribute = decodeFields(part.raw).map((inner) => {
      if (inner.no !== ATTRIBUTE_GRAPH && inner.no !== ATTRIBUTE_GRAPHS) return inner;
      const graph = rewriteGraph(inner.raw, rewrite, dims);
      if (graph === inner.raw) return inner;
      attributeChanged = true;
      return { ...inner, raw: graph };
    });
    if (!attributeChanged) return part;
    changed = true;
    return messageField(NODE_ATTRIBUTE, attribute);
  });
  return changed ? messageField(GRAPH_NODE, out) : field;
}

/**
 * The model with `rewrite` applied to its graph and every subgraph, innermost first; the same
 * bytes when nothing changed. Throws when the bytes are not an ONNX model with a graph.
 */
export function rewriteModelNodes(model: Uint8Array, rewrite: NodeRewrite): Uint8Array {
  const fields = decodeFields(model);
  const index = fields.findIndex((field) => field.no === MODEL_GRAPH && field.wire === 2);
  if (index < 0) throw new Error('ONNX: the model has no graph');
  const graph = fields[index]!;
  const rewritten = rewriteGraph(graph.raw, rewrite, new Map());
  if (rewritten === graph.raw) return model;
  const out = [...fields];
  out[index] = { ...graph, raw: rewritten };
  return encodeFields(out);
}
