/**
 * Reading and rewriting the nodes of an ONNX model at load time, on the lossless wire codec
 * (protobuf-wire.ts): everything a rewrite does not touch (initializers, value infos, metadata,
 * attributes) is written back byte for byte. Field numbers are onnx.proto's.
 */
import {
  decodeFields,
  encodeFields,
  fieldString,
  messageField,
  repeatedVarints,
  stringField,
  varintField,
  type WireField,
} from './protobuf-wire';

const MODEL_GRAPH = 7;
const MODEL_OPSET_IMPORT = 8;
const OPSET_DOMAIN = 1;
const OPSET_VERSION = 2;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const GRAPH_OUTPUT = 12;
const VALUE_INFO_NAME = 1;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_NAME = 3;
const NODE_OP_TYPE = 4;
const NODE_ATTRIBUTE = 5;
const NODE_DOMAIN = 7;
const ATTRIBUTE_NAME = 1;
const ATTRIBUTE_FLOAT = 2;
const ATTRIBUTE_INT = 3;
const ATTRIBUTE_TENSOR = 5;
const ATTRIBUTE_GRAPH = 6;
const ATTRIBUTE_INTS = 8;
const ATTRIBUTE_GRAPHS = 11;
const ATTRIBUTE_TYPE = 20;
const ATTRIBUTE_TYPE_FLOAT = 1;
const ATTRIBUTE_TYPE_INT = 2;
const TENSOR_DIMS = 1;
const TENSOR_DATA_TYPE = 2;
const TENSOR_FLOAT_DATA = 4;
const TENSOR_NAME = 8;
const TENSOR_RAW_DATA = 9;
const DATA_TYPE_FLOAT = 1;

export interface OnnxNode {
  readonly name: string;
  readonly opType: string;
  /** '' is the default ONNX domain. */
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Names of the node's attributes. */
  readonly attributes: readonly string[];
  /** True when an attribute holds a graph (If branches, Loop bodies), which may read any value. */
  readonly hasSubgraph: boolean;
}

/** A node as read, with the field it came from (to write it back unchanged). */
export interface GraphNode {
  readonly node: OnnxNode;
  readonly field: WireField;
}

export interface NewNode {
  readonly name: string;
  readonly opType: string;
  /** '' (the default) or a contrib domain such as 'com.microsoft'. */
  readonly domain?: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly intAttributes?: Readonly<Record<string, number>>;
  readonly floatAttributes?: Readonly<Record<string, number>>;
}

/** What a rewrite knows of the graph around the nodes. */
export interface GraphScope {
  /** Initializer shapes of this graph and of the graphs around it. */
  readonly initializerDims: ReadonlyMap<string, readonly number[]>;
  /** The graph's own outputs. */
  readonly outputs: ReadonlySet<string>;
}

/** A rewrite of one graph's node list: the node fields to keep, in order, or null to leave it. */
export type NodeRewrite = (
  nodes: readonly GraphNode[],
  scope: GraphScope,
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
  let hasSubgraph = false;
  for (const part of decodeFields(field.raw)) {
    if (part.no === NODE_INPUT) node.inputs.push(fieldString(part));
    else if (part.no === NODE_OUTPUT) node.outputs.push(fieldString(part));
    else if (part.no === NODE_NAME) node.name = fieldString(part);
    else if (part.no === NODE_OP_TYPE) node.opType = fieldString(part);
    else if (part.no === NODE_DOMAIN) node.domain = fieldString(part);
    else if (part.no === NODE_ATTRIBUTE) {
      const attribute = decodeFields(part.raw);
      const name = attribute.find((a) => a.no === ATTRIBUTE_NAME);
      if (name) attributes.push(fieldString(name));
      if (attribute.some((a) => a.no === ATTRIBUTE_GRAPH || a.no === ATTRIBUTE_GRAPHS)) {
        hasSubgraph = true;
      }
    }
  }
  return { ...node, attributes, hasSubgraph };
}

/** The fields of the node's attribute called `name`, or null. */
function attributeFields(field: WireField, name: string): WireField[] | null {
  for (const part of decodeFields(field.raw)) {
    if (part.no !== NODE_ATTRIBUTE) continue;
    const attribute = decodeFields(part.raw);
    const named = attribute.find((a) => a.no === ATTRIBUTE_NAME);
    if (named && fieldString(named) === name) return attribute;
  }
  return null;
}

/** An `int` attribute (a Softmax's `axis`), or null when the node has none by that name. */
export function intAttribute(field: WireField, name: string): number | null {
  const attribute = attributeFields(field, name);
  return attribute ? (repeatedVarints(attribute, ATTRIBUTE_INT)[0] ?? null) : null;
}

/** An `ints` attribute (a Transpose's `perm`), or null when the node has none by that name. */
export function intsAttribute(field: WireField, name: string): number[] | null {
  const attribute = attributeFields(field, name);
  return attribute ? repeatedVarints(attribute, ATTRIBUTE_INTS) : null;
}

/** The value of a `Constant` node holding one float32, or null for anything else. */
export function constantScalar(entry: GraphNode): number | null {
  if (entry.node.opType !== 'Constant') return null;
  const tensor = attributeFields(entry.field, 'value')?.find((a) => a.no === ATTRIBUTE_TENSOR);
  if (!tensor) return null;
  const parts = decodeFields(tensor.raw);
  const type = repeatedVarints(parts, TENSOR_DATA_TYPE)[0];
  const elements = repeatedVarints(parts, TENSOR_DIMS).reduce((product, dim) => product * dim, 1);
  const values: number[] = [];
  for (const part of parts) {
    if (part.no !== TENSOR_RAW_DATA && part.no !== TENSOR_FLOAT_DATA) continue;
    const view = new DataView(part.raw.buffer, part.raw.byteOffset, part.raw.byteLength);
    for (let at = 0; at + 4 <= part.raw.byteLength; at += 4) values.push(view.getFloat32(at, true));
  }
  return type === DATA_TYPE_FLOAT && elements === 1 && values.length === 1 ? values[0]! : null;
}

/**
 * The nodes without those whose outputs nothing reads any more (repeatedly, so chains go too).
 * A graph with subgraph-holding nodes is returned as it is: a branch may read any value.
 */
export function withoutDeadNodes<T extends { readonly node: OnnxNode }>(
  nodes: readonly T[],
  outputs: ReadonlySet<string>,
): T[] {
  if (nodes.some((entry) => entry.node.hasSubgraph)) return [...nodes];
  let live = [...nodes];
  for (;;) {
    const read = new Set(outputs);
    for (const entry of live) for (const input of entry.node.inputs) read.add(input);
    const kept = live.filter((entry) => entry.node.outputs.some((output) => read.has(output)));
    if (kept.length === live.length) return live;
    live = kept;
  }
}

function floatField(no: number, value: number): WireField {
  const raw = new Uint8Array(4);
  new DataView(raw.buffer).setFloat32(0, value, true);
  return { no, wire: 5, raw };
}

export function nodeField(node: NewNode): WireField {
  const ints = Object.entries(node.intAttributes ?? {}).map(([name, value]) =>
    messageField(NODE_ATTRIBUTE, [
      stringField(ATTRIBUTE_NAME, name),
      varintField(ATTRIBUTE_INT, value),
      varintField(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INT),
    ]),
  );
  const floats = Object.entries(node.floatAttributes ?? {}).map(([name, value]) =>
    messageField(NODE_ATTRIBUTE, [
      stringField(ATTRIBUTE_NAME, name),
      floatField(ATTRIBUTE_FLOAT, value),
      varintField(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_FLOAT),
    ]),
  );
  return messageField(GRAPH_NODE, [
    ...node.inputs.map((input) => stringField(NODE_INPUT, input)),
    ...node.outputs.map((output) => stringField(NODE_OUTPUT, output)),
    stringField(NODE_NAME, node.name),
    stringField(NODE_OP_TYPE, node.opType),
    ...ints,
    ...floats,
    ...(node.domain ? [stringField(NODE_DOMAIN, node.domain)] : []),
  ]);
}

function tensorDims(field: WireField): { name: string; dims: number[] } {
  const parts = decodeFields(field.raw);
  const name = parts.find((part) => part.no === TENSOR_NAME);
  return { name: name ? fieldString(name) : '', dims: repeatedVarints(parts, TENSOR_DIMS) };
}

function rewriteGraph(
  raw: Uint8Array,
  rewrite: NodeRewrite,
  outer: ReadonlyMap<string, readonly number[]>,
): Uint8Array {
  const fields = decodeFields(raw);
  const dims = new Map(outer);
  const outputs = new Set<string>();
  for (const field of fields) {
    if (field.no === GRAPH_INITIALIZER) {
      const tensor = tensorDims(field);
      dims.set(tensor.name, tensor.dims);
    } else if (field.no === GRAPH_OUTPUT) {
      const name = decodeFields(field.raw).find((part) => part.no === VALUE_INFO_NAME);
      if (name) outputs.add(fieldString(name));
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
  const replaced = rewrite(nodes, { initializerDims: dims, outputs });
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

/** The model importing operator set `domain` at `version`, when it does not already. */
export function withOpsetImport(model: Uint8Array, domain: string, version: number): Uint8Array {
  const fields = decodeFields(model);
  const imported = fields.some((field) => {
    if (field.no !== MODEL_OPSET_IMPORT) return false;
    const named = decodeFields(field.raw).find((part) => part.no === OPSET_DOMAIN);
    return (named ? fieldString(named) : '') === domain;
  });
  if (imported) return model;
  return encodeFields([
    ...fields,
    messageField(MODEL_OPSET_IMPORT, [
      stringField(OPSET_DOMAIN, domain),
      varintField(OPSET_VERSION, version),
    ]),
  ]);
}
