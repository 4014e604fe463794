/**
 * A small in-memory ONNX graph and its serialisation to a ModelProto with `onnx-proto`.
 *
 * One concern: the ONNX file format. The converter (tf-to-onnx.ts) fills an
 * `OnnxGraph`; precision.ts rewrites its initializers; `encodeOnnxModel`
 * writes the bytes. Tensors are written as `raw_data` (little-endian), the
 * compact form onnxruntime reads fastest.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Element types we write. */
export type OnnxDType = 'float32' | 'float16' | 'int8' | 'int32' | 'int64';

/** ONNX TensorProto.DataType codes. */
export const ONNX_DTYPE: Record<OnnxDType, number> = {
  float32: 1, // FLOAT
  int8: 3, // INT8
  int32: 6, // INT32
  int64: 7, // INT64
  float16: 10, // FLOAT16
};

/** The typed array that holds each element type (float16 as raw bit patterns). */
export type OnnxTensorData = Float32Array | Uint16Array | Int8Array | Int32Array | BigInt64Array;

/**
 * What an initializer is used for, so precision passes know what they may change.
 * - `weight`: a convolution filter; `channelAxis` is its output-channel axis (for per-channel quantization)
 * - `bias`: a per-channel bias
 * - `const`: any other constant (elementwise operands, activation parameters)
 * - `shape`: an integer shape / index tensor (never touched)
 */
export type InitializerRole = { kind: 'weight'; channelAxis: number } | { kind: 'bias' } | { kind: 'const' } | { kind: 'shape' };

export interface OnnxInitializer {
  name: string;
  dtype: OnnxDType;
  dims: number[];
  data: OnnxTensorData;
  role: InitializerRole;
}

/** An attribute value, tagged with its ONNX type. */
export type OnnxAttr =
  | { int: number }
  | { float: number }
  | { ints: number[] }
  | { floats: number[] }
  | { string: string };

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  attrs?: Record<string, OnnxAttr>;
}

/** A graph input or output: float32 with a fixed shape. */
export interface OnnxValueInfo {
  name: string;
  dtype: OnnxDType;
  shape: number[];
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxInitializer[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}

export interface EncodeOptions {
  /** Default-domain opset version, e.g. 17. */
  opset: number;
  /** ONNX IR version; 8 goes with opsets 14..18. */
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  docString?: string;
  /** Free key/value metadata stored in the model (source, licence, ...). */
  metadata?: Record<string, string>;
}

function rawBytes(init: OnnxInitializer): Uint8Array {
  const count = init.dims.reduce((a, b) => a * b, 1);
  if (init.data.length !== count) {
    throw new Error(`Initializer ${init.name}: ${init.data.length} values for dims [${init.dims}] (${count} expected)`);
  }
  // Typed arrays are little-endian on every platform Node and browsers run on.
  return new Uint8Array(init.data.buffer, init.data.byteOffset, init.data.byteLength);
}

function encodeAttr(name: string, v: OnnxAttr): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if ('int' in v) return { name, type: T.INT, i: v.int };
  if ('float' in v) return { name, type: T.FLOAT, f: v.float };
  if ('ints' in v) return { name, type: T.INTS, ints: v.ints };
  if ('floats' in v) return { name, type: T.FLOATS, floats: v.floats };
  return { name, type: T.STRING, s: new TextEncoder().encode(v.string) };
}

function valueInfo(v: OnnxValueInfo): onnxProto.onnx.IValueInfoProto {
  return {
    name: v.name,
    type: { tensorType: { elemType: ONNX_DTYPE[v.dtype], shape: { dim: v.shape.map((d) => ({ dimValue: d })) } } },
  };
}

/**
 * Check the graph is well formed: every node input is produced before it is
 * used (by an initializer, a graph input or an earlier node), names are unique,
 * every output is produced. Throws with the first problem found.
 *
 * @example validateGraph(graph) // throws "Node Conv_3 reads 'x' which nothing produced before it"
 */
export function validateGraph(graph: OnnxGraph): void {
  const known = new Set<string>();
  const add = (name: string, what: string) => {
    if (known.has(name)) throw new Error(`ONNX value '${name}' is defined twice (${what})`);
    known.add(name);
  };
  for (const i of graph.initializers) add(i.name, 'initializer');
  for (const i of graph.inputs) add(i.name, 'graph input');
  for (const n of graph.nodes) {
    for (const i of n.inputs) {
      if (i !== '' && !known.has(i)) throw new Error(`Node ${n.name ?? n.op} reads '${i}' which nothing produced before it`);
    }
    for (const o of n.outputs) add(o, `output of ${n.name ?? n.op}`);
  }
  for (const o of graph.outputs) if (!known.has(o.name)) throw new Error(`Graph output '${o.name}' is never produced`);
}

/**
 * Serialise a graph to ONNX bytes (a ModelProto).
 *
 * @param graph nodes in topological order
 * @param options opset (e.g. 17), producer and metadata
 * @example
 *   const bytes = encodeOnnxModel(graph, { opset: 17, producerName: 'fitroom' });
 *   writeFileSync('model.onnx', bytes);
 */
export function encodeOnnxModel(graph: OnnxGraph, options: EncodeOptions): Uint8Array {
  if (!Number.isInteger(options.opset) || options.opset < 13) {
    throw new Error(`Expected an integer opset >= 13 for opset but received ${options.opset}`);
  }
  validateGraph(graph);
  const model: onnxProto.onnx.IModelProto = {
    irVersion: options.irVersion ?? 8,
    opsetImport: [{ domain: '', version: options.opset }],
    producerName: options.producerName ?? 'fitroom',
    producerVersion: options.producerVersion ?? '',
    docString: options.docString ?? '',
    metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: graph.name,
      node: graph.nodes.map((n, i) => ({
        opType: n.op,
        name: n.name ?? `${n.op}_${i}`,
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attrs ?? {}).map(([k, v]) => encodeAttr(k, v)),
      })),
      initializer: graph.initializers.map((t) => ({
        name: t.name,
        dataType: ONNX_DTYPE[t.dtype],
        dims: t.dims,
        rawData: rawBytes(t),
      })),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}
